/// Conda (column-normalized Adam), as `pytorch_optimizer.Conda`.
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − (γ√(1 − β₂ᵗ)/(1 − β₁ᵗ))·(m / (√v + ε))
///     θ ← θ(1 − γλ) — after the update
///
/// Wang et al., "Conda: Column-Normalized Adam for Training Large Language Models Faster", arXiv
/// 2025. Follows pytorch_optimizer 4.1.0 (default foreach path). The column-normalising projection
/// (`update_proj_gap`, `scale`, `projection_type`) acts on matrices only: for a point Conda is
/// Adam with decoupled decay after the step, as above. √v is torch's tensor root (`torchSqrt`).
public struct Conda: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// λ, decoupled, applied after the update (so its form is `.inUpdate`).
    public var adam: AdamHyperparameters
    public var updateProjGap: Int
    public var scale: Double
    public var projectionType: String
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(0, .inUpdate), foreach: true)
        updateProjGap = try r.int("update_proj_gap", default: 2000, .positive)
        scale = try r.double("scale", default: 1)
        projectionType = try r.choice(
            "projection_type", default: "std", ["std", "reverse_std", "right", "left", "full", "random"]) ?? "std"
    }

    /// The step size γ√(1 − β₂ᵗ)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> Double {
        learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ stepSize: Double) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        theta = add(theta, m / (torchSqrt(v) + eps), alpha: -stepSize)
        let lambda = weightDecay.coefficient
        if lambda != 0 { theta *= 1 - lambda * learningRate }
    }
}
