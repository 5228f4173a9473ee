/// AdamWSN (AdamW with subset-norm step sizes), as `pytorch_optimizer.AdamWSN`.
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²      (both `lerp_`: v.lerp_(g², 1 − β₂))
///     θ ← θ − (γ√(1 − β₂ᵗ)/(1 − β₁ᵗ))·m / (√v + ε)
///     θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) — after the update
///
/// Nguyen & Nguyen, "Subset-Norm and Subspace-Momentum: Faster Memory-Efficient Adaptive
/// Optimization with Convergence Guarantees", arXiv 2024. Follows pytorch_optimizer 4.1.0 (default
/// foreach path). The subset-norm second moment is switched on only by a per-group key `sn`, not a
/// constructor argument, so `subset_size` is accepted and has no effect, as in the reference; and
/// since the decay runs after the update, coupled weight decay (`weight_decouple: false`) changes
/// only an unused gradient: no effect (reproduced). √v is torch's tensor root (`torchSqrt`).
public struct AdamWSN: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// Its decay is what the reference applies after the update (`weightDecay` is its `.inUpdate` form).
    public var adam: AdamHyperparameters
    public var subsetSize: Int
    public var state = CoordinateState<Moments<LerpRounding>>()

    public var weightDecay: WeightDecay { WeightDecay(adam.weightDecay.coefficient, .inUpdate) }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        subsetSize = try r.int("subset_size", default: -1)
    }

    /// The step size γ√(1 − β₂ᵗ)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> Double {
        learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ stepSize: Double) {
        let m = moments.updateFirst(g, beta1: beta1)
        moments.expAvgSq = lerp(moments.expAvgSq, g * g, 1 - beta2)
        theta = addcdiv(theta, m, torchSqrt(moments.expAvgSq) + eps, value: -stepSize)
        var unused = g
        adam.weightDecay.apply(&theta, &unused, lr: learningRate)
    }
}
