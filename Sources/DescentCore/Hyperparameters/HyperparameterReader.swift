import DescentBase

/// Reads an optimizer's hyperparameters by torch's names, with torch's defaults and
/// validation, and records what it read so that listings can show every key and default.
///
/// An optimizer's initializer asks for each key once; `finish()` then rejects any key the
/// optimizer did not ask for.
public struct HyperparameterReader: Sendable {
    public let optimizer: String
    public let values: Hyperparameters
    /// What was asked for, in order: key, default, allowed range or choices.
    public private(set) var specs: [HyperparameterSpec] = []

    public init(optimizer: String, values: Hyperparameters) {
        self.optimizer = optimizer
        self.values = values
    }

    /// Throws for every key that was given but never asked for.
    public func finish() throws(OptimizerError) {
        let known = specs.map(\.key)
        for key in values.keys.sorted() where !known.contains(key) {
            throw .unknownHyperparameter(optimizer: optimizer, key: key, valid: known)
        }
    }

    private mutating func record(_ key: String, _ def: HyperparameterValue, _ allowed: String) {
        specs.append(HyperparameterSpec(key: key, defaultValue: def, allowed: allowed))
    }

    private func number(_ key: String, _ v: HyperparameterValue, _ rule: Bound) throws(OptimizerError) -> Double {
        guard case .number(let d) = v else {
            throw .wrongType(optimizer: optimizer, key: key, expected: "a number", got: v)
        }
        guard rule.contains(d) else {
            throw .outOfRange(optimizer: optimizer, key: key, value: d, allowed: rule.description)
        }
        return d
    }

    /// A number within `rule`.
    public mutating func double(_ key: String, default def: Double, _ rule: Bound = .any) throws(OptimizerError) -> Double {
        record(key, .number(def), rule.description)
        guard let v = values[key] else { return def }
        return try number(key, v, rule)
    }

    /// A number within `rule`, or null (`nil`).
    public mutating func optionalDouble(_ key: String, default def: Double?, _ rule: Bound = .any) throws(OptimizerError) -> Double? {
        record(key, def.map { .number($0) } ?? .null, rule.description + " or null")
        guard let v = values[key] else { return def }
        if v == .null { return nil }
        return try number(key, v, rule)
    }

    /// A whole number within `rule`.
    public mutating func int(_ key: String, default def: Int, _ rule: Bound = .any) throws(OptimizerError) -> Int {
        record(key, .number(Double(def)), rule.description)
        guard let v = values[key] else { return def }
        let d = try number(key, v, rule)
        guard let i = Int(exactly: d) else {
            throw .wrongType(optimizer: optimizer, key: key, expected: "a whole number", got: v)
        }
        return i
    }

    /// A whole number within `rule`, or null (`nil`).
    public mutating func optionalInt(_ key: String, default def: Int?, _ rule: Bound = .any) throws(OptimizerError) -> Int? {
        record(key, def.map { .number(Double($0)) } ?? .null, rule.description + " or null")
        guard let v = values[key] else { return def }
        if v == .null { return nil }
        let d = try number(key, v, rule)
        guard let i = Int(exactly: d) else {
            throw .wrongType(optimizer: optimizer, key: key, expected: "a whole number", got: v)
        }
        return i
    }

    /// `true` or `false`.
    public mutating func bool(_ key: String, default def: Bool) throws(OptimizerError) -> Bool {
        record(key, .bool(def), "true or false")
        guard let v = values[key] else { return def }
        guard case .bool(let b) = v else {
            throw .wrongType(optimizer: optimizer, key: key, expected: "true or false", got: v)
        }
        return b
    }

    /// A list of two numbers, each within its rule (reported as `key[0]`, `key[1]`).
    public mutating func pair(
        _ key: String, default def: (Double, Double), _ rules: (Bound, Bound)
    ) throws(OptimizerError) -> (Double, Double) {
        let values = try list(key, default: [def.0, def.1], [rules.0, rules.1])
        return (values[0], values[1])
    }

    /// A list of `def.count` numbers, element i within `rules[i]`.
    public mutating func list(_ key: String, default def: [Double], _ rules: [Bound]) throws(OptimizerError) -> [Double] {
        let allowed = rules.count == 1 || Set(rules).count == 1
            ? "\(def.count) numbers in \(rules[0])"
            : "[" + rules.map(\.description).joined(separator: ", ") + "]"
        record(key, .list(def.map { .number($0) }), allowed)
        guard let v = values[key] else { return def }
        guard case .list(let items) = v, items.count == def.count else {
            throw .wrongType(optimizer: optimizer, key: key, expected: "a list of \(def.count) numbers", got: v)
        }
        var out: [Double] = []
        for (i, item) in items.enumerated() {
            out.append(try number("\(key)[\(i)]", item, rules[min(i, rules.count - 1)]))
        }
        return out
    }

    /// One of `choices`, or null where `def` is nil and null is allowed.
    public mutating func choice(_ key: String, default def: String?, _ choices: [String]) throws(OptimizerError) -> String? {
        record(key, def.map { .string($0) } ?? .null, choices.map { "\"\($0)\"" }.joined(separator: ", ") + (def == nil ? " or null" : ""))
        guard let v = values[key] else { return def }
        if v == .null, def == nil { return nil }
        guard case .string(let s) = v else {
            throw .wrongType(optimizer: optimizer, key: key, expected: "a string", got: v)
        }
        guard choices.contains(s) else {
            throw .invalidChoice(optimizer: optimizer, key: key, value: s, allowed: choices)
        }
        return s
    }
}

/// One hyperparameter an optimizer accepts: its torch name, default and allowed values.
public struct HyperparameterSpec: Hashable, Sendable {
    public var key: String
    public var defaultValue: HyperparameterValue
    public var allowed: String
}
