/// Apollo's state — the step count and, per parameter tensor, the averaged gradient m
/// (`exp_avg_grad`), the diagonal quasi-Newton Hessian B (`approx_hessian`) and the last
/// update d (`update`) — and its diagonal secant update, which torch_optimizer's `Apollo` and
/// pytorch_optimizer's `ApolloDQN` share:
///
///     α = (1 − β)/(1 − βᵗ);  δg = g − m;  m ← m + α·δg
///     d ← d / (‖d‖₄ + ε);  v = d²                                  (‖·‖₄: (Σ|dᵢ|⁴)^¼, Python's pow)
///     B ← B + v·(−α·Σ(δg·d) − Σ(B·v))                              (the weak secant condition)
///
/// Ma, "Apollo: An Adaptive Parameter-wise Diagonal Quasi-Newton Method for Nonconvex
/// Stochastic Optimization", arXiv 2020. Each optimizer then rectifies B and steps with m/|B|.
public struct ApolloState: Sendable, Hashable {
    public var stepCount = 0
    public var expAvgGrad: [[Double]] = []
    public var approxHessian: [[Double]] = []
    public var update: [[Double]] = []

    public init() {}

    /// Zero state for `parameters` at the first step.
    mutating func prepare(_ parameters: [Tensor]) {
        guard expAvgGrad.isEmpty else { return }
        expAvgGrad = zeros(like: parameters)
        approxHessian = expAvgGrad
        update = expAvgGrad
    }

    /// α = (1 − β)/(1 − βᵗ) at the current step count.
    func alpha(beta: Double) -> Double {
        (1 - beta) / biasCorrection(beta, step: stepCount)
    }

    /// Tensor `p`'s averaged gradient and Hessian after gradient `g`, as the type's comment
    /// says; returns δg and the denominator ‖d‖₄ + ε.
    mutating func updateCurvature(_ p: Int, _ g: [Double], alpha: Double, eps: Double) -> (deltaGrad: [Double], denom: Double) {
        let n = g.count
        var deltaGrad = [Double](repeating: 0, count: n)
        for i in 0..<n {
            deltaGrad[i] = g[i] - expAvgGrad[p][i]
            expAvgGrad[p][i] = add(expAvgGrad[p][i], deltaGrad[i], alpha: alpha)
        }
        let denom = pythonPow(sum(update[p].map { pythonPow(Swift.abs($0), 4) }), 0.25) + eps
        var vSq = [Double](repeating: 0, count: n)
        for i in 0..<n {
            update[p][i] /= denom
            vSq[i] = update[p][i] * update[p][i]
        }
        let projected = sum((0..<n).map { deltaGrad[$0] / denom * update[p][$0] })
        let curvature = sum((0..<n).map { approxHessian[p][$0] * vSq[$0] })
        let delta = projected * -alpha - curvature
        for i in 0..<n { approxHessian[p][i] = addcmul(approxHessian[p][i], vSq[i], delta, value: 1) }
        return (deltaGrad, denom)
    }
}
