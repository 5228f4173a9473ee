import DescentBase
import DescentCore

// results.json: written with `JSONWriter` (deterministic bytes) and read back for the gallery.

extension ExperimentResult {
    public var json: JSONValue {
        .object([
            ("experiment", .string(experiment)),
            ("config", .string(config)),
            ("descent_version", .string(descentVersion)),
            ("function", .object([
                ("name", .string(function)), ("display_name", .string(functionDisplayName)),
                ("formula", .string(formula)), ("minima", .array(minima.map(\.json))),
            ])),
            ("start", start.json),
            ("steps", .number(Double(steps))),
            ("race", .object(raceFigures.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("loss_curve", lossCurve.map { .string($0) } ?? .null),
            ("loss_curve_thumbnail", lossCurveThumbnail.map { .string($0) } ?? .null),
            ("figures_digest", figuresDigest.map { .string($0) } ?? .null),
            ("minimum_value", minimumValue.map { .number($0) } ?? .null),
            ("search", search?.json ?? .null),
            ("optimizers", .array(optimizers.map(\.json))),
        ])
    }

    /// Reads a results.json value; `nil` when it is not one (an older or foreign file).
    public init?(json: JSONValue) {
        guard case .string(let experiment)? = json["experiment"], case .string(let config)? = json["config"],
              case .string(let version)? = json["descent_version"], let f = json["function"],
              case .string(let function)? = f["name"], case .string(let display)? = f["display_name"],
              case .string(let formula)? = f["formula"], case .array(let minima)? = f["minima"],
              let start = json["start"].flatMap(Point.init(json:)), case .number(let steps)? = json["steps"],
              case .array(let optimizers)? = json["optimizers"], case .object(let race)? = json["race"]
        else { return nil }
        let results = optimizers.compactMap(OptimizerResult.init(json:))
        guard results.count == optimizers.count else { return nil }
        var lossCurve: String?, lossThumbnail: String?, digest: String?
        if case .string(let l)? = json["loss_curve"] { lossCurve = l }
        if case .string(let t)? = json["loss_curve_thumbnail"] { lossThumbnail = t }
        if case .string(let d)? = json["figures_digest"] { digest = d }
        self.init(experiment: experiment, config: config, descentVersion: version, function: function,
                  functionDisplayName: display, formula: formula, minima: minima.compactMap(Point.init(json:)),
                  start: start, steps: Int(steps), optimizers: results,
                  raceFigures: Dictionary(uniqueKeysWithValues: race.compactMap { m in
                      if case .string(let s) = m.value { (m.key, s) } else { nil }
                  }),
                  lossCurve: lossCurve, lossCurveThumbnail: lossThumbnail, figuresDigest: digest,
                  minimumValue: json["minimum_value"]?.numberValue,
                  search: json["search"].flatMap(SearchSummary.init(json:)))
    }
}

extension SearchSummary {
    var json: JSONValue {
        .object([("algorithm", .string(algorithm)), ("evaluations", .number(Double(evaluations))),
                 ("steps", .number(Double(steps))), ("objective", .string(objective))])
    }

    init?(json: JSONValue) {
        guard let algorithm = json["algorithm"]?.stringValue, let evaluations = json["evaluations"]?.numberValue,
              let steps = json["steps"]?.numberValue, let objective = json["objective"]?.stringValue else { return nil }
        self.init(algorithm: algorithm, evaluations: Int(evaluations), steps: Int(steps), objective: objective)
    }
}

extension OptimizerResult {
    public var json: JSONValue {
        .object([
            ("label", .string(label)),
            ("optimizer", .string(optimizer)),
            ("year", .number(Double(year))),
            ("paper", .string(paper)),
            ("reference", .string(reference)),
            ("hyperparameters", hyperparameters.json),
            ("objective", Self.finite(objective)),
            ("final_point", finalPoint.json),
            ("final_loss", finalLoss.map { .number($0) } ?? .null),
            ("diverged", .bool(diverged)),
            ("diverged_at_step", divergedAtStep.map { .number(Double($0)) } ?? .null),
            ("left_view", .bool(leftView)),
            ("figures", .object(figures.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })),
            ("input_digest", .string(inputDigest)),
            ("trials", .array(trials.map { t in
                .object([("hyperparameters", t.hyperparameters.json),
                         ("objective", Self.finite(t.objective)),
                         ("status", .string(t.status))])
            })),
        ])
    }

    public init?(json: JSONValue) {
        guard case .string(let label)? = json["label"], case .string(let optimizer)? = json["optimizer"],
              case .number(let year)? = json["year"], case .string(let paper)? = json["paper"],
              case .string(let reference)? = json["reference"], let hp = json["hyperparameters"],
              let objective = json["objective"].flatMap(Self.number), let final = json["final_point"].flatMap(Point.init(json:)),
              case .object(let figures)? = json["figures"], case .string(let digest)? = json["input_digest"],
              case .array(let trials)? = json["trials"], let hyperparameters = try? Hyperparameters(json: hp)
        else { return nil }
        var records: [TrialRecord] = []
        for t in trials {
            // A record whose hyperparameters are not hyperparameters is not a record.
            guard let h = try? Hyperparameters(json: t["hyperparameters"] ?? .null) else { return nil }
            records.append(TrialRecord(hyperparameters: h, objective: t["objective"].flatMap(Self.number) ?? .infinity,
                                       status: { if case .string(let s)? = t["status"] { s } else { "ok" } }()))
        }
        var finalLoss: Double?
        if case .number(let l)? = json["final_loss"] { finalLoss = l }
        var diverged: Int?
        if case .number(let d)? = json["diverged_at_step"] { diverged = Int(d) }
        var leftView = false
        if case .bool(let b)? = json["left_view"] { leftView = b }
        self.init(label: label, optimizer: optimizer, year: Int(year), paper: paper, reference: reference,
                  hyperparameters: hyperparameters, objective: objective, finalPoint: final, finalLoss: finalLoss,
                  divergedAtStep: diverged, leftView: leftView, trials: records,
                  figures: Dictionary(uniqueKeysWithValues: figures.compactMap { m in
                      if case .string(let s) = m.value { (m.key, s) } else { nil }
                  }),
                  inputDigest: digest)
    }

    /// An objective as read: a number; `null` (how it is written) or `"inf"` (older files) is +∞.
    static func number(_ v: JSONValue) -> Double? {
        switch v {
        case .number(let d): return d
        case .null, .string("inf"): return .infinity
        default: return nil
        }
    }

    /// An objective as written: the number, or `null` when it is not finite (a failed search).
    static func finite(_ v: Double) -> JSONValue { v.isFinite ? .number(v) : .null }
}

extension Point {
    var json: JSONValue { .array([.number(x), .number(y)]) }

    init?(json: JSONValue) {
        guard case .array(let a) = json, a.count == 2, case .number(let x) = a[0], case .number(let y) = a[1] else { return nil }
        self.init(x, y)
    }
}
