/// AdamW, as `torch.optim.AdamW`: Adam with decoupled weight decay (on by default, λ = 0.01).
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ)
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  v̂max ← max(v̂max, v) if amsgrad
///     θ ← θ − (γ / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
///
/// Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019 (arXiv 2017).
/// torch 2.15's `AdamW` is `Adam(…, decoupled_weight_decay=True)` with weight_decay 0.01 and
/// no `decoupled_weight_decay` argument; so is this type, which runs `Adam`'s step. The decay
/// uses the learning rate, θ(1 − γλ), as torch does (the paper scales λ by the schedule only).
public struct AdamW: Optimizer {
    /// The Adam that runs the steps, with decoupled weight decay fixed on.
    public var adam: Adam

    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try Adam(&r, decoupledWeightDecay: true, weightDecayDefault: 1e-2)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        adam.step(&parameters, gradients: gradients)
    }
}
