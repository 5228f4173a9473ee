import Foundation

/// Any JSON value, objects included — the parse tree of a search space before validation.
enum JSONTree: Decodable, Equatable {
    case number(Double)
    case bool(Bool)
    case string(String)
    case list([JSONTree])
    case object([String: JSONTree])
    case null

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([JSONTree].self) { self = .list(l) }
        else { self = .object(try c.decode([String: JSONTree].self)) }
    }

    static func parse(_ text: String) throws -> JSONTree {
        try JSONDecoder().decode(JSONTree.self, from: Data(text.utf8))
    }

    /// The value, when this holds no object.
    var value: SearchValue? {
        switch self {
        case .number(let d): return .number(d)
        case .bool(let b): return .bool(b)
        case .string(let s): return .string(s)
        case .null: return .null
        case .list(let items):
            var values: [SearchValue] = []
            for item in items {
                guard let v = item.value else { return nil }
                values.append(v)
            }
            return .list(values)
        case .object: return nil
        }
    }
}
