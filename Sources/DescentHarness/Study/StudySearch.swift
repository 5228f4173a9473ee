import DescentBase
import DescentCore
import DescentNetwork
import DescentSearch

/// A study's hyperparameter search (its config's `search` block, as in 2-D configs): each
/// trial trains the network from the study's initial weights for a short budget of `steps`
/// steps — the same batches for every trial — and scores the validation set at the end. The
/// best trial's hyperparameters (fixed ones underneath) then train the full run.
///
///     "search": {"algorithm": "tpe", "evaluations": 20, "steps": 100, "seed": 1,
///                "objective": "validation_loss", "space": {"lr": {"loguniform": [-8, 0.5]}}}
///
/// A diverged trial, or one whose hyperparameters the optimizer rejects, scores +∞.
public struct StudySearch: Sendable, Hashable {
    /// What a trial is scored on, at the end of its budget (lower is better).
    public enum Objective: String, CaseIterable, Sendable, Hashable {
        /// Mean cross-entropy over the validation samples.
        case validationLoss = "validation_loss"
        /// 1 − validation accuracy.
        case validationError = "validation_error"
    }

    public var algorithm: SearchAlgorithm = .tpe(.hyperopt)
    public var evaluations = 20
    public var seed: UInt64 = 1
    public var objective: Objective = .validationLoss
    /// Training steps of each trial; nil: one epoch (⌈training samples / batch size⌉), at most
    /// the study's steps.
    public var steps: Int?
    /// The default space of the study's optimizers: the 2-D configs' `lr` prior unless given.
    public var space: JSONValue = SearchSettings().space

    public init() {}

    /// The steps of each trial in `study`.
    public func trialSteps(_ study: Study) -> Int {
        steps ?? min(study.settings.steps, TrainingSettings.steps(epochs: 1, trainingCount: study.training.count,
                                                                   batchSize: study.settings.batchSize))
    }

    /// The outcome of one optimizer's search.
    public struct Outcome: Sendable {
        /// The hyperparameters of the full run: the best trial's, the first's when every
        /// trial failed.
        public var hyperparameters: Hyperparameters
        /// The best finite objective, or +∞ when every trial failed.
        public var objective: Double
        public var result: SearchResult
    }

    /// Searches `entry`'s space on `study`; `progress` is told the trials done after each one.
    public func run(_ entry: OptimizerEntry, in study: Study, progress: (Int) -> Void = { _ in }) throws -> Outcome {
        var settings = study.settings
        settings.steps = trialSteps(study)
        settings.validationInterval = settings.steps
        settings.checkpointInterval = nil
        settings.maximumCheckpoints = NetworkLimits.checkpoints.lowerBound
        let trainer = try Trainer(network: study.network, training: study.training, validation: study.validation, settings: settings)
        let search = Search.budgeted(space: entry.searchSpace, algorithm: algorithm, budget: evaluations, seed: seed)
        var done = 0
        let result = search.run { h in
            defer {
                done += 1
                progress(done)
            }
            guard let optimizer = try? entry.type.init(h) else { return .infinity }
            return score(trainer.run(optimizer, from: study.initialParameters))
        }
        let best = result.best ?? result.trials.first
        return Outcome(hyperparameters: best?.hyperparameters ?? entry.hyperparameters, objective: best?.objective ?? .infinity,
                       result: result)
    }

    /// A trial's score: the objective at its last validation, +∞ when the run diverged.
    func score(_ r: TrainingResult) -> Double {
        guard !r.diverged, let last = r.validation.last else { return .infinity }
        switch objective {
        case .validationLoss: return last.loss
        case .validationError: return 1 - last.accuracy
        }
    }

    /// The record `runs/<label>.json` keeps of a search: its settings and every trial.
    public func record(_ outcome: Outcome, steps: Int) -> JSONValue {
        .object([
            ("algorithm", .string(algorithm.name)), ("evaluations", .number(Double(outcome.result.trials.count))),
            ("steps", .number(Double(steps))), ("seed", .number(Double(seed))), ("objective", .string(objective.rawValue)),
            ("best_objective", outcome.objective.isFinite ? .number(outcome.objective) : .null),
            ("diverged_trials", .number(Double(outcome.result.divergedCount))),
            ("trials", .array(outcome.result.trials.map { t in
                .object([("hyperparameters", t.hyperparameters.json),
                         ("objective", t.objective.isFinite ? .number(t.objective) : .null)])
            })),
        ])
    }

    /// One line of the unit digest: everything the search's outcome depends on.
    func digestLine(_ entry: OptimizerEntry, _ study: Study) -> String {
        "search \(algorithm.name) \(evaluations) \(seed) \(objective.rawValue) \(trialSteps(study)) "
            + JSONWriter.string(entry.space, pretty: false)
    }
}
