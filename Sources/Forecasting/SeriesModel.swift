import Foundation

/// A model fitted to one series by any of the engine's algorithms: what the command line and the Forecast plugin
/// both forecast from. DeepAR's network is trained across many series and shared: a series keeps only the history
/// the network reads, and the network is handed in when forecasting.
public indirect enum SeriesModel: Sendable, Codable, CustomStringConvertible {
    case arima(ARIMAFit)
    case ets(ETSFit)
    case prophet(ProphetLikeFit)
    /// NPTS draws from the recent history itself.
    case npts(NPTS, history: [Double], period: Int)
    /// The series' recent history with what else DeepAR reads of it, for the shared network.
    case deepAR(DeepARSeries)
    /// The per-step median of the members' point forecasts; its sample paths pool the members' paths.
    case ensemble([SeriesModel])

    /// The algorithms a series can be fitted with.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        case arima = "ARIMA", ets = "ETS", prophet = "Prophet", npts = "NPTS", deepAR = "Deep_AR_Plus"
        /// AutoARIMA, AutoETS, the Prophet-like model and (given a network) DeepAR together (`ensemble`).
        case ensemble = "Ensemble"
    }

    /// What an ensemble combines: DeepAR joins when a network is given.
    public static let ensembleMembers: [Algorithm] = [.arima, .ets, .prophet, .deepAR]

    /// The model of `algorithm` fitted to `values`, or nil when there are too few values for it (an ensemble keeps
    /// the members that could be fitted). DeepAR needs `network`, trained on this series among others, and reads
    /// `deepAR` (its season position, related rows and static features; its values are `values`). The Prophet-like
    /// model reads `holidays` (from the first value through the horizon) as regressors; ARIMA, ETS and NPTS take none.
    public static func fit(
        _ values: [Double], period: Int, algorithm: Algorithm,
        arimaEstimation: AutoARIMA.Estimation = .automatic, network: DeepARNetwork? = nil,
        deepAR: DeepARSeries? = nil, holidays: HolidayFeatures? = nil
    ) -> SeriesModel? {
        switch algorithm {
        case .arima: return AutoARIMA.fit(values, period: period, estimation: arimaEstimation).map(SeriesModel.arima)
        case .ets: return AutoETS.fit(values, period: period).map(SeriesModel.ets)
        case .prophet:
            let regressors = holidays.flatMap { $0.names.isEmpty ? nil : $0.rows }
            return ProphetLikeFit.fit(values, period: period, regressors: regressors).map(SeriesModel.prophet)
        case .npts:
            return values.isEmpty ? nil : .npts(NPTS(), history: Array(values.suffix(NPTS.contextLength)), period: period)
        case .deepAR:
            guard let network, values.count >= 2 else { return nil }
            var series = deepAR ?? DeepARSeries(values: values)
            series.values = values
            return .deepAR(series.droppingFirst(max(0, values.count - network.configuration.contextLength - network.period)))
        case .ensemble:
            let members = ensembleMembers.compactMap {
                fit(
                    values, period: period, algorithm: $0, arimaEstimation: arimaEstimation, network: network,
                    deepAR: deepAR, holidays: holidays)
            }
            return combining(members)
        }
    }

    /// An ensemble fitted without a network (its members but DeepAR's: `fit` with `network` nil), joined by
    /// DeepAR's member (`fit` with `algorithm` `.deepAR`) once the network has trained: the model `fit` answers for
    /// `.ensemble` with the network, so the other members can be fitted while the network trains.
    public static func joining(_ withoutNetwork: SeriesModel?, deepAR: SeriesModel?) -> SeriesModel? {
        guard let deepAR else { return withoutNetwork }
        switch withoutNetwork {
        case nil: return deepAR
        case .ensemble(let members): return combining(members + [deepAR])
        case let member?: return combining([member, deepAR])
        }
    }

    /// The ensemble of `members` (DeepAR last, as `ensembleMembers` orders them): one member alone is itself, none
    /// is nil.
    private static func combining(_ members: [SeriesModel]) -> SeriesModel? {
        if members.count == 1 { return members[0] }
        return members.isEmpty ? nil : .ensemble(members)
    }

    public var description: String {
        switch self {
        case .arima(let fit): return "\(fit.order) (\(fit.method))"
        case .ets(let fit): return fit.model.description
        case .prophet(let fit):
            guard case .logistic(let capacity, let floor) = fit.growth else { return "Prophet-like" }
            return "Prophet-like (logistic growth between \(floor) and \(capacity))"
        case .npts: return "NPTS"
        case .deepAR: return "DeepAR"
        case .ensemble(let members): return "median of " + members.map(\.description).joined(separator: ", ")
        }
    }

    /// A forecast: the point forecast per step and the simulated futures its quantiles come from.
    public struct Simulation: Sendable {
        /// The model's mean (NPTS and DeepAR: the mean of their paths; an ensemble: the median of its members').
        public var point: [Double]
        public var paths: [[Double]]
    }

    /// The point forecast and `paths` simulated futures (of each member, for an ensemble), seeded. A DeepAR model
    /// without its network repeats its last value.
    public func simulate(horizon: Int, paths: Int, seed: UInt64, network: DeepARNetwork? = nil) -> Simulation {
        switch self {
        case .arima(let fit):
            return Simulation(point: fit.forecast(horizon: horizon), paths: fit.samplePaths(horizon: horizon, paths: paths, seed: seed))
        case .ets(let fit):
            return Simulation(point: fit.forecast(horizon: horizon), paths: fit.samplePaths(horizon: horizon, paths: paths, seed: seed))
        case .prophet(let fit):
            return Simulation(point: fit.forecast(horizon: horizon), paths: fit.samplePaths(horizon: horizon, paths: paths, seed: seed))
        case .npts(let npts, let history, let period):
            let simulated = npts.samplePaths(history: history, period: period, horizon: horizon, paths: paths, seed: seed)
            return Simulation(point: PathSummary.mean(simulated), paths: simulated)
        case .deepAR(let series):
            guard let network else {
                let flat = [Double](repeating: series.values.last ?? 0, count: horizon)
                return Simulation(point: flat, paths: [[Double]](repeating: flat, count: paths))
            }
            let simulated = network.samplePaths(series, horizon: horizon, paths: paths, seed: seed)
            return Simulation(point: PathSummary.mean(simulated), paths: simulated)
        case .ensemble(let members):
            let simulations = members.enumerated().map { index, member in
                member.simulate(horizon: horizon, paths: paths, seed: seed &+ UInt64(index) &* 0x9E37_79B9, network: network)
            }
            return Simulation(
                point: (0..<horizon).map { step in Self.median(simulations.map { $0.point[step] }) },
                paths: simulations.flatMap(\.paths))
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
