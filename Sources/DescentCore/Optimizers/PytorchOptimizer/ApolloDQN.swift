/// ApolloDQN (Apollo, the diagonal quasi-Newton method, with pytorch_optimizer's options), as
/// `pytorch_optimizer.ApolloDQN`.
///
///     γₜ ← (γ₀ − init_lr)·t/warmup_steps + init_lr while t < warmup_steps, then γ   (γ₀: lr at construction)
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ if weight_decay_type is l2
///     α ← (1 − β)/(1 − βᵗ);  ε′ ← ε/0.01 if rebound is constant, else ε
///     Δg ← g − m;  ρ ← ‖Δg‖_∞ (belief) or 0.01 (constant);  m ← m + αΔg
///     d ← d / (‖d‖₄ + ε′)                                (d: the previous update)
///     B ← B + (−α⟨Δg/(‖d‖₄ + ε′), d⟩ − ⟨B, d²⟩) · d²
///     D ← max(|B|, ρ) (+ ε′/α if belief);  d ← m / D
///     d ← d + λθ if decoupled, d + (λ/mean(D))·θ if stable;  θ ← θ − γₜd
///
/// Ma, "Apollo: An Adaptive Parameter-wise Diagonal Quasi-Newton Method for Nonconvex Stochastic
/// Optimization", arXiv 2020. The algorithm of torch_optimizer's Apollo (`Apollo`), as
/// pytorch_optimizer 4.1.0 writes it (per-parameter loop: its foreach path runs on CUDA only).
/// `init_lr` null means γ₀/1000.
public struct ApolloDQN: Optimizer {
    public var learningRate: Double
    /// The learning rate at construction (`self.lr`), the end of the warm-up.
    public let baseLearningRate: Double
    public var initialLearningRate: Double
    public var beta: Double
    /// `rebound`: "constant" or "belief".
    public var beliefRebound: Bool
    public var weightDecay: Double
    /// `weight_decay_type`: "l2", "decoupled" or "stable".
    public var weightDecayType: String
    public var warmupSteps: Int
    public var eps: Double
    public var maximize: Bool
    /// `step`, and per parameter `exp_avg_grad`, `approx_hessian`, `update`.
    public var state = ApolloState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .nonNegative)
        baseLearningRate = learningRate
        initialLearningRate = try r.optionalDouble("init_lr", default: 1e-5) ?? learningRate / 1000
        beta = try r.double("beta", default: 0.9, .unitHalfOpen)
        beliefRebound = try r.choice("rebound", default: "constant", ["constant", "belief"]) == "belief"
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        weightDecayType = try r.choice("weight_decay_type", default: "l2", ["l2", "decoupled", "stable"]) ?? "l2"
        warmupSteps = try r.int("warmup_steps", default: 500)
        eps = try r.double("eps", default: 1e-4, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters)
        state.stepCount += 1
        let step = state.stepCount
        let currentLR = step >= warmupSteps
            ? learningRate
            : (baseLearningRate - initialLearningRate) * Double(step) / Double(warmupSteps) + initialLearningRate
        let epsilon = beliefRebound ? eps : eps / 1e-2
        let alpha = state.alpha(beta: beta)
        for p in parameters.indices {
            let theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            if weightDecay > 0, weightDecayType == "l2" {
                for i in g.indices { g[i] = add(g[i], theta[i], alpha: weightDecay) }
            }
            let (deltaGrad, _) = state.updateCurvature(p, g, alpha: alpha, eps: epsilon)
            let rebound = beliefRebound ? deltaGrad.reduce(0) { maximum($0, Swift.abs($1)) } : 1e-2
            var d = [Double](repeating: 0, count: g.count)
            for i in g.indices {
                d[i] = clamp(Swift.abs(state.approxHessian[p][i]), rebound, .infinity)
                if beliefRebound { d[i] += epsilon / alpha }
                state.update[p][i] = state.expAvgGrad[p][i] / d[i]
            }
            if weightDecay > 0, weightDecayType != "l2" {
                let decay = weightDecayType == "stable" ? weightDecay / PytorchOptimizer.mean(d) : weightDecay
                for i in g.indices { state.update[p][i] = add(state.update[p][i], theta[i], alpha: decay) }
            }
            for i in g.indices { parameters[p].scalars[i] = add(theta[i], state.update[p][i], alpha: -currentLR) }
        }
    }
}
