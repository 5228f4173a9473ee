/// PNM (Positive-Negative Momentum), as `pytorch_optimizer.PNM`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     two momenta swap roles every step: at odd steps (m⁺, m⁻) = (m₁, m₂), at even steps (m₂, m₁)
///     m⁺ ← β₁²m⁺ + (1 − β₁²)g
///     θ ← θ − γ·((1 + β₀)m⁺ − β₀m⁻) / √((1 + β₀)² + β₀²)      (betas = (β₁, β₀))
///
/// Xie et al., "Positive-Negative Momentum: Manipulating Stochastic Gradient Noise to Improve
/// Generalization", ICML 2021. Follows pytorch_optimizer 4.1.0 (foreach path).
public struct PNM: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    /// The step count and each coordinate's two momenta.
    public var state = CoordinateState<PositiveNegativeMomentum>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 1.0), (.unitClosed, .unitClosed))
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public func coefficients(step: Int) -> PositiveNegativeMomentum.Coefficients {
        PositiveNegativeMomentum.Coefficients(step: step, beta1: beta1, beta0: beta2)
    }

    public func update(_ theta: inout Double, _ g: Double, _ momentum: inout PositiveNegativeMomentum, _ c: PositiveNegativeMomentum.Coefficients) {
        theta = add(theta, momentum.update(g, c), alpha: -learningRate)
    }
}
