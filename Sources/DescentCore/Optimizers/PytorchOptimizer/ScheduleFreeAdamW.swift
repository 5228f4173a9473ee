/// Schedule-free AdamW, as `pytorch_optimizer.ScheduleFreeAdamW` (in training mode: the point
/// is the interpolated iterate y at which gradients are taken).
///
///     g ← ∇f(y) (negated if maximize);  γₜ = γ·min(1, t/warmup_steps);  γ_max ← max(γₜ, γ_max)
///     w = t^r·γ_max^p;  W ← W + w;  c = w/W (c ← min(1, c(1 − β₁)C) if decoupling_c C > 0)
///     v ← β₂v + (1 − β₂)g²;  g ← g / (√(max(v̂, v/(1 − β₂ᵗ)) or v/(1 − β₂ᵗ) + 1e-15) + ε)
///     g ← g + λy;  y ← (1 − c)y + c·z;  y ← y + γₜ(β₁(1 − c) − 1)·g;  z ← z − γₜg
///     (p = weight_lr_power)
///
/// Defazio et al., "The Road Less Scheduled", NeurIPS 2024. Follows pytorch_optimizer 4.1.0
/// (foreach path). `use_palm` is stored by the reference but never read: accepted, no effect.
public struct ScheduleFreeAdamW: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ is added by the update to the normalised gradient (g ← g + λy).
    public var adam: AdamHyperparameters
    public var weighting: ScheduleFreeWeighting
    public var warmupSteps: Int
    public var decouplingC: Double
    public var amsBound: Bool
    public var usePalm: Bool
    /// The group's step count and each coordinate's z and moments.
    public var state = CoordinateState<Slot>()

    /// One coordinate's `z` (θ at the start), `exp_avg_sq` and `max_exp_avg_sq`.
    public struct Slot: Sendable, Hashable {
        public var z: Double
        public var expAvgSq = 0.0
        public var maxExpAvgSq = 0.0
    }

    public init(hyperparameters reader: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(
            &reader, lr: 2.5e-3, within: (.open(0, 1), .unitHalfOpen), weightDecay: .coefficient(0, .inUpdate), foreach: true)
        weighting = try ScheduleFreeWeighting(&reader)
        warmupSteps = try reader.int("warmup_steps", default: 0)
        decouplingC = try reader.double("decoupling_c", default: 0, .nonNegative)
        amsBound = try reader.bool("ams_bound", default: false)
        usePalm = try reader.bool("use_palm", default: false)
    }

    public func initialSlot(_ theta: Double) -> Slot { Slot(z: theta) }

    public typealias Coefficients = (bias2: Double, lr: Double, checkpoint: Double)

    /// γₜ and the interpolation c (updating W and γ_max).
    public mutating func coefficients(step: Int) -> Coefficients {
        let schedule = step < warmupSteps ? Double(step) / Double(warmupSteps) : 1
        let lr = learningRate * schedule
        var checkpoint = weighting.checkpoint(step: step, lr: lr)
        if decouplingC > 0 {
            let c = checkpoint * (1 - beta1) * decouplingC
            checkpoint = c < 1 ? c : 1
        }
        return (biasCorrection(beta2, step: step), lr, checkpoint)
    }

    public func update(_ y: inout Double, _ g: Double, _ slot: inout Slot, _ c: Coefficients) {
        slot.expAvgSq = addcmul(slot.expAvgSq * beta2, g, g, value: 1 - beta2)
        let g = g / PytorchOptimizer.amsBoundDenominator(
            slot.expAvgSq / c.bias2, maxExpAvgSq: &slot.maxExpAvgSq, amsBound: amsBound, eps: eps)
        PytorchOptimizer.scheduleFreeUpdate(
            &y, &slot.z, g, lr: c.lr, checkpoint: c.checkpoint, momentum: beta1, weightDecay: weightDecay.coefficient)
    }
}
