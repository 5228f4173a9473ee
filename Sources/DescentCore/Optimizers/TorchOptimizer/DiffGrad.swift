/// diffGrad: Adam whose momentum is damped by a friction coefficient that is small where the
/// gradient changes little, as `torch_optimizer.DiffGrad`.
///
///     g ← ∇f(θ);  g ← g + λθ
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     ξ ← 1 / (1 + exp(−|g_prev − g|));  g_prev ← g      (g_prev starts at 0)
///     θ ← θ − (γ√(1 − β₂ᵗ)/(1 − β₁ᵗ)) · ξm / (√v + ε)
///
/// Dubey, Chakraborty, Roy, Mukherjee, Singh & Chaudhuri, "diffGrad: An Optimization Method
/// for Convolutional Neural Networks", IEEE TNNLS 2019. Follows torch_optimizer 0.3.0.
public struct DiffGrad: Optimizer {
    public static let info = OptimizerInfo(
        name: "DiffGrad", year: 2019,
        paper: "Dubey et al., diffGrad: An Optimization Method for Convolutional Neural Networks, IEEE TNNLS 2019",
        reference: "torch_optimizer.DiffGrad")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var state = MomentState()
    /// The previous step's gradient (`previous_grad`).
    public var previousGradient: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters)
        if previousGradient.isEmpty { previousGradient = zeros(like: parameters) }
        let (bias1, bias2) = state.advance(beta1: beta1, beta2: beta2)
        let stepSize = learningRate * bias2.squareRoot() / bias1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let (m, v) = state.updateMoments(p, i, gradient: g, beta1: beta1, beta2: beta2)
                let denom = torchSqrt(v) + eps
                let diff = Swift.abs(previousGradient[p][i] - g)
                let friction = 1.0 / (1.0 + torchExp(-diff))
                previousGradient[p][i] = g
                parameters[p].scalars[i] = addcdiv(theta, m * friction, denom, value: -stepSize)
            }
        }
    }
}
