/// AvaGrad (Adam with the step size decoupled from the adaptivity), as `pytorch_optimizer.AvaGrad`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g
///     t > 1:  θ ← θ − (γ·γₐ/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ⁻¹) + ε)   (v of the previous step)
///     v ← β₂v + (1 − β₂)g²
///     η ← √v_prev/√(1 − β₂ᵗ) + ε;  γₐ ← 1/√(‖η‖₋₂⁻² / n)      (for the next step)
///
/// Savarese et al., "Domain-independent Dominance of Adaptive Methods", CVPR 2021 (arXiv 2019).
/// Follows pytorch_optimizer 4.1.0 (foreach path), including its quirk that the learning-rate
/// statistics η use √v from before this step's update of v, and `norm(-2).pow(-2)` computed
/// as `1/(pow(Σ pow(η, −2), −½))²`. `adam_debias` drops the 1/(1 − β₁ᵗ). √v is torch's
/// tensor root (`torchSqrt`); the other roots are Python's `math.sqrt`.
public struct AvaGrad: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var adamDebias: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// The adaptive scale γₐ (`gamma`), unset before the first step.
    public var gamma: Double? = nil

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 1e-1, weightDecay: .pytorchOptimizer(0, decouple: true), eps: 1e-1, foreach: true)
        adamDebias = try r.bool("adam_debias", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        state.step += 1
        let bias1 = biasCorrection(beta1, step: state.step)
        let bias2Sqrt = biasCorrection(beta2, step: state.step).squareRoot()
        let prevBias2Sqrt = biasCorrection(beta2, step: state.step - 1).squareRoot()
        var stepSize = learningRate
        if state.step > 1, let gamma {
            stepSize = adamDebias ? gamma * learningRate : gamma * learningRate / bias1
        }
        var squaredNorm = 0.0
        var count = 0
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            var inverseSquares = 0.0
            for i in g.indices {
                let m = lerp(state.slots[p][i].expAvg, g[i], 1 - beta1)
                state.slots[p][i].expAvg = m
                let root = torchSqrt(state.slots[p][i].expAvgSq)
                if state.step > 1 {
                    theta[i] = addcdiv(theta[i], m, root / prevBias2Sqrt + eps, value: -stepSize)
                }
                state.slots[p][i].expAvgSq = addcmul(state.slots[p][i].expAvgSq * beta2, g[i], g[i], value: 1 - beta2)
                inverseSquares += pythonPow(root / bias2Sqrt + eps, -2)
            }
            let minusTwoNorm = pythonPow(inverseSquares, -0.5)
            squaredNorm += 1 / (minusTwoNorm * minusTwoNorm)
            count += g.count
            parameters[p].scalars = theta
        }
        gamma = 1 / (squaredNorm / Double(count)).squareRoot()
    }
}
