import COpenBLAS
import Foundation

/// A dense layer y = x·Wᵀ + b, with W stored [out, in] row-major as CTranslate2 writes it.
struct LinearLayer {
    let weight: [Float]
    let bias: [Float]?
    let inputs: Int
    let outputs: Int

    init(weight: ModelVariable, bias: ModelVariable?) {
        self.weight = weight.values
        self.bias = bias?.values
        outputs = weight.dimensions[0]
        inputs = weight.dimensions.dropFirst().reduce(1, *)
    }

    /// Applies the layer to `rows` row vectors laid out one after another.
    func callAsFunction(_ input: [Float], rows: Int) -> [Float] {
        var output = [Float](repeating: 0, count: rows * outputs)
        if let bias {
            output.withUnsafeMutableBufferPointer { out in
                for row in 0..<rows { for column in 0..<outputs { out[row * outputs + column] = bias[column] } }
            }
        }
        let beta: Float = bias == nil ? 0 : 1
        input.withUnsafeBufferPointer { x in
            weight.withUnsafeBufferPointer { w in
                output.withUnsafeMutableBufferPointer { y in
                    if rows == 1 {
                        cblas_sgemv(
                            CblasRowMajor, CblasNoTrans, Int32(outputs), Int32(inputs), 1, w.baseAddress, Int32(inputs),
                            x.baseAddress, 1, beta, y.baseAddress, 1)
                    } else {
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), Int32(outputs), Int32(inputs), 1,
                            x.baseAddress, Int32(inputs), w.baseAddress, Int32(inputs), beta, y.baseAddress,
                            Int32(outputs))
                    }
                }
            }
        }
        return output
    }
}

/// Layer normalisation over each row (epsilon 1e-5), with a learned scale and shift.
struct LayerNorm {
    let gamma: [Float]
    let beta: [Float]

    func callAsFunction(_ input: [Float]) -> [Float] {
        let width = gamma.count
        var output = input
        output.withUnsafeMutableBufferPointer { out in
            for start in stride(from: 0, to: out.count, by: width) {
                var mean: Float = 0
                for index in start..<start + width { mean += out[index] }
                mean /= Float(width)
                var variance: Float = 0
                for index in start..<start + width {
                    let centred = out[index] - mean
                    variance += centred * centred
                }
                let scale = 1 / (variance / Float(width) + 1e-5).squareRoot()
                for index in 0..<width {
                    out[start + index] = (out[start + index] - mean) * scale * gamma[index] + beta[index]
                }
            }
        }
        return output
    }
}

/// The element-wise and row-wise operations the network needs besides matrix products.
enum NetworkMath {
    /// GELU with the error function below, in place.
    static func gelu(_ values: inout [Float]) {
        values.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                let x = buffer[index]
                buffer[index] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
            }
        }
    }

    /// The error function to 5e-7 (Abramowitz & Stegun 7.1.26, 1.5e-7 before float rounding); inlined and
    /// branch-free, so loops vectorise.
    @inline(__always) static func erf(_ x: Float) -> Float {
        let a = abs(x)
        let t = 1 / (1 + 0.3275911 * a)
        let polynomial = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
        let magnitude = 1 - polynomial * exp(-a * a)
        return x < 0 ? -magnitude : magnitude
    }

    /// e^x to about 2e-7 relative: n = round(x·log2 e) found by the 1.5·2^23 trick (no float-to-integer
    /// conversion, which would be trap-checked), r = x − n·ln 2 in two parts (Cody–Waite), e^r by its degree-7
    /// Taylor polynomial, 2^n built in the exponent bits. Inlined and branch-free, so loops over it vectorise;
    /// libm's expf is a call per element. Saturates below −87.3 (to about 1e-38) and above 88.3.
    @inline(__always) static func exp(_ x: Float) -> Float {
        let clamped = min(max(x, -87.3), 88.3)
        let shifted = clamped * 1.44269504 + 12_582_912
        let n = shifted - 12_582_912
        let r = clamped - n * 0.693145752 - n * 1.42860677e-6
        let p: Float =
            1 + r * (1 + r * (0.5 + r * (0.166666672 + r * (0.0416666679 + r
                * (0.00833333377 + r * (0.00138888892 + r * 0.000198412701))))))
        return Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23) * p
    }

    /// `a += b`, element by element.
    static func add(_ a: inout [Float], _ b: [Float]) {
        a.withUnsafeMutableBufferPointer { left in
            b.withUnsafeBufferPointer { right in
                for index in left.indices { left[index] += right[index] }
            }
        }
    }

    /// Softmax of `count` values in place.
    static func softmax(_ values: UnsafeMutablePointer<Float>, count: Int) {
        var maximum = -Float.infinity
        for index in 0..<count where values[index] > maximum { maximum = values[index] }
        for index in 0..<count { values[index] = exp(values[index] - maximum) }
        var sum: Float = 0
        for index in 0..<count { sum += values[index] }
        let scale = 1 / sum
        for index in 0..<count { values[index] *= scale }
    }

    /// Multi-head scaled dot-product attention. `queries` is [q × width], `keys` and `values` are [k × width]
    /// (each row the heads side by side, `keyStride`/`valueStride` apart). With `causalOffset`, query i sees keys
    /// 0…causalOffset+i only. When `keepWeights` names heads, their softmax weights [q × k] are returned.
    static func attention(
        queries: [Float], queryCount: Int, keys: UnsafePointer<Float>, values: UnsafePointer<Float>, keyCount: Int,
        keyStride: Int, valueStride: Int, heads: Int, width: Int, causalOffset: Int? = nil,
        keepWeights: Set<Int> = []
    ) -> (output: [Float], weights: [Int: [Float]]) {
        let headWidth = width / heads
        let scale = 1 / Float(headWidth).squareRoot()
        var output = [Float](repeating: 0, count: queryCount * width)
        var kept: [Int: [Float]] = [:]
        var scores = [Float](repeating: 0, count: queryCount * keyCount)
        queries.withUnsafeBufferPointer { q in
            for head in 0..<heads {
                scores.withUnsafeMutableBufferPointer { s in
                    // scores = Q_h · K_hᵀ · scale
                    cblas_sgemm(
                        CblasRowMajor, CblasNoTrans, CblasTrans, Int32(queryCount), Int32(keyCount), Int32(headWidth),
                        scale, q.baseAddress! + head * headWidth, Int32(width), keys + head * headWidth,
                        Int32(keyStride), 0, s.baseAddress, Int32(keyCount))
                    for row in 0..<queryCount {
                        let rowStart = s.baseAddress! + row * keyCount
                        var visible = keyCount
                        if let causalOffset {
                            visible = min(keyCount, causalOffset + row + 1)
                            for index in visible..<keyCount { rowStart[index] = 0 }
                        }
                        softmax(rowStart, count: visible)
                    }
                }
                if keepWeights.contains(head) { kept[head] = scores }
                scores.withUnsafeBufferPointer { s in
                    output.withUnsafeMutableBufferPointer { out in
                        // out_h = weights · V_h
                        cblas_sgemm(
                            CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(queryCount), Int32(headWidth),
                            Int32(keyCount), 1, s.baseAddress, Int32(keyCount), values + head * headWidth,
                            Int32(valueStride), 0, out.baseAddress! + head * headWidth, Int32(width))
                    }
                }
            }
        }
        return (output, kept)
    }
}
