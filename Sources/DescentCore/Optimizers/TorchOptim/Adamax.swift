/// Adamax, as `torch.optim.Adamax`: Adam with the infinity norm in place of the second moment.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     m ← β₁m + (1 − β₁)g   (torch: m.lerp(g, 1 − β₁))
///     u ← max(β₂u, |g| + ε)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / u
///
/// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015, §7.1. torch adds ε
/// inside the maximum (`max(β₂u, |g| + ε)`), where the paper has no ε; that form is followed.
public struct Adamax: Optimizer {
    public static let info = OptimizerInfo(
        name: "Adamax", year: 2014,
        paper: "Kingma & Ba, Adam: A Method for Stochastic Optimization, ICLR 2015",
        reference: "torch.optim.Adamax")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var maximize: Bool
    public var state = State()

    /// torch's per-parameter state: step count, first moment `exp_avg`, infinity norm `exp_inf`.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var expAvg: [[Double]] = []
        public var expInf: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 2e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.expAvg.isEmpty {
            state.expAvg = zeros(like: parameters)
            state.expInf = zeros(like: parameters)
        }
        state.step += 1
        let clr = learningRate / (1 - Double.pow(beta1, Double(state.step)))
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let m = lerp(state.expAvg[p][i], g, 1 - beta1)
                let u = maximum(state.expInf[p][i] * beta2, g.magnitude + eps)
                state.expAvg[p][i] = m
                state.expInf[p][i] = u
                parameters[p].scalars[i] = addcdiv(theta, m, u, value: -clr)
            }
        }
    }
}
