/// AdaSmooth (an adaptive step from the effective ratio of recent moves), as
/// `pytorch_optimizer.AdaSmooth`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (default) or θ ← θ(1 − γλ) (weight_decouple; 1 − λ if fixed_decay)
///     δ ← θ − θ₋;  s ← s + δ;  n ← n + |δ|          (θ₋: the parameter before the last step, θ₀ at first)
///     c ← (|s|/(n + ε))·(β₂ − β₁) + (1 − β₂)
///     v ← v + c²·(g² − v)                            (torch: v.lerp_(g², c²), a tensor weight)
///     θ₋ ← θ;  θ ← θ − (γ/√(v + ε))·g
///
/// Lu, "AdaSmooth: An Adaptive Learning Rate Method based on Effective Ratio", arXiv 2022.
/// Follows pytorch_optimizer 4.1.0 (default foreach path); ε sits inside the root, which is
/// torch's tensor root (`torchSqrt`).
public struct AdaSmooth: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var state = CoordinateState<Slot>()

    /// One coordinate's previous parameter `prev_param`, sums `s` and `n`, and `exp_avg_sq`.
    public struct Slot: Sendable, Hashable {
        public var previous: Double
        public var s = 0.0
        public var n = 0.0
        public var expAvgSq = 0.0
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, betas: (0.5, 0.99), weightDecay: .pytorchOptimizer(0, decouple: false), eps: 1e-6, foreach: true)
    }

    /// `prev_param` starts as the parameter itself (before the first step's decay).
    public func initialSlot(_ theta: Double) -> Slot { Slot(previous: theta) }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        let diff = theta - slot.previous
        slot.s += diff
        slot.n += diff.magnitude
        var c = slot.s.magnitude / (slot.n + eps)
        c = c * (beta2 - beta1) + (1 - beta2)
        slot.expAvgSq = lerp(slot.expAvgSq, g * g, c * c)
        let update = learningRate / torchSqrt(slot.expAvgSq + eps) * g
        slot.previous = theta
        theta += -update
    }
}
