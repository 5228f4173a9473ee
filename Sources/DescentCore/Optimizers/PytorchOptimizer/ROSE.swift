/// ROSE (range-of-slice equilibration), as `pytorch_optimizer.ROSE`, for vector parameters: a
/// stateless step by the gradient divided by its range.
///
///     g ← ∇f(θ) (negated if maximize);  g ← g + λθ (coupled, the default) or θ ← θ(1 − γλ) (weight_decouple)
///     r = |max g| − min g  (1 if that is 0)         (torch: aminmax, abs_, sub_, masked_fill_)
///     θ ← θ − γ·g/r                                  (addcdiv)
///
/// Default `weight_decay` 1e-4. `centralize` and `stabilize` act on tensors of two or more
/// dimensions and `bf16_sr` on bfloat16 parameters: accepted, no effect on a point. The
/// computation is in float64 (`compute_dtype`'s default; not a hyperparameter here).
/// `wd_schedule` must be false when weight decay is on: the reference then divides by the
/// scheduler's `max_lr`/`initial_lr`, which a plain run lacks (its step raises TypeError).
/// MatthewK78, "Rose: Range-Of-Slice Equilibration" (GitHub MatthewK78/Rose), 2025. Follows
/// pytorch_optimizer 4.1.0 (per-parameter path, its default).
public struct ROSE: TensorwiseOptimizer {
    public var learningRate: Double
    public var weightDecay: WeightDecay
    public var centralize: Bool
    public var stabilize: Bool
    public var bf16StochasticRounding: Bool
    public var maximize: Bool
    /// The step count (the optimizer is stateless: the slots are empty placeholders).
    public var state = CoordinateState<Double>()

    public init(hyperparameters r: inout HyperparameterReader) throws(OptimizerError) {
        learningRate = try r.double("lr", default: 1e-3, .nonNegative)
        weightDecay = try WeightDecay(pytorchOptimizer: &r, default: 1e-4, decouple: false)
        if try r.bool("wd_schedule", default: false), weightDecay.coefficient != 0 {
            throw .wrongType(
                optimizer: r.optimizer, key: "wd_schedule",
                expected: "false (the schedule needs an LR scheduler's max_lr)", got: .bool(true))
        }
        centralize = try r.bool("centralize", default: true)
        stabilize = try r.bool("stabilize", default: true)
        bf16StochasticRounding = try r.bool("bf16_sr", default: true)
        maximize = try r.bool("maximize", default: false)
        _ = try r.foreach(cpuDefault: false)
    }

    public mutating func update(_ theta: inout [Double], _ g: [Double], _: inout [Double], tensor _: Int, _: Void) {
        guard let lo = g.min(), let hi = g.max() else { return }
        var range = hi.magnitude - lo
        if range == 0 { range = 1 }
        for i in theta.indices { theta[i] = addcdiv(theta[i], g[i], range, value: -learningRate) }
    }
}
