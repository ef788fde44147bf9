import CZlib
import Foundation

/// The encoding of Lex V2's runtime headers (`x-amz-lex-session-state`, `x-amz-lex-messages`, …): JSON, gzipped,
/// then base64.
enum GzipBase64 {
    /// `data` gzipped (RFC 1952) and base64-encoded.
    static func encode(_ data: Data) -> String {
        var stream = z_stream()
        // 15 window bits + 16 selects the gzip wrapper.
        guard deflateInit2_(
            &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size)) == Z_OK
        else { return data.base64EncodedString() }
        defer { deflateEnd(&stream) }
        var input = [UInt8](data)
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(input.count))) + 32)
        let written = input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                stream.next_in = inputBuffer.baseAddress
                stream.avail_in = UInt32(inputBuffer.count)
                stream.next_out = outputBuffer.baseAddress
                stream.avail_out = UInt32(outputBuffer.count)
                _ = deflate(&stream, Z_FINISH)
                return outputBuffer.count - Int(stream.avail_out)
            }
        }
        return Data(output[..<written]).base64EncodedString()
    }

    /// The JSON a header carries, or `nil` when it is not gzip + base64 (plain base64 JSON is accepted too).
    static func decode(_ text: String) -> Data? {
        guard let compressed = Data(base64Encoded: text) else { return nil }
        guard compressed.starts(with: [0x1f, 0x8b]) else { return compressed }
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = [UInt8](compressed)
        var result = Data()
        var chunk = [UInt8](repeating: 0, count: 16_384)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBuffer in
            stream.next_in = inputBuffer.baseAddress
            stream.avail_in = UInt32(inputBuffer.count)
            repeat {
                chunk.withUnsafeMutableBufferPointer { chunkBuffer in
                    stream.next_out = chunkBuffer.baseAddress
                    stream.avail_out = UInt32(chunkBuffer.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    result.append(chunkBuffer.baseAddress!, count: chunkBuffer.count - Int(stream.avail_out))
                }
            } while status == Z_OK && result.count < 1_048_576
        }
        return status == Z_STREAM_END ? result : nil
    }
}
