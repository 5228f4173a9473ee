/// SGD-SaI (SGD with momentum and learning rates scaled at initialisation by the gradient's
/// signal-to-noise ratio), as `pytorch_optimizer.SGDSaI`.
///
///     at the first step, per parameter tensor:  s = ‖g₁‖/(σ(g₁) + ε) for a matrix of more than one
///         row (σ torch's unbiased std), else s = ‖g₁‖ — so ‖g₁‖ for a point; s is frozen
///     g ← ∇f(θ) (negated if maximize)
///     b ← μb + (1 − μ)g  (torch: b.lerp(g, 1 − μ)) if μ > 0, else b is g itself
///     θ ← θ(1 − γλ) (weight_decouple, the default) or g ← g + λθ
///     θ ← θ − γ·(s·b)
///
/// The coupled decay is added to the gradient after the momentum took it, so with μ > 0 it
/// has no effect (with μ = 0 the buffer is the gradient and it does) — the reference's order.
/// Xu et al., "No More Adam: Learning Rate Scaling at Initialization is All You Need",
/// arXiv 2024. Follows pytorch_optimizer 4.1.0 (foreach path).
public struct SGDSaI: TensorwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    /// `weight_decay` λ, which the update applies in the reference's place.
    public var weightDecay: WeightDecay
    public var decouple: Bool
    public var eps: Double
    public var maximize: Bool
    /// Each coordinate's momentum buffer …
    public var state = CoordinateState<Double>()
    /// … and each parameter tensor's frozen scale `gsnr`.
    public var gsnr: [Double] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 1e-2, .nonNegative), .inUpdate)
        decouple = try r.bool("weight_decouple", default: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ buffer: inout [Double], tensor p: Int, _: Void) {
        // A parameter viewed as one row (any vector) has σ = 0, so its scale is the norm.
        if gsnr.count == p { gsnr.append(PytorchOptimizer.norm(g)) }
        var g = g
        if momentum > 0 { for i in g.indices { buffer[i] = lerp(buffer[i], g[i], 1 - momentum) } }
        let lambda = weightDecay.coefficient
        if lambda != 0 {
            if decouple {
                for i in theta.indices { theta[i] *= 1 - lambda * learningRate }
            } else {
                for i in g.indices { g[i] = add(g[i], theta[i], alpha: lambda) }
            }
        }
        let b = momentum > 0 ? buffer : g
        for i in theta.indices { theta[i] = add(theta[i], b[i] * gsnr[p], alpha: -learningRate) }
    }
}
