import DescentBase
import DescentCore

/// Every measure of a benchmark, computed from its `runs.jsonl` alone (so anyone can recompute
/// it): per optimizer × landscape × target the success rate, ERT and steps-to-target quartiles
/// (`TargetMeasures`); per optimizer the runtime ECDF over every landscape and target and its
/// area, which ranks the optimizers; and the performance profile over landscape × target
/// problems (`PerformanceProfile`, costs = ERT).
public struct Leaderboard: Sendable {
    public var name: String
    public var steps: Int
    public var targets: [Double]
    /// Optimizer labels and landscape names in the order they first appear in runs.jsonl.
    public var optimizers: [String]
    public var functions: [String]
    /// Registry name of each optimizer label.
    public var registryNames: [String: String]
    public var outcomes: [String: [String: [RunOutcome]]]

    public struct FormatError: Error, CustomStringConvertible {
        public var line: Int
        public var reason: String
        public var description: String { "runs.jsonl line \(line): \(reason)" }
    }

    /// An empty leaderboard of `benchmark`, to which runs.jsonl's lines are added in order.
    public init(benchmark: Benchmark) {
        name = benchmark.name
        steps = benchmark.steps
        targets = benchmark.targets
        optimizers = []
        functions = []
        registryNames = [:]
        outcomes = [:]
    }

    /// Reads runs.jsonl text (one JSON object per line).
    public init(runsJSONL text: String, benchmark: Benchmark) throws {
        self.init(benchmark: benchmark)
        for (n, line) in text.split(separator: "\n").enumerated() { try add(try JSONParser.parse(String(line)), line: n + 1) }
    }

    /// Adds one line of runs.jsonl (`line`, its number, for errors).
    public mutating func add(_ json: JSONValue, line n: Int) throws {
        guard let o = json["optimizer"]?.stringValue, let f = json["function"]?.stringValue,
              case .object(let reached)? = json["steps_to_target"], let steps = json["steps"]?.numberValue
        else { throw FormatError(line: n, reason: "missing optimizer, function, steps_to_target or steps") }
        let stepsToTarget = targets.map { t in
            reached.first { Double($0.key) == t }?.value.numberValue.map { Int($0) }
        }
        let outcome = RunOutcome(optimizer: o, function: f, stepsToTarget: stepsToTarget, steps: Int(steps),
                                 finalGap: json["final_gap"]?.numberValue ?? .infinity,
                                 diverged: json["diverged"] == .bool(true))
        if !optimizers.contains(o) { optimizers.append(o) }
        if !functions.contains(f) { functions.append(f) }
        registryNames[o] = json["name"]?.stringValue ?? o
        outcomes[o, default: [:]][f, default: []].append(outcome)
    }

    /// The measures of `optimizer` on `function` at target index `t`.
    public func measures(_ optimizer: String, _ function: String, target t: Int) -> TargetMeasures {
        TargetMeasures(outcomes[optimizer]?[function] ?? [], target: t)
    }

    /// The runtime ECDF of `optimizer` over every landscape (or only `function`) and target.
    public func ecdf(_ optimizer: String, function: String? = nil) -> RuntimeECDF {
        let runs = function.map { outcomes[optimizer]?[$0] ?? [] } ?? functions.flatMap { outcomes[optimizer]?[$0] ?? [] }
        return RuntimeECDF(runs, targets: 0..<targets.count, budget: steps)
    }

    /// The performance profile over (landscape, target) problems, ERT as the cost.
    public var profile: PerformanceProfile {
        var costs: [[Double]] = []
        for f in functions {
            for t in targets.indices { costs.append(optimizers.map { measures($0, f, target: t).ert }) }
        }
        return PerformanceProfile(solvers: optimizers, costs: costs)
    }

    /// Optimizers by ECDF area, best first (ties: runs.jsonl order).
    public var ranking: [(optimizer: String, area: Double)] {
        optimizers.map { ($0, ecdf($0).area) }.enumerated()
            .sorted { $0.element.1 != $1.element.1 ? $0.element.1 > $1.element.1 : $0.offset < $1.offset }
            .map { (optimizer: $0.element.0, area: $0.element.1) }
    }

