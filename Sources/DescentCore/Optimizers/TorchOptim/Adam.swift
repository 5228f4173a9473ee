/// Adam, as `torch.optim.Adam` (with `amsgrad`, L2 or decoupled weight decay, `maximize`).
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ, or θ ← θ(1 − γλ) if decoupled
///     m ← β₁m + (1 − β₁)g   (torch: m.lerp(g, 1 − β₁))
///     v ← β₂v + (1 − β₂)g²
///     v̂max ← max(v̂max, v) if amsgrad
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015; AMSGrad: Reddi et al.,
/// "On the Convergence of Adam and Beyond", ICLR 2018. ε is added after the bias correction of
/// √v, as PyTorch does (TensorFlow adds ε̂ before it); √v is torch's tensor root (`torchSqrt`).
public struct Adam: Optimizer {
    public static let info = OptimizerInfo(
        name: "Adam", year: 2014,
        paper: "Kingma & Ba, Adam: A Method for Stochastic Optimization, ICLR 2015",
        reference: "torch.optim.Adam")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var amsgrad: Bool
    public var maximize: Bool
    public var decoupledWeightDecay: Bool
    public var state = AdamState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        try self.init(&r, decoupledWeightDecay: nil, weightDecayDefault: 0)
    }

    /// Shared with AdamW, which is Adam with decoupled weight decay 0.01 by default. A fixed
    /// `decoupledWeightDecay` is not read as a key: torch's AdamW has no such argument.
    init(_ r: inout HyperparameterReader, decoupledWeightDecay fixed: Bool?, weightDecayDefault: Double) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: weightDecayDefault, .nonNegative)
        amsgrad = try r.bool("amsgrad", default: false)
        maximize = try r.bool("maximize", default: false)
        if let fixed { decoupledWeightDecay = fixed }
        else { decoupledWeightDecay = try r.bool("decoupled_weight_decay", default: false) }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters, maxSecondMoment: amsgrad)
        state.step += 1
        let t = Double(state.step)
        let bias1 = 1 - Double.pow(beta1, t)
        let bias2Sqrt = Double.pow(1 - Double.pow(beta2, t), 0.5)   // torch: `bias_correction2**0.5`
        let stepSize = learningRate / bias1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate, decoupled: decoupledWeightDecay)
                let (m, v) = state.updateMoments(p, i, g, beta1, beta2)
                var vUsed = v
                if amsgrad {
                    vUsed = maximum(state.maxExpAvgSq[p][i], v)
                    state.maxExpAvgSq[p][i] = vUsed
                }
                let denom = torchSqrt(vUsed) / bias2Sqrt + eps
                parameters[p].scalars[i] = addcdiv(theta, m, denom, value: -stepSize)
            }
        }
    }
}

/// Adam's per-parameter state (torch's names): step count, first and second moments, and
/// the running maximum of the second moment for AMSGrad.
public struct AdamState: Sendable, Hashable {
    public var step = 0
    public var expAvg: [[Double]] = []
    public var expAvgSq: [[Double]] = []
    public var maxExpAvgSq: [[Double]] = []

    mutating func prepare(like parameters: [Tensor], maxSecondMoment: Bool) {
        guard expAvg.isEmpty else { return }
        expAvg = zeros(like: parameters)
        expAvgSq = zeros(like: parameters)
        if maxSecondMoment { maxExpAvgSq = zeros(like: parameters) }
    }

    /// torch's moment updates of coordinate `i` of parameter `p`, shared by Adam, NAdam and
    /// RAdam: `m.lerp_(g, 1 − β₁)` and `v.mul_(β₂).addcmul_(g, g, value=1 − β₂)`; returns both.
    mutating func updateMoments(_ p: Int, _ i: Int, _ g: Double, _ beta1: Double, _ beta2: Double) -> (m: Double, v: Double) {
        let m = lerp(expAvg[p][i], g, 1 - beta1)
        let v = addcmul(expAvgSq[p][i] * beta2, g, g, value: 1 - beta2)
        expAvg[p][i] = m
        expAvgSq[p][i] = v
        return (m, v)
    }
}
