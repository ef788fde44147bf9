import Crypto
import Foundation
import SibylCore

/// A caller whose SigV4 signature checked out.
public struct VerifiedCaller: Sendable, Equatable {
    /// The access key id.
    public var accessKeyID: String
    /// The region in the credential scope.
    public var region: String
    /// The service in the credential scope (the signing name).
    public var service: String
    /// The payload hash the signature covers: a hex SHA-256, `UNSIGNED-PAYLOAD`, or a `STREAMING-…` marker.
    public var payloadHash: String
}

/// Verifies AWS Signature Version 4 (`Authorization` header or presigned query) as botocore computes it.
public struct SigV4Verifier: Sendable {
    /// How far a request's time may be from the server's clock.
    public static let maxClockSkew: TimeInterval = 15 * 60
    /// The SHA-256 of an empty body.
    public static let emptyPayloadHash = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

    let credentials: CredentialStore
    let now: @Sendable () -> Date

    /// Creates a verifier over a credentials store; `now` is injectable for tests.
    public init(credentials: CredentialStore, now: @escaping @Sendable () -> Date = Date.init) {
        self.credentials = credentials
        self.now = now
    }

    /// The credential scope's service of a request, if it carries one, without verifying anything (for routing).
    public static func scopeService(of request: WireRequest) -> String? {
        let credential: Substring?
        if let header = request.header("authorization"), header.hasPrefix("AWS4-HMAC-SHA256") {
            credential = SignedRequestParts.field("Credential", in: header)
        } else {
            credential = request.query("X-Amz-Credential").map { Substring($0) }
        }
        let scope = credential?.split(separator: "/")
        return scope.flatMap { $0.count == 5 ? String($0[3]) : nil }
    }

    /// Checks the signature; `bodyHash` is the hex SHA-256 of the body when it is already known.
    ///
    /// When the request names its payload hash in `x-amz-content-sha256`, that claim is what the signature covers;
    /// the caller must then check the body against ``VerifiedCaller/payloadHash`` (see ``checkPayload(_:of:)``).
    public func verify(_ request: WireRequest, bodyHash: String?) throws(SignatureFailure) -> VerifiedCaller {
        let parts = try SignedRequestParts(request)
        guard let secret = credentials.secret(for: parts.accessKeyID) else {
            throw .unknownAccessKey(parts.accessKeyID)
        }
        try checkTime(parts)
        let payloadHash: String
        if parts.isPresigned {
            payloadHash = request.header("x-amz-content-sha256") ?? "UNSIGNED-PAYLOAD"
        } else if let claimed = request.header("x-amz-content-sha256") {
            payloadHash = claimed
        } else if let bodyHash {
            payloadHash = bodyHash
        } else {
            throw .malformed("Missing required header for this request: x-amz-content-sha256")
        }
        let canonical = try canonicalRequest(request, parts: parts, payloadHash: payloadHash)
        let stringToSign = [
            "AWS4-HMAC-SHA256", parts.amzDate, parts.scope, SHA256.hash(data: Data(canonical.utf8)).hexString,
        ].joined(separator: "\n")
        let key = Self.signingKey(
            secret: secret, date: parts.scopeDate, region: parts.region, service: parts.service)
        // A constant-time comparison of the provided signature with the one computed here.
        guard let provided = Data(hex: parts.signature),
            HMAC<SHA256>.isValidAuthenticationCode(provided, authenticating: Data(stringToSign.utf8), using: key)
        else {
            throw .mismatch
        }
        return VerifiedCaller(
            accessKeyID: parts.accessKeyID, region: parts.region, service: parts.service, payloadHash: payloadHash)
    }

    /// Checks a body's SHA-256 against the hash the caller signed, when the caller signed a real hash.
    public static func checkPayload(_ computedHash: String, of caller: VerifiedCaller) throws(SignatureFailure) {
        let claimed = caller.payloadHash
        guard claimed.count == 64, claimed.allSatisfy(\.isHexDigit) else { return }
        guard claimed.lowercased() == computedHash else {
            throw .payloadHashMismatch(claimed: claimed, computed: computedHash)
        }
    }

    // MARK: - Canonical request

