/// Schedule-free AdamW, as `pytorch_optimizer.ScheduleFreeAdamW` (in training mode: the point
/// is the interpolated iterate y at which gradients are taken).
///
///     g ← ∇f(y) (negated if maximize);  γₜ = γ·min(1, t/warmup_steps);  γ_max ← max(γₜ, γ_max)
///     w = t^r·γ_max^p;  W ← W + w;  c = w/W (c ← min(1, c(1 − β₁)C) if decoupling_c C > 0)
///     v ← β₂v + (1 − β₂)g²;  g ← g / (√(max(v̂, v/(1 − β₂ᵗ)) or v/(1 − β₂ᵗ) + 1e-15) + ε)
///     g ← g + λy;  y ← (1 − c)y + c·z;  y ← y + γₜ(β₁(1 − c) − 1)·g;  z ← z − γₜg
///     (p = weight_lr_power)
///
/// Defazio et al., "The Road Less Scheduled", NeurIPS 2024. Follows pytorch_optimizer 4.1.0
/// (foreach path). `use_palm` is stored by the reference but never read: accepted, no effect.
public struct ScheduleFreeAdamW: Optimizer {
    public static let info = OptimizerInfo(
        name: "ScheduleFreeAdamW", year: 2024,
        paper: "Defazio et al., The Road Less Scheduled, NeurIPS 2024",
        reference: "pytorch_optimizer.ScheduleFreeAdamW")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var weightDecay: Double
    public var r: Double
    public var weightLRPower: Double
    public var warmupSteps: Int
    public var decouplingC: Double
    public var amsBound: Bool
    public var eps: Double
    public var maximize: Bool
    public var usePalm: Bool
    public var state = State()

    /// The group's step, weight sum and largest learning rate, and per parameter z and the moments.
    public struct State: Sendable, Hashable {
        public var step = 0
        public var weightSum = 0.0
        public var lrMax = -1.0
        public var z: [[Double]] = []
        public var expAvgSq: [[Double]] = []
        public var maxExpAvgSq: [[Double]] = []
    }

    public init(hyperparameters reader: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try reader.double("lr", default: 2.5e-3, .nonNegative)
        (beta1, beta2) = try reader.pair("betas", default: (0.9, 0.999), (.open(0, 1), .unitHalfOpen))
        weightDecay = try reader.double("weight_decay", default: 0, .nonNegative)
        r = try reader.double("r", default: 0)
        weightLRPower = try reader.double("weight_lr_power", default: 2)
        warmupSteps = try reader.int("warmup_steps", default: 0)
        decouplingC = try reader.double("decoupling_c", default: 0, .nonNegative)
        amsBound = try reader.bool("ams_bound", default: false)
        eps = try reader.double("eps", default: 1e-8, .nonNegative)
        maximize = try reader.bool("maximize", default: false)
        _ = try reader.foreach(cpuDefault: true)
        usePalm = try reader.bool("use_palm", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if state.z.isEmpty {
            state.z = parameters.map(\.scalars)
            state.expAvgSq = zeros(like: parameters)
            state.maxExpAvgSq = zeros(like: parameters)
        }
        state.step += 1
        let schedule = state.step < warmupSteps ? Double(state.step) / Double(warmupSteps) : 1
        let bias2 = biasCorrection(beta2, step: state.step)
        let lr = learningRate * schedule
        state.lrMax = state.lrMax > lr ? state.lrMax : lr
        let weight = pythonPow(Double(state.step), r) * pythonPow(state.lrMax, weightLRPower)
        state.weightSum += weight
        var checkpoint = state.weightSum != 0 ? weight / state.weightSum : 0
        if decouplingC > 0 {
            let c = checkpoint * (1 - beta1) * decouplingC
            checkpoint = c < 1 ? c : 1
        }
        let yStep = lr * (beta1 * (1 - checkpoint) - 1)
        for p in parameters.indices {
            var y = parameters[p].scalars
            for i in y.indices {
                var g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                state.expAvgSq[p][i] = addcmul(state.expAvgSq[p][i] * beta2, g, g, value: 1 - beta2)
                let d = PytorchOptimizer.amsBoundDenominator(
                    state.expAvgSq[p][i] / bias2, maxExpAvgSq: &state.maxExpAvgSq[p][i], amsBound: amsBound, eps: eps)
                g /= d
                if weightDecay != 0 { g = add(g, y[i], alpha: weightDecay) }
                y[i] = add(lerp(y[i], state.z[p][i], checkpoint), g, alpha: yStep)
                state.z[p][i] = add(state.z[p][i], g, alpha: -lr)
            }
            parameters[p].scalars = y
        }
    }
}
