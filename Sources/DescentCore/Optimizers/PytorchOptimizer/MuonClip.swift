/// MuonClip, as `pytorch_optimizer.MuonClip` for the point as one Muon parameter group (the
/// 1×n matrix of `Tensor.matrixShape`): pytorch_optimizer's Muon without Nesterov, whose
/// QK-clip acts only on attention projections passed to its `step`, so never here.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ)
///     B ← μB + g                                  (torch: B.mul_(μ).add_(g))
///     O ← NewtonSchulz(B)                         (`newtonSchulz`, ns_steps, eps 10⁻⁷)
///     θ ← θ − γ′O,  γ′ = γ·0.2√max(A, B) (use_adjusted_lr, the default) or γ·√max(1, A/B)
///
/// Kimi Team, "Kimi K2: Open Agentic Intelligence", arXiv 2025. Follows pytorch_optimizer 4.1.0
/// (foreach path) with Newton–Schulz in float64 (Keller Jordan's form), as the project's Muon
/// references; the library runs it in bfloat16. Only the "original" coefficients and the
/// "newton_schulz" method are offered. The `qk_clip_*` options and the `adamw_*` options of
/// non-Muon groups are validated and have no effect on the point.
public struct MuonClip: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    /// `weight_decay` λ, decoupled.
    public var weightDecay: WeightDecay
    public var nsSteps: Int
    public var useAdjustedLR: Bool
    public var maximize: Bool
    public var qkClipThreshold: Double
    public var qkClipAlpha: Double
    /// The momentum buffer of each parameter, created at the first step.
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 0.02, .nonNegative)
        momentum = try r.double("momentum", default: 0.95, .unitHalfOpen)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .decoupled)
        qkClipThreshold = try r.double("qk_clip_threshold", default: 100, .positive)
        qkClipAlpha = try r.double("qk_clip_alpha", default: 0.5, .unitClosed)
        nsSteps = try r.int("ns_steps", default: 5, .positive)
        _ = try r.choice("ns_coeffs", default: "original", ["original"])
        _ = try r.choice("ns_method", default: "newton_schulz", ["newton_schulz"])
        try PytorchOptimizer.readMuonAdamW(&r)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
        useAdjustedLR = try r.bool("use_adjusted_lr", default: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty { momentumBuffers = zeros(like: parameters) }
        for p in parameters.indices {
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            for i in g.indices { momentumBuffers[p][i] = momentumBuffers[p][i] * momentum + g[i] }
            let shape = parameters[p].matrixShape
            let o = newtonSchulz(
                Matrix(rows: shape.rows, columns: shape.columns, scalars: momentumBuffers[p]),
                coefficients: PytorchOptimizer.muonCoefficients, steps: nsSteps, eps: 1e-7)
            let lr = PytorchOptimizer.muonAdjustedLR(learningRate, rows: shape.rows, columns: shape.columns, useAdjustedLR: useAdjustedLR)
            for i in g.indices { parameters[p].scalars[i] = add(parameters[p].scalars[i], o.scalars[i], alpha: -lr) }
        }
    }
}
