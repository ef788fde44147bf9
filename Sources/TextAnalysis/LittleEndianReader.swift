/// Reads the little-endian values of a model file, checking every read against the end; a read past it throws
/// the error the file's reader chose (`truncated` gets the offset the read began at).
struct LittleEndianReader<Failure: Error> {
    private let bytes: [UInt8]
    private let truncated: (Int) -> Failure
    /// How many bytes have been read.
    private(set) var offset = 0

    init(_ bytes: [UInt8], truncated: @escaping (Int) -> Failure) {
        self.bytes = bytes
        self.truncated = truncated
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func bytes(_ count: Int) throws(Failure) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw truncated(offset) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    mutating func integer<T: FixedWidthInteger>(_: T.Type) throws(Failure) -> T {
        var value: T = 0
        for (shift, byte) in try bytes(MemoryLayout<T>.size).enumerated() { value |= T(truncatingIfNeeded: byte) << (8 * shift) }
        return value
    }

    mutating func floats(_ count: Int) throws(Failure) -> [Float] {
        let raw = try bytes(count * 4)
        return raw.withUnsafeBytes { source in
            (0..<count).map { Float(bitPattern: UInt32(littleEndian: source.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self))) }
        }
    }

    /// A NUL-terminated string, without its NUL.
    mutating func cString() throws(Failure) -> [UInt8] {
        guard let end = bytes[offset...].firstIndex(of: 0) else { throw truncated(offset) }
        defer { offset = end + 1 }
        return Array(bytes[offset..<end])
    }
}
