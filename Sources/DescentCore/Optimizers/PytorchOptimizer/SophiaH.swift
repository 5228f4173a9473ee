/// SophiaH: momentum divided by a moving average of the Hessian diagonal, clipped
/// element-wise, as `pytorch_optimizer.SophiaH` (Sophia with the Hutchinson estimator).
///
///     D ← diag(H) estimate at steps 1, 1 + P, …        (`HessianDiagonal`: Hutchinson or exact)
///     g ← −g if maximize;  θ ← θ(1 − γλ) (decoupled; 1 − λ if fixed_decay) or g ← g + λθ
///     m ← β₁m + (1 − β₁)g                               (lerp)
///     h ← β₂h + (1 − β₂)D                               (lerp, only when D was refreshed)
///     θ ← θ − γ · clamp(m / max(h, ε), −p, p)
///
/// Liu, Li, Hall, Liang & Ma, "Sophia: A Scalable Stochastic Second-order Optimizer for
/// Language Model Pre-training", ICLR 2024 (arXiv 2023). Follows pytorch_optimizer 4.1.0's
/// arithmetic and defaults: lr 0.06, betas (0.96, 0.99), p = 0.01, update_period 10, Gaussian
/// vectors, ε = 1e-12, decoupled weight decay. The Hessian estimate is that of the loss, so with
/// maximize the gradient is negated and the curvature is not (as the reference). As AdaHessian:
/// exact Hessian–vector products, our seeded generator (`seed`) or the exact diagonal
/// (`hessian_estimator: "exact"`); without second derivatives the moment h is not refreshed
/// (it starts at 0, so the update is clamp(m/ε) = ±p where m ≠ 0) — see `HessianDiagonal`.
public struct SophiaH: HessianPreconditioned, AdamFamilyOptimizer {
    public var adam: AdamHyperparameters
    /// `p`: the bound of each coordinate of the preconditioned update.
    public var clip: Double
    public var hessian: HessianDiagonal
    /// The step count and each coordinate's state.
    public var state = CoordinateState<Slot>()

    /// One coordinate's `momentum` and `hessian_moment`.
    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var momentum = 0.0
        public var hessianMoment = 0.0

        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(&r, lr: 6e-2, betas: (0.96, 0.99), weightDecay: .pytorchOptimizer(0, decouple: true), eps: 1e-12, foreach: true)
        clip = try r.double("p", default: 1e-2, .nonNegative)
        hessian = try HessianDiagonal(&r, updatePeriod: 10, distribution: .gaussian, samplesBound: .atLeast(1))
    }

    /// h ← β₂h + (1 − β₂)D (lerp).
    public func updateCurvature(_ slot: inout Slot, _ d: Double) {
        slot.hessianMoment = lerp(slot.hessianMoment, d, 1 - beta2)
    }

    public func update(_ theta: inout Double, _ g: Double, _ slot: inout Slot, _: Void) {
        slot.momentum = lerp(slot.momentum, g, 1 - beta1)
        let u = clamp(slot.momentum / clamp(slot.hessianMoment, eps, .infinity), -clip, clip)
        theta = add(theta, u, alpha: -learningRate)
    }
}
