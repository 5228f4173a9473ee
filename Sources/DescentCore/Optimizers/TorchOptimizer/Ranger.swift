/// Ranger: RAdam's rectified Adam step with Lookahead built in, as `torch_optimizer.Ranger`
/// (pytorch_ranger 0.1.1, Ranger 9.3.19).
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²                 (in float32)
///     ρ∞ ← 2/(1 − β₂) − 1;  ρ ← ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
///     θ ← θ − γλθ                                                  (weight_decay λ)
///     ρ > N_sma_threshhold:  θ ← θ − γ·r/(1 − β₁ᵗ) · m/(√v + ε),
///                            r = √((1 − β₂ᵗ)(ρ − 4)(ρ − 2)ρ∞ / ((ρ∞ − 4)ρ(ρ∞ − 2)))
///     otherwise:             θ ← θ − γ/(1 − β₁ᵗ) · m
///     every k-th step:       φ ← φ + α(θ − φ);  θ ← φ             (`RangerLookahead`)
///
/// Wright, "Ranger — a synergistic optimizer" (2019), combining Liu et al., "On the Variance of
/// the Adaptive Learning Rate and Beyond", ICLR 2020 (RAdam), and Zhang et al., "Lookahead
/// Optimizer: k steps forward, 1 step back", NeurIPS 2019. Quirk reproduced: the reference
/// computes in float32 (`p.grad.data.float()`, `p.data.float()`): the moments are float32, the
/// gradient and the parameter are rounded to float32 each step, the update is float32
/// arithmetic with the Python-float coefficients rounded to float32, and only the result is
/// copied back into the float64 parameter; the slow weights are float64.
public struct Ranger: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    /// `weight_decay` λ, which the update applies in float32.
    public var weightDecay: WeightDecay
    /// `N_sma_threshhold` (the reference's spelling).
    public var smaThreshold: Int
    public var lookahead: RangerLookahead
    /// The step count and each coordinate's float32 moments.
    public var state = CoordinateState<Float32Moments>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        let alpha = try r.double("alpha", default: 0.5, .unitClosed)
        let k = try r.int("k", default: 6, .atLeast(1))
        smaThreshold = try r.int("N_sma_threshhold", default: 5)
        (beta1, beta2) = try r.pair("betas", default: (0.95, 0.999), (.any, .any))
        eps = try r.double("eps", default: 1e-5, .positive)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0), .inUpdate)
        lookahead = RangerLookahead(k: k, alpha: alpha)
    }

    /// The elementwise step, then Lookahead's sync (its slow weights copied at the first step).
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        lookahead.prepare(parameters)
        updateCoordinates(&parameters, gradients: gradients)
        for p in parameters.indices { lookahead.synchronize(&parameters[p], p, step: state.step) }
    }

    /// Whether the step is rectified, and its coefficient −γ·r/(1 − β₁ᵗ) (or −γ/(1 − β₁ᵗ)) in float32.
    public func coefficients(step: Int) -> (rectified: Bool, value: Float) {
        let t = Double(step)
        let beta2t = pythonPow(beta2, t)
        let smaMax = 2 / (1 - beta2) - 1
        let sma = smaMax - 2 * t * beta2t / (1 - beta2t)
        let rectified = sma > Double(smaThreshold)
        let stepSize = rectified
            ? ((1 - beta2t) * (sma - 4) / (smaMax - 4) * (sma - 2) / sma * smaMax / (smaMax - 2)).squareRoot()
                / (1 - pythonPow(beta1, t))
            : 1.0 / (1 - pythonPow(beta1, t))
        return (rectified, Float(-stepSize * learningRate))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Float32Moments, _ c: (rectified: Bool, value: Float)) {
        var t = Float(theta)
        let (m, v) = moments.update(Float(g), beta1: beta1, beta2: beta2)
        if weightDecay.coefficient != 0 { t = t.addingProduct(Float(-weightDecay.coefficient * learningRate), t) }
        t = c.rectified ? t + (c.value * m) / (torchSqrt(float32: v) + Float(eps)) : t.addingProduct(c.value, m)
        theta = Double(t)
    }
}
