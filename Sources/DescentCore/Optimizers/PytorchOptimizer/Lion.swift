/// Lion (EvoLved Sign Momentum), as `pytorch_optimizer.Lion`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     u ← sign(β₁m + (1 − β₁)g)          (torch: m.lerp(g, 1 − β₁).sign())
///     m ← β₂m + (1 − β₂)ĝ                 (ĝ = g, or the AdaNorm-rescaled g if adanorm)
///     u ← u · mask(u·g > 0) · n/(Σmask + 1) if cautious
///     θ ← θ − γu
///
/// Chen et al., "Symbolic Discovery of Optimization Algorithms", NeurIPS 2023. Follows
/// pytorch_optimizer 4.1.0 (its per-parameter and foreach paths agree for one CPU tensor).
/// `use_gc` (gradient centralization) only touches tensors of two or more dimensions, so it
/// is accepted and has no effect on a point.
public struct Lion: TensorwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var maximize: Bool
    public var useGC: Bool
    public var adanorm: Bool
    public var adanormR: Double?
    public var cautious: Bool
    /// Each coordinate's momentum `exp_avg` …
    public var state = CoordinateState<Double>()
    /// … and AdaNorm's running gradient norm of each parameter tensor.
    public var expGradNorm: [Double] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-4, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.99), (.unitHalfOpen, .unitHalfOpen))
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        useGC = try r.bool("use_gc", default: false)
        adanorm = try r.bool("adanorm", default: false)
        adanormR = try r.optionalDouble("adanorm_r", default: nil)
        cautious = try r.bool("cautious", default: false)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ expAvg: inout [Double], tensor p: Int, _: Void) {
        if expGradNorm.count == p { expGradNorm.append(0) }  // made at the first step, tensor by tensor
        let s = adanorm
            ? PytorchOptimizer.adanormGradient(g, expGradNorm: &expGradNorm[p], r: adanormR ?? 0.95)
            : g
        var update = g.indices.map { sign(lerp(expAvg[$0], g[$0], 1 - beta1)) }
        for i in g.indices { expAvg[i] = lerp(expAvg[i], s[i], 1 - beta2) }
        if cautious { PytorchOptimizer.applyCautious(&update, g) }
        for i in theta.indices { theta[i] = add(theta[i], update[i], alpha: -learningRate) }
    }
}
