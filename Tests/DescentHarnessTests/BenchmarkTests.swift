import DescentBase
import DescentCore
@testable import DescentHarness
import Foundation
import Testing

/// Benchmarks end to end on small configs: decoding and its errors, held-out starts,
/// reproducible noisy runs, the leaderboard recomputed from runs.jsonl, shards.
@Suite struct BenchmarkTests {
    static let config = #"""
        {"name": "tb",
         "benchmark": {"functions": ["matyas", {"function": "rosenbrock", "noise": 0.3}],
                       "steps": 60, "targets": [1e-1, 1e-3],
                       "tuning": {"evaluations": 4, "starts": 2, "seed": 5},
                       "evaluation": {"starts": 3, "seeds": 2, "seed": 9},
                       "sensitivity": {"points": 3, "decades": 1}},
         "search": {"algorithm": "random", "space": {"lr": {"loguniform": [-6, 0]}}},
         "optimizers": ["Adam", {"name": "SGD", "label": "SGD-m", "hyperparameters": {"momentum": 0.9}}]}
        """#

    static func benchmark(_ text: String = config) throws -> Benchmark {
        guard case .benchmark(let b) = try ConfigFile.decode(text, file: "tb.json", defaultName: "tb") else {
            throw ConfigError(file: "tb.json", path: "", message: "not a benchmark")
        }
        return b
    }

    static func run(_ b: Benchmark, output: String, jobs: Int = 1, shard: Shard? = nil) throws {
        var options = RunOptions()
        options.output = output
        options.jobs = jobs
        options.shard = shard
        _ = try BenchmarkRunner(options: options).run([b], events: { _ in })
    }

    static func lines(_ path: String) throws -> [JSONValue] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    @Test func theIssuesShapeDecodesWithItsDefaults() throws {
        let b = try Self.benchmark()
        #expect(b.landscapes.map(\.name) == ["matyas", "rosenbrock-noise0.3"])
        #expect(b.landscapes[1].noise == 0.3 && b.landscapes[1].minimumValue == 0)
        #expect(b.targets == [1e-1, 1e-3] && b.steps == 60 && b.clipping.maxNorm == 1)
        #expect(b.optimizers.map(\.label) == ["Adam", "SGD-m"])
        let defaults = try Self.benchmark(#"{"benchmark": {"tuning": {"evaluations": 2, "starts": 1}, "evaluation": {"starts": 1, "seeds": 1}, "steps": 10}}"#)
        #expect(defaults.landscapes.count == 15)
        #expect(defaults.landscapes.suffix(3).map(\.name) == ["rosenbrock-noise1", "rastrigin-noise1", "beale-noise1"])
        #expect(defaults.optimizers.count == OptimizerRegistry.all.count)
        #expect(defaults.targets == [1e-1, 1e-3, 1e-6])
    }

    @Test(arguments: [
        (#"{"benchmark": {"functions": [{"function": "rosenbrock", "noise": -1}]}}"#, "benchmark.functions[0].noise"),
        (#"{"benchmark": {"targets": []}}"#, "benchmark.targets"),
        (#"{"benchmark": {"tuning": {"evaluatons": 3}}}"#, "benchmark.tuning.evaluatons"),
        (#"{"benchmark": {"functions": ["booth", "booth"]}}"#, "benchmark.functions[1]"),
        (#"{"benchmark": {"functions": [{"function": "booth", "name": "../x"}]}}"#, "benchmark.functions[0].name"),
        (#"{"benchmark": {"steps": 100000, "evaluation": {"starts": 1000, "seeds": 100}}}"#, "benchmark"),
        (#"{"benchmark": {}, "optimizers": ["Adamm"]}"#, "optimizers[0]"),
    ])
    func badBenchmarksNameThePath(_ text: String, _ path: String) throws {
        #expect {
            _ = try ConfigFile.decode(text, file: "b.json", defaultName: "b")
        } throws: { error in
            (error as? ConfigError)?.path == path
        }
    }

    @Test func evaluationStartsAreHeldOutEvenWithEqualSeeds() throws {
        var b = try Self.benchmark()
        b.tuning.seed = 3
        b.evaluation.seed = 3
        b.evaluation.starts = 500
        for l in b.landscapes {
            let s = BenchmarkStarts(b, landscape: l)
            #expect(s.tuning.count == 2 && s.evaluation.count == 500)
            #expect(Set(s.tuning).isDisjoint(with: s.evaluation))
            #expect(s.evaluation.allSatisfy { l.function.view.contains($0) })
        }
    }

    /// The sweep moves the learning rate the optimizer steps with: `lr` where it has one, AliG's
    /// `max_lr` where it has not; each point is the median gap of that optimizer run directly.
    @Test(arguments: [("Adam", "lr"), ("AliG", "max_lr")])
    func theSensitivitySweepMovesTheLearningRate(_ name: String, _ key: String) throws {
        let entry = #"{"name": "\#(name)", "space": {"\#(key)": {"loguniform": [-5, -1]}}}"#
        let b = try Self.benchmark(#"""
            {"benchmark": {"functions": ["matyas"], "steps": 40, "tuning": {"evaluations": 3, "starts": 3, "seed": 2},
                           "evaluation": {"starts": 1, "seeds": 1}, "sensitivity": {"points": 5, "decades": 1}},
             "search": {"algorithm": "random"},
             "optimizers": [\#(entry)]}
            """#)
        let unit = BenchmarkUnit(benchmark: b, entry: b.optimizers[0], landscape: b.landscapes[0])
        let output = try unit.run()
        let tuned = try #require(output.tuned[key]?.number)
        #expect(output.sensitivity.count == 5)
        #expect(output.sensitivity[2]["lr"] == .number(tuned) && output.sensitivity[2]["tuned"] == .bool(true))
        let starts = BenchmarkStarts(b, landscape: b.landscapes[0]).tuning
        var finite = 0
        for point in output.sensitivity {
            let lr = try #require(point["lr"]?.numberValue)
            var h = output.tuned
            h[key] = .number(lr)
            let optimizer = try OptimizerRegistry.make(name, h)
            let gaps = starts.map { start in
                let t = TrajectoryRunner(steps: 40).run(b.landscapes[0].function, optimizer, from: start)
                return t.diverged ? Double.infinity : b.landscapes[0].function(t.final) - b.landscapes[0].minimumValue
            }.sorted()
            let median = gaps[1]
            #expect(point["median_final_gap"] == (median.isFinite ? .number(median) : .null), "\(name) lr \(lr)")
            if median.isFinite { finite += 1 }
        }
        #expect(finite >= 3, "the sweep should mostly run: \(output.sensitivity)")
    }

    @Test func runsAreReproducibleShardableAndReplayable() throws {
        let b = try Self.benchmark()
        let dir = ExperimentRunnerTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.run(b, output: dir + "/one")
        try Self.run(b, output: dir + "/two", jobs: 2)
        for i in 1...2 { try Self.run(b, output: dir + "/merged", shard: Shard("\(i)/2")) }
        try Self.run(b, output: dir + "/merged")  // assembles the shards' units, runs nothing
        let one = ExperimentRunnerTests.files(dir + "/one")
        for name in ["tb/runs.jsonl", "tb/tuning.jsonl", "tb/leaderboard.json"] {
            #expect(one[name] != nil && one[name] == ExperimentRunnerTests.files(dir + "/two")[name], "\(name), jobs")
            #expect(one[name] == ExperimentRunnerTests.files(dir + "/merged")[name], "\(name), shards")
        }

        let runs = try Self.lines(dir + "/one/tb/runs.jsonl")
        #expect(runs.count == 2 * 2 * 3 * 2)
        // Tuning never saw an evaluation start.
        let tuning = try Self.lines(dir + "/one/tb/tuning.jsonl")
        let tuned = Set(tuning.flatMap { $0["starts"]?.arrayValue ?? [] })
        #expect(!tuned.isEmpty && tuned.isDisjoint(with: runs.compactMap { $0["start"] }))
        // Every line replays: the same optimizer, hyperparameters, start and noise seed give its final gap.
        for line in runs {
            let l = b.landscapes.first { .string($0.name) == line["function"] }!
            let h = try Hyperparameters(json: line["hyperparameters"]!)
            let start = line["start"]!.arrayValue!.compactMap(\.numberValue)
            let seed = UInt64(line["seed"]!.numberValue!)
            let runner = TrajectoryRunner(steps: 60, noise: l.noise > 0 ? GradientNoise(sigma: l.noise, seed: seed) : nil)
            let t = runner.run(l.function, try OptimizerRegistry.make(line["name"]!.stringValue!, h), from: Point(start[0], start[1]))
            if t.diverged { #expect(line["final_gap"] == .null) } else {
                #expect(line["final_gap"] == .number(l.function(t.final) - l.minimumValue))
            }
        }
    }

    @Test func theLeaderboardIsRecomputedFromRunsJSONL() throws {
        let b = try Self.benchmark()
        let dir = ExperimentRunnerTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.run(b, output: dir)
        let runs = try Self.lines(dir + "/tb/runs.jsonl")
        let board = try JSONParser.parse(try String(contentsOfFile: dir + "/tb/leaderboard.json", encoding: .utf8))
        let rows = board["results"]!.arrayValue!
        #expect(rows.count == 2 * 2 * 2)
        for row in rows {
            let target = row["target"]!.numberValue!
            let key = JSONWriter.number(target)
            let group = runs.filter { $0["optimizer"] == row["optimizer"] && $0["function"] == row["function"] }
            let reached = group.compactMap { $0["steps_to_target"]?[key]?.numberValue }
            let rate = Double(reached.count) / Double(group.count)
            #expect(row["success_rate"] == .number(rate))
            let ert = reached.isEmpty ? nil : (reached.reduce(0, +) + Double(group.count - reached.count) * 60) / Double(reached.count)
            #expect(row["ert"] == (ert.map { .number($0) } ?? .null))
        }
        #expect(board["ranking"]?.arrayValue?.count == 2)
        for figure in ["ecdf.png", "ecdf.svg", "profile.png", "sensitivity_matyas.png", "ecdf_rosenbrock-noise0.3.png"] {
            #expect(FileManager.default.fileExists(atPath: dir + "/tb/" + figure), "\(figure)")
        }
    }

    @Test func theGalleryShowsTheLeaderboard() throws {
        let b = try Self.benchmark()
        let dir = ExperimentRunnerTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try Self.run(b, output: dir)
        _ = try Gallery.write(to: dir)
        let html = try String(contentsOfFile: dir + "/index.html", encoding: .utf8)
        let markdown = try String(contentsOfFile: dir + "/README.md", encoding: .utf8)
        #expect(html.contains("<section id=\"leaderboard--tb\" data-group>\n<h2>Leaderboard — tb</h2>"))
        #expect(html.contains("<input id=\"q\" type=\"search\"") && html.contains("id=\"leaderboard--tb-table\""))
        #expect(html.contains("href=\"tb/ecdf.png\"") && html.contains("href=\"tb/profile.png\""))
        let ranked = try JSONParser.parse(try String(contentsOfFile: dir + "/tb/leaderboard.json", encoding: .utf8))["ranking"]!.arrayValue!
        for row in ranked {
            let label = row["optimizer"]!.stringValue!
            #expect(html.contains(">\(label)</a></td>") || html.contains(">\(label)</span></td>"), "\(label)")
            #expect(markdown.contains("| \(label) |"), "\(label)")
        }
        #expect(markdown.contains("## Leaderboard — tb"))
        // The per-landscape table behind the ranking: a row per ranked optimizer, a cell per
        // landscape with its ERT and success rate at the middle target.
        let board = try #require(GalleryLeaderboard.all(in: dir).first)
        #expect(board.tableTarget == 0.001 && !board.landscapes.isEmpty)
        let section = board.landscapesHTML()
        #expect(section.contains("id=\"leaderboard--tb-landscapes\""))
        #expect(section.components(separatedBy: "<tr data-search").count - 1 == ranked.count)
        #expect(section.components(separatedBy: "<td class=\"gap g").count - 1 == ranked.count * board.landscapes.count)
        #expect(markdown.contains("Per landscape: ERT (success rate) to f − f* ≤ 0.001."))
    }
}
