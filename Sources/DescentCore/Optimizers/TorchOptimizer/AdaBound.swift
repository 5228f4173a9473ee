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
public struct AdaBound: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    /// The learning rate at construction (torch_optimizer's `base_lr`), scaling `final_lr`.
    public let baseLearningRate: Double
    public var finalLearningRate: Double
    public var gamma: Double
    public var amsbound: Bool
    /// The step count and each coordinate's moments (and v̂ for amsbound).
    public var state = CoordinateState<Moments<MulAddRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r)
        baseLearningRate = adam.learningRate
        finalLearningRate = try r.double("final_lr", default: 0.1, .nonNegative)
        gamma = try r.double("gamma", default: 1e-3, .unitHalfOpen)
        amsbound = try r.bool("amsbound", default: false)
    }

    /// The Adam step size γ√(1 − β₂ᵗ)/(1 − β₁ᵗ) and the bounds of η.
    public typealias Coefficients = (stepSize: Double, lower: Double, upper: Double)

    public func coefficients(step: Int) -> Coefficients {
        let t = Double(step)
        let stepSize = learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
        let finalLr = finalLearningRate * learningRate / baseLearningRate
        return (stepSize, finalLr * (1 - 1 / (gamma * t + 1)), finalLr * (1 + 1 / (gamma * t)))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<MulAddRounding>, _ c: Coefficients) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        let denom = torchSqrt(amsbound ? moments.updateMaximum(v) : v) + eps
        let eta = clamp(c.stepSize / denom, c.lower, c.upper) * m
        theta = theta + -eta
    }
}
