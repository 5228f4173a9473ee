/// Quasi-hyperbolic momentum: a ν-weighted mix of the plain gradient step and the momentum
/// step, as `torch_optimizer.QHM`.
///
///     g ← ∇f(θ);  g ← g + λθ ("grad"), or θ ← θ(1 − γλ) ("direct")
///     b ← βb + (1 − β)g                                (momentum β)
///     θ ← θ − γνb − γ(1 − ν)g
///
/// Ma & Yarats, "Quasi-hyperbolic momentum and Adam for deep learning", ICLR 2019. Follows
/// torch_optimizer 0.3.0 (two separate updates of θ, in that order).
public struct QHM: Optimizer {
    public static let info = OptimizerInfo(
        name: "QHM", year: 2019,
        paper: "Ma & Yarats, Quasi-hyperbolic momentum and Adam for deep learning, ICLR 2019",
        reference: "torch_optimizer.QHM")

    public var learningRate: Double
    public var momentum: Double
    public var nu: Double
    public var weightDecay: Double
    /// `"grad"` (L2 on the gradient) or `"direct"` (shrink θ).
    public var weightDecayType: String
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        nu = try r.double("nu", default: 0.7)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecayType = try r.choice("weight_decay_type", default: "grad", ["grad", "direct"]) ?? "grad"
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty { momentumBuffers = zeros(like: parameters) }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate, decoupled: weightDecayType == "direct")
                let b = add(momentumBuffers[p][i] * momentum, g, alpha: 1.0 - momentum)
                momentumBuffers[p][i] = b
                theta = add(theta, b, alpha: -learningRate * nu)
                parameters[p].scalars[i] = add(theta, g, alpha: -learningRate * (1.0 - nu))
            }
        }
    }
}
