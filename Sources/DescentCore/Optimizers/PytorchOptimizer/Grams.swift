/// Grams (Gradient Descent with Adaptive Momentum Scaling), as `pytorch_optimizer.Grams`.
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²
///     u ← |(m / (1 − β₁ᵗ)) / (√v / √(1 − β₂ᵗ) + ε)| · sign(g)
///     θ ← θ(1 − γλ) (decoupled);  θ ← θ − γu
///
/// Cao et al., "Grams: Gradient Descent with Adaptive Momentum Scaling", 2024. Follows
/// pytorch_optimizer 4.1.0; its coupled weight decay (`weight_decouple: false`) is added to the
/// gradient after the update direction was computed, so it has no effect (reproduced).
/// √v is torch's tensor root (`torchSqrt`).
public struct Grams: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ is decoupled, or, when `weight_decouple` is false, `.inUpdate` and
    /// never applied (it has no effect).
    public var adam: AdamHyperparameters
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(
            &r, weightDecay: .decouple(0, default: true, decoupled: .decoupled, coupled: .inUpdate), eps: 1e-6, foreach: false)
    }

    /// 1 − β₁ᵗ and √(1 − β₂ᵗ).
    public func coefficients(step: Int) -> (bias1: Double, bias2Sqrt: Double) {
        (biasCorrection(beta1, step: step), biasCorrection(beta2, step: step).squareRoot())
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ c: (bias1: Double, bias2Sqrt: Double)) {
        let (m, v) = moments.update(g, beta1: beta1, beta2: beta2)
        let u = ((m / c.bias1) / (torchSqrt(v) / c.bias2Sqrt + eps)).magnitude * sign(g)
        theta = add(theta, u, alpha: -learningRate)
    }
}
