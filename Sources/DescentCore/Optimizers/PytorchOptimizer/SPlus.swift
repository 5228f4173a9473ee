/// SPlus, as `pytorch_optimizer.SPlus` for vector parameters (in training mode: the point is
/// the iterate itself, not its average), where the update is the sign of the momentum:
///
///     s = γ·c                                          (c = nonstandard_constant)
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ if not weight_decouple
///     m ← β₁m + (1 − β₁)g                              (torch: lerp)
///     θ ← θ − s·sign(m);  θ̄ ← θ̄ + (1 − r)(θ − θ̄)       (the average used in eval mode, r = ema_rate)
///     θ ← θ(1 − λs) (weight_decouple, the default, after the update; 1 − λ if fixed_decay)
///
/// The Shampoo-style eigenbases (β₂, `inverse_steps`, `max_dim`, `eps`) belong to matrices and
/// are validated with no effect on a point. Frans, Levine & Abbeel, "A Stable Whitening
/// Optimizer for Efficient Neural Network Training", arXiv 2025. Follows pytorch_optimizer
/// 4.1.0 (foreach path).
public struct SPlus: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// Its decay (`weight_decay` λ with `weight_decouple` and `fixed_decay`) is applied by the update.
    public var adam: AdamHyperparameters
    public var emaRate: Double
    public var inverseSteps: Int
    public var nonstandardConstant: Double
    public var maxDim: Int
    public var state = CoordinateState<Slot>()

    /// One coordinate's `momentum` and `ema`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var momentum = 0.0
        public var ema = 0.0
        public init() {}
    }

    public var weightDecay: WeightDecay { .none }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 0.1, weightDecay: .pytorchOptimizer(0.01, decouple: true), eps: 1e-30, foreach: true)
        emaRate = try r.double("ema_rate", default: 0.999, .unitHalfOpen)
        inverseSteps = try r.int("inverse_steps", default: 100, .positive)
        nonstandardConstant = try r.double("nonstandard_constant", default: 1e-3)
        maxDim = try r.int("max_dim", default: 10000, .positive)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        let s = learningRate * nonstandardConstant
        var g = g
        if adam.weightDecay.form == .l2 { adam.weightDecay.apply(&theta, &g, lr: s) }
        slot.momentum = lerp(slot.momentum, g, 1 - beta1)
        theta = add(theta, sign(slot.momentum), alpha: -s)
        slot.ema = lerp(slot.ema, theta, 1 - emaRate)
        if adam.weightDecay.form != .l2 { adam.weightDecay.apply(&theta, &g, lr: s) }
    }
}
