/// AdaNorm (Adam whose momentum sees gradients rescaled to their running norm), as
/// `pytorch_optimizer.AdaNorm`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     e ← r·e + (1 − r)‖g‖;  s ← g·e/‖g‖ if e > ‖g‖ > 0, else g
///     m ← β₁m + (1 − β₁)s;  v ← β₂v + (1 − β₂)g²
///     d ← (√(max(v̂, v) or v + 1e-15) + ε) / √(1 − β₂ᵗ)
///     θ ← θ − (γ / (1 − β₁ᵗ))·m/d        (γ without the division if adam_debias)
///
/// Dubey et al., "AdaNorm: Adaptive Gradient Norm Correction based Optimization for
/// Convolutional Neural Networks", WACV 2023 (arXiv 2022). Follows pytorch_optimizer 4.1.0
/// (foreach path).
public struct AdaNorm: TensorwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var r: Double?
    public var amsBound: Bool
    public var adamDebias: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// The running gradient norm `exp_grad_norm` of each parameter tensor.
    public var expGradNorm: [Double] = []

    public init(hyperparameters reader: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&reader, betas: (0.9, 0.99), weightDecay: .pytorchOptimizer(0, decouple: true), foreach: true)
        r = try reader.optionalDouble("r", default: 0.95)
        amsBound = try reader.bool("ams_bound", default: false)
        adamDebias = try reader.bool("adam_debias", default: false)
    }

    /// The step size γ/(1 − β₁ᵗ) (γ if adam_debias) and √(1 − β₂ᵗ).
    public func coefficients(step: Int) -> (stepSize: Double, bias2Sqrt: Double) {
        let bias1 = biasCorrection(beta1, step: step)
        return (adamDebias ? learningRate : learningRate / bias1, biasCorrection(beta2, step: step).squareRoot())
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor p: Int, _ c: (stepSize: Double, bias2Sqrt: Double)) {
        if expGradNorm.count == p { expGradNorm.append(0) }  // made at the first step, tensor by tensor
        let s = PytorchOptimizer.adanormGradient(g, expGradNorm: &expGradNorm[p], r: r ?? 0.95)
        for i in g.indices {
            let m = moments[i].updateFirst(s[i], beta1: beta1)
            let v = moments[i].updateSecond(g[i], beta2: beta2)
            let d = PytorchOptimizer.amsBoundDenominator(
                v, maxExpAvgSq: &moments[i].maxExpAvgSq, amsBound: amsBound, eps: eps) / c.bias2Sqrt
            theta[i] = addcdiv(theta[i], m, d, value: -c.stepSize)
        }
    }
}
