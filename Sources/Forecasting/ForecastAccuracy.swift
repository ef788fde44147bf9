import Foundation

/// The accuracy measures of the M4 competition, and its Naive2 benchmark method.
public enum ForecastAccuracy {
    /// Symmetric mean absolute percentage error, 0–200: mean of 200·|y − ŷ| / (|y| + |ŷ|).
    public static func sMAPE(actual: [Double], forecast: [Double]) -> Double {
        let terms = zip(actual, forecast).map { y, f in abs(y) + abs(f) == 0 ? 0 : 200 * abs(y - f) / (abs(y) + abs(f)) }
        return terms.reduce(0, +) / Double(max(1, terms.count))
    }

    /// Mean absolute scaled error: the forecast's mean absolute error over the in-sample mean absolute error of the
    /// seasonal naive method (lag `period`; lag 1 when the history is too short for it).
    public static func MASE(history: [Double], actual: [Double], forecast: [Double], period: Int) -> Double {
        let lag = history.count > period ? period : 1
        let scale = (lag..<history.count).map { abs(history[$0] - history[$0 - lag]) }
        let meanScale = scale.reduce(0, +) / Double(max(1, scale.count))
        let errors = zip(actual, forecast).map { abs($0 - $1) }
        return errors.reduce(0, +) / Double(max(1, errors.count)) / max(meanScale, 1e-12)
    }

    /// M4's Naive2: the last value carried forward, on data seasonally adjusted by classical multiplicative
    /// decomposition when a 90% autocorrelation test at the seasonal lag finds seasonality.
    public static func naive2(_ history: [Double], horizon: Int, period: Int) -> [Double] {
        guard let last = history.last else { return [] }
        guard period > 1, isSeasonal(history, period: period),
            let indices = SeasonalDecomposition.indices(history, period: period, multiplicative: true)
        else { return [Double](repeating: last, count: horizon) }
        let adjustedLast = last / indices[(history.count - 1) % period]
        return (0..<horizon).map { adjustedLast * indices[(history.count + $0) % period] }
    }

    /// The M4 seasonality test: |r_m| above 1.645 standard errors (Bartlett's formula over lags 1…m−1).
    static func isSeasonal(_ values: [Double], period: Int) -> Bool {
        guard values.count >= 3 * period else { return false }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let denominator = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        guard denominator > 0 else { return false }
        func autocorrelation(_ lag: Int) -> Double {
            var sum = 0.0
            for time in lag..<values.count { sum += (values[time] - mean) * (values[time - lag] - mean) }
            return sum / denominator
        }
        let earlier = (1..<period).reduce(0) { $0 + autocorrelation($1) * autocorrelation($1) }
        let limit = 1.645 * ((1 + 2 * earlier) / n).squareRoot()
        return abs(autocorrelation(period)) > limit
    }
}
