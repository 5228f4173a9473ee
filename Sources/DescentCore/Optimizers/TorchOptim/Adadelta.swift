/// Adadelta, as `torch.optim.Adadelta`: steps whose units come from running averages of
/// squared gradients and squared updates.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     s ← ρs + (1 − ρ)g²
///     Δ ← √(a + ε) / √(s + ε) · g
///     a ← ρa + (1 − ρ)Δ²
///     θ ← θ − γΔ
///
/// Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv 2012. torch's form is
/// followed: a learning rate γ (default 1.0) scales Δ, which the paper does not have, and Δ
/// is `(√(a + ε) / √(s + ε)) · g` in that order, the roots torch's tensor `sqrt_` (`torchSqrt`).
public struct Adadelta: ElementwiseOptimizer {
    public var learningRate: Double
    public var rho: Double
    public var eps: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// torch's state of one coordinate: the averages of squared gradients and squared updates.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var squareAvg = 0.0
        public var accDelta = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1.0, .nonNegative)
        rho = try r.double("rho", default: 0.9, .unitClosed)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        maximize = try r.bool("maximize", default: false)
    }


    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        slot.squareAvg = addcmul(slot.squareAvg * rho, g, g, value: 1 - rho)
        let std = torchSqrt(slot.squareAvg + eps)
        let delta = torchSqrt(slot.accDelta + eps) / std * g
        slot.accDelta = addcmul(slot.accDelta * rho, delta, delta, value: 1 - rho)
        theta = add(theta, delta, alpha: -learningRate)
    }
}
