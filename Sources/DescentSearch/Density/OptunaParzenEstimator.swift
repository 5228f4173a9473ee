import DescentBase

/// optuna 5.0.0's multivariate Parzen estimator (`samplers/_tpe/parzen_estimator.py`;
/// Watanabe, "Tree-structured Parzen Estimator: Understanding Its Algorithm Components and
/// Their Roles for Better Empirical Performance", 2023).
///
/// One kernel per observation plus a prior kernel appended last; all dimensions share the
/// kernel index, so the density is logsumexp_k[ln w_k + Σ_d ln K_{k,d}(x_d)]. Continuous
/// kernels are normals truncated to the bounds, each normalised on its own; their σ is the
/// larger neighbour gap among the sorted observations with the bounds as sentinels (extreme
/// points use their inner gap when n ≥ 2; the prior mean is not a neighbour), clipped to
/// [range / min(100, n + 2), range]. The prior kernel is N(mid, range). Choice kernels put
/// 1 + w_p/(n + 1) on the observed option and w_p/(n + 1) on the others, normalised; the
/// prior kernel is uniform. Weights: optuna's `default_weights` ramp, then w_p for the prior.
///
/// Quantised dimensions widen the bounds by q/2 each side and score the kernel mass of
/// [x − q/2, x + q/2]; quantised log dimensions (which optuna lacks) are modelled as
/// continuous in ln x and quantised after sampling.
public struct OptunaParzenEstimator: Sendable {
    struct Continuous: Sendable {
        /// Bounds in model space, widened by q/2 for quantised uniform dimensions.
        var low, high: Double
        var quantum: Double?
        var logScaled: Bool
        var means: [Double]
        var sigmas: [Double]
        /// ln of each kernel's mass on [low, high].
        var logMasses: [Double]
        /// −ln σ_k − ½ ln 2π − ln mass_k: the kernel's log density at its mean.
        var logPeaks: [Double]
    }

    enum Kernel: Sendable {
        case continuous(Continuous)
        /// `logProbabilities[k][j]`: kernel k's log probability of option j.
        case categorical(logProbabilities: [[Double]], probabilities: [[Double]])
    }

    let kernels: [Kernel]
    /// Normalised mixture weights, the prior's last.
    public let weights: [Double]
    let logWeights: [Double]

    /// The estimator of `observations` (each one trial's coordinates, chronological).
    public init(_ observations: [[Double]], space: SearchSpace, priorWeight: Double) {
        let n = observations.count
        var w = Self.defaultWeights(n)
        w.append(priorWeight)
        let total = w.reduce(0, +)
        weights = w.map { $0 / total }
        logWeights = weights.map { LibM.log($0) }
        kernels = space.dimensions.indices.map { d in
            Self.kernel(space.dimensions[d].distribution, observations.map { $0[d] }, priorWeight: priorWeight)
        }
    }

    /// optuna's `default_weights(n)`: 1 for n < 25; otherwise a ramp from 1/n to 1 over the
    /// oldest n − 25 and 1 for the newest 25.
    public static func defaultWeights(_ n: Int) -> [Double] {
        AdaptiveParzen.linearForgettingWeights(n, 25)
    }

    /// The model-space coordinate of a value.
    static func model(_ x: Double, _ distribution: Distribution) -> Double {
        guard distribution.isLogScaled, let (a, _) = distribution.modelBounds else { return x }
        return LibM.log(Swift.max(x, Swift.max(1e-12, LibM.exp(a))))
    }

