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
public struct AdaPNM: TensorwiseOptimizer {
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
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var momentum = PositiveNegativeMomentum()
        public var expAvgSq = 0.0
        public var maxExpAvgSq = 0.0

        public init() {}
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

    /// The step size γ/(1 − β₁ᵗ) (γ if adam_debias), √(1 − β₂ᵗ) and the momenta's coefficients.
    public typealias Coefficients = (stepSize: Double, bias2Sqrt: Double, momentum: PositiveNegativeMomentum.Coefficients)

    public func coefficients(step: Int) -> Coefficients {
        let bias1 = biasCorrection(betas[0], step: step)
        return (adamDebias ? learningRate : learningRate / bias1, biasCorrection(betas[1], step: step).squareRoot(),
                PositiveNegativeMomentum.Coefficients(step: step, beta1: betas[0], beta0: betas[2]))
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor p: Int, _ c: Coefficients) {
        if expGradNorm.count == p { expGradNorm.append(0) }  // made at the first step, tensor by tensor
        let s = adanorm
            ? PytorchOptimizer.adanormGradient(g, expGradNorm: &expGradNorm[p], r: adanormR ?? 0.95)
            : g
        for i in g.indices {
            let u = slots[i].momentum.update(s[i], c.momentum)
            slots[i].expAvgSq = addcmul(slots[i].expAvgSq * betas[1], g[i], g[i], value: 1 - betas[1])
            let d = PytorchOptimizer.amsBoundDenominator(
                slots[i].expAvgSq, maxExpAvgSq: &slots[i].maxExpAvgSq, amsBound: amsBound, eps: eps) / c.bias2Sqrt
            theta[i] = addcdiv(theta[i], u, d, value: -c.stepSize)
        }
    }
}
