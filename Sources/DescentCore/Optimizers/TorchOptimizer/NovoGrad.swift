/// NovoGrad: momentum SGD on gradients normalized by a per-tensor moving average of ‖g‖²,
/// as `torch_optimizer.NovoGrad`.
///
///     n ← ‖g‖²;  v ← n at the first step (or whenever v = 0), else v ← β₂v + (1 − β₂)n
///     v̂ ← max(v̂, v) if amsgrad
///     g ← g / (√v + ε) + λθ;  g ← (1 − β₁)g if grad_averaging
///     m ← β₁m + g;  θ ← θ − γm
///
/// Ginsburg, Castonguay, Hrinchuk, Kuchaiev, Lavrukhin, Leary, Li, Nguyen, Zhang & Cohen,
/// "Stochastic Gradient Methods with Layer-wise Adaptive Moments for Training of Deep
/// Networks", arXiv 2019. Follows torch_optimizer 0.3.0 (default betas (0.95, 0)).
public struct NovoGrad: Optimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ is added to the normalized gradient by `step`.
    public var adam: AdamHyperparameters
    public var gradAveraging: Bool
    public var amsgrad: Bool
    /// Per parameter tensor: the momentum, and the scalar second moment and its maximum.
    public var expAvg: [[Double]] = []
    public var expAvgSq: [Double] = []
    public var maxExpAvgSq: [Double] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(torchOptimizer: &r, betas: (0.95, 0), weightDecay: .coefficient(0, .inUpdate))
        gradAveraging = try r.bool("grad_averaging", default: false)
        amsgrad = try r.bool("amsgrad", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if expAvg.isEmpty {
            expAvg = zeros(like: parameters)
            expAvgSq = [Double](repeating: 0, count: parameters.count)
            maxExpAvgSq = expAvgSq
        }
        for p in parameters.indices {
            let norm = sum(gradients[p].scalars.map { $0 * $0 })
            expAvgSq[p] = expAvgSq[p] == 0 ? norm : add(expAvgSq[p] * beta2, norm, alpha: 1 - beta2)
            var second = expAvgSq[p]
            if amsgrad {
                second = maximum(maxExpAvgSq[p], second)
                maxExpAvgSq[p] = second
            }
            let denom = torchSqrt(second) + eps
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i] / denom
                if weightDecay.coefficient != 0 { g = add(g, theta, alpha: weightDecay.coefficient) }
                if gradAveraging { g *= 1 - beta1 }
                let m = expAvg[p][i] * beta1 + g
                expAvg[p][i] = m
                parameters[p].scalars[i] = add(theta, m, alpha: -learningRate)
            }
        }
    }
}
