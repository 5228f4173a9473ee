/// Stable-SPAM, as `pytorch_optimizer.StableSPAM`.
///
///     T ← T + 1 (total steps);  κ = death rate of a `CosineDecay(1, t_max, eta_min)` at T (1 without t_max)
///     t ← 1 and m, v ← 0 when T mod G = 0 (G = update_proj_gap), else t ← t + 1
///     β̃₁ = β₁κ;  g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ)
///     a = max|g|;  μ ← μ + (1 − ϑ)(a − μ);  μ̂ = μ/(1 − ϑᵀ)          (ϑ = theta)
///     where |g| > μ̂:  g ← g/a·μ̂                                    (spike clipping)
///     n = ‖g‖ (no update if n = 0);  p ← p + (1 − γ₁κ)(n − p);  q ← q + (1 − γ₂)(n² − q)
///     g ← g/n·c,  c = (p/(1 − (γ₁κ)ᵀ))/(√(q/(1 − γ₂ᵀ)) + ε)
///     m ← β̃₁m + (1 − β̃₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − (γ/(1 − β̃₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε)
///
/// Huang et al., "Stable-SPAM: How to Train in 4-Bit More Stably than 16-Bit Adam", arXiv 2025.
/// Follows pytorch_optimizer 4.1.0 (per-parameter path, its default); √ of tensors is
/// `torchSqrt`, ‖·‖ torch's `linalg.norm`.
public struct StableSPAM: TensorwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var gamma1: Double
    public var gamma2: Double
    public var theta: Double
    public var tMax: Int?
    public var etaMin: Double
    public var updateProjGap: Int
    /// The group's step count t and each coordinate's moments …
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// … each parameter tensor's `m_max_t`, `m_norm_t` and `v_norm_t`, the total step count
    /// and the clipping schedule.
    public var norms: [Norms] = []
    public var totalStep = 0
    public var warmup: CosineDecay?

    public struct Norms: Sendable, Hashable {
        public var maxAverage = 0.0
        public var normAverage = 0.0
        public var squaredNormAverage = 0.0
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(0, .decoupled), foreach: false)
        let g1 = try r.double("gamma1", default: 0.7)
        gamma1 = g1 == -1 ? adam.beta1 : g1
        gamma2 = try r.double("gamma2", default: 0.9)
        theta = try r.double("theta", default: 0.999)
        tMax = try r.optionalInt("t_max", default: nil)
        etaMin = try r.double("eta_min", default: 0.5)
        updateProjGap = try r.int("update_proj_gap", default: 1000, .positive)
        warmup = tMax.map { CosineDecay(1, tMax: $0, etaMin: etaMin) }
    }

    public typealias Coefficients = (
        beta1: Double, bias2Root: Double, stepSize: Double, thetaT: Double, scaledGamma1: Double, bias3: Double, bias4: Double
    )

    public mutating func coefficients(step _: Int) -> Coefficients {
        totalStep += 1
        let scale = warmup != nil ? warmup!.deathRate(at: totalStep) : 1
        if totalStep % updateProjGap == 0 {
            state.step = 1
            for p in state.slots.indices { for i in state.slots[p].indices { state.slots[p][i] = Moments() } }
        }
        let t = state.step
        let b1 = beta1 * scale
        let total = Double(totalStep)
        return (
            b1, biasCorrection(beta2, step: t).squareRoot(), learningRate / biasCorrection(b1, step: t),
            1 - pythonPow(theta, total), gamma1 * scale,
            1 - pythonPow(gamma1 * scale, total), 1 - pythonPow(gamma2, total))
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor p: Int, _ c: Coefficients) {
        if norms.count == p { norms.append(Norms()) }
        var g = g
        let maxGrad = g.map(\.magnitude).max() ?? 0
        norms[p].maxAverage = lerp(norms[p].maxAverage, maxGrad, 1 - self.theta)
        let maxHat = norms[p].maxAverage / c.thetaT
        for i in g.indices where g[i].magnitude > maxHat { g[i] = g[i] / maxGrad * maxHat }
        let n = PytorchOptimizer.norm(g)
        if n == 0 { return }
        norms[p].normAverage = lerp(norms[p].normAverage, n, 1 - c.scaledGamma1)
        norms[p].squaredNormAverage = lerp(norms[p].squaredNormAverage, n * n, 1 - gamma2)
        let normHat = norms[p].normAverage / c.bias3
        let c2 = normHat / (torchSqrt(norms[p].squaredNormAverage / c.bias4) + eps)
        for i in g.indices {
            let gi = g[i] / n * c2
            let (m, v) = moments[i].update(gi, beta1: c.beta1, beta2: beta2)
            theta[i] = addcdiv(theta[i], m, torchSqrt(v) / c.bias2Root + eps, value: -c.stepSize)
        }
    }
}
