/// Summaries of simulated sample paths: per step, the mean and the quantiles (the value at rank ⌊q·n⌋ of the n
/// sorted draws).
public enum PathSummary {
    /// Per step, the paths' mean.
    public static func mean(_ paths: [[Double]]) -> [Double] {
        guard let horizon = paths.first?.count else { return [] }
        return (0..<horizon).map { step in paths.reduce(0) { $0 + $1[step] } / Double(paths.count) }
    }

    /// Per quantile level (0–1), the value of each step.
    public static func quantiles(_ paths: [[Double]], levels: [Double]) -> [[Double]] {
        guard let horizon = paths.first?.count else { return levels.map { _ in [] } }
        let sortedSteps = (0..<horizon).map { step in paths.map { $0[step] }.sorted() }
        return levels.map { level in
            sortedSteps.map { sorted in sorted[min(sorted.count - 1, Int(level * Double(sorted.count)))] }
        }
    }
}
