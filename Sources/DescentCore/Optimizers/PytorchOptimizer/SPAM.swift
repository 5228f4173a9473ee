/// SPAM (spike-aware Adam with momentum reset), as `pytorch_optimizer.SPAM`.
///
///     n = total steps before this one;  κ = 1 − death rate, the rate from a `CosineDecay(0.99,
///         warmup_epoch)` restarted at every reset (κ = 1 until the first reset)
///     g ← ∇f(θ) (negated if maximize)
///     m ← 0, v ← 0 at the first step and whenever (n + 1) mod G = 0     (G = update_proj_gap)
///     spike clipping, if threshold τ ≠ 0, n + 1 ≥ A and (n + 1) mod G ≥ A   (A = grad_accu_steps):
///         where g² > τv:  g ← sign(g)·√(vτ)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     θ ← θ − (s·κ)·m/(√v + ε),  s = γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ)
///     θ ← θ(1 − γλ)                                        (decoupled, after the update)
///     after the step, when (n + 2) mod G = 0: the warm-up restarts (its step counter to 0)
///
/// Huang et al., "SPAM: Spike-Aware Adam with Momentum Reset for Stable LLM Training", ICLR
/// 2025. Follows pytorch_optimizer 4.1.0 (per-parameter path, the CPU default); √ is torch's
/// tensor root. `density` < 1 draws random masks for matrices only: accepted, no effect on a point.
public struct SPAM: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var density: Double
    public var warmupEpoch: Int
    public var threshold: Double
    public var gradAccuSteps: Int
    public var updateProjGap: Int
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// The reference's `total_step`, `current_step` and warm-up schedule.
    public var totalStep = 0
    public var currentStep: Int
    public var warmup: CosineDecay

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(0, .inUpdate), eps: 1e-6, foreach: false)
        density = try r.double("density", default: 1, .nonNegative)
        warmupEpoch = try r.int("warmup_epoch", default: 50, .nonNegative)
        threshold = try r.double("threshold", default: 5000, .nonNegative)
        gradAccuSteps = try r.int("grad_accu_steps", default: 20, .nonNegative)
        updateProjGap = try r.int("update_proj_gap", default: 500, .positive)
        warmup = CosineDecay(0.99, tMax: warmupEpoch)
        currentStep = warmupEpoch + 1
    }

    public typealias Coefficients = (stepSize: Double, reset: Bool, clip: Bool)

    /// The scaled step size, whether the moments restart and whether spikes are clipped; then
    /// advances the step counters as the end of the reference's step does.
    public mutating func coefficients(step: Int) -> Coefficients {
        let scale = 1 - warmup.deathRate(at: currentStep)
        let stepSize = learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
        let next = totalStep + 1
        let reset = step == 1 || next % updateProjGap == 0
        let clip = threshold != 0 && next >= gradAccuSteps && next % updateProjGap >= gradAccuSteps
        totalStep += 1
        currentStep += 1
        if (totalStep + 1) % updateProjGap == 0 {
            currentStep = 0
            warmup = CosineDecay(0.99, tMax: warmupEpoch)
        }
        return (-stepSize * scale, reset, clip)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: Coefficients) {
        if c.reset { moments = Moments() }
        var g = g
        if c.clip, g * g > threshold * moments.expAvgSq {
            g = sign(g) * torchSqrt(moments.expAvgSq * threshold)
        }
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        theta = addcdiv(theta, m, torchSqrt(v) + eps, value: c.stepSize)
        if weightDecay.coefficient != 0 { theta *= 1 - learningRate * weightDecay.coefficient }
    }
}
