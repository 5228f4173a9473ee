import DescentCore

/// What a training run records.
public struct TrainingResult: Sendable {
    /// One evaluation of the validation set (evaluation mode: dropout off).
    public struct Validation: Sendable, Hashable {
        /// Steps taken before the evaluation.
        public var step: Int
        /// step / steps-per-epoch.
        public var epoch: Double
        /// Mean cross-entropy over the validation samples.
        public var loss: Double
        /// Fraction of validation samples whose largest logit is their label.
        public var accuracy: Double
    }

    /// The mini-batch loss before each step (the loss the step's first evaluation returned),
    /// one per completed step; a diverging step records nothing.
    public var trainLoss: [Double]
    public var validation: [Validation]
    /// `completed`, or `diverged(step:)` at the first step whose loss was not finite.
    public var stop: StopReason
    /// The parameters at the end (after the diverging step when diverged: the checkpoints hold the
    /// last finite ones).
    public var parameters: [Tensor]
    public var checkpoints: [CheckpointBuffer.Checkpoint]
    /// Objective evaluations (more than the steps for LBFGS).
    public var evaluations: Int
    /// Seconds of the whole run, and of the steps alone (validation excluded).
    public var wallTime: Double
    public var stepTime: Double

    /// Optimizer steps per second of step time.
    public var stepsPerSecond: Double { stepTime > 0 ? Double(trainLoss.count) / stepTime : 0 }
    public var diverged: Bool { if case .diverged = stop { true } else { false } }
}
