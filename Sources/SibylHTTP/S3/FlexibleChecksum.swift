import Crypto
import Foundation

/// S3's flexible checksums (`x-amz-checksum-crc32`, `-crc32c`, `-sha1`, `-sha256`), computed as the body streams
/// and compared with the value the client sent in a header or a trailer.
struct FlexibleChecksum {
    enum Algorithm: String, CaseIterable {
        case crc32, crc32c, sha1, sha256
    }

    let algorithm: Algorithm
    private var crc: UInt32 = 0xFFFF_FFFF
    private var sha1 = Insecure.SHA1()
    private var sha256 = SHA256()

    init(_ algorithm: Algorithm) {
        self.algorithm = algorithm
    }

    /// The algorithm a request asks for: a checksum header, or the one its `x-amz-trailer` announces.
    static func requested(by request: WireRequest) -> Algorithm? {
        if let trailer = request.header("x-amz-trailer")?.lowercased(), trailer.hasPrefix("x-amz-checksum-") {
            return Algorithm(rawValue: String(trailer.dropFirst("x-amz-checksum-".count)))
        }
        return Algorithm.allCases.first { request.header("x-amz-checksum-\($0.rawValue)") != nil }
    }

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        switch algorithm {
        case .crc32: crc = Self.update(crc, bytes, table: Self.crc32Table)
        case .crc32c: crc = Self.update(crc, bytes, table: Self.crc32cTable)
        case .sha1: sha1.update(bufferPointer: bytes)
        case .sha256: sha256.update(bufferPointer: bytes)
        }
    }

    /// The checksum as S3 writes it: base64 of the big-endian bytes.
    func finalize() -> String {
        switch algorithm {
        case .crc32, .crc32c:
            let value = (crc ^ 0xFFFF_FFFF).bigEndian
            return withUnsafeBytes(of: value) { Data($0) }.base64EncodedString()
        case .sha1: return Data(sha1.finalize()).base64EncodedString()
        case .sha256: return Data(sha256.finalize()).base64EncodedString()
        }
    }

    private static func update(_ crc: UInt32, _ bytes: UnsafeRawBufferPointer, table: [UInt32]) -> UInt32 {
        var value = crc
        for byte in bytes { value = table[Int((value ^ UInt32(byte)) & 0xFF)] ^ (value >> 8) }
        return value
    }

    private static func table(polynomial: UInt32) -> [UInt32] {
        (0..<256).map { index in
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? (value >> 1) ^ polynomial : value >> 1 }
            return value
        }
    }

    private static let crc32Table = table(polynomial: 0xEDB8_8320)
    private static let crc32cTable = table(polynomial: 0x82F6_3B78)
}
