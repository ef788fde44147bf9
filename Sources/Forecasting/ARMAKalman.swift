import Foundation

/// The exact Gaussian likelihood of a stationary ARMA model by the Kalman filter on its state-space form (Harvey's:
/// x_t = T x_{t−1} + R ε_t, y_t = first element of x_t), started from the stationary state covariance, with the
/// innovation variance σ² concentrated out — the likelihood R's `arima` maximises.
///
/// T is a companion matrix (first column φ, ones above the diagonal) and the state covariance P symmetric, so both
/// the filter and the stationary covariance work on P's upper triangle in O(r²) a step: the optimiser evaluates the
/// likelihood thousands of times per candidate order.
struct ARMAKalman {
    let ar: [Double]
    let ma: [Double]
    let dimension: Int

    init(ar: [Double], ma: [Double]) {
        self.ar = ar
        self.ma = ma
        dimension = max(ar.count, ma.count + 1)
    }

    /// φ₁…φ_r, zero past the AR order.
    private var paddedAR: [Double] { (0..<dimension).map { $0 < ar.count ? ar[$0] : 0 } }
    /// R = (1, θ₁…θ_{r−1}), zero past the MA order.
    private var paddedLoading: [Double] { (0..<dimension).map { $0 == 0 ? 1 : ($0 - 1 < ma.count ? ma[$0 - 1] : 0) } }

    /// −2 log-likelihood (without the constant n·log 2π + n) of `values − mean`, the profiled σ², and the state
    /// filtered at the last observation (what forecasts start from), or nil when the model has no stationary state
    /// covariance.
    func likelihood(_ values: [Double], mean: Double = 0)
        -> (minusTwoLogLikelihood: Double, variance: Double, filtered: [Double])?
    {
        let r = dimension
        let phi = paddedAR
        let loading = paddedLoading
        guard var covariance = stationaryCovariance(phi: phi, loading: loading) else { return nil }
        var state = [Double](repeating: 0, count: r)
        var firstRow = [Double](repeating: 0, count: r + 1)
        var filtered = state
        var sumOfSquares = 0.0
        var sumOfLogs = 0.0
        var used = 0
        covariance.withUnsafeMutableBufferPointer { p in
            state.withUnsafeMutableBufferPointer { a in
                firstRow.withUnsafeMutableBufferPointer { f in
                    for (index, value) in values.enumerated() {
                        let innovation = value - mean - a[0]
                        let variance = p[0]
                        // P's first row (= its first column), with a zero past the end for the shifts below.
                        for i in 0..<r { f[i] = p[i] }
                        let observed = variance > 1e-10
                        if observed {
                            sumOfSquares += innovation * innovation / variance
                            sumOfLogs += log(variance)
                            used += 1
                            let step = innovation / variance
                            for i in 0..<r { a[i] += f[i] * step }
                        }
                        if index == values.count - 1 { filtered = Array(a) }
                        // a ← T a
                        let first = a[0]
                        for i in 0..<r { a[i] = phi[i] * first + (i + 1 < r ? a[i + 1] : 0) }
                        // P ← T (P − P[·,0] P[0,·] / P₀₀) Tᵀ + R Rᵀ. Observed, the first state is known exactly, so
                        // the first row and column of the bracket vanish and T only shifts it. Each entry (i, j)
                        // reads (i + 1, j + 1), which comes later in row order, so the update runs in place.
                        if observed {
                            let inverse = 1 / variance
                            for i in 0..<r {
                                for j in i..<r {
                                    let shifted =
                                        j + 1 < r ? p[(i + 1) * r + j + 1] - f[i + 1] * f[j + 1] * inverse : 0
                                    p[i * r + j] = shifted + loading[i] * loading[j]
                                }
                            }
                        } else {
                            for i in 0..<r {
                                for j in i..<r {
                                    var next = phi[i] * phi[j] * variance + phi[i] * f[j + 1] + phi[j] * f[i + 1]
                                    if j + 1 < r { next += p[(i + 1) * r + j + 1] }
                                    p[i * r + j] = next + loading[i] * loading[j]
                                }
                            }
                        }
                    }
                }
            }
        }
        guard used > 0, sumOfSquares > 0 else { return nil }
        let n = Double(used)
        let variance = sumOfSquares / n
        return (n * log(variance) + sumOfLogs, variance, filtered)
    }

    /// One step of the state equation: x ← T x + R ε.
    func step(_ state: inout [Double], shock: Double) {
        let first = state[0]
        for i in 0..<dimension {
            let coefficient = i < ar.count ? ar[i] : 0
            let loading = i == 0 ? 1 : (i - 1 < ma.count ? ma[i - 1] : 0)
            state[i] = coefficient * first + (i + 1 < dimension ? state[i + 1] : 0) + loading * shock
        }
    }

    /// The upper triangle (row-major, r × r) of P solving P = T P Tᵀ + R Rᵀ, or nil when there is none (an AR
    /// polynomial with a root on the unit circle). T's companion form gives, entry by entry, P[i][j] = φᵢφⱼP₀₀ +
    /// φᵢP₀,ⱼ₊₁ + φⱼP₀,ᵢ₊₁ + P[i+1][j+1] + RᵢRⱼ (indices past r read zero): along each diagonal every entry follows
    /// from the first row. Unrolled from (0, j), that is r linear equations in the first row alone, solved once;
    /// the rest of P then follows by the same recursion from the bottom up.
    func stationaryCovariance(phi: [Double], loading: [Double]) -> [Double]? {
        let r = dimension
        var system = [Double](repeating: 0, count: r * r)
        var right = [Double](repeating: 0, count: r)
        for j in 0..<r {
            system[j * r + j] += 1
            for m in 0..<(r - j) {
                system[j * r] -= phi[m] * phi[j + m]
                if j + m + 1 < r { system[j * r + j + m + 1] -= phi[m] }
                if m + 1 < r { system[j * r + m + 1] -= phi[j + m] }
                right[j] += loading[m] * loading[j + m]
            }
        }
        guard var first = Self.solve(system, right, size: r), first[0] > 0 else { return nil }
        first.append(0)
        var covariance = [Double](repeating: 0, count: r * r)
        for i in stride(from: r - 1, through: 0, by: -1) {
            for j in i..<r {
                var entry = phi[i] * phi[j] * first[0] + phi[i] * first[j + 1] + phi[j] * first[i + 1]
                    + loading[i] * loading[j]
                if j + 1 < r { entry += covariance[(i + 1) * r + j + 1] }
                covariance[i * r + j] = entry
            }
        }
        return covariance.allSatisfy(\.isFinite) ? covariance : nil
    }

    /// x solving A x = b (A row-major, size × size) by Gaussian elimination with partial pivoting; nil when A is
    /// singular to working precision.
    private static func solve(_ matrix: [Double], _ vector: [Double], size n: Int) -> [Double]? {
        var a = matrix
        var b = vector
        for column in 0..<n {
            var pivot = column
            for row in (column + 1)..<max(column + 1, n) where abs(a[row * n + column]) > abs(a[pivot * n + column]) {
                pivot = row
            }
            guard abs(a[pivot * n + column]) > 1e-14 else { return nil }
            if pivot != column {
                for k in 0..<n { a.swapAt(pivot * n + k, column * n + k) }
                b.swapAt(pivot, column)
            }
            for row in (column + 1)..<max(column + 1, n) {
                let factor = a[row * n + column] / a[column * n + column]
                if factor == 0 { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in (row + 1)..<max(row + 1, n) { sum -= a[row * n + k] * x[k] }
            x[row] = sum / a[row * n + row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }
}
