/// M-SVAG (momentum with stochastic variance-adapted gradient), as `pytorch_optimizer.MSVAG`.
///
///     g ← ∇f(θ) (negated if maximize);  βᵗ = β ** t
///     m ← βm + (1 − β)g (lerp);  v ← βv + (1 − β)g²
///     m̂ = m/(1 − βᵗ);  v̂ = v/(1 − βᵗ)
///     ρ = min((1 − β²ᵗ)(1 − β)² / ((1 − β²)(1 − βᵗ)²), 0.9999)
///     s = (v̂ − m̂²)/(1 − ρ);  f = clamp(nan→0(m̂² / (ρ·s + m̂²)), 0, 1)
///     θ ← θ − γ·m̂·f
///
/// Balles & Hennig, "Dissecting Adam: The Sign, Magnitude and Variance of Stochastic
/// Gradients", ICML 2018. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path.
public struct MSVAG: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta: Double
    public var maximize: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public var weightDecay: WeightDecay { .none }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        beta = try r.double("beta", default: 0.9, .unitClosed)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// βᵗ and ρ (`get_rho`, in Python floats).
    public func coefficients(step t: Int) -> (betaPower: Double, rho: Double) {
        let betaPower = pythonPow(beta, Double(t))
        var rho = (1 - pythonPow(betaPower, 2)) * pythonPow(1 - beta, 2)
        rho /= (1 - pythonPow(beta, 2)) * pythonPow(1 - betaPower, 2)
        return (betaPower, 0.9999 < rho ? 0.9999 : rho)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (betaPower: Double, rho: Double)) {
        let (m, v) = moments.update(g, beta1: beta, beta2: beta)
        let mHat = m / (1 - c.betaPower)
        var variance = v / (1 - c.betaPower)
        let meanSq = mHat * mHat
        variance -= meanSq
        variance /= 1 - c.rho
        variance *= c.rho
        variance += meanSq
        var factor = meanSq / variance
        if factor.isNaN { factor = 0 }
        factor = clamp(factor, 0, 1)
        theta = addcmul(theta, mHat, factor, value: -learningRate)
    }
}
