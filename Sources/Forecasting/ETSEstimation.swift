import Foundation
import Synchronization

/// Fits ETS models by maximum likelihood as `forecast::ets` does: smoothing parameters and initial states together,
/// by Nash's Nelder–Mead (R's `optim`) within the usual region (0 < β < α < 1, 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98),
/// starting from its starting values (a classical decomposition of the first three seasons); models compared by AICc.
public enum AutoETS {
    /// The model among `ETSModel.candidates` with the least AICc, or nil when no model could be fitted (fewer than
    /// 7 observations).
    public static func fit(_ values: [Double], period: Int) -> ETSFit? {
        candidates(values, period: period).min { $0.aicc < $1.aicc }
    }

    /// Every candidate model that could be fitted, in the order `ETSModel.candidates` lists them (fitted in
    /// parallel, one model per core at a time).
    public static func candidates(_ values: [Double], period: Int) -> [ETSFit] {
        let positive = values.allSatisfy { $0 > 0 }
        let models = ETSModel.candidates(positive: positive, period: period, count: values.count)
        let fits = Mutex([ETSFit?](repeating: nil, count: models.count))
        DispatchQueue.concurrentPerform(iterations: models.count) { index in
            let fitted = fit(values, period: period, model: models[index])
            fits.withLock { $0[index] = fitted }
        }
        return fits.withLock { $0.compactMap { $0 } }
    }

    /// One model fitted, or nil when the data are too few for its parameters or it cannot be fitted.
    public static func fit(_ values: [Double], period: Int, model: ETSModel) -> ETSFit? {
        let period = model.season == .none ? 1 : period
        let layout = ParameterLayout(model: model, period: period)
        // As `forecast::ets`: a model needs more than four observations beyond its parameter count.
        guard values.count > layout.count + 4 else { return nil }
        guard let start = layout.start(values) else { return nil }
        let objective = { (parameters: [Double]) -> Double in
            layout.likelihood(parameters, values: values) ?? .infinity
        }
        // One Nash Nelder–Mead run of 2,000 evaluations from the starting values, on the parameters themselves, as
        // `forecast::ets` optimises (its simplex, one step for every coordinate, stops short of the likelihood's
        // best optimum on short series; tried: a better optimiser in logistic coordinates with two starts, which
        // reached lower AICc and forecast worse, OWA 0.898 over the benchmark's 105 series against 0.867).
        let best = NashNelderMead(maxEvaluations: 2000).minimise(objective, start: start)
        guard best.value.isFinite, let final = layout.run(best.point, values: values) else { return nil }
        let estimated = Double(layout.count + 1)
        let n = Double(values.count)
        let aic = best.value + 2 * estimated
        let aicc = n - estimated - 1 > 0 ? aic + 2 * estimated * (estimated + 1) / (n - estimated - 1) : .infinity
        guard let parameters = layout.parameters(best.point) else { return nil }
        return ETSFit(
            model: model, period: period, alpha: parameters.alpha, beta: parameters.beta, gamma: parameters.gamma,
            phi: parameters.phi, level: final.state.level, slope: final.state.slope, season: final.state.season,
            count: values.count, variance: final.sumOfSquares / max(1, n - estimated), aicc: aicc)
    }
}

/// Where each estimated quantity sits in the optimiser's vector: α, [β], [γ], [φ], ℓ₀, [b₀], [s₀ … s_{m−2}] (the last
/// seasonal state follows from the others: additive ones sum to 0, multiplicative ones to m).
struct ParameterLayout {
    let model: ETSModel
    let period: Int

    var hasTrend: Bool { model.trend != .none }
    var hasSeason: Bool { model.season != .none }
    var smoothingCount: Int { 1 + (hasTrend ? 1 : 0) + (hasSeason ? 1 : 0) + (model.trend == .damped ? 1 : 0) }
    var count: Int { smoothingCount + 1 + (hasTrend ? 1 : 0) + (hasSeason ? period - 1 : 0) }

