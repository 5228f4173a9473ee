/// A hyperparameter value as the search hands it to the objective: a number, a boolean, a
/// string, a list, or null — the JSON values an optimizer accepts. (DescentSearch does not
/// know DescentCore; the caller maps these to its own hyperparameter type.)
public enum SearchValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case bool(Bool)
    case string(String)
    case list([SearchValue])
    case null

    /// The number, when this is one.
    public var number: Double? {
        if case .number(let d) = self { d } else { nil }
    }

    /// JSON text: shortest round-trip decimals, whole numbers without a fraction, strings
    /// escaped; non-finite numbers (which JSON lacks) as null.
    public var description: String {
        switch self {
        case .number(let d):
            guard d.isFinite else { return "null" }
            if d == d.rounded(), Swift.abs(d) < 1e15 { return String(Int(d)) }
            return "\(d)"
        case .bool(let b): return b ? "true" : "false"
        case .string(let s): return JSONText.quoted(s)
        case .list(let l): return "[" + l.map(\.description).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }
}

/// Hyperparameters by name, as one trial assigns them.
public typealias Assignment = [String: SearchValue]
