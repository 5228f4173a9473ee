/// Quasi-hyperbolic Adam: Adam whose numerator and denominator each mix the moving average
/// with the current gradient, as `torch_optimizer.QHAdam`.
///
///     g ← ∇f(θ);  g ← g + λθ, or θ ← θ(1 − γλ) if decouple_weight_decay
///     w₁ ← 1 + β₁w₁;  w₂ ← 1 + β₂w₂                   (bias correction by weights, from 0)
///     m ← (1 − 1/w₁)m + (1/w₁)g;  v ← (1 − 1/w₂)v + (1/w₂)g²
///     θ ← θ − γ · ((1 − ν₁)g + ν₁m) / (√((1 − ν₂)g² + ν₂v) + ε)
///
/// Ma & Yarats, "Quasi-hyperbolic momentum and Adam for deep learning", ICLR 2019. Follows
/// torch_optimizer 0.3.0 (the ν terms are skipped when ν = 1, ε when ε = 0).
public struct QHAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var nu1: Double
    public var nu2: Double
    /// `beta1_weight`, `beta2_weight` and each coordinate's moments.
    public var beta1Weight = 0.0
    public var beta2Weight = 0.0
    public var state = CoordinateState<Moments<MulAddRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r)
        (nu1, nu2) = try r.pair("nus", default: (1.0, 1.0), (.any, .any))
        let decouple = try r.bool("decouple_weight_decay", default: false)
        adam.weightDecay.form = decouple ? .decoupled : .l2
    }

    /// The weights w₁, w₂ (stored), as the decay rates 1 − 1/w of the two averages.
    public mutating func coefficients(step _: Int) -> (beta1: Double, beta2: Double) {
        beta1Weight = 1.0 + beta1 * beta1Weight
        beta2Weight = 1.0 + beta2 * beta2Weight
        return (1.0 - (1.0 / beta1Weight), 1.0 - (1.0 / beta2Weight))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<MulAddRounding>, _ c: (beta1: Double, beta2: Double)) {
        let g2 = g * g
        let m = moments.updateFirst(g, beta1: c.beta1)
        // v.mul_(β).add_(g², alpha=1 − β): g² rounded first, unlike Adam's addcmul.
        moments.expAvgSq = MulAddRounding.average(moments.expAvgSq, g2, beta: c.beta2)
        var numerator = m * nu1
        if nu1 != 1.0 { numerator = add(numerator, g, alpha: 1.0 - nu1) }
        var rms = moments.expAvgSq * nu2
        if nu2 != 1.0 { rms = add(rms, g2, alpha: 1.0 - nu2) }
        rms = torchSqrt(rms)
        if eps != 0.0 { rms += eps }
        theta = addcdiv(theta, numerator, rms, value: -learningRate)
    }
}
