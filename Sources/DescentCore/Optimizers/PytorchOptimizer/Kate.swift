/// Kate (a scale-invariant AdaGrad), as `pytorch_optimizer.Kate`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     b² ← b² + g² + ε                 (the state holds b; torch squares it, then takes √ after)
///     m² ← m² + δg² + g²/b²
///     θ ← θ − γ·m·g/b²
///
/// Choudhury et al., "Remove that Square Root: A New Efficient Scale-Invariant Version of
/// AdaGrad", NeurIPS 2024. Follows pytorch_optimizer 4.1.0 (foreach path) — note ε is added to
/// b² at every step, as that library does. Both roots are torch's tensor `sqrt_` (`torchSqrt`).
public struct Kate: Optimizer {
    public static let info = OptimizerInfo(
        name: "Kate", year: 2024,
        paper: "Choudhury et al., Remove that Square Root: A New Efficient Scale-Invariant Version of AdaGrad, NeurIPS 2024",
        reference: "pytorch_optimizer.Kate")

    public var learningRate: Double
    public var delta: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    /// The state `m` and `b` of each parameter.
    public var m: [[Double]] = []
    public var b: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        delta = try r.double("delta", default: 0, .unitHalfOpen)
        weightDecay = try WeightDecay(&r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if m.isEmpty {
            m = zeros(like: parameters)
            b = zeros(like: parameters)
        }
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            for i in g.indices {
                let gsq = g[i] * g[i]
                let bsq = (b[p][i] * b[p][i] + gsq) + eps
                let mi = torchSqrt(add(m[p][i] * m[p][i], gsq, alpha: delta) + gsq / bsq)
                m[p][i] = mi
                theta[i] = add(theta[i], (mi * g[i]) / bsq, alpha: -learningRate)
                b[p][i] = torchSqrt(bsq)
            }
            parameters[p].scalars = theta
        }
    }
}
