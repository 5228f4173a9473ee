/// AdaBound: Adam whose per-coordinate step size is clipped to bounds that close in on a final
/// SGD learning rate, as `torch_optimizer.AdaBound` (with the AMSBound variant).
///
///     g ← ∇f(θ);  g ← g + λθ
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  v̂ ← max(v̂, v) if amsbound
///     η* ← final_lr · γ / γ₀                         (γ₀: the learning rate at construction)
///     η ← clip(γ√(1 − β₂ᵗ)/(1 − β₁ᵗ) / (√v + ε),  η*(1 − 1/(gamma·t + 1)),  η*(1 + 1/(gamma·t)))
///     θ ← θ − η · m
///
/// Luo, Xiong, Liu & Sun, "Adaptive Gradient Methods with Dynamic Bound of Learning Rate",
/// ICLR 2019. Follows torch_optimizer 0.3.0. With gamma = 0 the upper bound is +∞ here; the
/// reference raises a division by zero at the first step.
public struct AdaBound: Optimizer {
    public static let info = OptimizerInfo(
        name: "AdaBound", year: 2019,
        paper: "Luo, Xiong, Liu & Sun, Adaptive Gradient Methods with Dynamic Bound of Learning Rate, ICLR 2019",
        reference: "torch_optimizer.AdaBound")

    public var learningRate: Double
    /// The learning rate at construction (torch_optimizer's `base_lr`), scaling `final_lr`.
    public let baseLearningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var finalLearningRate: Double
    public var gamma: Double
    public var eps: Double
    public var weightDecay: Double
    public var amsbound: Bool
    public var state = MomentState()
    public var maxExpAvgSq: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        baseLearningRate = learningRate
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        finalLearningRate = try r.double("final_lr", default: 0.1, .nonNegative)
        gamma = try r.double("gamma", default: 1e-3, .unitHalfOpen)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        amsbound = try r.bool("amsbound", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters)
        if amsbound && maxExpAvgSq.isEmpty { maxExpAvgSq = zeros(like: parameters) }
        let (bias1, bias2) = state.advance(beta1: beta1, beta2: beta2)
        let t = Double(state.step)
        let stepSize = learningRate * bias2.squareRoot() / bias1
        let finalLr = finalLearningRate * learningRate / baseLearningRate
        let lower = finalLr * (1 - 1 / (gamma * t + 1))
        let upper = finalLr * (1 + 1 / (gamma * t))
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let (m, v) = state.updateMoments(p, i, gradient: g, beta1: beta1, beta2: beta2)
                var vUsed = v
                if amsbound {
                    vUsed = maximum(maxExpAvgSq[p][i], v)
                    maxExpAvgSq[p][i] = vUsed
                }
                let denom = torchSqrt(vUsed) + eps
                let eta = clamp(stepSize / denom, lower, upper) * m
                parameters[p].scalars[i] = theta + -eta
            }
        }
    }
}
