import Foundation

/// A seasonal ARIMA(p,d,q)(P,D,Q)m model's orders.
public struct ARIMAOrder: Sendable, Hashable, Codable, CustomStringConvertible {
    public var p: Int, d: Int, q: Int
    public var seasonalP: Int, seasonalD: Int, seasonalQ: Int
    public var period: Int
    /// A mean (d + D = 0) or drift (d + D = 1) term.
    public var constant: Bool

    public var description: String {
        let seasonal = period > 1 ? "(\(seasonalP),\(seasonalD),\(seasonalQ))[\(period)]" : ""
        let term = constant ? (d + seasonalD == 0 ? " with mean" : " with drift") : ""
        return "ARIMA(\(p),\(d),\(q))\(seasonal)\(term)"
    }
}

/// A fitted seasonal ARIMA model: stationary and invertible polynomials guaranteed by estimating partial
/// autocorrelations (the transformation R's `arima` uses); coefficients by conditional sum of squares, or refined
/// by the exact likelihood (Kalman filter).
public struct ARIMAFit: Sendable, Codable {
    public let order: ARIMAOrder
    /// Expanded AR and MA polynomials of the differenced series: x_t = Σ ar_k x_{t−k} + e_t + Σ ma_k e_{t−k}.
    let ar: [Double]
    let ma: [Double]
    let mean: Double
    public let variance: Double
    public let aicc: Double
    /// The original series (what differencing is undone against) and the in-sample residuals.
    let history: [Double]
    let residuals: [Double]
    /// The optimiser's coordinates of the coefficients (partial autocorrelations through tanh, scaled mean).
    let coordinates: [Double]
    /// How the coefficients were estimated: "CSS", or "ML" (exact likelihood by the Kalman filter).
    public let method: String
    /// For ML fits, the Kalman filter's state at the last observation: forecasts run the state equation from it.
    var filteredState: [Double]? = nil

    /// Whether an AR or MA root lies within 1.01 of the unit circle.
    var nearUnitRoot: Bool {
        let arRoot = PolynomialRoots.smallestModulus(ar.map { -$0 }) ?? 2
        let maRoot = PolynomialRoots.smallestModulus(ma) ?? 2
        return min(arRoot, maRoot) < 1.01
    }

    /// Point forecasts (the sample paths' zero-noise path).
    public func forecast(horizon: Int) -> [Double] {
        path(horizon: horizon, noise: [Double](repeating: 0, count: horizon), from: PathStart(self))
    }

    /// Simulated futures with Gaussian shocks of the fitted variance, seeded.
    public func samplePaths(horizon: Int, paths: Int, seed: UInt64) -> [[Double]] {
        var generator = SplitMix64(seed: seed)
        let deviation = variance.squareRoot()
        let start = PathStart(self)
        return (0..<paths).map { _ in
            path(horizon: horizon, noise: (0..<horizon).map { _ in deviation * generator.nextGaussian() }, from: start)
        }
    }

    /// What every path continues: the end of each differencing level (as far back as integration reads) and of the
    /// differenced series and its residuals (as far back as the ARMA recursion reads), taken once rather than per
    /// path from a history that may be thousands of values long.
    private struct PathStart {
        let differencing: Differencing
        let levelEnds: [[Double]]
        let centred: [Double]
        let residuals: [Double]

        init(_ fit: ARIMAFit) {
            differencing = Differencing(order: fit.order)
            let levels = differencing.levels(fit.history)
            levelEnds = zip(levels, differencing.lags + [0]).map { level, lag in Array(level.suffix(lag)) }
            centred = levels.last!.suffix(fit.ar.count).map { $0 - fit.mean }
            residuals = Array(fit.residuals.suffix(fit.ma.count))
        }
    }

    private func path(horizon: Int, noise: [Double], from start: PathStart) -> [Double] {
        if var state = filteredState {
            let model = ARMAKalman(ar: ar, ma: ma)
            let future = noise.map { shock -> Double in
                model.step(&state, shock: shock)
                return state[0] + mean
            }
            return start.differencing.undo(future, levels: start.levelEnds)
        }
        var x = start.centred
        var e = start.residuals
        for step in 0..<horizon {
            var value = noise[step]
            for (k, coefficient) in ar.enumerated() where x.count - 1 - k >= 0 { value += coefficient * x[x.count - 1 - k] }
            for (k, coefficient) in ma.enumerated() where e.count - 1 - k >= 0 { value += coefficient * e[e.count - 1 - k] }
            x.append(value)
            e.append(noise[step])
        }
        let future = x.suffix(horizon).map { $0 + mean }
        return start.differencing.undo(future, levels: start.levelEnds)
    }
}

