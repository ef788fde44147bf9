/// The signature fields of a request, from its `Authorization` header or its presigned query.
struct SignedRequestParts {
    var accessKeyID: String
    var scopeDate: String
    var region: String
    var service: String
    var signedHeaders: [String]
    var signature: String
    var amzDate: String
    /// `X-Amz-Expires` of a presigned URL; `nil` for header-signed requests.
    var expiresSeconds: Int?

    var isPresigned: Bool { expiresSeconds != nil }
    var scope: String { "\(scopeDate)/\(region)/\(service)/aws4_request" }

    init(_ request: WireRequest) throws(SignatureFailure) {
        let credential: Substring
        let signedHeaders: Substring
        let signature: Substring
        if let header = request.header("authorization") {
            guard header.hasPrefix("AWS4-HMAC-SHA256 ") else {
                throw .malformed("Only the AWS4-HMAC-SHA256 authorization scheme is supported")
            }
            guard let c = Self.field("Credential", in: header), let h = Self.field("SignedHeaders", in: header),
                let s = Self.field("Signature", in: header)
            else {
                throw .malformed(
                    "Authorization header requires 'Credential', 'SignedHeaders' and 'Signature' parameters")
            }
            (credential, signedHeaders, signature) = (c, h, s)
            guard let date = request.header("x-amz-date") else {
                throw .malformed("Authorization requires the X-Amz-Date header")
            }
            amzDate = date
            expiresSeconds = nil
        } else if request.query("X-Amz-Algorithm") != nil {
            guard request.query("X-Amz-Algorithm") == "AWS4-HMAC-SHA256" else {
                throw .malformed("Only the AWS4-HMAC-SHA256 algorithm is supported")
            }
            guard let c = request.query("X-Amz-Credential"), let h = request.query("X-Amz-SignedHeaders"),
                let s = request.query("X-Amz-Signature"), let d = request.query("X-Amz-Date"),
                let e = request.query("X-Amz-Expires").flatMap(Int.init), (1...604_800).contains(e)
            else {
                throw .malformed("A presigned request needs X-Amz-Credential, -SignedHeaders, -Signature, -Date and -Expires")
            }
            (credential, signedHeaders, signature) = (Substring(c), Substring(h), Substring(s))
            amzDate = d
            expiresSeconds = e
        } else {
            throw .missing
        }
        let scope = credential.split(separator: "/", omittingEmptySubsequences: false)
        guard scope.count == 5, scope[4] == "aws4_request" else {
            throw .malformed("Credential should be scoped to a valid region and service: AKID/date/region/service/aws4_request")
        }
        accessKeyID = String(scope[0])
        scopeDate = String(scope[1])
        region = String(scope[2])
        service = String(scope[3])
        self.signedHeaders = signedHeaders.split(separator: ";").map { $0.lowercased() }
        self.signature = String(signature)
        guard self.signedHeaders.contains("host") else { throw .malformed("The host header must be signed") }
    }

    /// The value of `Name=value` in an Authorization header (comma-separated fields).
    static func field(_ name: String, in header: String) -> Substring? {
        let fields = header.dropFirst("AWS4-HMAC-SHA256".count).split(separator: ",")
        for field in fields {
            let trimmed = field.drop { $0 == " " }
            if trimmed.hasPrefix(name + "=") { return trimmed.dropFirst(name.count + 1).prefix { $0 != " " } }
        }
        return nil
    }
}
