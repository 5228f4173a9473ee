/// First and second moments with a step count, as most Adam-like optimizers of torch_optimizer
/// keep them (`step`, `exp_avg`, `exp_avg_sq`), created at the first step.
public struct MomentState: Sendable, Hashable {
    public var step = 0
    public var expAvg: [[Double]] = []
    public var expAvgSq: [[Double]] = []

    mutating func prepare(like parameters: [Tensor], initialValue: Double = 0) {
        guard expAvg.isEmpty else { return }
        expAvg = parameters.map { [Double](repeating: initialValue, count: $0.count) }
        expAvgSq = expAvg
    }

    /// Counts the step and returns the bias corrections 1 − β₁ᵗ and 1 − β₂ᵗ (Python floats, so
    /// `**` is C `pow`).
    mutating func advance(beta1: Double, beta2: Double) -> (bias1: Double, bias2: Double) {
        step += 1
        let t = Double(step)
        return (1 - Double.pow(beta1, t), 1 - Double.pow(beta2, t))
    }

    /// `exp_avg.mul_(β₁).add_(g, alpha=1 − β₁)` at coordinate i of parameter p: stored and
    /// returned.
    mutating func updateFirstMoment(_ p: Int, _ i: Int, gradient g: Double, beta1: Double) -> Double {
        let m = add(expAvg[p][i] * beta1, g, alpha: 1 - beta1)
        expAvg[p][i] = m
        return m
    }

    /// Both moments as torch_optimizer updates them: the first as above, the second with
    /// `exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1 − β₂)` (two kernels, the second fused).
    mutating func updateMoments(_ p: Int, _ i: Int, gradient g: Double, beta1: Double, beta2: Double) -> (m: Double, v: Double) {
        let m = updateFirstMoment(p, i, gradient: g, beta1: beta1)
        let v = addcmul(expAvgSq[p][i] * beta2, g, g, value: 1 - beta2)
        expAvgSq[p][i] = v
        return (m, v)
    }
}
