import Foundation
import Forecasting

/// An item's trained model over its recent history; an item too short for its model is forecast by its last value.
/// DeepAR's network is the predictor's, shared by its items, and handed in to forecast.
struct ItemModel: Codable, Sendable {
    var model: SeriesModel?
    var lastValue: Double
    var lastTime: Date
    /// Steps between the item's last value and the dataset's end left missing (back filling `nan`): forecasts run
    /// through them and report the steps after the dataset's end.
    var missingTail: Int?

    /// The most recent observations a model is trained on: training time grows with the length, and a client's
    /// minute-level data over years must not keep a job busy for hours.
    static let trainingLimit = 5000

    /// The part of an item's series its models train on: at most its last ``trainingLimit`` values.
    static func recent(_ series: DeepARSeries) -> DeepARSeries {
        series.droppingFirst(max(0, series.values.count - trainingLimit))
    }

    /// The algorithm a predictor's `algorithm` (an ARN's name, or `AUTO`) trains on an item's values: `AUTO` is the
    /// AutoPredictor's choice for these values.
    static func algorithm(named name: String, for values: [Double], period: Int, horizon: Int) -> SeriesModel.Algorithm {
        SeriesModel.Algorithm(rawValue: name) ?? AlgorithmChoice.choose(values, period: period, horizon: horizon)
    }

    /// Trains `algorithm` on an item's series (at most its last ``trainingLimit`` values), with the predictor's
    /// DeepAR `network` and the item's holiday features for the algorithms that read them.
    static func train(
        _ series: DeepARSeries, period: Int, algorithm: SeriesModel.Algorithm, network: DeepARNetwork?,
        holidays: HolidayFeatures? = nil, lastTime: Date
    ) -> ItemModel {
        let dropped = max(0, series.values.count - trainingLimit)
        let recent = series.droppingFirst(dropped)
        let values = recent.values
        let model = SeriesModel.fit(
            values, period: period, algorithm: algorithm, network: network, deepAR: recent,
            holidays: holidays?.droppingFirst(dropped))
        return ItemModel(model: model, lastValue: values.last ?? 0, lastTime: lastTime)
    }

    /// This model, trained without the predictor's network (`train` with `network` nil, so while the network
    /// trains), joined by DeepAR's member for `series` (the item's, as `train` read it): the model `train` gives with
    /// the network for DeepAR and the ensemble.
    func joiningDeepAR(_ series: DeepARSeries, period: Int, network: DeepARNetwork?) -> ItemModel {
        let recent = Self.recent(series)
        var joined = self
        let deepAR = SeriesModel.fit(
            recent.values, period: period, algorithm: .deepAR, network: network, deepAR: recent)
        joined.model = SeriesModel.joining(model, deepAR: deepAR)
        return joined
    }

    /// The forecast of each type (`mean`, or a quantile such as "0.1") for `horizon` steps, from 1,000 seeded
    /// sample paths (of each member, for an ensemble).
    func predict(horizon: Int, types: [String], seed: UInt64, network: DeepARNetwork?) -> [String: [Double]] {
        let skipped = missingTail ?? 0
        guard skipped == 0 else {
            var shifted = self
            shifted.missingTail = nil
            return shifted.predict(horizon: horizon + skipped, types: types, seed: seed, network: network)
                .mapValues { Array($0.suffix(horizon)) }
        }
        guard let model else {
            let flat = [Double](repeating: lastValue, count: horizon)
            return Dictionary(types.map { ($0, flat) }, uniquingKeysWith: { first, _ in first })
        }
        let simulation = model.simulate(horizon: horizon, paths: 1000, seed: seed, network: network)
        let quantiles = types.compactMap { type in Double(type).map { (type: type, level: $0) } }
        let bands = PathSummary.quantiles(simulation.paths, levels: quantiles.map(\.level))
        var values = Dictionary(zip(quantiles.map(\.type), bands), uniquingKeysWith: { first, _ in first })
        if types.contains("mean") { values["mean"] = simulation.point }
        return values
    }
}
