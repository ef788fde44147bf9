import Foundation

/// Non-parametric time series forecasting (NPTS), as Amazon Forecast describes it: each future value is one of the
/// past values, drawn with probability falling off exponentially with its distance in time (or uniformly, the
/// "climatological" variant); the seasonal variants draw only from past times in the same season position. Each
/// draw joins the history for the next step, so sample paths carry their own shape; quantiles come from the paths.
public struct NPTS: Sendable, Codable {
    public enum Kernel: String, Sendable, Codable { case exponential, uniform }

    public var kernel: Kernel
    /// Draw only from the same position in the season (period > 1).
    public var seasonal: Bool
    /// The exponential kernel's weight: a past value `d` steps (seasonal: seasons) back has weight `exp(−λ·d)`.
    public var lambda: Double
    /// At most this many past values are kept (Amazon's default context: the whole training range, capped).
    public static let contextLength = 1100

    public init(kernel: Kernel = .exponential, seasonal: Bool = true, lambda: Double = 1) {
        self.kernel = kernel
        self.seasonal = seasonal
        self.lambda = lambda
    }

    /// `paths` sample paths of `horizon` steps after `history` (seeded: the same seed, the same paths).
    public func samplePaths(history: [Double], period: Int, horizon: Int, paths: Int, seed: UInt64) -> [[Double]] {
        let context = Array(history.suffix(Self.contextLength))
        guard !context.isEmpty else { return [[Double]](repeating: [Double](repeating: 0, count: horizon), count: paths) }
        let useSeason = seasonal && period > 1 && context.count >= period
        var generator = SplitMix64(seed: seed)
        return (0..<paths).map { _ in
            var series = context
            var path: [Double] = []
            for _ in 0..<horizon {
                let time = series.count
                let candidates = useSeason
                    ? Array(stride(from: time - period, through: 0, by: -period))
                    : Array((0..<time).reversed())
                let weights = candidates.enumerated().map { distance, _ in
                    kernel == .uniform ? 1 : exp(-lambda * Double(distance + 1) / (useSeason ? 1 : Double(max(1, period))))
                }
                let total = weights.reduce(0, +)
                var target = generator.nextUniform() * total
                var chosen = candidates[0]
                for (index, weight) in weights.enumerated() {
                    target -= weight
                    if target <= 0 {
                        chosen = candidates[index]
                        break
                    }
                }
                let value = series[chosen]
                series.append(value)
                path.append(value)
            }
            return path
        }
    }
}
