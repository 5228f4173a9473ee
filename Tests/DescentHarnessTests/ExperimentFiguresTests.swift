import DescentBase
import DescentCore
import Foundation
import Testing
@testable import DescentHarness

/// What an experiment's figures record: thumbnails beside every PNG, "left the view", diverged
/// objectives as null, the colour-map settings, and the race and loss figures of a zoo.
@Suite(.serialized) struct ExperimentFiguresTests {
    static func json(_ dir: String, _ file: String) throws -> JSONValue {
        try JSONParser.parse(String(contentsOfFile: dir + "/" + file, encoding: .utf8))
    }

    @Test func everyPNGHasARecordedThumbnail() throws {
        let e = try ExperimentRunnerTests.experiment()
        let dir = ExperimentRunnerTests.temporaryDirectory()
        let result = try #require(try ExperimentRunnerTests.run([e], output: dir).results.first)
        let fm = FileManager.default
        for o in result.optimizers {
            #expect(o.figures["thumbnail"] == "rosenbrock_\(o.label).thumb.png")
            #expect(fm.fileExists(atPath: "\(dir)/tiny/rosenbrock_\(o.label).thumb.png"))
        }
        #expect(result.raceFigures["thumbnail"] == "rosenbrock_race.thumb.png")
        #expect(result.lossCurveThumbnail == "rosenbrock_loss.thumb.png")
        for file in ["rosenbrock_race.thumb.png", "rosenbrock_loss.thumb.png"] { #expect(fm.fileExists(atPath: "\(dir)/tiny/\(file)")) }
        // In results.json: "thumbnail" next to "png", and loss_curve_thumbnail.
        let json = try Self.json(dir, "tiny/results.json")
        #expect(json["loss_curve_thumbnail"] == .string("rosenbrock_loss.thumb.png"))
        #expect(json["race"]?["thumbnail"] == .string("rosenbrock_race.thumb.png"))
        guard case .array(let optimizers)? = json["optimizers"] else { Issue.record("no optimizers"); return }
        #expect(optimizers[0]["figures"]?["thumbnail"] == .string("rosenbrock_Adam.thumb.png"))
        // A 160-pixel figure is its own thumbnail's size (never scaled up).
        let thumb = try Data(contentsOf: URL(fileURLWithPath: "\(dir)/tiny/rosenbrock_Adam.thumb.png"))
        #expect(thumb.count > 33 && thumb[16..<24] == Data([0, 0, 0, 160, 0, 0, 0, 160]))
    }

    @Test func aDivergedObjectiveIsNullAndOldInfIsRead() throws {
        let e = try ExperimentRunnerTests.experiment("""
            {"name": "boom", "function": "rosenbrock", "steps": 50, "clip_grad_norm": null,
             "search": {"evaluations": 3, "steps": 50, "space": {"lr": {"uniform": [50, 100]}}},
             "figures": {"size": 120, "grid": 20, "gif": false, "race": false, "loss_curve": false},
             "optimizers": ["SGD"]}
            """)
        let dir = ExperimentRunnerTests.temporaryDirectory()
        _ = try ExperimentRunnerTests.run([e], output: dir)
        for file in ["boom/results.json", "boom/runs/SGD.json"] {
            let text = try String(contentsOfFile: dir + "/" + file, encoding: .utf8)
            #expect(!text.contains("\"inf\""), "\(file)")
            var record = try Self.json(dir, file)
            if case .array(let rows)? = record["optimizers"] { record = rows[0] }
            #expect(record["objective"] == .null, "\(file)")
            guard case .array(let trials)? = record["trials"] else { Issue.record("no trials in \(file)"); continue }
            #expect(trials.allSatisfy { $0["objective"] == .null })
        }
        // Older files wrote "inf": still read as +∞.
        let old = try String(contentsOfFile: dir + "/boom/runs/SGD.json", encoding: .utf8)
            .replacingOccurrences(of: "\"objective\": null", with: "\"objective\": \"inf\"")
        let record = try #require(OptimizerResult(json: try JSONParser.parse(old)))
        #expect(record.objective == .infinity && record.trials.allSatisfy { $0.objective == .infinity })
    }

    /// SGD on f = x (gradient (1, 0), clipped to norm 1) walks left 0.1 a step from (0, 0):
    /// after 30 steps it is at x = −3, outside the view's x ∈ [−2, 2].
    @Test func aPathEndingOutsideTheViewIsRecordedAsLeavingIt() throws {
        func config(_ steps: Int) -> String {
            """
            {"name": "walk", "steps": \(steps),
             "function": {"expression": "x", "minima": [[-2, 0]], "view": {"x": [-2, 2], "y": [-2, 2]}, "start": [0, 0]},
             "search": {"space": {}}, "figures": {"size": 120, "grid": 20, "gif": false, "race": false, "loss_curve": false},
             "optimizers": [{"name": "SGD", "hyperparameters": {"lr": 0.1}}]}
            """
        }
        let dir = ExperimentRunnerTests.temporaryDirectory()
        let left = try #require(try ExperimentRunnerTests.run([ExperimentRunnerTests.experiment(config(30))], output: dir).results.first?.optimizers.first)
        #expect(left.leftView && !left.diverged)
        #expect(try Self.json(dir, "walk/runs/SGD.json")["left_view"] == .bool(true))
        let inside = try #require(try ExperimentRunnerTests.run([ExperimentRunnerTests.experiment(config(10))], output: dir).results.first?.optimizers.first)
        #expect(!inside.leftView)
        guard case .array(let rows)? = try Self.json(dir, "walk/results.json")["optimizers"] else { Issue.record("no rows"); return }
        #expect(rows[0]["left_view"] == .bool(false))
    }

    @Test func colourMapFilledAndLevelsAreFigureSettings() throws {
        let e = try ExperimentRunnerTests.experiment("""
            {"function": "rosenbrock", "figures": {"colormap": "Viridis_r", "filled": true, "levels": [1, 10, 100]},
             "optimizers": ["Adam"]}
            """)
        #expect(e.figures.colorMap == "viridis_r" && e.figures.filled)
        #expect(e.levels == .explicit([1, 10, 100]))
        let landscape = try LandscapeFigures(e)
        #expect(landscape.colorMap.name == "viridis_r" && landscape.filled)
        let unknown = try #require(throws: ConfigError.self) {
            try ExperimentRunnerTests.experiment(#"{"function": "rosenbrock", "figures": {"colormap": "rainbow"}, "optimizers": ["Adam"]}"#)
        }
        #expect(unknown.path == "figures.colormap" && unknown.message.contains("coolwarm"))
        let twice = try #require(throws: ConfigError.self) {
            try ExperimentRunnerTests.experiment(#"{"function": "rosenbrock", "levels": 10, "figures": {"levels": 12}, "optimizers": ["Adam"]}"#)
        }
        #expect(twice.path == "figures.levels")
    }

    /// A zoo (more than 10 optimizers) shows the 10 smallest final gaps, in config order.
    @Test func aZooShowsTheTenBestByFinalGap() throws {
        let f = try FunctionCatalog.named("rosenbrock")
        func path(_ end: Point, diverged: Bool = false) -> Trajectory {
            let points = [f.defaultStart, end]
            return Trajectory(points: points, losses: points.map { f($0) }, stop: diverged ? .diverged(step: 1) : .completed)
        }
        // Optimizer k ends at (1, 1 + 0.1·(12 − k)): the later, the closer; 12 diverged.
        let paths = (0..<13).map { k in ("O\(k)", path(Point(1, 1 + 0.1 * Double(12 - k)), diverged: k == 12)) }
        let shown = ExperimentFigures.shown(paths, f)
        #expect(shown.map(\.label) == (2..<12).map { "O\($0)" })
        #expect(ExperimentFigures.finalGap(paths[12].1, f) == .infinity)
        #expect(abs(ExperimentFigures.finalGap(paths[11].1, f) - 1) < 1e-12)  // 100·0.1²
        let few = Array(paths.prefix(10))
        #expect(ExperimentFigures.shown(few, f).map(\.label) == few.map(\.0))
    }
}
