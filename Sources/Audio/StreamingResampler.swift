import CSoxr

/// Sample-rate conversion of a mono float stream with libsoxr, fed block by block (bounded memory).
public final class StreamingResampler {
    private let soxr: soxr_t?
    private let ratio: Double

    /// A converter from `inputRate` to `outputRate`; when the rates are equal, blocks pass through unchanged.
    public init(from inputRate: Int, to outputRate: Int) throws(AudioError) {
        ratio = Double(outputRate) / Double(inputRate)
        guard inputRate != outputRate else {
            soxr = nil
            return
        }
        var error: soxr_error_t?
        var ioSpec = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var quality = soxr_quality_spec(UInt(SOXR_HQ), 0)
        let created = soxr_create(Double(inputRate), Double(outputRate), 1, &error, &ioSpec, &quality, nil)
        if let error { throw AudioError("resampling failed: \(String(cString: error))") }
        soxr = created
    }

    deinit { if let soxr { soxr_delete(soxr) } }

    /// Converts one block; pass `final: true` with the last block (possibly empty) to flush what soxr holds.
    public func process(_ block: [Float], final: Bool = false) -> [Float] {
        guard let soxr else { return block }
        var output = [Float](repeating: 0, count: Int((Double(block.count) * ratio).rounded(.up)) + 1024)
        var produced = 0
        var total = 0
        var consumed = 0
        block.withUnsafeBufferPointer { input in
            output.withUnsafeMutableBufferPointer { out in
                _ = soxr_process(soxr, input.baseAddress, input.count, &consumed, out.baseAddress, out.count, &produced)
                total = produced
                guard final else { return }
                while true {
                    let room = out.count - total
                    guard room > 0 else { break }
                    _ = soxr_process(soxr, nil, 0, nil, out.baseAddress! + total, room, &produced)
                    total += produced
                    if produced == 0 { break }
                }
            }
        }
        output.removeSubrange(total..<output.count)
        return output
    }
}
