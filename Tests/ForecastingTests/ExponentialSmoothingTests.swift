import Foundation
import Testing

@testable import Forecasting

@Suite struct ExponentialSmoothingTests {
    /// Seeded noise, so every run sees the same series.
    func noise(_ count: Int, scale: Double, seed: UInt64 = 7) -> [Double] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { _ in scale * generator.nextGaussian() }
    }

    @Test func nelderMeadFindsTheMinimumOfABowl() {
        let result = NelderMead().minimise(
            { p in (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1) }, start: [0, 0], steps: [1, 1])
        #expect(abs(result.point[0] - 3) < 1e-3 && abs(result.point[1] + 1) < 1e-3)
    }

    @Test func nashNelderMeadFindsABowlsMinimumAndStaysWhereTheFunctionIsFinite() {
        let bowl = NashNelderMead().minimise({ p in (p[0] - 3) * (p[0] - 3) + 10 * (p[1] + 1) * (p[1] + 1) }, start: [1, 1])
        #expect(abs(bowl.point[0] - 3) < 1e-3 && abs(bowl.point[1] + 1) < 1e-3)
        // Infinite where x < 2: the minimum at x = 2 is approached from inside.
        let walled = NashNelderMead().minimise({ p in p[0] < 2 ? .infinity : p[0] * p[0] }, start: [5])
        #expect(walled.point[0] >= 2 && walled.point[0] < 2.01)
        #expect(NashNelderMead().minimise({ _ in .nan }, start: [1]).value == .infinity)
    }

    /// Series made here, and what R's `forecast::ets` (forecast 8.20, Debian's r-cran-forecast) answered for them.
    static let seriesWithRAnswers: [(values: [Double], period: Int, model: String, aicc: Double)] = {
        func series(_ count: Int, _ value: (Double) -> Double) -> [Double] { (0..<count).map { value(Double($0)) } }
        let trending = series(40) { t in 100 + 3 * t + 8 * sin(1.7 * t) + 5 * cos(0.9 * t * t) }
        let level = series(30) { t in 50 + 6 * sin(1.3 * t) + 3 * cos(2.9 * t) }
        let quarterly = series(60) { t in 200 + 15 * sin(2 * Double.pi * t / 4) + 0.5 * t + 4 * sin(2.3 * t) }
        return [(trending, 1, "ETS(A,A,N)", 310.51), (level, 1, "ETS(M,N,N)", 200.96), (quarterly, 4, "ETS(M,A,A)", 392.06)]
    }()

    @Test(arguments: 0..<3)
    func theModelAndItsAICcAreForecastPackageEts(_ index: Int) throws {
        let (values, period, model, aicc) = Self.seriesWithRAnswers[index]
        let fit = try #require(AutoETS.fit(values, period: period))
        #expect(fit.model.description == model)
        #expect(abs(fit.aicc - aicc) < 1, "AICc \(fit.aicc), R's \(aicc)")
    }

    @Test func aTrendingSeriesGetsATrendAndItsForecastContinuesTheLine() throws {
        let values = zip(0..<60, noise(60, scale: 1)).map { 50 + 2 * Double($0) + $1 }
        let fit = try #require(AutoETS.fit(values, period: 1))
        #expect(fit.model.trend != .none, "chose \(fit.model)")
        let forecast = fit.forecast(horizon: 10)
        for (step, value) in forecast.enumerated() {
            #expect(abs(value - (50 + 2 * Double(60 + step))) < 8, "step \(step): \(value)")
        }
    }

    @Test func aSeasonalSeriesGetsASeasonAndBeatsNaive2() throws {
        let period = 12
        let truth = (0..<96).map { 100 + 20 * sin(2 * Double.pi * Double($0) / Double(period)) + 0.3 * Double($0) }
        let observed = zip(truth, noise(96, scale: 2)).map(+)
        let history = Array(observed.prefix(78))
        let fit = try #require(AutoETS.fit(history, period: period))
        #expect(fit.model.season != .none, "chose \(fit.model)")
        let forecast = fit.forecast(horizon: 18)
        let actual = Array(observed.suffix(18))
        let ours = ForecastAccuracy.sMAPE(actual: actual, forecast: forecast)
        let naive = ForecastAccuracy.sMAPE(actual: actual, forecast: ForecastAccuracy.naive2(history, horizon: 18, period: period))
        #expect(ours < 4, "sMAPE \(ours)")
        #expect(ours < naive)
    }

    @Test func aFlatSeriesGetsAFlatForecastNearItsMean() throws {
        let values = noise(40, scale: 3).map { 200 + $0 }
        let fit = try #require(AutoETS.fit(values, period: 1))
        #expect(fit.model.trend == .none, "chose \(fit.model)")
        #expect(fit.forecast(horizon: 5).allSatisfy { abs($0 - 200) < 3 })
    }

    @Test func simulatedPathsCoverTheTruthAboutAsOftenAsTheyShould() throws {
        let values = noise(120, scale: 5).map { 300 + $0 }
        let fit = try #require(AutoETS.fit(Array(values.prefix(100)), period: 1))
        let paths = fit.samplePaths(horizon: 20, paths: 1000, seed: 1)
        #expect(paths == fit.samplePaths(horizon: 20, paths: 1000, seed: 1))
        var inside = 0
        for step in 0..<20 {
            let sorted = paths.map { $0[step] }.sorted()
            if sorted[100] <= values[100 + step], values[100 + step] <= sorted[899] { inside += 1 }
        }
        #expect(inside >= 13, "\(inside) of 20 inside the 80% band")
    }

    @Test func tooShortSeriesFitNothingAndNaive2FallsBackToTheLastValue() {
        #expect(AutoETS.fit([1, 2, 3, 4, 5], period: 1) == nil)
        #expect(ForecastAccuracy.naive2([1, 2, 3], horizon: 2, period: 12) == [3, 3])
    }

    @Test func accuracyMeasuresMatchHandComputedValues() {
        #expect(abs(ForecastAccuracy.sMAPE(actual: [100, 200], forecast: [110, 180]) - (200 * 10 / 210 + 200 * 20 / 380) / 2) < 1e-9)
        // In-sample absolute differences 1, 1, 1 (scale 1); forecast errors 2 and 4: MASE 3.
        #expect(abs(ForecastAccuracy.MASE(history: [1, 2, 3, 4], actual: [5, 6], forecast: [7, 10], period: 1) - 3) < 1e-9)
    }
}

