/// Stochastic gradient descent, with optional (Nesterov) momentum, as `torch.optim.SGD`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ            (weight_decay λ)
///     b ← g at the first step, else b ← μb + (1 − τ)g          (momentum μ, dampening τ)
///     g ← g + μb if nesterov, else g ← b                        (when μ ≠ 0)
///     θ ← θ − γg
///
/// Robbins & Monro, "A Stochastic Approximation Method", 1951; momentum: Polyak 1964;
/// Nesterov form: Sutskever et al., ICML 2013. torch's momentum form (`b ← μb + g`, γ applied
/// after) differs from Sutskever's `b ← μb + γg`, and is followed here.
public struct SGD: Optimizer {
    public static let info = OptimizerInfo(
        name: "SGD", year: 1951,
        paper: "Robbins & Monro, A Stochastic Approximation Method, Ann. Math. Statist. 1951",
        reference: "torch.optim.SGD")

    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    public var maximize: Bool
    /// The momentum buffer of each parameter, created at the first step.
    public var momentumBuffers: [[Double]]? = nil

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        dampening = try r.double("dampening", default: 0)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        nesterov = try r.bool("nesterov", default: false)
        maximize = try r.bool("maximize", default: false)
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw .outOfRange(optimizer: "SGD", key: "nesterov", value: 1,
                              allowed: "nesterov needs momentum > 0 and dampening = 0")
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let first = momentumBuffers == nil
        if first { momentumBuffers = parameters.map { [Double](repeating: 0, count: $0.count) } }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                if weightDecay != 0 { g = add(g, theta, alpha: weightDecay) }
                if momentum != 0 {
                    var b = momentumBuffers![p][i]
                    b = first ? g : add(b * momentum, g, alpha: 1 - dampening)
                    momentumBuffers![p][i] = b
                    g = nesterov ? add(g, b, alpha: momentum) : b
                }
                parameters[p].scalars[i] = add(theta, g, alpha: -learningRate)
            }
        }
    }
}
