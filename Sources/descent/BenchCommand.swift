import ArgumentParser
import DescentCore
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

    @Option(help: "Optimizers to measure, comma-separated.")
    var optimizers: String = "Adam,LBFGS"

    @Option(help: "Steps per trajectory.")
    var steps: Int = 100

    @Option(help: "Seconds to spend per optimizer.")
    var seconds: Double = 1

    @Option(help: "Test function (default: rosenbrock).", transform: ArgumentTransform.function)
    var function: any TestFunction = Rosenbrock()

    @Option(help: "Run exactly this many trajectories instead of timing (for instruction counts under callgrind or perf stat).")
    var iterations: Int?

    func run() throws {
        let f = function
        print("trajectory benchmark: \(f.name), start \(f.defaultStart), \(steps) steps, clip 1.0")
        print(String(repeating: "-", count: 72))
        for name in optimizers.split(separator: ",").map(String.init) {
            let optimizer: any Optimizer
            do { optimizer = try OptimizerRegistry.make(name) } catch {
                print("\(name): skipped (\(error))")
                continue
            }
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
