/// PNM (Positive-Negative Momentum), as `pytorch_optimizer.PNM`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     two momenta swap roles every step: at odd steps (m⁺, m⁻) = (m₁, m₂), at even steps (m₂, m₁)
///     m⁺ ← β₁²m⁺ + (1 − β₁²)g
///     θ ← θ − γ·((1 + β₀)m⁺ − β₀m⁻) / √((1 + β₀)² + β₀²)      (betas = (β₁, β₀))
///
/// Xie et al., "Positive-Negative Momentum: Manipulating Stochastic Gradient Noise to Improve
/// Generalization", ICML 2021. Follows pytorch_optimizer 4.1.0 (foreach path).
public struct PNM: Optimizer {
    public static let info = OptimizerInfo(
        name: "PNM", year: 2021,
        paper: "Xie et al., Positive-Negative Momentum: Manipulating Stochastic Gradient Noise to Improve Generalization, ICML 2021",
        reference: "pytorch_optimizer.PNM")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    public var step = 0
    /// The two momenta (`pos_momentum`, `neg_momentum`) of each parameter.
    public var posMomentum: [[Double]] = []
    public var negMomentum: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 1.0), (.unitClosed, .unitClosed))
        weightDecay = try WeightDecay(&r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if posMomentum.isEmpty {
            posMomentum = zeros(like: parameters)
            negMomentum = zeros(like: parameters)
        }
        step += 1
        if step % 2 == 0 { swap(&posMomentum, &negMomentum) }
        defer { if step % 2 == 0 { swap(&posMomentum, &negMomentum) } }
        let noiseNorm = (Double.pow(1 + beta2, 2) + Double.pow(beta2, 2)).squareRoot()
        let beta1Squared = Double.pow(beta1, 2)
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            for i in g.indices {
                posMomentum[p][i] = lerp(posMomentum[p][i], g[i], 1 - beta1Squared)
                let u = add(posMomentum[p][i] * (1 + beta2), negMomentum[p][i], alpha: -beta2) * (1 / noiseNorm)
                theta[i] = add(theta[i], u, alpha: -learningRate)
            }
            parameters[p].scalars = theta
        }
    }
}
