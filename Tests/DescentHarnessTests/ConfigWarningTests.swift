import DescentBase
import DescentHarness
import DescentSearch
import Testing

/// A `loguniform` prior whose bounds both lie in (0, 1] is legal (natural-log exponents) but
/// almost surely meant as values: the config is accepted with a warning naming
/// `loguniform_values`, also when the config is invalid for another reason.
@Suite struct ConfigWarningTests {
    static func warnings(_ text: String) -> [ConfigWarning] {
        var warnings: [ConfigWarning] = []
        _ = try? ConfigFile.decode(text, file: "w.json", defaultName: "w", warnings: &warnings)
        return warnings
    }

    @Test func valueLikeBoundsWarnWithTheirPathAndTheValuesSpelling() throws {
        var warnings: [ConfigWarning] = []
        let config = try ConfigFile.decode("""
            {"function": "rosenbrock", "search": {"space": {"lr": {"loguniform": [1e-5, 0.1]}}},
             "optimizers": ["Adam", {"name": "Adam", "label": "A2", "space": {"lr": {"loguniform": [-8, 0.5]},
                                                                          "eps": {"qloguniform": [0.5, 1, 0.01]}}}]}
            """, file: "w.json", defaultName: "w", warnings: &warnings)
        guard case .experiment(let e) = config else { Issue.record("not an experiment"); return }
        #expect(e.optimizers.count == 2)
        #expect(warnings.map(\.path) == ["search.space.lr", "optimizers[1].space.eps"])
        #expect(warnings[0].description == "w.json: search.space.lr: loguniform bounds [1e-05, 0.1] look like values, but they are "
                + "natural-log exponents: this draws from [1.00001, 1.10517); for values in [1e-05, 0.1] write "
                + #"{"loguniform_values": [1e-05, 0.1]}"#)
        #expect(warnings[1].message.contains(#"{"qloguniform_values": [0.5, 1, q]}"#), "\(warnings[1])")
    }

    @Test func perElementPriorsAreFoundWithTheElementsIndex() throws {
        let space = try JSONParser.parse(#"{"betas": [{"loguniform": [-3, -1]}, {"loguniform": [0.9, 0.99]}], "lr": {"loguniform": [0.01, 1]}}"#)
        #expect(ValueLikeLogBounds.find(in: space).map { "\($0.key) \($0.valuesDistribution) \($0.low) \($0.high)" }
                == ["betas[1] loguniform_values 0.9 0.99", "lr loguniform_values 0.01 1.0"])
    }

    @Test(arguments: [
        #"{"lr": {"loguniform": [-8, 0.5]}}"#,
        #"{"lr": {"loguniform": [-1, 0.5]}}"#,
        #"{"lr": {"loguniform": [0.5, 2]}}"#,
        #"{"lr": {"loguniform_values": [1e-5, 0.1]}}"#,
        #"{"lr": {"uniform": [1e-5, 0.1]}}"#,
        #"{"lr": 0.1}"#,
    ])
    func exponentBoundsAndOtherPriorsDoNotWarn(_ space: String) {
        #expect(Self.warnings(#"{"function": "rosenbrock", "search": {"space": \#(space)}, "optimizers": ["Adam"]}"#).isEmpty)
    }

    @Test func anInvalidConfigStillWarns() {
        let w = Self.warnings(#"{"function": "nope", "search": {"space": {"lr": {"loguniform": [0.001, 1]}}}, "optimizers": ["Adam"]}"#)
        #expect(w.map(\.path) == ["search.space.lr"])
    }
}
