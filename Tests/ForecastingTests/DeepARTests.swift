import Foundation
import Testing

@testable import Forecasting

@Suite struct DeepARTests {
    /// The summed loss of a sequence through the layer and the likelihood.
    func loss(_ layer: LSTMLayer, _ inputs: [[Double]], _ targets: [Double], _ likelihood: DeepARLikelihood) -> Double {
        var state = layer.initialState()
        var tape = LSTMTape()
        let transposed = layer.transposedGateWeights()
        var readOut = [Double](repeating: 0, count: layer.outputs)
        return zip(inputs, targets).reduce(0) { sum, pair in
            layer.step(pair.0, &state, tape: &tape, transposed: transposed, readOut: &readOut)
            return sum + likelihood.loss(pair.1, readOut: readOut, scale: 2).value
        }
    }

    @Test(arguments: DeepARLikelihood.allCases)
    func backpropagationMatchesNumericalDerivatives(_ likelihood: DeepARLikelihood) {
        let layer = LSTMLayer(inputs: 2, hidden: 3, outputs: likelihood.parameterCount, seed: 5)
        var perturbed = layer
        for index in perturbed.parameters.indices { perturbed.parameters[index] += 0.3 * sin(Double(index)) }
        let inputs = (0..<5).map { [sin(Double($0)), cos(Double(2 * $0))] }
        let targets = [3.0, 1, 4, 0, 2]
        var state = perturbed.initialState()
        var tape = LSTMTape()
        let transposed = perturbed.transposedGateWeights()
        var readOutGradients: [Double] = []
        var readOut = [Double](repeating: 0, count: perturbed.outputs)
        for (x, y) in zip(inputs, targets) {
            perturbed.step(x, &state, tape: &tape, transposed: transposed, readOut: &readOut)
            readOutGradients += likelihood.loss(y, readOut: readOut, scale: 2).gradient
        }
        var gradient = [Double](repeating: 0, count: perturbed.parameters.count)
        perturbed.accumulateGradient(tape, readOutGradients: readOutGradients, into: &gradient)
        var worst = 0.0
        for index in perturbed.parameters.indices {
            var up = perturbed, down = perturbed
            up.parameters[index] += 1e-6
            down.parameters[index] -= 1e-6
            let numeric = (loss(up, inputs, targets, likelihood) - loss(down, inputs, targets, likelihood)) / 2e-6
            worst = max(worst, abs(numeric - gradient[index]) / max(1, abs(numeric)))
        }
        #expect(worst < 1e-4, "largest relative gradient error \(worst)")
    }

    @Test func aSharedSeasonIsLearnedAcrossItemsOfDifferentScales() throws {
        // Twelve items: the same monthly season on levels from 10 to 1,000, with a little deterministic noise.
        func value(_ item: Int, _ t: Int) -> Double {
            let level = 10 * pow(10, Double(item % 3))
            return level * (1 + 0.3 * sin(2 * Double.pi * Double(t) / 12) + 0.02 * sin(Double(t * 7 + item)))
        }
        let series = (0..<12).map { item in (0..<60).map { value(item, $0) } }
        var configuration = DeepARNetwork.Configuration(horizon: 12, period: 12)
        configuration.iterations = 300
        configuration.hiddenUnits = 16
        let network = try #require(
            DeepARNetwork.train(series.map { DeepARSeries(values: $0) }, period: 12, configuration: configuration))
        #expect(network.iterationsRun == 300)
        var ourError = 0.0, flatError = 0.0
        for item in [0, 4, 8] {
            let paths = network.samplePaths(DeepARSeries(values: series[item]), horizon: 12, paths: 200, seed: 3)
            let median = PathSummary.quantiles(paths, levels: [0.5])[0]
            for step in 0..<12 {
                let truth = value(item, 60 + step)
                ourError += abs(median[step] - truth) / truth
                flatError += abs(series[item].last! - truth) / truth
            }
        }
        #expect(ourError / 36 < 0.08, "mean absolute percentage error \(ourError / 36)")
        #expect(ourError < flatError / 2)
    }
}

@Suite struct DeepARLevelTests {
    @Test func anItemWhoseLevelDwarfsItsMovementsIsForecastWithinThem() throws {
        // Eight items wander by about 1 around 5,800, eight swing by half their level of 10.
        func value(_ item: Int, _ t: Int) -> Double {
            item < 8
                ? 5800 + sin(Double(t) * 0.7 + Double(item)) + 0.5 * sin(Double(t * 3 + item))
                : 10 * (1 + 0.5 * sin(Double(t) * 1.3 + Double(item)))
        }
        let series = (0..<16).map { item in (0..<40).map { value(item, $0) } }
        var configuration = DeepARNetwork.Configuration(horizon: 6, period: 1)
        configuration.iterations = 300
        let network = try #require(
            DeepARNetwork.train(series.map { DeepARSeries(values: $0) }, period: 1, configuration: configuration))
        var error = 0.0
        for item in 0..<8 {
            let paths = network.samplePaths(DeepARSeries(values: series[item]), horizon: 6, paths: 200, seed: 5)
            let median = PathSummary.quantiles(paths, levels: [0.5])[0]
            for step in 0..<6 { error += abs(median[step] - value(item, 40 + step)) }
        }
        // The items move by about 1 a step: a forecast off by a share of the level (5,800) misses by more.
        #expect(error / 48 < 0.9, "mean absolute error \(error / 48)")
    }
}

