import Foundation

/// OpenAI's Whisper encoder–decoder transformer, run on OpenBLAS from the weights of a CTranslate2 `WhisperSpec`
/// file (pre-norm layers, GELU, fused query/key/value projections, output projection tied to the embeddings).
final class WhisperNetwork: Sendable {
    /// Mel bins of the input, frames per 30-second window, and encoder positions (frames / 2).
    static let melBins = 80
    static let windowFrames = 3000
    static let encoderPositions = 1500
    /// The decoder's context: at most 448 tokens.
    static let maxTokens = 448

    let width: Int
    let heads: Int
    let vocabularySize: Int
    private let conv1: LinearLayer
    private let conv2: LinearLayer
    private let encoderPositionTable: [Float]
    private let encoderLayers: [Layer]
    private let encoderNorm: LayerNorm
    private let embeddings: LinearLayer
    private let decoderPositionTable: [Float]
    private let decoderLayers: [Layer]
    private let decoderNorm: LayerNorm

    struct Layer {
        let selfNorm: LayerNorm
        let selfQKV: LinearLayer
        let selfOut: LinearLayer
        let cross: CrossAttention?
        let ffnNorm: LayerNorm
        let ffnIn: LinearLayer
        let ffnOut: LinearLayer
    }

    struct CrossAttention {
        let norm: LayerNorm
        let query: LinearLayer
        let keyValue: LinearLayer
        let out: LinearLayer
    }

    /// The per-window state of decoding: cross-attention keys/values from the encoder and the self-attention cache.
    struct DecoderState {
        fileprivate var crossKeyValues: [[Float]]
        fileprivate var selfKeys: [[Float]]
        fileprivate var selfValues: [[Float]]
        /// Tokens decoded so far in this window.
        fileprivate(set) var length = 0
    }

    struct LoadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Loads the network from a CTranslate2 `model.bin`.
    init(modelFile: URL) throws {
        let (spec, variables) = try CTranslate2ModelFile.read(modelFile)
        guard spec == "WhisperSpec" else { throw LoadError(description: "\(modelFile.path) holds a \(spec), not Whisper") }
        func variable(_ name: String) throws -> ModelVariable {
            guard let found = variables[name] else { throw LoadError(description: "model.bin lacks \(name)") }
            return found
        }
        func linear(_ prefix: String) throws -> LinearLayer {
            LinearLayer(weight: try variable(prefix + "/weight"), bias: variables[prefix + "/bias"])
        }
        func norm(_ prefix: String) throws -> LayerNorm {
            LayerNorm(gamma: try variable(prefix + "/gamma").values, beta: try variable(prefix + "/beta").values)
        }
        func layers(_ side: String, cross: Bool) throws -> [Layer] {
            var found: [Layer] = []
            while variables["\(side)/layer_\(found.count)/ffn/linear_0/weight"] != nil {
                let prefix = "\(side)/layer_\(found.count)"
                found.append(
                    Layer(
                        selfNorm: try norm(prefix + "/self_attention/layer_norm"),
                        selfQKV: try linear(prefix + "/self_attention/linear_0"),
                        selfOut: try linear(prefix + "/self_attention/linear_1"),
                        cross: cross
                            ? CrossAttention(
                                norm: try norm(prefix + "/attention/layer_norm"),
                                query: try linear(prefix + "/attention/linear_0"),
                                keyValue: try linear(prefix + "/attention/linear_1"),
                                out: try linear(prefix + "/attention/linear_2")) : nil,
                        ffnNorm: try norm(prefix + "/ffn/layer_norm"),
                        ffnIn: try linear(prefix + "/ffn/linear_0"),
                        ffnOut: try linear(prefix + "/ffn/linear_1")))
            }
            return found
        }
        conv1 = try linear("encoder/conv1")
        conv2 = try linear("encoder/conv2")
        encoderPositionTable = try variable("encoder/position_encodings/encodings").values
        encoderLayers = try layers("encoder", cross: false)
        encoderNorm = try norm("encoder/layer_norm")
        let embeddingTable = try variable("decoder/embeddings/weight")
        embeddings = LinearLayer(weight: embeddingTable, bias: nil)
        decoderPositionTable = try variable("decoder/position_encodings/encodings").values
        decoderLayers = try layers("decoder", cross: true)
        decoderNorm = try norm("decoder/layer_norm")
        width = embeddingTable.dimensions[1]
        vocabularySize = embeddingTable.dimensions[0]
        heads = Int(variables["decoder/num_heads"]?.values.first ?? 8)
        guard !encoderLayers.isEmpty, !decoderLayers.isEmpty, conv1.inputs == Self.melBins * 3 else {
            throw LoadError(description: "model.bin does not have Whisper's layout")
        }
    }

    /// How many decoder layers there are (alignment heads are named by layer and head).
    var decoderLayerCount: Int { decoderLayers.count }

    // MARK: - Encoder

