#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prodigy (an adaptive, parameter-free learning rate for Adam), as `pytorch_optimizer.Prodigy`.
///
///     g ← ∇f(θ) (negated if maximize);  η = d·γ/b  (b = (1 − β₁ᵗ)/√(1 − β₂ᵗ) if bias_correction, else 1)
///     r ← β₃r + (d/d₀)·η·⟨g, θ₀ − θ⟩
///     m ← β₁m + d(1 − β₁)g;  v ← β₂v + d²(1 − β₂)g²
///     s ← β₃s + (d/d₀)·(d if safeguard_warmup else η)·g
///     if Σ|s| = 0 nothing moves; else d̂ = c·r/Σ|s|, d ← max(d, d̂) while d = d₀,
///        d_max ← max(d_max, d̂), d ← min(d_max, d·growth_rate)
///     θ ← θ(1 − ηλ) (decoupled; 1 − λ if fixed_decay)
///     θ ← θ − η·m/(√v + d·ε), or θ ← θ − η·atan2(m, √v) when eps is null
///     (β₃ = √β₂ by default; d_coef = c)
///
/// Mishchenko & Defazio, "Prodigy: An Expeditiously Adaptive Parameter-Free Learner", ICML 2024
/// (arXiv 2023). Follows pytorch_optimizer 4.1.0's CPU (per-parameter) path and its quirks:
/// its step counter starts at 1 and the bias corrections use it before it is incremented; the
/// update uses the new d but the η of before; coupled weight decay (`weight_decouple: false`)
/// changes only a gradient that is no longer used, so it has no effect. √v is torch's tensor
/// root (`torchSqrt`): with the IEEE root the chaotic rosenbrock reference is lost by step ~270.
public struct Prodigy: Optimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var beta3: Double?
    public var d0: Double
    public var dCoef: Double
    public var growthRate: Double
    public var weightDecay: Double
    public var weightDecouple: Bool
    public var fixedDecay: Bool
    public var biasCorrection: Bool
    public var safeguardWarmup: Bool
    public var eps: Double?
    public var maximize: Bool
    public var state: State

    /// The group's estimates (d, d_max, the numerator r, the step count from 1) and, per
    /// parameter, s, the start θ₀ and the moments.
    public struct State: Sendable, Hashable {
        public var step = 1
        public var d: Double
        public var dMax: Double
        public var dNumerator = 0.0
        public var s: [[Double]] = []
        public var p0: [[Double]] = []
        public var expAvg: [[Double]] = []
        public var expAvgSq: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        beta3 = try r.optionalDouble("beta3", default: nil, .unitClosed)
        d0 = try r.double("d0", default: 1e-6)
        dCoef = try r.double("d_coef", default: 1)
        growthRate = try r.double("growth_rate", default: .infinity)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: true)
        fixedDecay = try r.bool("fixed_decay", default: false)
        biasCorrection = try r.bool("bias_correction", default: false)
        safeguardWarmup = try r.bool("safeguard_warmup", default: false)
        eps = try r.optionalDouble("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
        state = State(d: d0, dMax: d0)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let b3 = beta3 ?? beta2.squareRoot()
        let bias1 = DescentCore.biasCorrection(beta1, step: state.step)
        let bias2Sqrt = DescentCore.biasCorrection(beta2, step: state.step).squareRoot()
        let correction = biasCorrection ? bias1 / bias2Sqrt : 1
        let d = state.d
        let dLR = d * learningRate / correction
        state.dNumerator *= b3
        if state.s.isEmpty {
            state.s = zeros(like: parameters)
            state.p0 = parameters.map(\.scalars)
            state.expAvg = zeros(like: parameters)
            state.expAvgSq = zeros(like: parameters)
        }
        state.step += 1
        var dDenominator = 0.0
        for p in parameters.indices {
            let theta = parameters[p].scalars
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var dot = 0.0
            for i in g.indices { dot += g[i] * (state.p0[p][i] - theta[i]) }
            state.dNumerator = add(state.dNumerator, dot, alpha: (d / d0) * dLR)
            let sScale = (d / d0) * (safeguardWarmup ? d : dLR)
            for i in g.indices {
                state.expAvg[p][i] = add(state.expAvg[p][i] * beta1, g[i], alpha: d * (1 - beta1))
                state.expAvgSq[p][i] = addcmul(state.expAvgSq[p][i] * beta2, g[i], g[i], value: d * d * (1 - beta2))
                state.s[p][i] = add(state.s[p][i] * b3, g[i], alpha: sScale)
            }
            dDenominator += sum(state.s[p].map(\.magnitude))
        }
        if dDenominator == 0 { return }
        let dHat = dCoef * state.dNumerator / dDenominator
        var newD = d
        if d == d0 { newD = PytorchOptimizer.pythonMax(d, dHat) }
        state.dMax = PytorchOptimizer.pythonMax(state.dMax, dHat)
        newD = PytorchOptimizer.pythonMin(state.dMax, newD * growthRate)
        state.d = newD
        for p in parameters.indices {
            var theta = parameters[p].scalars
            if weightDecay != 0, weightDecouple {
                let factor = 1 - weightDecay * (fixedDecay ? 1 : dLR)
                for i in theta.indices { theta[i] *= factor }
            }
            for i in theta.indices {
                let root = torchSqrt(state.expAvgSq[p][i])
                if let eps {
                    theta[i] = addcdiv(theta[i], state.expAvg[p][i], root + newD * eps, value: -dLR)
                } else {
                    theta[i] = add(theta[i], atan2(state.expAvg[p][i], root), alpha: -dLR)
                }
            }
            parameters[p].scalars = theta
        }
    }
}
