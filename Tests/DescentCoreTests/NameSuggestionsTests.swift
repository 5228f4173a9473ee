import DescentCore
import Testing

/// Names people type: whitespace around them is ignored, and an unknown one is answered with the
/// nearest valid names and where to find the rest, not with every name.
@Suite struct NameSuggestionsTests {
    @Test func whitespaceAroundANameIsIgnored() throws {
        #expect(try OptimizerRegistry.type(named: " adam\n").info.name == "Adam")
        #expect(try OptimizerRegistry.type(named: "\tLookaheadAdam ").info.name == "LookaheadAdam")
        #expect(try FunctionCatalog.named(" Six-Hump-Camel ").name == "six_hump_camel")
        #expect(" a b ".trimmingWhitespace == "a b" && "  ".trimmingWhitespace == "")
    }

    @Test func nearestNamesComeFirstAndAtMostThree() {
        #expect(nearest(to: "Adamm", in: ["SGD", "Adam", "AdamW", "Lion", "AdamP", "Adamax"]) == ["Adam", "AdamW", "AdamP"])
        #expect(nearest(to: "mom", in: ["lr", "momentum", "dampening"]) == ["momentum"])
        #expect(nearest(to: "xyzzy", in: ["lr", "momentum"]).isEmpty)
        #expect(closest(to: "stpes", in: ["name", "steps", "start"]) == "steps")
    }

    @Test func anUnknownOptimizerSuggestsTheNearestAndPointsToTheListing() {
        let count = OptimizerRegistry.names.count
        #expect(throws: OptimizerError.self) { try OptimizerRegistry.type(named: "Adamm") }
        do {
            _ = try OptimizerRegistry.type(named: "Adamm")
        } catch {
            #expect("\(error)" == "unknown optimizer 'Adamm' (did you mean 'Adam', 'AdamW' or 'AdamP'?); `descent list` shows all \(count)")
        }
        do {
            _ = try OptimizerRegistry.type(named: "LookaheadYogii")
        } catch {
            #expect("\(error)".hasPrefix("unknown optimizer 'LookaheadYogii' (did you mean 'LookaheadYogi'"), "\(error)")
        }
        do {
            _ = try OptimizerRegistry.type(named: "qqqqqqqqqq")
        } catch {
            #expect("\(error)" == "unknown optimizer 'qqqqqqqqqq'; `descent list` shows all \(count)")
        }
    }

    @Test func anUnknownFunctionSuggestsTheNearest() {
        #expect(FunctionCatalogError.unknown(name: "rosenbrok", valid: FunctionCatalog.names).description
                == "unknown function 'rosenbrok' (did you mean 'rosenbrock'?); `descent list` shows all 12")
        #expect(FunctionCatalogError.unknown(name: "six-hump", valid: FunctionCatalog.names).description
                == "unknown function 'six-hump' (did you mean 'six_hump_camel'?); `descent list` shows all 12")
    }
}
