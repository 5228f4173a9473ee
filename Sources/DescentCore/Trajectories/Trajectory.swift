import DescentBase

/// The path of an optimizer from a start point: every point visited, the loss before each
/// step, and why it stopped.
public struct Trajectory: Hashable, Sendable {
    /// The start, then the point after each step (`steps + 1` points when completed).
    public var points: [Point]
    /// f at `points[k]`, before step k.
    public var losses: [Double]
    public var stop: StopReason

    public init(points: [Point], losses: [Double], stop: StopReason) {
        self.points = points
        self.losses = losses
        self.stop = stop
    }

    public var final: Point { points[points.count - 1] }
    public var diverged: Bool { if case .diverged = stop { true } else { false } }
}

/// Why a trajectory ended.
public enum StopReason: Hashable, Sendable {
    case completed
    /// Step `step` met a non-finite loss, gradient or point; the points before it are kept
    /// and nothing non-finite is recorded.
    case diverged(step: Int)
}
