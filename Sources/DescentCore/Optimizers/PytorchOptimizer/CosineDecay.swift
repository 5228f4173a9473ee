import DescentBase

/// pytorch_optimizer's `CosineDecay` (SPAM's and StableSPAM's schedules): a value decayed by
/// torch's `CosineAnnealingLR` (T = t_max + 1) on a dummy SGD, stepped to a given epoch. torch's
/// scheduler uses its recursive ("chainable") form, so the value depends on the calls made so far:
///
///     rate(s) = η_min                                        if s ≥ t_max
///     else e = s + 1 and, from the current value r,
///         r ← r + (r₀ − η_min)(1 − cos(π/T))/2               if (e − 1 − T) mod 2T = 0
///         r ← (1 + cos(πe/T))/(1 + cos(π(e − 1)/T))·(r − η_min) + η_min   otherwise
///
/// with Python's floats and `math.cos` (the C library's).
public struct CosineDecay: Sendable, Hashable {
    /// The initial value r₀ (`death_rate`), the current value r, and the schedule's end.
    public var initial: Double
    public var current: Double
    public var tMax: Int
    public var etaMin: Double

    public init(_ deathRate: Double, tMax: Int, etaMin: Double = 0) {
        initial = deathRate
        current = deathRate
        self.tMax = tMax
        self.etaMin = etaMin
    }

    /// `get_death_rate(current_step)`.
    public mutating func deathRate(at step: Int) -> Double {
        if step >= tMax { return etaMin }
        let period = tMax + 1, epoch = step + 1
        let (e, t) = (Double(epoch), Double(period))
        let k = (epoch - 1 - period) % (2 * period)
        if k == 0 {
            current = current + (initial - etaMin) * (1 - LibM.cos(Double.pi / t)) / 2
        } else {
            current = (1 + LibM.cos(Double.pi * e / t)) / (1 + LibM.cos(Double.pi * (e - 1) / t)) * (current - etaMin) + etaMin
        }
        return current
    }
}
