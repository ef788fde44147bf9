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
    /// The exponential kernel's weight: a past value `d` seasons back (seasonal variant), or `d` periods back counted
    /// in steps / period (non-seasonal variant; steps when the period is 1), has weight `exp(−λ·d)`.
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
        // A candidate's weight depends only on how far back it is (in draws from the newest), so the kernel is
        // computed once for the longest candidate list any step can have.
        let longest = context.count + horizon
        let unit = useSeason ? 1 : Double(max(1, period))
        let kernelWeights = (0..<longest).map { distance in
            kernel == .uniform ? 1 : exp(-lambda * Double(distance + 1) / unit)
        }
        return (0..<paths).map { _ in
            var series = context
            var path: [Double] = []
            for _ in 0..<horizon {
                // Candidates, newest first: the same position in earlier seasons, or every earlier time.
                let time = series.count
                let stepBack = useSeason ? period : 1
                let count = (time - stepBack) / stepBack + 1
                let total = kernelWeights[0..<count].reduce(0, +)
                var target = generator.nextUniform() * total
                var chosen = 0
                while chosen < count - 1 {
                    target -= kernelWeights[chosen]
                    if target <= 0 { break }
                    chosen += 1
                }
                let value = series[time - stepBack * (chosen + 1)]
                series.append(value)
                path.append(value)
            }
            return path
        }
    }
}
