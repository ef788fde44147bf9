import Foundation
import Forecasting

/// Backtests a predictor's algorithm as Forecast does: for each window, the models are trained on the data before
/// it and forecast it; accuracy is summed over all items. Window 1 ends `offset` steps before the data's end plus
/// `horizon` (with the default offset, the last `horizon` values); each further window lies `horizon` earlier.
struct Backtest {
    /// How the predictor's models are trained (inside each window, on the history before it).
    let training: PredictorTraining
    let windows: Int
    let offset: Int
    let forecastTypes: [String]

    var horizon: Int { training.horizon }
    var frequency: TimeFrequency { training.frequency }

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
            let trained = training.train(histories, lastTimes: [:])
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
