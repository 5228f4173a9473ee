import DescentBase

/// Ano (sign of the momentum, magnitude of the gradient), as `pytorch_optimizer.Ano`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g            (β₁ ← 1 − 1/ln(max(2, t)) if logarithmic_schedule)
///     v ← β₂v + (1 − β₂)·sign(g² − v)·g²
///     θ ← θ − γ·|g|·sign(m) / (√(v/(1 − β₂ᵗ)) + ε)
///
/// Kegreisz, "Ano: Faster is Better in Noisy Landscape", arXiv 2025. Follows pytorch_optimizer
/// 4.1.0 (default foreach path). √ is torch's tensor root (`torchSqrt`); ln is Python's `math.log`.
public struct Ano: ElementwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var logarithmicSchedule: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1e-4, betas: (0.92, 0.99), weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        logarithmicSchedule = try r.bool("logarithmic_schedule", default: false)
    }

    /// β₁ of the step and 1 − β₂ᵗ.
    public func coefficients(step: Int) -> (beta1: Double, bias2: Double) {
        let b1 = logarithmicSchedule ? 1 - 1 / LibM.log(Double(max(2, step))) : beta1
        return (b1, biasCorrection(beta2, step: step))
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (beta1: Double, bias2: Double)) {
        let m = moments.updateFirst(g, beta1: c.beta1)
        let square = g * g
        let v = addcmul(moments.expAvgSq * beta2, sign(square - moments.expAvgSq), square, value: 1 - beta2)
        moments.expAvgSq = v
        theta = addcdiv(theta, g.magnitude * sign(m), torchSqrt(v / c.bias2) + eps, value: -learningRate)
    }
}
