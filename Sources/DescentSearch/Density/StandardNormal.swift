import DescentBase

/// The standard normal distribution's functions, on which every Parzen estimator rests.
public enum StandardNormal {
    /// ½ ln 2π.
    public static let halfLogTwoPi = 0.918_938_533_204_672_7

    /// Φ(z) = ½ erfc(−z/√2), accurate in both tails.
    @inlinable public static func cdf(_ z: Double) -> Double {
        0.5 * LibM.erfc(-z * 0.707_106_781_186_547_6)
    }

    /// ln φ(z).
    @inlinable public static func logPDF(_ z: Double) -> Double { -0.5 * z * z - halfLogTwoPi }

    /// ln(Φ(b) − Φ(a)) for a < b, computed on the side where the tail probabilities do not
    /// cancel (both bounds far in the upper tail use the survival function).
    @inlinable public static func logIntervalMass(_ a: Double, _ b: Double) -> Double {
        if a > 0 { return LibM.log(cdf(-a) - cdf(-b)) }
        return LibM.log(cdf(b) - cdf(a))
    }

    /// The u-quantile (u ∈ [0, 1)) of the standard normal truncated to [a, b]: the inverse-CDF
    /// draw optuna uses. An interval in the upper half is reflected into the lower one, where
    /// Φ keeps its relative precision (once: the reflection of [a, b] with 0 < a ≤ b lies below
    /// 0; an inverted or NaN interval, which would reflect back and forth, is not reflected).
    public static func truncatedQuantile(_ u: Double, _ a: Double, _ b: Double) -> Double {
        if a > 0 && a <= b { return -truncatedQuantile(1 - u, -b, -a) }
        let lo = cdf(a), hi = cdf(b)
        return Swift.min(Swift.max(quantile(lo + u * (hi - lo)), a), b)
    }

    /// Φ⁻¹(p) for p ∈ (0, 1): Acklam's rational approximation (relative error 1.15e-9), then
    /// one Halley step on Φ, which brings it to about machine precision.
    public static func quantile(_ p: Double) -> Double {
        if p <= 0 { return -.infinity }
        if p >= 1 { return .infinity }
        let a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00]
        let b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                 6.680131188771972e+01, -1.328068155288572e+01]
        let c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                 -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00]
        let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
        let pLow = 0.02425
        var x: Double
        if p < pLow {
            let q = (-2 * LibM.log(p)).squareRoot()
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        } else if p <= 1 - pLow {
            let q = p - 0.5, r = q * q
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
                / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
        } else {
            let q = (-2 * LibM.log1p(-p)).squareRoot()
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
                / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        }
        // Halley refinement: e = Φ(x) − p, u = e·√(2π)·e^{x²/2}.
        let e = cdf(x) - p
        let u = e * (2 * Double.pi).squareRoot() * LibM.exp(0.5 * x * x)
        x -= u / (1 + 0.5 * x * u)
        return x
    }
}