/// The differencing an order asks for: D seasonal differences (lag m), then d ordinary ones.
struct Differencing {
    let lags: [Int]

    init(order: ARIMAOrder) {
        lags = [Int](repeating: order.period, count: order.seasonalD) + [Int](repeating: 1, count: order.d)
    }

    /// The series and each differenced version of it, the last being the one the ARMA part models.
    func levels(_ values: [Double]) -> [[Double]] {
        var levels = [values]
        for lag in lags {
            let last = levels.last!
            levels.append(last.count > lag ? (lag..<last.count).map { last[$0] - last[$0 - lag] } : [])
        }
        return levels
    }

    /// Integrates forecasts of the most differenced level back to the original scale (each level may be given by its
    /// last `lag` values alone: no more are read).
    func undo(_ forecast: [Double], levels: [[Double]]) -> [Double] {
        var current = forecast
        for index in stride(from: lags.count - 1, through: 0, by: -1) {
            let lag = lags[index]
            var extended = levels[index]
            for value in current { extended.append(value + extended[extended.count - lag]) }
            current = Array(extended.suffix(forecast.count))
        }
        return current
    }
}

/// Estimation of one order: conditional sum of squares (CSS), optionally refined by the exact likelihood by the
/// Kalman filter (ML) from there, as R's default "CSS-ML" does.
struct ARIMAEstimator {
    let order: ARIMAOrder
    let values: [Double]
    let w: [Double]
    let start: Int
    let average: Double
    let scale: Double

    var parameterCount: Int { order.p + order.q + order.seasonalP + order.seasonalQ + (order.constant ? 1 : 0) }

    init(_ values: [Double], order: ARIMAOrder) {
        self.order = order
        self.values = values
        w = Differencing(order: order).levels(values).last!
        start = order.p + order.period * order.seasonalP
        let differenced = w
        let mean = differenced.reduce(0, +) / Double(max(1, differenced.count))
        average = mean
        scale = max(
            1e-9, (differenced.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(max(1, differenced.count))).squareRoot())
    }

    static func fit(_ values: [Double], order: ARIMAOrder) -> ARIMAFit? {
        ARIMAEstimator(values, order: order).fitByConditionalSumOfSquares()
    }

    func unpack(_ u: [Double]) -> (ar: [Double], ma: [Double], mean: Double) {
        var index = 0
        func take(_ count: Int) -> [Double] {
            defer { index += count }
            return Array(u[index..<(index + count)])
        }
        let phi = Polynomials.fromPartialAutocorrelations(take(order.p).map(tanh))
        let theta = Polynomials.fromPartialAutocorrelations(take(order.q).map(tanh)).map { -$0 }
        let seasonalPhi = Polynomials.fromPartialAutocorrelations(take(order.seasonalP).map(tanh))
        let seasonalTheta = Polynomials.fromPartialAutocorrelations(take(order.seasonalQ).map(tanh)).map { -$0 }
        let mean = order.constant ? average + scale * u[index] : 0
        return (
            Polynomials.multiplyAR(phi, seasonalPhi, period: order.period),
            Polynomials.multiplyMA(theta, seasonalTheta, period: order.period), mean
        )
    }

    /// The in-sample residuals (zero for the conditioning values).
    func residuals(_ ar: [Double], _ ma: [Double], _ mean: Double) -> [Double] {
        var e: [Double] = []
        _ = sumOfSquaredResiduals(ar, ma, mean, scratch: &e)
        return e
    }

