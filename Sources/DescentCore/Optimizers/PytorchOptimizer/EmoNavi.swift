/// EmoNavi (Adam scaled by the loss trend, with optional shadow weights), as
/// `pytorch_optimizer.EmoNavi`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     shadow mixing (see `EmoDrive`; here the shadow also follows θ with weight shadow_weight)
///     m ← β₁m + (1 − β₁)g (lerp);  v ← β₂v + (1 − β₂)g²
///     θ ← θ − γ·drive·m/(√v + ε)
///
/// No paper: muooon's EmoNavi family (github.com/muooon/EmoNavi), 2025. Follows
/// pytorch_optimizer 4.1.0's batched (foreach) CPU path; the loss the step's closure returns
/// drives it (`EmoDrive`), so `step(_:objective:)` is the reference's `step(closure)` and
/// `step(_:gradients:)` its `step()` (loss 0). Default weight decay 0.01, decoupled. √ is torch's
/// tensor root (`torchSqrt`).
public struct EmoNavi: EmoOptimizer {
    public var settings: EmoSettings
    public var emo = EmoDrive()
    public var state = CoordinateState<EmoSlot>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        settings = try EmoSettings(&r, betas: (0.9, 0.999))
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout EmoSlot, _ c: EmoDrive.Step) {
        if settings.useShadow { EmoDrive.mixShadow(&theta, &slot.shadow, c, shadowWeight: settings.shadowWeight) }
        let (m, v) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        theta = addcdiv(theta, m, torchSqrt(v) + eps, value: -learningRate * c.drive)
    }
}
