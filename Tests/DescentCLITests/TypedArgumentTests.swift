import Foundation
import Testing

/// Options parse into Descent's types before any command runs: a bad value is one line naming
/// the option with exit code 2; closed sets list their values in `--help`; JSON options go
/// through the strict parser (duplicate keys and objects as values are errors).
@Suite struct TypedArgumentTests {
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("descent-typed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Two cheap optimizers on a small landscape, PNGs only.
    static func config(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("tiny.json").path
        try Data(#"""
            {"name": "tiny", "function": "rosenbrock", "steps": 5,
             "search": {"evaluations": 2, "steps": 5}, "figures": {"size": 100, "grid": 10, "gif": false, "race": false, "loss_curve": false},
             "optimizers": ["Adam", "SGD"]}
            """#.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let shardHelp = "Run part i of n of the work, 1 ≤ i ≤ n (e.g. 1/4), to split a sweep across machines."

    @Test(arguments: ["3/2", "0/2", "2", "1/0", "a/b", "1/2/3", "-1/2"])
    func aBadShardIsAUsageErrorAndWritesNothing(_ shard: String) throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let r = try CLIRunner.run(["run", try Self.config(in: dir), "--output", out, "--shard=\(shard)"])
        #expect(r.status == 2)
        #expect(r.stderr == "descent: The value '\(shard)' is invalid for '--shard <i/n>' — \(Self.shardHelp)\n")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aShardRunsItsShareOfTheOptimizers() throws {
        let dir = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out")
        let r = try CLIRunner.run(["run", try Self.config(in: dir), "--output", out.path, "--shard", "2/2", "--format", "PNG, svg", "--quiet"])
        #expect(r.status == 0, "\(r.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("tiny/runs").path)
        #expect(runs == ["SGD.json"])
        let files = try FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent("tiny").path).sorted()
        #expect(files == ["results.json", "rosenbrock_SGD.png", "rosenbrock_SGD.svg", "rosenbrock_SGD.thumb.png", "runs"])
    }

    static let duplicate = #"{"lr": 0.1, "lr": 0.2}"#
    static let object = #"{"lr": {"value": 0.1}}"#
    static let nested = #"{"betas": [0.9, {"b": 0.99}]}"#

    /// Each command that takes `--hyperparameters`, with everything else valid.
    static let commands: [[String]] = [
        ["trace", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "3"],
        ["render", "--optimizer", "Adam", "--function", "rosenbrock", "--steps", "3", "--png", "/nonexistent-dir/x.png"],
        ["search", "--optimizer", "Adam", "--function", "rosenbrock", "--space", #"{"eps": {"uniform": [0, 1]}}"#, "--evaluations", "2"],
    ]

    @Test(arguments: commands.indices)
    func hyperparameterJSONIsReadStrictly(_ i: Int) throws {
        let cases = [
            (Self.duplicate, #"line 1, column 13: duplicate key "lr""#),
            (Self.object, "'lr': a hyperparameter is a number, true or false, a string, null or a list, got an object"),
            (Self.nested, "'betas[1]': a hyperparameter is a number, true or false, a string, null or a list, got an object"),
        ]
        for (json, reason) in cases {
            let r = try CLIRunner.run(Self.commands[i] + ["--hyperparameters", json])
            #expect(r.status == 2, "\(json)")
            #expect(r.stdout.isEmpty)
            #expect(r.stderr == "descent: The value '\(json)' is invalid for '--hyperparameters <json>': \(reason)\n")
        }
    }

    @Test func closedSetsAcceptAnyCaseAndListTheirValuesInHelp() throws {
        let search = try CLIRunner.run(["search", "--optimizer", "Adam", "--function", "rosenbrock", "--evaluations", "3",
                                        "--space", #"{"lr": {"uniform": [0, 1]}}"#, "--algorithm", "OPTUNA-TPE",
                                        "--objective", "Loss", "--clip-grad-norm", "NONE"])
        #expect(search.status == 0, "\(search.stderr)")
        let lower = try CLIRunner.run(["search", "--optimizer", "Adam", "--function", "rosenbrock", "--evaluations", "3",
                                       "--space", #"{"lr": {"uniform": [0, 1]}}"#, "--algorithm", "optuna-tpe",
                                       "--objective", "loss", "--clip-grad-norm", "none"])
        #expect(search.stdout == lower.stdout && !lower.stdout.isEmpty)

        let help = try CLIRunner.run(["search", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(help.contains("(values: tpe, random, optuna-tpe; default: tpe)"), "\(help)")
        #expect(help.contains("(values: distance, loss, composite; default: distance)"), "\(help)")
        #expect(help.contains("--clip-grad-norm <max-norm|none>"))
        #expect(help.contains("--start <x,y>"))
        let render = try CLIRunner.run(["render", "--help"]).stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(render.contains("Colour map of the contours: jet, viridis, plasma, inferno, magma, cividis, turbo, coolwarm, jet_r,"), "\(render)")
        #expect(render.contains("Figure width and height in pixels (100…4000). (default: 800)"), "\(render)")
    }

    @Test func startPointsAndClippingParseIntoTheirValues() throws {
        let r = try CLIRunner.run(["trace", "--optimizer", "SGD", "--hyperparameters", #"{"lr": 0.5}"#, "--function", "rosenbrock",
                                   "--start=-1.5, 2", "--steps", "1", "--clip-grad-norm", "1e-12"])
        #expect(r.status == 0, "\(r.stderr)")
        struct Path: Decodable { var points: [[Double]]; var losses: [Double] }
        let path = try JSONDecoder().decode(Path.self, from: Data(r.stdout.utf8))
        #expect(path.points[0] == [-1.5, 2] && path.losses == [12.5])
        // At (−1.5, 2) the gradient is (−155, −50); clipped to norm 1e-12, SGD at lr 0.5 moves
        // 0.5e-12 along (155, 50)/|(155, 50)|.
        let norm = (155.0 * 155 + 50 * 50).squareRoot()
        #expect(abs(path.points[1][0] - (-1.5 + 0.5e-12 * 155 / norm)) < 1e-15, "\(path.points[1])")
        #expect(abs(path.points[1][1] - (2 + 0.5e-12 * 50 / norm)) < 1e-15, "\(path.points[1])")
    }
}
