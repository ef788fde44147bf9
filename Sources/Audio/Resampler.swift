import CSoxr

/// Sample-rate conversion with libsoxr (band-limited, never by dropping samples).
public enum Resampler {
    /// Converts mono 16-bit samples from one rate to another.
    public static func resample(_ samples: [Int16], from inputRate: Int, to outputRate: Int) throws -> [Int16] {
        guard inputRate != outputRate, !samples.isEmpty else { return samples }
        let capacity = Int((Double(samples.count) * Double(outputRate) / Double(inputRate)).rounded(.up)) + 16
        var output = [Int16](repeating: 0, count: capacity)
        var produced = 0
        var ioSpec = soxr_io_spec(SOXR_INT16_I, SOXR_INT16_I)
        var quality = soxr_quality_spec(UInt(SOXR_MQ), 0)
        let error = samples.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                soxr_oneshot(
                    Double(inputRate), Double(outputRate), 1, input.baseAddress, input.count, nil,
                    out.baseAddress, out.count, &produced, &ioSpec, &quality, nil)
            }
        }
        if let error { throw AudioError("resampling failed: \(String(cString: error))") }
        return Array(output.prefix(produced))
    }
}
