/// NorMuon, as `pytorch_optimizer.NorMuon` for the point as one Muon parameter group (the 1×n
/// matrix of `Tensor.matrixShape`): Muon whose orthogonalised update is normalised row by row
/// by a second moment.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (weight_decouple, the default) or g ← g + λθ
///     B ← B + (1 − μ)(g − B);  U ← g + μ(B − g) if nesterov (the default), else U ← B   (torch: lerp)
///     O ← NewtonSchulz(U)                         (`newtonSchulz`, ns_steps, eps 10⁻⁷)
///     for each row r:  vᵣ ← vᵣ + (1 − β₂)(mean(Oᵣ²) − vᵣ);  Oᵣ ← Oᵣ/(√vᵣ + ε)
///     preserve_norm (default): O ← O·(‖O_before‖/(‖O‖ + ε)), γ′ = γ·0.2√max(A, B) if
///         use_adjusted_lr else γ·√max(1, A/B);   match_rms: O ← O·((1/(‖O‖ + ε))·0.2√(AB)), γ′ = γ
///     θ ← θ − γ′O
///
/// "NorMuon: Making Muon more efficient and scalable", arXiv 2025. Follows pytorch_optimizer
/// 4.1.0 (foreach path) with Newton–Schulz in float64 (Keller Jordan's form), as the project's
/// Muon references; the library runs it in bfloat16. Only the "original" coefficients are
/// offered; √vᵣ is `torchSqrt`, ‖·‖ torch's `_foreach_norm`. The `adamw_*` options of non-Muon
/// groups are validated and have no effect on the point.
public struct NorMuon: Optimizer {
    public enum UpdateScale: String, CaseIterable, Sendable {
        case preserveNorm = "preserve_norm"
        case matchRMS = "match_rms"
    }

    public var learningRate: Double
    public var momentum: Double
    public var beta2: Double
    public var weightDecay: WeightDecay
    public var nesterov: Bool
    public var nsSteps: Int
    public var updateScale: UpdateScale
    public var useAdjustedLR: Bool
    public var eps: Double
    public var maximize: Bool
    /// Each parameter's momentum buffer and its rows' second moments, created at the first step.
    public var momentumBuffers: [[Double]] = []
    public var secondMoments: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 0.02, .nonNegative)
        momentum = try r.double("momentum", default: 0.95, .unitHalfOpen)
        beta2 = try r.double("beta2", default: 0.95, .unitHalfOpen)
        let lambda = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecay = WeightDecay(lambda, try r.bool("weight_decouple", default: true) ? .decoupled : .l2)
        nesterov = try r.bool("nesterov", default: true)
        nsSteps = try r.int("ns_steps", default: 5, .positive)
        _ = try r.choice("ns_coeffs", default: "original", ["original"])
        let scale = try r.choice("update_scale", default: "preserve_norm", UpdateScale.allCases.map(\.rawValue))
        updateScale = scale.flatMap(UpdateScale.init(rawValue:)) ?? .preserveNorm
        useAdjustedLR = try r.bool("use_adjusted_lr", default: false)
        try PytorchOptimizer.readMuonAdamW(&r)
        eps = try r.double("eps", default: 1e-10, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty {
            momentumBuffers = zeros(like: parameters)
            secondMoments = parameters.map { [Double](repeating: 0, count: $0.matrixShape.rows) }
        }
        for p in parameters.indices {
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            let direction = PytorchOptimizer.muonMomentum(g, buffer: &momentumBuffers[p], momentum: momentum, nesterov: nesterov)
            let shape = parameters[p].matrixShape
            var o = newtonSchulz(
                Matrix(rows: shape.rows, columns: shape.columns, scalars: direction),
                coefficients: PytorchOptimizer.muonCoefficients, steps: nsSteps, eps: 1e-7
            ).scalars
            let originalNorm = PytorchOptimizer.norm(o)
            for row in 0..<shape.rows {
                let range = row * shape.columns..<(row + 1) * shape.columns
                let mean = PytorchOptimizer.mean(o[range].map { $0 * $0 })
                secondMoments[p][row] = lerp(secondMoments[p][row], mean, 1 - beta2)
                let d = torchSqrt(secondMoments[p][row]) + eps
                for i in range { o[i] /= d }
            }
            let norm = PytorchOptimizer.norm(o) + eps
            let lr: Double
            switch updateScale {
            case .preserveNorm:
                let s = originalNorm / norm
                for i in o.indices { o[i] *= s }
                lr = PytorchOptimizer.muonAdjustedLR(learningRate, rows: shape.rows, columns: shape.columns, useAdjustedLR: useAdjustedLR)
            case .matchRMS:
                // A Python float divided by a tensor is `tensor.reciprocal() * float` in torch.
                let s = (1 / norm) * (0.2 * Double(o.count).squareRoot())
                for i in o.indices { o[i] *= s }
                lr = learningRate
            }
            for i in o.indices { parameters[p].scalars[i] = add(parameters[p].scalars[i], o[i], alpha: -lr) }
        }
    }
}
