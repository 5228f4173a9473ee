/// Grams (Gradient Descent with Adaptive Momentum Scaling), as `pytorch_optimizer.Grams`.
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     u ← |(m / (1 − β₁ᵗ)) / (√v / √(1 − β₂ᵗ) + ε)| · sign(g)
///     θ ← θ(1 − γλ) (decoupled);  θ ← θ − γu
///
/// Cao et al., "Grams: Gradient Descent with Adaptive Momentum Scaling", 2024. Follows
/// pytorch_optimizer 4.1.0; its coupled weight decay (`weight_decouple: false`) is added to the
/// gradient after the update direction was computed, so it has no effect (reproduced).
/// √v is torch's tensor root (`torchSqrt`).
public struct Grams: Optimizer {
    public static let info = OptimizerInfo(
        name: "Grams", year: 2024,
        paper: "Cao et al., Grams: Gradient Descent with Adaptive Momentum Scaling, 2024",
        reference: "pytorch_optimizer.Grams")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: Double
    public var weightDecouple: Bool
    public var eps: Double
    public var maximize: Bool
    public var state = AdamState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: true)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters, maxSecondMoment: false)
        state.step += 1
        let bias1 = PytorchOptimizer.debias(beta1, state.step)
        let bias2Sqrt = PytorchOptimizer.debias(beta2, state.step).squareRoot()
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var update = g
            for i in g.indices {
                let m = lerp(state.expAvg[p][i], g[i], 1 - beta1)
                let v = addcmul(state.expAvgSq[p][i] * beta2, g[i], g[i], value: 1 - beta2)
                state.expAvg[p][i] = m
                state.expAvgSq[p][i] = v
                let d = torchSqrt(v) / bias2Sqrt + eps
                update[i] = ((m / bias1) / d).magnitude * sign(g[i])
            }
            PytorchOptimizer.applyWeightDecay(&theta, &g, lr: learningRate, weightDecay: weightDecay,
                                              decouple: weightDecouple, fixedDecay: false)
            for i in theta.indices { theta[i] = add(theta[i], update[i], alpha: -learningRate) }
            parameters[p].scalars = theta
        }
    }
}