@Suite struct NPTSTests {
    @Test func drawsComeFromTheHistoryAndSeasonalDrawsFromTheSameSeason() {
        let history = (0..<48).map { Double($0 % 12) * 10 }  // a pure season: month m is always 10·m
        let seasonal = NPTS(kernel: .exponential, seasonal: true).samplePaths(
            history: history, period: 12, horizon: 12, paths: 50, seed: 3)
        for path in seasonal { #expect(path == (0..<12).map { Double($0) * 10 }) }
        let plain = NPTS(kernel: .uniform, seasonal: false).samplePaths(history: history, period: 12, horizon: 5, paths: 200, seed: 3)
        #expect(plain.allSatisfy { $0.allSatisfy { history.contains($0) } })
        #expect(Set(plain.map { $0[0] }).count > 6)  // uniform draws spread over the history
    }

    @Test func theExponentialKernelFavoursRecentValues() {
        let history = [Double](repeating: 0, count: 50) + [Double](repeating: 100, count: 5)
        let paths = NPTS(kernel: .exponential, seasonal: false, lambda: 1).samplePaths(
            history: history, period: 1, horizon: 1, paths: 1000, seed: 9)
        let recent = paths.filter { $0[0] == 100 }.count
        #expect(recent > 900, "\(recent) of 1000 draws from the last five values")
    }
}

@Suite struct AlgorithmChoiceTests {
    @Test func intermittentDemandGoesToNPTSAndSmoothSeriesToTheEnsemble() {
        let intermittent = (0..<60).map { $0 % 4 == 0 ? 5.0 : 0 }
        #expect(AlgorithmChoice.choose(intermittent, period: 12, horizon: 6) == .npts)
        let smooth = (0..<60).map { 100 + Double($0) }
        #expect(AlgorithmChoice.choose(smooth, period: 12, horizon: 6) == .ensemble)
    }

