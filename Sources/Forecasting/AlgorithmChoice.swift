/// Chooses an item's algorithm for an AutoPredictor: NPTS for intermittent demand (at least 30% zeros, where
/// smoothing and ARIMA models forecast a meaningless fractional level), else the ensemble: per step the median of
/// AutoARIMA, AutoETS, the Prophet-like model and (given a network trained across the items) DeepAR.
///
/// Measured on 105 series (R's 24 and M1's 81 yearly series of length 24 or more; Docs/benchmarks.md), OWA against
/// Naive2, R's set / M1 / all: AutoARIMA 0.692 / 0.872 / 0.844, AutoETS 0.829 / 0.908 / 0.898, Prophet-like 0.903 /
/// 0.847 / 0.856, DeepAR 1.091 / 0.829 / 0.870; the mean of ARIMA and ETS 0.714 / 0.876 / 0.851, the median of
/// ARIMA, ETS and Prophet-like 0.683 / 0.856 / 0.829, the median of all four 0.696 / 0.816 / 0.799, the mean of all
/// four 0.766 / 0.807 / 0.802. The median of four is best over all, so it is the choice.
public enum AlgorithmChoice {
    /// The share of zeros from which a series counts as intermittent.
    public static let intermittentShare = 0.3

    public static func choose(_ values: [Double], period: Int, horizon: Int) -> SeriesModel.Algorithm {
        guard !values.isEmpty else { return .ensemble }
        let zeros = values.filter { $0 == 0 }.count
        return Double(zeros) / Double(values.count) >= intermittentShare ? .npts : .ensemble
    }
}
