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
public struct AdaNorm: Optimizer {
    public static let info = OptimizerInfo(
        name: "AdaNorm", year: 2022,
        paper: "Dubey et al., AdaNorm: Adaptive Gradient Norm Correction based Optimization for CNNs, WACV 2023",
        reference: "pytorch_optimizer.AdaNorm")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var r: Double?
    public var weightDecay: WeightDecay
    public var amsBound: Bool
    public var eps: Double
    public var maximize: Bool
    public var adamDebias: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// The running gradient norm `exp_grad_norm` of each parameter.
    public var expGradNorm: [Double] = []

    public init(hyperparameters reader: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try reader.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try reader.pair("betas", default: (0.9, 0.99), (.unitHalfOpen, .unitHalfOpen))
        r = try reader.optionalDouble("r", default: 0.95)
        weightDecay = try WeightDecay(pytorchOptimizer: &reader, default: 0, decouple: true)
        amsBound = try reader.bool("ams_bound", default: false)
        eps = try reader.double("eps", default: 1e-8, .nonNegative)
        maximize = try reader.bool("maximize", default: false)
        _ = try reader.foreach(cpuDefault: true)
        adamDebias = try reader.bool("adam_debias", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        if expGradNorm.isEmpty { expGradNorm = [Double](repeating: 0, count: parameters.count) }
        state.step += 1
        let bias1 = biasCorrection(beta1, step: state.step)
        let bias2Sqrt = biasCorrection(beta2, step: state.step).squareRoot()
        let stepSize = adamDebias ? learningRate : learningRate / bias1
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            let s = PytorchOptimizer.adanormGradient(g, expGradNorm: &expGradNorm[p], r: r ?? 0.95)
            for i in g.indices {
                let m = state.slots[p][i].updateFirst(s[i], beta1: beta1)
                let v = state.slots[p][i].updateSecond(g[i], beta2: beta2)
                let d = PytorchOptimizer.amsBoundDenominator(
                    v, maxExpAvgSq: &state.slots[p][i].maxExpAvgSq, amsBound: amsBound, eps: eps) / bias2Sqrt
                theta[i] = addcdiv(theta[i], m, d, value: -stepSize)
            }
            parameters[p].scalars = theta
        }
    }
}
