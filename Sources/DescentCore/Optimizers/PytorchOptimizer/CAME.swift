/// CAME (Confidence-guided Adaptive Memory Efficient optimization), as `pytorch_optimizer.CAME`.
///
/// For a vector parameter such as a point the second moment is not factored, and the
/// confidence (residual) statistics — used only by factored matrices — do not arise:
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     v ← β₂v + (1 − β₂)(g² + ε₁);  u ← 1/√v
///     ams_bound:  v̂ ← max(v̂, 1/u);  u ← 1/√(v̂/β₂)
///     u ← u·g;  u ← u / max(1, RMS(u)/d)                 (d = clip_threshold, RMS = ‖u‖/√n)
///     m ← β₁m + (1 − β₁)u;  θ ← θ − γm
///
/// Luo et al., "CAME: Confidence-guided Adaptive Memory Efficient Optimization", ACL 2023.
/// Follows pytorch_optimizer 4.1.0 (foreach path). β₃ and ε₂ act only on factored (2-D)
/// parameters, so they are accepted and have no effect on a point.
public struct CAME: TensorwiseOptimizer {
    public var learningRate: Double
    public var betas: [Double]
    public var weightDecay: WeightDecay
    public var clipThreshold: Double
    public var amsBound: Bool
    public var eps1: Double
    public var eps2: Double
    public var maximize: Bool
    public var state = CoordinateState<Moments<LerpRounding>>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 2e-4, .nonNegative)
        betas = try r.list("betas", default: [0.9, 0.999, 0.9999], [.unitHalfOpen, .unitHalfOpen, .unitClosed])
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 0, decouple: true)
        clipThreshold = try r.double("clip_threshold", default: 1)
        amsBound = try r.bool("ams_bound", default: false)
        eps1 = try r.double("eps1", default: 1e-30, .nonNegative)
        eps2 = try r.double("eps2", default: 1e-16, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ moments: inout [Moments<LerpRounding>], tensor _: Int, _: Void) {
        let (beta1, beta2) = (betas[0], betas[1])
        var update = g
        for i in g.indices {
            let v = add(moments[i].expAvgSq * beta2, g[i] * g[i] + eps1, alpha: 1 - beta2)
            moments[i].expAvgSq = v
            var u = 1 / v.squareRoot()
            if amsBound {
                moments[i].maxExpAvgSq = max(moments[i].maxExpAvgSq, 1 / u)
                u = 1 / (moments[i].maxExpAvgSq / beta2).squareRoot()
            }
            update[i] = u * g[i]
        }
        let rms = PytorchOptimizer.norm(update) / Double(update.count).squareRoot()
        let clipping = max(rms / clipThreshold, 1)
        for i in g.indices {
            _ = moments[i].updateFirst(update[i] / clipping, beta1: beta1)
            theta[i] = add(theta[i], moments[i].expAvg, alpha: -learningRate)
        }
    }
}
