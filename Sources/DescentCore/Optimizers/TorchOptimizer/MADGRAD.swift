/// MADGRAD: a momentumized, dual-averaged form of AdaGrad with a cube-root denominator, as
/// `torch_optimizer.MADGRAD`.
///
///     λₖ ← (γ + ε)√(k + 1)                            (k: steps so far)
///     g ← ∇f(θ);  g ← g + λθ                           (weight_decay λ)
///     s₂ ← s₂ + λₖg²;  s ← s + λₖg
///     z ← x₀ − s / (∛s₂ + ε)                           (x₀: θ at the start)
///     θ ← z if momentum = 0 (x₀ then recomputed each step as θ + s/(∛s₂ + ε), before the update),
///     else θ ← (1 − c)θ + cz,  c = 1 − momentum
///
/// Defazio & Jelassi, "Adaptivity without Compromise: A Momentumized, Adaptive, Dual Averaged
/// Gradient Method for Stochastic Optimization", JMLR 2022 (arXiv 2021). Follows
/// torch_optimizer 0.3.0, dense gradients. torch's `pow(t, 1/3)` on a tensor of fewer than 16
/// elements is the C library's `pow` (measured; longer tensors take a vectorized kernel).
public struct MADGRAD: Optimizer {
    public static let info = OptimizerInfo(
        name: "MADGRAD", year: 2021,
        paper: "Defazio & Jelassi, Adaptivity without Compromise: A Momentumized, Adaptive, Dual Averaged Gradient Method for Stochastic Optimization, arXiv 2021",
        reference: "torch_optimizer.MADGRAD")

    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    public var eps: Double
    /// Steps taken (torch_optimizer's group `k`), and per parameter `grad_sum_sq`, `s`, `x0`.
    public var k = 0
    public var gradSumSq: [[Double]] = []
    public var s: [[Double]] = []
    public var x0: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-2, .positive)
        momentum = try r.double("momentum", default: 0.9, .unitHalfOpen)
        weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        eps = try r.double("eps", default: 1e-6, .nonNegative)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if gradSumSq.isEmpty {
            gradSumSq = zeros(like: parameters)
            s = gradSumSq
            if momentum != 0 { x0 = parameters.map(\.scalars) }
        }
        let lr = learningRate + eps
        let ck = 1 - momentum
        let lamb = lr * Double.pow(Double(k + 1), 0.5)
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                var theta = parameters[p].scalars[i]
                var g = gradients[p].scalars[i]
                applyWeightDecay(&theta, &g, weightDecay, lr: learningRate)
                let start = momentum == 0
                    ? addcdiv(theta, s[p][i], Double.pow(gradSumSq[p][i], 1.0 / 3.0) + eps, value: 1)
                    : x0[p][i]
                let sumSq = addcmul(gradSumSq[p][i], g, g, value: lamb)
                gradSumSq[p][i] = sumSq
                let rms = Double.pow(sumSq, 1.0 / 3.0) + eps
                let sum = add(s[p][i], g, alpha: lamb)
                s[p][i] = sum
                let z = addcdiv(start, sum, rms, value: -1)
                parameters[p].scalars[i] = momentum == 0 ? z : add(theta * (1 - ck), z, alpha: ck)
            }
        }
        k += 1
    }
}
