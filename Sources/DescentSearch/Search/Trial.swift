import DescentBase

/// One evaluation of the objective: what was tried, what it scored, and whether it ran.
public struct Trial: Hashable, Sendable {
    /// Whether the objective produced a usable number.
    public enum Status: String, Hashable, Sendable {
        /// A finite objective.
        case ok
        /// The run diverged or the objective was not finite: the trial scores +∞, is never
        /// `SearchResult.best` (not even when every trial failed) and is reported.
        case diverged
    }

    /// 0, 1, 2, … in the order of evaluation.
    public let id: Int
    /// One coordinate per dimension of the space: the value, or the option index of a choice.
    public let coordinates: [Double]
    /// The hyperparameters given to the objective (fixed ones included).
    public let hyperparameters: Hyperparameters
    /// The objective, or +∞ for a diverged trial.
    public let objective: Double
    public let status: Status

    /// A trial from the objective's raw value: a non-finite value becomes a diverged trial
    /// with objective +∞.
    public init(id: Int, coordinates: [Double], hyperparameters: Hyperparameters, value: Double) {
        self.id = id
        self.coordinates = coordinates
        self.hyperparameters = hyperparameters
        if value.isFinite {
            objective = value
            status = .ok
        } else {
            objective = .infinity
            status = .diverged
        }
    }

    /// The search's total order: lower objective first, then the earlier trial.
    public static func precedes(_ a: Trial, _ b: Trial) -> Bool {
        (a.objective, a.id) < (b.objective, b.id)
    }
}