    /// Σ e_t² over the residuals after the conditioning values, the residuals left in `scratch` (reused across the
    /// optimiser's thousands of calls per candidate order). Only the non-zero coefficients take part: a seasonal
    /// model's expanded polynomials are mostly zeros.
    func sumOfSquaredResiduals(_ ar: [Double], _ ma: [Double], _ mean: Double, scratch: inout [Double]) -> Double {
        let arTerms = ar.enumerated().filter { $0.element != 0 }.map { (lag: $0.offset + 1, coefficient: $0.element) }
        let maTerms = ma.enumerated().filter { $0.element != 0 }.map { (lag: $0.offset + 1, coefficient: $0.element) }
        if scratch.count != w.count { scratch = [Double](repeating: 0, count: w.count) }
        var sum = 0.0
        w.withUnsafeBufferPointer { x in
            scratch.withUnsafeMutableBufferPointer { e in
                for t in 0..<min(start, e.count) { e[t] = 0 }
                let maximumLag = maTerms.last?.lag ?? 0
                for t in start..<min(x.count, max(start, maximumLag)) {
                    var value = x[t] - mean
                    for term in arTerms { value -= term.coefficient * (x[t - term.lag] - mean) }
                    for term in maTerms where t - term.lag >= 0 { value -= term.coefficient * e[t - term.lag] }
                    e[t] = value
                    sum += value * value
                }
                for t in max(start, maximumLag)..<x.count {
                    var value = x[t] - mean
                    for term in arTerms { value -= term.coefficient * (x[t &- term.lag] - mean) }
                    for term in maTerms { value -= term.coefficient * e[t &- term.lag] }
                    e[t] = value
                    sum += value * value
                }
            }
        }
        return sum
    }

    /// A series the model fits exactly (a pure season and trend) keeps a tiny variance rather than none.
    var varianceFloor: Double { 1e-12 * max(1, w.reduce(0) { $0 + $1 * $1 } / Double(max(1, w.count))) }

    func fitByConditionalSumOfSquares() -> ARIMAFit? {
        let effective = w.count - start
        guard effective > parameterCount + 2 else { return nil }
        var scratch: [Double] = []
        let objective = { (u: [Double]) -> Double in
            let (ar, ma, mean) = unpack(u)
            let sum = sumOfSquaredResiduals(ar, ma, mean, scratch: &scratch)
            return sum.isFinite ? sum : .infinity
        }
        var best = [Double](repeating: 0, count: parameterCount)
        if parameterCount > 0 {
            let first = NelderMead(maxEvaluations: 300 * parameterCount).minimise(
                objective, start: best, steps: [Double](repeating: 0.3, count: parameterCount))
            best = NelderMead(maxEvaluations: 150 * parameterCount).minimise(
                objective, start: first.point, steps: [Double](repeating: 0.1, count: parameterCount)).point
        }
        let (ar, ma, mean) = unpack(best)
        let e = residuals(ar, ma, mean)
        let sum = e[start...].reduce(0) { $0 + $1 * $1 }
        let variance = max(sum / Double(effective), varianceFloor)
        guard variance.isFinite else { return nil }
        // As R's arima: the likelihood counts every differenced observation, whatever the number of conditioning
        // ones, so that orders are compared on the same data (counting only the residuals favours long AR lags by
        // about log σ² per dropped observation).
        let n = Double(w.count)
        let k = Double(parameterCount + 1)
        let logLikelihood = -0.5 * n * (log(2 * .pi * variance) + 1)
        let aicc = -2 * logLikelihood + 2 * k + 2 * k * (k + 1) / max(1, n - k - 1)
        return ARIMAFit(
            order: order, ar: ar, ma: ma, mean: mean,
            variance: max(sum / max(1, Double(effective - parameterCount)), varianceFloor), aicc: aicc, history: values,
            residuals: e, coordinates: best, method: "CSS")
    }

    /// The CSS fit's coefficients moved to the exact likelihood's maximum (Kalman filter over the whole differenced
    /// series); the CSS fit itself when the likelihood cannot be evaluated or is no better.
    func refineByMaximumLikelihood(_ fit: ARIMAFit) -> ARIMAFit {
        guard parameterCount > 0 else { return fit }
        let objective = { (u: [Double]) -> Double in
            let (ar, ma, mean) = unpack(u)
            return ARMAKalman(ar: ar, ma: ma).likelihood(w, mean: mean)?.minusTwoLogLikelihood ?? .infinity
        }
        let startValue = objective(fit.coordinates)
        guard startValue.isFinite else { return fit }
        let best = NelderMead(maxEvaluations: 200 * parameterCount).minimise(
            objective, start: fit.coordinates, steps: [Double](repeating: 0.1, count: parameterCount))
        guard best.value < startValue || best.value.isFinite else { return fit }
        let (ar, ma, mean) = unpack(best.point)
        guard let exact = ARMAKalman(ar: ar, ma: ma).likelihood(w, mean: mean) else { return fit }
        let n = Double(w.count)
        let k = Double(parameterCount + 1)
        let minusTwoLogLikelihood = exact.minusTwoLogLikelihood + n * (1 + log(2 * .pi))
        let aicc = minusTwoLogLikelihood + 2 * k + 2 * k * (k + 1) / max(1, n - k - 1)
        return ARIMAFit(
            order: order, ar: ar, ma: ma, mean: mean, variance: max(exact.variance, varianceFloor), aicc: aicc,
            history: values, residuals: residuals(ar, ma, mean), coordinates: best.point, method: "ML",
            filteredState: exact.filtered)
    }
}

