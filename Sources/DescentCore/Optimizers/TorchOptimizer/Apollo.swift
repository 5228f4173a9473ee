/// Apollo: a quasi-Newton method with a diagonal Hessian approximation B updated by the weak
/// secant equation, as `torch_optimizer.Apollo`.
///
///     γₜ ← linear warmup from init_lr to γ over `warmup` steps, then γ
///     g ← ∇f(θ) + λθ;  α ← (1 − β)/(1 − βᵗ)
///     Δg ← g − m;  m ← m + αΔg                         (bias-corrected gradient average)
///     d ← d / (‖d‖₄ + ε)                                (d: the previous update)
///     B ← B + (−α⟨Δg, d⟩/(‖d‖₄ + ε) − ⟨B, d²⟩) · d²
///     d ← m / max(|B|, 1);  θ ← θ − γₜd
///
/// Ma, "Apollo: An Adaptive Parameter-wise Diagonal Quasi-Newton Method for Nonconvex
/// Stochastic Optimization", arXiv 2020. Follows torch_optimizer 0.3.0 (norms and sums per
/// parameter tensor; the warmup's target is the learning rate at construction).
public struct Apollo: Optimizer {
    public var learningRate: Double
    /// The learning rate at construction (`base_lr`), the end of the warmup.
    public let baseLearningRate: Double
    public var beta: Double
    public var eps: Double
    public var warmup: Int
    public var initialLearningRate: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    /// `step`, and per parameter `exp_avg_grad`, `approx_hessian`, `update`.
    public var state = ApolloState()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .positive)
        baseLearningRate = learningRate
        beta = try r.double("beta", default: 0.9, .unitHalfOpen)
        eps = try r.double("eps", default: 1e-4, .nonNegative)
        warmup = try r.int("warmup", default: 0, .nonNegative)
        initialLearningRate = try r.double("init_lr", default: 0.01, .unitClosed)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters)
        let currentLr = state.stepCount < warmup
            ? (baseLearningRate - initialLearningRate) * Double(state.stepCount) / Double(warmup) + initialLearningRate
            : learningRate
        state.stepCount += 1
        let alpha = state.alpha(beta: beta)
        for p in parameters.indices {
            var g = gradients[p].scalars
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            _ = state.updateCurvature(p, g, alpha: alpha, eps: eps)
            for i in g.indices {
                state.update[p][i] = state.expAvgGrad[p][i] / clamp(Swift.abs(state.approxHessian[p][i]), 1, .infinity)
                parameters[p].scalars[i] = add(parameters[p].scalars[i], state.update[p][i], alpha: -currentLr)
            }
        }
    }
}
