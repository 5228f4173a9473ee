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
public struct AdaMod: ElementwiseOptimizer {
    public static let info = OptimizerInfo(
        name: "AdaMod", year: 2019,
        paper: "Ding, Ren, Luo & Sun, An Adaptive and Momental Bound Method for Stochastic Learning, arXiv 2019",
        url: "https://arxiv.org/abs/1910.12249", family: .adam,
        reference: "torch_optimizer.AdaMod")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var beta3: Double
    public var eps: Double
    /// `weight_decay` λ, shrinking θ as `p.add_(p, alpha=−λγ)` (fused).
    public var weightDecay: WeightDecay
    public var state = CoordinateState<Slot>()

    /// torch_optimizer's state of one coordinate: the moments and the moving average of the
    /// step sizes (`exp_avg_lr`).
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var moments = Moments<MulAddRounding>()
        public var expAvgLr = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        beta3 = try r.double("beta3", default: 0.999, .unitHalfOpen)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .decoupledFused)
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
