import DescentBase
import DescentCore
import DescentHarness
import Foundation
import Testing

/// The configs shipped in configs/ are valid, and together run every optimizer Descent has on
/// at least four landscapes (rosenbrock and rastrigin among them).
@Suite struct RepositoryConfigTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("configs")

    /// Every config of configs/ and configs/benchmark/, of any kind.
    static func all() throws -> [ConfigFile] {
        var out: [ConfigFile] = []
        for folder in [directory, directory.appendingPathComponent("benchmark")] {
            let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
            out += try files.map { try ConfigFile.load(folder.appendingPathComponent($0).path) }
        }
        return out
    }

    /// The 2-D experiments of configs/.
    static func configs() throws -> [Experiment] {
        try all().compactMap { if case .experiment(let e) = $0, !e.file.contains("/benchmark/") { e } else { nil } }
    }

    @Test func everyConfigIsValid() throws {
        #expect(try Self.configs().count >= 6)
        let benchmarks = try Self.all().compactMap { if case .benchmark(let b) = $0 { b } else { nil } }
        #expect(benchmarks.map(\.name).sorted() == ["bench-small", "leaderboard"])
        // The default benchmark is every optimizer on 15 landscapes, within its cost bound.
        let full = try #require(benchmarks.first { $0.name == "leaderboard" })
        #expect(full.optimizers.count == OptimizerRegistry.all.count && full.landscapes.count == 15)
        #expect(BenchmarkCost(full).excess == nil)
    }

    @Test func theSeedConfigsReproduceTheSeed() throws {
        for name in ["rosenbrock", "rastrigin"] {
            let e = try #require(try Self.configs().first { $0.name == name })
            #expect(e.steps == 500 && e.search.evaluations == 100 && e.search.seed == 1 && e.search.steps == 100)
            #expect(e.search.algorithm == .tpe(.hyperopt) && e.search.objective == .distance && e.clipping == .standard)
            #expect(e.figures.size == 800 && e.figures.fps == 25 && e.figures.tail == 20 && e.figures.fade == 30)
            #expect(e.optimizers.map(\.label) == ["Adamax", "Adagrad", "Adadelta", "RMSprop", "Rprop", "NAdam", "LookaheadYogi"])
            #expect(e.start == (name == "rosenbrock" ? Point(-2, 2) : Point(-2, 3.5)))
        }
    }

    @Test func everyOptimizerRunsOnAtLeastFourLandscapes() throws {
        var landscapes: [String: Set<String>] = [:]
        for e in try Self.configs() {
            for o in e.optimizers { landscapes[o.type.info.name, default: []].insert(e.function.name) }
        }
        for name in OptimizerRegistry.names {
            let seen = landscapes[name] ?? []
            #expect(seen.count >= 4 && seen.isSuperset(of: ["rosenbrock", "rastrigin"]), "\(name) runs on \(seen.sorted())")
        }
    }
}
