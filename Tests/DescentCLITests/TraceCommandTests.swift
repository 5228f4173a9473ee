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

    static let base = ["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "3"]

    @Test(arguments: [
        (["trace", "--optimizer", "Adamm", "--function", "rosenbrock", "--steps", "3"],
         "The value 'Adamm' is invalid for '--optimizer <name>': unknown optimizer 'Adamm' (did you mean 'Adam', 'AdamW' or 'AdamP'?); `descent list` shows all "),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrok", "--steps", "3"],
         "The value 'rosenbrok' is invalid for '--function <function>': unknown function 'rosenbrok' (did you mean 'rosenbrock'?); `descent list` shows all 12\n"),
        (TraceCommandTests.base + ["--hyperparameters", #"{"lr": -1}"#], "--hyperparameters: Adam: hyperparameter 'lr' = -1 is outside [0, inf)"),
        (TraceCommandTests.base + ["--hyperparameters", #"{"lrr": 1}"#], "--hyperparameters: Adam: unknown hyperparameter 'lrr' (did you mean 'lr'?)"),
        (TraceCommandTests.base + ["--hyperparameters", "{lr:"],
         "The value '{lr:' is invalid for '--hyperparameters <json>': line 1, column 2: expected a key in double quotes"),
        (TraceCommandTests.base + ["--start", "1"],
         "The value '1' is invalid for '--start <x,y>' — Start point: two finite numbers x,y (default: the function's default start)."),
        (TraceCommandTests.base + ["--start", "1,nan"], "The value '1,nan' is invalid for '--start <x,y>' — Start point"),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "-3"], "--steps must not be negative (0…1000000), got -3"),
        (["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "1000001"], "--steps must be in 0…1000000, got 1000001"),
        (TraceCommandTests.base + ["--clip-grad-norm", "x"],
         "The value 'x' is invalid for '--clip-grad-norm <max-norm|none>' — torch's clip_grad_norm_ bound, a number in [1e-12, 1e+12], or none."),
        (TraceCommandTests.base + ["--clip-grad-norm", "0"], "The value '0' is invalid for '--clip-grad-norm <max-norm|none>'"),
        (TraceCommandTests.base + ["--clip-grad-norm", "1e13"], "The value '1e13' is invalid for '--clip-grad-norm <max-norm|none>'"),
        (["trace", "--function", "rosenbrock", "--steps", "3"], "Missing expected argument '--optimizer <name>' — Optimizer name (any case)"),
    ])
    func badArgumentsGiveOneLineAndExitCode2(_ arguments: [String], _ expected: String) throws {
        let r = try CLIRunner.run(arguments)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(r.stderr)")
        #expect(r.stderr.hasPrefix("descent: " + expected), "stderr: \(r.stderr)")
    }
}
