/// FTRL-Proximal (Follow The Regularized Leader), as `pytorch_optimizer.FTRL`.
///
///     g ← ∇f(θ) (negated if maximize)
///     σ ← ((n + g²)^(−p) − n^(−p)) / γ;  n ← n + g²;  z ← z + g − σθ
///     θ ← (sign(z)·λ₁ − z) / ((√n + β)/γ + λ₂), or 0 where |z| ≤ λ₁     (p = lr_power)
///
/// McMahan et al., "Ad Click Prediction: a View from the Trenches", KDD 2013. Follows
/// pytorch_optimizer 4.1.0 (foreach path; `pow` with exponent ½ is torch's √ kernel, `torchSqrt`). The
/// point is recomputed from z and n at every step, not moved from where it was.
public struct FTRL: ElementwiseOptimizer {
    public var learningRate: Double
    public var lrPower: Double
    public var beta: Double
    public var lambda1: Double
    public var lambda2: Double
    public var maximize: Bool
    /// Each coordinate's accumulators `z` and `n`.
    public var state = CoordinateState<Slot>()

    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var z = 0.0
        public var n = 0.0

        public init() {}
    }

    /// FTRL's regularisation is λ₁ and λ₂; it has no weight decay.
    public var weightDecay: WeightDecay { .none }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        lrPower = try r.double("lr_power", default: -0.5,
                               Bound(lower: -.infinity, lowerInclusive: false, upper: 0, upperInclusive: true))
        beta = try r.double("beta", default: 0, .nonNegative)
        lambda1 = try r.double("lambda_1", default: 0, .nonNegative)
        lambda2 = try r.double("lambda_2", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }


    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        let gsq = g * g
        let oldPower = tensorPow(slot.n, -lrPower)
        let n = slot.n + gsq
        let sigma = (tensorPow(n, -lrPower) - oldPower) / learningRate
        let z = (slot.z + g) - sigma * theta
        let d = ((torchSqrt(n) + beta) / learningRate) + lambda2
        theta = z.magnitude <= lambda1 ? 0 : (sign(z) * lambda1 - z) / d
        (slot.z, slot.n) = (z, n)
    }
}
