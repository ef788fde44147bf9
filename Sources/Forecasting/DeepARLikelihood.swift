import Foundation

/// The distributions DeepAR's network outputs, as Amazon's DeepAR+ names them (`likelihood` hyperparameter): the
/// network's read-out becomes the distribution's parameters for the next value (on the item's scale).
public enum DeepARLikelihood: String, Sendable, Codable, CaseIterable {
    case gaussian
    case studentT = "student-T"
    /// For counts: mean μ = scale·softplus(r₀), shape α = softplus(r₁)/√scale (Salinas et al.).
    case negativeBinomial = "negative-binomial"

    /// Whether values may be any real number (Gaussian, Student-t), rather than counts.
    var isRealValued: Bool { self != .negativeBinomial }

    /// How many read-out values the distribution takes.
    var parameterCount: Int { self == .studentT ? 3 : 2 }

    /// The negative log-likelihood of `y` (original units) given the read-out `r` for an item of `scale`, and its
    /// derivatives with respect to each read-out value.
    func loss(_ y: Double, readOut r: [Double], scale: Double) -> (value: Double, gradient: [Double]) {
        switch self {
        case .gaussian:
            let z = y / scale
            let sigma = Self.softplus(r[1]) + 1e-3
            let error = z - r[0]
            let value = log(sigma) + 0.5 * error * error / (sigma * sigma)
            let dSigma = 1 / sigma - error * error / (sigma * sigma * sigma)
            return (value, [-error / (sigma * sigma), dSigma * Self.sigmoid(r[1])])
        case .studentT:
            let z = y / scale
            let sigma = Self.softplus(r[1]) + 1e-3
            let nu = 2 + Self.softplus(r[2])
            let standard = (z - r[0]) / sigma
            let q = 1 + standard * standard / nu
            let normaliser: Double = lgamma(nu / 2) - lgamma((nu + 1) / 2) + 0.5 * log(Double.pi * nu)
            let value: Double = normaliser + log(sigma) + (nu + 1) / 2 * log(q)
            let weight: Double = (nu + 1) / (nu * q)
            let dMu: Double = -weight * standard / sigma
            let dSigma: Double = 1 / sigma - weight * standard * standard / sigma
            let digammas: Double = 0.5 * Self.digamma(nu / 2) - 0.5 * Self.digamma((nu + 1) / 2)
            let tail: Double = (nu + 1) / 2 * (standard * standard / (nu * nu)) / q
            let dNu: Double = digammas + 0.5 / nu + 0.5 * log(q) - tail
            return (value, [dMu, dSigma * Self.sigmoid(r[1]), dNu * Self.sigmoid(r[2])])
        case .negativeBinomial:
            let count = max(0, y.rounded())
            let mu = scale * Self.softplus(r[0]) + 1e-6
            let alpha = Self.softplus(r[1]) / scale.squareRoot() + 1e-6
            let shape = 1 / alpha
            let gammas: Double = lgamma(count + shape) - lgamma(count + 1) - lgamma(shape)
            let logs: Double = shape * log(shape / (shape + mu)) + count * log(mu / (shape + mu))
            let value: Double = -(gammas + logs)
            let dMu: Double = (shape + count) / (shape + mu) - count / mu
            let digammas: Double = Self.digamma(count + shape) - Self.digamma(shape)
            let dShape: Double = -(digammas + log(shape / (shape + mu)) + 1 - (shape + count) / (shape + mu))
            let dAlpha: Double = dShape * (-1 / (alpha * alpha))
            return (value, [dMu * scale * Self.sigmoid(r[0]), dAlpha * Self.sigmoid(r[1]) / scale.squareRoot()])
        }
    }

    /// A draw of the next value (original units) given the read-out.
    func sample(readOut r: [Double], scale: Double, generator: inout SplitMix64) -> Double {
        switch self {
        case .gaussian:
            return scale * (r[0] + (Self.softplus(r[1]) + 1e-3) * generator.nextGaussian())
        case .studentT:
            let nu = 2 + Self.softplus(r[2])
            // t = N / √(χ²_ν / ν), the chi-square as a gamma draw.
            let chiSquare = 2 * Self.gammaDraw(shape: nu / 2, generator: &generator)
            let t = generator.nextGaussian() / max(1e-12, (chiSquare / nu).squareRoot())
            return scale * (r[0] + (Self.softplus(r[1]) + 1e-3) * t)
        case .negativeBinomial:
            let mu = scale * Self.softplus(r[0]) + 1e-6
            let shape = 1 / (Self.softplus(r[1]) / scale.squareRoot() + 1e-6)
            let rate = Self.gammaDraw(shape: shape, generator: &generator) * mu / shape
            return Self.poissonDraw(rate, generator: &generator)
        }
    }

    static func softplus(_ x: Double) -> Double { x > 30 ? x : log1p(exp(x)) }
    static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// ψ(x) by recurrence up to x ≥ 6 and the asymptotic series.
    static func digamma(_ x: Double) -> Double {
        var x = x
        var result = 0.0
        while x < 6 {
            result -= 1 / x
            x += 1
        }
        let inverse = 1 / (x * x)
        return result + log(x) - 0.5 / x
            - inverse * (1.0 / 12 - inverse * (1.0 / 120 - inverse * (1.0 / 252 - inverse * (1.0 / 240 - inverse / 132))))
    }

    /// A Gamma(shape, 1) draw (Marsaglia and Tsang; shapes below 1 boosted by U^(1/shape)).
    static func gammaDraw(shape: Double, generator: inout SplitMix64) -> Double {
        if shape < 1 {
            return gammaDraw(shape: shape + 1, generator: &generator) * pow(generator.nextUniform(), 1 / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = generator.nextGaussian()
            let v = pow(1 + c * x, 3)
            guard v > 0 else { continue }
            let u = generator.nextUniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v }
        }
    }

    /// A Poisson draw: by multiplication of uniforms for small rates, a rounded normal for large ones.
    static func poissonDraw(_ rate: Double, generator: inout SplitMix64) -> Double {
        guard rate > 0 else { return 0 }
        if rate > 50 { return max(0, (rate + rate.squareRoot() * generator.nextGaussian()).rounded()) }
        let limit = exp(-rate)
        var product = generator.nextUniform()
        var count = 0.0
        while product > limit {
            product *= generator.nextUniform()
            count += 1
        }
        return count
    }
}
