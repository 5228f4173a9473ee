import DescentBase
import DescentCore
import DescentHarness
import Testing

@Suite struct ExperimentDecoderTests {
    static let valid = """
        {
          "name": "demo",
          "function": "rosenbrock",
          "start": [-2, 2],
          "steps": 300,
          "clip_grad_norm": 1.0,
          "search": {"algorithm": "tpe", "evaluations": 50, "seed": 3, "objective": "distance", "steps": 100,
                     "space": {"lr": {"loguniform": [-8, 0.5]}}},
          "figures": {"png": true, "gif": false, "size": 600, "tail": 10, "fade": 5},
          "optimizers": ["Adam", {"name": "SGD", "label": "SGD-momentum", "hyperparameters": {"momentum": 0.9}}]
        }
        """

    func decode(_ text: String) throws(ConfigError) -> Experiment {
        try ExperimentDecoder.decode(text, file: "configs/demo.json", defaultName: "demo")
    }

    @Test func decodesAValidConfigWithDefaults() throws {
        let e = try decode(Self.valid)
        #expect(e.name == "demo" && e.function.name == "rosenbrock" && e.steps == 300)
        #expect(e.start == Point(-2, 2) && e.view == Rosenbrock().view && e.levels == Rosenbrock().levels)
        #expect(e.search.evaluations == 50 && e.search.seed == 3 && e.search.algorithm == .tpe(.hyperopt))
        #expect(e.figures.size == 600 && !e.figures.gif && e.figures.fps == 25)
        #expect(e.optimizers.map(\.label) == ["Adam", "SGD-momentum"])
        #expect(e.optimizers[1].hyperparameters == ["momentum": 0.9])
        #expect(e.optimizers[0].space == e.search.space)
        #expect(e.clipping == .standard)
    }

