// Names typed by people (optimizers, functions, config keys): whitespace around them is
// ignored, and an unknown one is answered with the nearest valid names rather than all of them.

extension StringProtocol {
    /// The text without the spaces, tabs and line breaks around it (a name pasted with a
    /// trailing space or newline still names the same thing).
    public var trimmingWhitespace: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }),
              let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}

/// The candidate nearest to `word` by edit distance, if it is close enough to be a typo.
public func closest(to word: String, in candidates: [String]) -> String? {
    nearest(to: word, in: candidates, limit: 1).first
}

/// Up to `limit` candidates near enough to `word` to be what was meant, nearest first (ties in
/// the candidates' order): within an edit distance of max(2, a third of its length), case
/// ignored, or starting with it when it has at least three letters (`mom` → `momentum`).
public func nearest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
    let w = Array(word.lowercased())
    var scored: [(name: String, distance: Int, index: Int)] = []
    for (i, c) in candidates.enumerated() {
        let lower = Array(c.lowercased())
        let d = editDistance(w, lower)
        if d <= max(2, w.count / 3) || (w.count >= 3 && lower.starts(with: w)) { scored.append((c, d, i)) }
    }
    scored.sort { ($0.distance, $0.index) < ($1.distance, $1.index) }
    return scored.prefix(limit).map(\.name)
}

/// "unknown optimizer 'Adamm' (did you mean 'Adam', 'AdamW' or 'Adamax'?); `descent list`
/// shows all 132": the nearest names, and where to find the rest, which are not listed.
public func unknownName(_ kind: String, _ name: String, suggestions: [String], count: Int) -> String {
    let quoted = suggestions.map { "'\($0)'" }
    let hint = switch quoted.count {
    case 0: ""
    case 1: " (did you mean \(quoted[0])?)"
    default: " (did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last!)?)"
    }
    return "unknown \(kind) '\(name)'\(hint); `descent list` shows all \(count)"
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
