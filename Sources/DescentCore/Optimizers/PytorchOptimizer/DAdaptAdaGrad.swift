/// D-Adapted AdaGrad (dual averaging with a learning rate estimated on the fly), as
/// `pytorch_optimizer.DAdaptAdaGrad`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (default), or θ ← θ(1 − γλ) if weight_decouple
///     η = d·γ;  a₀ = 1e-6, s₀ = 0, x₀ = θ at the first step;  w(x) = Σ x²/(√a + ε)
///     a ← a + g²;  G ← G + η²·Σ g²/(√a + ε)
///     Sw ← Sw + (w(s_new) − w(s_old));  S₁ ← S₁ + (Σ|s_new| − Σ|s_old|)   with s_new = s + ηg
///     if S₁ = 0 nothing moves; else d ← max(d, min((Sw − G)/S₁, d·growth_rate)) (if γ > 0)
///     z = x₀ − s/(√a + ε);  θ ← z, or θ ← θ + (1 − μ)(z − θ) (lerp) with momentum μ > 0
///
/// Defazio & Mishchenko, "Learning-Rate-Free Learning by D-Adaptation", ICML 2023. Follows
/// pytorch_optimizer 4.1.0's per-parameter CPU path (its batched path runs only on CUDA or when
/// asked for), with its scalar sums in one-element float64 tensors; √ is torch's tensor root
/// (`torchSqrt`). The decay uses γ, not η; decoupled decay is overwritten when μ = 0.
/// The `rosenbrock-0` reference, made on Intel, stays pending: MKL's sqrt there differs in the
/// last bit from `torchSqrt` (AMD) and the chaotic path amplifies it to 8e-5 from step 173; rerun
/// with `torchSqrt`'s roots the library matches Descent bit for bit.
public struct DAdaptAdaGrad: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var growthRate: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    public var state: State

    /// The group's d and sums, and per parameter a (`alpha_k`), s (`sk`) and x₀.
    public struct State: Sendable, Hashable {
        public var d: Double
        public var gsqWeighted = 0.0
        public var skSqWeighted = 0.0
        public var skL1 = 0.0
        public var alphaK: [[Double]] = []
        public var sk: [[Double]] = []
        public var x0: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1, .nonNegative)
        momentum = try r.double("momentum", default: 0, .unitHalfOpen)
        let d0 = try r.double("d0", default: 1e-6)
        growthRate = try r.double("growth_rate", default: .infinity)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: false)
        eps = try r.double("eps", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
        state = State(d: d0)
    }

    /// Σ x²/(√a + ε), torch's `x.pow(2).div(torch.sqrt(a) + eps).sum()`.
    private func weighted(_ x: [Double], _ a: [Double]) -> Double {
        sum(x.indices.map { (x[$0] * x[$0]) / (torchSqrt(a[$0]) + eps) })
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let d = state.d
        let dLR = d * learningRate
        if state.alphaK.isEmpty {
            state.alphaK = parameters.map { [Double](repeating: 1e-6, count: $0.count) }
            state.sk = zeros(like: parameters)
            state.x0 = parameters.map(\.scalars)
        }
        var gSq = 0.0, skSqChange = 0.0, skL1Change = 0.0
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            parameters[p].scalars = theta
            let oldWeighted = weighted(state.sk[p], state.alphaK[p])
            let oldL1 = sum(state.sk[p].map(\.magnitude))
            for i in g.indices { state.alphaK[p][i] += g[i] * g[i] }
            gSq += weighted(g, state.alphaK[p])
            for i in g.indices { state.sk[p][i] = add(state.sk[p][i], g[i], alpha: dLR) }
            skSqChange += weighted(state.sk[p], state.alphaK[p]) - oldWeighted
            skL1Change += sum(state.sk[p].map(\.magnitude)) - oldL1
        }
        state.skSqWeighted += skSqChange
        state.gsqWeighted = add(state.gsqWeighted, gSq, alpha: pythonPow(dLR, 2))
        state.skL1 += skL1Change
        if state.skL1 == 0 { return }
        if learningRate > 0 {
            let dHat = (state.skSqWeighted - state.gsqWeighted) / state.skL1
            state.d = PytorchOptimizer.pythonMax(d, PytorchOptimizer.pythonMin(dHat, d * growthRate))
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let z = state.x0[p][i] - state.sk[p][i] / (torchSqrt(state.alphaK[p][i]) + eps)
                parameters[p].scalars[i] = momentum > 0 ? lerp(parameters[p].scalars[i], z, 1 - momentum) : z
            }
        }
    }
}
