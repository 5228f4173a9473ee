/// Averaged stochastic gradient descent, as `torch.optim.ASGD`: SGD with a decaying step size
/// and a running (Polyak–Ruppert) average of the iterates, kept in the state as `ax`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λ_wd θ          (weight_decay λ_wd)
///     θ ← θ(1 − λη) − ηg                                        (lambd λ, step size η)
///     ax ← θ if μ = 1, else ax ← ax + μ(θ − ax)
///     η ← γ / (1 + λγt)^α;  μ ← 1 / max(1, t − t₀)              (for the next step)
///
/// Polyak & Juditsky, "Acceleration of Stochastic Approximation by Averaging", SIAM J. Control
/// Optim. 1992. torch's single-tensor path is followed: η starts at `lr`, μ at 1, and both are
/// updated after the parameter, so step t uses the η and μ computed at step t − 1. The
/// parameters themselves are the SGD iterates; the average only lives in `state.ax`.
public struct ASGD: Optimizer {
    public static let info = OptimizerInfo(
        name: "ASGD", year: 1992,
        paper: "Polyak & Juditsky, Acceleration of Stochastic Approximation by Averaging, SIAM J. Control Optim. 1992",
        reference: "torch.optim.ASGD")

    public var learningRate: Double
    public var lambd: Double
    public var alpha: Double
    /// The step at which averaging starts (torch does not check it).
    public var t0: Double
    public var weightDecay: Double
    public var maximize: Bool
    public var state: [ASGDState] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        lambd = try r.double("lambd", default: 1e-4, .nonNegative)
        alpha = try r.double("alpha", default: 0.75, .nonNegative)
        t0 = try r.double("t0", default: 1e6)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.isEmpty {
            state = parameters.map { ASGDState(eta: learningRate, ax: [Double](repeating: 0, count: $0.count)) }
        }
        for p in parameters.indices {
            state[p].step += 1
            let eta = state[p].eta
            let mu = state[p].mu
            let decay = 1 - lambd * eta
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                if weightDecay != 0 { g = add(g, theta, alpha: weightDecay) }
                let updated = add(theta * decay, g, alpha: -eta)
                parameters[p].scalars[i] = updated
                let ax = state[p].ax[i]
                state[p].ax[i] = mu != 1 ? ax + (updated - ax) * mu : updated
            }
            let t = Double(state[p].step)
            state[p].eta = learningRate / Double.pow(1 + lambd * learningRate * t, alpha)
            state[p].mu = 1 / Swift.max(1, t - t0)
        }
    }
}

/// ASGD's per-parameter state (torch's names): step count, current step size η, averaging
/// weight μ, and the averaged iterate `ax`.
public struct ASGDState: Sendable, Hashable {
    public var step = 0
    public var eta: Double
    public var mu = 1.0
    public var ax: [Double]
}
