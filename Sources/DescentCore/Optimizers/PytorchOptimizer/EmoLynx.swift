/// EmoLynx (Lion-like sign steps scaled by the loss trend), as
/// `pytorch_optimizer.EmoLynx`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     shadow mixing (see `EmoDrive`)
///     u = sign((1 − β₁)g + β₁m)          (torch: g·(1 − β₁), then add(m, alpha=β₁))
///     θ ← θ − γ·drive·u;  m ← β₂m + (1 − β₂)g (lerp)
///
/// No paper: muooon's EmoNavi family (github.com/muooon/EmoNavi), 2025. Follows
/// pytorch_optimizer 4.1.0's batched (foreach) CPU path; the loss the step's closure returns
/// drives it (`EmoDrive`), so `step(_:objective:)` is the reference's `step(closure)` and
/// `step(_:gradients:)` its `step()` (loss 0). Default weight decay 0.01, decoupled. √ is torch's
/// tensor root (`torchSqrt`).
public struct EmoLynx: EmoOptimizer {
    public var settings: EmoSettings
    public var emo = EmoDrive()
    public var state = CoordinateState<EmoSlot>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        settings = try EmoSettings(&r, betas: (0.9, 0.99))
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout EmoSlot, _ c: EmoDrive.Step) {
        if settings.useShadow { EmoDrive.mixShadow(&theta, &slot.shadow, c, shadowWeight: nil) }
        var u = g * (1 - beta1)
        u = add(u, slot.moments.expAvg, alpha: beta1)
        theta = add(theta, sign(u), alpha: -learningRate * c.drive)
        _ = slot.moments.updateFirst(g, beta1: beta2)
    }
}
