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
public struct Adai: Optimizer {
    public static let info = OptimizerInfo(
        name: "Adai", year: 2020,
        paper: "Xie et al., Adaptive Inertia: Disentangling the Effects of Adaptive Learning Rate and Momentum, ICML 2022",
        reference: "pytorch_optimizer.Adai")

    public var learningRate: Double
    public var beta0: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var stableWeightDecay: Bool
    public var dampening: Double
    public var eps: Double
    public var maximize: Bool
    public var useGC: Bool
    public var state = AdamState()
    /// The running product of β₁ (`beta1_prod`) of each parameter, ones at the start.
    public var beta1Prod: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta0, beta2) = try r.pair("betas", default: (0.1, 0.99), (.unitHalfOpen, .unitHalfOpen))
        weightDecay = try WeightDecay(&r, default: 0, decouple: false)
        stableWeightDecay = try r.bool("stable_weight_decay", default: false)
        dampening = try r.double("dampening", default: 1)
        eps = try r.double("eps", default: 1e-3, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        useGC = try r.bool("use_gc", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(like: parameters, maxSecondMoment: false)
        if beta1Prod.isEmpty { beta1Prod = parameters.map { [Double](repeating: 1, count: $0.count) } }
        state.step += 1
        let bias2 = PytorchOptimizer.debias(beta2, state.step)
        var thetas = parameters.map(\.scalars)
        var grads = gradients.map { PytorchOptimizer.gradient($0, maximize: maximize) }
        var hatSum = 0.0
        var count = 0
        for p in parameters.indices {
            if !stableWeightDecay {
                weightDecay.apply(&thetas[p], &grads[p], lr: learningRate)
            }
            for i in grads[p].indices {
                state.expAvgSq[p][i] = addcmul(state.expAvgSq[p][i] * beta2, grads[p][i], grads[p][i], value: 1 - beta2)
            }
            hatSum += sum(state.expAvgSq[p]) / bias2
            count += grads[p].count
        }
        let hatMean = max(hatSum / Double(count), eps)
        let exponent = 1 / (3 - 2 * dampening)
        let scale = Double.pow(beta0, 1 - dampening)
        for p in parameters.indices {
            if stableWeightDecay {
                weightDecay.apply(&thetas[p], &grads[p], lr: learningRate)
            }
            for i in grads[p].indices {
                let ratio = PytorchOptimizer.pow(state.expAvgSq[p][i] / bias2 / hatMean, exponent) * beta0
                let beta1 = min(max(1 - ratio, 0), 1 - eps)
                let beta3 = PytorchOptimizer.pow(1 - beta1, dampening)
                beta1Prod[p][i] *= beta1
                state.expAvg[p][i] = addcmul(state.expAvg[p][i] * beta1, beta3, grads[p][i], value: 1)
                let update = (state.expAvg[p][i] / (1 - beta1Prod[p][i])) * scale
                thetas[p][i] = add(thetas[p][i], update, alpha: -learningRate)
            }
            parameters[p].scalars = thetas[p]
        }
    }
}
