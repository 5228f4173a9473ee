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
public struct RAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    /// torch's state: step count and each coordinate's moments, as Adam's.
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(0, .l2), foreach: nil)
        let decoupled = try r.bool("decoupled_weight_decay", default: false)
        adam.weightDecay.form = decoupled ? .decoupled : .l2
    }

    /// torch's rectification threshold on ρₜ.
    static let rectificationThreshold = 5.0

    /// 1 − β₁ᵗ, √(1 − β₂ᵗ), and the rectification r (nil while ρₜ ≤ 5).
    public typealias Coefficients = (bias1: Double, bias2Sqrt: Double, rect: Double?)

    public func coefficients(step: Int) -> Coefficients {
        let t = Double(step)
        let bias2 = biasCorrection(beta2, step: step)
        let rhoInf = 2 / (1 - beta2) - 1
        let rhoT = rhoInf - 2 * t * pythonPow(beta2, t) / bias2
        let rect = rhoT > Self.rectificationThreshold
            ? pythonPow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5) : nil
        return (biasCorrection(beta1, step: step), pythonPow(bias2, 0.5), rect)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: Coefficients) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        var update = m / c.bias1 * learningRate
        if let rect = c.rect {
            let adaptive = (1 / (torchSqrt(v) + eps)) * c.bias2Sqrt
            update = update * adaptive * rect
        }
        theta -= update
    }
}
