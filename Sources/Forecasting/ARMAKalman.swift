import Foundation

/// The exact Gaussian likelihood of a stationary ARMA model by the Kalman filter on its state-space form (Harvey's:
/// x_t = T x_{t−1} + R ε_t, y_t = first element of x_t), started from the stationary state covariance, with the
/// innovation variance σ² concentrated out — the likelihood R's `arima` maximises.
struct ARMAKalman {
    let ar: [Double]
    let ma: [Double]
    let dimension: Int

    init(ar: [Double], ma: [Double]) {
        self.ar = ar
        self.ma = ma
        dimension = max(ar.count, ma.count + 1)
    }

    /// −2 log-likelihood (without the constant n·log 2π + n), the profiled σ², and the state filtered at the last
    /// observation (what forecasts start from), or nil when the state covariance does not settle.
    func likelihood(_ values: [Double]) -> (minusTwoLogLikelihood: Double, variance: Double, filtered: [Double])? {
        let r = dimension
        let phi = (0..<r).map { $0 < ar.count ? ar[$0] : 0 }
        let loading = (0..<r).map { $0 == 0 ? 1 : ($0 - 1 < ma.count ? ma[$0 - 1] : 0) }
        guard var covariance = stationaryCovariance(phi: phi, loading: loading) else { return nil }
        var state = [Double](repeating: 0, count: r)
        var sumOfSquares = 0.0
        var sumOfLogs = 0.0
        var used = 0
        var gain = [Double](repeating: 0, count: r)
        var product = [Double](repeating: 0, count: r * r)
        var filtered = state
        for value in values {
            let innovation = value - state[0]
            let variance = covariance[0]
            if variance > 1e-10 {
                sumOfSquares += innovation * innovation / variance
                sumOfLogs += log(variance)
                used += 1
                for i in 0..<r { gain[i] = covariance[i * r] / variance }
                for i in 0..<r { state[i] += gain[i] * innovation }
                // P ← P − K·P[0,·] (the first row read before any of it changes)
                let firstRow = Array(covariance[0..<r])
                for i in 0..<r {
                    let factor = gain[i]
                    if factor == 0 { continue }
                    for j in 0..<r { covariance[i * r + j] -= factor * firstRow[j] }
                }
            }
            filtered = state
            // a ← T a (companion structure: first column φ, ones above the diagonal).
            let first = state[0]
            for i in 0..<r { state[i] = phi[i] * first + (i + 1 < r ? state[i + 1] : 0) }
            // P ← T P Tᵀ + R Rᵀ, in O(r²) with the same structure.
            for i in 0..<r {
                for j in 0..<r { product[i * r + j] = phi[i] * covariance[j] + (i + 1 < r ? covariance[(i + 1) * r + j] : 0) }
            }
            for i in 0..<r {
                for j in 0..<r {
                    covariance[i * r + j] = product[i * r] * phi[j] + (j + 1 < r ? product[i * r + j + 1] : 0)
                        + loading[i] * loading[j]
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

    /// P solving P = T P Tᵀ + R Rᵀ, by doubling (P = Σ Tᵏ R Rᵀ Tᵏᵀ): nil when it does not converge.
    private func stationaryCovariance(phi: [Double], loading: [Double]) -> [Double]? {
        let r = dimension
        var power = [Double](repeating: 0, count: r * r)
        for i in 0..<r {
            power[i * r] = phi[i]
            if i + 1 < r { power[i * r + i + 1] = 1 }
        }
        var sum = [Double](repeating: 0, count: r * r)
        for i in 0..<r { for j in 0..<r { sum[i * r + j] = loading[i] * loading[j] } }
        func multiply(_ a: [Double], _ b: [Double], transposeB: Bool = false) -> [Double] {
            var c = [Double](repeating: 0, count: r * r)
            for i in 0..<r {
                for k in 0..<r {
                    let left = a[i * r + k]
                    if left == 0 { continue }
                    for j in 0..<r { c[i * r + j] += left * (transposeB ? b[j * r + k] : b[k * r + j]) }
                }
            }
            return c
        }
        for _ in 0..<40 {
            let step = multiply(multiply(power, sum), power, transposeB: true)
            var change = 0.0
            for index in 0..<(r * r) {
                sum[index] += step[index]
                change = max(change, abs(step[index]))
            }
            power = multiply(power, power)
            if change < 1e-12 * max(1, abs(sum[0])) { return sum.allSatisfy(\.isFinite) ? sum : nil }
        }
        return nil
    }
}
