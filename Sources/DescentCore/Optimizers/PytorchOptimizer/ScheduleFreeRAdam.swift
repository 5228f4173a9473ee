/// Schedule-free RAdam, as `pytorch_optimizer.ScheduleFreeRAdam` (in training mode: the point is
/// the interpolated iterate y at which gradients are taken).
///
///     (γₜ, ρₜ) = RAdam's rectified step size (γ·rₜ, −1 while ρₜ < 4; `rectifyStepSize`)
///     γₜ ← 0 (silent_sgd_phase, the default) or 1 if γₜ < 0;  else γₜ ← γₜ/√(1 − β₂ᵗ) if ρₜ > 4
///     γ_max ← max(γₜ, γ_max);  w = t^r·γ_max^p;  W ← W + w;  c = w/W        (p = weight_lr_power)
///     g ← ∇f(y) (negated if maximize);  v ← β₂v + (1 − β₂)g²
///     g ← g/(√v/√(1 − β₂ᵗ) + ε) if ρₜ > 4
///     g ← g + λy;  y ← (1 − c)y + c·z;  y ← y + γₜ(β₁(1 − c) − 1)·g;  z ← z − γₜg
///
/// With `silent_sgd_phase` off the unrectified steps take the learning rate 1 (the reference's
/// `float(not silent_sgd_phase)`), whatever `lr` is. Defazio et al., "The Road Less Scheduled",
/// NeurIPS 2024. Follows pytorch_optimizer 4.1.0 (foreach path); √v is `torchSqrt`,
/// √(1 − β₂ᵗ) Python's `** 0.5`.
public struct ScheduleFreeRAdam: ElementwiseOptimizer, AdamFamilyOptimizer {
    /// Its `weight_decay` λ is added by the update to the normalised gradient (g ← g + λy).
    public var adam: AdamHyperparameters
    public var weighting: ScheduleFreeWeighting
    public var silentSGDPhase: Bool
    /// The group's step count and each coordinate's z and `exp_avg_sq`.
    public var state = CoordinateState<Slot>()

    /// One coordinate's `z` (θ at the start) and `exp_avg_sq`.
    public struct Slot: Sendable, Hashable {
        public var z: Double
        public var expAvgSq = 0.0
    }

    public init(hyperparameters reader: inout HyperparameterReader) throws(OptimizerError) {
        adam = try AdamHyperparameters(
            &reader, lr: 2.5e-3, within: (.open(0, 1), .unitHalfOpen), weightDecay: .coefficient(0, .inUpdate), foreach: true)
        weighting = try ScheduleFreeWeighting(&reader)
        silentSGDPhase = try reader.bool("silent_sgd_phase", default: true)
    }

    public func initialSlot(_ theta: Double) -> Slot { Slot(z: theta) }

    public typealias Coefficients = (lr: Double, checkpoint: Double, rectified: Bool, bias2Root: Double)

    /// γₜ, the interpolation c (updating W and γ_max), whether the step is rectified, √(1 − β₂ᵗ).
    public mutating func coefficients(step: Int) -> Coefficients {
        let bias2Root = pythonPow(biasCorrection(beta2, step: step), 0.5)
        var (lr, nSMA) = PytorchOptimizer.rectifyStepSize(rectify: true, step: step, lr: learningRate, beta2: beta2, threshold: 4, degeneratedToSGD: false)
        if lr < 0 {
            lr = silentSGDPhase ? 0 : 1
        } else if nSMA > 4 {
            lr /= bias2Root
        }
        let c = weighting.checkpoint(step: step, lr: lr)
        return (lr, c, nSMA > 4, bias2Root)
    }

    public func update(_ y: inout Double, _ g: Double, _ slot: inout Slot, _ c: Coefficients) {
        slot.expAvgSq = addcmul(slot.expAvgSq * beta2, g, g, value: 1 - beta2)
        var g = g
        if c.rectified { g /= torchSqrt(slot.expAvgSq) / c.bias2Root + eps }
        PytorchOptimizer.scheduleFreeUpdate(
            &y, &slot.z, g, lr: c.lr, checkpoint: c.checkpoint, momentum: beta1, weightDecay: weightDecay.coefficient)
    }
}
