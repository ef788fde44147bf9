/// Why a request's SigV4 signature was not accepted; each protocol renders it with its own AWS error code.
public enum SignatureFailure: Error, Sendable, Equatable {
    /// No `Authorization` header and no presigned query.
    case missing
    /// The header or query is present but cannot be read.
    case malformed(String)
    /// The access key id is not in the credentials file.
    case unknownAccessKey(String)
    /// The signature does not match the one computed with the key's secret.
    case mismatch
    /// The request time is more than 15 minutes from the server's clock.
    case clockSkew(requestTime: String, serverTime: String)
    /// A presigned URL past its expiry.
    case expired
    /// The body does not hash to the `x-amz-content-sha256` the request claimed.
    case payloadHashMismatch(claimed: String, computed: String)

    /// The awsJson / rest-json error code, message and status botocore expects.
    var jsonError: (code: String, message: String, status: Int) {
        switch self {
        case .missing:
            ("MissingAuthenticationTokenException", "Missing Authentication Token", 403)
        case .malformed(let reason):
            ("IncompleteSignatureException", reason, 400)
        case .unknownAccessKey:
            ("UnrecognizedClientException", "The security token included in the request is invalid.", 403)
        case .mismatch:
            (
                "InvalidSignatureException",
                "The request signature we calculated does not match the signature you provided. Check your AWS "
                    + "Secret Access Key and signing method. Consult the service documentation for details.", 403
            )
        case .clockSkew(let requestTime, let serverTime):
            (
                "InvalidSignatureException",
                "Signature expired: \(requestTime) is now earlier or later than \(serverTime) by more than 15 min.",
                403
            )
        case .expired:
            ("InvalidSignatureException", "Signature expired: the presigned request has expired.", 403)
        case .payloadHashMismatch:
            ("InvalidSignatureException", "The provided x-amz-content-sha256 header does not match the body.", 400)
        }
    }

    /// The S3 error code, message and status the S3 clients expect.
    var s3Error: (code: String, message: String, status: Int) {
        switch self {
        case .missing: ("AccessDenied", "Access Denied", 403)
        case .malformed(let reason): ("AuthorizationHeaderMalformed", reason, 400)
        case .unknownAccessKey:
            ("InvalidAccessKeyId", "The AWS Access Key Id you provided does not exist in our records.", 403)
        case .mismatch:
            (
                "SignatureDoesNotMatch",
                "The request signature we calculated does not match the signature you provided. Check your key and "
                    + "signing method.", 403
            )
        case .clockSkew:
            ("RequestTimeTooSkewed", "The difference between the request time and the current time is too large.", 403)
        case .expired: ("AccessDenied", "Request has expired", 403)
        case .payloadHashMismatch:
            ("XAmzContentSHA256Mismatch", "The provided 'x-amz-content-sha256' header does not match what was computed.", 400)
        }
    }
}
