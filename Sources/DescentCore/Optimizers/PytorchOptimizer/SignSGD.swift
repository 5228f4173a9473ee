/// signSGD with momentum (Signum), as `pytorch_optimizer.SignSGD`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled) or g ← g + λθ
///     b ← μb + (1 − μ)g if μ > 0, else b ← g   (torch: b.lerp(g, 1 − μ))
///     θ ← θ − γ·sign(b)
///
/// Bernstein et al., "signSGD: Compressed Optimisation for Non-Convex Problems", ICML 2018.
/// Follows pytorch_optimizer 4.1.0 (momentum 0.9 and decoupled weight decay by default).
public struct SignSGD: Optimizer {
    public static let info = OptimizerInfo(
        name: "SignSGD", year: 2018,
        paper: "Bernstein et al., signSGD: Compressed Optimisation for Non-Convex Problems, ICML 2018",
        reference: "pytorch_optimizer.SignSGD")

    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    public var weightDecouple: Bool
    public var maximize: Bool
    /// The momentum buffer of each parameter (when momentum > 0), created at the first step.
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: true)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty { momentumBuffers = zeros(like: parameters) }
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            PytorchOptimizer.applyWeightDecay(&theta, &g, lr: learningRate, weightDecay: weightDecay,
                                              decouple: weightDecouple, fixedDecay: false)
            for i in theta.indices {
                var b = g[i]
                if momentum > 0 {
                    b = lerp(momentumBuffers[p][i], g[i], 1 - momentum)
                    momentumBuffers[p][i] = b
                }
                theta[i] = add(theta[i], sign(b), alpha: -learningRate)
            }
            parameters[p].scalars = theta
        }
    }
}
