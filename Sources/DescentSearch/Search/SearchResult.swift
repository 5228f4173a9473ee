/// Every trial of a search, and the best by (objective, id).
public struct SearchResult: Hashable, Sendable {
    public let trials: [Trial]

    public init(trials: [Trial]) { self.trials = trials }

    /// The finite trial with the lowest objective, the earliest among equals; nil when no
    /// trial was finite. A diverged trial (objective +∞) is never best, even when every trial
    /// diverged.
    public var best: Trial? { trials.lazy.filter { $0.status == .ok }.min(by: Trial.precedes) }

    /// How many trials diverged.
    public var divergedCount: Int { trials.count { $0.status == .diverged } }
}
