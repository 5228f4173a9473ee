/// Kate (a scale-invariant AdaGrad), as `pytorch_optimizer.Kate`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     b² ← b² + g² + ε                 (the state holds b; torch squares it, then takes √ after)
///     m² ← m² + δg² + g²/b²
///     θ ← θ − γ·m·g/b²
///
/// Choudhury et al., "Remove that Square Root: A New Efficient Scale-Invariant Version of
/// AdaGrad", NeurIPS 2024. Follows pytorch_optimizer 4.1.0 (foreach path) — note ε is added to
/// b² at every step, as that library does. Both roots are torch's tensor `sqrt_` (`torchSqrt`).
public struct Kate: ElementwiseOptimizer {
    public var learningRate: Double
    public var delta: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    /// Each coordinate's `m` and `b`.
    public var state = CoordinateState<Slot>()

    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var m = 0.0
        public var b = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        delta = try r.double("delta", default: 0, .unitHalfOpen)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }


    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        let gsq = g * g
        let bsq = (slot.b * slot.b + gsq) + eps
        slot.m = torchSqrt(add(slot.m * slot.m, gsq, alpha: delta) + gsq / bsq)
        theta = add(theta, (slot.m * g) / bsq, alpha: -learningRate)
        slot.b = torchSqrt(bsq)
    }
}
