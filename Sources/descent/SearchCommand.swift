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
            "trials": [{"hyperparameters": {…}, "objective": …, "status": "ok"}, …]}.

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

    @Option(help: "Optimizer name (any case); `descent list` shows them all.")
    var optimizer: String

    @Option(help: "Test function name; `descent list` shows them all.")
    var function: String

    @Option(parsing: .unconditional, help: "Start point X,Y (default: the function's default start).")
    var start: String?

    @Option(help: "The search space as JSON, e.g. '{\"lr\": {\"loguniform\": [-8, 0.5]}}'.")
    var space: String

    @Option(help: "Fixed hyperparameters as JSON, merged under the searched ones.")
    var hyperparameters: String = "{}"

    @Option(help: "Number of trials.")
    var evaluations: Int = 100

    @Option(help: "Seed of the search's random generator.")
    var seed: UInt64 = 0

    @Option(help: "Sampler: \(SearchAlgorithm.names.joined(separator: ", ")).")
    var algorithm: String = "tpe"

    @Option(help: "What a trial minimises: \(TrajectoryObjective.allCases.map(\.rawValue).joined(separator: ", ")).")
    var objective: String = "distance"

    @Option(name: .customLong("search-steps"), help: "Optimizer steps per trial.")
    var searchSteps: Int = 100

    @Option(name: .customLong("clip-grad-norm"), help: "Gradient norm bound, or 'none'.")
    var clipGradNorm: String = "1.0"

    @Option(name: .customLong("stop-below"), help: "Stop early once a trial's objective is ≤ this.")
    var stopBelow: Double?

    @Option(help: "Spend the last N trials refining the best one locally (default: 30 % of --evaluations; 0: the algorithm as published).")
    var refine: Int?

    func validate() throws {
        guard evaluations >= 1, evaluations <= 1_000_000 else {
            throw ValidationError("--evaluations must be in 1…1000000, got \(evaluations)")
        }
        guard searchSteps >= 0, searchSteps <= 100_000 else {
            throw ValidationError("--search-steps must be in 0…100000, got \(searchSteps)")
        }
        guard evaluations * searchSteps <= Limits.searchWork else {
            throw ValidationError("--evaluations × --search-steps must be ≤ \(Limits.searchWork), got \(evaluations * searchSteps)")
        }
        guard SearchAlgorithm(name: algorithm) != nil else {
            throw ValidationError("--algorithm: unknown '\(algorithm)'; valid: \(SearchAlgorithm.names.joined(separator: ", "))")
        }
        guard TrajectoryObjective(rawValue: objective.lowercased()) != nil else {
            throw ValidationError("--objective: unknown '\(objective)'; valid: \(TrajectoryObjective.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let stopBelow, !stopBelow.isFinite { throw ValidationError("--stop-below must be finite") }
        if let refine, refine < 0 || refine > evaluations {
            throw ValidationError("--refine must be in 0…--evaluations (\(evaluations)), got \(refine)")
        }
    }

    func run() throws {
        let f = try CLIInput.function(function)
        let type: any Optimizer.Type
        do { type = try OptimizerRegistry.type(named: optimizer) } catch { throw ValidationError("--optimizer: \(error)") }
        let from = try start.map { try CLIInput.point($0, option: "--start") } ?? f.defaultStart
        let clipping = try CLIInput.clipping(clipGradNorm)
        let fixed = try CLIInput.hyperparameterValues(hyperparameters, option: "--hyperparameters")
        let searchSpace: SearchSpace
        do {
            searchSpace = try SearchSpace(json: space).addingFixed(fixed.mapValues(SearchValueBridge.search))
        } catch { throw ValidationError("--space: \(error)") }
        let search = OptimizerSearch(
            function: f, optimizer: type, start: from, clipping: clipping, space: searchSpace,
            algorithm: SearchAlgorithm(name: algorithm)!, evaluations: evaluations, seed: seed,
            objective: TrajectoryObjective(rawValue: objective.lowercased())!, steps: searchSteps,
            stopThreshold: stopBelow, refinement: refine)
        let result: SearchResult
        do { result = try search.run(rejected: .throwError) } catch {
            throw ValidationError("trial hyperparameters: \(error)")
        }
        FileHandle.standardOutput.write(Data(Self.json(result).utf8))
    }

    /// The report: best hyperparameters and objective, then every trial in order.
    static func json(_ result: SearchResult) -> String {
        let best = result.best
        var s = "{\"best\": \(best.map { JSONText.object($0.hyperparameters) } ?? "null"), "
        s += "\"objective\": \(SearchValue.number(best?.objective ?? .infinity)), \"trials\": ["
        for (i, t) in result.trials.enumerated() {
            if i > 0 { s += ", " }
            s += "{\"hyperparameters\": \(JSONText.object(t.hyperparameters)), "
            s += "\"objective\": \(SearchValue.number(t.objective)), \"status\": \"\(t.status.rawValue)\"}"
        }
        return s + "]}\n"
    }
}
