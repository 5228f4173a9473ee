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
public struct NAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var momentumDecay: Double
    /// torch's state: step count and each coordinate's moments, as Adam's …
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// … and `mu_product`, the product of the μₜ so far (1 before the first step).
    public var muProduct = 1.0

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 2e-3, weightDecay: .coefficient(0, .l2), foreach: nil)
        momentumDecay = try r.double("momentum_decay", default: 4e-3, .nonNegative)
        let decoupled = try r.bool("decoupled_weight_decay", default: false)
        adam.weightDecay.form = decoupled ? .decoupled : .l2
    }

    public typealias Coefficients = (bias2: Double, gradStep: Double, momentumStep: Double)

    /// μₜ and μₜ₊₁, Πₜ (stored), and the two step sizes.
    public mutating func coefficients(step: Int) -> Coefficients {
        let t = Double(step)
        let mu = beta1 * (1.0 - 0.5 * pythonPow(0.96, t * momentumDecay))
        let muNext = beta1 * (1.0 - 0.5 * pythonPow(0.96, (t + 1) * momentumDecay))
        muProduct *= mu
        let muProductNext = muProduct * muNext
        return (biasCorrection(beta2, step: step),
                -learningRate * (1.0 - mu) / (1.0 - muProduct),
                -learningRate * muNext / (1.0 - muProductNext))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: Coefficients) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        let denom = torchSqrt(v / c.bias2) + eps
        theta = addcdiv(theta, g, denom, value: c.gradStep)
        theta = addcdiv(theta, m, denom, value: c.momentumStep)
    }
}
