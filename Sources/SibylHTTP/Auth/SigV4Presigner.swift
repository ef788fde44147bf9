import Crypto
import Foundation
import SibylCore

extension SigV4Verifier {
    /// A presigner that signs S3 URLs of this gateway with a verified caller's key, in the caller's region, so that
    /// ``verify(_:bodyHash:)`` accepts them without credentials until they expire. `nil` when the key has no secret.
    public func presigner(for caller: VerifiedCaller) -> URLPresigner? {
        guard let secret = credentials.secret(for: caller.accessKeyID) else { return nil }
        let now = self.now
        return URLPresigner { method, host, path, expiresSeconds in
            Self.presignedQuery(
                method: method, host: host, path: path, expiresSeconds: expiresSeconds, accessKeyID: caller.accessKeyID,
                secret: secret, region: caller.region, date: now())
        }
    }

    /// The query of a presigned S3 request (SigV4 query authentication, the host header signed, the payload unsigned).
    static func presignedQuery(
        method: String, host: String, path: String, expiresSeconds: Int, accessKeyID: String, secret: String,
        region: String, date: Date
    ) -> String {
        let amzDate = formatAmzDate(date)
        let scopeDate = String(amzDate.prefix(8))
        let scope = "\(scopeDate)/\(region)/s3/aws4_request"
        let query = [
            ("X-Amz-Algorithm", "AWS4-HMAC-SHA256"), ("X-Amz-Credential", "\(accessKeyID)/\(scope)"),
            ("X-Amz-Date", amzDate), ("X-Amz-Expires", String(expiresSeconds)), ("X-Amz-SignedHeaders", "host"),
        ].map { "\(PercentEncoding.encode($0))=\(PercentEncoding.encode($1))" }.joined(separator: "&")
        let canonical = [
            method, canonicalURI(path, service: "s3"), canonicalQuery(query, dropSignature: false), "host:\(trimAll(host))\n",
            "host", "UNSIGNED-PAYLOAD",
        ].joined(separator: "\n")
        let stringToSign = ["AWS4-HMAC-SHA256", amzDate, scope, SHA256.hash(data: Data(canonical.utf8)).hexString]
            .joined(separator: "\n")
        let key = signingKey(secret: secret, date: scopeDate, region: region, service: "s3")
        let signature = Data(HMAC<SHA256>.authenticationCode(for: Data(stringToSign.utf8), using: key)).hexString
        return query + "&X-Amz-Signature=" + signature
    }
}
