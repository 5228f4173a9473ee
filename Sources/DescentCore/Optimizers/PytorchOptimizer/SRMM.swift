/// SRMM (stochastic regularised majorisation–minimisation), as `pytorch_optimizer.SRMM`.
///
///     wₜ = ((t mod L) + 1)^(−β)          (L = memory_length; null means L = 1, so wₜ = 1)
///     g ← ∇f(θ) (negated if maximize)
///     ḡ ← ḡ + wₜ(g − ḡ);  θ̄ ← θ̄ + wₜ(θ − θ̄)   (torch: lerp; ḡ₀ = θ̄₀ = 0)
///     θ̄ ← θ̄ − γḡ;  θ ← θ̄
///
/// Lyu, "Stochastic regularized majorization-minimization with weakly convex and multi-convex
/// surrogates", arXiv 2022. Follows pytorch_optimizer 4.1.0 (foreach path). `memory_length`
/// must be positive here (0 makes the reference's step divide by zero).
public struct SRMM: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta: Double
    public var memoryLength: Int?
    public var maximize: Bool
    public var weightDecay: WeightDecay { .none }
    public var state = CoordinateState<Slot>()

    /// One coordinate's `mov_avg_grad` and `mov_avg_param`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var averageGradient = 0.0
        public var averageParameter = 0.0
        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        beta = try r.double("beta", default: 0.5, .unitClosed)
        memoryLength = try r.optionalInt("memory_length", default: 100, .atLeast(1))
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// The weight wₜ.
    public func coefficients(step: Int) -> Double {
        pythonPow(Double(step % (memoryLength ?? 1) + 1), -beta)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ w: Double) {
        slot.averageGradient = lerp(slot.averageGradient, g, w)
        slot.averageParameter = add(lerp(slot.averageParameter, theta, w), slot.averageGradient, alpha: -learningRate)
        theta = slot.averageParameter
    }
}
