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
public struct AggMo: Optimizer {
    public static let info = OptimizerInfo(
        name: "AggMo", year: 2019,
        paper: "Lucas, Sun, Zemel & Grosse, Aggregated Momentum: Stability Through Passive Damping, ICLR 2019",
        reference: "torch_optimizer.AggMo")

    public var learningRate: Double
    public var betas: [Double]
    public var weightDecay: Double
    /// One buffer per distinct β (in order of first appearance), per parameter.
    public var momentumBuffers: [[[Double]]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        // The reader checks a list against a default of the same length; AggMo takes any
        // length, so the given length picks the shape checked (the default is used only
        // when the key is absent).
        var count = 3
        if case .list(let items)? = r.values["betas"] { count = items.count }
        let defaults = count == 3 ? [0.0, 0.9, 0.99] : [Double](repeating: 0, count: count)
        betas = try r.list("betas", default: defaults, [Bound](repeating: .unitHalfOpen, count: Swift.max(count, 1)))
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
    }

    /// The distinct betas, in order of first appearance (the keys of torch's buffer dict).
    var distinctBetas: [Double] {
        var seen: [Double] = []
        for b in betas where !seen.contains(b) { seen.append(b) }
        return seen
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let keys = distinctBetas
        if momentumBuffers.isEmpty { momentumBuffers = parameters.map { _ in keys.map { _ in [] } } }
        let stepSize = learningRate / Double(betas.count)
        for p in parameters.indices {
            for b in keys.indices where momentumBuffers[p][b].isEmpty {
                momentumBuffers[p][b] = [Double](repeating: 0, count: parameters[p].count)
            }
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                for beta in betas {
                    let b = keys.firstIndex(of: beta)!
                    let buffer = momentumBuffers[p][b][i] * beta + g
                    momentumBuffers[p][b][i] = buffer
                    theta = add(theta, buffer, alpha: -stepSize)
                }
                parameters[p].scalars[i] = theta
            }
        }
    }
}