    static func kernel(_ distribution: Distribution, _ values: [Double], priorWeight: Double) -> Kernel {
        let n = values.count
        guard let (a, b) = distribution.modelBounds else {
            let k = distribution.optionCount
            var rows: [[Double]] = values.map { v in
                var row = [Double](repeating: priorWeight / Double(n + 1), count: k)
                row[Int(v)] += 1
                return row
            }
            rows.append([Double](repeating: 1, count: k))
            let normalised = rows.map { row in row.map { $0 / row.reduce(0, +) } }
            return .categorical(logProbabilities: normalised.map { $0.map { LibM.log($0) } }, probabilities: normalised)
        }
        let step = distribution.isLogScaled ? 0 : (distribution.quantum ?? 0)
        let low = a - step / 2, high = b + step / 2
        let mus = values.map { model($0, distribution) }
        var sigmas = [Double](repeating: 0, count: n)
        if n > 0 {
            let order = mus.indices.sorted { (mus[$0], $0) < (mus[$1], $1) }
            var sorted = [low]
            sorted.append(contentsOf: order.map { mus[$0] })
            sorted.append(high)
            var sortedSigmas = [Double](repeating: 0, count: n)
            for i in 1...n {
                let left: Double = sorted[i] - sorted[i - 1]
                let right: Double = sorted[i + 1] - sorted[i]
                sortedSigmas[i - 1] = Swift.max(left, right)
            }
            if sorted.count >= 4 {
                sortedSigmas[0] = sorted[2] - sorted[1]
                sortedSigmas[n - 1] = sorted[n] - sorted[n - 1]
            }
            for (position, i) in order.enumerated() { sigmas[i] = sortedSigmas[position] }
        }
        let maximum = high - low
        let minimum = maximum / Swift.min(100, Double(n + 2))
        sigmas = sigmas.map { Swift.min(Swift.max($0, minimum), maximum) }
        var means = mus
        means.append(Distribution.midpoint(a, b))
        sigmas.append(maximum)
        let logMasses = zip(means, sigmas).map { m, s in
            StandardNormal.logIntervalMass((low - m) / s, (high - m) / s)
        }
        let logPeaks = zip(sigmas, logMasses).map { -LibM.log($0) - StandardNormal.halfLogTwoPi - $1 }
        return .continuous(Continuous(
            low: low, high: high, quantum: distribution.isLogScaled ? nil : distribution.quantum,
            logScaled: distribution.isLogScaled, means: means, sigmas: sigmas, logMasses: logMasses, logPeaks: logPeaks))
    }

    /// Draws one point: a kernel by weight, then each coordinate from that kernel (truncated
    /// normals by inverse CDF). Writes values into `values` and model coordinates into `model`.
    func sample(
        space: SearchSpace, into values: UnsafeMutableBufferPointer<Double>,
        model: UnsafeMutableBufferPointer<Double>, using rng: inout Xoshiro256StarStar
    ) {
        let k = weights.withUnsafeBufferPointer { rng.index(weightedBy: $0, total: 1) }
        for d in kernels.indices {
            switch kernels[d] {
            case .categorical(_, let probabilities):
                let j = probabilities[k].withUnsafeBufferPointer { rng.index(weightedBy: $0, total: 1) }
                values[d] = Double(j)
                model[d] = Double(j)
            case .continuous(let c):
                let m = c.means[k], s = c.sigmas[k]
                let u = rng.unit()
                var z = m + s * StandardNormal.truncatedQuantile(u, (c.low - m) / s, (c.high - m) / s)
                // NaN when σ rounds to 0 in a range of a few subnormals: take the low bound.
                z = z.isNaN ? c.low : Swift.min(Swift.max(z, c.low), c.high)
                let distribution = space.dimensions[d].distribution
                var x = c.logScaled ? LibM.exp(z) : z
                if let q = distribution.quantum {
                    x = Distribution.quantize(x, q)
                    if !c.logScaled, let (a, b) = distribution.modelBounds { x = Swift.min(Swift.max(x, a), b) }
                    z = Self.model(x, distribution)
                }
                values[d] = x
                model[d] = z
            }
        }
    }

    /// ln of the mixture density at model coordinates `x` (one per dimension). `scratch`
    /// holds at least `weights.count` values; it receives each kernel's log term, so nothing
    /// is allocated.
    func logDensity(_ x: UnsafeMutableBufferPointer<Double>, scratch: UnsafeMutableBufferPointer<Double>) -> Double {
        for k in weights.indices { scratch[k] = logWeights[k] }
        for d in kernels.indices {
            switch kernels[d] {
            case .categorical(let logProbabilities, _):
                let j = Int(x[d])
                for k in weights.indices { scratch[k] += logProbabilities[k][j] }
            case .continuous(let c):
                c.means.withUnsafeBufferPointer { means in
                    c.sigmas.withUnsafeBufferPointer { sigmas in
                        if let q = c.quantum {
                            let lo = Swift.max(x[d] - q / 2, c.low), hi = Swift.min(x[d] + q / 2, c.high)
                            for k in means.indices {
                                let m = means[k], s = sigmas[k]
                                scratch[k] += (lo < hi ? StandardNormal.logIntervalMass((lo - m) / s, (hi - m) / s) : -.infinity) - c.logMasses[k]
                            }
                        } else {
                            for k in means.indices {
                                let z = (x[d] - means[k]) / sigmas[k]
                                scratch[k] += c.logPeaks[k] - 0.5 * z * z
                            }
                        }
                    }
                }
            }
        }
        var maximum = -Double.infinity
        for k in weights.indices { maximum = Swift.max(maximum, scratch[k]) }
        guard maximum.isFinite else { return maximum }
        var sum = 0.0
        for k in weights.indices { sum += LibM.exp(scratch[k] - maximum) }
        return maximum + LibM.log(sum)
    }
}
