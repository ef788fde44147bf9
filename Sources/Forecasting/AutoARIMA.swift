/// Hyndman and Khandakar's automatic ARIMA, with the search `forecast::auto.arima` runs: unit-root tests choose d
/// (KPSS) and D (seasonal strength); then, from four starting models, a stepwise search moves to the first
/// neighbouring order whose AICc is lower, trying neighbours in auto.arima's order, until no neighbour improves or
/// 94 models have been fitted.
public enum AutoARIMA {
    /// How the candidate models' coefficients are estimated.
    public enum Estimation: String, Sendable, Codable {
        /// Conditional sum of squares, for the search and the chosen model (about as accurate alone as `automatic`
        /// on the benchmark's series, and a little faster; see `Docs/benchmarks.md`).
        case conditionalSumOfSquares = "css"
        /// The exact likelihood by the Kalman filter, started from the CSS estimate (R's "CSS-ML").
        case exactLikelihood = "ml"
        /// As auto.arima decides whether to approximate: the exact likelihood for a series of at most 150
        /// observations and a season of at most 12, conditional sums of squares for a longer one (whose chosen model
        /// keeps its CSS coefficients, where auto.arima refits it by exact likelihood). The default: in the
        /// AutoPredictor's ensemble it forecasts better than CSS on the held-out values and on earlier windows.
        case automatic = "auto"

        /// The estimation used for a series of `count` observations with season length `period`.
        func resolved(count: Int, period: Int) -> Estimation {
            guard self == .automatic else { return self }
            return count > 150 || period > 12 ? .conditionalSumOfSquares : .exactLikelihood
        }
    }

    /// The most models the stepwise search fits (auto.arima's `nmodels`).
    static let modelLimit = 94

    /// The chosen model, or nil for a series too short (under 8 values) or one no candidate fits.
    public static func fit(
        _ values: [Double], period: Int, estimation: Estimation = .automatic
    ) -> ARIMAFit? {
        guard values.count >= 8 else { return nil }
        let estimation = estimation.resolved(count: values.count, period: period)
        let m = period > 1 && values.count >= 3 * period ? period : 1
        let seasonalD = m > 1 && UnitRoot.seasonalStrength(values, period: m) > 0.64 ? 1 : 0
        var differenced = values
        if seasonalD == 1 { differenced = (m..<values.count).map { values[$0] - values[$0 - m] } }
        var d = 0
        while d < 2, differenced.count > 8, UnitRoot.kpssRejects(differenced) {
            differenced = (1..<differenced.count).map { differenced[$0] - differenced[$0 - 1] }
            d += 1
        }
        // A mean (d + D = 0) or drift (d + D = 1) term; none with more differencing.
        let allowConstant = d + seasonalD <= 1
        var search = StepwiseSearch(
            allowConstant: allowConstant,
            makeOrder: { p, q, bigP, bigQ, constant in
                ARIMAOrder(
                    p: p, d: d, q: q, seasonalP: m > 1 ? bigP : 0, seasonalD: seasonalD, seasonalQ: m > 1 ? bigQ : 0,
                    period: m, constant: constant && allowConstant)
            },
            estimate: { order in
                var fitted = ARIMAEstimator.fit(values, order: order)
                if estimation == .exactLikelihood, let css = fitted {
                    fitted = ARIMAEstimator(values, order: order).refineByMaximumLikelihood(css)
                }
                // As auto.arima: a model with an AR or MA root within 1.01 of the unit circle is too near
                // non-stationarity or non-invertibility to trust, and is not chosen.
                return fitted.flatMap { $0.nearUnitRoot ? nil : $0 }
            })
        return search.run(limits: OrderLimits(count: values.count, period: m), shortSeries: values.count < 10)
    }

    /// The largest orders auto.arima considers for a series: 5 non-seasonal and 2 seasonal terms of each kind, at
    /// most a third of the series (in seasons, for the seasonal terms), and fewer than a season of non-seasonal
    /// terms beside seasonal ones.
    struct OrderLimits {
        var p: Int, q: Int, seasonalP: Int, seasonalQ: Int

        init(count: Int, period: Int) {
            p = min(5, count / 3)
            q = min(5, count / 3)
            seasonalP = period > 1 ? min(2, count / 3 / period) : 0
            seasonalQ = seasonalP
            if period > 1 {
                if seasonalP > 0 { p = min(p, period - 1) }
                if seasonalQ > 0 { q = min(q, period - 1) }
            }
        }
    }

