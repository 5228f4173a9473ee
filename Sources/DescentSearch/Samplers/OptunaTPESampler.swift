/// optuna 5.0.0's `TPESampler` with its defaults (Watanabe 2023; Bergstra et al. 2011):
/// 10 prior draws, then the best min(⌈0.1·N⌉, 25) trials (stable by (objective, id)) against
/// the rest, a multivariate `OptunaParzenEstimator` for each group, 24 joint candidates from
/// the good model, and the argmax of ln l − ln g.
///
/// Differences from optuna: one explicit generator replaces its MT19937 pair; diverged trials
/// are kept in the "above" group at +∞ (optuna drops failed trials), so the model learns to
/// avoid them.
public struct OptunaTPESampler: Sampler {
    public struct Configuration: Hashable, Sendable {
        public var startupTrials = 10
        public var candidates = 24
        /// The good set's size is min(⌈γN⌉, `goodSetCap`).
        public var gamma = 0.1
        public var goodSetCap = 25
        public var priorWeight = 1.0

        /// optuna's defaults.
        public static let optuna = Configuration()

        public init() {}
    }

    public var configuration: Configuration

    public init(_ configuration: Configuration = .optuna) { self.configuration = configuration }

    public func belowCount(_ n: Int) -> Int {
        Swift.min(Int((configuration.gamma * Double(n)).rounded(.up)), configuration.goodSetCap)
    }

    public func suggest(in space: SearchSpace, after history: [Trial], using rng: inout Xoshiro256StarStar) -> [Double] {
        let c = configuration
        if history.count < c.startupTrials || space.dimensions.isEmpty {
            return RandomSampler().suggest(in: space, after: history, using: &rng)
        }
        let split = TrialSplit(history, belowCount: belowCount(history.count))
        let l = OptunaParzenEstimator(split.below.map(\.coordinates), space: space, priorWeight: c.priorWeight)
        let g = OptunaParzenEstimator(split.above.map(\.coordinates), space: space, priorWeight: c.priorWeight)
        let dimensions = space.dimensions.count
        var best = [Double](repeating: 0, count: dimensions)
        var values = [Double](repeating: 0, count: dimensions)
        var model = [Double](repeating: 0, count: dimensions)
        var scratch = [Double](repeating: 0, count: Swift.max(l.weights.count, g.weights.count))
        var bestScore = -Double.infinity
        values.withUnsafeMutableBufferPointer { values in
            model.withUnsafeMutableBufferPointer { model in
                scratch.withUnsafeMutableBufferPointer { scratch in
                for i in 0..<Swift.max(c.candidates, 1) {
                    l.sample(space: space, into: values, model: model, using: &rng)
                    let score = l.logDensity(model, scratch: scratch) - g.logDensity(model, scratch: scratch)
                    if i == 0 || score > bestScore {
                        bestScore = score.isNaN ? -.infinity : score
                        for d in 0..<dimensions { best[d] = values[d] }
                    }
                }
                }
            }
        }
        return best
    }
}
