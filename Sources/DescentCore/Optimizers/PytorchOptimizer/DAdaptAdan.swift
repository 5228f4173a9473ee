/// D-Adapted Adan, as `pytorch_optimizer.DAdaptAdan`.
///
///     g ← ∇f(θ) (negated if maximize);  η = d·γ;  p₀ = −g₁ (the first raw gradient)
///     δ = g + p;  m ← β₁m + η(1 − β₁)g;  n ← β₂n + η(1 − β₂)δ;  δ ← β₂δ + g
///     v ← β₃v + (1 − β₃)(δ²)²             (sic: `addcmul(δ², δ²)`, the fourth power)
///     G ← G + Σ g²/(√v + ε);  s ← β₃s + η(1 − β₃)g;  Sw ← Sw + Σ s²/(√v + ε);  S₁ ← S₁ + Σ|s|
///     p ← −g
///     if S₁ = 0 nothing moves; else Gw ← β₃Gw + η²(1 − β₃)G,
///        d ← max(d, min((Sw/(1 − β₃) − Gw)/S₁, d·growth_rate)) (if γ > 0)
///     θ ← θ(1 − ηλ) if weight_decouple;  θ ← θ − m/(√v + ε) − β₂·n/(√v + ε)
///     θ ← θ/(1 + ηλ) unless weight_decouple
///
/// (G, Sw, S₁ start at 0 every step; Gw is kept.) Defazio & Mishchenko, "Learning-Rate-Free
/// Learning by D-Adaptation", ICML 2023, on Xie et al.'s Adan. Follows pytorch_optimizer
/// 4.1.0's per-parameter CPU path (its batched path runs only on CUDA or when asked for), with
/// its quirks: the second moment averages δ⁴, and p₀ is the gradient before maximize negates
/// it. √ is torch's tensor root (`torchSqrt`). The `rosenbrock-0` reference, made on Intel,
/// stays pending: MKL's sqrt there differs in the last bit from `torchSqrt` (AMD), which the
/// path amplifies from step 12 to order 1; rerun with `torchSqrt`'s roots the library matches
/// Descent bit for bit.
public struct DAdaptAdan: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var beta3: Double
    public var weightDecay: Double
    public var weightDecouple: Bool
    public var growthRate: Double
    public var eps: Double
    public var maximize: Bool
    public var state: State

    /// The group's d and Gw, and per parameter s, m, v, n (`exp_avg_diff`) and p (`previous_grad`).
    public struct State: Sendable, Hashable {
        public var d: Double
        public var gsqWeighted = 0.0
        public var s: [[Double]] = []
        public var expAvg: [[Double]] = []
        public var expAvgSq: [[Double]] = []
        public var expAvgDiff: [[Double]] = []
        public var previousGrad: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        let betas = try r.list("betas", default: [0.98, 0.92, 0.99], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        (beta1, beta2, beta3) = (betas[0], betas[1], betas[2])
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: false)
        let d0 = try r.double("d0", default: 1e-6)
        growthRate = try r.double("growth_rate", default: .infinity)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
        state = State(d: d0)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let d = state.d
        let dLR = d * learningRate
        if state.s.isEmpty {
            state.s = zeros(like: parameters)
            state.expAvg = zeros(like: parameters)
            state.expAvgSq = zeros(like: parameters)
            state.expAvgDiff = zeros(like: parameters)
            state.previousGrad = gradients.map { $0.scalars.map { -$0 } }
        }
        var gSq = 0.0, skSqWeighted = 0.0, skL1 = 0.0
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var gradPower = [Double](repeating: 0, count: g.count)
            var sSquared = gradPower
            for i in g.indices {
                var diff = state.previousGrad[p][i] + g[i]
                state.expAvg[p][i] = add(state.expAvg[p][i] * beta1, g[i], alpha: dLR * (1 - beta1))
                state.expAvgDiff[p][i] = add(state.expAvgDiff[p][i] * beta2, diff, alpha: dLR * (1 - beta2))
                diff = diff * beta2 + g[i]
                let diff2 = diff * diff
                state.expAvgSq[p][i] = addcmul(state.expAvgSq[p][i] * beta3, diff2, diff2, value: 1 - beta3)
                let denominator = torchSqrt(state.expAvgSq[p][i]) + eps
                gradPower[i] = (g[i] * g[i]) / denominator
                state.s[p][i] = add(state.s[p][i] * beta3, g[i], alpha: dLR * (1 - beta3))
                sSquared[i] = (state.s[p][i] * state.s[p][i]) / denominator
            }
            gSq += sum(gradPower)
            skSqWeighted += sum(sSquared)
            skL1 += sum(state.s[p].map(\.magnitude))
            state.previousGrad[p] = g.map { -$0 }
        }
        if skL1 == 0 { return }
        state.gsqWeighted = add(state.gsqWeighted * beta3, gSq, alpha: pythonPow(dLR, 2) * (1 - beta3))
        if learningRate > 0 {
            let dHat = (skSqWeighted / (1 - beta3) - state.gsqWeighted) / skL1
            state.d = PytorchOptimizer.pythonMax(d, PytorchOptimizer.pythonMin(dHat, d * growthRate))
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                let denominator = torchSqrt(state.expAvgSq[p][i]) + eps
                if weightDecouple { theta *= 1 - dLR * weightDecay }
                theta = addcdiv(theta, state.expAvg[p][i], denominator, value: -1)
                theta = addcdiv(theta, state.expAvgDiff[p][i], denominator, value: -beta2)
                if !weightDecouple { theta /= 1 + dLR * weightDecay }
                parameters[p].scalars[i] = theta
            }
        }
    }
}
