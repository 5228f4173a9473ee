/// EmoFact (factored sign steps scaled by the loss trend), as
/// `pytorch_optimizer.EmoFact`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     shadow mixing (see `EmoDrive`)
///     m ← β₁m + (1 − β₁)g (lerp);  v ← β₂v + (1 − β₂)g²
///     θ ← θ − γ·drive·sign(m/(√v + ε))
///
/// (the factored row/column second moment of the library applies to matrices only; a point is a
/// vector)
///
/// No paper: muooon's EmoNavi family (github.com/muooon/EmoNavi), 2025. Follows
/// pytorch_optimizer 4.1.0's batched (foreach) CPU path; the loss the step's closure returns
/// drives it (`EmoDrive`), so `step(_:objective:)` is the reference's `step(closure)` and
/// `step(_:gradients:)` its `step()` (loss 0). Default weight decay 0.01, decoupled. √ is torch's
/// tensor root (`torchSqrt`).
public struct EmoFact: EmoOptimizer {
    public static let info = OptimizerInfo(
        name: "EmoFact", year: 2025,
        paper: "muooon, EmoNavi: emotion-driven optimizers (github.com/muooon/EmoNavi), 2025",
        reference: "pytorch_optimizer.EmoFact")

    /// One coordinate's moments and shadow weight (θ at the first step).
    public struct Slot: Sendable, Hashable {
        public var moments = Moments<LerpRounding>()
        public var shadow: Double
    }

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var useShadow: Bool
    public var shadowWeight: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    public var emo = EmoDrive()
    public var state = CoordinateState<Slot>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        useShadow = try r.bool("use_shadow", default: false)
        shadowWeight = try r.double("shadow_weight", default: 0.05, .unitHalfOpen)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0.01, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public func initialSlot(_ theta: Double) -> Slot {
        Slot(shadow: theta)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ c: EmoDrive.Step) {
        if useShadow { EmoDrive.mixShadow(&theta, &slot.shadow, c, shadowWeight: nil) }
        let (m, v) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        theta = add(theta, sign(m / (torchSqrt(v) + eps)), alpha: -learningRate * c.drive)
    }
}
