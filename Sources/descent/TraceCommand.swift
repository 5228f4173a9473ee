import DescentBase
import ArgumentParser
import DescentCore
import DescentHarness
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

            With --noise σ the gradient the optimizer sees is that of f + u·x + v·y, with u and v \
            drawn from N(0, σ²) afresh at every step from the stream seeded by --seed (DeepOBS's \
            noisy 2-D problems); the printed losses are those of the noise-free f. This replays \
            any run of a benchmark's runs.jsonl.

            Examples:
              descent trace --optimizer Adam \\
                --hyperparameters '{"lr": 0.1, "amsgrad": true}' \\
                --function rosenbrock --start -2,2 --steps 300
              descent trace --optimizer SGD --function rosenbrock --start=-1.2,1 \\
                --steps 200 --noise 0.3 --seed 4
            """)

    @OptionGroup var path: PathOptions

    @Option(parsing: .unconditional, help: "σ of the gradient noise (\(Limits.noise.text)); 0: none.",
            transform: ArgumentTransform.number)
    var noise: Double = 0

    @Option(parsing: .unconditional, help: "Seed of the noise stream.")
    var seed: UInt64 = 0

    func validate() throws {
        try check("--steps", path.steps, in: Limits.tracedSteps)
        try check("--noise", noise, in: Limits.noise)
    }

    func run() throws {
        let o = try path.makeOptimizer(), f = path.landscape.function
        let runner = TrajectoryRunner(steps: path.steps, clipping: path.landscape.clipGradNorm,
                                      noise: noise > 0 ? GradientNoise(sigma: noise, seed: seed) : nil)
        let trajectory = runner.run(f, o, from: path.landscape.startPoint)
        FileHandle.standardOutput.write(Data(TrajectoryJSON.encode(trajectory).utf8))
    }
}
