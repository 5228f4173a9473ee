import DescentBase

/// Why an optimizer could not be built. Every case names the optimizer and the key.
public enum OptimizerError: Error, Hashable, CustomStringConvertible {
    case unknownOptimizer(name: String, valid: [String])
    case unknownHyperparameter(optimizer: String, key: String, valid: [String])
    case wrongType(optimizer: String, key: String, expected: String, got: HyperparameterValue)
    case outOfRange(optimizer: String, key: String, value: Double, allowed: String)
    case invalidChoice(optimizer: String, key: String, value: String, allowed: [String])

    public var description: String {
        switch self {
        case .unknownOptimizer(let name, let valid):
            // `Lookahead<name>`: the suggestions are for the base's name.
            let key = name.trimmingWhitespace, prefix = "Lookahead"
            let names = valid.filter { !$0.contains("<") }
            var suggestions = nearest(to: key, in: names)
            if suggestions.isEmpty, key.lowercased().hasPrefix(prefix.lowercased()), key.count > prefix.count {
                suggestions = nearest(to: String(key.dropFirst(prefix.count)), in: names).map { prefix + $0 }
            }
            return unknownName("optimizer", name, suggestions: suggestions, count: names.count)
        case .unknownHyperparameter(let o, let key, let valid):
            let hint = closest(to: key, in: valid).map { " (did you mean '\($0)'?)" } ?? ""
            return "\(o): unknown hyperparameter '\(key)'\(hint); valid: \(valid.joined(separator: ", "))"
        case .wrongType(let o, let key, let expected, let got):
            return "\(o): hyperparameter '\(key)' must be \(expected), got \(got)"
        case .outOfRange(let o, let key, let value, let allowed):
            return "\(o): hyperparameter '\(key)' = \(value.isFinite ? JSONWriter.number(value) : "\(value)") is outside \(allowed)"
        case .invalidChoice(let o, let key, let value, let allowed):
            return "\(o): hyperparameter '\(key)' = \"\(value)\" is not one of \(allowed.map { "\"\($0)\"" }.joined(separator: ", "))"
        }
    }
}
