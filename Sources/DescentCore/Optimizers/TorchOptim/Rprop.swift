/// Resilient backpropagation, as `torch.optim.Rprop`: per-coordinate step sizes that grow
/// while the gradient keeps its sign and shrink when it flips; only the sign of g is used.
///
///     g ← ∇f(θ) (negated if maximize);  s ← sign(g · g_prev)
///     η ← η · η₊ if s > 0,  η · η₋ if s < 0,  η if s = 0;  η ← clamp(η, η_min, η_max)
///     g ← 0 where s < 0                       (after a sign change the step is skipped)
///     θ ← θ − sign(g) · η;  g_prev ← g
///
/// Riedmiller & Braun, "A Direct Adaptive Method for Faster Backpropagation Learning: The RPROP
/// Algorithm", IEEE ICNN 1993. torch's variant (Rprop without weight backtracking) is followed:
/// step sizes start at `lr`, g_prev starts at 0, and the zeroed gradient is what is remembered,
/// so the step after a sign change neither grows nor shrinks η.
public struct Rprop: ElementwiseOptimizer {
    public var learningRate: Double
    /// (η₋, η₊): multiplicative decrease and increase, `0 < η₋ < 1 < η₊`.
    public var etas: (minus: Double, plus: Double)
    /// (η_min, η_max): the clamp of the step sizes (torch does not check them).
    public var stepSizes: (min: Double, max: Double)
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    /// torch's state of one coordinate: the previous (possibly zeroed) gradient and the step size.
    public struct Slot: Sendable, Hashable {
        public var prev = 0.0
        public var stepSize: Double
    }

    /// torch's Rprop has no weight decay.
    public var weightDecay: WeightDecay { .none }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        let e = try r.pair("etas", default: (0.5, 1.2), (.open(0, 1), .greaterThan(1)))
        etas = (e.0, e.1)
        let s = try r.pair("step_sizes", default: (1e-6, 50), (.any, .any))
        stepSizes = (s.0, s.1)
        maximize = try r.bool("maximize", default: false)
    }

    /// Step sizes start at the learning rate of the first step.
    public func initialSlot(_: Double) -> Slot { Slot(stepSize: learningRate) }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        var g = g
        let product = g * slot.prev
        // torch: sign = (g·prev).sign(), then sign[>0] = η₊, sign[<0] = η₋, sign[=0] = 1
        // (a NaN product stays NaN).
        let factor = product > 0 ? etas.plus : product < 0 ? etas.minus : product == 0 ? 1 : product
        slot.stepSize = clamp(slot.stepSize * factor, stepSizes.min, stepSizes.max)
        if factor == etas.minus { g = 0 }
        theta = addcmul(theta, sign(g), slot.stepSize, value: -1)
        slot.prev = g
    }
}
