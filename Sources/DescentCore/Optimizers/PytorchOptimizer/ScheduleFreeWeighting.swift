/// The weights of schedule-free averaging, as pytorch_optimizer's schedule-free optimizers keep
/// them in their parameter group: step t at learning rate γₜ weighs
///
///     γ_max ← max(γ_max, γₜ);  wₜ = t^r · γ_max^p;  W ← W + wₜ;  cₜ = wₜ / W  (0 while W = 0)
///
/// and cₜ is how far the averaged iterate moves towards the new point (`r`, `weight_lr_power` p;
/// Python floats, `**` as C `pow`). Defazio et al., "The Road Less Scheduled", NeurIPS 2024.
public struct ScheduleFreeWeighting: Sendable, Hashable {
    public var r: Double
    public var weightLRPower: Double
    /// W and γ_max so far (`weight_sum`, `lr_max`).
    public var weightSum = 0.0
    public var lrMax = -1.0

    /// Reads `r` and `weight_lr_power`.
    init(_ reader: inout HyperparameterReader) throws(OptimizerError) {
        r = try reader.double("r", default: 0)
        weightLRPower = try reader.double("weight_lr_power", default: 2)
    }

    /// cₜ at step `step` with learning rate `lr`, updating W and γ_max.
    @inlinable mutating func checkpoint(step: Int, lr: Double) -> Double {
        lrMax = lrMax > lr ? lrMax : lr
        let weight = pythonPow(Double(step), r) * pythonPow(lrMax, weightLRPower)
        weightSum += weight
        return weightSum != 0 ? weight / weightSum : 0
    }
}
