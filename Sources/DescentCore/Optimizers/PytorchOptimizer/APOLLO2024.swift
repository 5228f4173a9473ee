/// APOLLO (approximated gradient scaling for memory-efficient LLM optimization), as
/// `pytorch_optimizer.APOLLO` — registered as `APOLLO2024`, since registry names match
/// case-insensitively and `Apollo` is Ma's 2020 quasi-Newton method (`Apollo`, `ApolloDQN`).
///
///     η ← γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ)  (γ if not correct_bias)
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ if not weight_decouple
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − η·(m / (√v + ε))
///     θ ← θ(1 − ηλ) if weight_decouple (1 − λ if fixed_decay) — after the update, with η, not γ
///
/// Zhu et al., "APOLLO: SGD-like Memory, AdamW-level Performance", MLSys 2025 (arXiv 2024).
/// Follows pytorch_optimizer 4.1.0 (default foreach path). The random low-rank projection and
/// its gradient scaling (`scale_type`, and the per-group `rank`) act on matrices only: for a
/// point APOLLO is the AdamW above. `scale_type` must be "tensor" or "channel" here (the
/// reference does not check it and treats any other value as "tensor"). √v is torch's tensor
/// root (`torchSqrt`).
public struct APOLLO2024: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// Its decay is as read: coupled before the update, decoupled after it with the step size η
    /// (so `weightDecay` is then its `.inUpdate` form).
    public var adam: AdamHyperparameters
    /// "tensor" or "channel".
    public var scaleType: String
    public var correctBias: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public var weightDecay: WeightDecay {
        adam.weightDecay.form == .l2 ? adam.weightDecay : WeightDecay(adam.weightDecay.coefficient, .inUpdate)
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1e-2, weightDecay: .pytorchOptimizer(0, decouple: true), eps: 1e-6, foreach: true)
        scaleType = try r.choice("scale_type", default: "tensor", ["tensor", "channel"]) ?? "tensor"
        correctBias = try r.bool("correct_bias", default: true)
    }

    /// The step size η.
    public func coefficients(step: Int) -> Double {
        guard correctBias else { return learningRate }
        return learningRate * (biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ stepSize: Double) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        theta = add(theta, m / (torchSqrt(v) + eps), alpha: -stepSize)
        if adam.weightDecay.form != .l2 {
            var unused = g
            adam.weightDecay.apply(&theta, &unused, lr: stepSize)
        }
    }
}
