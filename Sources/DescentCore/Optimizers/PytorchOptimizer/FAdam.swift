/// FAdam (Adam as a natural gradient with the diagonal empirical Fisher), as
/// `pytorch_optimizer.FAdam`.
///
///     g ← ∇f(θ) (negated if maximize);  β₂ₜ = (β₂ᵗ − β₂)/(β₂ᵗ − 1)   (`debias_beta`)
///     F ← β₂ₜF + (1 − β₂ₜ)g²                      (mul, then addcmul)
///     r = √mean(g²);  ε_p = (ε₂r)^(2p) if r > 0 and ε₂r < ε, else ε^(2p)
///     b = F^p + ε_p
///     u = g/b;  u ← u / max(rms(u)/c, 1);  m ← β₁m + (1 − β₁)u (lerp)
///     w = θ/b;  w ← w / max(rms(w)/c, 1)
///     θ ← θ − γ·(λw + m)                          (c = clip, rms(x) = √mean(x²))
///
/// Hwang, "FAdam: Adam is a natural gradient optimizer using diagonal empirical Fisher
/// information", arXiv 2024. Follows pytorch_optimizer 4.1.0's batched (foreach) CPU path; its
/// default weight decay is 0.1. Powers and roots are torch's tensor kernels (`tensorPow`,
/// `torchSqrt`), ε^(2p) Python's. `momentum_dtype` and `fim_dtype` take only "torch.float64"
/// here: the library's float32 defaults cannot step a float64 point (its `lerp_` fails on the
/// mixed dtypes), so Descent's default is the float64 state the references were made with.
public struct FAdam: TensorwiseOptimizer, AdamFamilyOptimizer {
    /// One coordinate's momentum and Fisher diagonal `fim`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var momentum = 0.0
        public var fim = 0.0
        public init() {}
    }

    /// λ is applied in the update (to θ/b).
    public var adam: AdamHyperparameters
    public var clip: Double
    public var p: Double
    public var eps2: Double
    public var state = CoordinateState<Slot>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, weightDecay: .coefficient(0.1, .inUpdate), foreach: true)
        clip = try r.double("clip", default: 1, .positive)
        p = try r.double("p", default: 0.5, .positive)
        _ = try r.choice("momentum_dtype", default: "torch.float64", ["torch.float64"])
        _ = try r.choice("fim_dtype", default: "torch.float64", ["torch.float64"])
        eps2 = try r.double("eps_2", default: 0.01, .nonNegative)
    }

    /// β₂ₜ (`debias_beta`, Python floats).
    public func coefficients(step t: Int) -> Double {
        let betaN = pythonPow(beta2, Double(t))
        return (betaN - beta2) / (betaN - 1)
    }

    /// `(x.square().mean().sqrt_() / clip).clamp_min_(1)`.
    private func divisor(_ x: [Double]) -> Double {
        maximum(torchSqrt(PytorchOptimizer.mean(x.map { $0 * $0 })) / clip, 1)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor _: Int, _ beta2t: Double) {
        for i in g.indices { slots[i].fim = addcmul(slots[i].fim * beta2t, g[i], g[i], value: 1 - beta2t) }
        let rmsGrad = torchSqrt(PytorchOptimizer.mean(g.map { $0 * $0 }))
        let scaledEps = eps2 * rmsGrad
        let epsPower = rmsGrad > 0 && scaledEps < eps ? tensorPow(scaledEps, 2 * p) : pythonPow(eps, 2 * p)
        let bases = slots.map { tensorPow($0.fim, p) + epsPower }
        var u = g.indices.map { g[$0] / bases[$0] }
        let uDivisor = divisor(u)
        for i in u.indices {
            u[i] /= uDivisor
            slots[i].momentum = lerp(slots[i].momentum, u[i], 1 - beta1)
        }
        var w = theta.indices.map { theta[$0] / bases[$0] }
        let wDivisor = divisor(w)
        let lambda = weightDecay.coefficient
        for i in w.indices {
            w[i] /= wDivisor
            w[i] *= lambda
            w[i] += slots[i].momentum
            theta[i] = add(theta[i], w[i], alpha: -learningRate)
        }
    }
}
