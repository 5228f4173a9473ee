/// D-Adapted SGD (dual averaging with momentum), as `pytorch_optimizer.DAdaptSGD`.
///
///     at the first step: ‖g₀‖ = √(float32 ‖g‖²) (float32, `get_global_gradient_norm`), x₀ = z = θ
///     if ‖g₀‖ = 0 nothing ever moves;  η = d·γ/‖g₀‖
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ, or θ ← θ(1 − ηλ) if weight_decouple
///     N ← N + η·⟨g, s⟩;  s ← s + ηg;  S² = Σ s²     (N is kept, S² starts at 0 every step)
///     d ← max(d, min(2N/√S², d·growth_rate)) (if γ > 0)
///     z = x₀ − s;  θ ← θ + (1 − μ)(z − θ) (lerp, momentum μ)
///
/// Defazio & Mishchenko, "Learning-Rate-Free Learning by D-Adaptation", ICML 2023. Follows
/// pytorch_optimizer 4.1.0's batched (foreach) CPU path; ⟨·,·⟩ is torch's `dot`, √S² its
/// tensor root (`torchSqrt`), and the first gradient's norm is squared and rooted in float32.
public struct DAdaptSGD: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var growthRate: Double
    public var weightDecay: WeightDecay
    public var maximize: Bool
    public var state: State

    /// The group's d, numerator N and first gradient norm, and per parameter s and x₀.
    public struct State: Sendable, Hashable {
        public var d: Double
        public var g0Norm: Double?
        public var numeratorWeighted = 0.0
        public var s: [[Double]] = []
        public var x0: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        let d0 = try r.double("d0", default: 1e-6)
        growthRate = try r.double("growth_rate", default: .infinity)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: false)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        state = State(d: d0)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.g0Norm == nil {
            var squares: Float = 0
            for g in gradients {
                let n = Float(g.norm)
                squares += n * n
            }
            state.g0Norm = Double(torchSqrt(float32: squares))
        }
        guard let g0Norm = state.g0Norm, g0Norm != 0 else { return }
        let d = state.d
        let dLR = d * learningRate / g0Norm
        if state.s.isEmpty {
            state.s = zeros(like: parameters)
            state.x0 = parameters.map(\.scalars)
        }
        var skSq = 0.0
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: dLR)
            parameters[p].scalars = theta
            state.numeratorWeighted = add(state.numeratorWeighted, dot(g, state.s[p]), alpha: dLR)
            for i in g.indices { state.s[p][i] = add(state.s[p][i], g[i], alpha: dLR) }
            skSq += sum(state.s[p].map { $0 * $0 })
        }
        if learningRate > 0 {
            let dHat = 2 * state.numeratorWeighted / torchSqrt(skSq)
            state.d = PytorchOptimizer.pythonMax(d, PytorchOptimizer.pythonMin(dHat, d * growthRate))
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let z = state.x0[p][i] - state.s[p][i]
                parameters[p].scalars[i] = lerp(parameters[p].scalars[i], z, 1 - momentum)
            }
        }
    }
}
