import Foundation

/// A Prophet-like additive model: a piecewise-linear trend whose slope may change at 25 potential changepoints in the
/// first 80% of the history (a Laplace prior keeps most changes at zero), plus Fourier terms for the season, fitted
/// as the maximum a posteriori estimate (lasso on the slope changes, ridge on the Fourier terms, by coordinate
/// descent on the series scaled by its largest value, as Prophet scales), and optionally extra regressors known through
/// the horizon — holidays, as Prophet takes them: a column per holiday with the seasonal terms' ridge prior. Forecast
/// paths extend the trend with new changepoints drawn at the rate and size seen in the history, plus Gaussian noise.
///
/// With logistic growth (a capacity, and optionally a floor, as Prophet takes them) the model is fitted to the logit
/// of the values' place between floor and capacity, where a logistic trend with changepoints is piecewise linear;
/// forecasts and paths are mapped back, so they approach the capacity (or the floor) and never cross it.
public struct ProphetLikeFit: Sendable, Codable {
    /// How the trend grows: without bound, or logistically between a floor and a capacity.
    public enum Growth: Sendable, Codable, Equatable {
        case linear
        case logistic(capacity: Double, floor: Double)
    }

    let count: Int
    let period: Int
    let fourierOrder: Int
    let changepoints: [Double]
    let coefficients: [Double]
    let scale: Double
    let residualDeviation: Double
    let meanChangeSize: Double
    /// The regressors' rows after the history (through the horizon the model was fitted for; later steps read 0).
    /// Their coefficients end `coefficients`. Nil without regressors.
    let futureRegressors: [[Double]]?
    /// Logistic growth's bounds (nil: linear growth).
    let logisticBounds: LogisticBounds?

    /// The floor and capacity of logistic growth, and the logit map between values and the fitted scale.
    struct LogisticBounds: Sendable, Codable {
        let floor: Double
        let capacity: Double

        /// Values are kept a thousandth of the range inside the bounds, where the logit is finite.
        var margin: Double { (capacity - floor) * 1e-3 }

        func logit(_ value: Double) -> Double {
            let share = (min(max(value, floor + margin), capacity - margin) - floor) / (capacity - floor)
            return log(share / (1 - share))
        }

        func value(_ logit: Double) -> Double { floor + (capacity - floor) / (1 + exp(-logit)) }
    }

    /// Laplace prior scale on slope changes (Prophet's `changepoint_prior_scale`) and the seasonal prior's (also the
    /// regressors', as Prophet's `holidays_prior_scale` defaults to the same 10).
    static let changepointPriorScale = 0.05
    static let seasonalityPriorScale = 10.0

    /// Fits the model (nil for fewer than 8 observations). `regressors`, when given, has a row per step from the
    /// first value through the horizon, each with the same number of columns (holiday features).
    /// With logistic `growth` the capacity must lie above the floor (nil otherwise).
    public static func fit(
        _ values: [Double], period: Int, regressors: [[Double]]? = nil, growth: Growth = .linear
    ) -> ProphetLikeFit? {
        var bounds: LogisticBounds?
        if case .logistic(let capacity, let floor) = growth {
            guard capacity > floor, capacity.isFinite, floor.isFinite else { return nil }
            bounds = LogisticBounds(floor: floor, capacity: capacity)
        }
        let values = bounds.map { bounds in values.map(bounds.logit) } ?? values
        let n = values.count
        guard n >= 8 else { return nil }
        let scale = max(values.map(abs).max() ?? 1, 1e-9)
        let y = values.map { $0 / scale }
        let changeCount = min(25, max(0, Int(Double(n) * 0.8) - 1))
        let changepoints = (0..<changeCount).map { Double($0 + 1) * 0.8 / Double(changeCount + 1) }
        let order = period > 1 && n >= 2 * period ? min(10, period / 2) : 0
        let regressorCount = regressors?.first?.count ?? 0
        let columns =
            Self.design(
                at: (0..<n).map { Double($0) / Double(n - 1) }, period: period, fourierOrder: order,
                changepoints: changepoints, historyLength: n)
            + Self.regressorColumns(regressors ?? [], from: 0, count: n, width: regressorCount)
        let width = columns.count
        // The MAP objective Σr²/2σ² + Σ|δ|/τ + Σβ²/2σₛ², divided by n/σ²: the penalties scale with the noise variance,
        // estimated beforehand as half the variance of the first differences (which removes trend and level).
        let differences = (1..<n).map { y[$0] - y[$0 - 1] }
        let differenceMean = differences.reduce(0, +) / Double(differences.count)
        let noise = max(1e-12, differences.reduce(0) { $0 + ($1 - differenceMean) * ($1 - differenceMean) } / Double(differences.count) / 2)
        let l1 = noise / (Self.changepointPriorScale * Double(n))
        let l2 = noise / (Self.seasonalityPriorScale * Self.seasonalityPriorScale * Double(n))
        var beta = [Double](repeating: 0, count: width)
        var residual = y
        let norms = columns.map { column in column.reduce(0) { $0 + $1 * $1 } / Double(n) }
        for _ in 0..<300 {
            var largest = 0.0
            for j in 0..<width where norms[j] > 0 {
                let column = columns[j]
                var rho = 0.0
                for t in 0..<n { rho += column[t] * (residual[t] + column[t] * beta[j]) }
                rho /= Double(n)
                let updated: Double
                if j < 2 {
                    updated = rho / norms[j]
                } else if j < 2 + changepoints.count {
                    updated = rho > l1 ? (rho - l1) / norms[j] : (rho < -l1 ? (rho + l1) / norms[j] : 0)
                } else {
                    updated = rho / (norms[j] + l2)
                }
                let change = updated - beta[j]
                if change != 0 {
                    for t in 0..<n { residual[t] -= change * column[t] }
                    beta[j] = updated
                    largest = max(largest, abs(change))
                }
            }
            if largest < 1e-9 { break }
        }
        let deviation = (residual.reduce(0) { $0 + $1 * $1 } / Double(max(1, n - 1))).squareRoot()
        let changes = beta[2..<(2 + changepoints.count)].map(abs)
        return ProphetLikeFit(
            count: n, period: period, fourierOrder: order, changepoints: changepoints, coefficients: beta, scale: scale,
            residualDeviation: deviation, meanChangeSize: changes.isEmpty ? 0 : changes.reduce(0, +) / Double(changes.count),
            futureRegressors: regressorCount > 0 ? Array(regressors!.dropFirst(n)) : nil, logisticBounds: bounds)
    }

