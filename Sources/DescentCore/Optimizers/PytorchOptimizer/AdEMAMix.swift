/// AdEMAMix (Adam with a mixture of a fast and a slow momentum), as `pytorch_optimizer.AdEMAMix`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m₁ ← β₁m₁ + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  m₂ ← β₃(t)m₂ + (1 − β₃(t))g
///     u ← m₁/(1 − β₁ᵗ) + α(t)·m₂      (m₁ cautious-masked against g first if cautious)
///     θ ← θ − γ·u / (√v/√(1 − β₂ᵗ) + ε)   (÷ StableAdamW RMS too if stable_adamw)
///     α(t) = min(tα/T, α), β₃(t) = min(exp(ln β₁ ln β₃ / ((1 − t/T) ln β₃ + (t/T) ln β₁)), β₃)
///     with T = t_alpha_beta3 (α(t) = α, β₃(t) = β₃ when T is null)
///
/// Pagliardini et al., "The AdEMAMix Optimizer: Better, Faster, Older", ICLR 2025 (arXiv 2024).
/// Follows pytorch_optimizer 4.1.0 (default foreach path: `addcdiv` for the final step).
/// √v is torch's tensor root (`torchSqrt`); √(1 − β₂ᵗ) is Python's `math.sqrt`.
public struct AdEMAMix: Optimizer {
    public static let info = OptimizerInfo(
        name: "AdEMAMix", year: 2024,
        paper: "Pagliardini et al., The AdEMAMix Optimizer: Better, Faster, Older, ICLR 2025",
        reference: "pytorch_optimizer.AdEMAMix")

    public var learningRate: Double
    public var betas: [Double]
    public var weightDecay: WeightDecay
    public var alpha: Double
    public var tAlphaBeta3: Double?
    public var eps: Double
    public var maximize: Bool
    public var cautious: Bool
    public var stableAdamW: Bool
    public var state = CoordinateState<Slot>()

    /// One coordinate's moments and slow momentum `exp_avg_slow`.
    public struct Slot: Sendable, Hashable {
        public var moments = Moments<LerpRounding>()
        public var expAvgSlow = 0.0
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        betas = try r.list("betas", default: [0.9, 0.999, 0.9999], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: false)
        alpha = try r.double("alpha", default: 5, .nonNegative)
        tAlphaBeta3 = try r.optionalDouble("t_alpha_beta3", default: nil, .nonNegative)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        cautious = try r.bool("cautious", default: false)
        stableAdamW = try r.bool("stable_adamw", default: false)
    }

    /// `schedule_alpha` and `schedule_beta3` of the reference.
    func schedules(step: Int) -> (alpha: Double, beta3: Double) {
        guard let t = tAlphaBeta3 else { return (alpha, betas[2]) }
        let s = Double(step)
        let a = min(s * alpha / t, alpha)
        let log1 = LibM.log(betas[0]), log3 = LibM.log(betas[2])
        let b3 = min(LibM.exp(log1 * log3 / ((1 - s / t) * log3 + (s / t) * log1)), betas[2])
        return (a, b3)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Slot() }
        state.step += 1
        let (beta1, beta2) = (betas[0], betas[1])
        let bias1 = biasCorrection(beta1, step: state.step)
        let bias2Sqrt = biasCorrection(beta2, step: state.step).squareRoot()
        let (alphaT, beta3T) = schedules(step: state.step)
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            var denominators = g
            for i in g.indices {
                let (_, v) = state.slots[p][i].moments.update(g[i], beta1: beta1, beta2: beta2)
                state.slots[p][i].expAvgSlow = lerp(state.slots[p][i].expAvgSlow, g[i], 1 - beta3T)
                denominators[i] = torchSqrt(v) / bias2Sqrt + eps
            }
            var update = state.slots[p].map(\.moments.expAvg)
            if cautious { PytorchOptimizer.applyCautious(&update, g) }
            for i in update.indices { update[i] = add(update[i] / bias1, state.slots[p][i].expAvgSlow, alpha: alphaT) }
            if stableAdamW {
                for i in update.indices { update[i] /= denominators[i] }
                let rms = PytorchOptimizer.stableAdamWRMS(g, state.slots[p].map(\.moments.expAvgSq))
                for i in update.indices { theta[i] = add(theta[i], update[i] / rms, alpha: -learningRate) }
            } else {
                for i in theta.indices { theta[i] = addcdiv(theta[i], update[i], denominators[i], value: -learningRate) }
            }
            parameters[p].scalars = theta
        }
    }
}
