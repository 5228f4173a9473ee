import DescentBase

/// The trial loop: propose with a sampler, evaluate the black-box objective, record, repeat.
///
/// One `Xoshiro256StarStar` seeded from `seed` is the only source of randomness, threaded
/// through every proposal, so a seed gives the same trials on any machine. The objective maps
/// an assignment to a number; a non-finite number is a diverged trial scored +∞.
public struct Search: Sendable {
    public var space: SearchSpace
    public var algorithm: SearchAlgorithm
    /// The maximum number of trials.
    public var evaluations: Int
    public var seed: UInt64
    /// Stop as soon as a trial's objective is ≤ this (hyperopt's `loss_threshold`).
    public var stopThreshold: Double?
    /// The last this many trials refine the incumbent locally (`LocalRefinementSampler`);
    /// 0 runs the algorithm as published.
    public var refinementTrials: Int

    public init(
        space: SearchSpace, algorithm: SearchAlgorithm = .tpe(.hyperopt), evaluations: Int, seed: UInt64,
        stopThreshold: Double? = nil, refinementTrials: Int = 0
    ) {
        self.space = space
        self.algorithm = algorithm
        self.evaluations = evaluations
        self.seed = seed
        self.stopThreshold = stopThreshold
        self.refinementTrials = refinementTrials
    }

    /// Descent's default refinement: the last 30 % of the trials (see `LocalRefinementSampler`).
    public static func defaultRefinement(evaluations: Int) -> Int { evaluations * 3 / 10 }

    /// Descent's search of `space` under a budget: `budget` trials whose last `refinement`
    /// (default `defaultRefinement`) refine the incumbent — or, when the space searches nothing,
    /// one trial of its fixed values without refinement.
    public static func budgeted(space: SearchSpace, algorithm: SearchAlgorithm, budget: Int, seed: UInt64,
                                stopThreshold: Double? = nil, refinement: Int? = nil) -> Search {
        let evaluations = space.dimensions.isEmpty ? 1 : budget
        return Search(space: space, algorithm: algorithm, evaluations: evaluations, seed: seed, stopThreshold: stopThreshold,
                      refinementTrials: evaluations == 1 ? 0 : (refinement ?? defaultRefinement(evaluations: evaluations)))
    }

    /// Runs the search; `objective` is called once per trial, in order.
    public func run(_ objective: (Hyperparameters) throws -> Double) rethrows -> SearchResult {
        var rng = Xoshiro256StarStar(seed: seed)
        let sampler = algorithm.sampler(evaluations: evaluations, refinement: refinementTrials)
        var trials: [Trial] = []
        trials.reserveCapacity(evaluations)
        for id in 0..<Swift.max(evaluations, 0) {
            let x = sampler.suggest(in: space, after: trials, using: &rng)
            let hyperparameters = space.assignment(x)
            let value = try objective(hyperparameters)
            let trial = Trial(id: id, coordinates: x, hyperparameters: hyperparameters, value: value)
            trials.append(trial)
            if let threshold = stopThreshold, trial.status == .ok, trial.objective <= threshold { break }
        }
        return SearchResult(trials: trials)
    }
}
