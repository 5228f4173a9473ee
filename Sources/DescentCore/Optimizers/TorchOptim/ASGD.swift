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
/// parameters themselves are the SGD iterates; the average only lives in the slots (`ax`).
public struct ASGD: ElementwiseOptimizer {
    public var learningRate: Double
    public var lambd: Double
    public var alpha: Double
    /// The step at which averaging starts (torch does not check it).
    public var t0: Double
    /// `weight_decay` λ_wd, L2.
    public var weightDecay: WeightDecay
    public var maximize: Bool
    /// torch's state: the step count and each coordinate's averaged iterate `ax` …
    public var state = CoordinateState<Double>()
    /// … and the step size η and averaging weight μ of the next step (torch keeps them per
    /// parameter tensor; all tensors step together, so they are the same).
    public var eta = 0.0
    public var mu = 1.0

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        lambd = try r.double("lambd", default: 1e-4, .nonNegative)
        alpha = try r.double("alpha", default: 0.75, .nonNegative)
        t0 = try r.double("t0", default: 1e6)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        maximize = try r.bool("maximize", default: false)
    }

    public typealias Coefficients = (eta: Double, mu: Double, decay: Double)

    /// This step's η and μ (η = γ, μ = 1 at the first step), and 1 − λη; then the next step's
    /// η and μ, stored as torch does after its update.
    public mutating func coefficients(step: Int) -> Coefficients {
        if step == 1 { (eta, mu) = (learningRate, 1) }
        let current = (eta, mu, 1 - lambd * eta)
        let t = Double(step)
        eta = learningRate / pythonPow(1 + lambd * learningRate * t, alpha)
        mu = 1 / Swift.max(1, t - t0)
        return current
    }

    public func update(_ theta: inout Double, _ g: Double, _ ax: inout Double, _ c: Coefficients) {
        theta = add(theta * c.decay, g, alpha: -c.eta)
        ax = c.mu != 1 ? ax + (theta - ax) * c.mu : theta
    }
}
