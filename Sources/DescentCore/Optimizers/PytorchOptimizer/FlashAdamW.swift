/// FlashAdamW (AdamW with 8-bit compressed moments), as `pytorch_optimizer.FlashAdamW` on a
/// float64 parameter.
///
///     g ← ∇f(θ) (negated if maximize);  m, v ← the stored moments, decompressed
///     θ ← θ(1 − γλ)                       (decoupled; λ/γ₀ with decouple_lr, γ₀ the initial lr)
///     m ← lerp(m, g, 1 − β₁);  v ← β₂v + (1 − β₂)g²
///     θ ← θ − γ·(m/(1 − β₁ᵗ)) / (√(v/(1 − β₂ᵗ)) + ε)
///     m, v ← compressed (quantize, the default)
///
/// Compression, per group of 32 elements, in float32 (`quantize_state`, `dequantize_state`):
/// m as int8 codes round(127·s(x/a)) of the softsign s(n) = 2n/(1 + |n|), with a = max|x| (at
/// least 1e-12) stored as float16; v as uint8 codes round(255·√v/a) of its root, a = max √v.
/// Decompression: m = (c/127)/max(2 − |c/127|, 1e-12)·a;  v = ((c/255)·a)². So the moments
/// keep about 8 bits: what one step stores is exactly what the next reads, and that is what
/// the slots hold here. With quantize = false they stay float64 (plain AdamW).
///
/// Gonzalez Ortiz et al., "FlashOptim: Optimizers for Memory Efficient Training", arXiv 2026
/// (arXiv:2602.23349).
/// Follows pytorch_optimizer 4.1.0's per-parameter path, which float64 parameters always take;
/// master weights (`master_weight_bits`) and error bits concern only narrower parameters, so
/// they have no effect here, and `check_numerics` (an error for lr < 10·|θ|max·2⁻⁶³ on a float64
/// parameter) is accepted but not checked. `fused` must be false, as the library's portable
/// backend requires. Rounding is torch's `round` (half to even), the float32 root `torchSqrt`.
public struct FlashAdamW: TensorwiseOptimizer, AdamFamilyOptimizer {
    /// One coordinate's moments as the next step reads them (decompressed).
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var expAvg = 0.0
        public var expAvgSq = 0.0
        public init() {}
    }

    /// λ is decoupled (applied in the update, after decompression).
    public var adam: AdamHyperparameters
    public var decoupleLR: Bool
    public var quantize: Bool
    /// The learning rate at construction (`initial_lr`), which decouple_lr divides λ by.
    public var initialLR: Double
    public var state = CoordinateState<Slot>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(1e-2, .inUpdate), foreach: true)
        decoupleLR = try r.bool("decouple_lr", default: false)
        quantize = try r.bool("quantize", default: true)
        _ = try r.bool("compress_state_dict", default: true)
        if let bits = try r.optionalInt("master_weight_bits", default: nil), bits != 24, bits != 32 {
            throw .outOfRange(optimizer: Self.info.name, key: "master_weight_bits", value: Double(bits), allowed: "24, 32 or null")
        }
        _ = try r.bool("check_numerics", default: false)
        if try r.bool("fused", default: false) {
            throw .invalidChoice(optimizer: Self.info.name, key: "fused", value: "true", allowed: ["false"])
        }
        initialLR = adam.learningRate
    }

    /// The bias corrections and the decay coefficient of this step.
    public func coefficients(step t: Int) -> (b1: Double, b2: Double, decay: Double) {
        var lambda = weightDecay.coefficient
        if decoupleLR, lambda > 0, learningRate > 0 { lambda /= initialLR }
        return (biasCorrection(beta1, step: t), biasCorrection(beta2, step: t), lambda)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor _: Int, _ c: (b1: Double, b2: Double, decay: Double)) {
        var m = slots.map(\.expAvg), v = slots.map(\.expAvgSq)
        for i in theta.indices {
            if c.decay != 0 { theta[i] *= 1 - c.decay * learningRate }
            m[i] = lerp(m[i], g[i], 1 - beta1)
            v[i] = addcmul(v[i] * beta2, g[i], g[i], value: 1 - beta2)
            let denominator = torchSqrt(v[i] / c.b2) + eps
            theta[i] = addcdiv(theta[i], m[i] / c.b1, denominator, value: -learningRate)
        }
        if quantize {
            m = Self.compressed(m, root: false)
            v = Self.compressed(v, root: true)
        }
        for i in slots.indices { slots[i] = Slot(expAvg: m[i], expAvgSq: v[i]) }
    }

    /// What `materialize_state` returns after `store_state` of x: the first moment's signed
    /// softsign int8 codes (root false), or the second moment's unsigned uint8 codes of its root.
    static func compressed(_ x: [Double], root: Bool) -> [Double] {
        let quantMax: Float = root ? 255 : 127, quantMin: Float = root ? 0 : -127
        var values = x.map { Float($0) }
        if root { values = values.map { torchSqrt(float32: $0 < 0 ? 0 : $0) } }
        var out = [Double]()
        out.reserveCapacity(values.count)
        var start = 0
        while start < values.count {
            let group = values[start..<min(start + 32, values.count)]
            let scale = Swift.max(group.reduce(0) { Swift.max($0, $1.magnitude) }, Float(1e-12))
            let storedScale = Float(Float16(scale))
            for value in group {
                var n = value / scale
                if !root { n = 2 * n / (1 + n.magnitude) }
                let code = Swift.min(Swift.max((n * quantMax).rounded(.toNearestOrEven), quantMin), quantMax)
                var restored = code / quantMax
                if !root { restored = restored / Swift.max(2 - restored.magnitude, Float(1e-12)) }
                restored *= storedScale
                out.append(Double(root ? restored * restored : restored))
            }
            start += 32
        }
        return out
    }
}

extension FlashAdamW.Slot {
    init(expAvg: Double, expAvgSq: Double) {
        self.expAvg = expAvg
        self.expAvgSq = expAvgSq
    }
}
