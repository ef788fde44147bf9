import Foundation
import NIOCore
import Testing

@testable import SibylHTTP

@Suite("aws-chunked bodies and flexible checksums")
struct ChunkedUploadTests {
    func checksum(_ algorithm: FlexibleChecksum.Algorithm, _ text: String) -> String {
        var sum = FlexibleChecksum(algorithm)
        Data(text.utf8).withUnsafeBytes { sum.update($0) }
        return sum.finalize()
    }

    @Test func checksumsMatchTheirStandardCheckValues() {
        // The check values of "123456789": CRC-32 0xCBF43926, CRC-32C 0xE3069283.
        #expect(Data(base64Encoded: checksum(.crc32, "123456789")) == Data([0xCB, 0xF4, 0x39, 0x26]))
        #expect(Data(base64Encoded: checksum(.crc32c, "123456789")) == Data([0xE3, 0x06, 0x92, 0x83]))
        #expect(checksum(.sha256, "") == "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=")
    }

    func decode(_ pieces: [String]) throws -> (String, AWSChunkedDecoder) {
        var decoder = AWSChunkedDecoder()
        var output = Data()
        for piece in pieces {
            try decoder.feed(ByteBuffer(string: piece)) { output.append(contentsOf: $0) }
        }
        return (String(decoding: output, as: UTF8.self), decoder)
    }

    @Test func decodesChunksSplitAnywhereWithTrailers() throws {
        let body = "5\r\nhello\r\n6;chunk-signature=ab12\r\n world\r\n0\r\nx-amz-checksum-crc32:DUoRhQ==\r\n\r\n"
        for split in [1, 3, 7, body.count] {
            var pieces: [String] = []
            var rest = Substring(body)
            while !rest.isEmpty {
                pieces.append(String(rest.prefix(split)))
                rest = rest.dropFirst(split)
            }
            let (text, decoder) = try decode(pieces)
            #expect(text == "hello world")
            #expect(decoder.isComplete)
            #expect(decoder.trailers == ["x-amz-checksum-crc32": "DUoRhQ=="])
            #expect(decoder.sawChunkSignature)
        }
    }

    @Test(arguments: ["zz\r\n", "3\r\nabcdef\r\n", "1\r\na\r\n0\r\nbroken-trailer\r\n\r\n"])
    func malformedBodiesAreRefused(body: String) {
        #expect(throws: S3Failure.self) { try decode([body]) }
    }

    @Test func aTruncatedBodyIsNotComplete() throws {
        let (_, decoder) = try decode(["5\r\nhel"])
        #expect(!decoder.isComplete)
    }
}
