/// diffGrad: Adam whose momentum is damped by a friction coefficient that is small where the
/// gradient changes little, as `torch_optimizer.DiffGrad`.
///
///     g ← ∇f(θ);  g ← g + λθ
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     ξ ← 1 / (1 + exp(−|g_prev − g|));  g_prev ← g      (g_prev starts at 0)
///     θ ← θ − (γ√(1 − β₂ᵗ)/(1 − β₁ᵗ)) · ξm / (√v + ε)
///
/// Dubey, Chakraborty, Roy, Mukherjee, Singh & Chaudhuri, "diffGrad: An Optimization Method
/// for Convolutional Neural Networks", IEEE TNNLS 2019. Follows torch_optimizer 0.3.0.
public struct DiffGrad: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var state = CoordinateState<Slot>()

    /// torch_optimizer's state of one coordinate: the moments and the previous step's gradient
    /// (`previous_grad`).
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var moments = Moments<MulAddRounding>()
        public var previousGradient = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r)
    }

    /// γ√(1 − β₂ᵗ)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> Double {
        learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ stepSize: Double) {
        let (m, v) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        let friction = 1.0 / (1.0 + torchExp(-Swift.abs(slot.previousGradient - g)))
        slot.previousGradient = g
        theta = addcdiv(theta, m * friction, torchSqrt(v) + eps, value: -stepSize)
    }
}