    @Test func theEnsembleForecastsTheMedianOfItsMembersAndPoolsTheirPaths() throws {
        let series = (0..<72).map { 200 + 2 * Double($0) + 30 * sin(2 * Double.pi * Double($0) / 12) + Double($0 % 5) }
        let ensemble = try #require(SeriesModel.fit(series, period: 12, algorithm: .ensemble))
        guard case .ensemble(let members) = ensemble else { Issue.record("not an ensemble: \(ensemble)"); return }
        #expect(members.count == 3)  // no DeepAR network given
        let forecasts = members.map { $0.simulate(horizon: 6, paths: 10, seed: 1).point }
        let combined = ensemble.simulate(horizon: 6, paths: 100, seed: 1)
        for step in 0..<6 {
            let sorted = forecasts.map { $0[step] }.sorted()
            #expect(combined.point[step] == sorted[1])
        }
        #expect(combined.paths.count == 300)
        #expect(ensemble.description.hasPrefix("median of ARIMA("))
    }

    /// The command line fits the other members while DeepAR's network trains, then joins DeepAR's member: the model
    /// must be the one fitted with the network, path for path.
    @Test func anEnsembleJoinedByDeepARAfterTrainingIsTheEnsembleFittedWithTheNetwork() throws {
        let series = (0..<60).map { 50 + Double($0) + 10 * sin(2 * Double.pi * Double($0) / 12) }
        var configuration = DeepARNetwork.Configuration(horizon: 6, period: 12)
        configuration.iterations = 20
        let network = try #require(
            DeepARNetwork.train([DeepARSeries(values: series)], period: 12, configuration: configuration))
        // Seven values: ETS and DeepAR only; five: DeepAR alone.
        for values in [series, Array(series.prefix(7)), Array(series.prefix(5))] {
            let direct = SeriesModel.fit(values, period: 12, algorithm: .ensemble, network: network)
            let joined = SeriesModel.joining(
                SeriesModel.fit(values, period: 12, algorithm: .ensemble),
                deepAR: SeriesModel.fit(values, period: 12, algorithm: .deepAR, network: network))
            let expected = try #require(direct).simulate(horizon: 6, paths: 20, seed: 3, network: network)
            let actual = try #require(joined).simulate(horizon: 6, paths: 20, seed: 3, network: network)
            #expect(actual.point == expected.point)
            #expect(actual.paths == expected.paths)
            #expect(joined?.description == direct?.description)
        }
        let withoutNetwork = SeriesModel.fit(series, period: 12, algorithm: .ensemble)
        #expect(SeriesModel.joining(withoutNetwork, deepAR: nil)?.description == withoutNetwork?.description)
    }
}

@Suite struct PolynomialRootsTests {
    @Test func theSmallestRootModulusIsFound() throws {
        // 1 − 0.5z has its root at 2; (1 − 0.5z)(1 − 0.9z) = 1 − 1.4z + 0.45z² has roots 2 and 1/0.9.
        #expect(abs(try #require(PolynomialRoots.smallestModulus([-0.5])) - 2) < 1e-9)
        #expect(abs(try #require(PolynomialRoots.smallestModulus([-1.4, 0.45])) - 1 / 0.9) < 1e-9)
        // 1 + z² has roots ±i, modulus 1.
        #expect(abs(try #require(PolynomialRoots.smallestModulus([0, 1])) - 1) < 1e-9)
        #expect(PolynomialRoots.smallestModulus([0, 0]) == nil)
    }

    @Test func aSeasonGrowingWithTheLevelCountsAsStrong() {
        // Multiplicative quarterly season on a rising level (like JohnsonJohnson): its amplitude grows tenfold.
        let season: [Double] = [3, -2, 4, -5]
        let series = (0..<76).map { (t: Int) -> Double in (1 + Double(t) / 8) * (10 + season[t % 4]) }
        #expect(UnitRoot.seasonalStrength(series, period: 4) > 0.64)
        let noise = (0..<76).map { (t: Int) -> Double in 100 + Double((t * 7919) % 13) }
        #expect(UnitRoot.seasonalStrength(noise, period: 4) < 0.64)
    }
}

