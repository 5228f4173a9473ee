/// The Lookahead built into pytorch_ranger's optimizers (torch_optimizer re-exports Ranger,
/// RangerQH and RangerVA from it): slow weights copied from the parameters at the first step,
/// and after every k-th step
///
///     φ ← φ + α(θ − φ);  θ ← φ                 (`slow_p.add_(alpha, p - slow_p)`, one fused kernel)
///
/// Unlike `Lookahead` (torch_optimizer's wrapper, which syncs at steps 1, k + 1, …) this syncs at
/// steps k, 2k, …, counted by the optimizer's own step.
public struct RangerLookahead: Sendable, Hashable {
    public var k: Int
    public var alpha: Double
    /// `slow_buffer` of each parameter, created at the first step.
    public var slowBuffers: [[Double]] = []

    public init(k: Int, alpha: Double) {
        self.k = k
        self.alpha = alpha
    }

    /// Copies the parameters into the slow buffers at the first step (before it updates them).
    mutating func prepare(_ parameters: [Tensor]) {
        if slowBuffers.isEmpty { slowBuffers = parameters.map(\.scalars) }
    }

    /// The sync after step number `step` (1-based) of parameter `p`.
    mutating func synchronize(_ parameter: inout Tensor, _ p: Int, step: Int) {
        guard step % k == 0 else { return }
        for i in parameter.scalars.indices {
            let slow = add(slowBuffers[p][i], parameter.scalars[i] - slowBuffers[p][i], alpha: alpha)
            slowBuffers[p][i] = slow
            parameter.scalars[i] = slow
        }
    }
}
