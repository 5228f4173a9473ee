/// LARS: SGD with a layer-wise learning rate η‖θ‖/(‖g‖ + λ‖θ‖ + ε), as `torch_optimizer.LARS`.
///
///     if λ ≠ 0 and ‖θ‖ ≠ 0 and ‖g‖ ≠ 0:  g ← η‖θ‖/(‖g‖ + λ‖θ‖ + ε) · (g + λθ)
///     b ← g at the first step, else b ← μb + (1 − τ)g;  g ← g + μb if nesterov, else g ← b
///     θ ← θ − γg
///
/// You, Gitman & Ginsburg, "Large Batch Training of Convolutional Networks", arXiv 2017.
/// Follows torch_optimizer 0.3.0, whose trust ratio (and weight decay) apply only when
/// weight_decay ≠ 0 — with the default λ = 0 this is plain (momentum) SGD.
public struct LARS: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    public var trustCoefficient: Double
    public var eps: Double
    public var momentumBuffers: [[Double]]? = nil

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        dampening = try r.double("dampening", default: 0, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        nesterov = try r.bool("nesterov", default: false)
        trustCoefficient = try r.double("trust_coefficient", default: 0.01, .nonNegative)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        if nesterov && (momentum <= 0 || dampening != 0) {
            throw .outOfRange(optimizer: "LARS", key: "nesterov", value: 1,
                              allowed: "Nesterov momentum requires a momentum and zero dampening")
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let first = momentumBuffers == nil
        if momentum != 0 && first { momentumBuffers = zeros(like: parameters) }
        for p in parameters.indices {
            let parameterNorm = parameters[p].norm
            let gradientNorm = gradients[p].norm
            var larsLr: Double? = nil
            if weightDecay != 0 && parameterNorm != 0 && gradientNorm != 0 {
                larsLr = parameterNorm / (gradientNorm + parameterNorm * weightDecay + eps) * trustCoefficient
            }
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                var d = gradients[p].scalars[i]
                if let larsLr { d = add(d, theta, alpha: weightDecay) * larsLr }
                if momentum != 0 {
                    let b = first ? d : add(momentumBuffers![p][i] * momentum, d, alpha: 1 - dampening)
                    momentumBuffers![p][i] = b
                    d = nesterov ? add(d, b, alpha: momentum) : b
                }
                parameters[p].scalars[i] = add(theta, d, alpha: -learningRate)
            }
        }
    }
}
