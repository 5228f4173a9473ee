/// RACS (row and column scaled SGD), as `pytorch_optimizer.RACS`, for vector parameters, which
/// the reference reshapes to an n×1 matrix (one row scale per coordinate, one column scale):
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled, the default; 1 − λ if fixed_decay) or g ← g + λθ
///     sᵢ ← sᵢ + (1 − β)(gᵢ² − sᵢ)             (row means of g²; s₀ = 0; torch: lerp)
///     q ← q + (1 − β)(mean(g²) − q)           (the column mean; q₀ = 1)
///     ĝᵢ = gᵢ/(√(sᵢ + ε)·√(q + ε))
///     η = 1 at the first step, else η = γ_c/max(‖ĝ‖/(ϑ + ε), γ_c)   (γ_c = `gamma`, the norm-growth limit;
///         torch divides by the tensor ratio as (1/ratio)·γ_c)
///     ϑ ← ‖ĝ‖·η;  θ ← θ − (γ·α·η)ĝ
///
/// Gong et al., "Towards Efficient Optimizer Design for LLM via Structured Fisher
/// Approximation with a Low-Rank Extension", arXiv 2025. Follows pytorch_optimizer 4.1.0
/// (per-parameter path, its default); √ is torch's tensor root, ‖·‖ torch's `norm`.
public struct RACS: TensorwiseOptimizer {
    public var learningRate: Double
    public var beta: Double
    public var alpha: Double
    public var gamma: Double
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    /// Each coordinate's row scale `s` …
    public var state = CoordinateState<Double>()
    /// … and each parameter tensor's column scale `q` and norm limit `theta` (ϑ).
    public var columnScales: [Double] = []
    public var normLimits: [Double] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        beta = try r.double("beta", default: 0.9, .unitHalfOpen)
        alpha = try r.double("alpha", default: 0.05, .unitHalfOpen)
        gamma = try r.double("gamma", default: 1.01, .positive)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        eps = try r.double("eps", default: 1e-8, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ s: inout [Double], tensor p: Int, _: Void) {
        let first = columnScales.count == p
        if first {
            columnScales.append(1)
            normLimits.append(0)
        }
        let squares = g.map { $0 * $0 }
        for i in g.indices { s[i] = lerp(s[i], squares[i], 1 - beta) }
        columnScales[p] = lerp(columnScales[p], PytorchOptimizer.mean(squares), 1 - beta)
        let qRoot = torchSqrt(columnScales[p] + eps)
        let normalized = g.indices.map { g[$0] / (torchSqrt(s[$0] + eps) * qRoot) }
        let norm = PytorchOptimizer.norm(normalized)
        // Python's max returns the tensor ratio unless γ_c is larger, and γ_c / tensor is
        // `tensor.reciprocal() * γ_c` in torch.
        let ratio = norm / (normLimits[p] + eps)
        let eta = first ? 1 : gamma > ratio ? gamma / gamma : (1 / ratio) * gamma
        normLimits[p] = norm * eta
        let alpha = -learningRate * self.alpha * eta
        for i in theta.indices { theta[i] = add(theta[i], normalized[i], alpha: alpha) }
    }
}
