import DescentBase
import DescentCore
import DescentSearch

/// One optimizer's hyperparameter search on one landscape: each trial builds the optimizer
/// from the sampled hyperparameters (fixed ones underneath), runs `steps` steps of the
/// reference protocol from `start`, and scores the path. Used by `descent search` and by
/// experiments alike.
public struct OptimizerSearch: Sendable {
    public var function: any TestFunction
    public var optimizer: any Optimizer.Type
    public var start: Point
    public var clipping: GradientClipping
    /// The space, fixed hyperparameters included (`SearchSpace.addingFixed`).
    public var space: SearchSpace
    public var algorithm: SearchAlgorithm
    public var evaluations: Int
    public var seed: UInt64
    public var objective: TrajectoryObjective
    /// Steps of each trial's trajectory.
    public var steps: Int
    public var stopThreshold: Double?
    /// Trials spent refining the best one locally (`nil`: Descent's default, 30 %).
    public var refinement: Int?

    public init(function: any TestFunction, optimizer: any Optimizer.Type, start: Point, clipping: GradientClipping,
                space: SearchSpace, algorithm: SearchAlgorithm, evaluations: Int, seed: UInt64,
                objective: TrajectoryObjective, steps: Int, stopThreshold: Double? = nil, refinement: Int? = nil) {
        self.function = function
        self.optimizer = optimizer
        self.start = start
        self.clipping = clipping
        self.space = space
        self.algorithm = algorithm
        self.evaluations = evaluations
        self.seed = seed
        self.objective = objective
        self.steps = steps
        self.stopThreshold = stopThreshold
        self.refinement = refinement
    }

    /// A trial whose hyperparameters the optimizer rejects (a sampled value outside its
    /// allowed range) is a failed trial, scored +∞ like a diverged one.
    public enum RejectedTrials { case fail, throwError }

    /// The search `run` makes: `evaluations` trials, or one when nothing is searched.
    var search: Search {
        Search.budgeted(space: space, algorithm: algorithm, budget: evaluations, seed: seed, stopThreshold: stopThreshold,
                        refinement: refinement)
    }

    /// The number of trials `run` makes at most (one when nothing is searched).
    public var trialCount: Int { search.evaluations }

    /// Runs the search. With `.throwError`, a rejected trial stops it with the optimizer's error.
    /// `progress` is told the number of trials done after each one.
    public func run(rejected: RejectedTrials = .fail, progress: (Int) -> Void = { _ in }) throws -> SearchResult {
        let runner = TrajectoryRunner(steps: steps, clipping: clipping)
        var done = 0
        return try search.run { assignment in
            defer {
                done += 1
                progress(done)
            }
            let o: any Optimizer
            do { o = try optimizer.init(assignment) } catch {
                if rejected == .fail { return .infinity }
                throw error
            }
            return objective.score(runner.run(function, o, from: start), on: function)
        }
    }
}
