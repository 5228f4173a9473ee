/// EXAdam (Adam with adaptive cross-moments), as `pytorch_optimizer.EXAdam`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g  (lerp);  v ← β₂v + (1 − β₂)g²     b₁ = 1 − β₁ᵗ, b₂ = 1 − β₂ᵗ
///     d₁ ← (v / (v + ε))·(1 − b₂) + 1;  d₂ ← (m² / (m² + ε))·(1 − b₁) + 1
///     u ← (m / b₁)·d₁ + d₁·(g / b₁)
///     θ ← θ − γ·u / (√(d₂·(v / b₂)) + ε)
///
/// Adly, "EXAdam: The Power of Adaptive Cross-Moments", arXiv 2024. Follows pytorch_optimizer
/// 4.1.0's per-parameter path (its `foreach` defaults to false), in its order of operations;
/// √ is torch's tensor root (`torchSqrt`).
public struct EXAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0, decouple: true), foreach: false)
    }

    /// The bias corrections b₁ = 1 − β₁ᵗ and b₂ = 1 − β₂ᵗ.
    public func coefficients(step t: Int) -> (b1: Double, b2: Double) {
        (biasCorrection(beta1, step: t), biasCorrection(beta2, step: t))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (b1: Double, b2: Double)) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        var d1 = v / (v + eps)
        d1 = d1 * (1 - c.b2) + 1
        let m2 = m * m
        var d2 = m2 / (m2 + eps)
        d2 = d2 * (1 - c.b1) + 1
        var u = (m / c.b1) * d1
        d1 *= g / c.b1
        u += d1
        let denominator = torchSqrt(d2 * (v / c.b2)) + eps
        theta = add(theta, u / denominator, alpha: -learningRate)
    }
}
