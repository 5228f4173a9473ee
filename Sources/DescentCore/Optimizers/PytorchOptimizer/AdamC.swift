/// AdamC (AdamW with corrected weight decay), as `pytorch_optimizer.AdamC`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     d ← (√(max(v̂, v) or v + 1e-15) + ε) / √(1 − β₂ᵗ)     (ε added before the division)
///     θ ← θ − γ·(m / (1 − β₁ᵗ)) / d
///
/// Defazio et al., "Why Gradients Rapidly Increase Near the End of Training", arXiv 2025.
/// Follows pytorch_optimizer 4.1.0 (default foreach path). The paper's correction scales the
/// decay by γ²/γ_max for groups marked `normalized`, a per-group key that is not a constructor
/// argument; for a plain parameter the decay is AdamW's θ(1 − γλ). √ is torch's tensor root
/// (`torchSqrt`), √(1 − β₂ᵗ) Python's `math.sqrt`.
public struct AdamC: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var amsBound: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        amsBound = try r.bool("ams_bound", default: false)
    }

    /// 1 − β₁ᵗ and √(1 − β₂ᵗ).
    public func coefficients(step: Int) -> (bias1: Double, bias2Sqrt: Double) {
        (biasCorrection(beta1, step: step), biasCorrection(beta2, step: step).squareRoot())
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (bias1: Double, bias2Sqrt: Double)) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        let d = PytorchOptimizer.amsBoundDenominator(v, maxExpAvgSq: &moments.maxExpAvgSq, amsBound: amsBound, eps: eps) / c.bias2Sqrt
        theta = addcdiv(theta, m / c.bias1, d, value: -learningRate)
    }
}
