/// SM3 (square-root-free memory-efficient adaptive optimisation), as `pytorch_optimizer.SM3`,
/// for vector parameters (one accumulator per coordinate, as the reference keeps for rank 1).
///
///     g ← ∇f(θ) (negated if maximize)
///     ν ← a + (1 − β)g²  if β = 0, else  ν ← βa + (1 − β)g²     (torch: mul_, addcmul_)
///     a ← ν if β = 0, else a ← max(a, ν)
///     u ← g/√(ν + ε)                                             (torch: add_, rsqrt_, mul_)
///     m ← μm + (1 − μ)u, u ← m  if μ > 0                         (torch: m.lerp(u, 1 − μ))
///     θ ← θ − γu
///
/// Anil et al., "Memory-Efficient Adaptive Optimization", NeurIPS 2019. Follows
/// pytorch_optimizer 4.1.0 (per-parameter path, the CPU default); `rsqrt` is 1/IEEE √.
public struct SM3: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var beta: Double
    public var eps: Double
    public var maximize: Bool
    public var weightDecay: WeightDecay { .none }
    public var state = CoordinateState<Slot>()

    /// One coordinate's `accumulator_0` and `momentum_buffer`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var accumulator = 0.0
        public var momentumBuffer = 0.0
        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 0.1, .nonNegative)
        momentum = try r.double("momentum", default: 0, .unitHalfOpen)
        beta = try r.double("beta", default: 0, .unitClosed)
        eps = try r.double("eps", default: 1e-30, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        var nu = slot.accumulator
        if beta > 0 { nu *= beta }
        nu = addcmul(nu, g, g, value: 1 - beta)
        slot.accumulator = beta > 0 ? maximum(slot.accumulator, nu) : nu
        var u = (1 / (nu + eps).squareRoot()) * g
        if momentum > 0 {
            slot.momentumBuffer = lerp(slot.momentumBuffer, u, 1 - momentum)
            u = slot.momentumBuffer
        }
        theta = add(theta, u, alpha: -learningRate)
    }
}
