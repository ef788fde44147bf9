import Foundation

/// One series as DeepAR reads it: its values, its first value's position on the dataset's time grid (so the season
/// position is shared across series), its related fields' values per step (through the forecast horizon), and its
/// static features (item metadata, encoded as numbers).
public struct DeepARSeries: Sendable, Codable {
    public var values: [Double]
    public var seasonOffset: Int
    public var related: [[Double]]?
    public var statics: [Double]?

    public init(values: [Double], seasonOffset: Int = 0, related: [[Double]]? = nil, statics: [Double]? = nil) {
        self.values = values
        self.seasonOffset = seasonOffset
        self.related = related
        self.statics = statics
    }

    /// The series without its first `count` values (the related rows and the season position move with them).
    public func droppingFirst(_ count: Int) -> DeepARSeries {
        DeepARSeries(
            values: Array(values.dropFirst(count)), seasonOffset: seasonOffset + count,
            related: related.map { Array($0.dropFirst(count)) }, statics: statics)
    }
}

/// DeepAR (Salinas, Flunkert, Gasthaus and Januschowski, 2020), the model behind Amazon Forecast's DeepAR+: one
/// autoregressive LSTM trained across all the items of a dataset. At each step it reads the previous value and the
/// value one season back (both divided by the item's scale, the mean absolute value of its context), the item's
/// volatility (a static feature: the mean absolute change over its context, relative to the scale, on a log scale,
/// so calm and volatile items are told apart), the position in the season and, when given, related time series
/// known for each step (prices, promotions: standardised per field), and outputs the parameters of the next value's
/// distribution (`DeepARLikelihood`).
/// Forecasts are ancestral samples: each draw is fed back as the next step's input.
public struct DeepARNetwork: Sendable, Codable {
    /// Training settings, named after DeepAR+'s hyperparameters where it has them.
    public struct Configuration: Sendable, Codable {
        /// Steps the network reads before it forecasts (DeepAR+'s `context_length`; default: twice the horizon, at
        /// least two seasons. DeepAR+ suggests about the horizon, but it also reads many lagged values, where this
        /// network reads two: with the horizon alone it sees too little history, measured in Docs/benchmarks.md).
        public var contextLength: Int
        /// Steps forecast (the horizon): training windows are contextLength + predictionLength long.
        public var predictionLength: Int
        public var hiddenUnits = 16
        public var likelihood = DeepARLikelihood.studentT
        /// Optimiser steps, each on a batch of windows drawn across the items (DeepAR+'s epochs × batches).
        public var iterations = 400
        public var batchSize = 16
        public var learningRate = 3e-3
        public var seed: UInt64 = 1
        /// Training stops after this many seconds even if iterations remain (bounded time on the CPU).
        public var timeLimit = 60.0

        public init(horizon: Int, period: Int) {
            predictionLength = horizon
            contextLength = max(2 * horizon, 2 * period, 4)
        }
    }

    let layer: LSTMLayer
    public let period: Int
    /// Per related field: the mean and standard deviation its values are standardised by (empty without related
    /// series).
    let relatedScales: [FieldScale]

    struct FieldScale: Sendable, Codable {
        var mean: Double
        var deviation: Double
    }

    /// The number of static features (item metadata, encoded) every series carries; zero without them.
    let staticCount: Int
    public let configuration: Configuration
    /// The optimiser steps training ran (fewer than asked when the time limit stopped it), and the mean
    /// negative log-likelihood per value over the last of them.
    public let iterationsRun: Int
    public let finalLoss: Double
    /// Whether the network reads its items centred on their context's mean (`ItemContext`): true for the
    /// real-valued likelihoods since 2026-12-01; nil in a network trained and stored before, which read them
    /// divided by their mean absolute value alone and still does.
    let centresItems: Bool?

    /// Whether items are centred before they are scaled, for this network.
    var centred: Bool { centresItems ?? false }

