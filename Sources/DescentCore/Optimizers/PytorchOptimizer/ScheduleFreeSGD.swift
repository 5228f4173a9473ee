/// Schedule-free SGD, as `pytorch_optimizer.ScheduleFreeSGD` (in training mode: the point is the
/// interpolated iterate y at which gradients are taken).
///
///     g ← ∇f(y) (negated if maximize);  γₜ = γ·min(1, t/warmup_steps);  γ_max ← max(γₜ, γ_max)
///     w = t^r·γ_max^p;  W ← W + w;  c = w/W                  (p = weight_lr_power)
///     g ← g + λy;  y ← (1 − c)y + c·z;  y ← y + γₜ(β(1 − c) − 1)·g;  z ← z − γₜg   (β = momentum)
///
/// Defazio et al., "The Road Less Scheduled", NeurIPS 2024. Follows pytorch_optimizer 4.1.0
/// (foreach path). `eps` is validated and unused, as in the reference.
public struct ScheduleFreeSGD: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    /// `weight_decay` λ, which the update adds to the gradient (g ← g + λy).
    public var weightDecay: WeightDecay
    public var weighting: ScheduleFreeWeighting
    public var warmupSteps: Int
    public var eps: Double
    public var maximize: Bool
    /// The group's step count and each coordinate's z.
    public var state = CoordinateState<Double>()

    public init(hyperparameters reader: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try reader.double("lr", default: 1, .nonNegative)
        momentum = try reader.double("momentum", default: 0.9, .open(0, 1))
        weightDecay = WeightDecay(try reader.double("weight_decay", default: 0, .nonNegative), .inUpdate)
        weighting = try ScheduleFreeWeighting(&reader)
        warmupSteps = try reader.int("warmup_steps", default: 0)
        eps = try reader.double("eps", default: 1e-8, .nonNegative)
        maximize = try reader.bool("maximize", default: false)
        _ = try reader.foreach(cpuDefault: true)
    }

    public func initialSlot(_ theta: Double) -> Double { theta }

    /// γₜ and the interpolation c (updating W and γ_max).
    public mutating func coefficients(step: Int) -> (lr: Double, checkpoint: Double) {
        let schedule = step < warmupSteps ? Double(step) / Double(warmupSteps) : 1
        let lr = learningRate * schedule
        let c = weighting.checkpoint(step: step, lr: lr)
        return (lr, c)
    }

    public func update(_ y: inout Double, _ g: Double, _ z: inout Double, _ c: (lr: Double, checkpoint: Double)) {
        PytorchOptimizer.scheduleFreeUpdate(
            &y, &z, g, lr: c.lr, checkpoint: c.checkpoint, momentum: momentum, weightDecay: weightDecay.coefficient)
    }
}
