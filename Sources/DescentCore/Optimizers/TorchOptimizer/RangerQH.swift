/// RangerQH: quasi-hyperbolic Adam with Lookahead built in, as `torch_optimizer.RangerQH`
/// (pytorch_ranger 0.1.1).
///
///     g ← g + λθ, or θ ← θ(1 − γλ) if decouple_weight_decay
///     w₁ ← 1 + β₁w₁;  w₂ ← 1 + β₂w₂                   (bias correction by weights, from 0)
///     m ← (1 − 1/w₁)m + (1/w₁)g;  v ← (1 − 1/w₂)v + (1/w₂)g²
///     θ ← θ − γ · ((1 − ν₁)g + ν₁m) / (√((1 − ν₂)g² + ν₂v) + ε)
///     every k-th step:  φ ← φ + α(θ − φ);  θ ← φ       (`RangerLookahead`)
///
/// Ma & Yarats, "Quasi-hyperbolic momentum and Adam for deep learning", ICLR 2019, with
/// Lookahead (Zhang et al., NeurIPS 2019), by Wright 2019. The QHAdam part is
/// `torch_optimizer.QHAdam`'s arithmetic exactly, so it is one (`qhadam`); RangerQH's own
/// defaults are ν = (0.7, 1) and lr ≥ 0. Quirk reproduced: the state (slow weights included) is
/// created after the decoupled decay of the first step, so the slow weights start decayed. The reference checks neither k nor α (k = 0 fails
/// with a division by zero at the first step): Descent requires k ≥ 1.
public struct RangerQH: Optimizer {
    /// The quasi-hyperbolic Adam step, with its state.
    public var qhadam: QHAdam
    public var lookahead: RangerLookahead
    public var step = 0

    public var learningRate: Double {
        get { qhadam.learningRate }
        set { qhadam.learningRate = newValue }
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        let lr = try r.double("lr", default: 1e-3, .nonNegative)
        let (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        let (nu1, nu2) = try r.pair("nus", default: (0.7, 1.0), (.any, .any))
        let weightDecay = try r.double("weight_decay", default: 0, .nonNegative)
        let k = try r.int("k", default: 6, .atLeast(1))
        let alpha = try r.double("alpha", default: 0.5)
        let decouple = try r.bool("decouple_weight_decay", default: false)
        let eps = try r.double("eps", default: 1e-8, .nonNegative)
        qhadam = try QHAdam([
            "betas": .list([.number(beta1), .number(beta2)]), "nus": .list([.number(nu1), .number(nu2)]),
            "weight_decay": .number(weightDecay), "decouple_weight_decay": .bool(decouple), "eps": .number(eps),
        ])
        qhadam.learningRate = lr
        lookahead = RangerLookahead(k: k, alpha: alpha)
    }

    public mutating func step(_ parameters: inout [Tensor], gradients: [Tensor]) {
        if lookahead.slowBuffers.isEmpty {
            // The reference creates its state after the decoupled decay: the slow weights start
            // from the decayed parameters.
            var decayed = parameters
            if qhadam.weightDecay.form == .decoupled {
                for p in decayed.indices {
                    var gradient = gradients[p].scalars   // untouched by a decoupled decay
                    qhadam.weightDecay.apply(&decayed[p].scalars, &gradient, lr: learningRate)
                }
            }
            lookahead.prepare(decayed)
        }
        step += 1
        qhadam.step(&parameters, gradients: gradients)
        for p in parameters.indices { lookahead.synchronize(&parameters[p], p, step: step) }
    }
}
