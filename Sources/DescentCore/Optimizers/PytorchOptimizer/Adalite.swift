/// Adalite (Adam with a trust ratio and a centred second moment), as `pytorch_optimizer.Adalite`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ if not weight_decouple
///     g ← g·max(‖θ‖ / max(‖g‖, g_norm_min), ratio_min)      (the trust ratio, when the dimensions sum to 2+)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)(g − m)²     (with the new m)
///     u ← (β₁m + (1 − β₁)g) / √(v/(1 − β₂ᵗ) + ε₁)
///     θ ← θ(1 − γλ) if weight_decouple (1 − λ if fixed_decay);  θ ← θ − γu
///
/// No paper: Vatsa, github.com/VatsaDev/adalite (2024). Follows pytorch_optimizer 4.1.0 for vectors;
/// its factored second moment (and so `tau`, `eps2`) is for matrices only, which a point never is.
/// Weight decay defaults to 0.01, decoupled. √ is torch's tensor root (`torchSqrt`).
public struct Adalite: TensorwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    /// The decay as read; decoupled decay runs after the trust ratio (`weightDecay` is then `.inUpdate`).
    public var decay: WeightDecay
    public var gNormMin: Double
    public var ratioMin: Double
    public var tau: Double
    public var eps1: Double
    public var eps2: Double
    public var maximize: Bool
    /// Each coordinate's `m_avg` and `v_avg`.
    public var state = CoordinateState<Moments<LerpRounding>>()

    public var weightDecay: WeightDecay { decay.form == .l2 ? decay : WeightDecay(decay.coefficient, .inUpdate) }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        decay = try WeightDecay(pytorchOptimizer: &r, default: 0.01, decouple: true)
        gNormMin = try r.double("g_norm_min", default: 1e-10)
        ratioMin = try r.double("ratio_min", default: 1e-4)
        tau = try r.double("tau", default: 1)
        eps1 = try r.double("eps1", default: 1e-6, .nonNegative)
        eps2 = try r.double("eps2", default: 1e-10, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    /// 1 − β₂ᵗ.
    public func coefficients(step: Int) -> Double { biasCorrection(beta2, step: step) }

    public func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor _: Int, _ bias2: Double) {
        var g = g
        if g.count > 1 {
            let ratio = Swift.max(PytorchOptimizer.norm(theta) / Swift.max(PytorchOptimizer.norm(g), gNormMin), ratioMin)
            g = g.map { $0 * ratio }
        }
        var unused = g
        for i in theta.indices {
            let m = moments[i].updateFirst(g[i], beta1: beta1)
            let d = g[i] - m
            moments[i].expAvgSq = lerp(moments[i].expAvgSq, d * d, 1 - beta2)
            let u = lerp(m, g[i], 1 - beta1) / torchSqrt(moments[i].expAvgSq / bias2 + eps1)
            if decay.form != .l2 { decay.apply(&theta[i], &unused[i], lr: learningRate) }
            theta[i] = add(theta[i], u, alpha: -learningRate)
        }
    }
}
