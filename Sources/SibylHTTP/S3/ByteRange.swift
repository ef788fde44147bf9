/// An HTTP `Range: bytes=…` request resolved against an object's size (a single range, as S3 serves).
enum ByteRange {
    /// The bytes to send, or `nil` when the header is absent or not a single byte range (S3 then sends it all).
    /// Throws when the range cannot be satisfied.
    static func resolve(_ header: String?, size: Int) throws(S3Failure) -> Range<Int>? {
        guard let header, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst("bytes=".count)
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        let unsatisfiable = S3Failure(
            code: "InvalidRange", message: "The requested range is not satisfiable", status: 416)
        if parts[0].isEmpty {
            guard let suffix = Int(parts[1]) else { return nil }
            guard suffix > 0, size > 0 else { throw unsatisfiable }
            return max(0, size - suffix)..<size
        }
        guard let first = Int(parts[0]) else { return nil }
        guard first < size else { throw unsatisfiable }
        if parts[1].isEmpty { return first..<size }
        guard let last = Int(parts[1]), last >= first else { return nil }
        return first..<min(size, last + 1)
    }
}
