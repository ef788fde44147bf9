/// The parts of an HTTP request that routing and signature checks look at, independent of the HTTP server.
public struct WireRequest: Sendable {
    /// The method, upper case.
    public var method: String
    /// The path exactly as sent, still percent-encoded.
    public var rawPath: String
    /// The query string exactly as sent (without `?`), if any.
    public var rawQuery: String?
    /// Header fields with lower-cased names, in arrival order (a name may repeat).
    public var headers: [(name: String, value: String)]

    /// Creates a request; header names are lower-cased here.
    public init(method: String, rawPath: String, rawQuery: String?, headers: [(name: String, value: String)]) {
        self.method = method.uppercased()
        self.rawPath = rawPath
        self.rawQuery = rawQuery.flatMap { $0.isEmpty ? nil : $0 }
        self.headers = headers.map { ($0.name.lowercased(), $0.value) }
    }

    /// The first value of a header, by case-insensitive name.
    public func header(_ name: String) -> String? {
        let name = name.lowercased()
        return headers.first { $0.name == name }?.value
    }

    /// The percent-decoded path segments (empty segments kept except a leading one).
    public var pathSegments: [String] {
        var parts = rawPath.split(separator: "/", omittingEmptySubsequences: false).map {
            PercentEncoding.decode(String($0)) ?? String($0)
        }
        if parts.first == "" { parts.removeFirst() }
        if parts == [""] { return [] }
        return parts
    }

    /// The query parameters, percent-decoded, in order; a parameter without `=` has an empty value.
    public var queryItems: [(name: String, value: String)] {
        guard let rawQuery else { return [] }
        return rawQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentEncoding.decode(String(parts[0]), plusIsSpace: true) ?? String(parts[0])
            let value = parts.count > 1 ? PercentEncoding.decode(String(parts[1]), plusIsSpace: true) ?? String(parts[1]) : ""
            return (name, value)
        }
    }

    /// The first value of a query parameter.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}

/// Percent-encoding as AWS's SigV4 and S3 use it.
public enum PercentEncoding {
    /// Decodes `%XX` escapes (and `+` as a space when asked); `nil` when an escape or the UTF-8 is invalid.
    public static func decode(_ text: String, plusIsSpace: Bool = false) -> String? {
        guard text.contains("%") || (plusIsSpace && text.contains("+")) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%") {
                guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                    return nil
                }
                bytes.append(high << 4 | low)
            } else if plusIsSpace, byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else {
                bytes.append(byte)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Encodes every byte except unreserved characters (`A-Z a-z 0-9 - _ . ~`) and those in `keeping`.
    public static func encode(_ text: String, keeping: Set<UInt8> = []) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) || keeping.contains(byte) {
                result.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                result += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return result
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            true
        default: false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