@Suite struct ARIMATests {
    @Test func partialAutocorrelationsGiveStationaryPolynomialsAndSeasonalProductsExpand() {
        // One partial autocorrelation r is the AR(1) coefficient itself; two give φ = (r₁(1 − r₂), r₂).
        #expect(Polynomials.fromPartialAutocorrelations([0.5]) == [0.5])
        let two = Polynomials.fromPartialAutocorrelations([0.5, 0.2])
        #expect(abs(two[0] - 0.4) < 1e-12 && abs(two[1] - 0.2) < 1e-12)
        // (1 − 0.5B)(1 − 0.3B⁴) = 1 − 0.5B − 0.3B⁴ + 0.15B⁵.
        let expanded = Polynomials.multiplyAR([0.5], [0.3], period: 4)
        #expect(expanded.count == 5)
        for (value, expected) in zip(expanded, [0.5, 0, 0, 0.3, -0.15]) { #expect(abs(value - expected) < 1e-12) }
    }

    @Test func differencingIsUndoneExactly() {
        let order = ARIMAOrder(p: 0, d: 1, q: 0, seasonalP: 0, seasonalD: 1, seasonalQ: 0, period: 4, constant: false)
        let values = (0..<20).map { Double($0 * $0) + Double($0 % 4) * 10 }
        let differencing = Differencing(order: order)
        let levels = differencing.levels(Array(values.prefix(16)))
        let next = differencing.levels(values).last!.suffix(4)
        #expect(differencing.undo(Array(next), levels: levels) == Array(values.suffix(4)))
    }

    @Test func anAutoregressiveSeriesIsRecognisedAndForecast() throws {
        var generator = SplitMix64(seed: 5)
        var values = [0.0]
        for _ in 0..<300 { values.append(0.7 * values.last! + generator.nextGaussian()) }
        let fit = try #require(AutoARIMA.fit(values, period: 1))
        #expect(fit.order.d == 0 && fit.order.p >= 1, "chose \(fit.order)")
        let next = fit.forecast(horizon: 1)[0]
        #expect(abs(next - 0.7 * values.last!) < 0.35, "\(next) against \(0.7 * values.last!)")
    }

    @Test func aSeasonalTrendIsDifferencedAndForecast() throws {
        var generator = SplitMix64(seed: 8)
        let values = (0..<120).map { 50 + 0.5 * Double($0) + 10 * sin(2 * Double.pi * Double($0) / 12) + generator.nextGaussian() }
        let fit = try #require(AutoARIMA.fit(Array(values.prefix(108)), period: 12))
        #expect(fit.order.d + fit.order.seasonalD >= 1, "chose \(fit.order)")
        let error = ForecastAccuracy.sMAPE(actual: Array(values.suffix(12)), forecast: fit.forecast(horizon: 12))
        #expect(error < 3, "sMAPE \(error) with \(fit.order)")
    }
}

@Suite struct ARMAKalmanTests {
    @Test func theKalmanLikelihoodOfAnAR1MatchesItsClosedForm() throws {
        var generator = SplitMix64(seed: 2)
        var values = [0.0]
        for _ in 0..<99 { values.append(0.6 * values.last! + generator.nextGaussian()) }
        let phi = 0.6
        let result = try #require(ARMAKalman(ar: [phi], ma: []).likelihood(values))
        var squares = (1 - phi * phi) * values[0] * values[0]
        for t in 1..<values.count {
            let error = values[t] - phi * values[t - 1]
            squares += error * error
        }
        let n = Double(values.count)
        let closedForm = n * log(squares / n) + log(1 / (1 - phi * phi))
        #expect(abs(result.minusTwoLogLikelihood - closedForm) < 1e-6, "\(result.minusTwoLogLikelihood) against \(closedForm)")
    }