    /// Trains a network on every series of at least three values (their related rows and static features, when
    /// given, must have as many fields in every series). Nil when no series is long enough.
    public static func train(_ series: [DeepARSeries], period: Int, configuration: Configuration) -> DeepARNetwork? {
        let usable = series.indices.filter { series[$0].values.count >= 3 && series[$0].values.allSatisfy(\.isFinite) }
        guard !usable.isEmpty else { return nil }
        let fields = series.lazy.compactMap { $0.related?.first?.count }.first ?? 0
        let staticCount = series.lazy.compactMap { $0.statics?.count }.first ?? 0
        let relatedScales = (0..<fields).map { field -> FieldScale in
            let values = series.flatMap { ($0.related ?? []).map { $0[field] } }.filter(\.isFinite)
            let mean = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
            let variance = values.isEmpty ? 0 : values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)
            return FieldScale(mean: mean, deviation: variance > 0 ? variance.squareRoot() : 1)
        }
        let shape = DeepARNetwork(
            layer: LSTMLayer(inputs: 0, hidden: 0, outputs: 0, seed: 0), period: period, relatedScales: relatedScales,
            staticCount: staticCount, configuration: configuration, iterationsRun: 0, finalLoss: .nan,
            centresItems: configuration.likelihood.isRealValued)
        let inputs = (period > 1 ? 5 : 2) + fields + staticCount
        var layer = LSTMLayer(
            inputs: inputs, hidden: configuration.hiddenUnits, outputs: configuration.likelihood.parameterCount,
            seed: configuration.seed)
        var optimiser = AdamOptimizer(count: layer.parameters.count, learningRate: configuration.learningRate)
        var generator = SplitMix64(seed: configuration.seed &+ 17)
        let windowLength = configuration.contextLength + configuration.predictionLength
        let started = Date()
        var iterations = 0
        var lastLoss = Double.nan
        // A fixed number of shares keeps the sums' order, so the network, the same on every machine; each share
        // keeps its buffers from step to step.
        let shares = min(configuration.batchSize, 4)
        let workspaces = (0..<shares).map { _ in
            ShareWorkspace(parameters: layer.parameters.count, outputs: configuration.likelihood.parameterCount)
        }
        while iterations < configuration.iterations, Date().timeIntervalSince(started) < configuration.timeLimit {
            // The batch's windows are drawn first (so the draws do not depend on threading), then their gradients
            // are computed in parallel in shares, and summed.
            let windows = (0..<configuration.batchSize).map { _ -> (series: Int, start: Int) in
                let chosen = usable[Int(generator.next() % UInt64(usable.count))]
                let count = series[chosen].values.count
                return (chosen, count > windowLength ? Int(generator.next() % UInt64(count - windowLength + 1)) : 0)
            }
            let current = layer
            let transposed = current.transposedGateWeights()
            DispatchQueue.concurrentPerform(iterations: shares) { share in
                // The buffers move out of the workspace for the step (locals, unshared) and back after.
                var buffers = workspaces[share].take()
                buffers.gradient.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                var total = 0.0
                var counted = 0
                for window in stride(from: share, to: windows.count, by: shares).map({ windows[$0] }) {
                    let values = series[window.series].values
                    let end = min(values.count, window.start + windowLength)
                    let item = ItemContext(
                        values[window.start..<min(end - 1, window.start + configuration.contextLength)],
                        centred: shape.centred)
                    var state = current.initialState()
                    buffers.tape.reset()
                    buffers.readOutGradients.removeAll(keepingCapacity: true)
                    for index in (window.start + 1)..<end {
                        shape.features(values, at: index, item: item, series: series[window.series], into: &buffers.x)
                        current.step(
                            buffers.x, &state, tape: &buffers.tape, transposed: transposed, readOut: &buffers.readOut)
                        let (loss, dr) = configuration.likelihood.loss(
                            values[index] - item.location, readOut: buffers.readOut, scale: item.scale)
                        for value in dr { buffers.readOutGradients.append(value / Double(configuration.batchSize)) }
                        total += loss
                        counted += 1
                    }
                    current.accumulateGradient(
                        buffers.tape, readOutGradients: buffers.readOutGradients, into: &buffers.gradient)
                }
                workspaces[share].put(buffers, loss: total, count: counted)
            }
            var gradient = [Double](repeating: 0, count: layer.parameters.count)
            var total = 0.0
            var counted = 0
            for workspace in workspaces {
                for index in gradient.indices { gradient[index] += workspace.buffers.gradient[index] }
                total += workspace.loss
                counted += workspace.count
            }
            // Cosine decay of the learning rate to a twentieth over the run, so the weights settle rather than end
            // wherever the last noisy steps left them.
            let progress = Double(iterations) / Double(configuration.iterations)
            optimiser.learningRate = configuration.learningRate * (0.05 + 0.95 * 0.5 * (1 + cos(Double.pi * progress)))
            optimiser.update(&layer.parameters, gradient: gradient)
            iterations += 1
            lastLoss = total / Double(max(1, counted))
        }
        return DeepARNetwork(
            layer: layer, period: period, relatedScales: relatedScales, staticCount: staticCount,
            configuration: configuration, iterationsRun: iterations, finalLoss: lastLoss,
            centresItems: shape.centresItems)
    }

    /// `paths` simulated futures of `horizon` steps after the series' values, seeded (its related rows should run
    /// through the horizon: steps they lack read as each field's mean).
    public func samplePaths(_ series: DeepARSeries, horizon: Int, paths: Int, seed: UInt64) -> [[Double]] {
        let history = series.values
        guard history.count >= 2 else {
            return [[Double]](repeating: [Double](repeating: history.last ?? 0, count: horizon), count: paths)
        }
        let item = ItemContext(history.suffix(configuration.contextLength), centred: centred)
        let transposed = layer.transposedGateWeights()
        var readOut = [Double](repeating: 0, count: layer.outputs)
        var scratch = [Double](repeating: 0, count: 4 * layer.hidden)
        var warm = layer.initialState()
        var x: [Double] = []
        for index in max(1, history.count - configuration.contextLength)..<history.count {
            features(history, at: index, item: item, series: series, into: &x)
            layer.advance(x, &warm, readOut: &readOut, scratch: &scratch, transposed: transposed)
        }
        var generator = SplitMix64(seed: seed)
        var extended = history
        extended.reserveCapacity(history.count + horizon)
        return (0..<paths).map { _ in
            var state = warm
            extended.removeSubrange(history.count...)
            for _ in 0..<horizon {
                let index = extended.count
                features(extended, at: index, item: item, series: series, into: &x)
                layer.advance(x, &state, readOut: &readOut, scratch: &scratch, transposed: transposed)
                var draw = item.location + configuration.likelihood.sample(readOut: readOut, scale: item.scale, generator: &generator)
                if !draw.isFinite { draw = extended[index - 1] }
                extended.append(draw)
            }
            return Array(extended[history.count...])
        }
    }

    /// The network's input for predicting `values[index]` from what precedes it (`values` is the series' values,
    /// extended by a sample path when forecasting).
    /// Written into `x` (emptied first, its capacity kept: the network reads one input a step, millions of them).
    func features(_ values: [Double], at index: Int, item: ItemContext, series: DeepARSeries, into x: inout [Double]) {
        let previous = (values[index - 1] - item.location) / item.scale
        x.removeAll(keepingCapacity: true)
        x.append(previous)
        x.append(item.volatilityFeature)
        if period > 1 {
            let seasonBack = index >= period ? (values[index - period] - item.location) / item.scale : previous
            let angle = 2 * Double.pi * Double((index + series.seasonOffset) % period) / Double(period)
            x.append(seasonBack)
            x.append(sin(angle))
            x.append(cos(angle))
        }
        for (field, scale) in relatedScales.enumerated() {
            let value = series.related.flatMap { index < $0.count ? $0[index][field] : nil } ?? scale.mean
            x.append(value.isFinite ? (value - scale.mean) / scale.deviation : 0)
        }
        for feature in 0..<staticCount {
            let value = series.statics.flatMap { feature < $0.count ? $0[feature] : nil } ?? 0
            x.append(value.isFinite ? value : 0)
        }
    }

    /// One share's buffers in a training step, kept from step to step: its summed gradient, and the tape, input and
    /// read-out it reuses; with the share's loss and value count. Only its own share uses it, inside the step (taking
    /// the buffers out as locals, so no other thread's writes share their cache lines); the trainer reads it after.
    final class ShareWorkspace: @unchecked Sendable {
        struct Buffers {
            var gradient: [Double]
            var tape = LSTMTape()
            var readOutGradients: [Double] = []
            var x: [Double] = []
            var readOut: [Double]
        }

        private(set) var buffers: Buffers
        private(set) var loss = 0.0
        private(set) var count = 0

        init(parameters: Int, outputs: Int) {
            buffers = Buffers(
                gradient: [Double](repeating: 0, count: parameters), readOut: [Double](repeating: 0, count: outputs))
        }

        /// The buffers, leaving empty ones behind until `put`.
        func take() -> Buffers {
            var taken = Buffers(gradient: [], readOut: [])
            swap(&taken, &buffers)
            return taken
        }

        func put(_ buffers: Buffers, loss: Double, count: Int) {
            self.buffers = buffers
            self.loss = loss
            self.count = count
        }
    }

    /// What the network knows of an item from its context window.
    struct ItemContext {
        /// Subtracted from the values before they are scaled: the context's mean for a real-valued likelihood, so
        /// that an item whose level is large beside its movements (a lake's height in feet) is read by its
        /// movements; 0 for counts, whose likelihood needs them positive.
        let location: Double
        /// Values are divided by it after the location is subtracted: the mean absolute deviation from the location
        /// (the mean absolute value, for counts), 1 when that is zero.
        let scale: Double
        /// log(mean absolute change / scale + 0.001) / 4: about −1.7 for a still series, 0 for one that changes by
        /// its own size each step.
        let volatilityFeature: Double

        init(_ values: ArraySlice<Double>, centred: Bool) {
            let count = Double(max(1, values.count))
            let centre = centred ? values.reduce(0, +) / count : 0
            let spread = values.reduce(0) { $0 + abs($1 - centre) } / count
            location = centre
            scale = spread > 0 ? spread : 1
            let changes = zip(values.dropFirst(), values).map { abs($0 - $1) }
            let change = changes.isEmpty ? 0 : changes.reduce(0, +) / Double(changes.count)
            volatilityFeature = log(change / scale + 0.001) / 4
        }
    }
}