    /// Encodes one window of log-mel features ([80 × 3000], bin-major) into [1500 × width] states.
    func encode(mel: [Float]) -> [Float] {
        let frames = Self.windowFrames
        // conv1 (kernel 3, stride 1, padding 1) as a matrix product over unfolded input columns.
        var columns = [Float](repeating: 0, count: frames * Self.melBins * 3)
        columns.withUnsafeMutableBufferPointer { col in
            mel.withUnsafeBufferPointer { m in
                for t in 0..<frames {
                    for bin in 0..<Self.melBins {
                        for k in 0..<3 {
                            let source = t + k - 1
                            if source >= 0, source < frames { col[(t * Self.melBins + bin) * 3 + k] = m[bin * frames + source] }
                        }
                    }
                }
            }
        }
        var hidden = conv1(columns, rows: frames)
        NetworkMath.gelu(&hidden)
        // conv2 (kernel 3, stride 2, padding 1).
        let positions = Self.encoderPositions
        var columns2 = [Float](repeating: 0, count: positions * width * 3)
        columns2.withUnsafeMutableBufferPointer { col in
            hidden.withUnsafeBufferPointer { h in
                for t in 0..<positions {
                    for k in 0..<3 {
                        let source = 2 * t + k - 1
                        guard source >= 0, source < frames else { continue }
                        for channel in 0..<width { col[(t * width + channel) * 3 + k] = h[source * width + channel] }
                    }
                }
            }
        }
        var x = conv2(columns2, rows: positions)
        NetworkMath.gelu(&x)
        NetworkMath.add(&x, encoderPositionTable)
        for layer in encoderLayers {
            let normed = layer.selfNorm(x)
            let qkv = layer.selfQKV(normed, rows: positions)
            let queries = Self.columns(qkv, rows: positions, stride: 3 * width, from: 0, count: width)
            let attended = qkv.withUnsafeBufferPointer { buffer in
                NetworkMath.attention(
                    queries: queries, queryCount: positions, keys: buffer.baseAddress! + width,
                    values: buffer.baseAddress! + 2 * width, keyCount: positions, keyStride: 3 * width,
                    valueStride: 3 * width, heads: heads, width: width
                ).output
            }
            NetworkMath.add(&x, layer.selfOut(attended, rows: positions))
            x = feedForward(layer, x, rows: positions)
        }
        return encoderNorm(x)
    }

    private func feedForward(_ layer: Layer, _ input: [Float], rows: Int) -> [Float] {
        var inner = layer.ffnIn(layer.ffnNorm(input), rows: rows)
        NetworkMath.gelu(&inner)
        var output = input
        NetworkMath.add(&output, layer.ffnOut(inner, rows: rows))
        return output
    }

    private static func columns(_ matrix: [Float], rows: Int, stride: Int, from: Int, count: Int) -> [Float] {
        var out = [Float](repeating: 0, count: rows * count)
        out.withUnsafeMutableBufferPointer { o in
            matrix.withUnsafeBufferPointer { m in
                for row in 0..<rows {
                    for column in 0..<count { o[row * count + column] = m[row * stride + from + column] }
                }
            }
        }
        return out
    }

    // MARK: - Decoder

    /// A fresh decoding state for one encoded window.
    func startDecoding(encoded: [Float]) -> DecoderState {
        DecoderState(
            crossKeyValues: decoderLayers.map { $0.cross!.keyValue(encoded, rows: Self.encoderPositions) },
            selfKeys: Array(repeating: [], count: decoderLayers.count),
            selfValues: Array(repeating: [], count: decoderLayers.count))
    }

    /// Feeds tokens to the decoder; answers the logits after the last token, or after every token with
    /// `allLogits`, and the cross-attention weights [tokens × 1500] of the requested (layer, head) pairs.
    func decode(
        _ tokens: [Int], state: inout DecoderState, allLogits: Bool = false, alignmentHeads: [(Int, Int)] = []
    ) -> (logits: [Float], alignment: [[Float]]) {
        let rows = tokens.count
        let offset = state.length
        var x = [Float](repeating: 0, count: rows * width)
        embeddings.weight.withUnsafeBufferPointer { table in
            for (row, token) in tokens.enumerated() {
                for column in 0..<width {
                    x[row * width + column] =
                        table[token * width + column] + decoderPositionTable[(offset + row) * width + column]
                }
            }
        }
        var alignment: [[Float]] = []
        for (index, layer) in decoderLayers.enumerated() {
            let qkv = layer.selfQKV(layer.selfNorm(x), rows: rows)
            state.selfKeys[index] += Self.columns(qkv, rows: rows, stride: 3 * width, from: width, count: width)
            state.selfValues[index] += Self.columns(qkv, rows: rows, stride: 3 * width, from: 2 * width, count: width)
            let queries = Self.columns(qkv, rows: rows, stride: 3 * width, from: 0, count: width)
            let keyCount = offset + rows
            let attended = state.selfKeys[index].withUnsafeBufferPointer { keys in
                state.selfValues[index].withUnsafeBufferPointer { values in
                    NetworkMath.attention(
                        queries: queries, queryCount: rows, keys: keys.baseAddress!, values: values.baseAddress!,
                        keyCount: keyCount, keyStride: width, valueStride: width, heads: heads, width: width,
                        causalOffset: offset
                    ).output
                }
            }
            NetworkMath.add(&x, layer.selfOut(attended, rows: rows))
            let cross = layer.cross!
            let crossQueries = cross.query(cross.norm(x), rows: rows)
            let wanted = Set(alignmentHeads.filter { $0.0 == index }.map(\.1))
            let (crossAttended, weights) = state.crossKeyValues[index].withUnsafeBufferPointer { kv in
                NetworkMath.attention(
                    queries: crossQueries, queryCount: rows, keys: kv.baseAddress!, values: kv.baseAddress! + width,
                    keyCount: Self.encoderPositions, keyStride: 2 * width, valueStride: 2 * width, heads: heads,
                    width: width, keepWeights: wanted)
            }
            for (layerIndex, head) in alignmentHeads where layerIndex == index { alignment.append(weights[head]!) }
            NetworkMath.add(&x, cross.out(crossAttended, rows: rows))
            x = feedForward(layer, x, rows: rows)
        }
        state.length += rows
        let normed = decoderNorm(x)
        let last = allLogits ? normed : Array(normed[(rows - 1) * width..<rows * width])
        return (embeddings(last, rows: allLogits ? rows : 1), alignment)
    }
}
