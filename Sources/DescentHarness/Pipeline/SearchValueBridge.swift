import DescentCore
import DescentSearch

/// The two spellings of a JSON hyperparameter: DescentSearch's `SearchValue` (it knows no
/// optimizer) and DescentCore's `HyperparameterValue`.
public enum SearchValueBridge {
    public static func core(_ v: SearchValue) -> HyperparameterValue {
        switch v {
        case .number(let d): .number(d)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(core))
        case .null: .null
        }
    }

    public static func search(_ v: HyperparameterValue) -> SearchValue {
        switch v {
        case .number(let d): .number(d)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(search))
        case .null: .null
        }
    }

    public static func hyperparameters(_ a: Assignment) -> Hyperparameters { a.mapValues(core) }
}
