/// Aggregated momentum: several momentum buffers with different damping factors, averaged,
/// as `torch_optimizer.AggMo`.
///
///     g ← ∇f(θ);  g ← g + λθ
///     for each β in betas:  b_β ← βb_β + g;  θ ← θ − (γ/K)·b_β      (K = number of betas)
///
/// Lucas, Sun, Zemel & Grosse, "Aggregated Momentum: Stability Through Passive Damping",
/// ICLR 2019. Follows torch_optimizer 0.3.0: θ is updated once per β in turn, and buffers are
/// keyed by the β value, so a β listed twice updates one buffer twice. `betas` may have any
/// length (default [0, 0.9, 0.99]), each in [0, 1).
public struct AggMo: ElementwiseOptimizer {
    public var learningRate: Double
    public var betas: [Double]
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    /// Each coordinate's momentum buffers, one per entry of `betas`; a β listed again uses the
    /// buffer of its first appearance (the key of torch's buffer dict), the others stay 0.
    public var state = CoordinateState<[Double]>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        // The reader checks a list against a default of the same length; AggMo takes any
        // length, so the given length picks the shape checked (the default is used only
        // when the key is absent).
        var count = 3
        if case .list(let items)? = r.values["betas"] { count = items.count }
        let defaults = count == 3 ? [0.0, 0.9, 0.99] : [Double](repeating: 0, count: count)
        betas = try r.list("betas", default: defaults, [Bound](repeating: .unitHalfOpen, count: Swift.max(count, 1)))
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
    }

    public func initialSlot(_: Double) -> [Double] { [Double](repeating: 0, count: betas.count) }

    /// γ/K.
    public func coefficients(step _: Int) -> Double { learningRate / Double(betas.count) }

    public func update(_ theta: inout Double, _ g: Double, _ buffers: inout [Double], _ stepSize: Double) {
        for beta in betas {
            let b = betas.firstIndex(of: beta)!
            buffers[b] = buffers[b] * beta + g
            theta = add(theta, buffers[b], alpha: -stepSize)
        }
    }
}
