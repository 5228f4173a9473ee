/// RAdam, as `torch.optim.RAdam`: Adam whose adaptive step is rectified by the variance of
/// the second-moment estimate, and plain momentum SGD while that variance is intractable.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ, or θ ← θ(1 − γλ) if decoupled
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  m̂ ← m / (1 − β₁ᵗ)
///     ρ∞ ← 2/(1 − β₂) − 1;  ρₜ ← ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
///     if ρₜ > 5:  r ← √((ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ));  l ← √(1 − β₂ᵗ) / (√v + ε)
///                 θ ← θ − γ m̂ l r
///     else:       θ ← θ − γ m̂
///
/// Liu et al., "On the Variance of the Adaptive Learning Rate and Beyond", ICLR 2020 (arXiv
/// 2019). torch's threshold (ρₜ > 5, the paper has ρₜ > 4) and its rounding are followed:
/// r and √(1 − β₂ᵗ) are Python `** 0.5` (C `pow`), l is `(1/(√v + ε)) · √(1 − β₂ᵗ)` (a tensor
/// under a number divides as reciprocal then product), and the step is
/// `((m̂ · γ) · l) · r`, subtracted from θ. √v is torch's tensor root (`torchSqrt`), not the IEEE
/// one: on Rosenbrock from (−2, 2) at lr 0.1 a single IEEE root at step 137 grows to 1.9e-4.
public struct RAdam: Optimizer {
    public static let info = OptimizerInfo(
        name: "RAdam", year: 2019,
        paper: "Liu et al., On the Variance of the Adaptive Learning Rate and Beyond, ICLR 2020",
        reference: "torch.optim.RAdam")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var decoupledWeightDecay: Bool
    public var maximize: Bool
    /// torch's state: step count and the two moments, as Adam's.
    public var state = AdamState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        decoupledWeightDecay = try r.bool("decoupled_weight_decay", default: false)
        maximize = try r.bool("maximize", default: false)
    }

    /// torch's rectification threshold on ρₜ.
    static let rectificationThreshold = 5.0

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters, maxSecondMoment: false)
        state.step += 1
        let t = Double(state.step)
        let bias1 = 1 - Double.pow(beta1, t)
        let bias2 = 1 - Double.pow(beta2, t)
        let rhoInf = 2 / (1 - beta2) - 1
        let rhoT = rhoInf - 2 * t * Double.pow(beta2, t) / bias2
        let rectified = rhoT > Self.rectificationThreshold
        let rect = rectified
            ? Double.pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5) : 1
        let bias2Sqrt = Double.pow(bias2, 0.5)
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate, decoupled: decoupledWeightDecay)
                let (m, v) = state.updateMoments(p, i, g, beta1, beta2)
                var update = m / bias1 * learningRate
                if rectified {
                    let adaptive = (1 / (torchSqrt(v) + eps)) * bias2Sqrt
                    update = update * adaptive * rect
                }
                parameters[p].scalars[i] = theta - update
            }
        }
    }
}
