import Testing
import TestSupport
import DescentSearch

@Suite struct SearchSpaceTests {
    @Test func hyperoptVocabulary() throws {
        let space = try SearchSpace(json: """
            {"lr": {"loguniform": [-8, 0.5]}, "momentum": {"quniform": [0, 0.99, 0.01]},
             "alpha": {"uniform": [0.1, 0.9]}, "eps": {"qloguniform": [-20, -5, 1e-9]},
             "amsgrad": {"choice": [false, true]}, "nesterov": true, "k": 5}
            """)
        #expect(space.dimensions.map(\.name) == ["alpha", "amsgrad", "eps", "lr", "momentum"])
        #expect(space.dimensions[3].distribution == .logUniform(low: -8, high: 0.5))
        #expect(space.dimensions[4].distribution == .quantizedUniform(low: 0, high: 0.99, q: 0.01))
        #expect(space.dimensions[2].distribution == .quantizedLogUniform(low: -20, high: -5, q: 1e-9))
        #expect(space.dimensions[1].distribution == .choice([.bool(false), .bool(true)]))
        let a = space.assignment([0.5, 1, 1e-6, 0.01, 0.9])
        #expect(a == ["alpha": .number(0.5), "amsgrad": .bool(true), "eps": .number(1e-6), "lr": .number(0.01),
                      "momentum": .number(0.9), "nesterov": .bool(true), "k": .number(5)])
    }

    @Test func realValuedLogBounds() throws {
        let space = try SearchSpace(json: #"{"lr": {"loguniform_values": [1e-4, 1.0]}, "eps": {"qloguniform_values": [1e-9, 1e-2, 1e-9]}}"#)
        guard case .logUniform(let lo, let hi) = space.dimensions[1].distribution else {
            Issue.record("lr is not log-uniform")
            return
        }
        expectClose(lo, Elementary_log(1e-4), tolerance: 1e-15)
        #expect(hi == 0)
        guard case .quantizedLogUniform(_, _, let q) = space.dimensions[0].distribution else {
            Issue.record("eps is not q-log-uniform")
            return
        }
        #expect(q == 1e-9)
    }

    @Test func listValuedChoiceAndPerElementLists() throws {
        let space = try SearchSpace(json: """
            {"betas": [{"uniform": [0.8, 0.99]}, 0.999], "lookahead": {"choice": [[0.9, 0.999], [0.95, 0.99]]}}
            """)
        #expect(space.dimensions.map(\.name) == ["betas[0]", "lookahead"])
        let a = space.assignment([0.85, 1])
        #expect(a["betas"] == .list([.number(0.85), .number(0.999)]))
        #expect(a["lookahead"] == .list([.number(0.95), .number(0.99)]))
        // A list of plain values is fixed, not searched.
        let fixed = try SearchSpace(json: #"{"betas": [0.9, 0.999]}"#)
        #expect(fixed.dimensions.isEmpty)
        #expect(fixed.assignment([])["betas"] == .list([.number(0.9), .number(0.999)]))
    }

    @Test func fixedValuesMergeUnderSearchedOnes() throws {
        let space = try SearchSpace(json: #"{"lr": {"uniform": [0, 1]}}"#)
            .addingFixed(["lr": .number(5), "momentum": .number(0.9)])
        #expect(space.dimensions.count == 1)
        #expect(space.assignment([0.25]) == ["lr": .number(0.25), "momentum": .number(0.9)])
    }

    @Test(arguments: [
        (#"{"lr": {"uniform": [1, 1]}}"#, "search space key 'lr': uniform has an empty range: low must be < high, got [1.0, 1.0]"),
        (#"{"lr": {"loguniform": [0, -3]}}"#, "search space key 'lr': loguniform has an inverted range: low must be < high, got [0.0, -3.0]"),
        (#"{"m": {"quniform": [0, 1, 0]}}"#, "search space key 'm': quniform step q must be finite and > 0, got 0.0"),
        (#"{"m": {"qloguniform": [0, 1, -1]}}"#, "search space key 'm': qloguniform step q must be finite and > 0, got -1.0"),
        (#"{"lr": {"loguniform_values": [0, 1]}}"#, "search space key 'lr': loguniform_values bounds are values and must be > 0, got [0.0, 1.0]"),
        (#"{"lr": {"normal": [0, 1]}}"#, "search space key 'lr': unknown distribution 'normal'; valid: uniform, loguniform, loguniform_values, quniform, qloguniform, qloguniform_values, choice"),
        (#"{"lr": {"uniform": [0]}}"#, "search space key 'lr': uniform expects [low, high]"),
        (#"{"lr": {"uniform": [0, "1"]}}"#, "search space key 'lr': uniform expects [low, high]"),
        (#"{"lr": {"uniform": [0, 1e999]}}"#, #"search space: expected a JSON object of hyperparameters, got text that is not valid JSON (line 1, column 24: number '1e999' is too large for a double)"#),
        (#"{"lr": {"loguniform": [0, 800]}}"#, "search space key 'lr': loguniform exponent 800.0 overflows: e^high must be finite"),
        (#"{"b": {"choice": []}}"#, "search space key 'b': choice needs at least one option"),
        (#"{"b": {"choice": [{"uniform": [0, 1]}]}}"#, "search space key 'b': choice options are plain JSON values; nested distributions are not supported"),
        (#"{"b": {"uniform": [0, 1], "choice": [1]}}"#, "search space key 'b': a distribution is an object with exactly one key (one of uniform, loguniform, loguniform_values, quniform, qloguniform, qloguniform_values, choice), got 2 keys"),
        (#"{"betas": [0.9, {"uniform": [1, 0]}]}"#, "search space key 'betas[1]': uniform has an inverted range: low must be < high, got [1.0, 0.0]"),
        (#"[1, 2]"#, "search space: expected a JSON object of hyperparameters, got a list"),
        // Ranges whose arithmetic leaves the doubles.
        (#"{"lr": {"uniform": [-1e308, 1e308]}}"#, "search space key 'lr': uniform range [-1e+308, 1e+308] is too wide: high − low overflows"),
        (#"{"lr": {"loguniform": [-800, 0]}}"#, "search space key 'lr': loguniform exponent -800.0 underflows: e^low must be > 0"),
        (#"{"m": {"quniform": [0, 1e10, 1e-300]}}"#, "search space key 'm': quniform step q = 1e-300 does not fit the bound 10000000000.0: q·round(bound/q) overflows"),
        (#"{"m": {"quniform": [0, 1.7e308, 1e308]}}"#, "search space key 'm': quniform step q = 1e+308 does not fit the bound 1.7e+308: q·round(bound/q) overflows"),
        (#"{"m": {"quniform": [-1.2e308, 0, 1e308]}}"#, "search space key 'm': quniform step q = 1e+308 is too large for the range: high − low + q overflows"),
        (#"{"e": {"qloguniform": [-10, 700, 1e-300]}}"#, "search space key 'e': qloguniform step q = 1e-300 does not fit the bound 1.0142320547350045e+304: q·round(bound/q) overflows"),
        (#"{"lr": {"loguniform_values": [1e300, 1.0000000000000002e300]}}"#,
         "search space key 'lr': loguniform_values range [1e+300, 1.0000000000000002e+300] is too narrow: ln low and ln high are the same double"),
        // Key a[0] and the first element of list key a would be one dimension.
        (#"{"a": [{"uniform": [0, 1]}], "a[0]": {"uniform": [5, 6]}}"#,
         "search space key 'a[0]': two searched parameters have this name (a key and an element of a list key); rename the key"),
    ])
    func invalidSpacesNameTheirKey(json: String, message: String) {
        #expect(throws: Error.self) { try SearchSpace(json: json) }
        do {
            _ = try SearchSpace(json: json)
        } catch {
            #expect(error.description == message)
        }
    }

    /// Ranges too narrow to hold more than a value or two are valid (their searches repeat
    /// those values; see RobustnessTests).
    @Test(arguments: [
        #"{"lr": {"uniform": [1, 1.0000000000000002]}}"#, #"{"lr": {"uniform": [0, 5e-324]}}"#,
        #"{"lr": {"loguniform": [-8, -7.9999999999999]}}"#, #"{"lr": {"quniform": [0, 5e-324, 1e-300]}}"#,
        #"{"lr": {"uniform": [1e308, 1.7976931348623157e308]}}"#, #"{"lr": {"loguniform": [-745, 708]}}"#,
    ])
    func narrowAndExtremeRangesAreValid(json: String) throws {
        #expect(try SearchSpace(json: json).dimensions.count == 1)
    }

    @Test func nonFiniteBoundsAreRejectedInCode() throws {
        #expect(throws: SearchSpaceError.invalid(key: "lr", reason: "uniform bounds must be finite, got [0.0, inf]")) {
            try SearchSpace(["lr": .distribution(.uniform(low: 0, high: .infinity))])
        }
        #expect(throws: SearchSpaceError.invalid(key: "eps", reason: "a fixed number must be finite, got nan")) {
            try SearchSpace(["eps": .fixed(.number(.nan))])
        }
    }

    @Test func priorDrawsRespectBoundsAndQuanta() throws {
        let space = try SearchSpace(json: """
            {"lr": {"loguniform": [-8, 0.5]}, "m": {"quniform": [0, 0.99, 0.01]}, "c": {"choice": ["a", "b", "c"]}}
            """)
        var rng = Xoshiro256StarStar(seed: 5)
        for _ in 0..<2000 {
            let x = RandomSampler().suggest(in: space, after: [], using: &rng)
            #expect([0, 1, 2].contains(x[0]))
            #expect(x[1] >= Elementary_exp(-8) && x[1] < Elementary_exp(0.5))
            #expect(x[2] >= 0 && x[2] <= 0.99)
            #expect(abs(x[2] / 0.01 - (x[2] / 0.01).rounded()) < 1e-9)
        }
    }
}
