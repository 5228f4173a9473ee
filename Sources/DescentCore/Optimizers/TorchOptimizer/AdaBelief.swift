/// AdaBelief: Adam whose second moment tracks the "belief" (g − m)² instead of g², as
/// `torch_optimizer.AdaBelief` (with AMSGrad, decoupled or fixed weight decay, rectification).
///
///     g ← ∇f(θ);  g ← g + λθ, or θ ← θ(1 − γλ) if weight_decouple (θ(1 − λ) if fixed_decay)
///     m ← β₁m + (1 − β₁)g
///     s ← β₂s + (1 − β₂)(g − m)²;  s ← s + ε          (stored back: ε accumulates in s)
///     ŝ ← max(ŝ, s);  ŝ ← ŝ + ε if amsgrad            (stored back likewise)
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√s / √(1 − β₂ᵗ) + ε)
///     rectify: with ρ∞ = 2/(1 − β₂) − 1, ρₜ = ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ): if ρₜ > 4, the step is scaled
///              by r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ)), else θ ← θ − γm (SGD-style)
///
/// Zhuang, Tang, Ding, Tatikonda, Dvornek, Papademetris & Duncan, "AdaBelief Optimizer:
/// Adapting Stepsizes by the Belief in Observed Gradients", NeurIPS 2020. Follows
/// torch_optimizer 0.3.0, including its quirk of adding ε to the stored s (or ŝ) in place at
/// every step.
public struct AdaBelief: Optimizer {
    public static let info = OptimizerInfo(
        name: "AdaBelief", year: 2020,
        paper: "Zhuang et al., AdaBelief Optimizer: Adapting Stepsizes by the Belief in Observed Gradients, NeurIPS 2020",
        reference: "torch_optimizer.AdaBelief")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var amsgrad: Bool
    public var weightDecouple: Bool
    public var fixedDecay: Bool
    public var rectify: Bool
    public var state = MomentState()
    /// The running maximum of s (amsgrad).
    public var maxExpAvgVar: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        amsgrad = try r.bool("amsgrad", default: false)
        weightDecouple = try r.bool("weight_decouple", default: false)
        fixedDecay = try r.bool("fixed_decay", default: false)
        rectify = try r.bool("rectify", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters)
        if amsgrad && maxExpAvgVar.isEmpty { maxExpAvgVar = zeros(like: parameters) }
        let (bias1, bias2) = state.advance(beta1: beta1, beta2: beta2)
        let bias2Sqrt = bias2.squareRoot()
        // The rectified update's scale, or nil for the SGD-style step.
        var scale: Double? = 1
        if rectify {
            let rhoInf = 2.0 / (1.0 - beta2) - 1.0
            let t = Double(state.step)
            let b2t = Double.pow(beta2, t)
            let rhoT = rhoInf - 2 * t * b2t / (1.0 - b2t)
            if rhoT > 4 {
                let rt = (rhoT - 4.0) * (rhoT - 2.0) * rhoInf / (rhoInf - 4.0) / (rhoInf - 2.0) / rhoT
                scale = rt.squareRoot()
            } else {
                scale = nil
            }
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                if weightDecouple {
                    theta *= fixedDecay ? 1.0 - weightDecay : 1.0 - learningRate * weightDecay
                } else if weightDecay != 0 {
                    g = add(g, theta, alpha: weightDecay)
                }
                let m = state.updateFirstMoment(p, i, gradient: g, beta1: beta1)
                let residual = g - m
                var s = addcmul(state.expAvgSq[p][i] * beta2, residual, residual, value: 1 - beta2)
                var sUsed: Double
                if amsgrad {
                    let sMax = maximum(maxExpAvgVar[p][i], s) + eps
                    maxExpAvgVar[p][i] = sMax
                    sUsed = sMax
                } else {
                    s += eps
                    sUsed = s
                }
                state.expAvgSq[p][i] = s
                let denom = torchSqrt(sUsed) / bias2Sqrt + eps
                if let scale {
                    let stepSize = rectify ? scale * learningRate / bias1 : learningRate / bias1
                    theta = addcdiv(theta, m, denom, value: -stepSize)
                } else {
                    theta = add(theta, m, alpha: -learningRate)
                }
                parameters[p].scalars[i] = theta
            }
        }
    }
}
