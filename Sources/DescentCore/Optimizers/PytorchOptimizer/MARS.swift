/// MARS (Make vAriance Reduction Shine), as `pytorch_optimizer.MARS`.
///
/// Parameters of two or more dimensions (and every parameter if `optimize_1d`) take the
/// variance-reduced step; the others, such as a point, take AdamW with `lr_1d`, `betas_1d`
/// and `weight_decay_1d`:
///
///     g ← ∇f(θ) (negated if maximize)
///     mixed:  c ← γβ₁/(1 − β₁)·(g − g_prev) + g;  c ← c/max(‖c‖, 1)        (c = g for the AdamW path)
///     m ← β₁m + (1 − β₁)c;  u ← m (cautious-masked against g if cautious)
///     lion (mixed only):  u ← sign(u)
///     else:  v ← β₂v + (1 − β₂)c²;  u ← u / ((√(max(v̂, v) or v + 1e-15) + ε)/√(1 − β₂ᵗ)·(1 − β₁ᵗ))
///     θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ;  θ ← θ − γu;  g_prev ← g
///
/// Yuan et al., "MARS: Unleashing the Power of Variance Reduction for Training Large Models",
/// 2024. Follows pytorch_optimizer 4.1.0 and its quirks: the 1-D learning rate is
/// `lr · (lr_1d / lr)` with the ratio fixed at construction; coupled weight decay is added to
/// the gradient after the update was computed, so it only enters `g_prev`; the foreach path
/// (adamw, lion) scales by `γ·β₁/(1 − β₁)`, the per-parameter path (shampoo, or `foreach: false`)
/// by `γ·(β₁/(1 − β₁))`.
/// For a point the shampoo type's Newton–Schulz branch never applies (it needs a 2-D gradient);
/// with `optimize_1d` it falls back to the AdamW form, as the reference does.
public struct MARS: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var gamma: Double
    public var marsType: String
    public var optimize1D: Bool
    public var lr1D: Double
    public var lr1DFactor: Double
    public var betas1D: (Double, Double)
    public var weightDecay1D: Double
    public var amsBound: Bool
    public var cautious: Bool
    /// The reference's code path: batched unless `foreach: false` or the shampoo type.
    public var foreach: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()
    /// The previous gradient `last_grad` of each parameter.
    public var lastGrad: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 3e-3, betas: (0.95, 0.99), weightDecay: .pytorchOptimizer(0, decouple: true), foreach: nil)
        gamma = try r.double("gamma", default: 0.025, .nonNegative)
        marsType = try r.choice("mars_type", default: "adamw", ["adamw", "lion", "shampoo"]) ?? "adamw"
        optimize1D = try r.bool("optimize_1d", default: false)
        lr1D = try r.double("lr_1d", default: 3e-3, .nonNegative)
        betas1D = try r.pair("betas_1d", default: (0.9, 0.95), (.unitHalfOpen, .unitHalfOpen))
        weightDecay1D = try r.double("weight_decay_1d", default: 1e-1, .nonNegative)
        amsBound = try r.bool("ams_bound", default: false)
        cautious = try r.bool("cautious", default: false)
        foreach = try r.foreach(cpuDefault: true)
        guard adam.learningRate != 0 else {
            throw .outOfRange(optimizer: "MARS", key: "lr", value: 0, allowed: "non-zero (the reference divides lr_1d by lr)")
        }
        lr1DFactor = lr1D / adam.learningRate
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        if lastGrad.isEmpty { lastGrad = zeros(like: parameters) }
        state.step += 1
        for p in parameters.indices {
            let mixed = optimize1D || parameters[p].shape.count >= 2
            let (b1, b2) = mixed ? (beta1, beta2) : betas1D
            let lr = learningRate * (mixed ? 1 : lr1DFactor)
            let wd = mixed ? weightDecay.coefficient : weightDecay1D
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            var c = g
            if mixed {
                let scale = marsType == "shampoo" || !foreach ? gamma * (b1 / (1 - b1)) : gamma * b1 / (1 - b1)
                for i in c.indices { c[i] = (g[i] - lastGrad[p][i]) * scale + g[i] }
                let n = PytorchOptimizer.norm(c)
                if n > 1 { c = c.map { $0 / n } }
            }
            for i in c.indices { state.slots[p][i].expAvg = lerp(state.slots[p][i].expAvg, c[i], 1 - b1) }
            var update = state.slots[p].map(\.expAvg)
            if cautious { PytorchOptimizer.applyCautious(&update, g) }
            if mixed && marsType == "lion" {
                update = update.map(sign)
            } else {
                let bias1 = biasCorrection(b1, step: state.step)
                let bias2Sqrt = biasCorrection(b2, step: state.step).squareRoot()
                for i in c.indices {
                    state.slots[p][i].expAvgSq = addcmul(state.slots[p][i].expAvgSq * b2, c[i], c[i], value: 1 - b2)
                    let d = PytorchOptimizer.amsBoundDenominator(
                        state.slots[p][i].expAvgSq, maxExpAvgSq: &state.slots[p][i].maxExpAvgSq, amsBound: amsBound, eps: eps)
                    update[i] /= (d / bias2Sqrt) * bias1
                }
            }
            WeightDecay(wd, weightDecay.form).apply(&theta, &g, lr: lr)
            for i in theta.indices { theta[i] = add(theta[i], update[i], alpha: -lr) }
            lastGrad[p] = g
            parameters[p].scalars = theta
        }
    }
}
