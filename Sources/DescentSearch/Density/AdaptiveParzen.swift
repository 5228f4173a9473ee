/// hyperopt's adaptive Parzen estimator (`adaptive_parzen_normal`, Bergstra et al. 2011 §4):
/// one normal per observation plus the prior N(μ_p, σ_p) inserted among the sorted points,
/// each σ the larger gap to its neighbours — the prior mean counted as a neighbour — clipped
/// to [σ_p / min(100, n + 2), σ_p]; weights from linear forgetting.
public enum AdaptiveParzen {
    /// hyperopt's hard-coded linear-forgetting horizon.
    public static let defaultForgetting = 25

    /// The model of `observations` (chronological, in model space) with the prior
    /// (μ_p, σ_p, weight w_p), components sorted by mean.
    public static func estimate(
        _ observations: [Double], priorWeight: Double, priorMean: Double, priorSigma: Double,
        forgetting: Int = defaultForgetting
    ) -> GaussianMixture {
        let n = observations.count
        if n == 0 {
            return GaussianMixture(weights: [1], means: [priorMean], sigmas: [priorSigma])
        }
        if n == 1 {
            let o = observations[0]
            let sigmas = clip([priorSigma, 0.5 * priorSigma], priorSigma: priorSigma, components: 2)
            if priorMean < o {
                return GaussianMixture(weights: [priorWeight, 1], means: [priorMean, o], sigmas: [priorSigma, sigmas[1]])
            }
            return GaussianMixture(weights: [1, priorWeight], means: [o, priorMean], sigmas: [sigmas[1], priorSigma])
        }
        // Stable ascending order of the observations (ties keep chronological order).
        let order = observations.indices.sorted { (observations[$0], $0) < (observations[$1], $1) }
        let priorPosition = order.partitioningIndex { observations[$0] >= priorMean }
        var means = [Double](), weights = [Double]()
        means.reserveCapacity(n + 1)
        weights.reserveCapacity(n + 1)
        let chronological = linearForgettingWeights(n, forgetting)
        for (position, i) in order.enumerated() {
            if position == priorPosition {
                means.append(priorMean)
                weights.append(priorWeight)
            }
            means.append(observations[i])
            weights.append(chronological[i])
        }
        if priorPosition == n {
            means.append(priorMean)
            weights.append(priorWeight)
        }
        var sigmas = [Double](repeating: 0, count: n + 1)
        sigmas[0] = means[1] - means[0]
        sigmas[n] = means[n] - means[n - 1]
        for i in 1..<n { sigmas[i] = Swift.max(means[i] - means[i - 1], means[i + 1] - means[i]) }
        sigmas = clip(sigmas, priorSigma: priorSigma, components: n + 1)
        sigmas[priorPosition] = priorSigma
        return GaussianMixture(weights: weights, means: means, sigmas: sigmas)
    }

    /// hyperopt's "magic clip": σ ∈ [σ_p / min(100, 1 + components), σ_p].
    static func clip(_ sigmas: [Double], priorSigma: Double, components: Int) -> [Double] {
        let minimum = priorSigma / Swift.min(100, Double(1 + components))
        return sigmas.map { Swift.min(Swift.max($0, minimum), priorSigma) }
    }

    /// hyperopt's `linear_forgetting_weights(n, lf)`: all 1 when n ≤ lf; otherwise the oldest
    /// n − lf observations ramp linearly from 1/n to 1 and the newest lf get 1.
    public static func linearForgettingWeights(_ n: Int, _ forgetting: Int) -> [Double] {
        guard n > forgetting else { return [Double](repeating: 1, count: n) }
        let rampCount = n - forgetting
        var weights = [Double](repeating: 1, count: n)
        let start = 1 / Double(n)
        for j in 0..<rampCount {
            weights[j] = rampCount == 1 ? start : start + Double(j) * (1 - start) / Double(rampCount - 1)
        }
        return weights
    }
}
