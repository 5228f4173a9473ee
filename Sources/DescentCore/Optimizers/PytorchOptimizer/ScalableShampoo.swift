/// Scalable Shampoo, as `pytorch_optimizer.ScalableShampoo` for vector parameters. The reference
/// preconditions only tensors whose merged shape (`merge_small_dims`, block 512) has two or more
/// dimensions — a vector of up to 512 elements becomes [1] — so on a point its step is the
/// grafted update, with Shampoo's momentum and Nesterov bookkeeping:
///
///     g ← ∇f(θ) (negated if maximize)
///     ĝ = graft(g)·c   (c = 1 if decoupled_learning_rate, the default, else γ); graft_type:
///         0 none, 1 SGD (default): g;  2 AdaGrad: G ← G + g², g/(√G + ε_d);
///         3 RMSprop: G ← β₂G + (1 − β₂)g², g/(√G + ε_d);  4 SQRT-N: sign(g)
///     u = ĝ·(‖ĝ‖/(‖ĝ‖ + 10⁻¹⁶)) unless graft_type 0, else u = ĝ      (the "Shampoo" gradient)
///     θ ← θ(1 − γλ) if decoupled_weight_decay, else ĝ ← ĝ + λθ and u ← u + λθ
///     w = 1 − β₁ if moving_average_for_momentum, else 1
///     M ← M + w(u − M) (moving average) or M ← β₁M + u;  M_g ← β₁M_g + w·ĝ
///     v = M if t ≥ start_preconditioning_step, else M_g
///     Nesterov (default): v ← v + w(u′ − v) or β₁v + u′, u′ = u (t ≥ start) or ĝ
///     θ ← θ − c′v   (c′ = γ if decoupled_learning_rate, else 1)
///
/// The preconditioner options (block size, exponents, ε_m, compute intervals, SVD) are validated
/// and have no effect on a point. Anil et al., "Scalable Second Order Optimization for Deep
/// Learning", arXiv 2020. Follows pytorch_optimizer 4.1.0 (per-parameter path, its only one).
public struct ScalableShampoo: TensorwiseOptimizer {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var movingAverageForMomentum: Bool
    /// `weight_decay` λ, which the update applies in the reference's place.
    public var weightDecay: WeightDecay
    public var decoupledWeightDecay: Bool
    public var decoupledLearningRate: Bool
    public var startPreconditioningStep: Int
    public var graftType: Int
    public var nesterov: Bool
    public var diagonalEps: Double
    public var maximize: Bool
    /// Each coordinate's momentum, graft momentum and graft statistic.
    public var state = CoordinateState<Slot>()

    public struct Slot: Sendable, Hashable, ZeroInitializable {
        public var momentum = 0.0
        public var graftMomentum = 0.0
        public var graftStatistic = 0.0
        public init() {}
    }

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        (beta1, beta2) = try r.pair("betas", default: (0.9, 0.999), (.unitHalfOpen, .unitHalfOpen))
        movingAverageForMomentum = try r.bool("moving_average_for_momentum", default: false)
        weightDecay = WeightDecay(try r.double("weight_decay", default: 0, .nonNegative), .inUpdate)
        decoupledWeightDecay = try r.bool("decoupled_weight_decay", default: false)
        decoupledLearningRate = try r.bool("decoupled_learning_rate", default: true)
        _ = try r.int("inverse_exponent_override", default: 0)
        startPreconditioningStep = try r.int("start_preconditioning_step", default: 25, .atLeast(1))
        _ = try r.int("preconditioning_compute_steps", default: 1000, .atLeast(1))
        _ = try r.int("statistics_compute_steps", default: 1, .atLeast(1))
        _ = try r.int("block_size", default: 512)
        _ = try r.int("skip_preconditioning_rank_lt", default: 1)
        _ = try r.int("no_preconditioning_for_layers_with_dim_gt", default: 8192)
        _ = try r.bool("shape_interpretation", default: true)
        graftType = try r.int("graft_type", default: 1, .closed(0, 4))
        _ = try r.int("pre_conditioner_type", default: 0, .closed(0, 2))
        nesterov = try r.bool("nesterov", default: true)
        diagonalEps = try r.double("diagonal_eps", default: 1e-10, .nonNegative)
        _ = try r.double("matrix_eps", default: 1e-6, .nonNegative)
        _ = try r.bool("use_svd", default: false)
        maximize = try r.bool("maximize", default: false)
    }

    public func update(_ theta: inout [Double], _ g: [Double], _ slots: inout [Slot], tensor _: Int, _: Void) {
        let t = state.step
        let c = decoupledLearningRate ? 1 : learningRate
        var graft = g
        for i in g.indices {
            switch graftType {
            case 2:
                slots[i].graftStatistic = addcmul(slots[i].graftStatistic, g[i], g[i], value: 1)
                graft[i] = g[i] / (torchSqrt(slots[i].graftStatistic) + diagonalEps)
            case 3:
                slots[i].graftStatistic = addcmul(slots[i].graftStatistic * beta2, g[i], g[i], value: 1 - beta2)
                graft[i] = g[i] / (torchSqrt(slots[i].graftStatistic) + diagonalEps)
            case 4: graft[i] = sign(g[i])
            default: break
            }
            graft[i] *= c
        }
        var shampoo = graft
        if graftType != 0 {
            let n = PytorchOptimizer.norm(graft)
            let s = n / (n + 1e-16)
            for i in shampoo.indices { shampoo[i] *= s }
        }
        let lambda = weightDecay.coefficient
        if lambda != 0 {
            if decoupledWeightDecay {
                for i in theta.indices { theta[i] *= 1 - lambda * learningRate }
            } else {
                for i in theta.indices {
                    graft[i] = add(graft[i], theta[i], alpha: lambda)
                    shampoo[i] = add(shampoo[i], theta[i], alpha: lambda)
                }
            }
        }
        let w = movingAverageForMomentum ? 1 - beta1 : 1
        let preconditioning = t >= startPreconditioningStep
        let multiplier = decoupledLearningRate ? learningRate : 1
        for i in theta.indices {
            slots[i].momentum = movingAverageForMomentum
                ? lerp(slots[i].momentum, shampoo[i], w)
                : slots[i].momentum * beta1 + shampoo[i]
            slots[i].graftMomentum = add(slots[i].graftMomentum * beta1, graft[i], alpha: w)
            var v = preconditioning ? slots[i].momentum : slots[i].graftMomentum
            if nesterov {
                let u = preconditioning ? shampoo[i] : graft[i]
                v = movingAverageForMomentum ? lerp(v, u, w) : v * beta1 + u
            }
            theta[i] = add(theta[i], v, alpha: -multiplier)
        }
    }
}
