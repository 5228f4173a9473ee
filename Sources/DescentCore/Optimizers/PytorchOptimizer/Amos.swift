/// Amos (Adam-style steps with an adaptive weight decay towards a model-oriented scale), as
/// `pytorch_optimizer.Amos`.
///
///     g ← ∇f(θ) (negated if maximize);  ḡ² ← mean(g²) over the tensor;  η₀ ← γ·s (s = ½ for a vector)
///     v ← βv + (1 − β)ḡ²;  r ← (1 − βᵗ)/(v + ε)                       (v, r, d: one per tensor)
///     c ← γ²·r·ḡ² / √(1 + c_coef·√γ·d);  e ← 1 + d_coef·√η₀·d
///     u ← (θ/2·(c − extra_l2) + g·η₀√r) / e
///     d ← d(1 + c) + c
///     u ← m ← μm + (1 − μ)u if momentum μ > 0
///     θ ← θ − u
///
/// Tian & Parikh, "Amos: An Adam-style Optimizer with Adaptive Weight Decay towards
/// Model-Oriented Scale", arXiv 2022. Follows pytorch_optimizer 4.1.0 (default foreach path, in its
/// order of operations). √r is torch's tensor root (`torchSqrt`), 1/√(1 + …) its `rsqrt` (the
/// IEEE root), √γ and √η₀ Python's `math.sqrt`.
public struct Amos: Optimizer {
    public var learningRate: Double
    public var beta: Double
    public var momentum: Double
    public var extraL2: Double
    public var cCoef: Double
    public var dCoef: Double
    public var eps: Double
    public var maximize: Bool
    public var state = State()

    /// The step count; per tensor the second moment `exp_avg_sq` and `decay` (scalars), and per
    /// coordinate the momentum `exp_avg` (μ > 0 only).
    public struct State: Sendable, Hashable {
        public var step = 0
        public var expAvgSq: [Double] = []
        public var decay: [Double] = []
        public var expAvg: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        beta = try r.double("beta", default: 0.999, .unitHalfOpen)
        momentum = try r.double("momentum", default: 0, .unitHalfOpen)
        extraL2 = try r.double("extra_l2", default: 0, .nonNegative)
        cCoef = try r.double("c_coef", default: 0.25)
        dCoef = try r.double("d_coef", default: 0.25)
        _ = try r.foreach(cpuDefault: true)
        eps = try r.double("eps", default: 1e-18, .nonNegative)
        maximize = try r.bool("maximize", default: false)
    }

    /// `Amos.get_scale`: ½ for a vector, √(2/columns) for a matrix, √(1/size(1)) beyond.
    static func scale(_ p: Tensor) -> Double {
        switch p.shape.count {
        case ...1: return 0.5
        case 2: return (2 / Double(p.shape[1])).squareRoot()
        default: return (1 / Double(p.shape[1])).squareRoot()
        }
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.expAvgSq.isEmpty {
            state.expAvgSq = [Double](repeating: 0, count: parameters.count)
            state.decay = state.expAvgSq
            state.expAvg = zeros(like: parameters)
        }
        state.step += 1
        let bias = biasCorrection(beta, step: state.step)
        let lrSqrt = learningRate.squareRoot()
        let lrSquared = pythonPow(learningRate, 2)
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var theta = parameters[p].scalars
            let g2 = PytorchOptimizer.mean(g.map { $0 * $0 })
            let initLR = learningRate * Self.scale(parameters[p])
            state.expAvgSq[p] = add(state.expAvgSq[p] * beta, g2, alpha: 1 - beta)
            var rVHat = 1 / (state.expAvgSq[p] + eps)
            rVHat *= bias
            let decay = state.decay[p]
            var dfC = 1 / (decay * (cCoef * lrSqrt) + 1).squareRoot()
            let dfD = decay * (dCoef * initLR.squareRoot()) + 1
            dfC *= rVHat
            dfC *= lrSquared
            dfC *= g2
            let gradScale = torchSqrt(rVHat) * initLR
            for i in theta.indices {
                var u = theta[i] / 2
                u *= dfC - extraL2
                u += g[i] * gradScale
                u /= dfD
                if momentum > 0 {
                    state.expAvg[p][i] = lerp(state.expAvg[p][i], u, 1 - momentum)
                    u = state.expAvg[p][i]
                }
                theta[i] -= u
            }
            state.decay[p] = decay * (1 + dfC) + dfC
            parameters[p].scalars = theta
        }
    }
}
