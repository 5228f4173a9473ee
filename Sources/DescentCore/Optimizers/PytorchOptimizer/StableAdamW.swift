/// StableAdamW (AdamW with an update clipped by its RMS, as in AdaFactor), as
/// `pytorch_optimizer.StableAdamW`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ if not weight_decouple
///     β̂₁ = β₁(1 − β₁ᵗ⁻¹)/(1 − β₁ᵗ), β̂₂ likewise      (debiased decay rates)
///     m ← β̂₁m + (1 − β̂₁)g;  v ← β̂₂v + (1 − β̂₂)g²
///     η ← −γ / max(1, √mean(g² / max(v, ε²)))
///     θ ← θ(1 + λη) if weight_decouple;  θ ← θ + m / ((√v + ε) / η)
///
/// Wortsman et al., "Stable and low-precision training for large-scale vision-language
/// models", NeurIPS 2023. Follows pytorch_optimizer 4.1.0's default (foreach) path, including
/// `η = reciprocal(rms) · (−γ)` (Python's `float / tensor`). `kahan_sum` only acts on
/// float16/bfloat16 parameters, so it is accepted and has no effect in float64. √v and the
/// RMS root are torch's tensor root (`torchSqrt`).
public struct StableAdamW: TensorwiseOptimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ: L2, or, if `weight_decouple`, θ(1 + λη), which the update applies.
    public var adam: AdamHyperparameters
    public var kahanSum: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(
            &r, betas: (0.9, 0.99), weightDecay: .decouple(1e-2, default: true, decoupled: .inUpdate, coupled: .l2), foreach: true)
        kahanSum = try r.bool("kahan_sum", default: true)
    }

    /// `BaseOptimizer.debias_beta`: `(βᵗ − β) / (βᵗ − 1)`.
    static func debiasBeta(_ beta: Double, _ step: Int) -> Double {
        let betaN = pythonPow(beta, Double(step))
        return (betaN - beta) / (betaN - 1)
    }

    /// 1 − β̂₁ and β̂₂, the debiased decay rates.
    public func coefficients(step: Int) -> (beta1Comp: Double, beta2Hat: Double) {
        (1 - Self.debiasBeta(beta1, step), Self.debiasBeta(beta2, step))
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor _: Int, _ c: (beta1Comp: Double, beta2Hat: Double)) {
        for i in g.indices {
            moments[i].expAvg = lerp(moments[i].expAvg, g[i], c.beta1Comp)
            moments[i].expAvgSq = addcmul(moments[i].expAvgSq * c.beta2Hat, g[i], g[i], value: 1 - c.beta2Hat)
        }
        let rms = PytorchOptimizer.stableAdamWRMS(g, moments.map(\.expAvgSq), eps: pythonPow(eps, 2))
        let stepSize = (1 / rms) * -learningRate
        if weightDecay.form == .inUpdate, weightDecay.coefficient != 0 {
            let factor = 1 + weightDecay.coefficient * stepSize
            for i in theta.indices { theta[i] *= factor }
        }
        for i in theta.indices {
            theta[i] = addcdiv(theta[i], moments[i].expAvg, (torchSqrt(moments[i].expAvgSq) + eps) / stepSize, value: 1)
        }
    }
}
