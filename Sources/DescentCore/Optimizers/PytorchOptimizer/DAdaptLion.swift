/// D-Adapted Lion, as `pytorch_optimizer.DAdaptLion`.
///
///     g ← ∇f(θ) (negated if maximize);  η = d·γ
///     g ← g + λθ, or θ ← θ(1 − ηλ) if weight_decouple (1 − λ if fixed_decay)
///     u = sign(lerp(m, g, 1 − β₁));  θ ← θ − ηu
///     m ← β₂m + (1 − β₂)η·g;  N ← N + η·⟨u, s⟩;  s ← √β₂·s + (1 − √β₂)η·u;  S₁ ← S₁ + Σ|s|
///     W ← lerp(W, N, 1 − √β₂)             (N, S₁ start at 0 every step; W is kept)
///     if S₁ ≠ 0 and γ > 0: d ← max(d, W/((1 − √β₂)S₁))
///
/// Defazio & Mishchenko, "Learning-Rate-Free Learning by D-Adaptation", ICML 2023, on Chen et
/// al.'s Lion. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path; ⟨·,·⟩ is torch's
/// `dot`. The parameters move before d changes; there is no growth_rate.
public struct DAdaptLion: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var maximize: Bool
    public var state: State

    /// The group's d and weighted numerator W, and per parameter m and s.
    public struct State: Sendable, Hashable {
        public var d: Double
        public var numeratorWeighted = 0.0
        public var expAvg: [[Double]] = []
        public var s: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        let d0 = try r.double("d0", default: 1e-6)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: false)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        state = State(d: d0)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let beta2Sqrt = beta2.squareRoot()
        let d = state.d
        let dLR = d * learningRate
        if state.s.isEmpty {
            state.expAvg = zeros(like: parameters)
            state.s = zeros(like: parameters)
        }
        var numerator = 0.0, skL1 = 0.0
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: dLR)
            let u = g.indices.map { sign(lerp(state.expAvg[p][$0], g[$0], 1 - beta1)) }
            for i in theta.indices {
                theta[i] = add(theta[i], u[i], alpha: -dLR)
                state.expAvg[p][i] = add(state.expAvg[p][i] * beta2, g[i], alpha: (1 - beta2) * dLR)
            }
            numerator = add(numerator, dot(u, state.s[p]), alpha: dLR)
            for i in theta.indices {
                state.s[p][i] = add(state.s[p][i] * beta2Sqrt, u[i], alpha: (1 - beta2Sqrt) * dLR)
            }
            skL1 += sum(state.s[p].map(\.magnitude))
            parameters[p].scalars = theta
        }
        state.numeratorWeighted = lerp(state.numeratorWeighted, numerator, 1 - beta2Sqrt)
        if skL1 == 0 { return }
        if learningRate > 0 {
            let dHat = state.numeratorWeighted / ((1 - beta2Sqrt) * skL1)
            state.d = PytorchOptimizer.pythonMax(d, dHat)
        }
    }
}
