/// ADOPT (modified Adam that converges with any β₂), as `pytorch_optimizer.ADOPT`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     t = 1:  v ← g²  (no step)
///     t > 1:  n ← clamp(g / max(√v, ε), −t^¼, t^¼);  m ← β₁m + (1 − β₁)n
///             u ← m (cautious-masked against n if cautious; ÷ StableAdamW RMS if stable_adamw)
///             θ ← θ − γu;  v ← β₂v + (1 − β₂)g²
///
/// Taniguchi et al., "ADOPT: Modified Adam Can Converge with Any β₂ with the Optimal Rate",
/// NeurIPS 2024. Follows pytorch_optimizer 4.1.0 with its default `clip_lambda = step ** 0.25`
/// (a Python callable; it cannot be given as a number, so it is not a hyperparameter here).
/// √v is torch's tensor root (`torchSqrt`).
public struct ADOPT: TensorwiseOptimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var cautious: Bool
    public var stableAdamW: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, betas: (0.9, 0.9999), weightDecay: .pytorchOptimizer(0, decouple: false), eps: 1e-6, foreach: true)
        cautious = try r.bool("cautious", default: false)
        stableAdamW = try r.bool("stable_adamw", default: false)
    }

    /// Whether this is the first step (which only initialises v), and the clip t^¼.
    public func coefficients(step: Int) -> (first: Bool, clip: Double) {
        (step == 1, pythonPow(Double(step), 0.25))
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor _: Int, _ c: (first: Bool, clip: Double)) {
        if c.first {
            for i in g.indices { moments[i].expAvgSq = addcmul(moments[i].expAvgSq, g[i], g[i], value: 1) }
            return
        }
        var normed = g
        for i in g.indices {
            let d = max(torchSqrt(moments[i].expAvgSq), eps)
            normed[i] = min(max(g[i] / d, -c.clip), c.clip)
            _ = moments[i].updateFirst(normed[i], beta1: beta1)
        }
        var update = moments.map(\.expAvg)
        if cautious { PytorchOptimizer.applyCautious(&update, normed) }
        if stableAdamW {
            let rms = PytorchOptimizer.stableAdamWRMS(g, moments.map(\.expAvgSq))
            update = update.map { $0 / rms }
        }
        for i in theta.indices {
            theta[i] = add(theta[i], update[i], alpha: -learningRate)
            _ = moments[i].updateSecond(g[i], beta2: beta2)
        }
    }
}
