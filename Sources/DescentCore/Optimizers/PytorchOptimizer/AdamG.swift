/// AdamG (Adam with a golden step size, parameter-free), as `pytorch_optimizer.AdamG`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (default) or θ ← θ(1 − γλ) (weight_decouple; 1 − λ if fixed_decay)
///     v ← β₂v + (1 − β₂)g²
///     r ← β₃r + (1 − β₃)·p·v^q        (torch: r.lerp_(v.pow(q).mul_(p), 1 − β₃))
///     m ← β₁m + (1 − β₁)·r·g          (m.mul_(β₁).addcmul_(r, g, 1 − β₁))
///     η ← min(γ, 1/√t);  θ ← θ − (η/(1 − β₁ᵗ))·m / (√(v/(1 − β₂ᵗ)) + ε)
///
/// Pang et al., "Towards Stability of Parameter-free Optimization", arXiv 2024. Follows
/// pytorch_optimizer 4.1.0 (default foreach path). v^q is torch's tensor `pow` (`tensorPow`),
/// the root torch's tensor root (`torchSqrt`), 1/√t Python's `math.sqrt`.
public struct AdamG: ElementwiseOptimizer {
    public var learningRate: Double
    public var betas: [Double]
    /// The golden step-size function's coefficient p and power q, s(v) = p·v^q.
    public var p: Double
    public var q: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// One coordinate's `m`, `v` and `r`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var m = 0.0
        public var v = 0.0
        public var r = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        betas = try r.list("betas", default: [0.95, 0.999, 0.95], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        p = try r.double("p", default: 0.2, .positive)
        q = try r.double("q", default: 0.24, .positive)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: false)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// 1 − β₂ᵗ and the step multiplier −min(γ, 1/√t)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> (bias2: Double, value: Double) {
        let stepSize = min(learningRate, 1 / Double(step).squareRoot())
        return (biasCorrection(betas[1], step: step), -stepSize / biasCorrection(betas[0], step: step))
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ c: (bias2: Double, value: Double)) {
        slot.v = addcmul(slot.v * betas[1], g, g, value: 1 - betas[1])
        slot.r = lerp(slot.r, tensorPow(slot.v, q) * p, 1 - betas[2])
        slot.m = addcmul(slot.m * betas[0], slot.r, g, value: 1 - betas[0])
        theta = addcdiv(theta, slot.m, torchSqrt(slot.v / c.bias2) + eps, value: c.value)
    }
}
