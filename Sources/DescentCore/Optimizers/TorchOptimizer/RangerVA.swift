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
public struct RangerVA: ElementwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    /// `weight_decay` λ, which the update applies in float32.
    public var weightDecay: WeightDecay
    public var amsgrad: Bool
    public var softplus: Bool
    public var smooth: Double
    public var squareGradient: Bool
    public var lookahead: RangerLookahead
    /// The step count and each coordinate's state.
    public var state = CoordinateState<Slot>()

    /// One coordinate's `exp_avg`, `exp_avg_sq` (float32) and `max_exp_avg_sq` (float64).
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var moments = Float32Moments()
        public var maxExpAvgSq = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        let alpha = try r.double("alpha", default: 0.5, .unitClosed)
        let k = try r.int("k", default: 6, .atLeast(1))
        _ = try r.int("n_sma_threshhold", default: 5)
        (beta1, beta2) = try r.pair("betas", default: (0.95, 0.999), (.any, .any))
        eps = try r.double("eps", default: 1e-5, .positive)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0), .inUpdate)
        amsgrad = try r.bool("amsgrad", default: true)
        softplus = try r.choice("transformer", default: "softplus", ["softplus", "none"]) == "softplus"
        smooth = try r.double("smooth", default: 50)
        squareGradient = try r.choice("grad_transformer", default: "square", ["square", "abs"]) == "square"
        lookahead = RangerLookahead(k: k, alpha: alpha)
    }

    /// The elementwise step, then Lookahead's sync (its slow weights copied at the first step).
    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        lookahead.prepare(parameters)
        updateCoordinates(&parameters, gradients: gradients)
        for p in parameters.indices { lookahead.synchronize(&parameters[p], p, step: state.step) }
    }

    /// γ√(1 − β₂ᵗ)/(1 − β₁ᵗ).
    public func coefficients(step: Int) -> Double {
        learningRate * biasCorrection(beta2, step: step).squareRoot() / biasCorrection(beta1, step: step)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _ stepSize: Double) {
        let g = Float(g)
        var t = Float(theta)
        let (m, v0) = slot.moments.update(g, beta1: beta1, beta2: beta2)
        // The second moment takes the (transformed) gradient a second time.
        let v = v0 * Float(beta2) + Float(1 - beta2) * (squareGradient ? g * g : g.magnitude)
        slot.moments.expAvgSq = v
        if weightDecay.coefficient != 0 { t = t.addingProduct(Float(-weightDecay.coefficient * learningRate), t) }
        if softplus {
            if amsgrad {
                slot.maxExpAvgSq = maximum(slot.maxExpAvgSq, Double(v))
                let d = RangerVA.softplus(squareGradient ? torchSqrt(slot.maxExpAvgSq) : slot.maxExpAvgSq, smooth)
                t = Float(Double(t) + (-stepSize * Double(m)) / d)
            } else {
                let d = RangerVA.softplus(squareGradient ? torchSqrt(float32: v) : v, Float(smooth))
                t = t + (Float(-stepSize) * m) / d
            }
        } else {
            if amsgrad { slot.maxExpAvgSq = maximum(slot.maxExpAvgSq, Double(v)) }
            t = t + (Float(-stepSize * learningRate) * m) / (torchSqrt(float32: v) + Float(eps))
        }
        theta = Double(t)
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
