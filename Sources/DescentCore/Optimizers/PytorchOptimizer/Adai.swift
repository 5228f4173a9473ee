/// Adai (Adaptive Inertia), as `pytorch_optimizer.Adai`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///                                        (after the v̄ statistics below if stable_weight_decay)
///     v ← β₂v + (1 − β₂)g²;  v̂ = v/(1 − β₂ᵗ);  v̄ = max(mean over all elements of v̂, ε)
///     β₁ ← clamp(1 − β₀·(v̂/v̄)^(1/(3 − 2δ)), 0, 1 − ε);  β₃ ← (1 − β₁)^δ      (elementwise)
///     Π ← Π·β₁;  m ← β₁m + β₃g
///     θ ← θ − γ·β₀^(1 − δ)·m/(1 − Π)                   (betas = (β₀, β₂), dampening δ)
///
/// Xie et al., "Adaptive Inertia: Disentangling the Effects of Adaptive Learning Rate and
/// Momentum", ICML 2022 (arXiv 2020). Follows pytorch_optimizer 4.1.0 (foreach path; the mean
/// of v̂ is `Σ_params(Σ v / (1 − β₂ᵗ)) / n`, and tensor powers as torch special-cases them).
/// `use_gc` only touches tensors of two or more dimensions: accepted, no effect on a point.
public struct Adai: Optimizer, AdamFamilyOptimizer {
    /// `betas` = (β₀, β₂): `adam.beta1` is β₀ (β₁ is computed per coordinate in the update).
    public var adam: AdamHyperparameters
    public var stableWeightDecay: Bool
    public var dampening: Double
    public var useGC: Bool
    /// The step count and each coordinate's state.
    public var state = CoordinateState<Slot>()

    /// One coordinate's moments and running product of β₁ (`beta1_prod`, 1 at the start).
    public struct Slot: Sendable, Hashable {
        public var expAvg = 0.0
        public var expAvgSq = 0.0
        public var beta1Prod = 1.0
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, betas: (0.1, 0.99), weightDecay: .pytorchOptimizer(0, decouple: false), eps: 1e-3, foreach: true)
        stableWeightDecay = try r.bool("stable_weight_decay", default: false)
        dampening = try r.double("dampening", default: 1)
        useGC = try r.bool("use_gc", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Slot() }
        state.step += 1
        let beta0 = adam.beta1
        let bias2 = biasCorrection(beta2, step: state.step)
        var thetas = parameters.map(\.scalars)
        var grads = gradients.map { PytorchOptimizer.gradient($0, maximize: maximize) }
        var hatSum = 0.0
        var count = 0
        for p in parameters.indices {
            if !stableWeightDecay {
                weightDecay.apply(&thetas[p], &grads[p], lr: learningRate)
            }
            for i in grads[p].indices {
                state.slots[p][i].expAvgSq = addcmul(state.slots[p][i].expAvgSq * beta2, grads[p][i], grads[p][i], value: 1 - beta2)
            }
            hatSum += sum(state.slots[p].map(\.expAvgSq)) / bias2
            count += grads[p].count
        }
        let hatMean = max(hatSum / Double(count), eps)
        let exponent = 1 / (3 - 2 * dampening)
        let scale = pythonPow(beta0, 1 - dampening)
        for p in parameters.indices {
            if stableWeightDecay {
                weightDecay.apply(&thetas[p], &grads[p], lr: learningRate)
            }
            for i in grads[p].indices {
                let ratio = tensorPow(state.slots[p][i].expAvgSq / bias2 / hatMean, exponent) * beta0
                let beta1 = min(max(1 - ratio, 0), 1 - eps)
                let beta3 = tensorPow(1 - beta1, dampening)
                state.slots[p][i].beta1Prod *= beta1
                state.slots[p][i].expAvg = addcmul(state.slots[p][i].expAvg * beta1, beta3, grads[p][i], value: 1)
                let update = (state.slots[p][i].expAvg / (1 - state.slots[p][i].beta1Prod)) * scale
                thetas[p][i] = add(thetas[p][i], update, alpha: -learningRate)
            }
            parameters[p].scalars = thetas[p]
        }
    }
}
