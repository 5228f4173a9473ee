/// A hyperparameter as written in JSON: a number, a boolean, a string, a list, or null.
public enum HyperparameterValue: Hashable, Sendable, Codable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)
    case list([HyperparameterValue])
    case null

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([HyperparameterValue].self) { self = .list(l) }
        else {
            throw DecodingError.dataCorruptedError(
                in: c, debugDescription: "a hyperparameter is a number, boolean, string, list or null")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let d): try c.encode(d)
        case .bool(let b): try c.encode(b)
        case .string(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        case .null: try c.encodeNil()
        }
    }

    public var description: String {
        switch self {
        case .number(let d): return Self.format(d)
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return "\"\(s)\""
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }

    /// Shortest round-tripping text of a number, integers without a fraction.
    static func format(_ d: Double) -> String {
        if d == d.rounded(), Swift.abs(d) < 1e15 { return String(Int(d)) }
        return "\(d)"
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
