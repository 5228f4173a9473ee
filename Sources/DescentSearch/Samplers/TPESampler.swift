#if canImport(Glibc)
import DescentBase
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The Tree-structured Parzen Estimator with hyperopt 0.3.0's semantics (Bergstra, Bardenet,
/// Bengio & Kégl, "Algorithms for Hyper-Parameter Optimization", NeurIPS 2011).
///
/// After `startupTrials` prior draws, each suggestion splits the N trials so far into the best
/// n = min(⌈γ√N⌉, cap) ("below", stable by (objective, id)) and the rest ("above"; diverged
/// trials, at +∞, land there). Then, for each dimension on its own, it fits the adaptive
/// Parzen estimators l (below) and g (above) — prior mean as a neighbour, prior weight w_p,
/// linear forgetting 25 — draws `candidates` points from l truncated to the bounds, and keeps
/// the one maximising ln l(x) − ln g(x) (expected improvement; first maximum on ties).
///
/// Scores use the untruncated mixture densities in model space for continuous dimensions: the
/// truncation mass and the log-scale Jacobian are the same for every candidate, so the argmax
/// is hyperopt's. Quantised dimensions use interval masses, as hyperopt does.
public struct TPESampler: Sampler {
    public struct Configuration: Hashable, Sendable {
        /// Prior draws before the first model (hyperopt `n_startup_jobs`).
        public var startupTrials = 20
        /// Candidates drawn from l per dimension (hyperopt `n_EI_candidates`).
        public var candidates = 24
        /// The good set's size is min(⌈γ√N⌉, `goodSetCap`).
        public var gamma = 0.25
        public var goodSetCap = 25
        /// The prior component's weight (pseudo-count for choices).
        public var priorWeight = 1.0
        /// Observations beyond the newest `forgetting` are down-weighted linearly.
        public var forgetting = AdaptiveParzen.defaultForgetting

        /// hyperopt's defaults.
        public static let hyperopt = Configuration()

        public init() {}
    }

    public var configuration: Configuration

    public init(_ configuration: Configuration = .hyperopt) { self.configuration = configuration }

    /// The number of "below" trials among `n`: min(⌈γ√n⌉, cap).
    public func belowCount(_ n: Int) -> Int {
        Swift.min(Int((configuration.gamma * Double(n).squareRoot()).rounded(.up)), configuration.goodSetCap)
    }

    public func suggest(in space: SearchSpace, after history: [Trial], using rng: inout Xoshiro256StarStar) -> [Double] {
        if history.count < configuration.startupTrials {
            return RandomSampler().suggest(in: space, after: history, using: &rng)
        }
        let split = TrialSplit(history, belowCount: belowCount(history.count))
        return space.dimensions.indices.map { d in
            suggest(space.dimensions[d].distribution, below: split.below.map { $0.coordinates[d] },
                    above: split.above.map { $0.coordinates[d] }, using: &rng)
        }
    }

    /// The winning coordinate of one dimension from its below and above observations.
    public func suggest(
        _ distribution: Distribution, below: [Double], above: [Double], using rng: inout Xoshiro256StarStar
    ) -> Double {
        let c = configuration
        guard let (a, b) = distribution.modelBounds else {
            let k = distribution.optionCount
            let l = CategoricalPosterior(below.map { Int($0) }, optionCount: k, priorWeight: c.priorWeight, forgetting: c.forgetting)
            let g = CategoricalPosterior(above.map { Int($0) }, optionCount: k, priorWeight: c.priorWeight, forgetting: c.forgetting)
            return Double(argmax(count: c.candidates) {
                let j = l.sample(using: &rng)
                return (Double(j), l.logProbabilities[j] - g.logProbabilities[j])
            })
        }
        let log = distribution.isLogScaled
        let floor = Swift.max(1e-12, LibM.exp(a))
        let model = { (x: Double) -> Double in
            guard log else { return x }
            return distribution.quantum == nil ? LibM.log(x) : LibM.log(Swift.max(x, floor))
        }
        let mean = Distribution.midpoint(a, b), sigma = b - a
        let l = AdaptiveParzen.estimate(below.map(model), priorWeight: c.priorWeight, priorMean: mean, priorSigma: sigma, forgetting: c.forgetting)
        let g = AdaptiveParzen.estimate(above.map(model), priorWeight: c.priorWeight, priorMean: mean, priorSigma: sigma, forgetting: c.forgetting)
        if let q = distribution.quantum {
            return argmax(count: c.candidates) {
                let z = l.sampleTruncated(low: a, high: b, using: &rng)
                let x = Distribution.quantize(log ? LibM.exp(z) : z, q)
                let score = l.quantizedLogDensity(x, q: q, low: a, high: b, logScaled: log)
                    - g.quantizedLogDensity(x, q: q, low: a, high: b, logScaled: log)
                return (x, score)
            }
        }
        return argmax(count: c.candidates) {
            let z = l.sampleTruncated(low: a, high: b, using: &rng)
            return (log ? LibM.exp(z) : z, l.logDensity(z) - g.logDensity(z))
        }
    }
}

/// Draws `count` (value, score) pairs and returns the value of the first highest score; NaN
/// scores never win. Allocates nothing.
@inlinable func argmax(count: Int, _ draw: () -> (value: Double, score: Double)) -> Double {
    var best = draw()
    if best.score.isNaN { best.score = -.infinity }
    for _ in 1..<Swift.max(count, 1) {
        let next = draw()
        if next.score > best.score { best = next }
    }
    return best.value
}
