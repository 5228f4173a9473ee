/// GaLore (gradient low-rank projection), as `pytorch_optimizer.GaLore`, on the
/// tensors it does not project — every vector, so every Descent point: AdamW.
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g (lerp);  v ← β₂v + (1 − β₂)g²
///     θ ← θ − s·m/(√v + ε),  s = γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ)
///     θ ← θ(1 − λγ)                       (decoupled, after the update)
///
/// Zhao et al., GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection, ICML 2024. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path
/// (`update_unprojected_foreach`, shared with Fira: the two give the same trajectory on a
/// point). The library projects only matrices of a group with a `rank` key (a parameter-group option, not a
/// constructor argument), so the low-rank projection never applies here. Default ε is 1e-6;
/// √ is torch's tensor root (`torchSqrt`).
public struct GaLore: ElementwiseOptimizer {
    public static let info = OptimizerInfo(
        name: "GaLore", year: 2024,
        paper: "Zhao et al., GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection, ICML 2024",
        reference: "pytorch_optimizer.GaLore")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    /// λ, decoupled and applied after the update.
    public var decay: Double
    public var eps: Double
    public var maximize: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public var weightDecay: WeightDecay { WeightDecay(decay, .inUpdate) }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        decay = try r.double("weight_decay", default: 0, .nonNegative)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// The step size s.
    public func coefficients(step t: Int) -> Double {
        PytorchOptimizer.unprojectedAdamWStepSize(lr: learningRate, beta1: beta1, beta2: beta2, step: t)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ stepSize: Double) {
        PytorchOptimizer.unprojectedAdamW(
            &theta, g, &moments, beta1: beta1, beta2: beta2, eps: eps,
            stepSize: stepSize, lr: learningRate, weightDecay: decay)
    }
}
