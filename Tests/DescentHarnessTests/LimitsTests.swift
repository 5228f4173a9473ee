import DescentBase
import DescentHarness
import Foundation
import Testing

/// `Limits` is the one definition of every numeric limit: the config decoder takes exactly its
/// ranges, and the JSON Schema shipped for editors states the same numbers.
@Suite struct LimitsTests {
    static func decode(_ text: String) throws(ConfigError) -> Experiment {
        try ExperimentDecoder.decode(text, file: "c.json", defaultName: "c")
    }

    /// A config with `member` spliced into the object at `path` ("" for the root).
    static func config(_ member: String, at path: String) -> String {
        switch path {
        case "": #"{"function": "rosenbrock", "optimizers": ["Adam"], \#(member)}"#
        default: #"{"function": "rosenbrock", "optimizers": ["Adam"], "\#(path)": {\#(member)}}"#
        }
    }

    static let integerLimits: [(path: String, key: String, range: ClosedRange<Int>)] = [
        ("", "steps", Limits.steps),
        ("search", "steps", Limits.steps),
        ("search", "evaluations", Limits.evaluations),
        ("figures", "size", Limits.figureSize),
        ("figures", "fps", Limits.fps),
        ("figures", "tail", Limits.tail),
        ("figures", "fade", Limits.fade),
        ("figures", "stride", Limits.stride),
        ("figures", "grid", Limits.grid),
        ("", "levels", Limits.levels),
    ]

    @Test(arguments: integerLimits.indices)
    func theDecoderTakesExactlyTheRange(_ i: Int) throws {
        let (path, key, range) = Self.integerLimits[i]
        let at = path.isEmpty ? key : "\(path).\(key)"
        for inside in [range.lowerBound, range.upperBound] {
            // The search's work cap binds before the steps and evaluations caps: pair each with 1.
            let other = path == "search" ? (key == "steps" ? #", "evaluations": 1"# : #", "steps": 1"#) : ""
            #expect(throws: Never.self, "\(at) = \(inside)") { try Self.decode(Self.config(#""\#(key)": \#(inside)\#(other)"#, at: path)) }
        }
        for outside in [range.lowerBound - 1, range.upperBound + 1] {
            let error = #expect(throws: ConfigError.self, "\(at) = \(outside)") {
                try Self.decode(Self.config(#""\#(key)": \#(outside)"#, at: path))
            }
            #expect(error?.path == at)
            #expect(error?.message == "\(outside) is outside [\(range.lowerBound), \(range.upperBound)]")
        }
    }

    @Test func searchWorkAndOptimizerCountAreCapped() throws {
        let steps = Limits.searchWork / Limits.evaluations.upperBound
        _ = try Self.decode(Self.config(#""evaluations": \#(Limits.evaluations.upperBound), "steps": \#(steps)"#, at: "search"))
        let error = #expect(throws: ConfigError.self) {
            try Self.decode(Self.config(#""evaluations": \#(Limits.evaluations.upperBound), "steps": \#(steps + 1)"#, at: "search"))
        }
        #expect(error?.path == "search")
        #expect(error?.message.contains("more than \(Limits.searchWork) optimizer steps") == true)

        let names = (0...Limits.optimizers.upperBound).map { #"{"name": "Adam", "label": "a\#($0)"}"# }
        let tooMany = #"{"function": "rosenbrock", "optimizers": [\#(names.joined(separator: ", "))]}"#
        let many = #expect(throws: ConfigError.self) { try Self.decode(tooMany) }
        #expect(many?.message == "\(Limits.optimizers.upperBound + 1) optimizers; at most \(Limits.optimizers.upperBound) per config")
        let most = #"{"function": "rosenbrock", "optimizers": [\#(names.dropLast().joined(separator: ", "))]}"#
        #expect(try Self.decode(most).optimizers.count == Limits.optimizers.upperBound)
    }

    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("configs/schema/descent-config.schema.json")

    /// `minimum` and `maximum` of the schema node at `path` (object keys and list indices).
    static func bounds(_ root: JSONValue, _ path: [String]) throws -> ClosedRange<Double> {
        var node = root
        for key in path {
            if let i = Int(key), case .array(let items) = node { node = items[i] } else { node = try #require(node[key], "\(path)") }
        }
        guard case .number(let lo)? = node["minimum"], case .number(let hi)? = node["maximum"] else {
            throw SchemaError(path: path)
        }
        return lo...hi
    }

    struct SchemaError: Error { var path: [String] }

    @Test func theSchemaStatesTheSameLimits() throws {
        let root = try JSONParser.parse(String(contentsOf: Self.schema, encoding: .utf8))
        func range(_ r: ClosedRange<Int>) -> ClosedRange<Double> { Double(r.lowerBound)...Double(r.upperBound) }
        let expected: [([String], ClosedRange<Double>)] = [
            (["properties", "steps"], range(Limits.steps)),
            (["properties", "clip_grad_norm"], Limits.clipGradNorm),
            (["properties", "search", "properties", "evaluations"], range(Limits.evaluations)),
            (["properties", "search", "properties", "steps"], range(Limits.steps)),
            (["properties", "figures", "properties", "size"], range(Limits.figureSize)),
            (["properties", "figures", "properties", "fps"], range(Limits.fps)),
            (["properties", "figures", "properties", "tail"], range(Limits.tail)),
            (["properties", "figures", "properties", "fade"], range(Limits.fade)),
            (["properties", "figures", "properties", "stride"], range(Limits.stride)),
            (["properties", "figures", "properties", "grid"], range(Limits.grid)),
            (["$defs", "levels", "oneOf", "0"], range(Limits.levels)),
            (["$defs", "levels", "oneOf", "2", "properties", "count"], range(Limits.levels)),
        ]
        for (path, limit) in expected {
            #expect(try Self.bounds(root, path) == limit, "\(path.joined(separator: "."))")
        }
        let optimizers = try #require(root["properties"]?["optimizers"])
        #expect(optimizers["minItems"] == .number(Double(Limits.optimizers.lowerBound)))
        #expect(optimizers["maxItems"] == .number(Double(Limits.optimizers.upperBound)))
    }

    /// However many jobs are asked for, the units run at once stay within the memory budget.
    @Test func concurrencyIsBoundedByTheMemoryBudget() throws {
        let big = try Self.decode(#"{"function": "rosenbrock", "levels": 20, "figures": {"size": 4000, "grid": 2000}, "optimizers": ["Adam"]}"#)
        let cost = ExperimentCost(big)
        #expect(cost.concurrentUnits(jobs: 256) * cost.unitMemory <= Limits.runMemory)
        #expect(cost.concurrentUnits(jobs: 256) >= 1 && cost.concurrentUnits(jobs: 1) == 1)
        let small = try Self.decode(#"{"function": "rosenbrock", "figures": {"size": 400}, "optimizers": ["Adam"]}"#)
        #expect(ExperimentCost(small).concurrentUnits(jobs: 2) == 2)
    }
}
