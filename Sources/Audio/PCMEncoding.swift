import Foundation

/// Raw PCM as Polly returns it: signed 16-bit little-endian mono, no header.
public enum PCMEncoding {
    /// The little-endian bytes of the samples.
    public static func littleEndianBytes(_ samples: [Int16]) -> Data {
        var data = Data(capacity: samples.count * 2)
        for sample in samples {
            let value = UInt16(bitPattern: sample.littleEndian)
            data.append(UInt8(value & 0xFF))
            data.append(UInt8(value >> 8))
        }
        return data
    }
}
