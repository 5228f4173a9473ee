/// BCOS (block coordinate optimal stepsizes), as `pytorch_optimizer.BCOS`.
///
///     g ← ∇f(θ) (negated if maximize);  θ ← θ(1 − γλ) (weight_decouple) or g ← g + λθ
///     d ← m ← βm + (1 − β)g  (modes m, c; m starts at the first gradient)   or d ← g (mode g)
///     modes g, m:  v ← β_v·v + (1 − β_v)d²        (β_v = beta2, or β when null; v starts at g₁²)
///     mode c:      v ← (3β² − 2β³)m² + (1 − β)²g² + (2β(1 − β)²·m)·g
///                  or, simple_cond, v ← β_v·m² + (1 − β_v)g² with β_v = beta2 or 1 − (1 − β)²
///     θ ← θ − γ·d / (√v + ε)
///
/// Jiang et al., "Stochastic Approximation with Block Coordinate Optimal Stepsizes", arXiv 2025.
/// Follows pytorch_optimizer 4.1.0 (default foreach path). Weight decay defaults to 0.1,
/// decoupled. √v is torch's tensor root (`torchSqrt`); the β powers are Python's.
public struct BCOS: Optimizer {
    public var learningRate: Double
    public var beta: Double
    public var beta2: Double?
    /// "g", "m" or "c".
    public var mode: String
    public var simpleCond: Bool
    public var weightDecay: WeightDecay
    public var eps: Double
    public var maximize: Bool
    /// The step count and each coordinate's `m` (modes m, c) and `v` (modes g, m), made from the first gradient.
    public var step = 0
    public var m: [[Double]] = []
    public var v: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        beta = try r.double("beta", default: 0.9, .unitHalfOpen)
        beta2 = try r.optionalDouble("beta2", default: nil)
        mode = try r.choice("mode", default: "c", ["g", "m", "c"]) ?? "c"
        simpleCond = try r.bool("simple_cond", default: false)
        let lambda = try r.double("weight_decay", default: 0.1, .nonNegative)
        weightDecay = WeightDecay(lambda, try r.bool("weight_decouple", default: true) ? .decoupled : .l2)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let useM = mode != "g", useV = mode != "c"
        if step == 0 {
            if useM { m = gradients.map { PytorchOptimizer.gradient($0, maximize: maximize) } }
            if useV { v = gradients.map { $0.scalars.map { $0 * $0 } } }
        }
        step += 1
        let betaV = beta2 ?? (mode == "c" ? 1 - pythonPow(1 - beta, 2) : beta)
        let b2 = pythonPow(beta, 2), b3 = pythonPow(beta, 3), c2 = pythonPow(1 - beta, 2)
        for p in parameters.indices {
            var theta = parameters[p].scalars
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            weightDecay.apply(&theta, &g, lr: learningRate)
            for i in theta.indices {
                var d = g[i]
                if useM {
                    m[p][i] = lerp(m[p][i], g[i], 1 - beta)
                    d = m[p][i]
                }
                let second: Double
                if useV {
                    v[p][i] = lerp(v[p][i], d * d, 1 - betaV)
                    second = v[p][i]
                } else if simpleCond {
                    second = d * d * betaV + g[i] * g[i] * (1 - betaV)
                } else {
                    second = d * d * (3 * b2 - 2 * b3) + g[i] * g[i] * c2 + d * (2 * beta * c2) * g[i]
                }
                theta[i] = addcdiv(theta[i], d, torchSqrt(second) + eps, value: -learningRate)
            }
            parameters[p].scalars = theta
        }
    }
}
