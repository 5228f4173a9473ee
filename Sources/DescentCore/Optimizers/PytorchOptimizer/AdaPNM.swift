/// AdaPNM (Adam with Positive-Negative Momentum), as `pytorch_optimizer.AdaPNM`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     two momenta swap roles every step: at odd steps (m⁺, m⁻) = (m₁, m₂), at even steps (m₂, m₁)
///     m⁺ ← β₁²m⁺ + (1 − β₁²)ĝ   (ĝ = g, or AdaNorm-rescaled g if adanorm);  v ← β₂v + (1 − β₂)g²
///     d ← (√(max(v̂, v) or v + 1e-15) + ε) / √(1 − β₂ᵗ)                     (ams_bound on by default)
///     θ ← θ − (γ/(1 − β₁ᵗ))·((1 + β₃)m⁺ − β₃m⁻) / √((1 + β₃)² + β₃²) / d    (no 1/(1 − β₁ᵗ) if adam_debias)
///
/// Xie et al., "Positive-Negative Momentum: Manipulating Stochastic Gradient Noise to Improve
/// Generalization", ICML 2021. Follows pytorch_optimizer 4.1.0 (foreach path; the
/// per-parameter path when adanorm is set).
public struct AdaPNM: Optimizer {
    public static let info = OptimizerInfo(
        name: "AdaPNM", year: 2021,
        paper: "Xie et al., Positive-Negative Momentum: Manipulating Stochastic Gradient Noise to Improve Generalization, ICML 2021",
        reference: "pytorch_optimizer.AdaPNM")

    public var learningRate: Double
    public var betas: [Double]
    public var weightDecay: WeightDecay
    public var amsBound: Bool
    public var eps: Double
    public var maximize: Bool
    public var adanorm: Bool
    public var adanormR: Double?
    public var adamDebias: Bool
    /// The step count and each coordinate's state.
    public var state = CoordinateState<Slot>()
    /// AdaNorm's running gradient norm of each parameter.
    public var expGradNorm: [Double] = []

    /// One coordinate's two momenta (`exp_avg`, `neg_exp_avg`), v and v̂.
    public struct Slot: Sendable, Hashable {
        public var momentum = PositiveNegativeMomentum()
        public var expAvgSq = 0.0
        public var maxExpAvgSq = 0.0
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        betas = try r.list("betas", default: [0.9, 0.999, 1.0], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        amsBound = try r.bool("ams_bound", default: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        adanorm = try r.bool("adanorm", default: false)
        adanormR = try r.optionalDouble("adanorm_r", default: nil)
        adamDebias = try r.bool("adam_debias", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Slot() }
        if expGradNorm.isEmpty { expGradNorm = [Double](repeating: 0, count: parameters.count) }
        state.step += 1
        let (beta1, beta2, beta3) = (betas[0], betas[1], betas[2])
        let momentum = PositiveNegativeMomentum.Coefficients(step: state.step, beta1: beta1, beta0: beta3)
        let bias1 = biasCorrection(beta1, step: state.step)
        let bias2Sqrt = biasCorrection(beta2, step: state.step).squareRoot()
        let stepSize = adamDebias ? learningRate : learningRate / bias1
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            let s = adanorm
                ? PytorchOptimizer.adanormGradient(g, expGradNorm: &expGradNorm[p], r: adanormR ?? 0.95)
                : g
            for i in g.indices {
                let u = state.slots[p][i].momentum.update(s[i], momentum)
                state.slots[p][i].expAvgSq = addcmul(state.slots[p][i].expAvgSq * beta2, g[i], g[i], value: 1 - beta2)
                let d = PytorchOptimizer.amsBoundDenominator(
                    state.slots[p][i].expAvgSq, maxExpAvgSq: &state.slots[p][i].maxExpAvgSq, amsBound: amsBound, eps: eps) / bias2Sqrt
                theta[i] = addcdiv(theta[i], u, d, value: -stepSize)
            }
            parameters[p].scalars = theta
        }
    }
}