    @Test func userExpressionsDecodeAndPointAtTheColumn() throws {
        let e = try decode("""
            {"function": {"expression": "(1-x)^2 + 100*(y-x^2)^2", "minima": [[1, 1]],
                          "view": {"x": [-2, 2], "y": [-1, 3]}, "start": [-1, 2]},
             "optimizers": ["Adam"], "clip_grad_norm": null}
            """)
        #expect(e.function(Point(0, 0)) == 1)
        #expect(e.clipping == .none)
        // No search space given: the seed's lr range.
        #expect(e.optimizers[0].searchSpace.dimensions.map(\.name) == ["lr"])
        let none = try decode(#"{"function": "rosenbrock", "search": {"space": {}}, "optimizers": ["Adam"]}"#)
        #expect(none.optimizers[0].searchSpace.dimensions.isEmpty)
        let error = #expect(throws: ConfigError.self) {
            try decode(#"{"function": {"expression": "(1-x", "minima": [[1,1]], "view": {"x": [-2,2], "y": [-1,3]}}, "optimizers": ["Adam"]}"#)
        }
        #expect(error?.path == "function.expression")
        #expect(error?.message.contains("column 5") == true)
    }

    @Test(arguments: [
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "stpes": 3}"#, "stpes", "did you mean 'steps'"),
        (#"{"function": "rosenbrok", "optimizers": ["Adam"]}"#, "function", "unknown function 'rosenbrok'"),
        (#"{"function": "rosenbrock", "optimizers": ["Adamm"]}"#, "optimizers[0]", "unknown optimizer 'Adamm'"),
        (#"{"function": "rosenbrock", "optimizers": []}"#, "optimizers", "empty"),
        (#"{"function": "rosenbrock", "optimizers": "Adam"}"#, "optimizers", "expected a list"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "steps": 1000000000}"#, "steps", "outside [1, 100000]"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "steps": -5}"#, "steps", "outside"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "steps": 2.5}"#, "steps", "whole number"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "start": [5, 5]}"#, "start", "outside the view"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "view": {"x": [2, -2], "y": [-1, 3]}}"#, "view.x", "inverted"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "figures": {"size": 100000}}"#, "figures.size", "outside"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "figures": {"gif": "yes"}}"#, "figures.gif", "true or false"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "search": {"algorithm": "bayes"}}"#, "search.algorithm", "valid: tpe, random, optuna-tpe"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "search": {"evaluations": 0}}"#, "search.evaluations", "outside"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "search": {"evaluations": 10000, "steps": 100000}}"#, "search", "more than"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "hyperparameters": {"lr": -1}}]}"#, "optimizers[0].hyperparameters.lr", "outside [0, inf)"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "hyperparameters": {"betas": [0.9, 2]}}]}"#, "optimizers[0].hyperparameters.betas", "betas[1]"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "hyperparameters": {"lr": {"value": 0.1}}}]}"#,
         "optimizers[0].hyperparameters.lr", "a hyperparameter is a number, true or false, a string, null or a list, got an object"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "hyperparameters": {"betas": [0.9, {}]}}]}"#,
         "optimizers[0].hyperparameters.betas[1]", "got an object"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "hyperparameters": {"lr": 0.1, "lr": 0.2}}]}"#, "", "duplicate key \"lr\""),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "figures": {"tail": 0}}"#, "figures.tail", "outside [1, 10000]"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam", "adam"]}"#, "optimizers[1]", "duplicate label"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "label": "../x"}]}"#, "optimizers[0].label", "file name"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "levels": {"logspace": [3, 1, 20]}}"#, "levels.logspace[1]", "from < to"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "name": "../etc"}"#, "name", "folder name"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"], "clip_grad_norm": -1}"#, "clip_grad_norm", "outside"),
        (#"{"function": "rosenbrock", "optimizers": ["Adam"]"#, "", "invalid JSON at line 1"),
        (#"[1, 2]"#, "", "a config is a JSON object"),
    ])
    func invalidConfigsNameFilePathAndProblem(_ text: String, _ path: String, _ message: String) {
        do {
            _ = try decode(text)
            Issue.record("decoded: \(text)")
        } catch {
            #expect(error.file == "configs/demo.json")
            #expect(error.path == path, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }

    /// Seeded mutations of a valid config — truncations, deleted and swapped characters,
    /// inserted junk, replaced bytes. Each must either be rejected with the right kind of
    /// error — text that is not JSON with the parser's own line and column, anything else with
    /// a ConfigError naming this file — or decode to an experiment within every limit.
    @Test func fuzzedConfigsAreRejectedPreciselyOrDecodeWithinTheLimits() {
        let base = Array(Self.valid.utf8)
        let junk: [[UInt8]] = ["1e308", "-1", "NaN", "\"\"", "[]", "{}", "null", "true", "99999999999", "0.0000001", "\"Adam\""].map { Array($0.utf8) }
        var state: UInt64 = 0x5EED
        func next(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var decoded = 0, notJSON = 0, invalid = 0
        for _ in 0..<3000 {
            var bytes = base
            for _ in 0..<(1 + next(3)) {
                switch next(5) {
                case 0: bytes = Array(bytes.prefix(next(bytes.count + 1)))
                case 1: if !bytes.isEmpty { bytes.remove(at: next(bytes.count)) }
                case 2: if bytes.count > 1 { bytes.swapAt(next(bytes.count), next(bytes.count)) }
                case 3: bytes.insert(contentsOf: junk[next(junk.count)], at: next(bytes.count + 1))
                default: if !bytes.isEmpty { bytes[next(bytes.count)] = UInt8(32 + next(95)) }
                }
            }
            let text = String(decoding: bytes, as: UTF8.self)
            let syntax: JSONSyntaxError?
            do { _ = try JSONParser.parse(text); syntax = nil } catch { syntax = error }
            do {
                let e = try decode(text)
                decoded += 1
                #expect(syntax == nil, "decoded text that is not JSON: \(text)")
                Self.expectWithinLimits(e, text)
            } catch {
                #expect(error.file == "configs/demo.json")
                if let syntax {
                    notJSON += 1
                    #expect(error.path.isEmpty && error.message == "invalid JSON at \(syntax)", "\(error)")
                } else {
                    invalid += 1
                    #expect(!error.message.isEmpty && !error.message.hasPrefix("invalid JSON"), "\(error)")
                }
            }
        }
        // The seeded mutations reach every outcome (this seed: 75 decode, 2457 are not JSON,
        // 468 are JSON but not a valid config).
        #expect(decoded > 50 && notJSON > 1000 && invalid > 100, "decoded \(decoded), not JSON \(notJSON), invalid \(invalid)")
    }

    /// What a decoded config guarantees, whatever its text.
    static func expectWithinLimits(_ e: Experiment, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let figures = e.figures
        #expect(Limits.steps.contains(e.steps) && Limits.steps.contains(e.search.steps), "\(text)", sourceLocation: sourceLocation)
        #expect(Limits.evaluations.contains(e.search.evaluations) && e.search.evaluations * e.search.steps <= Limits.searchWork,
                "\(text)", sourceLocation: sourceLocation)
        #expect(Limits.figureSize.contains(figures.size) && Limits.grid.contains(figures.grid) && Limits.fps.contains(figures.fps)
                && Limits.tail.contains(figures.tail) && Limits.fade.contains(figures.fade) && Limits.stride.contains(figures.stride),
                "\(text)", sourceLocation: sourceLocation)
        #expect(Limits.optimizers.contains(e.optimizers.count), "\(text)", sourceLocation: sourceLocation)
        #expect(Set(e.optimizers.map { $0.label.lowercased() }).count == e.optimizers.count, "\(text)", sourceLocation: sourceLocation)
        #expect(e.view.contains(e.start), "\(text)", sourceLocation: sourceLocation)
        #expect(!e.name.isEmpty && !e.name.contains("/"), "\(text)", sourceLocation: sourceLocation)
    }
}

