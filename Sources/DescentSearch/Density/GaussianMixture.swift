import DescentBase

/// A one-dimensional mixture of normals Σ w_k N(μ_k, σ_k²) in a model space (x, or ln x for
/// log-scaled hyperparameters), with the densities and draws of hyperopt's "GMM1" and
/// "LGMM1" (Bergstra et al. 2011, §4; hyperopt 0.3.0 `tpe.py`).
///
/// Per-component constants are computed once, so evaluating a density allocates nothing.
public struct GaussianMixture: Hashable, Sendable {
    /// Normalised weights.
    public let weights: [Double]
    public let means: [Double]
    public let sigmas: [Double]
    /// ln w_k − ln σ_k − ½ ln 2π.
    let logCoefficients: [Double]
    let inverseSigmas: [Double]
    let totalWeight: Double

    /// `weights` need not be normalised; they are divided by their sum.
    public init(weights: [Double], means: [Double], sigmas: [Double]) {
        precondition(weights.count == means.count && means.count == sigmas.count && !weights.isEmpty)
        let sum = weights.reduce(0, +)
        self.weights = weights.map { $0 / sum }
        self.means = means
        self.sigmas = sigmas
        logCoefficients = zip(self.weights, sigmas).map {
            LibM.log($0) - LibM.log($1) - StandardNormal.halfLogTwoPi
        }
        inverseSigmas = sigmas.map { 1 / $0 }
        totalWeight = self.weights.reduce(0, +)
    }

    public var count: Int { weights.count }

    /// ln Σ_k w_k φ((t − μ_k)/σ_k)/σ_k: the untruncated log density (log-sum-exp).
    public func logDensity(_ t: Double) -> Double {
        var maximum = -Double.infinity
        for k in 0..<count {
            let z = (t - means[k]) * inverseSigmas[k]
            maximum = Swift.max(maximum, logCoefficients[k] - 0.5 * z * z)
        }
        guard maximum.isFinite else { return maximum }
        var sum = 0.0
        for k in 0..<count {
            let z = (t - means[k]) * inverseSigmas[k]
            sum += LibM.exp(logCoefficients[k] - 0.5 * z * z - maximum)
        }
        return maximum + LibM.log(sum)
    }

    /// hyperopt's per-component CDF Φ_k(t) = ½(1 + erf((t − μ_k)/max(√2σ_k, 1e-12))).
    public func componentCDF(_ k: Int, _ t: Double) -> Double {
        0.5 * (1 + LibM.erf((t - means[k]) / Swift.max(2.0.squareRoot() * sigmas[k], 1e-12)))
    }

    /// Σ_k w_k [Φ_k(high) − Φ_k(low)]: the mixture's mass on [low, high].
    public func mass(from low: Double, to high: Double) -> Double {
        var p = 0.0
        for k in 0..<count { p += weights[k] * (componentCDF(k, high) - componentCDF(k, low)) }
        return p
    }

    /// hyperopt's `GMM1_lpdf` with bounds: the log density of the whole mixture truncated to
    /// [low, high) and renormalised by its mass P_acc (not per component).
    public func truncatedLogDensity(_ t: Double, low: Double, high: Double) -> Double {
        logDensity(t) - LibM.log(mass(from: low, to: high))
    }

    /// hyperopt's `LGMM1_lpdf`: the density at x > 0 of exp(T), T following this mixture
    /// (the −ln x Jacobian included). As in hyperopt, the truncation mass is not applied.
    public func logNormalLogDensity(_ x: Double) -> Double {
        logDensity(LibM.log(x)) - LibM.log(x)
    }

    /// hyperopt's quantised `GMM1_lpdf`: ln of the mass on [max(x − q/2, low), min(x + q/2,
    /// high)] over the mass on [low, high]. In log space (`logScaled`), the interval is taken
    /// in x and mapped through ln(max(·, 1e-12)), with `low`/`high` exponents.
    public func quantizedLogDensity(_ x: Double, q: Double, low: Double, high: Double, logScaled: Bool) -> Double {
        let p: Double
        if logScaled {
            let lo = Swift.max(0, Swift.max(x - q / 2, LibM.exp(low)))
            let hi = Swift.min(x + q / 2, LibM.exp(high))
            p = mass(from: LibM.log(Swift.max(lo, 1e-12)), to: LibM.log(Swift.max(hi, 1e-12)))
        } else {
            p = mass(from: Swift.max(x - q / 2, low), to: Swift.min(x + q / 2, high))
        }
        guard p > 0 else { return -.infinity }
        return LibM.log(p) - LibM.log(mass(from: low, to: high))
    }

    /// One draw of the mixture truncated to [low, high) (low < high) by hyperopt's rejection
    /// rule: pick a component by weight, draw from it, and on rejection pick the component
    /// again — at most `Distribution.maximumRedraws` times, after which the last draw is
    /// clamped into the range (a range too narrow for the draws to round into).
    public func sampleTruncated(low: Double, high: Double, using rng: inout Xoshiro256StarStar) -> Double {
        weights.withUnsafeBufferPointer { w in
            var z = low
            for _ in 0..<Distribution.maximumRedraws {
                let k = rng.index(weightedBy: w, total: totalWeight)
                z = means[k] + sigmas[k] * rng.standardNormal()
                if low <= z && z < high { return z }
            }
            return Distribution.clamp(z, below: low, high)
        }
    }
}
