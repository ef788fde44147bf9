import Foundation

/// Raw PCM as Polly returns it: signed 16-bit little-endian mono, no header.
public enum PCMEncoding {
    /// The little-endian bytes of the samples.
    public static func littleEndianBytes(_ samples: [Int16]) -> Data {
        let littleEndian = samples.map(\.littleEndian)  // a no-op copy on little-endian machines
        return littleEndian.withUnsafeBytes { Data($0) }
    }
}
