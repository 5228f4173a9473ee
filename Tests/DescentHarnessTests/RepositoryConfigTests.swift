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

    static func configs() throws -> [Experiment] {
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        // Benchmarks and network studies are checked by their own tests.
        return try files.compactMap { f -> Experiment? in
            if case .experiment(let e) = try ConfigFile.load(directory.appendingPathComponent(f).path) { e } else { nil }
        }
    }

    @Test func everyConfigIsValid() throws {
        #expect(try Self.configs().count >= 6)
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
