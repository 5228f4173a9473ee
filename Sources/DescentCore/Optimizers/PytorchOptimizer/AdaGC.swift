/// AdaGC (Adam with adaptive per-tensor gradient clipping), as `pytorch_optimizer.AdaGC`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     warm-up (t < warmup_steps, or no γ yet):
///         G ← √(Σ‖g‖²) + ε in float32 over all gradients;  ĝ ← g·min(λ_abs/G, 1)
///         γ ← ‖ĝ‖ at first, then min(γ, ‖ĝ‖)
///     after:  ĝ ← g·min(λ_rel·max(γ, ε)/max(‖g‖, ε), 1);  γ ← βγ + (1 − β)‖ĝ‖
///     m ← β₁m + (1 − β₁)ĝ;  v ← β₂v + (1 − β₂)ĝ²
///     θ ← θ − (γ_lr/(1 − β₁ᵗ))·m / (√v/√(1 − β₂ᵗ) + ε)
///
/// Wang et al., "AdaGC: Improving Training Stability for Large Language Model Pretraining", arXiv
/// 2025. Follows pytorch_optimizer 4.1.0: its per-parameter loop during warm-up, its foreach path
/// after. The warm-up's global norm is the library's float32 `get_global_gradient_norm`, taken
/// after the tensor's own gradient was negated and decayed (recomputed for each tensor when the
/// decay is coupled, cached otherwise), and its factor λ_abs/G is torch's float32 `reciprocal`
/// times λ_abs. Weight decay defaults to 0.1, decoupled. √v is torch's tensor root (`torchSqrt`).
public struct AdaGC: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    /// The smoothing β of γ after warm-up.
    public var beta: Double
    public var lambdaAbs: Double
    public var lambdaRel: Double
    public var warmupSteps: Int
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// Each tensor's clipping threshold γ (`gamma`), nil before its first step.
    public var gamma: [Double?] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0.1, decouple: true), foreach: true)
        beta = try r.double("beta", default: 0.98, .unitHalfOpen)
        lambdaAbs = try r.double("lambda_abs", default: 1, .positive)
        lambdaRel = try r.double("lambda_rel", default: 1.05, .positive)
        warmupSteps = try r.int("warmup_steps", default: 100, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        if gamma.isEmpty { gamma = [Double?](repeating: nil, count: parameters.count) }
        state.step += 1
        let bias1 = biasCorrection(beta1, step: state.step)
        let bias2Sqrt = biasCorrection(beta2, step: state.step).squareRoot()
        // The gradients as the reference's loop leaves them: each negated and decayed in place when reached.
        var grads = gradients.map(\.scalars)
        let canCacheNorm = weightDecay.form != .l2 || weightDecay.coefficient == 0
        var warmupScale: Double?
        for p in parameters.indices {
            var theta = parameters[p].scalars
            if maximize { grads[p] = grads[p].map { -$0 } }
            weightDecay.apply(&theta, &grads[p], lr: learningRate)
            let g = grads[p]
            let clipped: [Double]
            if let gammaP = gamma[p], state.step >= warmupSteps {
                let ratio = min(lambdaRel * max(gammaP, eps) / max(PytorchOptimizer.norm(g), eps), 1)
                clipped = g.map { $0 * ratio }
                gamma[p] = lerp(gammaP, PytorchOptimizer.norm(clipped), 1 - beta)
            } else {
                if warmupScale == nil || !canCacheNorm {
                    let norm = PytorchOptimizer.globalGradientNormSquared(grads).squareRoot() + Float(eps)
                    let scale = (1 / norm) * Float(lambdaAbs)
                    warmupScale = 1 < scale ? 1 : Double(scale)
                }
                clipped = g.map { $0 * warmupScale! }
                let norm = PytorchOptimizer.norm(clipped)
                gamma[p] = gamma[p].map { minimum($0, norm) } ?? norm
            }
            for i in theta.indices {
                let (m, v) = state.slots[p][i].update(clipped[i], beta1: beta1, beta2: beta2)
                theta[i] = addcdiv(theta[i], m, torchSqrt(v) / bias2Sqrt + eps, value: -learningRate / bias1)
            }
            parameters[p].scalars = theta
        }
    }
}
