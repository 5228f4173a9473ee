/// What one evaluation run of a benchmark achieved, as far as the measures need it: the
/// steps it spent and, per target, the first step at which it reached the target.
///
/// `stepsToTarget[i]` is the first step k (the start counts as step 0) whose noise-free gap
/// f(θₖ) − f* is ≤ `targets[i]`, or nil when the run never got there within its `steps`
/// (a diverged run never reaches a target after it diverged).
public struct RunOutcome: Hashable, Sendable {
    /// The optimizer's label.
    public var optimizer: String
    /// The landscape (variant) name.
    public var function: String
    /// One entry per target of the benchmark, in the benchmark's target order.
    public var stepsToTarget: [Int?]
    /// The step budget T of the run.
    public var steps: Int
    /// f(θ_T) − f* on the noise-free function (infinite for a diverged run).
    public var finalGap: Double
    public var diverged: Bool

    public init(optimizer: String, function: String, stepsToTarget: [Int?], steps: Int, finalGap: Double, diverged: Bool) {
        self.optimizer = optimizer
        self.function = function
        self.stepsToTarget = stepsToTarget
        self.steps = steps
        self.finalGap = finalGap
        self.diverged = diverged
    }

    /// What the run spent before it reached target `t`: the step of success, or the whole
    /// budget T when it never succeeded (COCO's convention for unsuccessful runs).
    public func stepsSpent(target t: Int) -> Int { stepsToTarget[t] ?? steps }
}
