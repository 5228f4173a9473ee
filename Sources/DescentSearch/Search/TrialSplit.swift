/// The split of a history into the good ("below") and the rest ("above") by the stable order
/// of (objective, id), each group kept in chronological order (Bergstra et al. 2011, §4).
public struct TrialSplit: Sendable {
    public let below: [Trial]
    public let above: [Trial]

    /// The best `belowCount` trials of `history` (given in id order) and the rest.
    public init(_ history: [Trial], belowCount: Int) {
        let ranked = history.indices.sorted { Trial.precedes(history[$0], history[$1]) }
        var isBelow = [Bool](repeating: false, count: history.count)
        for i in ranked.prefix(belowCount) { isBelow[i] = true }
        below = history.indices.filter { isBelow[$0] }.map { history[$0] }
        above = history.indices.filter { !isBelow[$0] }.map { history[$0] }
    }
}
