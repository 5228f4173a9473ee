/// AdaMod: Adam whose per-coordinate step size is capped by its own exponential moving
/// average, as `torch_optimizer.AdaMod`.
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − γλθ                                     (weight_decay λ, on θ directly)
///     η ← γ√(1 − β₂ᵗ)/(1 − β₁ᵗ) / (√v + ε);  s ← β₃s + (1 − β₃)η;  η ← min(η, s)
///     θ ← θ − η · m
///
/// Ding, Ren, Luo & Sun, "An Adaptive and Momental Bound Method for Stochastic Learning",
/// arXiv 2019. Follows torch_optimizer 0.3.0 (the weight decay shrinks θ; the gradient is
/// left as it is).
public struct AdaMod: Optimizer {
    public static let info = OptimizerInfo(
        name: "AdaMod", year: 2019,
        paper: "Ding, Ren, Luo & Sun, An Adaptive and Momental Bound Method for Stochastic Learning, arXiv 2019",
        reference: "torch_optimizer.AdaMod")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var beta3: Double
    public var eps: Double
    public var weightDecay: Double
    public var state = MomentState()
    /// The moving average of the step sizes (`exp_avg_lr`).
    public var expAvgLr: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        beta3 = try r.double("beta3", default: 0.999, .unitHalfOpen)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters)
        if expAvgLr.isEmpty { expAvgLr = zeros(like: parameters) }
        let (bias1, bias2) = state.advance(beta1: beta1, beta2: beta2)
        let stepSize = learningRate * bias2.squareRoot() / bias1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                let g = gradients[p].scalars[i]
                let (m, v) = state.updateMoments(p, i, gradient: g, beta1: beta1, beta2: beta2)
                let denom = torchSqrt(v) + eps
                if weightDecay != 0 { theta = add(theta, theta, alpha: -weightDecay * learningRate) }
                var eta = stepSize / denom
                let average = add(expAvgLr[p][i] * beta3, eta, alpha: 1 - beta3)
                expAvgLr[p][i] = average
                eta = minimum(eta, average) * m
                parameters[p].scalars[i] = theta + -eta
            }
        }
    }
}
