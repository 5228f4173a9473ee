/// Tiger (Tight-fisted Optimizer), as `pytorch_optimizer.Tiger`: sign of one momentum.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← βm + (1 − β)g                  (torch: m.lerp(g, 1 − β))
///     θ ← θ − γ·sign(m)
///
/// Su, "Tiger: A Tight-fisted Optimizer", 2023 (github.com/bojone/tiger). Follows
/// pytorch_optimizer 4.1.0; note its default weight decay is 0.01, decoupled.
public struct Tiger: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta: Double
    public var weightDecay: WeightDecay
    public var maximize: Bool
    /// Each coordinate's momentum `exp_avg`.
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        beta = try r.double("beta", default: 0.965, .unitHalfOpen)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0.01, decouple: true)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }


    public func update(_ theta: inout Double, _ g: Double, _ expAvg: inout Double, _: Void) {
        expAvg = lerp(expAvg, g, 1 - beta)
        theta = add(theta, sign(expAvg), alpha: -learningRate)
    }
}
