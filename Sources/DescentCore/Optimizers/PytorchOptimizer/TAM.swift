/// TAM (torque-aware momentum), as `pytorch_optimizer.TAM`.
///
///     b ← g₁ at the first step (the momentum buffer starts as the first gradient), s ← 0
///     g ← ∇f(θ) (negated if maximize)
///     c = (b/max(‖b‖, 10⁻¹²))·(g/max(‖g‖, 10⁻¹²))   (elementwise: torch's `normalize(·, dim=0)`)
///     s ← s + (1 − κ)(c − s)                       (torch: s.lerp(c, 1 − decay_rate))
///     d = ((s + 1)/2 + ε)·g;  b ← b·μ + d
///     θ ← θ(1 − γλ) (decoupled, the default; 1 − λ if fixed_decay);  θ ← θ − γb
///
/// The coupled decay (`weight_decouple=False`) adds λθ to the gradient after the gradient was
/// used, so it has no effect — the reference's order, kept. Malviya et al., "Torque-Aware
/// Momentum", arXiv 2024. Follows pytorch_optimizer 4.1.0 (foreach path).
public struct TAM: TensorwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var decayRate: Double
    /// `weight_decay` λ with `weight_decouple` and `fixed_decay`, as read.
    public var decay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    /// One coordinate's `s` and `momentum_buffer`.
    public var state = CoordinateState<Slot>()

    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var s = 0.0
        public var buffer = 0.0
        public init() {}
    }

    /// The decay the loop applies: the decoupled forms; the coupled one never reaches the update.
    public var weightDecay: WeightDecay { decay.form == .l2 ? .none : decay }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        decayRate = try r.double("decay_rate", default: 0.9, .unitHalfOpen)
        decay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// Whether this is the first step (the buffers start as the gradient).
    public func coefficients(step: Int) -> Bool { step == 1 }

    public func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor _: Int, _ first: Bool) {
        if first { for i in g.indices { slots[i].buffer = g[i] } }
        let corr = PytorchOptimizer.alignment(slots.map(\.buffer), g)
        for i in g.indices {
            slots[i].s = lerp(slots[i].s, corr[i], 1 - decayRate)
            let d = ((slots[i].s + 1) / 2 + eps) * g[i]
            slots[i].buffer = slots[i].buffer * momentum + d
            theta[i] = add(theta[i], slots[i].buffer, alpha: -learningRate)
        }
    }
}
