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
public struct StableAdamW: Optimizer {
    public static let info = OptimizerInfo(
        name: "StableAdamW", year: 2023,
        paper: "Wortsman et al., Stable and low-precision training for large-scale vision-language models, NeurIPS 2023",
        reference: "pytorch_optimizer.StableAdamW")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var kahanSum: Bool
    public var weightDecay: Double
    public var weightDecouple: Bool
    public var eps: Double
    public var maximize: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.99), (.unitHalfOpen, .unitHalfOpen))
        kahanSum = try r.bool("kahan_sum", default: true)
        weightDecay = try r.double("weight_decay", default: 1e-2, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// `BaseOptimizer.debias_beta`: `(βᵗ − β) / (βᵗ − 1)`.
    static func debiasBeta(_ beta: Double, _ step: Int) -> Double {
        let betaN = pythonPow(beta, Double(step))
        return (betaN - beta) / (betaN - 1)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        state.step += 1
        let beta1Comp = 1 - Self.debiasBeta(beta1, state.step)
        let beta2Hat = Self.debiasBeta(beta2, state.step)
        let epsSquared = pythonPow(eps, 2)
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            if !weightDecouple {
                WeightDecay(weightDecay, .l2).apply(&theta, &g, lr: learningRate)
            }
            for i in g.indices {
                state.slots[p][i].expAvg = lerp(state.slots[p][i].expAvg, g[i], beta1Comp)
                state.slots[p][i].expAvgSq = addcmul(state.slots[p][i].expAvgSq * beta2Hat, g[i], g[i], value: 1 - beta2Hat)
            }
            let rms = PytorchOptimizer.stableAdamWRMS(g, state.slots[p].map(\.expAvgSq), eps: epsSquared)
            let stepSize = (1 / rms) * -learningRate
            if weightDecay != 0, weightDecouple {
                let factor = 1 + weightDecay * stepSize
                for i in theta.indices { theta[i] *= factor }
            }
            for i in theta.indices {
                let d = (torchSqrt(state.slots[p][i].expAvgSq) + eps) / stepSize
                theta[i] = addcdiv(theta[i], state.slots[p][i].expAvg, d, value: 1)
            }
            parameters[p].scalars = theta
        }
    }
}
