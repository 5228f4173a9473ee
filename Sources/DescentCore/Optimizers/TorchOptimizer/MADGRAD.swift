/// MADGRAD: a momentumized, dual-averaged form of AdaGrad with a cube-root denominator, as
/// `torch_optimizer.MADGRAD`.
///
///     λₖ ← (γ + ε)√(k + 1)                            (k: steps so far)
///     g ← ∇f(θ);  g ← g + λθ                           (weight_decay λ)
///     s₂ ← s₂ + λₖg²;  s ← s + λₖg
///     z ← x₀ − s / (∛s₂ + ε)                           (x₀: θ at the start)
///     θ ← z if momentum = 0 (x₀ then recomputed each step as θ + s/(∛s₂ + ε), before the update),
///     else θ ← (1 − c)θ + cz,  c = 1 − momentum
///
/// Defazio & Jelassi, "Adaptivity without Compromise: A Momentumized, Adaptive, Dual Averaged
/// Gradient Method for Stochastic Optimization", JMLR 2022 (arXiv 2021). Follows
/// torch_optimizer 0.3.0, dense gradients. torch's `pow(t, 1/3)` on a tensor of fewer than 16
/// elements is the C library's `pow` (measured; longer tensors take a vectorized kernel).
public struct MADGRAD: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var eps: Double
    /// The steps taken (torch_optimizer's group `k` is `state.step − 1` during a step) and each
    /// coordinate's `grad_sum_sq`, `s` and `x0`.
    public var state = CoordinateState<Slot>()

    public struct Slot: Sendable, Hashable {
        public var gradSumSq = 0.0
        public var s = 0.0
        /// θ at the first step (used only with momentum).
        public var x0: Double
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .positive)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
    }

    public func initialSlot(_ theta: Double) -> Slot { Slot(x0: theta) }

    /// λₖ = (γ + ε)√(k + 1).
    public func coefficients(step: Int) -> Double {
        (learningRate + eps) * pythonPow(Double(step), 0.5)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ lamb: Double) {
        let start = momentum == 0
            ? addcdiv(theta, slot.s, tensorPow(slot.gradSumSq, 1.0 / 3.0) + eps, value: 1)
            : slot.x0
        slot.gradSumSq = addcmul(slot.gradSumSq, g, g, value: lamb)
        slot.s = add(slot.s, g, alpha: lamb)
        let z = addcdiv(start, slot.s, tensorPow(slot.gradSumSq, 1.0 / 3.0) + eps, value: -1)
        let ck = 1 - momentum
        theta = momentum == 0 ? z : add(theta * (1 - ck), z, alpha: ck)
    }
}
