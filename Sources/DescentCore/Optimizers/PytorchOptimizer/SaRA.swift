import DescentBase

/// SaRA (progressive sparse low-rank adaptation), as `pytorch_optimizer.SaRA`: AdamW on the
/// coordinates that are small at the start, the others frozen.
///
///     mask: the coordinates with |θ₀| < τ (τ = threshold), fixed when the optimizer meets the
///           parameters; at step progressive_iter + 1 (if ≥ 0) it keeps only those still below τ
///     for each masked coordinate:
///         g ← ∇f(θ) (negated if maximize)
///         m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  v̂ ← max(v̂, v) if ams_bound
///         d = √(v̂ or v)/√(1 − β₂ᵗ) + ε      (no 1e-15 inside the root here)
///         θ ← θ(1 − γλ);  θ ← θ − (γ/(1 − β₁ᵗ))·m/d
///
/// `lr` null means 10⁻³·exp(−350τ). Default `weight_decay` 0.01. `lambda_rank` (a nuclear-norm
/// pull on matrices larger than 64×64) is accepted and has no effect on a point. Hu et al.,
/// "SaRA: High-Efficient Diffusion Model Fine-tuning with Progressive Sparse Low-Rank
/// Adaptation", arXiv 2024. Follows pytorch_optimizer 4.1.0 (foreach path); √ is `torchSqrt`.
public struct SaRA: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var threshold: Double
    public var progressiveIter: Int
    public var lambdaRank: Double
    /// `weight_decay` λ, decoupled, applied by the update to the masked coordinates only.
    public var weightDecay: WeightDecay
    public var amsBound: Bool
    public var eps: Double
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// One coordinate's mask bit and moments (`exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`).
    public struct Slot: Sendable, Hashable {
        public var masked: Bool
        public var moments = Moments<LerpRounding>()
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        let lr = try r.optionalDouble("lr", default: nil, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        threshold = try r.double("threshold", default: 1e-3, .nonNegative)
        learningRate = lr ?? 1e-3 * LibM.exp(-350 * threshold)
        progressiveIter = try r.int("progressive_iter", default: -1, .atLeast(-1))
        lambdaRank = try r.double("lambda_rank", default: 0, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0.01, .nonNegative), .inUpdate)
        amsBound = try r.bool("ams_bound", default: false)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public func initialSlot(_ theta: Double) -> Slot { Slot(masked: theta.magnitude < threshold) }

    public typealias Coefficients = (stepSize: Double, bias2Root: Double, shrink: Bool)

    public func coefficients(step: Int) -> Coefficients {
        (learningRate / biasCorrection(beta1, step: step), biasCorrection(beta2, step: step).squareRoot(),
         progressiveIter >= 0 && step == progressiveIter + 1)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ c: Coefficients) {
        if c.shrink, slot.masked { slot.masked = theta.magnitude < threshold }
        guard slot.masked else { return }
        let (m, v) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        let d = torchSqrt(amsBound ? slot.moments.updateMaximum(v) : v) / c.bias2Root + eps
        if weightDecay.coefficient != 0 { theta *= 1 - weightDecay.coefficient * learningRate }
        theta = addcdiv(theta, m, d, value: -c.stepSize)
    }
}
