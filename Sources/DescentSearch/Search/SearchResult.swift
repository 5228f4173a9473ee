/// Every trial of a search, and the best by (objective, id).
public struct SearchResult: Hashable, Sendable {
    public let trials: [Trial]

    public init(trials: [Trial]) { self.trials = trials }

    /// The trial with the lowest objective, the earliest among equals; nil when there was none.
    public var best: Trial? { trials.min(by: Trial.precedes) }

    /// How many trials diverged.
    public var divergedCount: Int { trials.count { $0.status == .diverged } }
}