extension DeepARLevelTests {
    @Test func aNetworkStoredBeforeItemsWereCentredStillReadsThemUncentred() throws {
        var configuration = DeepARNetwork.Configuration(horizon: 3, period: 1)
        configuration.iterations = 5
        let series = (0..<4).map { item in DeepARSeries(values: (0..<20).map { 50 + Double(($0 * 7 + item) % 5) }) }
        let network = try #require(DeepARNetwork.train(series, period: 1, configuration: configuration))
        #expect(network.centred)
        var stored = try #require(
            try JSONSerialization.jsonObject(with: JSONEncoder().encode(network)) as? [String: Any])
        #expect(stored.removeValue(forKey: "centresItems") as? Bool == true)
        let old = try JSONDecoder().decode(DeepARNetwork.self, from: JSONSerialization.data(withJSONObject: stored))
        #expect(!old.centred)
        let paths = old.samplePaths(series[0], horizon: 3, paths: 10, seed: 1)
        #expect(paths.count == 10 && paths.allSatisfy { $0.count == 3 && $0.allSatisfy(\.isFinite) })
        var counts = configuration
        counts.likelihood = .negativeBinomial
        #expect(try #require(DeepARNetwork.train(series, period: 1, configuration: counts)).centred == false)
    }
}

@Suite struct DeepARStaticFeatureTests {
    @Test func staticFeaturesTellGrowingItemsFromShrinkingOnes() throws {
        // Items marked 1 grow 4% a step, items marked 0 shrink 4%; a two-value flat history shows neither.
        let series = (0..<16).map { index -> DeepARSeries in
            let growth = index % 2 == 0 ? 1.04 : 0.96
            let values = (0..<30).map { 100 * pow(growth, Double($0)) * (1 + 0.01 * sin(Double($0 * 5 + index))) }
            return DeepARSeries(values: values, statics: [index % 2 == 0 ? 1 : 0])
        }
        var configuration = DeepARNetwork.Configuration(horizon: 5, period: 1)
        // Short contexts show little of an item's trend, so the network must learn it from the static feature.
        configuration.contextLength = 5
        configuration.iterations = 300
        configuration.hiddenUnits = 12
        configuration.likelihood = .gaussian
        let network = try #require(DeepARNetwork.train(series, period: 1, configuration: configuration))
        func fifthStep(_ mark: Double) -> Double {
            let paths = network.samplePaths(
                DeepARSeries(values: [100, 100], statics: [mark]), horizon: 5, paths: 300, seed: 2)
            return PathSummary.quantiles(paths, levels: [0.5])[0][4]
        }
        // The network reads values centred on the context's mean and divided by their spread, so a flat history
        // leaves the size of the steps open (its spread is none): the static feature alone sets their direction.
        #expect(fifthStep(1) > 101, "growing item's median after five steps: \(fifthStep(1))")
        #expect(fifthStep(0) < 99, "shrinking item's median after five steps: \(fifthStep(0))")
    }
}

@Suite struct TimeFrequencyTests {
    func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

    @Test func periodsStartWhereForecastCountsThem() throws {
        let quarterly = try #require(TimeFrequency("3M"))
        #expect(quarterly.periodStart(of: date("2021-05-17T13:45:00Z")) == date("2021-04-01T00:00:00Z"))
        let weekly = try #require(TimeFrequency("W"))
        // 2021-05-17 is a Monday; the Sunday after belongs to the same week.
        #expect(weekly.periodStart(of: date("2021-05-23T23:00:00Z")) == date("2021-05-17T00:00:00Z"))
        let quarterHours = try #require(TimeFrequency("15min"))
        #expect(quarterHours.periodStart(of: date("2021-05-17T13:44:59Z")) == date("2021-05-17T13:30:00Z"))
        #expect(try #require(TimeFrequency("Y")).periodStart(of: date("2021-05-17T13:45:00Z")) == date("2021-01-01T00:00:00Z"))
        let monthly = try #require(TimeFrequency("M"))
        #expect(monthly.steps(from: date("2020-01-01T00:00:00Z"), to: date("2021-05-01T00:00:00Z")) == 16)
        #expect(monthly.steps(from: date("2020-01-01T00:00:00Z"), to: date("2020-01-01T00:00:00Z")) == 0)
    }
}
