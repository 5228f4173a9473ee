import DescentBase

/// Simplified AdEMAMix, as `pytorch_optimizer.SimplifiedAdEMAMix`.
///
///     β₁ₜ = β₁, or during the first `beta1_warmup` steps the half-life warm-up from `min_beta1`:
///           f(β) = ln ½/ln(β + 10⁻⁸) − 1,  a = t/warmup,  β₁ₜ = ½^(1/((1 − a)f(β_min) + a·f(β₁) + 1))
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled, the default) or g ← g + λθ
///     m ← β₁ₜm + (1 − β₁ₜ)g                       (torch: m.lerp(g, 1 − β₁ₜ))
///     v ← β₂v + (1 − β₂)g²
///     D ← β₂D + (1 − β₂) (D₀ = 0, Python floats);  s = float32(√D)
///     u ← ((m + αg)/(√v + float32(s·ε)))/s;  θ ← θ − γu
///
/// s is a float32 tensor in the reference's foreach path (`torch.tensor(den_sums, dtype=float32)`),
/// so ε is scaled in float32 and the division is by the float32 value. Morwani et al.,
/// "Connections between Schedule-Free Optimizers, AdEMAMix, and Accelerated SGD Variants",
/// arXiv 2025. Follows pytorch_optimizer 4.1.0 (foreach path); √v is `torchSqrt`.
public struct SimplifiedAdEMAMix: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var alpha: Double
    public var beta1Warmup: Int?
    public var minBeta1: Double
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// The running denominator sum `den_sum` (the same for every parameter tensor).
    public var denSum = 0.0

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1e-4, betas: (0.99, 0.95), weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        alpha = try r.double("alpha", default: 0, .nonNegative)
        beta1Warmup = try r.optionalInt("beta1_warmup", default: nil)
        minBeta1 = try r.double("min_beta1", default: 0.9, .nonNegative)
    }

    /// `linear_hl_warmup_scheduler`: β₁ during the half-life warm-up.
    static func warmedUpBeta(step: Int, end: Double, start: Double, warmup: Int) -> Double {
        func f(_ beta: Double) -> Double { LibM.log(0.5) / LibM.log(beta + 1e-8) - 1 }
        guard step < warmup else { return end }
        let a = Double(step) / Double(warmup)
        let t = (1 - a) * f(start) + a * f(end)
        return pythonPow(0.5, 1 / (t + 1))
    }

    public typealias Coefficients = (beta1: Double, scale: Double, epsilon: Double)

    /// β₁ₜ, the float32 √D and ε·√D in float32.
    public mutating func coefficients(step: Int) -> Coefficients {
        var b1 = beta1
        if let warmup = beta1Warmup, warmup != 0 {
            b1 = Self.warmedUpBeta(step: step, end: beta1, start: minBeta1, warmup: warmup)
        }
        denSum = beta2 * denSum + (1 - beta2)
        let s = Float(denSum.squareRoot())
        return (b1, Double(s), Double(s * Float(eps)))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: Coefficients) {
        let m = moments.updateFirst(g, beta1: c.beta1)
        let v = moments.updateSecond(g, beta2: beta2)
        let d = torchSqrt(v) + c.epsilon
        let u = add(m, g, alpha: alpha) / d / c.scale
        theta = add(theta, u, alpha: -learningRate)
    }
}
