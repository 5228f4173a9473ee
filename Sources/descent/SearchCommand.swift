import DescentBase
import ArgumentParser
import DescentCore
import DescentHarness
import DescentSearch
import Foundation

/// `descent search`: the best hyperparameters of one optimizer on one function, as JSON.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search an optimizer's hyperparameters on a test function and print the trials as JSON.",
        discussion: """
            Each trial runs --search-steps steps from the start point and scores the
            path with --objective; a diverged path scores +∞ (printed as null, with
            status "diverged"). Prints one JSON object: {"best": {…}, "objective": …,
            "trials": [{"hyperparameters": {…}, "objective": …, "status": "ok"}, …]};
            a diverged trial is never best: when every trial diverges, "best" and
            "objective" are null.

            Space JSON, hyperopt's vocabulary (log bounds are natural-log exponents):
              {"lr": {"loguniform": [-8, 0.5]}}         lr in [e^-8, e^0.5)
              {"lr": {"loguniform_values": [1e-4, 1]}}  lr in [1e-4, 1), bounds as values
              {"momentum": {"quniform": [0, 0.99, 0.01]}}
              {"alpha": {"uniform": [0.1, 0.9]}}
              {"eps": {"qloguniform": [-20, -5, 1e-9]}}  (or qloguniform_values)
              {"betas": {"choice": [[0.9, 0.999], [0.95, 0.99]]}}
              {"betas": [{"uniform": [0.8, 0.99]}, 0.999]}  (per element)
              {"nesterov": true}                        a plain value is fixed

            --refine N spends the last N trials (default 30 % of --evaluations) on
            a local search around the best trial; the trials before are the
            algorithm's own. --refine 0 runs the algorithm exactly as published.

            Example:
              descent search --optimizer Adam --function rosenbrock \\
                --space '{"lr": {"loguniform": [-8, 0.5]}}' --evaluations 100 --seed 0
            """)

    @OptionGroup var optimizer: OptimizerOptions
    @OptionGroup var landscape: LandscapeOptions

    @Option(help: ArgumentHelp("The search space as a JSON object, e.g. '{\"lr\": {\"loguniform\": [-8, 0.5]}}'; --hyperparameters are merged under it.",
                               valueName: "json"),
            transform: ArgumentTransform.space)
    var space: SearchSpace

    // `.unconditional` on every number, as in `PathOptions`: `-5` is a value, not an option.
    @Option(parsing: .unconditional, help: "Number of trials (\(Limits.evaluations.text)).")
    var evaluations: Int = 100

    @Option(parsing: .unconditional, help: "Seed of the search's random generator.")
    var seed: UInt64 = 0

    @Option(help: "Sampler.")
    var algorithm: SearchAlgorithm = .tpe(.hyperopt)

    @Option(help: "What a trial minimises.")
    var objective: TrajectoryObjective = .distance

    @Option(name: .customLong("search-steps"), parsing: .unconditional, help: "Optimizer steps per trial (\(Limits.steps.text)).")
    var searchSteps: Int = 100

    @Option(name: .customLong("stop-below"), parsing: .unconditional, help: "Stop early once a trial's objective is ≤ this.")
    var stopBelow: Double?

    @Option(parsing: .unconditional, help: "Spend the last N trials refining the best one locally (default: 30 % of --evaluations; 0: the algorithm as published).")
    var refine: Int?

    func validate() throws {
        try check("--evaluations", evaluations, in: Limits.evaluations)
        try check("--search-steps", searchSteps, in: Limits.steps)
        guard evaluations * searchSteps <= Limits.searchWork else {
            throw ValidationError("--evaluations × --search-steps must be ≤ \(Limits.searchWork), got \(evaluations * searchSteps)")
        }
        if let stopBelow, !stopBelow.isFinite { throw ValidationError("--stop-below must be finite") }
        if let refine, refine < 0 || refine > evaluations {
            throw ValidationError("--refine must be in 0…--evaluations (\(evaluations)), got \(refine)")
        }
        _ = try searchSpace()
    }

    /// `--space` with the `--hyperparameters` underneath.
    func searchSpace() throws(ValidationError) -> SearchSpace {
        do { return try space.addingFixed(optimizer.hyperparameters) } catch {
            throw ValidationError("--hyperparameters: \(error)")
        }
    }

    func run() throws {
        let search = OptimizerSearch(
            function: landscape.function, optimizer: optimizer.optimizer, start: landscape.startPoint,
            clipping: landscape.clipGradNorm, space: try searchSpace(), algorithm: algorithm, evaluations: evaluations,
            seed: seed, objective: objective, steps: searchSteps, stopThreshold: stopBelow, refinement: refine)
        let result: SearchResult
        do { result = try search.run(rejected: .throwError) } catch {
            throw ValidationError("trial hyperparameters: \(error)")
        }
        FileHandle.standardOutput.write(Data(Self.json(result).utf8))
    }

    /// The report: best hyperparameters and objective (both null when every trial diverged),
    /// then every trial in order.
    static func json(_ result: SearchResult) -> String {
        let best = result.best
        let trials: [JSONValue] = result.trials.map { t in
            .object([("hyperparameters", t.hyperparameters.json), ("objective", .number(t.objective)),
                     ("status", .string(t.status.rawValue))])
        }
        return JSONWriter.string(.object([
            ("best", best.map { $0.hyperparameters.json } ?? .null),
            ("objective", best.map { .number($0.objective) } ?? .null),
            ("trials", .array(trials)),
        ]), pretty: false) + "\n"
    }
}
