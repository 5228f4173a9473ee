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
    public var stepCount = 0
    public var expAvgGrad: [[Double]] = []
    public var approxHessian: [[Double]] = []
    public var update: [[Double]] = []

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
        if expAvgGrad.isEmpty {
            expAvgGrad = zeros(like: parameters)
            approxHessian = expAvgGrad
            update = expAvgGrad
        }
        let currentLr = stepCount < warmup
            ? (baseLearningRate - initialLearningRate) * Double(stepCount) / Double(warmup) + initialLearningRate
            : learningRate
        stepCount += 1
        let biasCorrection = 1 - pythonPow(beta, Double(stepCount))
        let alpha = (1 - beta) / biasCorrection
        for p in parameters.indices {
            let n = parameters[p].count
            var g = gradients[p].scalars
            weightDecay.apply(&parameters[p].scalars, &g, lr: learningRate)
            var deltaGrad = [Double](repeating: 0, count: n)
            for i in 0..<n {
                deltaGrad[i] = g[i] - expAvgGrad[p][i]
                expAvgGrad[p][i] = add(expAvgGrad[p][i], deltaGrad[i], alpha: alpha)
            }
            let norm4 = pythonPow(sum(update[p].map { pythonPow(Swift.abs($0), 4) }), 0.25)
            let denom = norm4 + eps
            var vSq = [Double](repeating: 0, count: n)
            for i in 0..<n {
                update[p][i] /= denom
                vSq[i] = update[p][i] * update[p][i]
            }
            let projected = sum((0..<n).map { deltaGrad[$0] / denom * update[p][$0] })
            let curvature = sum((0..<n).map { approxHessian[p][$0] * vSq[$0] })
            let delta = projected * -alpha - curvature
            for i in 0..<n {
                approxHessian[p][i] = addcmul(approxHessian[p][i], vSq[i], delta, value: 1)
                update[p][i] = expAvgGrad[p][i] / clamp(Swift.abs(approxHessian[p][i]), 1, .infinity)
                parameters[p].scalars[i] = add(parameters[p].scalars[i], update[p][i], alpha: -currentLr)
            }
        }
    }
}
