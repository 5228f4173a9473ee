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
public struct AccSGD: Optimizer {
    public static let info = OptimizerInfo(
        name: "AccSGD", year: 2018,
        paper: "Kidambi, Netrapalli, Jain & Kakade, On the insufficiency of existing momentum schemes for Stochastic Optimization, ICLR 2018",
        reference: "torch_optimizer.AccSGD")

    public var learningRate: Double
    public var kappa: Double
    public var xi: Double
    public var smallConst: Double
    public var weightDecay: Double
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        kappa = try r.double("kappa", default: 1000.0)
        xi = try r.double("xi", default: 10.0)
        smallConst = try r.double("small_const", default: 0.7)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty { momentumBuffers = parameters.map(\.scalars) }
        let largeLr = (learningRate * kappa) / smallConst
        let alpha = 1.0 - ((smallConst * smallConst * xi) / kappa)
        let beta = 1.0 - alpha
        let zeta = smallConst / (smallConst + beta)
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                var b = momentumBuffers[p][i] * ((1.0 / beta) - 1.0)
                b = add(b, g, alpha: -largeLr)
                b = (b + theta) * beta
                momentumBuffers[p][i] = b
                theta = add(theta, g, alpha: -learningRate) * zeta
                parameters[p].scalars[i] = add(theta, b, alpha: 1.0 - zeta)
            }
        }
    }
}
