import Foundation

/// A model fitted to one series by any of the engine's algorithms: what the command line and the Forecast plugin
/// both forecast from.
public indirect enum SeriesModel: Sendable, Codable, CustomStringConvertible {
    case arima(ARIMAFit)
    case ets(ETSFit)
    case prophet(ProphetLikeFit)
    /// NPTS draws from the recent history itself.
    case npts(NPTS, history: [Double], period: Int)
    /// The per-step median of the members' point forecasts; its sample paths pool the members' paths.
    case ensemble([SeriesModel])

    /// The algorithms a series can be fitted with.
    public enum Algorithm: String, Sendable, Codable, CaseIterable {
        case arima = "ARIMA", ets = "ETS", prophet = "Prophet", npts = "NPTS"
        /// AutoARIMA, AutoETS and the Prophet-like model together (`ensemble`).
        case ensemble = "Ensemble"
    }

    /// What an ensemble combines.
    public static let ensembleMembers: [Algorithm] = [.arima, .ets, .prophet]

    /// The model of `algorithm` fitted to `values`, or nil when there are too few values for it (an ensemble keeps
    /// the members that could be fitted).
    public static func fit(
        _ values: [Double], period: Int, algorithm: Algorithm, arimaEstimation: AutoARIMA.Estimation = .conditionalSumOfSquares
    ) -> SeriesModel? {
        switch algorithm {
        case .arima: return AutoARIMA.fit(values, period: period, estimation: arimaEstimation).map(SeriesModel.arima)
        case .ets: return AutoETS.fit(values, period: period).map(SeriesModel.ets)
        case .prophet: return ProphetLikeFit.fit(values, period: period).map(SeriesModel.prophet)
        case .npts:
            return values.isEmpty ? nil : .npts(NPTS(), history: Array(values.suffix(NPTS.contextLength)), period: period)
        case .ensemble:
            let members = ensembleMembers.compactMap { fit(values, period: period, algorithm: $0, arimaEstimation: arimaEstimation) }
            if members.count == 1 { return members[0] }
            return members.isEmpty ? nil : .ensemble(members)
        }
    }

    public var description: String {
        switch self {
        case .arima(let fit): return "\(fit.order) (\(fit.method))"
        case .ets(let fit): return fit.model.description
        case .prophet: return "Prophet-like"
        case .npts: return "NPTS"
        case .ensemble(let members): return "median of " + members.map(\.description).joined(separator: ", ")
        }
    }

    /// Point forecasts for `horizon` steps: the model's mean (NPTS: the mean of its paths).
    public func forecast(horizon: Int) -> [Double] {
        switch self {
        case .arima(let fit): return fit.forecast(horizon: horizon)
        case .ets(let fit): return fit.forecast(horizon: horizon)
        case .prophet(let fit): return fit.forecast(horizon: horizon)
        case .npts: return PathSummary.mean(samplePaths(horizon: horizon, paths: 1000, seed: 42))
        case .ensemble(let members):
            let forecasts = members.map { $0.forecast(horizon: horizon) }
            return (0..<horizon).map { step in Self.median(forecasts.map { $0[step] }) }
        }
    }

    /// Simulated futures, seeded (an ensemble answers `paths` of each member's).
    public func samplePaths(horizon: Int, paths: Int, seed: UInt64) -> [[Double]] {
        switch self {
        case .arima(let fit): return fit.samplePaths(horizon: horizon, paths: paths, seed: seed)
        case .ets(let fit): return fit.samplePaths(horizon: horizon, paths: paths, seed: seed)
        case .prophet(let fit): return fit.samplePaths(horizon: horizon, paths: paths, seed: seed)
        case .npts(let npts, let history, let period):
            return npts.samplePaths(history: history, period: period, horizon: horizon, paths: paths, seed: seed)
        case .ensemble(let members):
            return members.enumerated().flatMap { index, member in
                member.samplePaths(horizon: horizon, paths: paths, seed: seed &+ UInt64(index) &* 0x9E37_79B9)
            }
        }
    }

    private static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