/// Polynomial helpers for ARIMA.
enum Polynomials {
    /// AR coefficients φ₁…φ_p of a stationary polynomial 1 − Σφ_i B^i from partial autocorrelations in (−1, 1)
    /// (Durbin–Levinson; Monahan 1984).
    static func fromPartialAutocorrelations(_ partial: [Double]) -> [Double] {
        var phi: [Double] = []
        for (index, r) in partial.enumerated() {
            var next = phi
            for j in 0..<index { next[j] = phi[j] - r * phi[index - 1 - j] }
            next.append(r)
            phi = next
        }
        return phi
    }

    /// (1 − Σφ_i B^i)(1 − ΣΦ_j B^{jm}) as 1 − Σ a_k B^k: answers a₁…a_K.
    static func multiplyAR(_ phi: [Double], _ seasonal: [Double], period: Int) -> [Double] {
        let length = phi.count + period * seasonal.count
        guard length > 0 else { return [] }
        var poly = [Double](repeating: 0, count: length + 1)
        var left = [1.0] + phi.map { -$0 }
        var right = [Double](repeating: 0, count: period * seasonal.count + 1)
        right[0] = 1
        for (j, value) in seasonal.enumerated() { right[(j + 1) * period] = -value }
        if left.isEmpty { left = [1] }
        for (i, a) in left.enumerated() { for (j, b) in right.enumerated() { poly[i + j] += a * b } }
        return poly.dropFirst().map { -$0 }
    }

    /// (1 + Σθ_i B^i)(1 + ΣΘ_j B^{jm}) as 1 + Σ b_k B^k: answers b₁…b_K.
    static func multiplyMA(_ theta: [Double], _ seasonal: [Double], period: Int) -> [Double] {
        multiplyAR(theta.map { -$0 }, seasonal.map { -$0 }, period: period).map { -$0 }
    }
}

/// The unit-root tests auto.arima uses to choose differencing.
enum UnitRoot {
    /// Whether the KPSS test (level stationarity, lag truncation ⌊4(n/100)^¼⌋) rejects stationarity at 5%.
    static func kpssRejects(_ values: [Double]) -> Bool {
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let e = values.map { $0 - mean }
        var partial = 0.0
        var sumSquares = 0.0
        for value in e {
            partial += value
            sumSquares += partial * partial
        }
        let lags = Int(4 * pow(n / 100, 0.25))
        var longRun = e.reduce(0) { $0 + $1 * $1 } / n
        if lags > 0 {
            for lag in 1...lags {
                var covariance = 0.0
                for t in lag..<e.count { covariance += e[t] * e[t - lag] }
                longRun += 2 * (1 - Double(lag) / Double(lags + 1)) * covariance / n
            }
        }
        guard longRun > 0 else { return false }
        return sumSquares / (n * n * longRun) > 0.463
    }

    /// Seasonal strength, 1 − Var(remainder) / Var(season + remainder), from a decomposition whose season may evolve
    /// as STL's does: the series less its centred moving average, each season the mean of the same season in the
    /// nearest 11 cycles (STL's seasonal window in R's `mstl`), so a season that grows with the level still counts.
    static func seasonalStrength(_ values: [Double], period: Int) -> Double {
        let half = period / 2
        guard period > 1, values.count >= 2 * period + 2 * half else { return 0 }
        let detrended = (half..<(values.count - half)).map {
            values[$0] - SeasonalDecomposition.centredAverage(values, at: $0, period: period)
        }
        var remainder: [Double] = []
        for (index, value) in detrended.enumerated() {
            var sum = 0.0
            var count = 0.0
            for cycle in -5...5 {
                let other = index + cycle * period
                guard detrended.indices.contains(other) else { continue }
                sum += detrended[other]
                count += 1
            }
            remainder.append(value - sum / count)
        }
        let seasonPlusRemainder = detrended
        func variance(_ xs: [Double]) -> Double {
            let mean = xs.reduce(0, +) / Double(xs.count)
            return xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(xs.count)
        }
        let total = variance(seasonPlusRemainder)
        return total > 0 ? max(0, 1 - variance(remainder) / total) : 0
    }
}
