/// Adafactor, as `torch.optim.Adafactor`: Adam-like steps without a first moment, with the
/// second moment of a matrix factored into row and column averages, a relative step size, and
/// update clipping.
///
///     g ← ∇f(θ) (negated if maximize);  t ← t + 1
///     β̂ ← t^c (beta2_decay c);  ρ ← min(γ, 1/√t);  a ← max(ε₂, RMS(θ)) · ρ
///     θ ← θ(1 − γλ)                                         (weight_decay λ, decoupled)
///     matrix:  R ← lerp(R, rowmean(g²), β̂);  C ← lerp(C, colmean(g²), β̂)
///              V ← R C / max(mean(R), ε₁)
///     vector:  V ← lerp(V, g², β̂)
///     u ← g / √max(V, ε₁²);  θ ← θ − a/max(1, RMS(u)/d) · u
///
/// Shazeer & Stern, "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost", ICML 2018.
/// torch's formula is followed (no first moment, ε₁ defaulting to the float64 machine epsilon,
/// `lr` capping the relative step). A 2-D point is a tensor of shape [2], a vector, so torch
/// keeps an unfactored second moment for it — as done here; matrices get the row and column
/// factors over their last two dimensions. `foreach` selects torch's multi-tensor path, which
/// computes the same formula but applies the step as `θ + (−a/max(…)·u)`, two roundings, where
/// the single-tensor path (torch's default on CPU, `foreach` false or null) fuses them into one
/// `add_(u, alpha=…)`; on chaotic paths the two drift apart, so both are reproduced.
public struct Adafactor: Optimizer {
    public var learningRate: Double
    public var beta2Decay: Double
    /// ε₁ (torch's `None`: the float64 machine epsilon, `finfo(float64).eps`) and ε₂.
    public var eps: (first: Double, second: Double)
    public var d: Double
    /// `weight_decay` λ, decoupled.
    public var weightDecay: WeightDecay
    public var maximize: Bool
    /// torch's multi-tensor path (`foreach=True`): the final step rounds `α·u` before adding it.
    public var foreach: Bool
    public var state: [AdafactorState] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        beta2Decay = try r.double("beta2_decay", default: -0.8, .init(lower: -.infinity, lowerInclusive: false, upper: 0, upperInclusive: true))
        eps = try Self.readEps(&r)
        d = try r.double("d", default: 1, .atLeast(1))
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .decoupled)
        if case .null? = r.values["foreach"] {
            _ = try? r.bool("foreach", default: false) // records the key; null is torch's default
            foreach = false
        } else {
            foreach = try r.bool("foreach", default: false)
        }
        maximize = try r.bool("maximize", default: false)
    }

    /// torch's `eps = (None, 1e-3)` with `eps[0] >= 0` and `eps[1] >= 0` when given. `None` (JSON
    /// null) means the float64 machine epsilon, `finfo(float64).eps`, which is also the default
    /// shown in listings.
    private static func readEps(_ r: inout HyperparameterReader) throws(OptimizerError) -> (Double, Double) {
        let rules: (Bound, Bound) = (.nonNegative, .nonNegative)
        if case .list(let items)? = r.values["eps"], items.count == 2, items[0] == .null {
            // Record the key (the reader rejects the null, which is allowed here), then check ε₂.
            _ = try? r.pair("eps", default: (.ulpOfOne, 1e-3), rules)
            var second = HyperparameterReader(optimizer: r.optimizer, values: ["eps[1]": items[1]])
            return (.ulpOfOne, try second.double("eps[1]", default: 1e-3, rules.1))
        }
        return try r.pair("eps", default: (.ulpOfOne, 1e-3), rules)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.isEmpty {
            state = parameters.map(AdafactorState.init(like:))
        }
        let eps1 = eps.first
        for p in parameters.indices {
            state[p].step += 1
            let t = Double(state[p].step)
            let oneMinusBeta2 = pythonPow(t, beta2Decay)
            let rho = Swift.min(learningRate, 1 / pythonPow(t, 0.5))
            let n = pythonPow(Double(parameters[p].count), 0.5)
            let alpha = Swift.max(eps.second, parameters[p].norm / n) * rho
            var g = maximize ? gradients[p].scalars.map { -$0 } : gradients[p].scalars
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            let estimate = parameters[p].shape.count > 1
                ? factoredEstimate(&state[p], g, shape: parameters[p].shape, weight: oneMinusBeta2, eps1: eps1)
                : vectorEstimate(&state[p], g, weight: oneMinusBeta2)
            var update = Tensor(shape: parameters[p].shape, scalars: estimate)
            for i in update.scalars.indices {
                update.scalars[i] = 1 / Swift.max(update.scalars[i], eps1 * eps1).squareRoot() * g[i]
            }
            let denom = Swift.max(1.0, update.norm / (n * d))
            let scale = -alpha / denom
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                parameters[p].scalars[i] = foreach ? theta + update.scalars[i] * scale : add(theta, update.scalars[i], alpha: scale)
            }
        }
    }

    /// V ← lerp(V, g², β̂) for a vector.
    private func vectorEstimate(_ s: inout AdafactorState, _ g: [Double], weight: Double) -> [Double] {
        for i in g.indices { s.variance[i] = lerp(s.variance[i], g[i] * g[i], weight) }
        return s.variance
    }

    /// R C / max(mean(R), ε₁) over the last two dimensions, each leading index separately.
    private func factoredEstimate(_ s: inout AdafactorState, _ g: [Double], shape: [Int], weight: Double, eps1: Double) -> [Double] {
        let rows = shape[shape.count - 2], columns = shape[shape.count - 1]
        var out = [Double](repeating: 0, count: g.count)
        for b in 0..<(g.count / max(rows * columns, 1)) {
            let base = b * rows * columns
            for r in 0..<rows {
                let row = Tensor(Array(g[(base + r * columns)..<(base + (r + 1) * columns)]))
                let n = row.norm
                s.rowVar[b * rows + r] = lerp(s.rowVar[b * rows + r], n * n / Double(columns), weight)
            }
            for c in 0..<columns {
                let column = Tensor((0..<rows).map { g[base + $0 * columns + c] })
                let n = column.norm
                s.colVar[b * columns + c] = lerp(s.colVar[b * columns + c], n * n / Double(rows), weight)
            }
            var rowSum = 0.0
            for r in 0..<rows { rowSum += s.rowVar[b * rows + r] }
            let rowMean = Swift.max(rowSum / Double(rows), eps1)
            for r in 0..<rows {
                for c in 0..<columns {
                    out[base + r * columns + c] = s.rowVar[b * rows + r] * s.colVar[b * columns + c] / rowMean
                }
            }
        }
        return out
    }
}

/// Adafactor's per-parameter state (torch's names): step count, and either the row and column
/// factors of the second moment (matrices) or the full second moment (vectors).
public struct AdafactorState: Sendable, Hashable {
    public var step = 0
    public var rowVar: [Double] = []
    public var colVar: [Double] = []
    public var variance: [Double] = []

    /// Zero factors over the last two dimensions of a matrix, a zero second moment for a vector.
    init(like p: Tensor) {
        guard p.shape.count > 1 else {
            variance = [Double](repeating: 0, count: p.count)
            return
        }
        let rows = p.shape[p.shape.count - 2], columns = p.shape[p.shape.count - 1]
        let batches = p.count / Swift.max(rows * columns, 1)
        rowVar = [Double](repeating: 0, count: batches * rows)
        colVar = [Double](repeating: 0, count: batches * columns)
    }
}