    /// A seasonal ARMA's state covariance from the first-row system solves P = T P Tᵀ + R Rᵀ entry by entry, and
    /// an ARMA(1,1)'s variance is (1 + 2φθ + θ²) / (1 − φ²).
    @Test func theStationaryCovarianceSolvesItsEquation() throws {
        let arma11 = ARMAKalman(ar: [0.7], ma: [0.4])
        let small = try #require(arma11.stationaryCovariance(phi: [0.7, 0], loading: [1, 0.4]))
        #expect(abs(small[0] - (1 + 2 * 0.7 * 0.4 + 0.16) / (1 - 0.49)) < 1e-12)
        let ar = Polynomials.multiplyAR([0.5, -0.2], [0.6], period: 12)
        let ma = Polynomials.multiplyMA([0.3], [-0.5], period: 12)
        let model = ARMAKalman(ar: ar, ma: ma)
        let r = model.dimension
        let phi = (0..<r).map { $0 < ar.count ? ar[$0] : 0 }
        let loading = (0..<r).map { $0 == 0 ? 1 : ($0 - 1 < ma.count ? ma[$0 - 1] : 0) }
        let upper = try #require(model.stationaryCovariance(phi: phi, loading: loading))
        let p = DenseKalman.symmetric(upper, size: r)
        let next = DenseKalman.timeUpdate(p, phi: phi, loading: loading)
        let worst = zip(p, next).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-9 * p[0], "largest difference \(worst)")
    }

    /// The filter on P's upper triangle gives the likelihood and filtered state of a plain dense Kalman filter.
    @Test func theTriangularFilterMatchesADenseOne() throws {
        var generator = SplitMix64(seed: 9)
        let shocks = (0..<130).map { _ in generator.nextGaussian() }
        var values: [Double] = []
        for t in 0..<shocks.count {
            var value = shocks[t] + (t >= 1 ? 0.3 * shocks[t - 1] : 0) - (t >= 12 ? 0.5 * shocks[t - 12] : 0)
            if t >= 1 { value += 0.5 * values[t - 1] }
            values.append(value + 2)
        }
        let ar = Polynomials.multiplyAR([0.5], [0.3], period: 12)
        let ma = Polynomials.multiplyMA([0.3], [-0.5], period: 12)
        let model = ARMAKalman(ar: ar, ma: ma)
        let result = try #require(model.likelihood(values, mean: 2))
        let reference = DenseKalman.likelihood(values.map { $0 - 2 }, ar: ar, ma: ma, start: model)
        #expect(abs(result.minusTwoLogLikelihood - reference.minusTwoLogLikelihood) < 1e-8)
        #expect(abs(result.variance - reference.variance) < 1e-10 * reference.variance)
        for (a, b) in zip(result.filtered, reference.filtered) { #expect(abs(a - b) < 1e-8) }
    }

    @Test func exactLikelihoodRefitsTheChosenModelToAHigherLikelihood() throws {
        var generator = SplitMix64(seed: 4)
        let shocks = (0..<400).map { _ in generator.nextGaussian() }
        let values = (1..<shocks.count).map { shocks[$0] + 0.5 * shocks[$0 - 1] }
        let conditional = try #require(AutoARIMA.fit(values, period: 1, estimation: .conditionalSumOfSquares))
        let exact = try #require(AutoARIMA.fit(values, period: 1, estimation: .exactLikelihood))
        #expect(conditional.method == "CSS" && exact.method == "ML")
        #expect(exact.order == conditional.order)
        // The refit's exact likelihood is at least that of the CSS coefficients.
        let differenced = values.map { $0 - exact.mean }
        let atExact = try #require(ARMAKalman(ar: exact.ar, ma: exact.ma).likelihood(differenced))
        let atConditional = try #require(
            ARMAKalman(ar: conditional.ar, ma: conditional.ma).likelihood(values.map { $0 - conditional.mean }))
        #expect(atExact.minusTwoLogLikelihood <= atConditional.minusTwoLogLikelihood + 1e-9)
        // MA(1) with θ = 0.5: the one-step forecast follows half the last shock, within the noise of estimation.
        #expect(abs(exact.forecast(horizon: 1)[0] - 0.5 * shocks.last!) < 0.5)
    }
}

@Suite struct ProphetLikeTests {
    @Test func aTrendThatBendsIsFollowedAndTheSeasonKept() throws {
        var generator = SplitMix64(seed: 6)
        // Slope 1 for 60 steps, then slope 3, with a 12-step season of amplitude 10.
        let truth = (0..<120).map { t -> Double in
            let trend = t < 60 ? Double(t) : 60 + 3 * Double(t - 60)
            return 100 + trend + 10 * sin(2 * Double.pi * Double(t) / 12)
        }
        let values = truth.map { $0 + generator.nextGaussian() }
        let fit = try #require(ProphetLikeFit.fit(Array(values.prefix(108)), period: 12))
        let forecast = fit.forecast(horizon: 12)
        let error = ForecastAccuracy.sMAPE(actual: Array(truth.suffix(12)), forecast: forecast)
        #expect(error < 3, "sMAPE \(error)")
        let paths = fit.samplePaths(horizon: 12, paths: 200, seed: 1)
        #expect(paths.count == 200 && paths.allSatisfy { $0.count == 12 })
    }

