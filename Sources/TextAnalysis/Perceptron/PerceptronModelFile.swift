import Foundation

/// Reads and writes `AveragedPerceptron` models in a compact little-endian file: the magic `SIBYLAP1`, the
/// class labels, the softmax temperature (32-bit float), the feature hashes, then every weight as a 16-bit float.
public enum PerceptronModelFile {
    static let magic = Array("SIBYLAP1".utf8)

    /// A model file that cannot be read.
    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// Serialises a model.
    public static func data(of model: AveragedPerceptron) -> Data {
        var bytes = magic
        append(UInt32(model.classes.count), to: &bytes)
        for label in model.classes {
            let utf8 = Array(label.utf8)
            bytes.append(UInt8(utf8.count))
            bytes += utf8
        }
        append(model.temperature.bitPattern, to: &bytes)
        let ordered = model.rows.sorted { $0.key < $1.key }
        append(UInt32(ordered.count), to: &bytes)
        for (feature, _) in ordered { append(feature, to: &bytes) }
        let width = model.classes.count
        for (_, row) in ordered {
            for index in 0..<width { append(Float16(model.weights[Int(row) + index]).bitPattern, to: &bytes) }
        }
        return Data(bytes)
    }

    /// Reads a model written by `data(of:)`.
    public static func model(from data: Data) throws -> AveragedPerceptron {
        var reader = LittleEndianReader([UInt8](data)) { _ in FormatError(description: "truncated model file") }
        guard Array(try reader.bytes(magic.count)) == magic else { throw FormatError(description: "not a Sibyl perceptron model") }
        let classCount = Int(try reader.integer(UInt32.self))
        var classes: [String] = []
        for _ in 0..<classCount {
            let length = Int(try reader.bytes(1).first!)
            classes.append(String(decoding: try reader.bytes(length), as: UTF8.self))
        }
        let temperature = Float(bitPattern: try reader.integer(UInt32.self))
        guard temperature.isFinite, temperature > 0 else { throw FormatError(description: "invalid temperature") }
        let featureCount = Int(try reader.integer(UInt32.self))
        var rows: [UInt64: Int32] = [:]
        rows.reserveCapacity(featureCount)
        let hashes = try reader.bytes(featureCount * 8)
        hashes.withUnsafeBytes { raw in
            for index in 0..<featureCount {
                let hash = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
                rows[hash] = Int32(index * classCount)
            }
        }
        let halves = try reader.bytes(featureCount * classCount * 2)
        let weights = halves.withUnsafeBytes { raw in
            (0..<featureCount * classCount).map { index in
                Float(Float16(bitPattern: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: index * 2, as: UInt16.self))))
            }
        }
        guard reader.isAtEnd else { throw FormatError(description: "trailing bytes after the weights") }
        return AveragedPerceptron(classes: classes, rows: rows, weights: weights, temperature: temperature)
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
