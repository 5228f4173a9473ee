/// SCIONLight, the memory-light SCION, as `pytorch_optimizer.SCIONLight` (AUTO norm: the RMS
/// oracle for a vector) under Descent's step protocol, where every step starts from a fresh
/// gradient:
///
///     g ← ∇f(θ) (negated if maximize)
///     unless constraint: θ ← θ(1 − γλ) (weight_decouple, the default) or g ← g + λθ
///     u = s·g/(√mean(g²) + 10⁻⁸);  θ ← θ(1 − γ) if constraint;  θ ← θ − γu
///
/// The reference keeps its momentum in `p.grad` — it scales the gradient by 1 − `momentum`
/// after the step and expects the next backward pass to accumulate into it. The closure of
/// torch's `step(closure)` protocol (and Descent's) zeroes the gradient first, so no momentum
/// survives between steps: `momentum` is validated and has no effect here, exactly as in the
/// reference run this way. Pethick et al., "Training Deep Learning Models with Norm-Constrained
/// LMOs", ICML 2025. Follows pytorch_optimizer 4.1.0 (foreach path); see `SCION`.
public struct SCIONLight: TensorwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var constraint: Bool
    public var scale: Double
    public var weightDecay: WeightDecay
    public var maximize: Bool
    /// The step count (no per-coordinate state: the slots are empty placeholders).
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        (learningRate, momentum, constraint, scale, weightDecay, maximize) = try SCION.read(&r)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _: inout [Double], tensor _: Int, _: Void) {
        SCION.apply(SCION.rmsDirection(g, scale: scale), to: &theta, lr: learningRate, constraint: constraint)
    }
}
