/// SGDP: SGD with momentum whose update, for matrix-shaped parameters, loses its radial
/// component where gradient and weight are nearly orthogonal, as `torch_optimizer.SGDP`.
///
///     b ← μb + (1 − τ)g                                   (b starts at 0; momentum μ, dampening τ)
///     d ← g + μb if nesterov, else d ← b
///     matrices: AdamP's projection of d (per row, else whole tensor), decay scaled by wd_ratio
///     θ ← θ(1 − γλ·ratio/(1 − μ));  θ ← θ − γd
///
/// Heo, Chun, Oh, Han, Yun, Kim, Uh & Ha, "AdamP: Slowing Down the Slowdown for Momentum
/// Optimizers on Scale-invariant Weights", ICLR 2021. Follows torch_optimizer 0.3.0: unlike
/// torch.optim.SGD the buffer starts at zero (so the first step is (1 − τ)g), the Nesterov
/// direction is `grad + momentum * buf` (two kernels, not fused), and the decay factor divides
/// by 1 − μ. A 2-D point is a vector, for which the projection never applies; for matrices
/// the projection is AdamP's (`projection`).
public struct SGDP: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var dampening: Double
    public var weightDecay: Double
    public var nesterov: Bool
    /// AdamP holding `eps`, `delta` and `wd_ratio`: its `project` is the shared projection.
    public var projection: AdamP
    /// `momentum`, created at the first step.
    public var buffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        momentum = try r.double("momentum", default: 0, .nonNegative)
        dampening = try r.double("dampening", default: 0, .nonNegative)
        let eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        let delta = try r.double("delta", default: 0.1, .nonNegative)
        let wdRatio = try r.double("wd_ratio", default: 0.1, .nonNegative)
        nesterov = try r.bool("nesterov", default: false)
        projection = try AdamP(["eps": .number(eps), "delta": .number(delta), "wd_ratio": .number(wdRatio)])
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if buffers.isEmpty { buffers = zeros(like: parameters) }
        for p in parameters.indices {
            var direction = [Double](repeating: 0, count: parameters[p].count)
            for i in parameters[p].scalars.indices {
                let g = gradients[p].scalars[i]
                let b = add(buffers[p][i] * momentum, g, alpha: 1 - dampening)
                buffers[p][i] = b
                direction[i] = nesterov ? g + momentum * b : b
            }
            var ratio = 1.0
            if parameters[p].shape.count > 1 {
                ratio = projection.project(&direction, parameters[p], gradients[p])
            }
            let decay = 1 - learningRate * weightDecay * ratio / (1 - momentum)
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                if weightDecay != 0 { theta *= decay }
                parameters[p].scalars[i] = add(theta, direction[i], alpha: -learningRate)
            }
        }
    }
}
