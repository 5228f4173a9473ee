import DescentBase
import DescentCore
import DescentHarness
import Testing

/// One look at a config shows all of its independent problems: each top-level key and each
/// optimizer entry is checked on its own, the problems come in file order with their JSON paths,
/// and a part that depends on a broken one is not checked (no cascade).
@Suite struct ConfigErrorsTests {
    /// Every problem of `text` as "path: message".
    static func problems(_ text: String, file: String = "c.json") -> [String] {
        do {
            _ = try ConfigFile.decode(text, file: file, defaultName: "c")
            return []
        } catch {
            #expect(error.all.allSatisfy { $0.file == file })
            #expect(error.all.first?.others == [] && error.others == Array(error.all.dropFirst()))
            return error.all.map { "\($0.path): \($0.message)" }
        }
    }

    @Test func anExperimentReportsEveryIndependentProblemInFileOrder() {
        let found = Self.problems("""
            {"optimizers": ["Adamm", {"name": "SGD", "hyperparameters": {"momentun": 0.9}}, "Adam", "adam",
                            {"name": "Adam", "label": "A", "bogus": 1, "bogus2": 2}],
             "steps": -3, "function": "rosenbrok", "start": [5, 5], "levelz": 3,
             "figures": {"size": 1}, "search": {"evaluations": 0}}
            """)
        #expect(found.map { $0.prefix { $0 != ":" } } == [
            "optimizers[0]", "optimizers[1].hyperparameters.momentun", "optimizers[3]", "optimizers[4].bogus",
            "optimizers[4].bogus2", "steps", "function", "levelz", "figures.size", "search.evaluations",
        ], "\(found)")
        #expect(found[0].hasPrefix("optimizers[0]: unknown optimizer 'Adamm' (did you mean 'Adam'"))
        #expect(found[1].contains("did you mean 'momentum'"))
        #expect(found[2] == "optimizers[3]: duplicate label 'Adam' (give one of them a different \"label\")")
        // The start depends on the function, which is wrong: not checked.
        #expect(!found.contains { $0.hasPrefix("start") })
        #expect(found[6] == "function: unknown function 'rosenbrok' (did you mean 'rosenbrock'?); `descent list` shows all 12")
    }

    @Test func aBrokenSearchSpaceDoesNotCascadeIntoEveryEntry() {
        let found = Self.problems(#"{"function": "rosenbrock", "search": {"space": {"lr": {"loguniform": [1, -1]}}}, "optimizers": ["Adam", "AliG"]}"#)
        #expect(found.count == 1 && found[0].hasPrefix("search.space: "), "\(found)")
    }

    @Test func aValidConfigStillDecodesAndOneProblemStaysOne() throws {
        #expect(Self.problems(#"{"function": "rosenbrock", "optimizers": ["Adam"]}"#) == [])
        #expect(Self.problems(#"{"function": "rosenbrock", "optimizers": ["Adam"], "stpes": 3}"#).count == 1)
    }

    @Test func theStartOutsideTheViewNamesTheViewAndWhereItComesFrom() {
        #expect(Self.problems(#"{"function": "rosenbrock", "start": [5, 5], "optimizers": ["Adam"]}"#) == [
            #"start: start [5, 5] is outside the view x [-2, 2], y [-1, 3] (rosenbrock's default view; give a "view" that contains the start)"#,
        ])
        #expect(Self.problems(#"{"function": "rosenbrock", "view": {"x": [-1, 1], "y": [-1, 1.5]}, "optimizers": ["Adam"]}"#) == [
            #"start: start [-2, 2] (rosenbrock's default start) is outside the view x [-1, 1], y [-1, 1.5] (the config's "view")"#,
        ])
    }

    @Test func aBenchmarkReportsEveryIndependentProblem() {
        let found = Self.problems("""
            {"benchmark": {"functions": ["rosenbrok"], "steps": 0, "tuning": {"starts": 0}, "bogus": 1},
             "search": {"algorithm": "bayes"}, "optimizers": ["Adam", "Lionn"]}
            """)
        #expect(found.map { $0.prefix { $0 != ":" } } == [
            "benchmark.functions[0]", "benchmark.steps", "benchmark.tuning.starts", "benchmark.bogus", "search.algorithm", "optimizers[1]",
        ], "\(found)")
    }

    @Test func aStudyReportsEveryIndependentProblemBeforeLoadingAnything() {
        let found = Self.problems("""
            {"dataset": {"builtin": "digits"}, "model": ["flatten", {"linear": 10}], "batch_size": 0, "epochs": 1,
             "shuffle": "yes", "optimizers": ["Adam", {"name": "SGD", "label": "results"}], "landscape": {"grid": 1}}
            """)
        #expect(found.map { $0.prefix { $0 != ":" } } == ["batch_size", "shuffle", "optimizers[1]", "landscape.grid"], "\(found)")
    }
}
