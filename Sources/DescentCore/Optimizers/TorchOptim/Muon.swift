/// Muon, as `torch.optim.Muon`: momentum SGD whose update matrix is orthogonalised by a
/// Newton–Schulz iteration before it is applied.
///
///     g ← ∇f(θ);  B ← μB + (1 − μ)g                  (torch: B.lerp(g, 1 − μ))
///     U ← g + μ(B − g) if nesterov, else U ← B        (torch: g.lerp(B, μ))
///     O ← NewtonSchulz(U)                             (see `newtonSchulz`)
///     θ ← θ(1 − γλ);  θ ← θ − γ′O                     (decoupled weight_decay λ)
///     γ′ = γ·√max(1, A/B) ("original", the default), 0.2γ·√max(A, B) ("match_rms_adamw"),
///          γ·√(A/B) ("spectral_unclamped"), for an A×B parameter
///
/// Jordan et al., "Muon: An optimizer for hidden layers in neural networks", 2024; the
/// "match_rms_adamw" scaling: Liu et al., "Muon is Scalable for LLM Training", 2025. torch's
/// formula is followed, with its defaults (weight_decay 0.1, Nesterov on), except that
/// Newton–Schulz runs in float64 rather than bfloat16, as in the project's references.
///
/// What Muon means for a point: the [2] parameter is the 1×2 matrix [x y] (A = 1, B = 2).
/// A 1×2 matrix has a single singular value, ‖U‖, so orthogonalising it only normalises it:
/// O = p(1)·U/‖U‖, where p is the Newton–Schulz polynomial iterated `ns_steps` times on the
/// normalised singular value 1 — 0.69644 with the default coefficients and five steps (the
/// quintic oscillates around 1 rather than converging to it). So each step is a normalised-
/// momentum step of fixed length ≈ 0.696·γ′ (after the weight decay), whatever the gradient's
/// size; only its direction comes from the gradients. "original" gives γ′ = γ,
/// "match_rms_adamw" 0.2√2·γ, "spectral_unclamped" γ/√2. torch validates `ns_steps < 100` when
/// stepping; Descent checks it when the optimizer is built.
public struct Muon: Optimizer {
    /// torch's `adjust_lr_fn` choices (null means "original").
    public enum LearningRateAdjustment: String, CaseIterable, Sendable {
        case original
        case matchRMSAdamW = "match_rms_adamw"
        case spectralUnclamped = "spectral_unclamped"
    }

    public var learningRate: Double
    /// `weight_decay` λ, decoupled.
    public var weightDecay: WeightDecay
    public var momentum: Double
    public var nesterov: Bool
    public var nsCoefficients: (a: Double, b: Double, c: Double)
    public var eps: Double
    public var nsSteps: Int
    public var adjustLR: LearningRateAdjustment
    /// The momentum buffer of each parameter, created at the first step.
    public var momentumBuffers: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0.1, .nonNegative), .decoupled)
        momentum = try r.double("momentum", default: 0.95, .nonNegative)
        nesterov = try r.bool("nesterov", default: true)
        let c = try r.list("ns_coefficients", default: [3.4445, -4.7750, 2.0315], [.any])
        nsCoefficients = (c[0], c[1], c[2])
        eps = try r.double("eps", default: 1e-7)
        nsSteps = try r.int("ns_steps", default: 5, Bound(lower: -.infinity, lowerInclusive: false, upper: 100, upperInclusive: false))
        let adjustment = try r.choice("adjust_lr_fn", default: nil, LearningRateAdjustment.allCases.map(\.rawValue))
        adjustLR = adjustment.flatMap(LearningRateAdjustment.init(rawValue:)) ?? .original
    }

    /// torch's `_adjust_lr` for an A×B parameter.
    func adjustedLearningRate(rows a: Int, columns b: Int) -> Double {
        let (a, b) = (Double(a), Double(b))
        switch adjustLR {
        case .original: return learningRate * Swift.max(1, a / b).squareRoot()
        case .matchRMSAdamW: return learningRate * (0.2 * Swift.max(a, b).squareRoot())
        case .spectralUnclamped: return learningRate * (a / b).squareRoot()
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if momentumBuffers.isEmpty { momentumBuffers = zeros(like: parameters) }
        for p in parameters.indices {
            var update = gradients[p]
            for i in update.scalars.indices {
                let g = gradients[p].scalars[i]
                let b = lerp(momentumBuffers[p][i], g, 1 - momentum)
                momentumBuffers[p][i] = b
                update.scalars[i] = nesterov ? lerp(g, b, momentum) : b
            }
            let matrix = Matrix(update)
            let orthogonal = newtonSchulz(matrix, coefficients: nsCoefficients, steps: nsSteps, eps: eps)
            let adjusted = adjustedLearningRate(rows: matrix.rows, columns: matrix.columns)
            var g = gradients[p].scalars
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            for i in parameters[p].scalars.indices {
                parameters[p].scalars[i] = add(parameters[p].scalars[i], orthogonal.scalars[i], alpha: -adjusted)
            }
        }
    }
}