    /// The stepwise walk over (p, q, P, Q, constant): each order is fitted at most once, and a failed fit counts
    /// as an infinite AICc, as in auto.arima.
    struct StepwiseSearch {
        let allowConstant: Bool
        let makeOrder: (Int, Int, Int, Int, Bool) -> ARIMAOrder
        let estimate: (ARIMAOrder) -> ARIMAFit?
        private var fitted: [ARIMAOrder: ARIMAFit?] = [:]
        private var best: ARIMAFit?

        init(
            allowConstant: Bool, makeOrder: @escaping (Int, Int, Int, Int, Bool) -> ARIMAOrder,
            estimate: @escaping (ARIMAOrder) -> ARIMAFit?
        ) {
            self.allowConstant = allowConstant
            self.makeOrder = makeOrder
            self.estimate = estimate
        }

        /// Fits `order` unless it was fitted before; true when it was new and its AICc beat the best so far.
        private mutating func tryOrder(_ order: ARIMAOrder) -> Bool {
            guard fitted[order] == nil else { return false }
            let fit = estimate(order)
            fitted[order] = .some(fit)
            guard let fit, fit.aicc < best?.aicc ?? .infinity else { return false }
            best = fit
            return true
        }

        private func isNew(_ order: ARIMAOrder) -> Bool { fitted[order] == nil }

        /// The best model the walk finds, fitting at most `modelLimit` models after the starting ones.
        mutating func run(limits: OrderLimits, shortSeries: Bool, modelLimit: Int = AutoARIMA.modelLimit) -> ARIMAFit? {
            var p = min(shortSeries ? 1 : 2, limits.p), q = min(shortSeries ? 1 : 2, limits.q)
            var bigP = shortSeries ? 0 : min(1, limits.seasonalP), bigQ = shortSeries ? 0 : min(1, limits.seasonalQ)
            var constant = allowConstant
            // The starting models, each becoming the current one when it beats the best so far.
            _ = tryOrder(makeOrder(p, q, bigP, bigQ, constant))
            if tryOrder(makeOrder(0, 0, 0, 0, constant)) { (p, q, bigP, bigQ) = (0, 0, 0, 0) }
            if limits.p > 0 || limits.seasonalP > 0 {
                let start = (limits.p > 0 ? 1 : 0, limits.seasonalP > 0 ? 1 : 0)
                if tryOrder(makeOrder(start.0, 0, start.1, 0, constant)) { (p, q, bigP, bigQ) = (start.0, 0, start.1, 0) }
            }
            if limits.q > 0 || limits.seasonalQ > 0 {
                let start = (limits.q > 0 ? 1 : 0, limits.seasonalQ > 0 ? 1 : 0)
                if tryOrder(makeOrder(0, start.0, 0, start.1, constant)) { (p, q, bigP, bigQ) = (0, start.0, 0, start.1) }
            }
            // auto.arima leaves `constant` set here even when the model without one wins: the walk goes on from
            // its orders with the constant, and the toggle below may drop it again.
            if constant, tryOrder(makeOrder(0, 0, 0, 0, false)) { (p, q, bigP, bigQ) = (0, 0, 0, 0) }

            // Neighbours in auto.arima's order: seasonal moves first, then non-seasonal; (Δp, Δq, ΔP, ΔQ).
            let moves = [
                (0, 0, -1, 0), (0, 0, 0, -1), (0, 0, 1, 0), (0, 0, 0, 1),
                (0, 0, -1, -1), (0, 0, -1, 1), (0, 0, 1, -1), (0, 0, 1, 1),
                (-1, 0, 0, 0), (0, -1, 0, 0), (1, 0, 0, 0), (0, 1, 0, 0),
                (-1, -1, 0, 0), (-1, 1, 0, 0), (1, -1, 0, 0), (1, 1, 0, 0),
            ]
            var passStart = -1
            walk: while passStart < fitted.count, fitted.count < modelLimit {
                passStart = fitted.count
                for (dp, dq, dP, dQ) in moves {
                    let next = (p: p + dp, q: q + dq, bigP: bigP + dP, bigQ: bigQ + dQ)
                    guard next.p >= 0, next.q >= 0, next.bigP >= 0, next.bigQ >= 0, next.p <= limits.p, next.q <= limits.q,
                        next.bigP <= limits.seasonalP, next.bigQ <= limits.seasonalQ
                    else { continue }
                    let order = makeOrder(next.p, next.q, next.bigP, next.bigQ, constant)
                    guard isNew(order) else { continue }
                    guard fitted.count < modelLimit else { break walk }
                    if tryOrder(order) {
                        (p, q, bigP, bigQ) = next
                        continue walk
                    }
                }
                if allowConstant {
                    let order = makeOrder(p, q, bigP, bigQ, !constant)
                    if isNew(order), fitted.count < modelLimit, tryOrder(order) { constant.toggle() }
                }
            }
            return best
        }
    }
}
