/// SCION (stochastic conditional gradient with norm-constrained linear minimisation oracles),
/// as `pytorch_optimizer.SCION` with its default `norm_type` AUTO, which for a vector (a point)
/// is the RMS oracle `BiasRMS`:
///
///     g ← ∇f(θ) (negated if maximize)
///     unless constraint: θ ← θ(1 − γλ) (weight_decouple, the default) or g ← g + λθ
///     d ← d + α(g − d)                    (torch: d.lerp(g, momentum α): α weighs the new gradient)
///     u = s·d/(√mean(d²) + 10⁻⁸)          (BiasRMS lmo, √ torch's tensor root; s = `scale`)
///     θ ← θ(1 − γ) if constraint;  θ ← θ − γu
///
/// Pethick et al., "Training Deep Learning Models with Norm-Constrained LMOs", ICML 2025.
/// Follows pytorch_optimizer 4.1.0 (foreach path). `norm_type` and `norm_kwargs` are not
/// hyperparameters here: the other oracles (spectral, sign, column, row) act on matrices, and
/// AUTO picks BiasRMS for every vector.
public struct SCION: TensorwiseOptimizer {
    public var learningRate: Double
    public var momentum: Double
    public var constraint: Bool
    public var scale: Double
    /// `weight_decay` λ with `weight_decouple` (none when `constraint`, as the reference skips it).
    public var weightDecay: WeightDecay
    public var maximize: Bool
    /// Each coordinate's averaged gradient `d`.
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        (learningRate, momentum, constraint, scale, weightDecay, maximize) = try Self.read(&r)
    }

    /// The hyperparameters SCION and SCIONLight share, with their checks.
    static func read(_ r: inout HyperparameterReader) throws(OptimizerError)
        -> (lr: Double, momentum: Double, constraint: Bool, scale: Double, decay: WeightDecay, maximize: Bool)
    {
        let lr = try r.double("lr", default: 1e-3, .nonNegative)
        let momentum = try r.double("momentum", default: 0.1, Bound(lower: 0, lowerInclusive: false, upper: 1, upperInclusive: true))
        let constraint = try r.bool("constraint", default: false)
        let scale = try r.double("scale", default: 1, .positive)
        let lambda = try r.double("weight_decay", default: 0, .nonNegative)
        let decouple = try r.bool("weight_decouple", default: true)
        _ = try r.foreach(cpuDefault: true)
        let maximize = try r.bool("maximize", default: false)
        let decay = constraint ? WeightDecay.none : WeightDecay(lambda, decouple ? .decoupled : .l2)
        return (lr, momentum, constraint, scale, decay, maximize)
    }

    /// The BiasRMS oracle `d / (√mean(d²) + 10⁻⁸)`, times `scale`.
    static func rmsDirection(_ d: [Double], scale: Double) -> [Double] {
        let rms = torchSqrt(PytorchOptimizer.mean(d.map { $0 * $0 })) + 1e-8
        return d.map { ($0 / rms) * scale }
    }

    /// θ ← θ(1 − γ) if constraint, then θ ← θ − γu.
    static func apply(_ update: [Double], to theta: inout [Double], lr: Double, constraint: Bool) {
        for i in theta.indices {
            if constraint { theta[i] *= 1 - lr }
            theta[i] = add(theta[i], update[i], alpha: -lr)
        }
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ d: inout [Double], tensor _: Int, _: Void) {
        for i in g.indices { d[i] = lerp(d[i], g[i], momentum) }
        Self.apply(Self.rmsDirection(d, scale: scale), to: &theta, lr: learningRate, constraint: constraint)
    }
}
