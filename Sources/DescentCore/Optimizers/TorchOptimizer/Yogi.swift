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
public struct Yogi: Optimizer {
    public static let info = OptimizerInfo(
        name: "Yogi", year: 2018,
        paper: "Zaheer, Reddi, Sachan, Kale & Kumar, Adaptive Methods for Nonconvex Optimization, NeurIPS 2018",
        reference: "torch_optimizer.Yogi")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var initialAccumulator: Double
    public var weightDecay: Double
    public var state = MomentState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .positive)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-3, .nonNegative)
        initialAccumulator = try r.double("initial_accumulator", default: 1e-6)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters, initialValue: initialAccumulator)
        let (bias1, bias2) = state.advance(beta1: beta1, beta2: beta2)
        let bias2Sqrt = bias2.squareRoot()
        let stepSize = learningRate / bias1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let m = state.updateFirstMoment(p, i, gradient: g, beta1: beta1)
                let g2 = g * g
                let v0 = state.expAvgSq[p][i]
                let v = addcmul(v0, sign(v0 - g2), g2, value: -(1 - beta2))
                state.expAvgSq[p][i] = v
                let denom = torchSqrt(v) / bias2Sqrt + eps
                parameters[p].scalars[i] = addcdiv(theta, m, denom, value: -stepSize)
            }
        }
    }
}
