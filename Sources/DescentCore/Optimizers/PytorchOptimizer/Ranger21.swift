import DescentBase

/// Ranger21, as `pytorch_optimizer.Ranger21`: AdamW-style steps with adaptive gradient clipping,
/// positive–negative momentum, a softplus denominator, norm loss, a linear warm-up and warm-down
/// of the learning rate and Lookahead.
///
///     g ← ∇f(θ) (negated if maximize)
///     g ← g·(c/‖g‖′) if ‖g‖′ > c, c = max(‖θ‖, agc_eps)·agc_clipping_value, ‖g‖′ = max(‖g‖, 10⁻⁶)   (AGC)
///     v ← β₂v + (1 − β₂)g²;  S = 1 + Σ v/(1 − β₂ᵗ) over every coordinate;  σ = √(S/n)  (n coordinates)
///     γₜ = γ·min(1, t/W) while t ≤ W (warm-up), then from t ≥ D: max(γ − (γ − γ_min)·min((t + 1 − D)/(n_down + 1), 1), γ_min)
///     θ ← θ(1 − λγₜ/σ) (weight_decouple; λ instead of λγₜ if fixed_decay)
///     θ ← θ(1 − γₜ·2ν(1 − 1/(‖θ‖ + ε)))               (norm loss, ν = norm_loss_factor)
///     v̂ ← max(v̂, v);  d = √v̂/√(1 − β₂ᵗ) + ε;  d ← softplus₅₀(d) if use_softplus
///     m ← m + (1 − β₁²)(g − m)  for the momentum of this step's parity (the two swap every step)
///     u = ((1 + β₀)m − β₀m′)·(1/√((1 + β₀)² + β₀²))   (m′ the other momentum)
///     θ ← θ − (γₜ/(1 − β₁ᵗ))·u/d
///     every `lookahead_merge_time` steps: θ ← θ + (1 − α)(θ̃ − θ), θ̃ ← θ   (α = lookahead_blending_alpha)
///
/// W = num_warm_up_iterations (default 0.22·N when ⌈2/(1 − β₂)⌉/N > 0.45, else ⌈2/(1 − β₂)⌉),
/// n_down = num_warm_down_iterations (default N − ⌊0.72N⌋), D = N − n_down, N = num_iterations.
/// The reference requires `num_iterations`; Descent defaults it to 500, the step count of its
/// experiment configs. Gradient centralisation acts on tensors of two or more dimensions and
/// normalisation on more than two elements: no effect on a point. The coupled weight decay
/// (`weight_decouple=False`) is never applied by the reference's default (foreach) path, so it
/// has no effect here either. Wright & Demeure, "Ranger21: a synergistic deep learning
/// optimizer", arXiv 2021. Follows pytorch_optimizer 4.1.0 (foreach path); √v̂ is `torchSqrt`,
/// the softplus the C library's `log1p(exp(50x))/50` (x itself when 50x > 20), as torch computes it.
public struct Ranger21: Optimizer, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    public var numIterations: Int
    public var beta0: Double
    public var useSoftplus: Bool
    public var betaSoftplus: Double
    public var disableLRScheduler: Bool
    public var numWarmUpIterations: Int
    public var numWarmDownIterations: Int
    public var warmDownMinLR: Double
    public var agcClippingValue: Double
    public var agcEps: Double
    public var centralizeGradients: Bool
    public var normalizeGradients: Bool
    public var lookaheadMergeTime: Int
    public var lookaheadBlendingAlpha: Double
    public var normLossFactor: Double
    /// The group's step count and each coordinate's slot, the Lookahead counter.
    public var state = CoordinateState<Slot>()
    public var lookaheadStep = 0

    /// One coordinate's `grad_ma`, `neg_grad_ma`, `variance_ma`, `max_variance_ma` and `lookahead_params`.
    public struct Slot: Sendable, Hashable {
        public var gradMA = 0.0
        public var negGradMA = 0.0
        public var varianceMA = 0.0
        public var maxVarianceMA = 0.0
        public var lookahead: Double
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        numIterations = try r.int("num_iterations", default: 500, .positive)
        adam = try AdamHyperparameters(&r, weightDecay: .pytorchOptimizer(1e-4, decouple: true), foreach: true)
        beta0 = try r.double("beta0", default: 0.9, .unitHalfOpen)
        useSoftplus = try r.bool("use_softplus", default: true)
        betaSoftplus = try r.double("beta_softplus", default: 50)
        disableLRScheduler = try r.bool("disable_lr_scheduler", default: false)
        let up = try r.optionalInt("num_warm_up_iterations", default: nil)
        let down = try r.optionalInt("num_warm_down_iterations", default: nil)
        warmDownMinLR = try r.double("warm_down_min_lr", default: 3e-5, .nonNegative)
        agcClippingValue = try r.double("agc_clipping_value", default: 1e-2, .nonNegative)
        agcEps = try r.double("agc_eps", default: 1e-3, .nonNegative)
        centralizeGradients = try r.bool("centralize_gradients", default: true)
        normalizeGradients = try r.bool("normalize_gradients", default: true)
        lookaheadMergeTime = try r.int("lookahead_merge_time", default: 5)
        lookaheadBlendingAlpha = try r.double("lookahead_blending_alpha", default: 0.5)
        normLossFactor = try r.double("norm_loss_factor", default: 1e-4)
        let n = numIterations
        if let up { numWarmUpIterations = up } else {
            let w = Int((2 / (1 - adam.beta2)).rounded(.up))
            numWarmUpIterations = Double(w) / Double(n) > 0.45 ? Int(0.22 * Double(n)) : w
        }
        numWarmDownIterations = down ?? n - Int(0.72 * Double(n))
    }

    /// The learning rate of step t: the warm-up dampening, then the warm-down.
    func scheduledLearningRate(step t: Int) -> Double {
        guard !disableLRScheduler else { return learningRate }
        var lr = learningRate
        if t <= numWarmUpIterations { lr *= Swift.min(1, Double(t) / Double(numWarmUpIterations)) }
        let start = numIterations - numWarmDownIterations
        if t >= start {
            let iteration = Swift.max(t + 1 - start, 1)
            let pct = Swift.min(Double(iteration) / Double(numWarmDownIterations + 1), 1)
            lr = Swift.max(learningRate - (learningRate - warmDownMinLR) * pct, warmDownMinLR)
        }
        return lr
    }

    /// torch's `softplus(x, beta)` (threshold 20).
    func softplus(_ x: Double) -> Double {
        x * betaSoftplus > 20 ? x : LibM.log1p(LibM.exp(x * betaSoftplus)) / betaSoftplus
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        state.prepare(parameters) { Slot(lookahead: $0) }
        state.step += 1
        let t = state.step
        let bias2 = biasCorrection(beta2, step: t)
        // AGC and the second moment, then the variance sum over every coordinate.
        var grads: [[Double]] = []
        var varianceSum = 1.0
        var size = 0
        for p in parameters.indices {
            var g = PytorchOptimizer.gradient(gradients[p], maximize: maximize)
            let maxNorm = Swift.max(parameters[p].norm, agcEps) * agcClippingValue
            let gradNorm = Swift.max(PytorchOptimizer.norm(g), 1e-6)
            if gradNorm > maxNorm {
                let ratio = maxNorm / gradNorm
                g = g.map { $0 * ratio }
            }
            var sum = 0.0
            for i in g.indices {
                let v = addcmul(state.slots[p][i].varianceMA * beta2, g[i], g[i], value: 1 - beta2)
                state.slots[p][i].varianceMA = v
                sum = i == 0 ? v / bias2 : sum + v / bias2
            }
            varianceSum += sum
            size += g.count
            grads.append(g)
        }
        let varianceNormalized = (varianceSum / Double(size)).squareRoot()
        let bias2Root = bias2.squareRoot()
        let lr = scheduledLearningRate(step: t)
        let stepSize = lr / biasCorrection(beta1, step: t)
        let noiseNorm = ((1 + beta0) * (1 + beta0) + beta0 * beta0).squareRoot()
        let swapped = t % 2 == 0
        let lambda = weightDecay.coefficient
        for p in parameters.indices {
            var theta = parameters[p].scalars
            if weightDecay.form != .l2, lambda != 0 {
                let factor = 1 - lambda * (weightDecay.form == .decoupledFixed ? 1 : lr) * (1 / varianceNormalized)
                for i in theta.indices { theta[i] *= factor }
            }
            let correction = 2 * normLossFactor * (1 - 1 / (PytorchOptimizer.norm(theta) + eps))
            let shrink = 1 - lr * correction
            for i in theta.indices { theta[i] *= shrink }
            for i in theta.indices {
                var slot = state.slots[p][i]
                slot.maxVarianceMA = maximum(slot.maxVarianceMA, slot.varianceMA)
                var d = torchSqrt(slot.maxVarianceMA) / bias2Root + eps
                if useSoftplus { d = softplus(d) }
                var (m, other) = swapped ? (slot.negGradMA, slot.gradMA) : (slot.gradMA, slot.negGradMA)
                m = lerp(m, grads[p][i], 1 - pythonPow(beta1, 2))
                if swapped { slot.negGradMA = m } else { slot.gradMA = m }
                let u = add(m * (1 + beta0), other, alpha: -beta0) * (1 / noiseNorm)
                theta[i] = addcdiv(theta[i], u, d, value: -stepSize)
                state.slots[p][i] = slot
            }
            parameters[p].scalars = theta
        }
        lookaheadStep += 1
        if lookaheadStep >= lookaheadMergeTime {
            lookaheadStep = 0
            for p in parameters.indices {
                for i in parameters[p].scalars.indices {
                    let merged = lerp(parameters[p].scalars[i], state.slots[p][i].lookahead, 1 - lookaheadBlendingAlpha)
                    parameters[p].scalars[i] = merged
                    state.slots[p][i].lookahead = merged
                }
            }
        }
    }
}
