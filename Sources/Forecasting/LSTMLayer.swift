import Foundation

/// One LSTM layer with a linear read-out, in plain Swift: forward over a sequence keeping what backpropagation
/// through time needs, and the gradients of every weight.
///
/// Gates from z = W·[x; h₋₁] + b, split as input i, forget f, cell g, output o: c = σ(f)·c₋₁ + σ(i)·tanh(g),
/// h = σ(o)·tanh(c); the read-out is r = V·h + v.
struct LSTMLayer: Sendable, Codable {
    let inputs: Int
    let hidden: Int
    let outputs: Int
    /// The gate weights, row-major (4·hidden rows of inputs + hidden columns), then the gate biases, then the
    /// read-out weights (outputs rows of hidden columns) and biases: one flat vector the optimiser updates.
    var parameters: [Double]

    var gateColumns: Int { inputs + hidden }
    var gateBiasOffset: Int { 4 * hidden * gateColumns }
    var readOutOffset: Int { gateBiasOffset + 4 * hidden }
    var readOutBiasOffset: Int { readOutOffset + outputs * hidden }

    /// Small seeded random weights (uniform in ±1/√columns), the forget gate's bias at 1 so memory is kept early on.
    init(inputs: Int, hidden: Int, outputs: Int, seed: UInt64) {
        self.inputs = inputs
        self.hidden = hidden
        self.outputs = outputs
        let count = 4 * hidden * (inputs + hidden) + 4 * hidden + outputs * hidden + outputs
        var generator = SplitMix64(seed: seed)
        let bound = 1 / Double(inputs + hidden).squareRoot()
        parameters = (0..<count).map { _ in (2 * generator.nextUniform() - 1) * bound }
        let biases = 4 * hidden * (inputs + hidden)
        for index in 0..<(4 * hidden) { parameters[biases + index] = (hidden..<(2 * hidden)).contains(index) ? 1 : 0 }
        for index in (count - outputs)..<count { parameters[index] = 0 }
    }

    /// The recurrent state between steps.
    struct State: Sendable {
        var h: [Double]
        var c: [Double]
    }

    func initialState() -> State { State(h: [Double](repeating: 0, count: hidden), c: [Double](repeating: 0, count: hidden)) }

    /// What one step leaves for the backward pass.
    struct StepCache {
        var input: [Double]  // [x; h₋₁]
        var previousC: [Double]
        var i: [Double], f: [Double], g: [Double], o: [Double]
        var c: [Double], h: [Double]
    }

    /// One step: advances the state and answers the read-out and what the backward pass needs of the step.
    func step(_ x: [Double], _ state: inout State) -> (readOut: [Double], cache: StepCache) {
        let input = x + state.h
        let columns = gateColumns
        var z = [Double](repeating: 0, count: 4 * hidden)
        parameters.withUnsafeBufferPointer { w in
            input.withUnsafeBufferPointer { u in
                for row in 0..<(4 * hidden) {
                    var sum = w[gateBiasOffset + row]
                    let base = row * columns
                    for column in 0..<columns { sum += w[base + column] * u[column] }
                    z[row] = sum
                }
            }
        }
        var i = [Double](repeating: 0, count: hidden), f = i, g = i, o = i, c = i, h = i
        for k in 0..<hidden {
            i[k] = Self.sigmoid(z[k])
            f[k] = Self.sigmoid(z[hidden + k])
            g[k] = tanh(z[2 * hidden + k])
            o[k] = Self.sigmoid(z[3 * hidden + k])
            c[k] = f[k] * state.c[k] + i[k] * g[k]
            h[k] = o[k] * tanh(c[k])
        }
        var readOut = [Double](repeating: 0, count: outputs)
        for row in 0..<outputs {
            var sum = parameters[readOutBiasOffset + row]
            for k in 0..<hidden { sum += parameters[readOutOffset + row * hidden + k] * h[k] }
            readOut[row] = sum
        }
        let cache = StepCache(input: input, previousC: state.c, i: i, f: f, g: g, o: o, c: c, h: h)
        state = State(h: h, c: c)
        return (readOut, cache)
    }

