/// DualAdam (Adam blended with its inverse early in training), as `pytorch_optimizer.DualAdam`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (default), or θ ← θ(1 − γλ) if weight_decouple
///     m ← β₁m + (1 − β₁)g (lerp);  v ← β₂v + (1 − β₂)g²
///     m̂ = m/(1 − β₁ᵗ);  d = √(v/(1 − β₂ᵗ)) + ε;  ρ = max(0, 1 − t·switch_rate)
///     while ρ ≥ switch_rate:  θ ← θ − γ·m̂·lerp(1/d, d, ρ)     (inverse Adam fading out)
///     then:                   θ ← θ − γ·m̂/d
///
/// "Combining Adam and its Inverse Counterpart to Enhance Generalization of Deep Learning
/// Optimizers", arXiv 2026 (arXiv:2603.07122). Follows pytorch_optimizer 4.1.0's batched
/// (foreach) CPU path; √ is torch's tensor root (`torchSqrt`).
public struct DualAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var switchRate: Double
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0, decouple: false), foreach: true)
        switchRate = try r.double("switch_rate", default: 0.01, .unitClosed)
    }

    /// The bias corrections and the inverse-Adam weight ρ (nil once it is below switch_rate).
    public func coefficients(step t: Int) -> (b1: Double, b2: Double, inverse: Double?) {
        let x = 1 - Double(t) * switchRate
        let rate = x > 0 ? x : 0
        return (biasCorrection(beta1, step: t), biasCorrection(beta2, step: t), rate >= switchRate ? rate : nil)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (b1: Double, b2: Double, inverse: Double?)) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        let mHat = m / c.b1
        let d = torchSqrt(v / c.b2) + eps
        if let rate = c.inverse {
            theta = addcmul(theta, mHat, lerp(1 / d, d, rate), value: -learningRate)
        } else {
            theta = addcdiv(theta, mHat, d, value: -learningRate)
        }
    }
}
