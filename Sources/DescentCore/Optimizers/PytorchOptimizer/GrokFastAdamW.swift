/// GrokFast AdamW (AdamW on gradients amplified by their slow component), as
/// `pytorch_optimizer.GrokFastAdamW`.
///
///     g ← ∇f(θ) (negated if maximize);  at the first step a ← g (before weight decay)
///     θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     after grokfast_after_step steps:  a ← αa + (1 − α)g (lerp);  g ← g + λ_g·a
///     m ← β₁m + (1 − β₁)g (lerp);  v ← β₂v + (1 − β₂)g²
///     θ ← θ − (γ / (1 − β₁ᵗ))·m / max(√v / √(1 − β₂ᵗ), ε)
///
/// Lee et al., "Grokfast: Accelerated Grokking by Amplifying Slow Gradients", arXiv 2024.
/// Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path. Its quirks, reproduced: with
/// `normalize_lr` (the default) the constructor divides `lr` by 1 + grokfast_lamb, so the
/// learning rate γ used (and exposed) is lr/(1 + λ_g); the denominator is clamped at ε, not
/// offset by it; the slow average starts at the first gradient, so the first step's g is
/// (1 + λ_g)·g. √ is torch's tensor root (`torchSqrt`).
public struct GrokFastAdamW: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// One coordinate's moments and slow gradient average (`grok_exp_avg`, nil until the first step).
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var moments = Moments<LerpRounding>()
        public var grok: Double?
        public init() {}
    }

    /// Its learning rate is the γ in use: `lr / (1 + grokfast_lamb)` when grokfast and
    /// normalize_lr; its decay is applied in the update (after the slow average is first taken).
    public var adam: AdamHyperparameters
    public var grokfast: Bool
    public var grokfastAlpha: Double
    public var grokfastLamb: Double
    public var grokfastAfterStep: Int
    public var state = CoordinateState<Slot>()

    public var weightDecay: WeightDecay { WeightDecay(adam.weightDecay.coefficient, .inUpdate) }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1e-4, betas: (0.9, 0.99), weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        grokfast = try r.bool("grokfast", default: true)
        grokfastAlpha = try r.double("grokfast_alpha", default: 0.98, .unitHalfOpen)
        grokfastLamb = try r.double("grokfast_lamb", default: 2)
        grokfastAfterStep = try r.int("grokfast_after_step", default: 0)
        let normalizeLR = try r.bool("normalize_lr", default: true)
        if grokfast, normalizeLR { adam.learningRate /= 1 + grokfastLamb }
    }

    /// Whether the slow average acts this step, and the bias corrections 1 − β₁ᵗ, √(1 − β₂ᵗ).
    public func coefficients(step t: Int) -> (grok: Bool, b1: Double, b2Sqrt: Double) {
        (grokfast && t > grokfastAfterStep && grokfastLamb > 0,
         biasCorrection(beta1, step: t), biasCorrection(beta2, step: t).squareRoot())
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ c: (grok: Bool, b1: Double, b2Sqrt: Double)) {
        var g = g
        if slot.grok == nil, grokfast, grokfastLamb > 0 { slot.grok = g }
        adam.weightDecay.apply(&theta, &g, lr: learningRate)
        if c.grok, let average = slot.grok {
            let a = lerp(average, g, 1 - grokfastAlpha)
            slot.grok = a
            g = add(g, a, alpha: grokfastLamb)
        }
        let (m, v) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        let denominator = maximum(torchSqrt(v) / c.b2Sqrt, eps)
        theta = addcdiv(theta, m, denominator, value: -learningRate / c.b1)
    }
}
