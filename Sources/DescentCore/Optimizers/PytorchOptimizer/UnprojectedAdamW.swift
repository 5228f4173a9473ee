/// The AdamW that GaLore and Fira run on every tensor they do not project (pytorch_optimizer's
/// `update_unprojected_foreach`) — every vector, so every Descent point:
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← β₁m + (1 − β₁)g (lerp);  v ← β₂v + (1 − β₂)g²
///     θ ← θ − s·m/(√v + ε),  s = γ·√(1 − β₂ᵗ)/(1 − β₁ᵗ)
///     θ ← θ(1 − λγ)                       (decoupled, after the update)
///
/// The two libraries' classes give the same trajectory here, so one type serves both, told
/// apart by `Variant` (each specialisation has its own registry entry). Default ε is 1e-6; √ is torch's tensor root
/// (`torchSqrt`).
public struct UnprojectedAdamW<Variant: UnprojectedAdamWVariant>: ElementwiseOptimizer, AdamFamilyOptimizer {

    /// λ, decoupled and applied after the update (so its form is `.inUpdate`).
    public var adam: AdamHyperparameters
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(0, .inUpdate), eps: 1e-6, foreach: true)
    }

    /// The step size s.
    public func coefficients(step t: Int) -> Double {
        PytorchOptimizer.unprojectedAdamWStepSize(lr: learningRate, beta1: beta1, beta2: beta2, step: t)
    }

    public func update(_ theta: inout Double, _ g: Double, _ moments: inout Moments<LerpRounding>, _ stepSize: Double) {
        PytorchOptimizer.unprojectedAdamW(
            &theta, g, &moments, beta1: beta1, beta2: beta2, eps: eps,
            stepSize: stepSize, lr: learningRate, weightDecay: weightDecay.coefficient)
    }
}

/// Which library class an `UnprojectedAdamW` stands for: a marker type, so that each has its
/// own type and so its own registry entry.
public protocol UnprojectedAdamWVariant: Sendable {}
