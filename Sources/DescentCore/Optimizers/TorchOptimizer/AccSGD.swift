/// Accelerated SGD: a momentum method with a long-step ("large learning rate") buffer that
/// provably accelerates least squares, as `torch_optimizer.AccSGD`.
///
///     γ̄ ← γκ/ξ₀;  α ← 1 − ξ₀²ξ/κ;  β ← 1 − α;  ζ ← ξ₀/(ξ₀ + β)     (ξ₀ = small_const)
///     g ← ∇f(θ);  g ← g + λθ
///     b ← β((1/β − 1)b − γ̄g + θ)                       (b starts at θ)
///     θ ← ζ(θ − γg) + (1 − ζ)b
///
/// Kidambi, Netrapalli, Jain & Kakade, "On the insufficiency of existing momentum schemes for
/// Stochastic Optimization", ICLR 2018. Follows torch_optimizer 0.3.0, operation by operation.
public struct AccSGD: ElementwiseOptimizer {
    public var learningRate: Double
    public var kappa: Double
    public var xi: Double
    public var smallConst: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    /// Each coordinate's momentum buffer b (`momentum_buffer`), which starts at θ.
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        kappa = try r.double("kappa", default: 1000.0)
        xi = try r.double("xi", default: 10.0)
        smallConst = try r.double("small_const", default: 0.7)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
    }

    public func initialSlot(_ theta: Double) -> Double { theta }

    public typealias Coefficients = (largeLr: Double, keep: Double, beta: Double, zeta: Double)

    /// γ̄, 1/β − 1, β and ζ.
    public func coefficients(step _: Int) -> Coefficients {
        let largeLr = (learningRate * kappa) / smallConst
        let alpha = 1.0 - ((smallConst * smallConst * xi) / kappa)
        let beta = 1.0 - alpha
        return (largeLr, (1.0 / beta) - 1.0, beta, smallConst / (smallConst + beta))
    }

    public func update(_ theta: inout Double, _ g: Double, _ buffer: inout Double, _ c: Coefficients) {
        buffer = add(buffer * c.keep, g, alpha: -c.largeLr)
        buffer = (buffer + theta) * c.beta
        theta = add(add(theta, g, alpha: -learningRate) * c.zeta, buffer, alpha: 1.0 - c.zeta)
    }
}
