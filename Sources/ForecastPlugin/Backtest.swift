import Foundation
import Synchronization
import Forecasting

/// Backtests a predictor's algorithm as Forecast does: for each window, the models are trained on the data before
/// it and forecast it; accuracy is summed over all items. Window 1 ends `offset` steps before the data's end plus
/// `horizon` (with the default offset, the last `horizon` values); each further window lies `horizon` earlier.
struct Backtest {
    let horizon: Int
    let windows: Int
    let offset: Int
    let frequency: TimeFrequency
    let algorithm: String
    let forecastTypes: [String]
    /// DeepAR+'s training settings: the predictor's for Deep_AR_Plus, the defaults for an AutoPredictor (whose
    /// ensemble includes DeepAR+), nil for the other algorithms.
    var deepAR: DeepARNetwork.Configuration?
    /// Per item: related time series values on the item's grid from its first step through the forecast horizon.
    var related: [String: [[Double]]] = [:]
    /// Per item: its item metadata encoded as static features (`ItemMetadataEncoding`).
    var statics: [String: [Double]] = [:]

    /// Trains the models of every item on `items` (each item's values and first time), as the predictor keeps them:
    /// one model per item, and one DeepAR+ network across the items when the algorithm uses it.
    func train(_ items: [String: (values: [Double], first: Date)], lastTimes: [String: Date]) -> (
        models: [String: ItemModel], network: DeepARNetwork?
    ) {
        let period = frequency.seasonalPeriod
        let names = items.keys.sorted()
        let origin = items.values.map(\.first).min() ?? Date()
        let series = names.map { name in
            DeepARSeries(
                values: items[name]!.values, seasonOffset: frequency.steps(from: origin, to: items[name]!.first),
                related: related.isEmpty ? nil : related[name] ?? [], statics: statics.isEmpty ? nil : statics[name])
        }
        let network = deepAR.flatMap { configuration in
            DeepARNetwork.train(
                series.map { $0.droppingFirst(max(0, $0.values.count - ItemModel.trainingLimit)) }, period: period,
                configuration: configuration)
        }
        // Items are fitted in parallel.
        let fitted = Mutex([ItemModel?](repeating: nil, count: names.count))
        DispatchQueue.concurrentPerform(iterations: names.count) { index in
            let item = items[names[index]]!
            let chosen = ItemModel.algorithm(named: algorithm, for: item.values, period: period, horizon: horizon)
            let lastTime = lastTimes[names[index]] ?? frequency.advance(item.first, by: item.values.count - 1)
            let model = ItemModel.train(series[index], period: period, algorithm: chosen, network: network, lastTime: lastTime)
            fitted.withLock { $0[index] = model }
        }
        let models = Dictionary(uniqueKeysWithValues: zip(names, fitted.withLock { $0 }).compactMap { name, model in
            model.map { (name, $0) }
        })
        return (models, network)
    }

    func evaluate(_ items: [String: (values: [Double], first: Date)]) -> [BacktestWindow] {
        var results: [BacktestWindow] = []
        for window in 0..<windows {
            var squares = 0.0, absolute = 0.0, total = 0.0, points = 0.0
            var percentages: [Double] = []
            var scaled: [Double] = []
            var losses = [String: Double]()
            var itemCount = 0
            var start: Date?
            var end: Date?
            // Every model (an AutoPredictor's choice too, and DeepAR+'s network) is trained again inside each window,
            // on the history before it only.
            var histories: [String: (values: [Double], first: Date)] = [:]
            for (name, item) in items {
                let cutoff = item.values.count - offset - window * horizon
                guard cutoff >= 2, cutoff + horizon <= item.values.count else { continue }
                histories[name] = (Array(item.values[..<cutoff]), item.first)
            }
            let trained = train(histories, lastTimes: [:])
            for (index, (name, item)) in items.sorted(by: { $0.key < $1.key }).enumerated() {
                guard let history = histories[name]?.values, let model = trained.models[name] else { continue }
                let cutoff = history.count
                let actual = Array(item.values[cutoff..<(cutoff + horizon)])
                let predicted = model.predict(
                    horizon: horizon, types: forecastTypes + ["mean"], seed: UInt64(index + 1), network: trained.network)
                guard let mean = predicted["mean"] else { continue }
                itemCount += 1
                start = start ?? frequency.advance(item.first, by: cutoff)
                end = end ?? frequency.advance(item.first, by: cutoff + horizon - 1)
                for (y, f) in zip(actual, mean) {
                    squares += (y - f) * (y - f)
                    absolute += abs(y - f)
                    total += abs(y)
                    points += 1
                    if y != 0 { percentages.append(abs((y - f) / y)) }
                }
                scaled.append(ForecastAccuracy.MASE(history: history, actual: actual, forecast: mean, period: frequency.seasonalPeriod))
                for type in forecastTypes {
                    guard let level = Double(type), let quantile = predicted[type] else { continue }
                    losses[type, default: 0] += zip(actual, quantile).reduce(0) { sum, pair in
                        let (y, q) = pair
                        return sum + 2 * (level * max(y - q, 0) + (1 - level) * max(q - y, 0))
                    }
                }
            }
            guard itemCount > 0, let start, let end else { continue }
            results.append(
                BacktestWindow(
                    start: start, end: end, itemCount: itemCount, rmse: (squares / points).squareRoot(),
                    wape: total > 0 ? absolute / total : 0,
                    mase: scaled.reduce(0, +) / Double(scaled.count),
                    mape: percentages.isEmpty ? 0 : percentages.reduce(0, +) / Double(percentages.count),
                    quantileLosses: losses.mapValues { total > 0 ? $0 / total : 0 }))
        }
        return results
    }
}
