import DescentCore
import DescentSearch

/// The two spellings of a JSON hyperparameter: DescentSearch's `SearchValue` (it knows no
/// optimizer) and DescentCore's `HyperparameterValue`.
enum SearchValueBridge {
    static func core(_ v: SearchValue) -> HyperparameterValue {
        switch v {
        case .number(let d): .number(d)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(core))
        case .null: .null
        }
    }

    static func search(_ v: HyperparameterValue) -> SearchValue {
        switch v {
        case .number(let d): .number(d)
        case .bool(let b): .bool(b)
        case .string(let s): .string(s)
        case .list(let l): .list(l.map(search))
        case .null: .null
        }
    }

    static func hyperparameters(_ a: Assignment) -> Hyperparameters { a.mapValues(core) }
}
