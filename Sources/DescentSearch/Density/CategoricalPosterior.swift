import DescentBase

/// hyperopt's model of a choice among K options: π_j ∝ c_j + w_p, where c_j sums the
/// linear-forgetting weights of the observations equal to j (Bergstra et al. 2011; hyperopt
/// `ap_categorical_sampler`).
public struct CategoricalPosterior: Hashable, Sendable {
    /// Normalised probabilities of the options.
    public let probabilities: [Double]
    public let logProbabilities: [Double]

    /// `observations` are option indices in chronological order.
    public init(
        _ observations: [Int], optionCount: Int, priorWeight: Double,
        forgetting: Int = AdaptiveParzen.defaultForgetting
    ) {
        let weights = AdaptiveParzen.linearForgettingWeights(observations.count, forgetting)
        var counts = [Double](repeating: priorWeight, count: optionCount)
        for (o, w) in zip(observations, weights) { counts[o] += w }
        let total = counts.reduce(0, +)
        probabilities = counts.map { $0 / total }
        logProbabilities = probabilities.map { LibM.log($0) }
    }

    /// One option index drawn from the probabilities.
    public func sample(using rng: inout Xoshiro256StarStar) -> Int {
        probabilities.withUnsafeBufferPointer { rng.index(weightedBy: $0, total: 1) }
    }
}
