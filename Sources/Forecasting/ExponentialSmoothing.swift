import Foundation

/// One exponential smoothing model of the ETS taxonomy (Hyndman et al. 2008): how errors, trend and season combine.
public struct ETSModel: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Error: String, Sendable, Codable, CaseIterable { case additive = "A", multiplicative = "M" }
    public enum Trend: String, Sendable, Codable, CaseIterable { case none = "N", additive = "A", damped = "Ad" }
    public enum Season: String, Sendable, Codable, CaseIterable { case none = "N", additive = "A", multiplicative = "M" }

    public var error: Error
    public var trend: Trend
    public var season: Season

    public init(error: Error, trend: Trend, season: Season) {
        self.error = error
        self.trend = trend
        self.season = season
    }

    /// `ETS(M,Ad,A)` and the like.
    public var description: String { "ETS(\(error.rawValue),\(trend.rawValue),\(season.rawValue))" }

    /// The models `forecast::ets` considers by default: additive errors never with multiplicative seasons (numerically
    /// unstable), no multiplicative trends; multiplicative parts only for strictly positive data; seasons only with a
    /// period above 1 and at least three full seasons of data.
    public static func candidates(positive: Bool, period: Int, count: Int) -> [ETSModel] {
        var models: [ETSModel] = []
        let seasons: [Season] = period > 1 && count >= 3 * period ? Season.allCases : [.none]
        for error in Error.allCases where positive || error == .additive {
            for trend in Trend.allCases {
                for season in seasons where positive || season != .multiplicative {
                    if error == .additive && season == .multiplicative { continue }
                    models.append(ETSModel(error: error, trend: trend, season: season))
                }
            }
        }
        return models
    }
}

/// A fitted ETS model: its smoothing parameters, its states after the last observation, and its fit statistics.
public struct ETSFit: Sendable, Codable {
    public let model: ETSModel
    public let period: Int
    public let alpha: Double
    public let beta: Double
    public let gamma: Double
    public let phi: Double
    /// Level, trend and seasonal states after the last observation; `season[j]` applies to times `t` with
    /// `t % period == j` (times counted from the first observation).
    let level: Double
    let slope: Double
    let season: [Double]
    let count: Int
    /// Variance of the one-step errors (relative errors for multiplicative-error models).
    public let variance: Double
    /// Corrected Akaike information criterion (lower is better).
    public let aicc: Double

    /// Point forecasts for the next `horizon` steps.
    public func forecast(horizon: Int) -> [Double] {
        var damping = 0.0
        return (1...max(1, horizon)).prefix(horizon).map { step in
            damping += model.trend == .damped ? pow(phi, Double(step)) : 1
            let trendPart = model.trend == .none ? level : level + damping * slope
            let index = (count + step - 1) % period
            switch model.season {
            case .none: return trendPart
            case .additive: return trendPart + season[index]
            case .multiplicative: return trendPart * season[index]
            }
        }
    }

    /// `paths` simulated futures of `horizon` steps (Gaussian errors with the fitted variance), seeded: the same
    /// seed gives the same paths.
    public func samplePaths(horizon: Int, paths: Int, seed: UInt64) -> [[Double]] {
        var generator = SplitMix64(seed: seed)
        let deviation = variance.squareRoot()
        return (0..<paths).map { _ in
            var state = SmoothingState(level: level, slope: slope, season: season)
            return (0..<horizon).map { step in
                let time = count + step
                let noise = deviation * generator.nextGaussian()
                let mean = state.mean(model: model, phi: phi, time: time, period: period)
                let value = model.error == .additive ? mean + noise : mean * (1 + noise)
                state.update(model: model, value: value, time: time, period: period, alpha: alpha, beta: beta, gamma: gamma, phi: phi)
                return value
            }
        }
    }
}

/// The states an ETS recursion carries from one time to the next.
struct SmoothingState {
    var level: Double
    var slope: Double
    var season: [Double]

    /// The trend part of the next observation's mean.
    func trendPart(model: ETSModel, phi: Double) -> Double {
        switch model.trend {
        case .none: level
        case .additive: level + slope
        case .damped: level + phi * slope
        }
    }

    func mean(model: ETSModel, phi: Double, time: Int, period: Int) -> Double {
        let trend = trendPart(model: model, phi: phi)
        switch model.season {
        case .none: return trend
        case .additive: return trend + season[time % period]
        case .multiplicative: return trend * season[time % period]
        }
    }

    /// The error-correction update after observing `value` at `time` (the same equations serve both error types).
    mutating func update(
        model: ETSModel, value: Double, time: Int, period: Int, alpha: Double, beta: Double, gamma: Double, phi: Double
    ) {
        let trend = trendPart(model: model, phi: phi)
        let seasonal = model.season == .none ? 0 : season[time % period]
        let deseasonalised: Double
        switch model.season {
        case .none: deseasonalised = value
        case .additive: deseasonalised = value - seasonal
        case .multiplicative: deseasonalised = value / seasonal
        }
        let newLevel = trend + alpha * (deseasonalised - trend)
        if model.trend != .none {
            let dampedSlope = model.trend == .damped ? phi * slope : slope
            slope = dampedSlope + (beta / alpha) * (newLevel - level - dampedSlope)
        }
        switch model.season {
        case .none: break
        case .additive: season[time % period] = seasonal + gamma * (value - trend - seasonal)
        case .multiplicative: season[time % period] = seasonal + gamma * (value / trend - seasonal)
        }
        level = newLevel
    }
}

/// A small, fast, seedable generator (SplitMix64) with Gaussian draws (Box–Muller).
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func nextUniform() -> Double { (Double(next() >> 11) + 0.5) / Double(1 << 53) }

    mutating func nextGaussian() -> Double {
        (-2 * log(nextUniform())).squareRoot() * cos(2 * .pi * nextUniform())
    }
}
