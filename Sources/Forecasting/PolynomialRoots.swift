import Foundation

/// The roots of a real polynomial, by the Durand–Kerner (Weierstrass) iteration: enough for the short lag
/// polynomials of ARIMA models.
enum PolynomialRoots {
    /// The smallest modulus among the roots of 1 + c₁z + … + c_k z^k (trailing zero coefficients dropped); nil for a
    /// constant polynomial.
    static func smallestModulus(_ coefficients: [Double]) -> Double? {
        var c = coefficients
        while let last = c.last, abs(last) < 1e-8 { c.removeLast() }
        guard let lead = c.last else { return nil }
        let degree = c.count
        // Monic form: z^k + a_{k−1} z^{k−1} + … + a_0, with a_j = coefficient of z^j / lead (the constant is 1).
        let monic = ([1.0] + c.dropLast()).map { $0 / lead }
        var roots = (0..<degree).map { index in Complex(0.4, 0.9).power(index) }
        for _ in 0..<500 {
            var change = 0.0
            for i in 0..<degree {
                var value = Complex(1, 0)
                for j in stride(from: degree - 1, through: 0, by: -1) { value = value * roots[i] + Complex(monic[j], 0) }
                var denominator = Complex(1, 0)
                for j in 0..<degree where j != i { denominator = denominator * (roots[i] - roots[j]) }
                guard denominator.modulus > 1e-300 else { continue }
                let step = value / denominator
                roots[i] = roots[i] - step
                change = max(change, step.modulus)
            }
            if change < 1e-12 { break }
        }
        return roots.map(\.modulus).min()
    }

    struct Complex {
        var re: Double, im: Double

        init(_ re: Double, _ im: Double) {
            self.re = re
            self.im = im
        }

        var modulus: Double { hypot(re, im) }

        static func + (a: Complex, b: Complex) -> Complex { Complex(a.re + b.re, a.im + b.im) }
        static func - (a: Complex, b: Complex) -> Complex { Complex(a.re - b.re, a.im - b.im) }
        static func * (a: Complex, b: Complex) -> Complex { Complex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re) }
        static func / (a: Complex, b: Complex) -> Complex {
            let d = b.re * b.re + b.im * b.im
            return Complex((a.re * b.re + a.im * b.im) / d, (a.im * b.re - a.re * b.im) / d)
        }

        func power(_ n: Int) -> Complex { (0..<n).reduce(Complex(1, 0)) { product, _ in product * self } }
    }
}
