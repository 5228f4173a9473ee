import Foundation
import Testing

/// `descent trace` end to end: the JSON contract and one-line errors with non-zero exits.
@Suite struct TraceCommandTests {
    struct TraceOutput: Decodable {
        var points: [[Double]]
        var losses: [Double]
        var diverged: Bool
        var divergedAtStep: Int?
    }

    @Test func printsPointsLossesAndDivergence() throws {
        let r = try CLIRunner.run(["trace", "--optimizer", "adam", "--hyperparameters", #"{"lr": 0.1}"#,
                                   "--function", "rosenbrock", "--start", "-2,2", "--steps", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let out = try JSONDecoder().decode(TraceOutput.self, from: Data(r.stdout.utf8))
        #expect(out.points.count == 4 && out.losses.count == 3 && !out.diverged && out.divergedAtStep == nil)
        #expect(out.points[0] == [-2, 2] && out.losses[0] == 409)
        // The reference's first Adam step at lr 0.1 (torch 2.15, float64).
        #expect(out.points[1] == [-1.9000000010305502, 2.099999995862341])
    }

    @Test func reportsDivergence() throws {
        let r = try CLIRunner.run(["trace", "--optimizer", "SGD", "--hyperparameters", #"{"lr": 10}"#,
                                   "--function", "rosenbrock", "--steps", "50", "--clip-grad-norm", "none"])
        #expect(r.status == 0)
        let out = try JSONDecoder().decode(TraceOutput.self, from: Data(r.stdout.utf8))
        #expect(out.diverged)
        let step = try #require(out.divergedAtStep)
        #expect(out.points.count == step + 1)
    }

    @Test(arguments: [
        (["trace", "--optimizer", "Adamm", "--function", "rosenbrock", "--steps", "3"], "unknown optimizer 'Adamm'"),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrok", "--steps", "3"], "unknown function 'rosenbrok'"),
        (["trace", "--optimizer", "Adam", "--hyperparameters", #"{"lr": -1}"#, "--function", "rosenbrock", "--steps", "3"], "'lr' = -1 is outside [0, inf)"),
        (["trace", "--optimizer", "Adam", "--hyperparameters", #"{"lrr": 1}"#, "--function", "rosenbrock", "--steps", "3"], "did you mean 'lr'"),
        (["trace", "--optimizer", "Adam", "--hyperparameters", "{lr:", "--function", "rosenbrock", "--steps", "3"], "--hyperparameters"),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--start", "1", "--steps", "3"], "--start"),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "-3"], "--steps"),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "3", "--clip-grad-norm", "x"], "--clip-grad-norm"),
        (["trace", "--function", "rosenbrock", "--steps", "3"], "--optimizer"),
    ])
    func badArgumentsGiveOneLineAndNonZeroExit(_ arguments: [String], _ expected: String) throws {
        let r = try CLIRunner.run(arguments)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.contains(expected), "stderr: \(r.stderr)")
    }
}