    /// The canonical request string of SigV4 (exposed for tests).
    func canonicalRequest(_ request: WireRequest, parts: SignedRequestParts, payloadHash: String) throws(SignatureFailure)
        -> String
    {
        var headerLines: [String] = []
        for name in parts.signedHeaders {
            let values = request.headers.filter { $0.name == name }.map { Self.trimAll($0.value) }
            guard !values.isEmpty else { throw .malformed("The signed header '\(name)' is missing from the request") }
            headerLines.append("\(name):\(values.joined(separator: ","))")
        }
        return [
            request.method,
            Self.canonicalURI(request.rawPath, service: parts.service),
            Self.canonicalQuery(request.rawQuery, dropSignature: parts.isPresigned),
            headerLines.joined(separator: "\n") + "\n",
            parts.signedHeaders.joined(separator: ";"),
            payloadHash,
        ].joined(separator: "\n")
    }

    /// S3 signs the path as sent; every other service signs it dot-segment-normalised and encoded once more.
    static func canonicalURI(_ rawPath: String, service: String) -> String {
        if service == "s3" { return rawPath.isEmpty ? "/" : rawPath }
        let segments = rawPath.split(separator: "/").reduce(into: [Substring]()) { kept, segment in
            if segment == ".." {
                _ = kept.popLast()
            } else if segment != "." {
                kept.append(segment)
            }
        }
        var path = "/" + segments.joined(separator: "/")
        if rawPath.hasSuffix("/"), !segments.isEmpty { path += "/" }
        return PercentEncoding.encode(path, keeping: [UInt8(ascii: "/")])
    }

    /// Parameters decoded, re-encoded strictly, and sorted by name then value.
    static func canonicalQuery(_ rawQuery: String?, dropSignature: Bool) -> String {
        guard let rawQuery, !rawQuery.isEmpty else { return "" }
        var pairs: [(String, String)] = []
        for item in rawQuery.split(separator: "&") {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(String(parts[0])) ?? String(parts[0])
            if dropSignature, name == "X-Amz-Signature" { continue }
            let value = parts.count > 1 ? PercentEncoding.decode(String(parts[1])) ?? String(parts[1]) : ""
            pairs.append((PercentEncoding.encode(name), PercentEncoding.encode(value)))
        }
        return pairs.sorted { $0.0 == $1.0 ? $0.1 < $1.1 : $0.0 < $1.0 }.map { "\($0)=\($1)" }.joined(separator: "&")
    }

    static func trimAll(_ value: String) -> String {
        value.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    static func signingKey(secret: String, date: String, region: String, service: String) -> SymmetricKey {
        var key = SymmetricKey(data: Data("AWS4\(secret)".utf8))
        for part in [date, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        return key
    }

    // MARK: - Time

    private func checkTime(_ parts: SignedRequestParts) throws(SignatureFailure) {
        guard let requestTime = Self.parseAmzDate(parts.amzDate) else {
            throw .malformed("X-Amz-Date must be in the ISO 8601 basic format yyyyMMdd'T'HHmmss'Z'")
        }
        guard parts.amzDate.hasPrefix(parts.scopeDate) else {
            throw .malformed("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP")
        }
        let current = now()
        if let expires = parts.expiresSeconds {
            if current > requestTime.addingTimeInterval(TimeInterval(expires)) { throw .expired }
            if requestTime.timeIntervalSince(current) > Self.maxClockSkew {
                throw .clockSkew(requestTime: parts.amzDate, serverTime: Self.formatAmzDate(current))
            }
        } else if abs(requestTime.timeIntervalSince(current)) > Self.maxClockSkew {
            throw .clockSkew(requestTime: parts.amzDate, serverTime: Self.formatAmzDate(current))
        }
    }

    static func parseAmzDate(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes[8] == UInt8(ascii: "T"), bytes[15] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? { Int(String(decoding: bytes[range], as: UTF8.self)) }
        guard let year = number(0..<4), let month = number(4..<6), let day = number(6..<8), let hour = number(9..<11),
            let minute = number(11..<13), let second = number(13..<15)
        else { return nil }
        var components = DateComponents()
        (components.year, components.month, components.day) = (year, month, day)
        (components.hour, components.minute, components.second) = (hour, minute, second)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        guard let date = calendar.date(from: components), formatAmzDate(date) == text else { return nil }
        return date
    }

    static func formatAmzDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?, _ width: Int) -> String {
            let text = String(value ?? 0)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return pad(c.year, 4) + pad(c.month, 2) + pad(c.day, 2) + "T" + pad(c.hour, 2) + pad(c.minute, 2)
            + pad(c.second, 2) + "Z"
    }
}