    /// One step for inference: advances `state` in place and writes the read-out, allocating nothing (`scratch`
    /// holds the 4·hidden gate values).
    func advance(_ x: [Double], _ state: inout State, readOut: inout [Double], scratch z: inout [Double]) {
        let columns = gateColumns
        parameters.withUnsafeBufferPointer { w in
            for row in 0..<(4 * hidden) {
                var sum = w[gateBiasOffset + row]
                let base = row * columns
                for column in 0..<inputs { sum += w[base + column] * x[column] }
                for k in 0..<hidden { sum += w[base + inputs + k] * state.h[k] }
                z[row] = sum
            }
            for k in 0..<hidden {
                let c = Self.sigmoid(z[hidden + k]) * state.c[k] + Self.sigmoid(z[k]) * tanh(z[2 * hidden + k])
                state.c[k] = c
                state.h[k] = Self.sigmoid(z[3 * hidden + k]) * tanh(c)
            }
            for row in 0..<outputs {
                var sum = w[readOutBiasOffset + row]
                for k in 0..<hidden { sum += w[readOutOffset + row * hidden + k] * state.h[k] }
                readOut[row] = sum
            }
        }
    }

    /// Backpropagation through time: adds to `gradient` (the size of `parameters`) the gradients of a loss whose
    /// derivatives with respect to each step's read-out are `readOutGradients` (one per cached step, in order).
    func accumulateGradient(_ caches: [StepCache], readOutGradients: [[Double]], into gradient: inout [Double]) {
        let columns = gateColumns
        var nextH = [Double](repeating: 0, count: hidden)
        var nextC = [Double](repeating: 0, count: hidden)
        var dz = [Double](repeating: 0, count: 4 * hidden)
        for t in stride(from: caches.count - 1, through: 0, by: -1) {
            let cache = caches[t]
            var dh = nextH
            for row in 0..<outputs {
                let dr = readOutGradients[t][row]
                guard dr != 0 else { continue }
                gradient[readOutBiasOffset + row] += dr
                for k in 0..<hidden {
                    gradient[readOutOffset + row * hidden + k] += dr * cache.h[k]
                    dh[k] += dr * parameters[readOutOffset + row * hidden + k]
                }
            }
            for k in 0..<hidden {
                let tanhC = tanh(cache.c[k])
                let dc = dh[k] * cache.o[k] * (1 - tanhC * tanhC) + nextC[k]
                dz[k] = dc * cache.g[k] * cache.i[k] * (1 - cache.i[k])
                dz[hidden + k] = dc * cache.previousC[k] * cache.f[k] * (1 - cache.f[k])
                dz[2 * hidden + k] = dc * cache.i[k] * (1 - cache.g[k] * cache.g[k])
                dz[3 * hidden + k] = dh[k] * tanhC * cache.o[k] * (1 - cache.o[k])
                nextC[k] = dc * cache.f[k]
            }
            for k in 0..<hidden { nextH[k] = 0 }
            parameters.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { grad in
                    cache.input.withUnsafeBufferPointer { u in
                        for row in 0..<(4 * hidden) {
                            let d = dz[row]
                            guard d != 0 else { continue }
                            grad[gateBiasOffset + row] += d
                            let base = row * columns
                            for column in 0..<columns { grad[base + column] += d * u[column] }
                            for k in 0..<hidden { nextH[k] += d * w[base + inputs + k] }
                        }
                    }
                }
            }
        }
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }
}

/// The Adam optimiser (Kingma and Ba) over one flat parameter vector, with gradient-norm clipping.
struct AdamOptimizer {
    var learningRate: Double
    let beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8
    let clipNorm = 10.0
    private var m: [Double]
    private var v: [Double]
    private var steps = 0

    init(count: Int, learningRate: Double) {
        self.learningRate = learningRate
        m = [Double](repeating: 0, count: count)
        v = m
    }

    mutating func update(_ parameters: inout [Double], gradient: [Double]) {
        let norm = gradient.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard norm.isFinite else { return }
        let scale = norm > clipNorm ? clipNorm / norm : 1
        steps += 1
        let correction1 = 1 - pow(beta1, Double(steps))
        let correction2 = 1 - pow(beta2, Double(steps))
        for index in parameters.indices {
            let g = gradient[index] * scale
            m[index] = beta1 * m[index] + (1 - beta1) * g
            v[index] = beta2 * v[index] + (1 - beta2) * g * g
            parameters[index] -= learningRate * (m[index] / correction1) / ((v[index] / correction2).squareRoot() + epsilon)
        }
    }
}
