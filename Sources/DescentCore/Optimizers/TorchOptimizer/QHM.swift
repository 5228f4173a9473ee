/// Quasi-hyperbolic momentum: a ν-weighted mix of the plain gradient step and the momentum
/// step, as `torch_optimizer.QHM`.
///
///     g ← ∇f(θ);  g ← g + λθ ("grad"), or θ ← θ(1 − γλ) ("direct")
///     b ← βb + (1 − β)g                                (momentum β)
///     θ ← θ − γνb − γ(1 − ν)g
///
/// Ma & Yarats, "Quasi-hyperbolic momentum and Adam for deep learning", ICLR 2019. Follows
/// torch_optimizer 0.3.0 (two separate updates of θ, in that order).
public struct QHM: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var nu: Double
    /// `weight_decay` λ: L2 (`weight_decay_type` "grad") or decoupled ("direct").
    public var weightDecay: WeightDecay
    /// Each coordinate's momentum buffer b.
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        nu = try r.double("nu", default: 0.7)
        let lambda = try r.double("weight_decay", default: 0, .nonNegative)
        let type = try r.choice("weight_decay_type", default: "grad", ["grad", "direct"]) ?? "grad"
        weightDecay = WeightDecay(lambda, type == "direct" ? .decoupled : .l2)
    }


    public func update(_ theta: inout Double, _ g: Double, _ buffer: inout Double, _: Void) {
        buffer = add(buffer * momentum, g, alpha: 1.0 - momentum)
        theta = add(theta, buffer, alpha: -learningRate * nu)
        theta = add(theta, g, alpha: -learningRate * (1.0 - nu))
    }
}
