import Testing

@testable import Forecasting

@Suite struct AutoARIMASearchTests {
    /// A search over made-up AICc values (no series is fitted): `aicc` gives each (p, q, P, Q, constant) its score,
    /// nil for a model that does not fit. Returns the chosen fit and every order tried, in order.
    func walk(
        limits: AutoARIMA.OrderLimits, allowConstant: Bool = true, shortSeries: Bool = false,
        modelLimit: Int = AutoARIMA.modelLimit, aicc: @escaping (Int, Int, Int, Int, Bool) -> Double?
    ) -> (chosen: ARIMAFit?, tried: [ARIMAOrder]) {
        var tried: [ARIMAOrder] = []
        var search = AutoARIMA.StepwiseSearch(
            allowConstant: allowConstant,
            makeOrder: { p, q, bigP, bigQ, constant in
                ARIMAOrder(p: p, d: 0, q: q, seasonalP: bigP, seasonalD: 0, seasonalQ: bigQ, period: 12, constant: constant)
            },
            estimate: { order in
                tried.append(order)
                return aicc(order.p, order.q, order.seasonalP, order.seasonalQ, order.constant).map {
                    ARIMAFit(
                        order: order, ar: [], ma: [], mean: 0, variance: 1, aicc: $0, history: [], residuals: [],
                        coordinates: [], method: "test")
                }
            })
        let chosen = search.run(limits: limits, shortSeries: shortSeries, modelLimit: modelLimit)
        return (chosen, tried)
    }

    let monthly = AutoARIMA.OrderLimits(count: 120, period: 12)

    @Test func theStartingModelsAreAutoARIMAsAndTheBestOfThemIsWhereTheWalkBegins() throws {
        // (3,2)(1,1) would be best of all, but the walk begins at the best start, (0,0)(0,0), whose neighbours
        // are all worse: it never gets there.
        let result = walk(limits: monthly) { p, q, bigP, bigQ, constant in
            if (p, q, bigP, bigQ) == (2, 2, 1, 1) { return 100 }
            if (p, q, bigP, bigQ) == (3, 2, 1, 1) { return 50 }
            if (p, q, bigP, bigQ) == (2, 2, 0, 1) { return 90 }
            return 95 + Double(p + q + bigP + bigQ) + (constant ? 0 : 1)
        }
        let starts = Array(result.tried.prefix(5)).map { [$0.p, $0.q, $0.seasonalP, $0.seasonalQ, $0.constant ? 1 : 0] }
        #expect(starts == [[2, 2, 1, 1, 1], [0, 0, 0, 0, 1], [1, 0, 1, 0, 1], [0, 1, 0, 1, 1], [0, 0, 0, 0, 0]])
        let chosen = try #require(result.chosen?.order)
        #expect([chosen.p, chosen.q, chosen.seasonalP, chosen.seasonalQ] == [0, 0, 0, 0])
        #expect(!result.tried.contains { ($0.p, $0.q, $0.seasonalP, $0.seasonalQ) == (3, 2, 1, 1) })
    }

    @Test func fromTheStartTheFirstImprovementIsTakenRatherThanTheBest() throws {
        // Only models around the first start score well: P − 1 (tried first) at 90, p + 1 at 50.
        let result = walk(limits: monthly) { p, q, bigP, bigQ, _ in
            switch (p, q, bigP, bigQ) {
            case (2, 2, 1, 1): return 100
            case (2, 2, 0, 1): return 90
            case (3, 2, 1, 1): return 50
            default: return 200
            }
        }
        let chosen = try #require(result.chosen)
        #expect([chosen.order.p, chosen.order.q, chosen.order.seasonalP, chosen.order.seasonalQ] == [2, 2, 0, 1])
        #expect(chosen.aicc == 90)
        #expect(!result.tried.contains { ($0.p, $0.q, $0.seasonalP, $0.seasonalQ) == (3, 2, 1, 1) })
    }

    @Test func theWalkStopsAtTheModelLimitAndNeverFitsAnOrderTwice() {
        // A score that improves with every added term: unlimited, the walk climbs to the largest orders.
        let climb: (Int, Int, Int, Int, Bool) -> Double? = { p, q, bigP, bigQ, _ in 100 - Double(p + q + bigP + bigQ) }
        let free = walk(limits: monthly, aicc: climb)
        #expect(free.tried.count > 12)
        #expect(Set(free.tried).count == free.tried.count)
        let chosen = free.chosen?.order
        #expect([chosen?.p, chosen?.q, chosen?.seasonalP, chosen?.seasonalQ] == [5, 5, 2, 2])
        // With a limit of 12 models the walk stops there, short of them.
        let capped = walk(limits: monthly, modelLimit: 12, aicc: climb)
        #expect(capped.tried.count == 12)
        #expect(capped.chosen.map { $0.order.p + $0.order.q + $0.order.seasonalP + $0.order.seasonalQ } ?? 0 < 14)
    }

    @Test func modelsThatDoNotFitAreNeverChosen() throws {
        // Anything with a seasonal term fails to fit; the best of the rest is (1,0) with a constant.
        let result = walk(limits: monthly) { p, q, bigP, bigQ, constant in
            guard bigP == 0, bigQ == 0 else { return nil }
            return Double(abs(p - 1) + q) + (constant ? 0 : 0.5)
        }
        let chosen = try #require(result.chosen?.order)
        #expect([chosen.p, chosen.q, chosen.seasonalP, chosen.seasonalQ] == [1, 0, 0, 0])
        #expect(chosen.constant)
    }

    @Test func ordersAreLimitedAsAutoARIMALimitsThem() {
        // A third of the series, in seasons for seasonal terms, and fewer non-seasonal terms than a season.
        let short = AutoARIMA.OrderLimits(count: 30, period: 4)
        #expect([short.p, short.q, short.seasonalP, short.seasonalQ] == [3, 3, 2, 2])
        let tiny = AutoARIMA.OrderLimits(count: 9, period: 1)
        #expect([tiny.p, tiny.q, tiny.seasonalP, tiny.seasonalQ] == [3, 3, 0, 0])
        let yearly = AutoARIMA.OrderLimits(count: 100, period: 1)
        #expect([yearly.p, yearly.q, yearly.seasonalP, yearly.seasonalQ] == [5, 5, 0, 0])
    }
}
