
/// A hyperparameter as written in JSON: a number, a boolean, a string, a list, or null — any
/// JSON value but an object. The one type an optimizer reads, a search space assigns and a
/// result records.
public enum HyperparameterValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)
    case list([HyperparameterValue])
    case null

    /// The hyperparameter a JSON value spells: a number, boolean, string, null, or a list of
    /// them. An object is no hyperparameter (never silently null); `key` names the value in
    /// the error (e.g. `betas`, whose second element is then `betas[1]`).
    public init(json: JSONValue, key: String) throws(HyperparameterJSONError) {
        switch json {
        case .number(let d): self = .number(d)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .null: self = .null
        case .array(let items):
            var list: [HyperparameterValue] = []
            list.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { list.append(try HyperparameterValue(json: item, key: "\(key)[\(i)]")) }
            self = .list(list)
        case .object: throw .notAValue(key: key, kind: json.kind)
        }
    }

    /// The number, when this is one.
    public var number: Double? {
        if case .number(let d) = self { d } else { nil }
    }

    /// As a JSON value (non-finite numbers, which JSON lacks, become null when written).
    public var json: JSONValue {
        switch self {
        case .number(let d): .number(d)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .list(let l): .array(l.map(\.json))
        case .null: .null
        }
    }

    /// Compact JSON text: shortest round-trip decimals, whole numbers without a fraction,
    /// strings escaped, non-finite numbers as null.
    public var description: String { JSONWriter.string(json, pretty: false) }
}

/// A JSON value that is not hyperparameters: text that is not JSON, JSON that is not an
/// object, or a member that is not a hyperparameter value (an object, at any depth).
public enum HyperparameterJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    case syntax(JSONSyntaxError)
    case notAnObject(kind: String)
    /// The value at `key` (e.g. `betas[1]`) is of `kind`, which no hyperparameter is.
    case notAValue(key: String, kind: String)

    /// The key a `.notAValue` error is about, for JSON paths in config errors.
    public var key: String? {
        if case .notAValue(let key, _) = self { key } else { nil }
    }

    /// What is wrong, without the key.
    public var reason: String {
        switch self {
        case .syntax(let e): "\(e)"
        case .notAnObject(let kind): "expected a JSON object of hyperparameters, got \(kind)"
        case .notAValue(_, let kind): "a hyperparameter is a number, true or false, a string, null or a list, got \(kind)"
        }
    }

    public var description: String { key.map { "'\($0)': \(reason)" } ?? reason }
}

extension HyperparameterValue: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByBooleanLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral
{
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: HyperparameterValue...) { self = .list(elements) }
}

/// Hyperparameters by torch's names.
public typealias Hyperparameters = [String: HyperparameterValue]

extension Dictionary where Key == String, Value == HyperparameterValue {
    /// The hyperparameters of a JSON object, by the reference's names.
    public init(json: JSONValue) throws(HyperparameterJSONError) {
        guard case .object(let members) = json else { throw .notAnObject(kind: json.kind) }
        var values: Hyperparameters = [:]
        for m in members { values[m.key] = try HyperparameterValue(json: m.value, key: m.key) }
        self = values
    }

    /// Hyperparameters written as JSON text, read by the strict `JSONParser` (duplicate keys
    /// are errors with their line and column).
    public init(jsonText text: String) throws(HyperparameterJSONError) {
        let json: JSONValue
        do { json = try JSONParser.parse(text) } catch { throw .syntax(error) }
        try self.init(json: json)
    }

    /// As a JSON object with its keys in sorted order (the same assignment, the same bytes).
    public var json: JSONValue {
        .object(keys.sorted().map { (key: $0, value: self[$0]!.json) })
    }
}
