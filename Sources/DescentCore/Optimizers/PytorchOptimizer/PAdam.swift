/// Padam (partially adaptive momentum estimation), as `pytorch_optimizer.PAdam`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (coupled, the default) or θ ← θ(1 − γλ) (weight_decouple)
///     m ← β₁m + (1 − β₁)g                   (torch: m.lerp(g, 1 − β₁))
///     v ← β₂v + (1 − β₂)g²
///     d ← (√v + ε)^(2p)                      (torch: sqrt, add, pow_ — skipped when 2p = 1)
///     θ ← θ − s·m/d,  s = γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ)   (addcdiv with value −s)
///
/// with p = `partial` ∈ (0, 1]. Chen et al., "Closing the Generalization Gap of Adaptive
/// Gradient Methods in Training Deep Neural Networks", IJCAI 2020. Follows pytorch_optimizer
/// 4.1.0 (foreach path); √v is torch's tensor root (`torchSqrt`), the power `tensorPow`.
public struct PAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var partial: Double
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 0.1, weightDecay: .pytorchOptimizer(0, decouple: false), foreach: true)
        partial = try r.double("partial", default: 0.25, Bound(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true))
    }

    /// The step size γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> Double {
        learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ stepSize: Double) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        var d = torchSqrt(v) + eps
        let exponent = partial * 2
        if exponent != 1 { d = tensorPow(d, exponent) }
        theta = addcdiv(theta, m, d, value: -stepSize)
    }
}
