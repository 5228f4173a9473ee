/// Adagrad, as `torch.optim.Adagrad`: steps scaled by the root of the summed squared gradients.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     γₜ ← γ / (1 + (t − 1)η)                                  (lr_decay η)
///     s ← s + g²   (s₀ = initial_accumulator_value)
///     θ ← θ − γₜ · g / (√s + ε)
///
/// Duchi, Hazan & Singer, "Adaptive Subgradient Methods for Online Learning and Stochastic
/// Optimization", JMLR 2011. torch's form is followed: ε outside the root, the decayed
/// learning rate γₜ, and `s.addcmul_(g, g, value=1)` as one fused multiply-add; √s is torch's
/// tensor root (`torchSqrt`).
public struct Adagrad: Optimizer {
    public static let info = OptimizerInfo(
        name: "Adagrad", year: 2011,
        paper: "Duchi, Hazan & Singer, Adaptive Subgradient Methods for Online Learning and Stochastic Optimization, JMLR 2011",
        reference: "torch.optim.Adagrad")

    public var learningRate: Double
    public var lrDecay: Double
    public var weightDecay: Double
    public var initialAccumulatorValue: Double
    public var eps: Double
    public var maximize: Bool
    public var state = State()

    /// torch's per-parameter state: step count and the sum of squared gradients.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var sum: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        lrDecay = try r.double("lr_decay", default: 0, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        initialAccumulatorValue = try r.double("initial_accumulator_value", default: 0, .nonNegative)
        eps = try r.double("eps", default: 1e-10, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.sum.isEmpty {
            state.sum = parameters.map { [Double](repeating: initialAccumulatorValue, count: $0.count) }
        }
        state.step += 1
        let clr = learningRate / (1 + (Double(state.step) - 1) * lrDecay)
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let s = addcmul(state.sum[p][i], g, g, value: 1)
                state.sum[p][i] = s
                parameters[p].scalars[i] = addcdiv(theta, g, torchSqrt(s) + eps, value: -clr)
            }
        }
    }
}