    static func number(_ d: Double?) -> JSONValue { d.map { $0.isFinite ? .number($0) : .null } ?? .null }

    public var json: JSONValue {
        var results: [JSONValue] = []
        for o in optimizers {
            for f in functions where outcomes[o]?[f] != nil {
                for (t, target) in targets.enumerated() {
                    let m = measures(o, f, target: t)
                    let gaps = (outcomes[o]?[f] ?? []).map(\.finalGap).sorted()
                    results.append(.object([
                        ("optimizer", .string(o)), ("function", .string(f)), ("target", .number(target)),
                        ("runs", .number(Double(m.runs))), ("success_rate", .number(m.successRate)),
                        ("ert", Self.number(m.ert)), ("median_steps", Self.number(m.medianSteps)),
                        ("lower_quartile_steps", Self.number(m.lowerQuartileSteps)),
                        ("upper_quartile_steps", Self.number(m.upperQuartileSteps)),
                        ("median_final_gap", Self.number(Quantile.of(gaps, 0.5))),
                    ]))
                }
            }
        }
        let profile = self.profile
        let ranking: [JSONValue] = self.ranking.enumerated().map { i, r in
            let type = try? OptimizerRegistry.type(named: registryNames[r.optimizer] ?? r.optimizer)
            let e = ecdf(r.optimizer)
            return .object([
                ("rank", .number(Double(i + 1))), ("optimizer", .string(r.optimizer)),
                ("name", .string(registryNames[r.optimizer] ?? r.optimizer)),
                ("year", Self.number(type.map { Double($0.info.year) })),
                ("paper", type.map { .string($0.info.paper) } ?? .null),
                ("ecdf_area", .number(r.area)), ("solved", .number(e.fraction(atStep: steps))),
            ])
        }
        return .object([
            ("benchmark", .string(name)), ("steps", .number(Double(steps))), ("targets", .array(targets.map { .number($0) })),
            ("aggregate", .string("area under the runtime ECDF over every landscape and target, against log(1 + steps), "
                                  + "normalised to [0, 1]; ranks the optimizers")),
            ("ranking", .array(ranking)),
            ("results", .array(results)),
            ("profile", .object([
                ("problems", .array(functions.flatMap { f in targets.map { .string("\(f)@\(JSONWriter.number($0))") } })),
                ("ratios", .object(optimizers.indices.map { (key: optimizers[$0], value: .array(profile.ratios[$0].map(Self.number))) })),
            ])),
        ])
    }

    /// The ranking and the per-landscape success rates at the middle target, as Markdown.
    public var markdown: String {
        var out = "# \(name): leaderboard\n\nRanked by the area under the runtime ECDF (every landscape and target "
            + "\(targets.map { JSONWriter.number($0) }.joined(separator: ", ")), T = \(steps)).\n\n"
            + "| rank | optimizer | ECDF area | solved |\n| ---: | --- | ---: | ---: |\n"
        for (i, r) in ranking.enumerated() {
            out += "| \(i + 1) | \(r.optimizer) | \(String(format: "%.3f", r.area)) | "
                + "\(String(format: "%.0f%%", 100 * ecdf(r.optimizer).fraction(atStep: steps))) |\n"
        }
        let t = targets.count / 2
        out += "\nSuccess rate and ERT at target \(JSONWriter.number(targets[t])) per landscape:\n\n| optimizer | "
            + functions.joined(separator: " | ") + " |\n| --- |" + String(repeating: " ---: |", count: functions.count) + "\n"
        for o in optimizers {
            out += "| \(o) | " + functions.map { f in
                let m = measures(o, f, target: t)
                return String(format: "%.0f%%", 100 * m.successRate) + (m.ert.isFinite ? String(format: " (%.0f)", m.ert) : "")
            }.joined(separator: " | ") + " |\n"
        }
        return out
    }
}