    /// The smoothing parameters at the head of the optimiser's vector, nil outside the usual region (α, β, γ in
    /// [0.0001, 0.9999], β ≤ α, γ ≤ 1 − α, φ in [0.8, 0.98]), where `forecast::ets` computes nothing either.
    func parameters(_ p: [Double]) -> (alpha: Double, beta: Double, gamma: Double, phi: Double)? {
        let (lower, upper) = (0.0001, 0.9999)
        let alpha = p[0]
        guard alpha >= lower, alpha <= upper else { return nil }
        var index = 1
        var beta = 0.0, gamma = 0.0, phi = 1.0
        if hasTrend {
            beta = p[index]
            index += 1
            guard beta >= lower, beta <= min(upper, alpha) else { return nil }
        }
        if hasSeason {
            gamma = p[index]
            index += 1
            guard gamma >= lower, gamma <= min(upper, 1 - alpha) else { return nil }
        }
        if model.trend == .damped {
            phi = p[index]
            guard phi >= 0.8, phi <= 0.98 else { return nil }
        }
        return (alpha, beta, gamma, phi)
    }

    /// The head of the optimiser's vector for given smoothing parameters.
    func coordinates(alpha: Double, beta: Double, gamma: Double, phi: Double) -> [Double] {
        [alpha] + (hasTrend ? [beta] : []) + (hasSeason ? [gamma] : []) + (model.trend == .damped ? [phi] : [])
    }

    func initialState(_ p: [Double]) -> SmoothingState {
        var index = smoothingCount
        let level = p[index]
        index += 1
        var slope = 0.0
        if hasTrend {
            slope = p[index]
            index += 1
        }
        var season = [Double](repeating: model.season == .multiplicative ? 1 : 0, count: period)
        if hasSeason {
            let free = Array(p[index..<(index + period - 1)])
            let last = (model.season == .additive ? 0 : Double(period)) - free.reduce(0, +)
            season = free + [last]
        }
        return SmoothingState(level: level, slope: slope, season: season)
    }

    /// −2 log-likelihood up to a constant: n·log Σe² (+ 2 Σ log|μ| for multiplicative errors), or nil where the
    /// model breaks down (a non-positive mean where it must be positive).
    func likelihood(_ p: [Double], values: [Double]) -> Double? {
        guard let result = run(p, values: values) else { return nil }
        let n = Double(values.count)
        guard result.sumOfSquares > 0 else { return -1e10 }
        return n * log(result.sumOfSquares) + 2 * result.sumOfLogMeans
    }

    /// Runs the recursion over the data: the states after the last value, Σe² and Σlog|μ|. The same equations as
    /// ``SmoothingState/update(model:value:time:period:alpha:beta:gamma:phi:)``, written out as one loop with the season
    /// position carried along (no division per step): the optimiser calls this thousands of times per model.
    func run(_ p: [Double], values: [Double]) -> (state: SmoothingState, sumOfSquares: Double, sumOfLogMeans: Double)? {
        guard let (alpha, beta, gamma, phi) = parameters(p) else { return nil }
        var state = initialState(p)
        if model.season == .multiplicative, state.season.contains(where: { $0 <= 0 }) { return nil }
        let trendKind = model.trend
        let seasonKind = model.season
        let additiveError = model.error == .additive
        let multiplicative = !additiveError || seasonKind == .multiplicative
        let checksTrendPart = trendKind != .none && seasonKind == .multiplicative
        let slopeWeight = beta / alpha
        var level = state.level
        var slope = state.slope
        var squares = 0.0
        var logs = 0.0
        var meanProduct = 1.0
        let completed = state.season.withUnsafeMutableBufferPointer { season -> Bool in
            var position = 0
            for value in values {
                let trend: Double
                switch trendKind {
                case .none: trend = level
                case .additive: trend = level + slope
                case .damped: trend = level + phi * slope
                }
                let seasonal = seasonKind == .none ? 0 : season[position]
                let mean: Double
                let deseasonalised: Double
                switch seasonKind {
                case .none:
                    mean = trend
                    deseasonalised = value
                case .additive:
                    mean = trend + seasonal
                    deseasonalised = value - seasonal
                case .multiplicative:
                    mean = trend * seasonal
                    deseasonalised = value / seasonal
                }
                if multiplicative, !(mean > 0) { return false }
                if checksTrendPart, !(trend > 0) { return false }
                if additiveError {
                    squares += (value - mean) * (value - mean)
                } else {
                    let relative = (value - mean) / mean
                    squares += relative * relative
                    // Σlog|μ| as the log of a running product, taken only when the product nears the ends of the
                    // range: one logarithm per many steps instead of one per step.
                    meanProduct *= abs(mean)
                    if !(meanProduct < 1e150 && meanProduct > 1e-150) {
                        logs += log(meanProduct)
                        meanProduct = 1
                    }
                }
                let newLevel = trend + alpha * (deseasonalised - trend)
                if trendKind != .none {
                    let dampedSlope = trendKind == .damped ? phi * slope : slope
                    slope = dampedSlope + slopeWeight * (newLevel - level - dampedSlope)
                }
                switch seasonKind {
                case .none: break
                case .additive: season[position] = seasonal + gamma * (value - trend - seasonal)
                case .multiplicative: season[position] = seasonal + gamma * (value / trend - seasonal)
                }
                level = newLevel
                if !level.isFinite || abs(level) > 1e12 { return false }
                position += 1
                if position == period { position = 0 }
            }
            return true
        }
        guard completed else { return nil }
        logs += log(meanProduct)
        state.level = level
        state.slope = slope
        return (state, squares, logs)
    }

