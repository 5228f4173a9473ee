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
public struct Adagrad: ElementwiseOptimizer {
    public var learningRate: Double
    public var lrDecay: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var initialAccumulatorValue: Double
    public var eps: Double
    public var maximize: Bool
    /// torch's state: step count and each coordinate's sum of squared gradients s.
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        lrDecay = try r.double("lr_decay", default: 0, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        initialAccumulatorValue = try r.double("initial_accumulator_value", default: 0, .nonNegative)
        eps = try r.double("eps", default: 1e-10, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    public func initialSlot(_: Double) -> Double { initialAccumulatorValue }

    /// γₜ = γ / (1 + (t − 1)η).
    public func coefficients(step t: Int) -> Double {
        learningRate / (1 + (Double(t) - 1) * lrDecay)
    }

    public func update(_ theta: inout Double, _ g: Double, _ sum: inout Double, _ stepSize: Double) {
        sum = addcmul(sum, g, g, value: 1)
        theta = addcdiv(theta, g, torchSqrt(sum) + eps, value: -stepSize)
    }
}
