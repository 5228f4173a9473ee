import DescentBase

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
public struct AdEMAMix: TensorwiseOptimizer {
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
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var moments = Moments<LerpRounding>()
        public var expAvgSlow = 0.0

        public init() {}
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

    public typealias Coefficients = (bias1: Double, bias2Sqrt: Double, alpha: Double, beta3: Double)

    /// 1 − β₁ᵗ, √(1 − β₂ᵗ) and the scheduled α and β₃.
    public func coefficients(step: Int) -> Coefficients {
        let (alphaT, beta3T) = schedules(step: step)
        return (biasCorrection(betas[0], step: step), biasCorrection(betas[1], step: step).squareRoot(), alphaT, beta3T)
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor _: Int, _ c: Coefficients) {
        var denominators = g
        for i in g.indices {
            let (_, v) = slots[i].moments.update(g[i], beta1: betas[0], beta2: betas[1])
            slots[i].expAvgSlow = lerp(slots[i].expAvgSlow, g[i], 1 - c.beta3)
            denominators[i] = torchSqrt(v) / c.bias2Sqrt + eps
        }
        var update = slots.map(\.moments.expAvg)
        if cautious { PytorchOptimizer.applyCautious(&update, g) }
        for i in update.indices { update[i] = add(update[i] / c.bias1, slots[i].expAvgSlow, alpha: c.alpha) }
        if stableAdamW {
            for i in update.indices { update[i] /= denominators[i] }
            let rms = PytorchOptimizer.stableAdamWRMS(g, slots.map(\.moments.expAvgSq))
            for i in update.indices { theta[i] = add(theta[i], update[i] / rms, alpha: -learningRate) }
        } else {
            for i in theta.indices { theta[i] = addcdiv(theta[i], update[i], denominators[i], value: -learningRate) }
        }
    }
}
