/// NAdam, as `torch.optim.NAdam`: Adam with Nesterov momentum and a warming momentum schedule.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ, or θ ← θ(1 − γλ) if decoupled
///     μₜ ← β₁(1 − ½·0.96^(tψ)),  μₜ₊₁ ← β₁(1 − ½·0.96^((t+1)ψ))      (momentum_decay ψ)
///     Πₜ ← Πₜ₋₁ · μₜ   (the `mu_product` state, Π₀ = 1)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     d ← √(v / (1 − β₂ᵗ)) + ε
///     θ ← θ − γ(1 − μₜ)/(1 − Πₜ) · g/d − γμₜ₊₁/(1 − Πₜμₜ₊₁) · m/d
///
/// Dozat, "Incorporating Nesterov Momentum into Adam", ICLR 2016 workshop; decoupled weight
/// decay (NAdamW): Loshchilov & Hutter, ICLR 2019. torch's formula is followed: the moment
/// m is averaged with β₁ (not μₜ) and the two parts of the step are added to θ one after the
/// other, each rounded, as torch's two `addcdiv_`; the root is torch's tensor `sqrt` (`torchSqrt`).
public struct NAdam: Optimizer {
    public static let info = OptimizerInfo(
        name: "NAdam", year: 2016,
        paper: "Dozat, Incorporating Nesterov Momentum into Adam, ICLR 2016 Workshop",
        reference: "torch.optim.NAdam")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var momentumDecay: Double
    public var decoupledWeightDecay: Bool
    public var maximize: Bool
    /// torch's state: step count and the two moments, as Adam's …
    public var state = AdamState()
    /// … and `mu_product`, the product of the μₜ so far (1 before the first step).
    public var muProduct = 1.0

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 2e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        momentumDecay = try r.double("momentum_decay", default: 4e-3, .nonNegative)
        decoupledWeightDecay = try r.bool("decoupled_weight_decay", default: false)
        maximize = try r.bool("maximize", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters, maxSecondMoment: false)
        state.step += 1
        let t = Double(state.step)
        let bias2 = 1 - Double.pow(beta2, t)
        let mu = beta1 * (1.0 - 0.5 * Double.pow(0.96, t * momentumDecay))
        let muNext = beta1 * (1.0 - 0.5 * Double.pow(0.96, (t + 1) * momentumDecay))
        muProduct *= mu
        let muProductNext = muProduct * muNext
        let gradStep = -learningRate * (1.0 - mu) / (1.0 - muProduct)
        let momentumStep = -learningRate * muNext / (1.0 - muProductNext)
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate, decoupled: decoupledWeightDecay)
                let (m, v) = state.updateMoments(p, i, g, beta1, beta2)
                let denom = torchSqrt(v / bias2) + eps
                theta = addcdiv(theta, g, denom, value: gradStep)
                parameters[p].scalars[i] = addcdiv(theta, m, denom, value: momentumStep)
            }
        }
    }
}