    /// Starting values as `forecast::ets` chooses them.
    func start(_ values: [Double]) -> [Double]? {
        let alpha = hasSeason ? 0.2 / Double(period) + 0.0001 : 0.2
        var p = coordinates(alpha: alpha, beta: 0.1 * alpha, gamma: 0.05 * (1 - alpha), phi: 0.978)
        var adjusted = values
        var seasonal: [Double] = []
        if hasSeason {
            guard let indices = SeasonalDecomposition.indices(Array(values.prefix(3 * period)), period: period,
                                                              multiplicative: model.season == .multiplicative) else {
                return nil
            }
            seasonal = indices
            adjusted = values.enumerated().map { time, value in
                model.season == .additive ? value - indices[time % period] : value / max(indices[time % period], 0.01)
            }
        }
        let window = min(max(10, 2 * period), adjusted.count)
        let (intercept, gradient) = LeastSquaresLine.fit(Array(adjusted.prefix(window)))
        if hasTrend {
            p.append(intercept)
            p.append(gradient)
        } else {
            p.append(adjusted.prefix(window).reduce(0, +) / Double(window))
        }
        if hasSeason { p += seasonal.prefix(period - 1) }
        return p
    }

}

/// Classical decomposition's seasonal indices (centred moving average, then the mean detrended value per season).
enum SeasonalDecomposition {
    static func indices(_ values: [Double], period: Int, multiplicative: Bool) -> [Double]? {
        guard period > 1, values.count >= 2 * period else { return nil }
        let half = period / 2
        var sums = [Double](repeating: 0, count: period)
        var counts = [Double](repeating: 0, count: period)
        for time in half..<(values.count - half) {
            let average = centredAverage(values, at: time, period: period)
            guard !multiplicative || average > 0 else { return nil }
            sums[time % period] += multiplicative ? values[time] / average : values[time] - average
            counts[time % period] += 1
        }
        guard counts.allSatisfy({ $0 > 0 }) else { return nil }
        var indices = zip(sums, counts).map { $0 / $1 }
        let mean = indices.reduce(0, +) / Double(period)
        indices = indices.map { multiplicative ? $0 / mean : $0 - mean }
        return indices
    }

    /// The centred moving average of one season around `time` (a 2×m average for even periods); valid for
    /// `period / 2 ≤ time < count − period / 2`.
    static func centredAverage(_ values: [Double], at time: Int, period: Int) -> Double {
        let half = period / 2
        guard period % 2 == 0 else { return values[(time - half)...(time + half)].reduce(0, +) / Double(period) }
        var sum = (values[time - half] + values[time + half]) / 2
        for offset in (-half + 1)..<half { sum += values[time + offset] }
        return sum / Double(period)
    }
}

/// The least-squares line through points (1, y₁), (2, y₂), …: answers its value at 0 and its slope.
enum LeastSquaresLine {
    static func fit(_ values: [Double]) -> (intercept: Double, slope: Double) {
        let n = Double(values.count)
        guard n > 1 else { return (values.first ?? 0, 0) }
        let xs = (1...values.count).map(Double.init)
        let meanX = xs.reduce(0, +) / n
        let meanY = values.reduce(0, +) / n
        var covariance = 0.0
        var varianceX = 0.0
        for (x, y) in zip(xs, values) {
            covariance += (x - meanX) * (y - meanY)
            varianceX += (x - meanX) * (x - meanX)
        }
        let slope = covariance / varianceX
        return (meanY - slope * meanX, slope)
    }
}
