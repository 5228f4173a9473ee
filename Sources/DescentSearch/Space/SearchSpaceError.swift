/// Why a search space was rejected; every case names the key that caused it.
public enum SearchSpaceError: Error, Equatable, CustomStringConvertible {
    /// The text is not a JSON object.
    case notAnObject(String)
    /// `key`'s specification is malformed: `reason` says how.
    case invalid(key: String, reason: String)
    /// `key` names a distribution Descent does not know.
    case unknownDistribution(key: String, name: String, valid: [String])

    public var description: String {
        switch self {
        case .notAnObject(let detail):
            return "search space: expected a JSON object of hyperparameters, \(detail)"
        case .invalid(let key, let reason):
            return "search space key '\(key)': \(reason)"
        case .unknownDistribution(let key, let name, let valid):
            return "search space key '\(key)': unknown distribution '\(name)'; valid: \(valid.joined(separator: ", "))"
        }
    }
}
