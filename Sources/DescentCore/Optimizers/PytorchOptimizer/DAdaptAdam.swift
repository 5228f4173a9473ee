/// D-Adapted Adam, as `pytorch_optimizer.DAdaptAdam`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ unless weight_decouple
///     η = d·γ, or d·γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ) with bias_correction;  √β₂ = math.sqrt(β₂)
///     N ← N + η·⟨g, s/(√v + ε)⟩          (v of before this step; N starts at 0 every step)
///     m ← β₁m + η(1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  s ← √β₂·s + η(1 − √β₂)g
///     if Σ|s| = 0 nothing moves; else W ← lerp(W, N, 1 − √β₂),
///        d ← max(d, min(W/((1 − √β₂)Σ|s|), d·growth_rate)) (if γ > 0)
///     θ ← θ(1 − λη) if weight_decouple (1 − λ if fixed_decay);  θ ← θ − m/(√v + ε)
///
/// Defazio & Mishchenko, "Learning-Rate-Free Learning by D-Adaptation", ICML 2023. Follows
/// pytorch_optimizer 4.1.0's batched (foreach) CPU path, with its scalar sums in one-element
/// float64 tensors; ⟨·,·⟩ is torch's `dot`, √ its tensor root (`torchSqrt`). The step uses
/// the η of before d changes; bias_correction is off by default.
public struct DAdaptAdam: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var growthRate: Double
    public var biasCorrection: Bool
    public var state: State

    /// The group's d, step count and weighted numerator W, and per parameter s, m, v.
    public struct State: Sendable, Hashable {
        public var d: Double
        public var step = 0
        public var numeratorWeighted = 0.0
        public var s: [[Double]] = []
        public var expAvg: [[Double]] = []
        public var expAvgSq: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1, weightDecay: .pytorchOptimizer(0, decouple: false), foreach: true)
        let d0 = try r.double("d0", default: 1e-6)
        growthRate = try r.double("growth_rate", default: .infinity)
        biasCorrection = try r.bool("bias_correction", default: false)
        state = State(d: d0)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let beta2Sqrt = beta2.squareRoot()
        let d = state.d
        let correction = DescentCore.biasCorrection(beta1, step: state.step + 1)
            / DescentCore.biasCorrection(beta2, step: state.step + 1).squareRoot()
        let dLR = biasCorrection ? d * learningRate / correction : d * learningRate
        let lambda = weightDecay.coefficient
        if state.s.isEmpty {
            state.s = zeros(like: parameters)
            state.expAvg = zeros(like: parameters)
            state.expAvgSq = zeros(like: parameters)
        }
        state.step += 1
        var numerator = 0.0, skL1 = 0.0
        for p in parameters.indices {
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            let theta = parameters[p].scalars
            if weightDecay.form == .l2, lambda != 0 {
                for i in g.indices { g[i] = add(g[i], theta[i], alpha: lambda) }
            }
            let scaled = g.indices.map { state.s[p][$0] / (torchSqrt(state.expAvgSq[p][$0]) + eps) }
            numerator = add(numerator, dot(g, scaled), alpha: dLR)
            for i in g.indices {
                state.expAvg[p][i] = add(state.expAvg[p][i] * beta1, g[i], alpha: dLR * (1 - beta1))
                state.expAvgSq[p][i] = addcmul(state.expAvgSq[p][i] * beta2, g[i], g[i], value: 1 - beta2)
                state.s[p][i] = add(state.s[p][i] * beta2Sqrt, g[i], alpha: dLR * (1 - beta2Sqrt))
            }
            skL1 += sum(state.s[p].map(\.magnitude))
        }
        if skL1 == 0 { return }
        state.numeratorWeighted = lerp(state.numeratorWeighted, numerator, 1 - beta2Sqrt)
        if learningRate > 0 {
            let dHat = state.numeratorWeighted / ((1 - beta2Sqrt) * skL1)
            state.d = PytorchOptimizer.pythonMax(d, PytorchOptimizer.pythonMin(dHat, d * growthRate))
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                if weightDecay.form != .l2, lambda != 0 { theta *= weightDecay.form == .decoupledFixed ? 1 - lambda : 1 - lambda * dLR }
                theta = addcdiv(theta, state.expAvg[p][i], torchSqrt(state.expAvgSq[p][i]) + eps, value: -1)
                parameters[p].scalars[i] = theta
            }
        }
    }
}
