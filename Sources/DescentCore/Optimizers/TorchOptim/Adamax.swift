/// Adamax, as `torch.optim.Adamax`: Adam with the infinity norm in place of the second moment.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     m ← β₁m + (1 − β₁)g   (torch: m.lerp(g, 1 − β₁))
///     u ← max(β₂u, |g| + ε)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / u
///
/// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, §7.1. torch adds ε
/// inside the maximum (`max(β₂u, |g| + ε)`), where the paper has no ε; that form is followed.
public struct Adamax: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var state = CoordinateState<Slot>()

    /// torch's state of one coordinate: first moment `exp_avg`, infinity norm `exp_inf`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var expAvg = 0.0
        public var expInf = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 2e-3, weightDecay: .coefficient(0, .l2), foreach: nil)
    }

    /// γ / (1 − β₁ᵗ).
    public func coefficients(step t: Int) -> Double {
        learningRate / biasCorrection(beta1, step: t)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ stepSize: Double) {
        slot.expAvg = lerp(slot.expAvg, g, 1 - beta1)
        slot.expInf = maximum(slot.expInf * beta2, g.magnitude + eps)
        theta = addcdiv(theta, slot.expAvg, slot.expInf, value: -stepSize)
    }
}
