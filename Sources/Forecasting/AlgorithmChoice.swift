/// Chooses an item's algorithm for an AutoPredictor: NPTS for intermittent demand (at least 30% zeros, where
/// smoothing and ARIMA models forecast a meaningless fractional level), AutoARIMA otherwise.
///
/// Measured on R's 24 benchmark series (Docs/benchmarks.md), OWA against Naive2: AutoARIMA 0.676, AutoETS 0.829,
/// the mean of the two 0.710, and choosing AutoETS or NPTS by the lower sMAPE on a holdout of the last horizon 0.961
/// (one short window is too noisy a judge). AutoARIMA alone is the best of these, so it is the choice.
public enum AlgorithmChoice {
    public enum Algorithm: String, Sendable, Codable { case arima = "ARIMA", ets = "ETS", npts = "NPTS" }

    /// The share of zeros from which a series counts as intermittent.
    public static let intermittentShare = 0.3

    public static func choose(_ values: [Double], period: Int, horizon: Int) -> Algorithm {
        guard !values.isEmpty else { return .arima }
        let zeros = values.filter { $0 == 0 }.count
        return Double(zeros) / Double(values.count) >= intermittentShare ? .npts : .arima
    }
}
