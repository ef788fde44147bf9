import Foundation
import NIOCore

/// Decodes an `aws-chunked` body (`<hex size>[;chunk-signature=…]\r\n<data>\r\n … 0\r\n<trailers>\r\n`), the
/// framing SDKs use for streaming uploads with trailing checksums. Chunk signatures are read but not verified:
/// signed chunks are only accepted when the gateway does not check signatures.
struct AWSChunkedDecoder {
    private enum State {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
        case done
    }

    private var state = State.size
    private var line: [UInt8] = []
    /// Trailing headers (lower-cased names), e.g. `x-amz-checksum-crc32`.
    private(set) var trailers: [String: String] = [:]
    /// Whether any chunk carried a signature.
    private(set) var sawChunkSignature = false

    var isComplete: Bool {
        if case .done = state { return true }
        return false
    }

    /// Feeds encoded bytes, calling `emit` with each run of decoded payload bytes.
    mutating func feed(_ buffer: ByteBuffer, emit: (UnsafeRawBufferPointer) throws -> Void) throws {
        try buffer.withUnsafeReadableBytes { bytes in
            var index = 0
            while index < bytes.count {
                switch state {
                case .data(let remaining):
                    let count = min(remaining, bytes.count - index)
                    try emit(UnsafeRawBufferPointer(rebasing: bytes[index..<index + count]))
                    index += count
                    state = remaining == count ? .dataEnd : .data(remaining: remaining - count)
                case .size, .dataEnd, .trailers:
                    let byte = bytes[index]
                    index += 1
                    if byte == UInt8(ascii: "\n") {
                        try endLine()
                    } else if byte != UInt8(ascii: "\r") {
                        line.append(byte)
                        guard line.count <= 4096 else { throw Self.malformed("a chunk header is too long") }
                    }
                case .done:
                    guard bytes[index...].allSatisfy({ $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) else {
                        throw Self.malformed("data after the final chunk")
                    }
                    index = bytes.count
                }
            }
        }
    }

    private mutating func endLine() throws {
        let text = String(decoding: line, as: UTF8.self)
        line.removeAll(keepingCapacity: true)
        switch state {
        case .size:
            let parts = text.split(separator: ";", maxSplits: 1)
            guard let sizeText = parts.first, let size = Int(sizeText, radix: 16), size >= 0 else {
                throw Self.malformed("a chunk size is not hexadecimal")
            }
            if parts.count > 1 { sawChunkSignature = true }
            state = size == 0 ? .trailers : .data(remaining: size)
        case .dataEnd:
            guard text.isEmpty else { throw Self.malformed("a chunk is longer than its size") }
            state = .size
        case .trailers:
            if text.isEmpty {
                state = .done
                return
            }
            let parts = text.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { throw Self.malformed("a trailer is not 'name:value'") }
            trailers[parts[0].lowercased()] = parts[1].trimmingCharacters(in: .whitespaces)
        case .data, .done:
            break
        }
    }

    static func malformed(_ reason: String) -> S3Failure {
        S3Failure(code: "IncompleteBody", message: "The aws-chunked body is malformed: \(reason)", status: 400)
    }
}
