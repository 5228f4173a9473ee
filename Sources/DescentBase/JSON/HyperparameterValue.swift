
/// A hyperparameter as written in JSON: a number, a boolean, a string, a list, or null — any
/// JSON value but an object. The one type an optimizer reads, a search space assigns and a
/// result records.
public enum HyperparameterValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)
    case list([HyperparameterValue])
    case null

    /// The value of a parsed JSON value; an object (anywhere, lists included) is not a
    /// hyperparameter and throws, with the JSON path below `path` where it stands.
    public init(json: JSONValue, path: String = "") throws(HyperparameterValueError) {
        switch json {
        case .number(let d): self = .number(d)
        case .bool(let b): self = .bool(b)
        case .string(let s): self = .string(s)
        case .null: self = .null
        case .array(let items):
            var values: [HyperparameterValue] = []
            values.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { values.append(try HyperparameterValue(json: item, path: "\(path)[\(i)]")) }
            self = .list(values)
        case .object: throw HyperparameterValueError(path: path)
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

/// A JSON object where a hyperparameter value was expected.
public struct HyperparameterValueError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Where the object stands, relative to the value (empty: the value itself).
    public var path: String
    public var description: String {
        "a hyperparameter is a number, boolean, string, list or null, not an object" + (path.isEmpty ? "" : " (at \(path))")
    }
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
    /// As a JSON object with its keys in sorted order (the same assignment, the same bytes).
    public var json: JSONValue {
        .object(keys.sorted().map { (key: $0, value: self[$0]!.json) })
    }
}
