#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Magma (momentum-aligned gradient masking) around torch's AdamW, as `pytorch_optimizer.Magma`
/// given parameters (it then builds `torch.optim.AdamW(params, **kwargs)`: lr, betas, eps,
/// weight_decay, amsgrad and maximize are AdamW's).
///
///     θ₀ ← θ;  θ ← AdamW step (`AdamW`)
///     μ = AdamW's m (moment_key "auto" or "exp_avg"; "exp_avg_sq" its v), or, with moment_key
///         null, μ ← lerp(μ, g, 1 − momentum_beta) (kept here, from 0)
///     c = cos(μ, g)  (torch's cosine_similarity, ε = 1e-8, float64)
///     a ← lerp(a, σ(float32(c)/τ), 1 − alignment_ema)   (float32, a starts at 1)
///     b = a·Bernoulli(mask_prob)  (float32)
///     θ ← lerp(θ, θ₀, 1 − b)        (b = 0 undoes the step; b = 1 keeps it)
///
/// Joo et al., "On Surprising Effectiveness of Masking Updates in Adaptive Optimizers", arXiv 2026
/// (arXiv:2602.15322; the library calls it "Momentum-Aligned Gradient Masking"). Follows
/// pytorch_optimizer 4.1.0's per-parameter CPU branch (its batched branch runs on CUDA only).
/// g is the raw gradient (as p.grad, not negated by maximize). The mask is random: `seed`
/// (default 0) stands for the reference's `torch.manual_seed(seed)` before the optimizer is
/// built; each parameter's draw, every step, is `TorchGenerator.bernoulli` of the float32
/// probability (AdamW draws nothing). The float32 alignment state is what the library makes
/// when torch's default dtype is float32; with a float64 default its lerp fails, so the
/// references were made that way (see make_goldens.py). σ is float32 1/(1 + expf(−x)).
public struct Magma: Optimizer {
    /// The AdamW that takes the steps.
    public var base: AdamW
    public var maskProb: Double
    public var tau: Double
    public var momentumBeta: Double
    public var alignmentEMA: Double
    /// Which AdamW moment μ is: "auto" and "exp_avg" m, "exp_avg_sq" v; nil Magma's own average.
    public var momentKey: String?
    public var state: State

    /// The generator, and per parameter the alignment a and (moment_key null) the average μ.
    public struct State: Sendable, Hashable {
        public var generator: TorchGenerator
        public var alignment: [Float] = []
        public var momentum: [[Double]] = []
    }

    public var learningRate: Double {
        get { base.learningRate }
        set { base.learningRate = newValue }
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        maskProb = try r.double("mask_prob", default: 0.5, .unitClosed)
        tau = try r.double("tau", default: 2, .positive)
        momentumBeta = try r.double("momentum_beta", default: 0.9, .unitClosed)
        alignmentEMA = try r.double("alignment_ema", default: 0.9, .unitClosed)
        let keys = ["auto", "exp_avg", "exp_avg_sq"]
        momentKey = r.values["moment_key"] == .null
            ? try r.choice("moment_key", default: nil, keys)
            : try r.choice("moment_key", default: "auto", keys)
        _ = try r.foreach(cpuDefault: false)
        base = try AdamW(hyperparameters: &r)
        let seed = try r.int("seed", default: 0, .nonNegative)
        state = State(generator: TorchGenerator(seed: UInt64(seed)))
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        let snapshots = parameters
        base.step(&parameters, gradients: gradients)
        if state.alignment.isEmpty {
            state.alignment = [Float](repeating: 1, count: parameters.count)
            state.momentum = zeros(like: parameters)
        }
        let slots = base.adam.state.slots
        for p in parameters.indices {
            let g = gradients[p].scalars
            let moment: [Double]
            switch momentKey {
            case "exp_avg_sq": moment = slots[p].map(\.expAvgSq)
            case nil:
                for i in g.indices { state.momentum[p][i] = lerp(state.momentum[p][i], g[i], 1 - momentumBeta) }
                moment = state.momentum[p]
            default: moment = slots[p].map(\.expAvg)
            }
            let momentNorm = maximum(Tensor(moment).norm, 1e-8), gradNorm = maximum(Tensor(g).norm, 1e-8)
            let cosine = sum(g.indices.map { (moment[$0] / momentNorm) * (g[$0] / gradNorm) })
            let x = Float(cosine) / Float(tau)
            let target = 1 / (1 + expf(-x))
            let weight = Float(1 - alignmentEMA)
            let a = state.alignment[p], d = target - a
            state.alignment[p] = weight.magnitude < 0.5 ? a.addingProduct(weight, d) : target.addingProduct(-d, 1 - weight)
            let mask: Float = state.generator.bernoulli(Float(maskProb)) ? 1 : 0
            let blend = state.alignment[p] * mask
            for i in g.indices {
                parameters[p].scalars[i] = lerp(parameters[p].scalars[i], snapshots[p].scalars[i], 1 - Double(blend))
            }
        }
    }
}
