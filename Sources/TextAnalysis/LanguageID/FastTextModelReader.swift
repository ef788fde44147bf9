/// Reads the little-endian binary layout fastText writes its models in, checking every read against the end.
struct FastTextModelReader {
    private let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func int32() throws(FastTextError) -> Int32 {
        Int32(bitPattern: UInt32(truncatingIfNeeded: try unsigned(4)))
    }

    mutating func int64() throws(FastTextError) -> Int64 {
        Int64(bitPattern: try unsigned(8))
    }

    mutating func double() throws(FastTextError) -> Double {
        Double(bitPattern: try unsigned(8))
    }

    mutating func byte() throws(FastTextError) -> UInt8 {
        try take(1).first!
    }

    mutating func bytes(_ count: Int) throws(FastTextError) -> ArraySlice<UInt8> {
        try take(count)
    }

    mutating func floats(_ count: Int) throws(FastTextError) -> [Float] {
        let raw = try take(count * 4)
        var values = [Float](repeating: 0, count: count)
        raw.withUnsafeBytes { source in
            for index in 0..<count {
                values[index] = Float(bitPattern: UInt32(littleEndian: source.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self)))
            }
        }
        return values
    }

    /// A NUL-terminated string (a dictionary entry).
    mutating func cString() throws(FastTextError) -> [UInt8] {
        guard let end = bytes[offset...].firstIndex(of: 0) else { throw .malformed("a dictionary word runs past the end") }
        defer { offset = end + 1 }
        return Array(bytes[offset..<end])
    }

    private mutating func unsigned(_ width: Int) throws(FastTextError) -> UInt64 {
        try take(width).reversed().reduce(0) { $0 << 8 | UInt64($1) }
    }

    private mutating func take(_ count: Int) throws(FastTextError) -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw .malformed("the file ends early (at byte \(offset))") }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }
}

/// Why a fastText model could not be read.
public enum FastTextError: Error, CustomStringConvertible {
    case malformed(String)
    case unsupported(String)

    public var description: String {
        switch self {
        case .malformed(let why): "not a readable fastText model: \(why)"
        case .unsupported(let what): "unsupported fastText model: \(what)"
        }
    }
}
