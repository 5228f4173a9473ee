/// SWATS: Adam that switches to SGD with momentum once the SGD learning rate implied by Adam's
/// steps settles, as `torch_optimizer.SWATS`.
///
///     g ← g + λθ                                                     (weight_decay λ)
///     Adam phase:  m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²  (v̂ ← max(v̂, v) if amsgrad)
///                  p ← −(γ√(1 − β₂ᵗ)/(1 − β₁ᵗ)) · m/(√v + ε);  θ ← θ + p
///                  if pᵀg ≠ 0:  s ← pᵀp / (−pᵀg);  a ← β₂a + (1 − β₂)s
///                               switch when t > 1, a/(1 − β₂ᵗ) ≈ s (rtol 10⁻⁶) and > 0,
///                               with γ ← a/(1 − β₂ᵗ)
///     SGD phase:   b ← g at the first SGD step, else b ← β₁b + g
///                  d ← (1 − β₁)·b (+ β₁·that if nesterov);  θ ← θ − γd
///
/// Keskar & Socher, "Improving Generalization Performance by Switching from Adam to SGD",
/// arXiv 2017. Follows torch_optimizer 0.3.0 and its quirks: the phase and the learning rate
/// are the parameter group's (the switch sets `learningRate`); after the first SGD step the
/// direction *is* the momentum buffer, so the buffer is scaled by 1 − β₁ (and by 1 + β₁ for
/// Nesterov) in place and keeps that; at the first SGD step the buffer is a copy and stays
/// unscaled; dot products are plain `p₀g₀ + p₁g₁` (measured).
public struct SWATS: Optimizer {
    public enum Phase: String, Sendable, Hashable { case adam = "ADAM", sgd = "SGD" }

    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var eps: Double
    /// `weight_decay` λ, L2.
    public var weightDecay: WeightDecay
    public var amsgrad: Bool
    public var nesterov: Bool
    public var phase = Phase.adam
    /// `step`, and each coordinate's `exp_avg`, `exp_avg_sq`, `max_exp_avg_sq`.
    public var state = CoordinateState<Moments<MulAddRounding>>()
    /// `exp_avg2` (one number per parameter) and `momentum_buffer` once in the SGD phase.
    public var expAvg2: [Double] = []
    public var momentumBuffers: [[Double]?] = []

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        eps = try r.double("eps", default: 1e-3, .nonNegative)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .l2)
        amsgrad = try r.bool("amsgrad", default: false)
        nesterov = try r.bool("nesterov", default: false)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if expAvg2.isEmpty {
            state.prepare(parameters) { _ in Moments() }
            expAvg2 = [Double](repeating: 0, count: parameters.count)
            momentumBuffers = [[Double]?](repeating: nil, count: parameters.count)
        }
        state.step += 1
        for p in parameters.indices {
            var g = gradients[p].scalars
            var theta = parameters[p].scalars
            weightDecay.apply(&theta, &g, lr: learningRate)
            if phase == .sgd {
                sgdStep(&parameters[p], p, g)
                continue
            }
            let bias1 = biasCorrection(beta1, step: state.step), bias2 = biasCorrection(beta2, step: state.step)
            let stepSize = learningRate * pythonPow(bias2, 0.5) / bias1
            var update = g
            for i in g.indices {
                let (m, v) = state.slots[p][i].update(g[i], beta1: beta1, beta2: beta2)
                let second = amsgrad ? state.slots[p][i].updateMaximum(v) : v
                update[i] = -stepSize * (m / (torchSqrt(second) + eps))
                parameters[p].scalars[i] += update[i]
            }
            let pg = dot(update, g)
            if pg != 0 {
                let scaling = dot(update, update) / -pg
                let a = add(expAvg2[p] * beta2, scaling, alpha: 1 - beta2)
                expAvg2[p] = a
                let corrected = a / bias2
                if state.step > 1 && (corrected - scaling).magnitude <= 1e-8 + 1e-6 * scaling.magnitude && corrected > 0 {
                    phase = .sgd
                    learningRate = corrected
                }
            }
        }
    }

    /// The SGD phase of parameter `p` with the (decayed) gradient `g`, aliasing as the reference.
    mutating func sgdStep(_ parameter: inout Tensor, _ p: Int, _ g: [Double]) {
        var direction: [Double]
        if var buffer = momentumBuffers[p] {
            for i in buffer.indices {
                buffer[i] = buffer[i] * beta1 + g[i]
                buffer[i] *= 1 - beta1
                if nesterov { buffer[i] = add(buffer[i], buffer[i], alpha: beta1) }
            }
            momentumBuffers[p] = buffer
            direction = buffer
        } else {
            momentumBuffers[p] = g
            direction = g
            for i in direction.indices {
                direction[i] *= 1 - beta1
                if nesterov { direction[i] = add(direction[i], g[i], alpha: beta1) }
            }
        }
        for i in direction.indices {
            parameter.scalars[i] = add(parameter.scalars[i], direction[i], alpha: -learningRate)
        }
    }

    /// torch's `dot` of small float64 vectors: products summed left to right, not fused.
    func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s = i == 0 ? a[i] * b[i] : s + a[i] * b[i] }
        return s
    }
}
