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
    /// GELU with the exact error function, in place.
    static func gelu(_ values: inout [Float]) {
        values.withUnsafeMutableBufferPointer { buffer in
            for index in buffer.indices {
                let x = buffer[index]
                buffer[index] = 0.5 * x * (1 + erf(x * 0.70710678118654752))
            }
        }
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
        var sum: Float = 0
        for index in 0..<count {
            let e = exp(values[index] - maximum)
            values[index] = e
            sum += e
        }
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
