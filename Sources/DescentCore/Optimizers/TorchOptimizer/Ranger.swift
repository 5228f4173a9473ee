/// Ranger: RAdam's rectified Adam step with Lookahead built in, as `torch_optimizer.Ranger`
/// (pytorch_ranger 0.1.1, Ranger 9.3.19).
///
///     m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²                 (in float32)
///     ρ∞ ← 2/(1 − β₂) − 1;  ρ ← ρ∞ − 2tβ₂ᵗ/(1 − β₂ᵗ)
///     θ ← θ − γλθ                                                  (weight_decay λ)
///     ρ > N_sma_threshhold:  θ ← θ − γ·r/(1 − β₁ᵗ) · m/(√v + ε),
///                            r = √((1 − β₂ᵗ)(ρ − 4)(ρ − 2)ρ∞ / ((ρ∞ − 4)ρ(ρ∞ − 2)))
///     otherwise:             θ ← θ − γ/(1 − β₁ᵗ) · m
///     every k-th step:       φ ← φ + α(θ − φ);  θ ← φ             (`RangerLookahead`)
///
/// Wright, "Ranger — a synergistic optimizer" (2019), combining Liu et al., "On the Variance of
/// the Adaptive Learning Rate and Beyond", ICLR 2020 (RAdam), and Zhang et al., "Lookahead
/// Optimizer: k steps forward, 1 step back", NeurIPS 2019. Quirk reproduced: the reference
/// computes in float32 (`p.grad.data.float()`, `p.data.float()`): the moments are float32, the
/// gradient and the parameter are rounded to float32 each step, the update is float32
/// arithmetic with the Python-float coefficients rounded to float32, and only the result is
/// copied back into the float64 parameter; the slow weights are float64.
public struct Ranger: Optimizer {
    public static let info = OptimizerInfo(
        name: "Ranger", year: 2019,
        paper: "Wright, Ranger: a synergistic optimizer (RAdam + Lookahead), 2019",
        reference: "torch_optimizer.Ranger")

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    public var weightDecay: Double
    /// `N_sma_threshhold` (the reference's spelling).
    public var smaThreshold: Int
    public var lookahead: RangerLookahead
    public var step = 0
    /// `exp_avg`, `exp_avg_sq` (float32, as the reference keeps them).
    public var expAvg: [[Float]] = []
    public var expAvgSq: [[Float]] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .positive)
        let alpha = try r.double("alpha", default: 0.5, .unitClosed)
        let k = try r.int("k", default: 6, .atLeast(1))
        smaThreshold = try r.int("N_sma_threshhold", default: 5)
        (beta1, beta2) = try r.pair("betas", default: (0.95, 0.999), (.any, .any))
        eps = try r.double("eps", default: 1e-5, .positive)
        weightDecay = try r.double("weight_decay", default: 0)
        lookahead = RangerLookahead(k: k, alpha: alpha)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if expAvg.isEmpty {
            expAvg = parameters.map { [Float](repeating: 0, count: $0.count) }
            expAvgSq = expAvg
            lookahead.prepare(parameters)
        }
        step += 1
        let t = Double(step)
        let beta2t = pythonPow(beta2, t)
        let smaMax = 2 / (1 - beta2) - 1
        let sma = smaMax - 2 * t * beta2t / (1 - beta2t)
        let rectified = sma > Double(smaThreshold)
        let stepSize = rectified
            ? ((1 - beta2t) * (sma - 4) / (smaMax - 4) * (sma - 2) / sma * smaMax / (smaMax - 2)).squareRoot()
                / (1 - pythonPow(beta1, t))
            : 1.0 / (1 - pythonPow(beta1, t))
        let value = Float(-stepSize * learningRate)
        for p in parameters.indices {
            for i in parameters[p].scalars.indices {
                let g = Float(gradients[p].scalars[i])
                var theta = Float(parameters[p].scalars[i])
                let v = Ranger.secondMoment(expAvgSq[p][i], g, beta2: beta2)
                let m = Ranger.firstMoment(expAvg[p][i], g, beta1: beta1)
                expAvgSq[p][i] = v
                expAvg[p][i] = m
                if weightDecay != 0 { theta = theta.addingProduct(Float(-weightDecay * learningRate), theta) }
                if rectified {
                    theta = theta + (value * m) / (Ranger.float32Sqrt(v) + Float(eps))
                } else {
                    theta = theta.addingProduct(value, m)
                }
                parameters[p].scalars[i] = Double(theta)
            }
            lookahead.synchronize(&parameters[p], p, step: step)
        }
    }

    /// `exp_avg.mul_(β₁).add_(1 − β₁, grad)` on float32 tensors: the coefficients rounded to
    /// float32, the add fused.
    static func firstMoment(_ m: Float, _ g: Float, beta1: Double) -> Float {
        (m * Float(beta1)).addingProduct(Float(1 - beta1), g)
    }

    /// `exp_avg_sq.mul_(β₂).addcmul_(1 − β₂, grad, grad)` on float32 tensors.
    static func secondMoment(_ v: Float, _ g: Float, beta2: Double) -> Float {
        (v * Float(beta2)).addingProduct(Float(1 - beta2) * g, g)
    }

    /// A float32 tensor's `sqrt()` as torch computes it: MKL's vsSqrt (its generic SSE kernel,
    /// read from the machine code), which is not correctly rounded on about 17% of inputs. From
    /// the hardware estimate r ≈ 1/√x (RSQRTPS, the AMD table `torchSqrt` uses), in plain float32:
    ///
    ///     y ← rx;  h ← r/2;  e ← 1/2 − yh;  y ← ye + y;  h ← he + h;  √x ← (x − y²)h + y
    ///
    /// Zero, negatives, subnormals, ∞ and NaN take the IEEE root (MKL's special path).
    public static func float32Sqrt(_ x: Float) -> Float {
        let u = x.bitPattern
        let biased = (u >> 23) & 0xff
        guard x > 0, biased != 0, biased != 0xff else { return x.squareRoot() }
        let odd = biased & 1
        let index = Int(((1 &- odd) << 12) | ((u >> 11) & 0xfff))
        // 2^−⌊E/2⌋ for the unbiased exponent E (with m in [1, 4)), as a float64 exponent field.
        let scale = Double(bitPattern: UInt64((2174 - Int(biased) - Int(odd)) / 2) << 52)
        let r = Float(Double(amdRsqrtTable[index]) * 0x1p-13 * scale)
        let half: Float = 0.5
        var y = r * x
        var h = r * half
        let e = half - y * h
        y = y * e + y
        h = h * e + h
        return (x - y * y) * h + y
    }
}
