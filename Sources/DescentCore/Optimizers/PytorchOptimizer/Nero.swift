/// Nero (neuron-wise normalised updates), as `pytorch_optimizer.Nero`, for vector parameters,
/// where a "neuron" is one coordinate (`neuron_norm` of a vector is its elementwise |x|):
///
///     at the first step: s = mean|θ| over the tensor (0.01 if that is 0), frozen
///     g ← ∇f(θ) (negated if maximize)
///     v ← βv + (1 − β)|g|²                         (torch: mul_, addcmul_)
///     u = nan_to_num(g/(√(v/(1 − βᵗ)) + ε))·s      (NaN → 0, ±∞ → ±greatest finite)
///     θ ← θ − γu
///
/// `constraints` (re-centring and re-normalising each neuron) applies only to parameters of two
/// or more dimensions, so it is accepted and has no effect on a point. Liu et al., "Learning by
/// Turning: Neural Architecture Aware Optimisation", ICML 2021. Follows pytorch_optimizer 4.1.0
/// (foreach path); √ is torch's tensor root (`torchSqrt`).
public struct Nero: TensorwiseOptimizer {
    public var learningRate: Double
    public var beta: Double
    public var constraints: Bool
    public var eps: Double
    public var maximize: Bool
    public var weightDecay: WeightDecay { .none }
    /// Each coordinate's `exp_avg_sq` …
    public var state = CoordinateState<Double>()
    /// … and each parameter tensor's `scale`.
    public var scales: [Double] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        beta = try r.double("beta", default: 0.999, .unitClosed)
        constraints = try r.bool("constraints", default: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    /// The bias correction 1 − βᵗ.
    public func coefficients(step: Int) -> Double { biasCorrection(beta, step: step) }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ expAvgSq: inout [Double], tensor p: Int, _ bias: Double) {
        if scales.count == p {
            let s = PytorchOptimizer.mean(theta.map(\.magnitude))
            scales.append(s == 0 ? 0.01 : s)
        }
        for i in g.indices {
            let n = g[i].magnitude
            expAvgSq[i] = addcmul(expAvgSq[i] * beta, n, n, value: 1 - beta)
            let u = PytorchOptimizer.nanToNum(g[i] / (torchSqrt(expAvgSq[i] / bias) + eps)) * scales[p]
            theta[i] = add(theta[i], u, alpha: -learningRate)
        }
    }
}
