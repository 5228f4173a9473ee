/// The measures of one optimizer on one landscape at one target, from its evaluation runs
/// (Hansen et al., "COCO: Performance Assessment", 2016/2021; Auger & Hansen, "Performance
/// evaluation of an advanced local search evolutionary algorithm", CEC 2005, for ERT).
///
///     success rate = #successes / #runs
///     ERT          = (Σ over all runs of the steps spent) / #successes
///                  = (Σ successes' steps-to-target + #failures · T) / #successes,   ∞ when none
///
/// A run's steps-to-target counts the start as step 0; a failed or diverged run counts the
/// whole budget T. Steps-to-target quartiles are over the successful runs only (nil if none).
public struct TargetMeasures: Hashable, Sendable {
    public var runs: Int
    public var successes: Int
    /// ERT in optimizer steps; `.infinity` when no run succeeded.
    public var ert: Double
    /// Median, first and third quartiles of the successful runs' steps-to-target.
    public var medianSteps: Double?
    public var lowerQuartileSteps: Double?
    public var upperQuartileSteps: Double?

    public var successRate: Double { runs == 0 ? 0 : Double(successes) / Double(runs) }

    /// The measures of `outcomes` (one optimizer × landscape) at target index `target`.
    public init(_ outcomes: [RunOutcome], target: Int) {
        runs = outcomes.count
        let reached = outcomes.compactMap { $0.stepsToTarget[target] }.sorted()
        successes = reached.count
        // Integer sums: exact, so that the figure recomputed from runs.jsonl is the same double.
        let spent = outcomes.reduce(0) { $0 + $1.stepsSpent(target: target) }
        ert = successes == 0 ? .infinity : Double(spent) / Double(successes)
        let steps = reached.map(Double.init)
        medianSteps = Quantile.of(steps, 0.5)
        lowerQuartileSteps = Quantile.of(steps, 0.25)
        upperQuartileSteps = Quantile.of(steps, 0.75)
    }
}

/// Quantiles of sorted samples by linear interpolation between order statistics (numpy's
/// default, Hyndman & Fan type 7): q at p is x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p.
public enum Quantile {
    /// The `p`-quantile of `sorted` (ascending), or nil when it is empty.
    public static func of(_ sorted: [Double], _ p: Double) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let h = Double(sorted.count - 1) * p
        let i = Int(h.rounded(.down))
        guard i + 1 < sorted.count else { return sorted[sorted.count - 1] }
        return sorted[i] + (h - Double(i)) * (sorted[i + 1] - sorted[i])
    }
}
