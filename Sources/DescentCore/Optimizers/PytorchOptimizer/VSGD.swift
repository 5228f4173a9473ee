/// VSGD (variational stochastic gradient descent), as `pytorch_optimizer.VSGD`.
///
///     a = 2p + 1 + 10⁻⁴,  b_g = 2p,  b_h = 2ĝp        (p = ps, ĝ = ghattg; Python floats)
///     ρ₁ = t^(−τ₁),  ρ₂ = t^(−τ₂)
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (weight_decouple, the default) or g ← g + λθ
///     σ = b_g/(a − 1), σ̂ = b_h/(a − 1) at the first step, else σ = B/a, σ̂ = Ĥ/a   (B₀ = b_g, Ĥ₀ = b_h)
///     μ′ = (μσ̂ + gσ)/(σ + σ̂);  s = μ′² + σσ̂/(σ + σ̂)
///     B ← B + ρ₁((s + b_g − 2μ·μ′ + μ²) − B);  Ĥ ← Ĥ + ρ₂((s + b_h − 2g·μ′ + g²) − Ĥ)   (torch: lerp)
///     μ ← μ′;  θ ← θ − (γ/(√s + ε))·μ′
///
/// (each product and sum rounded as the reference's separate foreach operations). Chen et al.,
/// "Variational Stochastic Gradient Descent for Deep Neural Networks", OpenReview 2024. Follows
/// pytorch_optimizer 4.1.0 (foreach path); √s is `torchSqrt`.
public struct VSGD: ElementwiseOptimizer {
    public var learningRate: Double
    public var ghattg: Double
    public var ps: Double
    public var tau1: Double
    public var tau2: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// One coordinate's `mug`, `bg` and `bhg`.
    public struct Slot: Sendable, Hashable {
        public var mug = 0.0
        public var bg: Double
        public var bhg: Double
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 0.1, .nonNegative)
        ghattg = try r.double("ghattg", default: 30, .nonNegative)
        ps = try r.double("ps", default: 1e-8, .nonNegative)
        tau1 = try r.double("tau1", default: 0.81, .nonNegative)
        tau2 = try r.double("tau2", default: 0.9, .nonNegative)
        let lambda = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecay = WeightDecay(lambda, try r.bool("weight_decouple", default: true) ? .decoupled : .l2)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    var pa2: Double { 2 * ps + 1 + 1e-4 }
    var pbg2: Double { 2 * ps }
    var pbhg2: Double { 2 * ghattg * ps }

    public func initialSlot(_: Double) -> Slot { Slot(bg: pbg2, bhg: pbhg2) }

    public typealias Coefficients = (first: Bool, rho1: Double, rho2: Double)

    public func coefficients(step: Int) -> Coefficients {
        (step == 1, pythonPow(Double(step), -tau1), pythonPow(Double(step), -tau2))
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ c: Coefficients) {
        let (a, bg0, bh0) = (pa2, pbg2, pbhg2)
        let sg = c.first ? bg0 / (a - 1) : slot.bg / a
        let shg = c.first ? bh0 / (a - 1) : slot.bhg / a
        let previous = slot.mug * slot.mug
        var cross = slot.mug * 2
        var mug = slot.mug * shg
        mug = mug + g * sg
        let sums = sg + shg
        mug = mug / sums
        let variance = sg * shg / sums
        let squares = mug * mug + variance
        cross = cross * mug
        let bg2 = squares + bg0 - cross + previous
        let bhg2 = squares + bh0 - (g * 2) * mug + g * g
        slot.bg = lerp(slot.bg, bg2, c.rho1)
        slot.bhg = lerp(slot.bhg, bhg2, c.rho2)
        slot.mug = mug
        theta = theta - (learningRate / (torchSqrt(squares) + eps)) * mug
    }
}
