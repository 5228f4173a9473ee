/// AdaMuon (Muon with an elementwise second moment of the orthogonalised update), as
/// `pytorch_optimizer.AdaMuon`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (weight_decouple) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g;  O ← NewtonSchulz(m)
///     v ← β₂v + (1 − β₂)O²;  O ← O / (√(v/(1 − β₂ᵗ)) + ε)
///     O ← O·(s / (‖O‖ + ε))         (s = √min(rows, columns); s/x is torch's (1/x)·s)
///     θ ← θ − γ′O
///     γ′ = 0.2γ·√max(rows, columns) (use_adjusted_lr, the default), or γ·√max(1, rows/columns)
///
/// Si et al., "AdaMuon: Adaptive Muon Optimizer", arXiv 2025. Follows pytorch_optimizer 4.1.0's
/// default per-parameter path (`foreach` defaults to false) for a parameter group with
/// `use_muon=True`, the point as the 1×n matrix (`Tensor.matrixShape`), with Newton–Schulz in
/// float64 (Keller Jordan's form, `newtonSchulz`) rather than bfloat16, as the project's Muon
/// references are made. The AdamW settings (`adamw_*`) are for the library's non-Muon groups,
/// which a point never is: accepted, checked and unused. √ is torch's tensor root (`torchSqrt`).
public struct AdaMuon: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var nsSteps: Int
    public var nsSchedule: [(a: Double, b: Double, c: Double)]
    public var useAdjustedLR: Bool
    /// Each coordinate's `m` and `v` (the step count is in `state.step`).
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(
            &r, lr: 0.02, betas: (0.9, 0.95), weightDecay: .decouple(0, default: true, decoupled: .decoupled, coupled: .l2),
            eps: 1e-10, foreach: false)
        nsSteps = try r.int("ns_steps", default: 5, .positive)
        nsSchedule = try r.newtonSchulzSchedule()
        useAdjustedLR = try r.bool("use_adjusted_lr", default: true)
        try PytorchOptimizer.readMuonAdamW(&r, betas: (0.9, 0.999), readsEps: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { _ in Moments() }
        state.step += 1
        let bias2 = biasCorrection(beta2, step: state.step)
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            for i in g.indices { _ = state.slots[p][i].updateFirst(g[i], beta1: beta1) }
            var update = PytorchOptimizer.orthogonalize(
                state.slots[p].map(\.expAvg), like: parameters[p], schedule: nsSchedule, steps: nsSteps)
            for i in update.indices {
                let v = state.slots[p][i].updateSecond(update[i], beta2: beta2)
                update[i] /= torchSqrt(v / bias2) + eps
            }
            let shape = parameters[p].matrixShape
            let scale = Double(min(shape.rows, shape.columns)).squareRoot()
            let factor = (1 / (PytorchOptimizer.norm(update) + eps)) * scale
            let lr = PytorchOptimizer.muonAdjustedLR(learningRate, rows: shape.rows, columns: shape.columns, useAdjustedLR: useAdjustedLR)
            for i in theta.indices { theta[i] = add(theta[i], update[i] * factor, alpha: -lr) }
            parameters[p].scalars = theta
        }
    }
}
