/// Adadelta, as `torch.optim.Adadelta`: steps whose units come from running averages of
/// squared gradients and squared updates.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     s ← ρs + (1 − ρ)g²
///     Δ ← √(a + ε) / √(s + ε) · g
///     a ← ρa + (1 − ρ)Δ²
///     θ ← θ − γΔ
///
/// Zeiler, "ADADELTA: An Adaptive Learning Rate Method", arXiv 2012. torch's form is
/// followed: a learning rate γ (default 1.0) scales Δ, which the paper does not have, and Δ
/// is `(√(a + ε) / √(s + ε)) · g` in that order, the roots torch's tensor `sqrt_` (`torchSqrt`).
public struct Adadelta: Optimizer {
    public static let info = OptimizerInfo(
        name: "Adadelta", year: 2012,
        paper: "Zeiler, ADADELTA: An Adaptive Learning Rate Method, arXiv 2012",
        reference: "torch.optim.Adadelta")

    public var learningRate: Double
    public var rho: Double
    public var eps: Double
    public var weightDecay: Double
    public var maximize: Bool
    public var state = State()

    /// torch's per-parameter state: the averages of squared gradients and squared updates.
    public struct State: Sendable, Hashable {
        public var squareAvg: [[Double]] = []
        public var accDelta: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1.0, .nonNegative)
        rho = try r.double("rho", default: 0.9, .unitClosed)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.squareAvg.isEmpty {
            state.squareAvg = zeros(like: parameters)
            state.accDelta = zeros(like: parameters)
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let s = addcmul(state.squareAvg[p][i] * rho, g, g, value: 1 - rho)
                state.squareAvg[p][i] = s
                let std = torchSqrt(s + eps)
                let delta = torchSqrt(state.accDelta[p][i] + eps) / std * g
                state.accDelta[p][i] = addcmul(state.accDelta[p][i] * rho, delta, delta, value: 1 - rho)
                parameters[p].scalars[i] = add(theta, delta, alpha: -learningRate)
            }
        }
    }
}
