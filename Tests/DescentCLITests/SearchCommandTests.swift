import Foundation
import Testing

/// End-to-end: run the built `descent search` and check its JSON, errors and exit codes.
@Suite struct SearchCommandTests {
    static var binary: URL {
        // The test bundle sits beside the executable in the build products directory.
        var dir = Bundle.main.bundleURL
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("descent").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("descent")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let p = Process()
        p.executableURL = Self.binary
        p.arguments = ["search"] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    let base = ["--optimizer", "SGD", "--function", "rosenbrock", "--evaluations", "30", "--seed", "3"]

    @Test func printsBestAndEveryTrial() throws {
        let r = try run(base + ["--space", #"{"lr": {"loguniform": [-8, 0.5]}}"#, "--hyperparameters", #"{"momentum": 0.9}"#, "--clip-grad-norm", "none"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try json(r.stdout)
        let trials = try #require(j["trials"] as? [[String: Any]])
        #expect(trials.count == 30)
        let best = try #require(j["best"] as? [String: Any])
        #expect(best["momentum"] as? Double == 0.9)
        let finite = trials.compactMap { $0["objective"] as? Double }
        #expect(j["objective"] as? Double == finite.min())
        for t in trials {
            let status = t["status"] as? String
            #expect(status == "ok" || status == "diverged")
            #expect((t["objective"] is NSNull) == (status == "diverged"))
        }
        // Unclipped SGD with momentum 0.9 diverges on Rosenbrock for the larger rates.
        #expect(trials.contains { $0["status"] as? String == "diverged" })
        #expect(r.stdout.split(separator: "\n").count == 1)
    }

    @Test(arguments: ["tpe", "random", "optuna-tpe"])
    func everyTrialDivergedHasNoBest(algorithm: String) throws {
        // Unclipped SGD with lr ≥ 50 leaves Rosenbrock within a few steps from any start.
        let r = try run(base + ["--space", #"{"lr": {"uniform": [50, 100]}}"#, "--clip-grad-norm", "none",
                                "--algorithm", algorithm, "--search-steps", "50"])
        #expect(r.status == 0, "\(r.stderr)")
        let j = try json(r.stdout)
        let trials = try #require(j["trials"] as? [[String: Any]])
        #expect(trials.count == 30)
        #expect(trials.allSatisfy { $0["status"] as? String == "diverged" && $0["objective"] is NSNull })
        #expect(j["best"] is NSNull)
        #expect(j["objective"] is NSNull)
        #expect(r.stdout.hasPrefix(#"{"best": null, "objective": null, "trials": ["#))
    }

    @Test func sameSeedSameOutput() throws {
        let args = base + ["--space", #"{"lr": {"loguniform_values": [1e-4, 1]}}"#, "--algorithm", "optuna-tpe"]
        let a = try run(args), b = try run(args)
        #expect(a.status == 0 && a.stdout == b.stdout)
    }

    @Test func refinesTheLastThirtyPercentByDefault() throws {
        let args = base + ["--space", #"{"lr": {"loguniform": [-8, 0.5]}}"#]
        let byDefault = try run(args), explicit = try run(args + ["--refine", "9"]), plain = try run(args + ["--refine", "0"])
        #expect(byDefault.status == 0 && byDefault.stdout == explicit.stdout)
        let a = try #require(json(byDefault.stdout)["trials"] as? [[String: Any]])
        let b = try #require(json(plain.stdout)["trials"] as? [[String: Any]])
        let lr = { (t: [String: Any]) in (t["hyperparameters"] as? [String: Any])?["lr"] as? Double }
        #expect(a.prefix(21).map(lr) == b.prefix(21).map(lr))
        #expect(a.suffix(9).map(lr) != b.suffix(9).map(lr))
    }

    static let space = #"{"lr": {"uniform": [0, 1]}}"#

    @Test(arguments: [
        (["--space", #"{"lr": {"uniform": [1, 0]}}"#],
         #"The value '{"lr": {"uniform": [1, 0]}}' is invalid for '--space <json>': search space key 'lr': uniform has an inverted range"#),
        (["--space", #"{"lr": {"gauss": [0, 1]}}"#], "search space key 'lr': unknown distribution 'gauss'"),
        (["--space", SearchCommandTests.space, "--algorithm", "grid"],
         "The value 'grid' is invalid for '--algorithm <algorithm>'. Please provide one of 'tpe', 'random' or 'optuna-tpe'."),
        (["--space", SearchCommandTests.space, "--objective", "speed"],
         "The value 'speed' is invalid for '--objective <objective>'. Please provide one of 'distance', 'loss' or 'composite'."),
        (["--space", #"{"lr": {"uniform": [0, 1]}, "foo": 1}"#], "trial hyperparameters: Adam: unknown hyperparameter 'foo'"),
        (["--space", "{", "--evaluations", "3"], "The value '{' is invalid for '--space <json>': line 1, column 2: the JSON ends inside an object"),
        (["--space", #"{"lr": {"uniform": [0, 1]}, "lr": {"uniform": [0, 2]}}"#],
         #"is invalid for '--space <json>': line 1, column 29: duplicate key "lr""#),
        (["--space", SearchCommandTests.space, "--refine", "6"], "--refine must be in 0…--evaluations (5), got 6"),
        (["--space", SearchCommandTests.space, "--evaluations", "10001"], "--evaluations must be in 1…10000, got 10001"),
        (["--space", SearchCommandTests.space, "--search-steps", "0"], "--search-steps must be positive (1…100000), got 0"),
        (["--space", SearchCommandTests.space, "--evaluations", "10000", "--search-steps", "2001"],
         "--evaluations × --search-steps must be ≤ 20000000, got 20010000"),
        (["--space", SearchCommandTests.space, "--hyperparameters", "[1]"],
         "is invalid for '--hyperparameters <json>': expected a JSON object of hyperparameters, got a list"),
    ])
    func badInputIsOneLineOnStderr(extra: [String], message: String) throws {
        let r = try run(["--optimizer", "Adam", "--function", "rosenbrock", "--evaluations", "5"] + extra)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.hasPrefix("descent: "))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
