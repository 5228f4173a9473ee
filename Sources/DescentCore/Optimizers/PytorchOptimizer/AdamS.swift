/// AdamS (Adam with stable weight decay), as `pytorch_optimizer.AdamS`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ if not weight_decouple
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  v̂ ← max(v̂, v) if ams_bound, else v̂ = v
///     s ← Σ_tensors (Σ v̂)/(1 − β₂ᵗ);  μ ← s / n          (over every parameter: n elements in all)
///     then, for every tensor:
///     θ ← θ·(1 − γλ/(√μ + ε)) if weight_decouple        (λ instead of γλ if fixed_decay)
///     θ ← θ − (γ/(1 − β₁ᵗ))·m / (√(v̂/(1 − β₂ᵗ)) + ε)
///
/// Xie et al., "On the Overlooked Pitfalls of Weight Decay and How to Mitigate Them: A Gradient-Norm
/// Perspective" (Adam with Stable Weight Decay), NeurIPS 2023 (arXiv 2020). Follows pytorch_optimizer
/// 4.1.0's default foreach path: two passes, the decay's ratio from the mean of the bias-corrected
/// second moments over all parameters. Weight decay defaults to 1e-4. √ is torch's tensor root
/// (`torchSqrt`).
public struct AdamS: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var amsBound: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(1e-4, decouple: true), foreach: true)
        amsBound = try r.bool("ams_bound", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        state.step += 1
        let bias1 = biasCorrection(beta1, step: state.step)
        let bias2 = biasCorrection(beta2, step: state.step)
        let lambda = weightDecay.coefficient
        // Pass 1: the moments, and the sum of the bias-corrected second moments.
        var total = 0.0
        var count = 0
        for p in parameters.indices {
            var sumHat = 0.0
            for i in parameters[p].scalars.indices {
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                if weightDecay.form == .l2, lambda != 0 { g = add(g, parameters[p].scalars[i], alpha: lambda) }
                let (_, v) = state.slots[p][i].update(g, beta1: beta1, beta2: beta2)
                sumHat += amsBound ? state.slots[p][i].updateMaximum(v) : v
            }
            total += sumHat / bias2
            count += parameters[p].count
        }
        // Pass 2: the decay scaled by 1/(√mean + ε), then Adam's step.
        let meanRoot = torchSqrt(total / Double(count)) + eps
        let decay = lambda * (weightDecay.form == .decoupledFixed ? 1 : learningRate)
        let factor = 1 - decay / meanRoot
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                if weightDecay.form != .l2, lambda > 0 { theta *= factor }
                let moments = state.slots[p][i]
                let d = torchSqrt((amsBound ? moments.maxExpAvgSq : moments.expAvgSq) / bias2) + eps
                parameters[p].scalars[i] = addcdiv(theta, moments.expAvg, d, value: -(learningRate / bias1))
            }
        }
    }
}
