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

    /// The gate weights transposed: one run of 4·hidden values per column of [x; h₋₁], so a step's gate sums
    /// accumulate column by column over contiguous memory (each sum still adds its terms in column order, so the
    /// result is the same as row by row). Build it once per set of weights and pass it to the steps.
    func transposedGateWeights() -> [Double] {
        let rows = 4 * hidden
        let columns = gateColumns
        var transposed = [Double](repeating: 0, count: rows * columns)
        for row in 0..<rows {
            for column in 0..<columns { transposed[column * rows + row] = parameters[row * columns + column] }
        }
        return transposed
    }

    /// One step of a sequence recorded for backpropagation: advances `state`, appends the step to `tape` (its gates
    /// written straight onto it) and writes the read-out into `readOut` (`outputs` values), allocating nothing once
    /// the tape has grown (training runs millions of steps). `transposed` is ``transposedGateWeights()`` of these
    /// weights.
    func step(
        _ x: [Double], _ state: inout State, tape: inout LSTMTape, transposed: [Double], readOut: inout [Double]
    ) {
        tape.begin(previousCell: state.c)
        tape.inputs.append(contentsOf: x)
        tape.inputs.append(contentsOf: state.h)
        let rows = 4 * hidden
        let gateStart = tape.gates.count
        tape.gates.append(contentsOf: parameters[gateBiasOffset..<(gateBiasOffset + rows)])
        let inputStart = tape.inputs.count - gateColumns
        transposed.withUnsafeBufferPointer { w in
            tape.inputs.withUnsafeBufferPointer { u in
                tape.gates.withUnsafeMutableBufferPointer { gates in
                    let z = gates.baseAddress! + gateStart
                    for column in 0..<gateColumns {
                        let value = u[inputStart + column]
                        let weights = w.baseAddress! + column * rows
                        for row in 0..<rows { z[row] += weights[row] * value }
                    }
                }
            }
        }
        for k in 0..<hidden {
            let i = Self.sigmoid(tape.gates[gateStart + k])
            let f = Self.sigmoid(tape.gates[gateStart + hidden + k])
            let g = Self.tanh(tape.gates[gateStart + 2 * hidden + k])
            let o = Self.sigmoid(tape.gates[gateStart + 3 * hidden + k])
            let c = f * state.c[k] + i * g
            let tanhC = Self.tanh(c)
            state.c[k] = c
            state.h[k] = o * tanhC
            tape.cellTanhs.append(tanhC)
            tape.gates[gateStart + k] = i
            tape.gates[gateStart + hidden + k] = f
            tape.gates[gateStart + 2 * hidden + k] = g
            tape.gates[gateStart + 3 * hidden + k] = o
        }
        tape.cells.append(contentsOf: state.c)
        tape.hiddens.append(contentsOf: state.h)
        for row in 0..<outputs {
            var sum = parameters[readOutBiasOffset + row]
            for k in 0..<hidden { sum += parameters[readOutOffset + row * hidden + k] * state.h[k] }
            readOut[row] = sum
        }
    }

    /// One step for inference: advances `state` in place and writes the read-out, allocating nothing (`scratch`
    /// holds the 4·hidden gate values; `transposed` is ``transposedGateWeights()``). The same arithmetic as the
    /// recorded step.
    func advance(
        _ x: [Double], _ state: inout State, readOut: inout [Double], scratch z: inout [Double], transposed: [Double]
    ) {
        let rows = 4 * hidden
        parameters.withUnsafeBufferPointer { p in
            transposed.withUnsafeBufferPointer { w in
                z.withUnsafeMutableBufferPointer { z in
                    for row in 0..<rows { z[row] = p[gateBiasOffset + row] }
                    for column in 0..<inputs {
                        let value = x[column]
                        let weights = w.baseAddress! + column * rows
                        for row in 0..<rows { z[row] += weights[row] * value }
                    }
                    for k in 0..<hidden {
                        let value = state.h[k]
                        let weights = w.baseAddress! + (inputs + k) * rows
                        for row in 0..<rows { z[row] += weights[row] * value }
                    }
                    for k in 0..<hidden {
                        let c = Self.sigmoid(z[hidden + k]) * state.c[k] + Self.sigmoid(z[k]) * Self.tanh(z[2 * hidden + k])
                        state.c[k] = c
                        state.h[k] = Self.sigmoid(z[3 * hidden + k]) * Self.tanh(c)
                    }
                }
                for row in 0..<outputs {
                    var sum = p[readOutBiasOffset + row]
                    for k in 0..<hidden { sum += p[readOutOffset + row * hidden + k] * state.h[k] }
                    readOut[row] = sum
                }
            }
        }
    }

    /// Backpropagation through time: adds to `gradient` (the size of `parameters`) the gradients of a loss whose
    /// derivatives with respect to each recorded step's read-out are `readOutGradients` (`outputs` values per step,
    /// in order).
    func accumulateGradient(_ tape: LSTMTape, readOutGradients dr: [Double], into gradient: inout [Double]) {
        let columns = gateColumns
        let rows = 4 * hidden
        let (gates, cells, cellTanhs, hiddens) = (tape.gates, tape.cells, tape.cellTanhs, tape.hiddens)
        // Scratch: the gradients flowing back into h and c from the step after, this step's dh, and its dz.
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 3 * hidden + rows) { scratch in
            scratch.initialize(repeating: 0)
            let nextH = UnsafeMutableBufferPointer(rebasing: scratch[0..<hidden])
            let nextC = UnsafeMutableBufferPointer(rebasing: scratch[hidden..<(2 * hidden)])
            let dh = UnsafeMutableBufferPointer(rebasing: scratch[(2 * hidden)..<(3 * hidden)])
            let dz = UnsafeMutableBufferPointer(rebasing: scratch[(3 * hidden)...])
            parameters.withUnsafeBufferPointer { w in
                gradient.withUnsafeMutableBufferPointer { grad in
                    tape.inputs.withUnsafeBufferPointer { recorded in
                        for t in stride(from: tape.count - 1, through: 0, by: -1) {
                            let h = t * hidden
                            for k in 0..<hidden { dh[k] = nextH[k] }
                            for row in 0..<outputs {
                                let d = dr[t * outputs + row]
                                guard d != 0 else { continue }
                                grad[readOutBiasOffset + row] += d
                                let base = readOutOffset + row * hidden
                                for k in 0..<hidden {
                                    grad[base + k] += d * hiddens[h + k]
                                    dh[k] += d * w[base + k]
                                }
                            }
                            let g = t * rows
                            for k in 0..<hidden {
                                let i = gates[g + k], f = gates[g + hidden + k]
                                let cell = gates[g + 2 * hidden + k], o = gates[g + 3 * hidden + k]
                                let tanhC = cellTanhs[h + k]
                                let dc = dh[k] * o * (1 - tanhC * tanhC) + nextC[k]
                                dz[k] = dc * cell * i * (1 - i)
                                dz[hidden + k] = dc * cells[h + k] * f * (1 - f)
                                dz[2 * hidden + k] = dc * i * (1 - cell * cell)
                                dz[3 * hidden + k] = dh[k] * tanhC * o * (1 - o)
                                nextC[k] = dc * f
                            }
                            for k in 0..<hidden { nextH[k] = 0 }
                            // Row pointers and wrapping index arithmetic keep overflow checks out of the inner loops,
                            // so they vectorise.
                            let input = recorded.baseAddress! + t * columns
                            for row in 0..<rows {
                                let d = dz[row]
                                guard d != 0 else { continue }
                                grad[gateBiasOffset + row] += d
                                let gradientRow = grad.baseAddress! + row * columns
                                let weightRow = w.baseAddress! + row * columns + inputs
                                for column in 0..<columns { gradientRow[column] += d * input[column] }
                                for k in 0..<hidden { nextH[k] += d * weightRow[k] }
                            }
                        }
                    }
                }
            }
        }
    }

    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// tanh through one `exp` (the C library's goes through `expm1`, several times slower, and the network spends
    /// much of its time here): (1 − e^−2|x|) / (1 + e^−2|x|) with the sign of x, within about 1e-16 of tanh.
    static func tanh(_ x: Double) -> Double {
        let e = exp(-2 * abs(x))
        let magnitude = (1 - e) / (1 + e)
        return x < 0 ? -magnitude : magnitude
    }
}

