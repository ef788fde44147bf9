import Foundation
import Forecasting

/// How a predictor trains its models on items' regular series: one model per item of the predictor's algorithm
/// (`AUTO`: the AutoPredictor's choice per item), and one DeepAR+ network across the items when the algorithm uses
/// it, reading the items' related time series and item metadata when the dataset group has them.
struct PredictorTraining {
    let horizon: Int
    let frequency: TimeFrequency
    /// The algorithm's name in its ARN, or `AUTO`.
    let algorithm: String
    /// DeepAR+'s training settings: the predictor's for Deep_AR_Plus, the defaults for an AutoPredictor (whose
    /// ensemble includes DeepAR+), nil for the other algorithms.
    var deepAR: DeepARNetwork.Configuration?
    /// Per item: related time series values on the item's grid from its first step through the forecast horizon.
    var related: [String: [[Double]]] = [:]
    /// Per item: its item metadata encoded as static features (`StoredItemMetadata.encoded`).
    var statics: [String: [Double]] = [:]
    /// Per item: its holiday features on its grid from its first step through the forecast horizon (the holiday
    /// featurization; empty without it).
    var holidays: [String: HolidayFeatures] = [:]

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
        // The network trains while the items are fitted without it, longest first; DeepAR's member joins after.
        let (trained, fitted) = ParallelFitting.map(
            order: ParallelFitting.longestFirst(series.map(\.values.count)),
            alongside: deepAR.map { configuration in
                let recent = series.map(ItemModel.recent)
                return { DeepARNetwork.train(recent, period: period, configuration: configuration) }
            }
        ) { index -> (model: ItemModel, usesNetwork: Bool) in
            let item = items[names[index]]!
            let chosen = ItemModel.algorithm(named: algorithm, for: item.values, period: period, horizon: horizon)
            let lastTime = lastTimes[names[index]] ?? frequency.advance(item.first, by: item.values.count - 1)
            let model = ItemModel.train(
                series[index], period: period, algorithm: chosen, network: nil, holidays: holidays[names[index]],
                lastTime: lastTime)
            return (model, [.deepAR, .ensemble].contains(chosen))
        }
        let network = trained ?? nil
        let models = zip(series, fitted).map { series, fit in
            fit.usesNetwork ? fit.model.joiningDeepAR(series, period: period, network: network) : fit.model
        }
        return (Dictionary(uniqueKeysWithValues: zip(names, models)), network)
    }

}
