/// FOCUS (First Order Concentrated Updating Scheme), as `pytorch_optimizer.FOCUS`: a sign
/// step attracted towards a moving average of the parameters.
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g (lerp);  p̄ ← β₂p̄ + (1 − β₂)θ (lerp);  p̂ = p̄ / (1 − β₂ᵗ)
///     θ ← θ − γλ·p̂                        (if λ > 0: the decay pulls towards p̂, not 0)
///     θ ← θ − γ·(sign(θ − p̂)·γ_a + sign(m))   (γ_a = gamma)
///
/// Liu, Liu & Gore, "FOCUS: First Order Concentrated Updating Scheme", arXiv 2025. Follows
/// pytorch_optimizer 4.1.0's batched (foreach) CPU path, in its order of operations.
public struct FOCUS: ElementwiseOptimizer {
    /// One coordinate's gradient average `exp_avg` and parameter average `pbar`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var expAvg = 0.0
        public var pbar = 0.0
        public init() {}
    }

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var gamma: Double
    /// λ, applied in the update (towards p̂).
    public var decay: Double
    public var maximize: Bool
    public var state = CoordinateState<Slot>()

    public var weightDecay: WeightDecay { WeightDecay(decay, .inUpdate) }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        gamma = try r.double("gamma", default: 0.1, .unitHalfOpen)
        decay = try r.double("weight_decay", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// The bias correction 1 − β₂ᵗ.
    public func coefficients(step t: Int) -> Double {
        biasCorrection(beta2, step: t)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ bias2: Double) {
        slot.expAvg = lerp(slot.expAvg, g, 1 - beta1)
        slot.pbar = lerp(slot.pbar, theta, 1 - beta2)
        let pbarHat = slot.pbar / bias2
        if decay > 0 { theta = add(theta, pbarHat, alpha: -learningRate * decay) }
        let u = sign(theta - pbarHat) * gamma + sign(slot.expAvg)
        theta = add(theta, u, alpha: -learningRate)
    }
}
