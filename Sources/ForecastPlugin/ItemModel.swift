import Foundation
import Forecasting

/// An item's trained model: ARIMA, exponential smoothing (ETS), or NPTS over its recent history; an item too short
/// for its model is forecast by its last value.
struct ItemModel: Codable, Sendable {
    var arima: ARIMAFit?
    var prophet: ProphetLikeFit?
    var ets: ETSFit?
    var npts: NPTS?
    var history: [Double]?
    var period: Int = 1
    var lastValue: Double
    var lastTime: Date

    /// The most recent observations a model is trained on: training time grows with the length, and a client's
    /// minute-level data over years must not keep a job busy for hours.
    static let trainingLimit = 5000

    /// Trains `algorithm` (`ARIMA`, `ETS`, `Prophet` or `NPTS`) on an item's values (at most the last ``trainingLimit``).
    static func train(_ allValues: [Double], period: Int, algorithm: String, lastTime: Date) -> ItemModel {
        let values = Array(allValues.suffix(trainingLimit))
        let last = values.last ?? 0
        if algorithm == "ARIMA", let arima = AutoARIMA.fit(values, period: period) {
            return ItemModel(arima: arima, period: period, lastValue: last, lastTime: lastTime)
        }
        if algorithm == "Prophet", let prophet = ProphetLikeFit.fit(values, period: period) {
            return ItemModel(prophet: prophet, period: period, lastValue: last, lastTime: lastTime)
        }
        if algorithm == "NPTS" {
            return ItemModel(
                npts: NPTS(), history: Array(values.suffix(NPTS.contextLength)), period: period, lastValue: last,
                lastTime: lastTime)
        }
        return ItemModel(ets: AutoETS.fit(values, period: period), period: period, lastValue: last, lastTime: lastTime)
    }

    /// The forecast of each type (`mean`, or a quantile such as "0.1") for `horizon` steps, from 1,000 seeded
    /// sample paths.
    func predict(horizon: Int, types: [String], seed: UInt64) -> [String: [Double]] {
        let paths: [[Double]]
        let mean: [Double]
        if let arima {
            paths = arima.samplePaths(horizon: horizon, paths: 1000, seed: seed)
            mean = arima.forecast(horizon: horizon)
        } else if let prophet {
            paths = prophet.samplePaths(horizon: horizon, paths: 1000, seed: seed)
            mean = prophet.forecast(horizon: horizon)
        } else if let ets {
            paths = ets.samplePaths(horizon: horizon, paths: 1000, seed: seed)
            mean = ets.forecast(horizon: horizon)
        } else if let npts, let history {
            paths = npts.samplePaths(history: history, period: period, horizon: horizon, paths: 1000, seed: seed)
            mean = PathSummary.mean(paths)
        } else {
            let flat = [Double](repeating: lastValue, count: horizon)
            return Dictionary(types.map { ($0, flat) }, uniquingKeysWith: { first, _ in first })
        }
        let quantiles = types.compactMap { type in Double(type).map { (type: type, level: $0) } }
        let bands = PathSummary.quantiles(paths, levels: quantiles.map(\.level))
        var values = Dictionary(zip(quantiles.map(\.type), bands), uniquingKeysWith: { first, _ in first })
        if types.contains("mean") { values["mean"] = mean }
        return values
    }
}
