/// Aida (AdaBelief with the adaptive step range suppressed by mutual projections), as
/// `pytorch_optimizer.Aida`.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (default) or θ ← θ(1 − γλ) (weight_decouple; 1 − λ if fixed_decay)
///     m ← β₁m + (1 − β₁)g
///     g′ ← g, m′ ← m;  k times:  c ← Σ g′m′;  g′ ← g′·c/(Σg′² + ξ);  m′ ← m′·c/(Σm′² + ξ)
///     v ← β₂v + (1 − β₂)(m′ − g′)² + ε               (ε added to the state)
///     d ← √(max(v̂, v) or v + 1e-15) + ε, ÷ √(1 − β₂ᵗ) unless rectify
///     θ ← θ − (η/(1 − β₁ᵗ))·m/d      (η = γ, or RAdam's rectified γr_t when rectify; then, while
///                                     ρ_t < n_sma_threshold, θ ← θ − (η/(1 − β₁ᵗ))·m if η > 0)
///
/// Zhang et al., "A DNN Optimizer that Improves over AdaBelief by Suppression of the Adaptive
/// Stepsize Range", arXiv 2022. Follows pytorch_optimizer 4.1.0 (default foreach path). √ is
/// torch's tensor root (`torchSqrt`), √(1 − β₂ᵗ) Python's `math.sqrt`.
public struct Aida: TensorwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    /// The number of mutual projections.
    public var k: Int
    public var xi: Double
    public var rectify: Bool
    public var nSMAThreshold: Int
    public var degeneratedToSGD: Bool
    public var amsBound: Bool
    /// Each coordinate's `exp_avg`, `exp_avg_var` (as `expAvgSq`) and `max_exp_avg_var`.
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(0, decouple: false), foreach: true)
        k = try r.int("k", default: 2, .nonNegative)
        xi = try r.double("xi", default: 1e-20, .nonNegative)
        rectify = try r.bool("rectify", default: false)
        nSMAThreshold = try r.int("n_sma_threshold", default: 5)
        degeneratedToSGD = try r.bool("degenerated_to_sgd", default: true)
        amsBound = try r.bool("ams_bound", default: false)
    }

    /// How the step is taken: 2 = with the denominator, 1 = without (rectification off), 0 = not at all.
    public typealias Coefficients = (bias2Sqrt: Double, stepSize: Double, mode: Int)

    public func coefficients(step: Int) -> Coefficients {
        let (rectified, nSMA) = PytorchOptimizer.rectifyStepSize(
            rectify: rectify, step: step, lr: learningRate, beta2: beta2,
            threshold: Double(nSMAThreshold), degeneratedToSGD: degeneratedToSGD)
        let stepSize = rectified / biasCorrection(beta1, step: step)
        let mode = !rectify || nSMA >= Double(nSMAThreshold) ? 2 : stepSize > 0 ? 1 : 0
        return (biasCorrection(beta2, step: step).squareRoot(), stepSize, mode)
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor _: Int, _ c: Coefficients) {
        for i in g.indices { _ = moments[i].updateFirst(g[i], beta1: beta1) }
        var projG = g
        var projM = moments.map(\.expAvg)
        for _ in 0..<k {
            let product = sum(projG.indices.map { projG[$0] * projM[$0] })
            let scaleG = product / (sum(projG.map { $0 * $0 }) + xi)
            let scaleM = product / (sum(projM.map { $0 * $0 }) + xi)
            projG = projG.map { $0 * scaleG }
            projM = projM.map { $0 * scaleM }
        }
        for i in theta.indices {
            let residual = projM[i] - projG[i]
            moments[i].expAvgSq = addcmul(moments[i].expAvgSq * beta2, residual, residual, value: 1 - beta2) + eps
            var d = PytorchOptimizer.amsBoundDenominator(
                moments[i].expAvgSq, maxExpAvgSq: &moments[i].maxExpAvgSq, amsBound: amsBound, eps: eps)
            if !rectify { d /= c.bias2Sqrt }
            switch c.mode {
            case 2: theta[i] = addcdiv(theta[i], moments[i].expAvg, d, value: -c.stepSize)
            case 1: theta[i] = add(theta[i], moments[i].expAvg, alpha: -c.stepSize)
            default: break
            }
        }
    }
}
