/// LAMB: Adam's step rescaled per parameter tensor by the trust ratio ‖θ‖/‖step‖, as
/// `torch_optimizer.Lamb`.
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     u ← m / (√v + ε) + λθ                            (weight_decay λ)
///     r ← min(‖θ‖, clamp_value) / ‖u‖  (1 if either norm is 0, or if adam)
///     θ ← θ − γ·c·r·u,  c = √(1 − β₂ᵗ)/(1 − β₁ᵗ) if debias, else 1
///
/// You, Li, Reddi, Hseu, Kumar, Bhojanapalli, Song, Demmel, Keutzer & Hsieh, "Large Batch
/// Optimization for Deep Learning: Training BERT in 76 minutes", ICLR 2020. Follows
/// torch_optimizer 0.3.0 (no bias correction of m and v unless `debias`).
public struct Lamb: Optimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ is added to the Adam step by `step`.
    public var adam: AdamHyperparameters
    public var clampValue: Double
    /// The `adam` key: the trust ratio is fixed at 1.
    public var adamMode: Bool
    public var debias: Bool
    public var state = CoordinateState<Moments<MulAddRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r, eps: 1e-6, weightDecay: .coefficient(0, .inUpdate))
        clampValue = try r.double("clamp_value", default: 10, .nonNegative)
        adamMode = try r.bool("adam", default: false)
        debias = try r.bool("debias", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        state.step += 1
        let t = Double(state.step)
        var biasCorrection = 1.0
        if debias {
            biasCorrection = (1 - pythonPow(beta2, t)).squareRoot()
            biasCorrection /= 1 - pythonPow(beta1, t)
        }
        let stepSize = learningRate * biasCorrection
        for p in parameters.indices {
            var adamStep = Tensor(zerosLike: parameters[p])
            for i in parameters[p].scalars.indices {
                let g = gradients[p].scalars[i]
                let (m, v) = state.slots[p][i].update(g, beta1: beta1, beta2: beta2)
                adamStep.scalars[i] = m / (torchSqrt(v) + eps)
                if weightDecay.coefficient != 0 {
                    adamStep.scalars[i] = add(adamStep.scalars[i], parameters[p].scalars[i], alpha: weightDecay.coefficient)
                }
            }
            let weightNorm = clamp(parameters[p].norm, 0, clampValue)
            let adamNorm = adamStep.norm
            var trustRatio = weightNorm == 0 || adamNorm == 0 ? 1 : weightNorm / adamNorm
            if adamMode { trustRatio = 1 }
            let alpha = -stepSize * trustRatio
            for i in parameters[p].scalars.indices {
                parameters[p].scalars[i] = add(parameters[p].scalars[i], adamStep.scalars[i], alpha: alpha)
            }
        }
    }
}
