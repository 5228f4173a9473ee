import ArgumentParser
import DescentCore
import DescentHarness
import Foundation

/// `descent bench`: speed measurements recorded in BENCHMARKS.md (benchmarks, not tests).
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure speed (run the release build: swift build -c release).",
        subcommands: [TrajectoryBench.self],
        defaultSubcommand: TrajectoryBench.self)
}

/// Steps per second of whole trajectories: the cost the search pays per trial.
struct TrajectoryBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trajectory",
        abstract: "Steps per second of 100-step trajectories on Rosenbrock (one core), default hyperparameters.")

    /// Seconds per optimizer and trajectories of `--iterations`: a benchmark's knobs, not an
    /// input any config shares (hence not in `Limits`), bounded so that no value runs for ever.
    static let seconds = 0.0...3600.0
    static let iterations = 1...10_000_000

    @Option(help: "Optimizers to measure, comma-separated (at most \(Limits.optimizers.upperBound)).")
    var optimizers: String = "Adam,LBFGS"

    @Option(parsing: .unconditional, help: "Steps per trajectory (\(Limits.steps.text)).")
    var steps: Int = 100

    @Option(parsing: .unconditional, help: "Seconds to spend per optimizer (\(Self.seconds.text)).",
            transform: ArgumentTransform.number)
    var seconds: Double = 1

    @Option(help: "Test function (default: rosenbrock).", transform: ArgumentTransform.function)
    var function: any TestFunction = Rosenbrock()

    @Option(parsing: .unconditional,
            help: "Run exactly this many trajectories instead of timing, \(Self.iterations.text) (for instruction counts under callgrind or perf stat).")
    var iterations: Int?

    var names: [String] { optimizers.split(separator: ",").map(String.init) }

    func validate() throws {
        try check("--steps", steps, in: Limits.steps)
        try check("--seconds", seconds, in: Self.seconds)
        if let iterations { try check("--iterations", iterations, in: Self.iterations) }
        guard (Limits.optimizers).contains(names.count) else {
            throw ValidationError("--optimizers: give 1…\(Limits.optimizers.upperBound) names, got \(names.count)")
        }
        for name in names {
            do { _ = try OptimizerRegistry.make(name) } catch { throw ValidationError("--optimizers: \(error)") }
        }
    }

    func run() throws {
        let f = function
        print("trajectory benchmark: \(f.name), start \(f.defaultStart), \(steps) steps, clip 1.0")
        print(String(repeating: "-", count: 72))
        for name in names {
            let optimizer = try OptimizerRegistry.make(name)
            let runner = TrajectoryRunner(steps: steps)
            if let iterations {
                var sink = 0.0
                for _ in 0..<iterations { sink += runner.run(f, optimizer, from: f.defaultStart).final.x }
                print("\(name): ran \(iterations) trajectories\(sink.isNaN ? " (NaN)" : "")")
                continue
            }
            var samples: [Double] = []
            let deadline = Date().addingTimeInterval(seconds)
            var sink = 0.0
            repeat {
                let batch = 200
                let start = DispatchTime.now().uptimeNanoseconds
                for _ in 0..<batch { sink += runner.run(f, optimizer, from: f.defaultStart).final.x }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start)
                samples.append(elapsed / Double(batch))
            } while Date() < deadline
            samples.sort()
            let perTrajectory = samples[samples.count / 2]
            let perStep = perTrajectory / Double(steps)
            let padded = name.padding(toLength: max(12, name.count + 1), withPad: " ", startingAt: 0)
            let line = padded + String(format: "%9.2f µs / %d-step trajectory   %8.1f ns / step   %6.2f M steps/s",
                                       perTrajectory / 1000, steps, perStep, 1000 / perStep)
            print(line + (sink.isNaN ? " " : ""))
        }
    }
}