    @Test func logisticGrowthApproachesItsCapacityWhereALinearTrendRunsPastIt() throws {
        var generator = SplitMix64(seed: 8)
        // A market saturating at 100: a logistic curve through 50 at step 30, observed for 60 steps.
        let values = (0..<60).map { t in 100 / (1 + exp(-0.1 * (Double(t) - 30))) + 0.5 * generator.nextGaussian() }
        let linear = try #require(ProphetLikeFit.fit(values, period: 1)).forecast(horizon: 60)
        #expect(linear.last! > 110)
        let logistic = try #require(ProphetLikeFit.fit(values, period: 1, growth: .logistic(capacity: 100, floor: 0)))
        let forecast = logistic.forecast(horizon: 60)
        #expect(forecast.allSatisfy { $0 < 100 } && forecast.last! > 97 && forecast.last! > forecast.first!)
        let paths = logistic.samplePaths(horizon: 60, paths: 200, seed: 2)
        #expect(paths.allSatisfy { $0.allSatisfy { $0 > 0 && $0 < 100 } })
        #expect(ProphetLikeFit.fit(values, period: 1, growth: .logistic(capacity: 0, floor: 10)) == nil)
    }
}

/// A textbook Kalman filter on full matrices, the reference for ARMAKalman's triangular one.
enum DenseKalman {
    static func symmetric(_ upper: [Double], size r: Int) -> [Double] {
        var full = upper
        for i in 0..<r { for j in 0..<i { full[i * r + j] = upper[j * r + i] } }
        return full
    }

    /// T P Tᵀ + R Rᵀ by matrix products.
    static func timeUpdate(_ p: [Double], phi: [Double], loading: [Double]) -> [Double] {
        let r = phi.count
        var t = [Double](repeating: 0, count: r * r)
        for i in 0..<r {
            t[i * r] = phi[i]
            if i + 1 < r { t[i * r + i + 1] = 1 }
        }
        var product = [Double](repeating: 0, count: r * r)
        for i in 0..<r { for j in 0..<r { for k in 0..<r { product[i * r + j] += t[i * r + k] * p[k * r + j] } } }
        var next = [Double](repeating: 0, count: r * r)
        for i in 0..<r {
            for j in 0..<r {
                for k in 0..<r { next[i * r + j] += product[i * r + k] * t[j * r + k] }
                next[i * r + j] += loading[i] * loading[j]
            }
        }
        return next
    }

    static func likelihood(_ values: [Double], ar: [Double], ma: [Double], start model: ARMAKalman)
        -> (minusTwoLogLikelihood: Double, variance: Double, filtered: [Double])
    {
        let r = model.dimension
        let phi = (0..<r).map { $0 < ar.count ? ar[$0] : 0 }
        let loading = (0..<r).map { $0 == 0 ? 1 : ($0 - 1 < ma.count ? ma[$0 - 1] : 0) }
        var p = symmetric(model.stationaryCovariance(phi: phi, loading: loading)!, size: r)
        var a = [Double](repeating: 0, count: r)
        var squares = 0.0, logs = 0.0
        var filtered = a
        for value in values {
            let f = p[0]
            let v = value - a[0]
            squares += v * v / f
            logs += log(f)
            let gain = (0..<r).map { p[$0 * r] / f }
            for i in 0..<r { a[i] += gain[i] * v }
            let firstRow = Array(p[0..<r])
            for i in 0..<r { for j in 0..<r { p[i * r + j] -= gain[i] * firstRow[j] } }
            filtered = a
            let first = a[0]
            a = (0..<r).map { phi[$0] * first + ($0 + 1 < r ? a[$0 + 1] : 0) }
            p = timeUpdate(p, phi: phi, loading: loading)
        }
        let n = Double(values.count)
        return (n * log(squares / n) + logs, squares / n, filtered)
    }
}
