import Foundation

/// Raw PCM as Polly returns it: signed 16-bit little-endian mono, no header.
public enum PCMEncoding {
    /// The little-endian bytes of the samples.
    public static func littleEndianBytes(_ samples: [Int16]) -> Data {
        #if _endian(little)
            return samples.withUnsafeBytes { Data($0) }
        #else
            return samples.map { $0.littleEndian }.withUnsafeBytes { Data($0) }
        #endif
    }
}
