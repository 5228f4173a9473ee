#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RangerVA: Ranger with a calibrated (softplus) adaptive learning rate, as
/// `torch_optimizer.RangerVA` (pytorch_ranger 0.1.1, Ranger 9.13.19A).
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  v ← β₂v + (1 − β₂)·τ(g)    (float32;
///                                                     τ = square or abs: v is updated twice)
///     v̂ ← max(v̂, v) if amsgrad, else v;  d ← √v̂ if τ = square, else v̂
///     θ ← θ − γλθ                                                         (weight_decay λ)
///     softplus:  θ ← θ − (γ√(1 − β₂ᵗ)/(1 − β₁ᵗ)) · m / softplusₛ(d)      (smooth s)
///     otherwise: θ ← θ − (γ²√(1 − β₂ᵗ)/(1 − β₁ᵗ)) · m / (√v + ε)
///     every k-th step:  φ ← φ + α(θ − φ);  θ ← φ                          (`RangerLookahead`)
///
/// Tong, Liang & Bi, "Calibrating the Adaptive Learning Rate to Improve Convergence of ADAM"
/// (arXiv 2019, Neurocomputing 2022), with RAdam/Lookahead as Ranger, by Wright 2019. Quirks
/// reproduced: the moments are float32 as in `Ranger`, but the AMSGrad maximum is float64 (so
/// with amsgrad the root and the softplus are float64, without it float32); the second moment
/// takes the gradient twice; the non-softplus branch multiplies by γ twice; softplus is torch's
/// `x if sx > 20 else log1p(exp(sx))/s`. `transformer` is "softplus" or any other value for the
/// plain denominator ("none" here); `grad_transformer` is "square" or "abs" (the reference
/// fails on anything else); `n_sma_threshhold` is accepted and, as in the reference, unused.
public struct RangerVA: Optimizer {
    public static let info = OptimizerInfo(
        name: "RangerVA", year: 2019,
        paper: "Tong, Liang & Bi, Calibrating the Adaptive Learning Rate to Improve Convergence of ADAM, arXiv 2019 (+ Ranger, Wright 2019)",
        reference: "torch_optimizer.RangerVA")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    public var amsgrad: Bool
    public var softplus: Bool
    public var smooth: Double
    public var squareGradient: Bool
    public var lookahead: RangerLookahead
    public var step = 0
    /// `exp_avg`, `exp_avg_sq` (float32) and `max_exp_avg_sq` (float64), as the reference.
    public var expAvg: [[Float]] = []
    public var expAvgSq: [[Float]] = []
    public var maxExpAvgSq: [[Double]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        let alpha = try r.double("alpha", default: 0.5, .unitClosed)
        let k = try r.int("k", default: 6, .atLeast(1))
        _ = try r.int("n_sma_threshhold", default: 5)
        (beta1, beta2) = try r.pair("betas", default: (0.95, 0.999), (.any, .any))
        eps = try r.double("eps", default: 1e-5, .positive)
        weightDecay = try r.double("weight_decay", default: 0)
        amsgrad = try r.bool("amsgrad", default: true)
        softplus = try r.choice("transformer", default: "softplus", ["softplus", "none"]) == "softplus"
        smooth = try r.double("smooth", default: 50)
        squareGradient = try r.choice("grad_transformer", default: "square", ["square", "abs"]) == "square"
        lookahead = RangerLookahead(k: k, alpha: alpha)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if expAvg.isEmpty {
            expAvg = parameters.map { [Float](repeating: 0, count: $0.count) }
            expAvgSq = expAvg
            maxExpAvgSq = zeros(like: parameters)
            lookahead.prepare(parameters)
        }
        step += 1
        let t = Double(step)
        let bias1 = 1 - pythonPow(beta1, t), bias2 = 1 - pythonPow(beta2, t)
        let stepSize = learningRate * bias2.squareRoot() / bias1
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let g = Float(gradients[p].scalars[i])
                var theta = Float(parameters[p].scalars[i])
                var v = Ranger.secondMoment(expAvgSq[p][i], g, beta2: beta2)
                let m = Ranger.firstMoment(expAvg[p][i], g, beta1: beta1)
                let transformed = squareGradient ? g * g : g.magnitude
                v = v * Float(beta2) + Float(1 - beta2) * transformed
                expAvgSq[p][i] = v
                expAvg[p][i] = m
                if weightDecay != 0 { theta = theta.addingProduct(Float(-weightDecay * learningRate), theta) }
                if softplus {
                    if amsgrad {
                        let maxV = maximum(maxExpAvgSq[p][i], Double(v))
                        maxExpAvgSq[p][i] = maxV
                        let d = RangerVA.softplus(squareGradient ? torchSqrt(maxV) : maxV, smooth)
                        theta = Float(Double(theta) + (-stepSize * Double(m)) / d)
                    } else {
                        let d = RangerVA.softplus(squareGradient ? Ranger.float32Sqrt(v) : v, Float(smooth))
                        theta = theta + (Float(-stepSize) * m) / d
                    }
                } else {
                    if amsgrad { maxExpAvgSq[p][i] = maximum(maxExpAvgSq[p][i], Double(v)) }
                    theta = theta + (Float(-stepSize * learningRate) * m) / (Ranger.float32Sqrt(v) + Float(eps))
                }
                parameters[p].scalars[i] = Double(theta)
            }
            lookahead.synchronize(&parameters[p], p, step: step)
        }
    }

    /// torch's `Softplus(beta)` on one float64 element: `x` if βx > 20, else
    /// log1p(exp(βx))/β with the C library's functions (torch's scalar loop, for 2 elements).
    static func softplus(_ x: Double, _ beta: Double) -> Double {
        x * beta > 20 ? x : log1p(exp(x * beta)) / beta
    }

    /// The same on a float32 element (`expf`, `log1pf`).
    static func softplus(_ x: Float, _ beta: Float) -> Float {
        x * beta > 20 ? x : log1pf(expf(x * beta)) / beta
    }
}
