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
public struct SGD: ElementwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var nesterov: Bool
    public var maximize: Bool
    /// The momentum buffer b of each coordinate (`momentum_buffer`).
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        dampening = try r.double("dampening", default: 0)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        nesterov = try r.bool("nesterov", default: false)
        maximize = try r.bool("maximize", default: false)
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw .outOfRange(optimizer: "SGD", key: "nesterov", value: 1,
                              allowed: "nesterov needs momentum > 0 and dampening = 0")
        }
    }

    /// Whether this is the first step (the buffer then starts as g).
    public func coefficients(step t: Int) -> Bool { t == 1 }

    public func update(_ theta: inout Double, _ g: Double, _ buffer: inout Double, _ first: Bool) {
        var d = g
        if momentum != 0 {
            buffer = first ? g : add(buffer * momentum, g, alpha: 1 - dampening)
            d = nesterov ? add(g, buffer, alpha: momentum) : buffer
        }
        theta = add(theta, d, alpha: -learningRate)
    }
}