    /// The growth the model was fitted with.
    public var growth: Growth {
        logisticBounds.map { .logistic(capacity: $0.capacity, floor: $0.floor) } ?? .linear
    }

    /// The regressors' columns for `count` steps from step `from` (steps past the rows read 0).
    static func regressorColumns(_ rows: [[Double]], from: Int, count: Int, width: Int) -> [[Double]] {
        (0..<width).map { column in
            (from..<(from + count)).map { step in
                step < rows.count && column < rows[step].count && rows[step][column].isFinite ? rows[step][column] : 0
            }
        }
    }

    /// The columns of the design matrix at times `at` (history scaled to 0…1): intercept, slope, the hinge functions
    /// (t − s)₊ of the changepoints, then cos/sin pairs of the season.
    static func design(at times: [Double], period: Int, fourierOrder: Int, changepoints: [Double], historyLength: Int)
        -> [[Double]]
    {
        var columns: [[Double]] = [times.map { _ in 1 }, times]
        for point in changepoints { columns.append(times.map { max(0, $0 - point) }) }
        for k in 0..<fourierOrder {
            let frequency = 2 * Double.pi * Double(k + 1) * Double(historyLength - 1) / Double(period)
            columns.append(times.map { cos(frequency * $0) })
            columns.append(times.map { sin(frequency * $0) })
        }
        return columns
    }

    /// The fitted mean for the next `horizon` steps (the trend continues with its last slope; with logistic growth,
    /// on the logit scale, mapped back).
    public func forecast(horizon: Int) -> [Double] {
        let fitted = fittedScaleForecast(horizon: horizon)
        return logisticBounds.map { bounds in fitted.map(bounds.value) } ?? fitted
    }

    /// The forecast on the scale the model was fitted on (the logit scale with logistic growth).
    private func fittedScaleForecast(horizon: Int) -> [Double] {
        let times = (0..<horizon).map { Double(count + $0) / Double(count - 1) }
        let trendAndSeason = Self.design(
            at: times, period: period, fourierOrder: fourierOrder, changepoints: changepoints, historyLength: count)
        let columns =
            trendAndSeason
            + Self.regressorColumns(
                futureRegressors ?? [], from: 0, count: horizon, width: coefficients.count - trendAndSeason.count)
        return (0..<horizon).map { step in
            zip(columns, coefficients).reduce(0) { $0 + $1.0[step] * $1.1 } * scale
        }
    }

    /// Simulated futures: new slope changes arrive at the history's rate of changepoints with Laplace-distributed
    /// sizes of the mean change seen, plus Gaussian noise of the residuals' deviation.
    public func samplePaths(horizon: Int, paths: Int, seed: UInt64) -> [[Double]] {
        var generator = SplitMix64(seed: seed)
        let mean = fittedScaleForecast(horizon: horizon)
        let step = 1 / Double(count - 1)
        let rate = Double(changepoints.count) / Double(count)
        return (0..<paths).map { _ in
            var slopeChange = 0.0
            var drift = 0.0
            return (0..<horizon).map { index in
                if generator.nextUniform() < rate, meanChangeSize > 0 {
                    let magnitude = -meanChangeSize * log(generator.nextUniform())
                    slopeChange += generator.nextUniform() < 0.5 ? magnitude : -magnitude
                }
                drift += slopeChange * step
                let value = mean[index] + (drift + residualDeviation * generator.nextGaussian()) * scale
                return logisticBounds?.value(value) ?? value
            }
        }
    }
}
