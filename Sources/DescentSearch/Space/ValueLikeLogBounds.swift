import DescentBase

/// A `loguniform` or `qloguniform` prior whose two bounds both lie in (0, 1], like
/// `{"loguniform": [1e-5, 0.1]}`: legal (the bounds are natural-log exponents, so it draws
/// values in [e^1e-5, e^0.1) ≈ [1.00001, 1.105)), but almost surely meant as values, which
/// `loguniform_values` takes. Configs are accepted with a warning naming it.
public struct ValueLikeLogBounds: Hashable, Sendable {
    /// The hyperparameter, with the element's index for a per-element prior (`betas[1]`).
    public var key: String
    /// `loguniform` or `qloguniform`.
    public var distribution: String
    public var low: Double
    public var high: Double

    /// The spelling with bounds as values: `loguniform_values`, `qloguniform_values`.
    public var valuesDistribution: String { distribution + "_values" }

    /// Every such prior of a space written as JSON, in member order; nothing for a value that is
    /// not a space (its errors are `SearchSpace(json:)`'s).
    public static func find(in space: JSONValue) -> [ValueLikeLogBounds] {
        guard case .object(let members) = space else { return [] }
        var found: [ValueLikeLogBounds] = []
        func visit(_ tree: JSONValue, key: String) {
            switch tree {
            case .object(let spec):
                guard spec.count == 1, let (name, arguments) = spec.first, name == "loguniform" || name == "qloguniform",
                      case .array(let items) = arguments, items.count >= 2,
                      case .number(let low) = items[0], case .number(let high) = items[1],
                      low > 0, low <= 1, high > 0, high <= 1 else { return }
                found.append(ValueLikeLogBounds(key: key, distribution: name, low: low, high: high))
            case .array(let items):
                for (i, item) in items.enumerated() { visit(item, key: "\(key)[\(i)]") }
            default: break
            }
        }
        for member in members { visit(member.value, key: member.key) }
        return found
    }
}
