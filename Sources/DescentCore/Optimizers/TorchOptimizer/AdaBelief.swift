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
public struct AdaBelief: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var amsgrad: Bool
    public var rectify: Bool
    /// The step count and each coordinate's m, s and ŝ (torch_optimizer's `exp_avg`,
    /// `exp_avg_var`, `max_exp_avg_var`, here `expAvg`, `expAvgSq`, `maxExpAvgSq`).
    public var state = CoordinateState<Moments<MulAddRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r)
        amsgrad = try r.bool("amsgrad", default: false)
        let decouple = try r.bool("weight_decouple", default: false)
        let fixed = try r.bool("fixed_decay", default: false)
        adam.weightDecay.form = !decouple ? .l2 : fixed ? .decoupledFixed : .decoupled
        rectify = try r.bool("rectify", default: false)
    }

    /// √(1 − β₂ᵗ), and the step size γr/(1 − β₁ᵗ) (r = 1 without rectify), nil for the SGD-style step.
    public typealias Coefficients = (bias2Sqrt: Double, stepSize: Double?)

    public func coefficients(step: Int) -> Coefficients {
        let bias1 = biasCorrection(beta1, step: step)
        let bias2Sqrt = biasCorrection(beta2, step: step).squareRoot()
        guard rectify else { return (bias2Sqrt, learningRate / bias1) }
        let rhoInf = 2.0 / (1.0 - beta2) - 1.0
        let t = Double(step)
        let b2t = pythonPow(beta2, t)
        let rhoT = rhoInf - 2 * t * b2t / (1.0 - b2t)
        guard rhoT > 4 else { return (bias2Sqrt, nil) }
        let rt = (rhoT - 4.0) * (rhoT - 2.0) * rhoInf / (rhoInf - 4.0) / (rhoInf - 2.0) / rhoT
        return (bias2Sqrt, rt.squareRoot() * learningRate / bias1)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<MulAddRounding>, _ c: Coefficients) {
        let m = moments.updateFirst(g, beta1: beta1)
        let residual = g - m
        var s = addcmul(moments.expAvgSq * beta2, residual, residual, value: 1 - beta2)
        let sUsed: Double
        if amsgrad {
            moments.maxExpAvgSq = maximum(moments.maxExpAvgSq, s) + eps
            sUsed = moments.maxExpAvgSq
        } else {
            s += eps
            sUsed = s
        }
        moments.expAvgSq = s
        if let stepSize = c.stepSize {
            theta = addcdiv(theta, m, torchSqrt(sUsed) / c.bias2Sqrt + eps, value: -stepSize)
        } else {
            theta = add(theta, m, alpha: -learningRate)
        }
    }
}
