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

            Example:
              descent trace --optimizer Adam --hyperparameters '{"lr": 0.1, "amsgrad": true}' \\
                --function rosenbrock --start -2,2 --steps 300
            """)

    @OptionGroup var path: PathOptions

    func validate() throws {
        try check("--steps", path.steps, in: Limits.tracedSteps)
    }

    func run() throws {
        let trajectory = try path.run().trajectory
        FileHandle.standardOutput.write(Data(TrajectoryJSON.encode(trajectory).utf8))
    }
}
