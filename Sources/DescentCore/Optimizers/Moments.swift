/// One coordinate's first and second moments and, for AMSGrad, the running maximum of the
/// second (torch's `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`):
///
///     m ← β₁m + (1 − β₁)g        (rounded as `FirstMoment` says)
///     v ← β₂v + (1 − β₂)g²       (`v.mul_(β₂).addcmul_(g, g, value=1 − β₂)`, in every reference)
///     v̂ ← max(v̂, v)              (`torch.maximum`, AMSGrad; v̂ stays 0 otherwise)
///
/// The libraries agree on v but round m differently — torch.optim and pytorch_optimizer with
/// `lerp_`, torch_optimizer with `mul_` then `add_` — and one ulp of m is enough to lose a
/// chaotic reference trajectory; so the rounding is part of the type.
public struct Moments<FirstMoment: MovingAverageRounding>: Sendable, Hashable, ZeroInitializable {
    public var expAvg: Double
    public var expAvgSq: Double
    public var maxExpAvgSq = 0.0

    public init() {
        self.init(expAvg: 0, expAvgSq: 0)
    }

    public init(expAvg: Double, expAvgSq: Double) {
        self.expAvg = expAvg
        self.expAvgSq = expAvgSq
    }

    /// m ← β₁m + (1 − β₁)g, stored and returned.
    @inlinable mutating func updateFirst(_ g: Double, beta1: Double) -> Double {
        expAvg = FirstMoment.average(expAvg, g, beta: beta1)
        return expAvg
    }

    /// v ← β₂v + (1 − β₂)g², stored and returned.
    @inlinable mutating func updateSecond(_ g: Double, beta2: Double) -> Double {
        expAvgSq = addcmul(expAvgSq * beta2, g, g, value: 1 - beta2)
        return expAvgSq
    }

    /// Both moments, first then second; returns them.
    @inlinable mutating func update(_ g: Double, beta1: Double, beta2: Double) -> (m: Double, v: Double) {
        (updateFirst(g, beta1: beta1), updateSecond(g, beta2: beta2))
    }

    /// v̂ ← max(v̂, v), stored and returned (AMSGrad).
    @inlinable mutating func updateMaximum(_ v: Double) -> Double {
        maxExpAvgSq = maximum(maxExpAvgSq, v)
        return maxExpAvgSq
    }
}

/// The bias correction 1 − βᵗ of a moment after `step` steps (Python's `1 - beta ** step`).
@inlinable func biasCorrection(_ beta: Double, step: Int) -> Double {
    1 - pythonPow(beta, Double(step))
}
