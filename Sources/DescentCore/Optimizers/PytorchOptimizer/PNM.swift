/// PNM (Positive-Negative Momentum), as `pytorch_optimizer.PNM`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     two momenta swap roles every step: at odd steps (m⁺, m⁻) = (m₁, m₂), at even steps (m₂, m₁)
///     m⁺ ← β₁²m⁺ + (1 − β₁²)g
///     θ ← θ − γ·((1 + β₀)m⁺ − β₀m⁻) / √((1 + β₀)² + β₀²)      (betas = (β₁, β₀))
///
/// Xie et al., "Positive-Negative Momentum: Manipulating Stochastic Gradient Noise to Improve
/// Generalization", ICML 2021. Follows pytorch_optimizer 4.1.0 (foreach path).
public struct PNM: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    /// The step count and each coordinate's two momenta.
    public var state = CoordinateState<PositiveNegativeMomentum>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(
            &r, betas: (0.9, 1.0), within: (.unitClosed, .unitClosed), weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
    }

    public func coefficients(step: Int) -> PositiveNegativeMomentum.Coefficients {
        PositiveNegativeMomentum.Coefficients(step: step, beta1: beta1, beta0: beta2)
    }

    public func update(_ theta: inout Double, _ g: Double, _ momentum: inout PositiveNegativeMomentum, _ c: PositiveNegativeMomentum.Coefficients) {
        theta = add(theta, momentum.update(g, c), alpha: -learningRate)
    }
}
