/// Yogi: Adam whose second moment moves additively towards g², by at most (1 − β₂)g² a step,
/// as `torch_optimizer.Yogi`.
///
///     g ← ∇f(θ);  g ← g + λθ                          (weight_decay λ)
///     m ← β₁m + (1 − β₁)g
///     v ← v − (1 − β₂) · sign(v − g²) · g²
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Zaheer, Reddi, Sachan, Kale & Kumar, "Adaptive Methods for Nonconvex Optimization",
/// NeurIPS 2018. Follows torch_optimizer 0.3.0: both moments start at `initial_accumulator`
/// (as TensorFlow Addons does), and ε defaults to 1e-3.
public struct Yogi: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var initialAccumulator: Double
    public var state = CoordinateState<Moments<MulAddRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r, lr: 1e-2, eps: 1e-3)
        initialAccumulator = try r.double("initial_accumulator", default: 1e-6)
    }

    public func initialSlot(_: Double) -> Moments<MulAddRounding> {
        Moments(expAvg: initialAccumulator, expAvgSq: initialAccumulator)
    }

    /// γ/(1 − β₁ᵗ) and √(1 − β₂ᵗ).
    public func coefficients(step: Int) -> (stepSize: Double, bias2Sqrt: Double) {
        (learningRate / biasCorrection(beta1, step: step), biasCorrection(beta2, step: step).squareRoot())
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<MulAddRounding>, _ c: (stepSize: Double, bias2Sqrt: Double)) {
        let m = moments.updateFirst(g, beta1: beta1)
        let g2 = g * g
        let v = moments.expAvgSq
        moments.expAvgSq = addcmul(v, sign(v - g2), g2, value: -(1 - beta2))
        theta = addcdiv(theta, m, torchSqrt(moments.expAvgSq) / c.bias2Sqrt + eps, value: -c.stepSize)
    }
}
