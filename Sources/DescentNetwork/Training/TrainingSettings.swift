/// How a network is trained, apart from the optimizer: the reference protocol of each step is
///
///     batch ← schedule(step); loss = cross_entropy(model(batch)); loss.backward();
///     clip_grad_norm_(parameters, clip_grad_norm) when set; optimizer.step()
public struct TrainingSettings: Sendable, Hashable {
    /// Samples per mini-batch (the last of a pass through the data may be short).
    public var batchSize: Int
    /// Optimizer steps (`epochs(_:)` converts a number of epochs).
    public var steps: Int
    /// Whether each epoch draws a random order (`BatchSchedule`).
    public var shuffle: Bool
    /// Seeds the shuffling and the dropout masks (not the initial weights).
    public var seed: UInt64
    /// torch's `clip_grad_norm_` bound, or nil for none.
    public var clipGradNorm: Double?
    /// Steps between validation evaluations; nil: once per epoch (⌈n/B⌉ steps). The start and the
    /// end are always evaluated.
    public var validationInterval: Int?
    /// Steps between kept parameter vectors; nil keeps only the start and the end.
    public var checkpointInterval: Int?
    /// Kept parameter vectors at most (`CheckpointBuffer`).
    public var maximumCheckpoints: Int

    public init(
        batchSize: Int = 32, steps: Int, shuffle: Bool = true, seed: UInt64 = 0, clipGradNorm: Double? = nil,
        validationInterval: Int? = nil, checkpointInterval: Int? = nil, maximumCheckpoints: Int = 256
    ) {
        self.batchSize = batchSize
        self.steps = steps
        self.shuffle = shuffle
        self.seed = seed
        self.clipGradNorm = clipGradNorm
        self.validationInterval = validationInterval
        self.checkpointInterval = checkpointInterval
        self.maximumCheckpoints = maximumCheckpoints
    }

    /// The steps of `epochs` passes over `trainingCount` samples: epochs·⌈n/B⌉.
    public static func steps(epochs: Int, trainingCount: Int, batchSize: Int) -> Int {
        epochs * ((trainingCount + batchSize - 1) / batchSize)
    }
}
