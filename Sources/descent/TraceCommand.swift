import DescentBase
import ArgumentParser
import DescentCore
import Foundation

/// `descent trace`: one trajectory as JSON.
struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Run one optimizer from a start point and print its path as JSON.",
        discussion: """
            Follows the reference protocol: loss = f(x); gradient; clip_grad_norm; step.
            Prints {"points": [[x, y], …], "losses": […], "diverged": false}, with
            "divergedAtStep": k when a non-finite value stopped the run.

            Example:
              descent trace --optimizer Adam --hyperparameters '{"lr": 0.1, "amsgrad": true}' \\
                --function rosenbrock --start -2,2 --steps 300
            """)

    @OptionGroup var path: PathOptions

    func run() throws {
        let trajectory = try path.trajectory()
        FileHandle.standardOutput.write(Data(TrajectoryJSON.encode(trajectory).utf8))
    }
}

/// The options that define one trajectory, shared by `trace` and `render`.
struct PathOptions: ParsableArguments {
    /// The longest path a command draws or prints (a million points is ~50 MB of JSON).
    static let maximumSteps = 1_000_000

    @Option(help: "Optimizer name (any case); `descent list` shows them all.")
    var optimizer: String

    @Option(help: "Hyperparameters as JSON with the reference's keys, e.g. '{\"lr\": 0.1}'.")
    var hyperparameters: String = "{}"

    @Option(help: "Test function name; `descent list` shows them all.")
    var function: String

    @Option(parsing: .unconditional, help: "Start point X,Y (default: the function's default start).")
    var start: String?

    @Option(help: "Number of optimizer steps.")
    var steps: Int

    @Option(name: .customLong("clip-grad-norm"), help: "Gradient norm bound, or 'none'.")
    var clipGradNorm: String = "1.0"

    func validate() throws {
        guard steps >= 0 else { throw ValidationError("--steps must be ≥ 0, got \(steps)") }
        guard steps <= Self.maximumSteps else { throw ValidationError("--steps must be ≤ \(Self.maximumSteps), got \(steps)") }
    }

    func trajectory() throws -> Trajectory {
        try run().trajectory
    }

    /// The parsed function and optimizer, and the trajectory they give.
    func run() throws -> (function: any TestFunction, optimizer: any Optimizer, trajectory: Trajectory) {
        let f = try CLIInput.function(function)
        let o = try CLIInput.optimizer(optimizer, hyperparameters: hyperparameters)
        let s = try start.map { try CLIInput.point($0, option: "--start") } ?? f.defaultStart
        let clipping = try CLIInput.clipping(clipGradNorm)
        return (f, o, TrajectoryRunner(steps: steps, clipping: clipping).run(f, o, from: s))
    }
}
