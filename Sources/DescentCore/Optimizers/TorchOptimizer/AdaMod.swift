/// AdaMod: Adam whose per-coordinate step size is capped by its own exponential moving
/// average, as `torch_optimizer.AdaMod`.
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − γλθ                                     (weight_decay λ, on θ directly)
///     η ← γ√(1 − β₂ᵗ)/(1 − β₁ᵗ) / (√v + ε);  s ← β₃s + (1 − β₃)η;  η ← min(η, s)
///     θ ← θ − η · m
///
/// Ding, Ren, Luo & Sun, "An Adaptive and Momental Bound Method for Stochastic Learning",
/// arXiv 2019. Follows torch_optimizer 0.3.0 (the weight decay shrinks θ; the gradient is
/// left as it is).
public struct AdaMod: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var beta3: Double
    public var state = CoordinateState<Slot>()

    /// torch_optimizer's state of one coordinate: the moments and the moving average of the
    /// step sizes (`exp_avg_lr`).
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var moments = Moments<MulAddRounding>()
        public var expAvgLr = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r, weightDecay: .coefficient(0, .decoupledFused))
        beta3 = try r.double("beta3", default: 0.999, .unitHalfOpen)
    }

    /// γ√(1 − β₂ᵗ)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> Double {
        learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ stepSize: Double) {
        let (m, v) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        let eta = stepSize / (torchSqrt(v) + eps)
        slot.expAvgLr = add(slot.expAvgLr * beta3, eta, alpha: 1 - beta3)
        theta = theta + -(minimum(eta, slot.expAvgLr) * m)
    }
}