/// What the recorded steps of one sequence leave for backpropagation, in flat buffers that a trainer reuses from
/// sequence to sequence (``reset()`` keeps their capacity): per step the input [x; h₋₁], the gate activations
/// σ(i), σ(f), tanh(g), σ(o), the hidden state, tanh of the cell state, and the cell states (the one before the
/// first step, then one per step).
struct LSTMTape {
    private(set) var count = 0
    fileprivate var inputs: [Double] = []
    fileprivate var gates: [Double] = []
    fileprivate var cells: [Double] = []
    fileprivate var hiddens: [Double] = []
    /// tanh of each step's cell state (the backward pass needs it again).
    fileprivate var cellTanhs: [Double] = []

    init() {}

    /// Empties the tape for a new sequence.
    mutating func reset() {
        count = 0
        inputs.removeAll(keepingCapacity: true)
        gates.removeAll(keepingCapacity: true)
        cells.removeAll(keepingCapacity: true)
        hiddens.removeAll(keepingCapacity: true)
        cellTanhs.removeAll(keepingCapacity: true)
    }

    /// Starts a step: the first step of a sequence also records the cell state it starts from.
    fileprivate mutating func begin(previousCell: [Double]) {
        if count == 0 { cells.append(contentsOf: previousCell) }
        count += 1
    }
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
