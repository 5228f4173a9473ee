import DescentCore

/// A JSON value that is not hyperparameters: text that is not JSON, JSON that is not an
/// object, or a member that is not a hyperparameter value (an object, at any depth).
public enum HyperparameterJSONError: Error, Hashable, CustomStringConvertible {
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

extension HyperparameterValue {
    /// The hyperparameter a JSON value spells: a number, boolean, string, null, or a list of
    /// them. An object is no hyperparameter (never silently null); `key` names the value in
    /// the error.
    public init(json: JSONValue, key: String) throws(HyperparameterJSONError) {
        switch json {
        case .number(let d): self = .number(d)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .null: self = .null
        case .array(let items):
            var list: [HyperparameterValue] = []
            for (i, item) in items.enumerated() { list.append(try HyperparameterValue(json: item, key: "\(key)[\(i)]")) }
            self = .list(list)
        case .object: throw .notAValue(key: key, kind: json.kind)
        }
    }
}

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
}