@Suite struct SearchSpaceValidationTests {
    func decode(_ text: String) throws(ConfigError) -> Experiment {
        try ExperimentDecoder.decode(text, file: "c.json", defaultName: "c")
    }

    @Test func spacesAreParsedWithFixedValuesUnderneath() throws {
        let e = try decode(#"{"function": "rosenbrock", "search": {"space": {"lr": {"loguniform": [-8, 0.5]}}}, "optimizers": [{"name": "SGD", "hyperparameters": {"momentum": 0.9}}]}"#)
        #expect(e.optimizers[0].searchSpace.dimensions.map(\.name) == ["lr"])
    }

    @Test(arguments: [
        (#"{"function": "rosenbrock", "search": {"space": {"lr": {"loguniform": [1, -8]}}}, "optimizers": ["Adam"]}"#, "search.space", "inverted"),
        (#"{"function": "rosenbrock", "search": {"space": {"lr": {"gaussian": [0, 1]}}}, "optimizers": ["Adam"]}"#, "search.space", "gaussian"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "SGD", "space": {"momentum": {"uniform": [-1, 0.5]}}}]}"#, "optimizers[0].space", "momentum"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "space": {"betas": [{"uniform": [0.5, 1.5]}, 0.999]}}]}"#, "optimizers[0].space", "betas[0]"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "space": {"momentum": {"uniform": [0, 1]}}}]}"#, "optimizers[0].space", "unknown hyperparameter 'momentum'"),
        (#"{"function": "rosenbrock", "optimizers": [{"name": "Adam", "space": [1, 2]}]}"#, "optimizers[0].space", "object"),
    ])
    func spacesTheOptimizerCannotTakeAreRejectedBeforeWork(_ text: String, _ path: String, _ message: String) {
        do {
            _ = try decode(text)
            Issue.record("decoded: \(text)")
        } catch {
            #expect(error.path == path, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        }
    }
}
