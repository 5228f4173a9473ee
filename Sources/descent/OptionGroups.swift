import DescentBase
import ArgumentParser
import DescentCore
import DescentHarness
import Foundation

/// The landscape a path runs on, and how gradients are clipped (trace, render, search).
struct LandscapeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Test function: \(FunctionCatalog.names.joined(separator: ", ")), or a config's function "
                               + #"object ('{"expression": "(1-x)^2+100*(y-x^2)^2", "minima": [[1, 1]], "view": {"x": [-2, 2], "y": [-1, 3]}}')."#),
            transform: ArgumentTransform.function)
    var function: any TestFunction

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Start point: two finite numbers x,y (default: the function's default start).", valueName: "x,y"))
    var start: Point?

    @Option(name: .customLong("clip-grad-norm"), parsing: .unconditional,
            help: ArgumentHelp("torch's clip_grad_norm_ bound, a number in [\(Self.bounds)], or none.",
                               valueName: "max-norm|none"))
    var clipGradNorm: GradientClipping = .standard

    /// `Limits.clipGradNorm` as people write it: "1e-12, 1e+12".
    static var bounds: String {
        [Limits.clipGradNorm.lowerBound, Limits.clipGradNorm.upperBound].map { String(format: "%g", $0) }.joined(separator: ", ")
    }

    /// `--start`, or the function's default start.
    var startPoint: Point { start ?? function.defaultStart }
}

/// The optimizer and hyperparameters set by hand (trace, render, search).
struct OptimizerOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Optimizer name (any case); `descent list` shows them all.", valueName: "name"),
            transform: ArgumentTransform.optimizer)
    var optimizer: any Optimizer.Type

    @Option(help: ArgumentHelp("Hyperparameters as a JSON object with the reference's keys, e.g. '{\"lr\": 0.1}' (default: {}).",
                               valueName: "json"),
            transform: ArgumentTransform.hyperparameters)
    var hyperparameters: Hyperparameters = [:]
}

/// The options that define one trajectory, shared by `trace` and `render`.
struct PathOptions: ParsableArguments {
    @OptionGroup var optimizer: OptimizerOptions
    @OptionGroup var landscape: LandscapeOptions

    // `.unconditional` here and on every number: `--steps -5` is a value out of range, not
    // a missing value followed by an unknown option.
    @Option(parsing: .unconditional, help: "Number of optimizer steps (trace: \(Limits.tracedSteps.text); render: \(Limits.steps.text)).")
    var steps: Int

    /// `--steps` is checked by each command: its range is the command's.
    func validate() throws {
        _ = try makeOptimizer()
    }

    /// The optimizer with the given hyperparameters; throws what it rejects.
    func makeOptimizer() throws(ValidationError) -> any Optimizer {
        do { return try optimizer.optimizer.init(optimizer.hyperparameters) } catch {
            throw ValidationError("--hyperparameters: \(error)")
        }
    }

    /// The optimizer and the trajectory it takes.
    func run() throws -> (optimizer: any Optimizer, trajectory: Trajectory) {
        let o = try makeOptimizer(), f = landscape.function
        return (o, TrajectoryRunner(steps: steps, clipping: landscape.clipGradNorm).run(f, o, from: landscape.startPoint))
    }
}
