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
            return "unknown optimizer '\(name)'; valid: \(valid.joined(separator: ", "))"
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

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
public func closest(to word: String, in candidates: [String]) -> String? {
    let w = Array(word.lowercased())
    var best: (String, Int)?
    for c in candidates {
        let d = editDistance(w, Array(c.lowercased()))
        if d <= max(2, w.count / 3), best == nil || d < best!.1 { best = (c, d) }
    }
    return best?.0
}

func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + [Int](repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1,
                                   previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
