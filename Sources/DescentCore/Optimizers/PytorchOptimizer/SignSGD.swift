/// signSGD with momentum (Signum), as `pytorch_optimizer.SignSGD`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled) or g ← g + λθ
///     b ← μb + (1 − μ)g if μ > 0, else b ← g   (torch: b.lerp(g, 1 − μ))
///     θ ← θ − γ·sign(b)
///
/// Bernstein et al., "signSGD: Compressed Optimisation for Non-Convex Problems", ICML 2018.
/// Follows pytorch_optimizer 4.1.0 (momentum 0.9 and decoupled weight decay by default).
public struct SignSGD: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    /// `weight_decay` λ: decoupled if `weight_decouple` (the default), else L2.
    public var weightDecay: WeightDecay
    public var maximize: Bool
    /// Each coordinate's momentum buffer (used when momentum > 0).
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        let lambda = try r.double("weight_decay", default: 0, .nonNegative)
        let decouple = try r.bool("weight_decouple", default: true)
        weightDecay = WeightDecay(lambda, decouple ? .decoupled : .l2)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }


    public func update(_ theta: inout Double, _ g: Double, _ buffer: inout Double, _: Void) {
        var b = g
        if momentum > 0 {
            buffer = lerp(buffer, g, 1 - momentum)
            b = buffer
        }
        theta = add(theta, sign(b), alpha: -learningRate)
    }
}
