import Foundation

/// One variable of a CTranslate2 model file, widened to float32.
struct ModelVariable {
    var dimensions: [Int]
    var values: [Float]
}

/// Reads a CTranslate2 `model.bin` (spec version 6): a header, then each variable as name, rank, dimensions, dtype,
/// byte count and raw little-endian data (no alignment), then aliases. Float16 weights are widened to float32.
enum CTranslate2ModelFile {
    struct FormatError: Error, CustomStringConvertible {
        var description: String
    }

    /// The variables by name (aliases resolved to their targets' values), and the spec name.
    static func read(_ url: URL) throws -> (spec: String, variables: [String: ModelVariable]) {
        let data = try Data(contentsOf: url, options: .mappedIfSafe)
        return try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            var cursor = Cursor(bytes: raw)
            let version = try cursor.u32()
            guard version == 6 else { throw FormatError(description: "model.bin version \(version), expected 6") }
            let spec = try cursor.string()
            _ = try cursor.u32()  // spec revision
            let count = try cursor.u32()
            var variables: [String: ModelVariable] = [:]
            for _ in 0..<count {
                let name = try cursor.string()
                let rank = Int(try cursor.u8())
                var dimensions: [Int] = []
                for _ in 0..<rank { dimensions.append(Int(try cursor.u32())) }
                let dtype = try cursor.u8()
                let byteCount = Int(try cursor.u32())
                let bytes = try cursor.take(byteCount)
                variables[name] = ModelVariable(dimensions: dimensions, values: try widen(bytes, dtype: dtype))
            }
            if cursor.remaining >= 4 {
                let aliases = try cursor.u32()
                for _ in 0..<aliases {
                    let alias = try cursor.string()
                    let target = try cursor.string()
                    variables[alias] = variables[target]
                }
            }
            return (spec, variables)
        }
    }

    private static func widen(_ bytes: UnsafeRawBufferPointer, dtype: UInt8) throws -> [Float] {
        switch dtype {
        case 0:
            return (0..<bytes.count / 4).map { bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Float.self) }
        case 1:
            return bytes.map { Float(Int8(bitPattern: $0)) }
        case 2:
            return (0..<bytes.count / 2).map { Float(bytes.loadUnaligned(fromByteOffset: $0 * 2, as: Int16.self)) }
        case 3:
            return (0..<bytes.count / 4).map { Float(bytes.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) }
        case 4:
            let count = bytes.count / 2
            return [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
                for index in 0..<count {
                    buffer[index] = Float(Float16(bitPattern: bytes.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self)))
                }
                initialized = count
            }
        case 5:
            return (0..<bytes.count / 2).map {
                Float(bitPattern: UInt32(bytes.loadUnaligned(fromByteOffset: $0 * 2, as: UInt16.self)) << 16)
            }
        default:
            throw FormatError(description: "model.bin variable of unknown dtype \(dtype)")
        }
    }

    private struct Cursor {
        let bytes: UnsafeRawBufferPointer
        var offset = 0

        var remaining: Int { bytes.count - offset }

        mutating func take(_ count: Int) throws -> UnsafeRawBufferPointer {
            guard count >= 0, count <= remaining else { throw FormatError(description: "model.bin is truncated") }
            defer { offset += count }
            return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
        }

        mutating func u8() throws -> UInt8 { try take(1)[0] }
        mutating func u16() throws -> UInt16 { try take(2).loadUnaligned(as: UInt16.self) }
        mutating func u32() throws -> UInt32 { try take(4).loadUnaligned(as: UInt32.self) }

        /// A u16 length (including the trailing NUL), the UTF-8 bytes and the NUL.
        mutating func string() throws -> String {
            let length = Int(try u16())
            let bytes = try take(length)
            return String(decoding: bytes.prefix(max(0, length - 1)), as: UTF8.self)
        }
    }
}
