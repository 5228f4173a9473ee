/// FTRL-Proximal (Follow The Regularized Leader), as `pytorch_optimizer.FTRL`.
///
///     g ← ∇f(θ) (negated if maximize)
///     σ ← ((n + g²)^(−p) − n^(−p)) / γ;  n ← n + g²;  z ← z + g − σθ
///     θ ← (sign(z)·λ₁ − z) / ((√n + β)/γ + λ₂), or 0 where |z| ≤ λ₁     (p = lr_power)
///
/// McMahan et al., "Ad Click Prediction: a View from the Trenches", KDD 2013. Follows
/// pytorch_optimizer 4.1.0 (foreach path; `pow` with exponent ½ is torch's √ kernel, `torchSqrt`). The
/// point is recomputed from z and n at every step, not moved from where it was.
public struct FTRL: Optimizer {
    public static let info = OptimizerInfo(
        name: "FTRL", year: 2013,
        paper: "McMahan et al., Ad Click Prediction: a View from the Trenches, KDD 2013",
        reference: "pytorch_optimizer.FTRL")

    public var learningRate: Double
    public var lrPower: Double
    public var beta: Double
    public var lambda1: Double
    public var lambda2: Double
    public var maximize: Bool
    /// The accumulators `z` and `n` of each parameter.
    public var z: [[Double]] = []
    public var n: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        lrPower = try r.double("lr_power", default: -0.5,
                               Bound(lower: -.infinity, lowerInclusive: false, upper: 0, upperInclusive: true))
        beta = try r.double("beta", default: 0, .nonNegative)
        lambda1 = try r.double("lambda_1", default: 0, .nonNegative)
        lambda2 = try r.double("lambda_2", default: 0, .nonNegative)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: true)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if z.isEmpty {
            z = zeros(like: parameters)
            n = zeros(like: parameters)
        }
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let theta = parameters[p].scalars[i]
                let g = maximize ? -gradients[p].scalars[i] : gradients[p].scalars[i]
                let gsq = g * g
                let oldPower = PytorchOptimizer.pow(n[p][i], -lrPower)
                let newN = n[p][i] + gsq
                let sigma = (PytorchOptimizer.pow(newN, -lrPower) - oldPower) / learningRate
                let newZ = (z[p][i] + g) - sigma * theta
                let d = ((torchSqrt(newN) + beta) / learningRate) + lambda2
                var update = (sign(newZ) * lambda1 - newZ) / d
                if newZ.magnitude <= lambda1 { update = 0 }
                parameters[p].scalars[i] = update
                z[p][i] = newZ
                n[p][i] = newN
            }
        }
    }
}
