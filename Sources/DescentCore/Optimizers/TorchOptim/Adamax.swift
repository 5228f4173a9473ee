/// Adamax, as `torch.optim.Adamax`: Adam with the infinity norm in place of the second moment.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     m ← β₁m + (1 − β₁)g   (torch: m.lerp(g, 1 − β₁))
///     u ← max(β₂u, |g| + ε)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / u
///
/// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, §7.1. torch adds ε
/// inside the maximum (`max(β₂u, |g| + ε)`), where the paper has no ε; that form is followed.
public struct Adamax: ElementwiseOptimizer {
    public static let info = OptimizerInfo(
        name: "Adamax", year: 2014,
        paper: "Kingma & Ba, Adam: A Method for Stochastic Optimization, ICLR 2015",
        url: "https://arxiv.org/abs/1412.6980", family: .adam,
        reference: "torch.optim.Adamax")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// torch's state of one coordinate: first moment `exp_avg`, infinity norm `exp_inf`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var expAvg = 0.0
        public var expInf = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 2e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        maximize = try r.bool("maximize", default: false)
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
