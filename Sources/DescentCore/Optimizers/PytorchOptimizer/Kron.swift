#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Kron (PSGD with Kronecker-factored preconditioners), as `pytorch_optimizer.Kron`, on vector
/// parameters, whose factor is one diagonal q (q₀ = 1):
///
///     g ← ∇f(θ) (negated if maximize)
///     m ← μm + (1 − μ)g;  m̂ = m/(1 − μᵗ)                       (float64)
///     with probability schedule p (see below), every ⌈1/p⌉ steps (counted), in the
///     precondition dtype: v ~ N(0, 1) (`randn_like`), a = q·m̂, b = v/q
///         q ← q − (0.1·(a² − b²)·q) / (max|a² + b²| + 2⁻¹²⁶)
///     u = (q·q)·m̂;  u ← u·min(1.1·(1/(√mean(u²) + 1e-6)), 1)      (float64)
///     θ ← θ − γu
///
/// Li, "Preconditioned Stochastic Gradient Descent", IEEE TNNLS 2018 (PSGD Kron in
/// pytorch_optimizer 4.1.0's form), following its per-parameter path. Reproduced quirks: weight
/// decay applies only to parameters of two or more dimensions, so it has no effect on a point;
/// `1.1 / x` is `reciprocal(x)·1.1`; with `pre_conditioner_update_probability` null the
/// probability is min(max(exp(−0.001(t − 500)), 0.03), 1) in float32 at the step count t before
/// the step (1 for the first 500 steps; expf here, MKL's vsExp there). The probes are random:
/// `seed` (default 0) stands for the reference's `torch.manual_seed(seed)` before the optimizer
/// is built (`TorchGenerator`; 2 normal draws per update of a 2-element point). NumPy's
/// unseeded `np.random.random()` decides the balancing of factors of matrices only, so it plays
/// no part. Triangular (dense) factors, which vectors get only with min_ndim_triangular ≤ 1, are
/// not implemented (min_ndim_triangular must be at least 2), nor float32 momentum (`mu_dtype`).
public struct Kron: Optimizer {
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    public var weightDecouple: Bool
    /// A fixed update probability, or nil for the library's schedule.
    public var updateProbability: Double?
    public var momentumIntoPreconditionUpdate: Bool
    /// Whether the preconditioner is float32 (`precondition_dtype` "torch.float32", the default).
    public var float32Preconditioner: Bool
    public var maximize: Bool
    public var state: State

    /// The step count, the update counter, the generator, and per parameter the momentum and q.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var updateCounter = 0
        public var generator: TorchGenerator
        public var momentumBuffer: [[Double]] = []
        public var q: [[Double]] = []
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecouple = try r.bool("weight_decouple", default: true)
        updateProbability = try r.optionalDouble("pre_conditioner_update_probability", default: nil)
        _ = try r.int("max_size_triangular", default: 8192)
        _ = try r.int("min_ndim_triangular", default: 2, .atLeast(2))
        let modes = ["one_diag", "smart_one_diag", "all_diag"]
        _ = try r.choice("memory_save_mode", default: nil, modes)
        momentumIntoPreconditionUpdate = try r.bool("momentum_into_precondition_update", default: true)
        _ = try r.choice("mu_dtype", default: nil, ["torch.float64"])
        let dtype = r.values["precondition_dtype"] == .null
            ? try r.choice("precondition_dtype", default: nil, ["torch.float32", "torch.float64"])
            : try r.choice("precondition_dtype", default: "torch.float32", ["torch.float32", "torch.float64"])
        float32Preconditioner = dtype == "torch.float32"
        _ = try r.double("balance_prob", default: 0.01)
        maximize = try r.bool("maximize", default: false)
        let seed = try r.int("seed", default: 0, .nonNegative)
        state = State(generator: TorchGenerator(seed: UInt64(seed)))
    }

    /// Whether this step updates the preconditioner (`update_counter >= 1 / update_prob`).
    private mutating func preconditionerUpdates() -> Bool {
        let counter = state.updateCounter + 1
        let update: Bool
        if let p = updateProbability {
            update = p > 0 && Double(counter) >= 1 / p
        } else {
            let x = Float(-0.001) * (Float(state.step) - 500)
            let p = Swift.min(Swift.max(expf(x), Float(0.03)), 1)
            update = p > 0 && Float(counter) >= 1 / p
        }
        state.updateCounter = update ? 0 : counter
        return update
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let update = preconditionerUpdates()
        if state.q.isEmpty {
            state.momentumBuffer = zeros(like: parameters)
            state.q = parameters.map { [Double](repeating: 1, count: $0.count) }
        }
        state.step += 1
        let bias1 = biasCorrection(momentum, step: state.step)
        for p in parameters.indices {
            let g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            for i in g.indices {
                state.momentumBuffer[p][i] = add(state.momentumBuffer[p][i] * momentum, g[i], alpha: 1 - momentum)
            }
            let debiased = state.momentumBuffer[p].map { $0 / bias1 }
            var u: [Double]
            if float32Preconditioner {
                var q = state.q[p].map { Float($0) }
                let m = debiased.map { Float($0) }
                if update {
                    let v = g.indices.map { _ in Float(state.generator.normal()) }
                    Self.updateDiagonal(&q, probe: v, m: momentumIntoPreconditionUpdate ? m : g.map { Float($0) })
                }
                state.q[p] = q.map { Double($0) }
                u = q.indices.map { Double((q[$0] * q[$0]) * m[$0]) }
            } else {
                if update {
                    let v = g.indices.map { _ in state.generator.normal() }
                    Self.updateDiagonal(&state.q[p], probe: v, m: momentumIntoPreconditionUpdate ? debiased : g)
                }
                let q = state.q[p]
                u = q.indices.map { (q[$0] * q[$0]) * debiased[$0] }
            }
            let rms = torchSqrt(PytorchOptimizer.mean(u.map { $0 * $0 }))
            let scale = minimum((1 / (rms + 1e-6)) * 1.1, 1)
            for i in u.indices {
                u[i] *= scale
                parameters[p].scalars[i] = add(parameters[p].scalars[i], u[i], alpha: -learningRate)
            }
        }
    }

    /// `update_precondition` for a diagonal factor q, in q's precision.
    static func updateDiagonal<T: BinaryFloatingPoint>(_ q: inout [T], probe v: [T], m: [T]) {
        let a = q.indices.map { q[$0] * m[$0] }
        let b = q.indices.map { v[$0] / q[$0] }
        let term1 = a.map { $0 * $0 }, term2 = b.map { $0 * $0 }
        var normInf: T = 0
        for i in q.indices { normInf = Swift.max(normInf, (term1[i] + term2[i]).magnitude) }
        let denominator = normInf + T(0x1p-126)
        for i in q.indices {
            var tmp = term1[i] - term2[i]
            tmp *= T(0.1)
            tmp *= q[i]
            tmp /= denominator
            q[i] -= tmp
        }
    }
}
