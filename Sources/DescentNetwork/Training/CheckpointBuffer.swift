import DescentCore

/// The parameter vectors a training run keeps for the loss-landscape plane, in bounded memory:
/// the start, every `interval` steps, and the end. When more than `capacity` would be kept, every
/// other checkpoint is dropped (those at odd multiples of the interval) and the interval doubles,
/// so at most `capacity` vectors are held and they stay evenly spaced — the same ones whatever
/// the run's length, for the same interval and capacity.
public struct CheckpointBuffer: Sendable, Hashable {
    /// One kept parameter vector: flat, in `state_dict` order, after `step` steps.
    public struct Checkpoint: Sendable, Hashable {
        public var step: Int
        public var parameters: [Double]
    }

    public private(set) var interval: Int
    public let capacity: Int
    public private(set) var checkpoints: [Checkpoint] = []

    public init(interval: Int, capacity: Int) {
        precondition(interval >= 1 && NetworkLimits.checkpoints.contains(capacity))
        self.interval = interval
        self.capacity = capacity
    }

    /// Whether step `step`'s parameters are kept at the current interval.
    public func wants(step: Int) -> Bool { step % interval == 0 }

    /// Keeps the parameters after `step` steps when due (or when `force`d: the end of a run).
    public mutating func record(step: Int, _ parameters: [Tensor], force: Bool = false) {
        guard force || wants(step: step), checkpoints.last?.step != step else { return }
        if checkpoints.count == capacity {
            // The last kept vector may be a forced one off the grid; the grid is thinned first.
            interval = interval > Int.max / 2 ? Int.max : interval * 2
            checkpoints = checkpoints.filter { $0.step % interval == 0 }
            if checkpoints.count == capacity { checkpoints.removeLast() }
            guard force || wants(step: step) else { return }
        }
        checkpoints.append(Checkpoint(step: step, parameters: parameters.flatMap(\.scalars)))
    }
}
