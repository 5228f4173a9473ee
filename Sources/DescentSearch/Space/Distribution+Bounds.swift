/// The arithmetic of model ranges that must hold for any valid space, however narrow, wide or
/// close to the limits of `Double` its bounds are.
extension Distribution {
    /// (low + high)/2, without overflowing when both bounds are huge and of the same sign.
    /// Equal to `0.5 * (low + high)` whenever that is finite.
    @inlinable static func midpoint(_ low: Double, _ high: Double) -> Double {
        let m = 0.5 * (low + high)
        return m.isFinite ? m : 0.5 * low + 0.5 * high
    }

    /// `t` moved into [low, high] (low < high): below or NaN gives `low`, above gives `high`.
    /// Values already inside are returned unchanged.
    @inlinable static func clamp(_ t: Double, within low: Double, _ high: Double) -> Double {
        if !(t >= low) { return low }
        if t > high { return high }
        return t
    }

    /// `t` moved into [low, high) (low < high): below or NaN gives `low`, at or above `high`
    /// gives the largest double below `high`. Values already inside are returned unchanged.
    @inlinable static func clamp(_ t: Double, below low: Double, _ high: Double) -> Double {
        if !(t >= low) { return low }
        if !(t < high) { return Swift.max(low, high.nextDown) }
        return t
    }

    /// How many times a rejection sampler redraws before it gives up and clamps its last
    /// draw into the range. In any valid space a redraw lands inside with probability of at
    /// least about 1 % (TPE's good-set model: its prior component, weight ≥ 1/26, lands inside
    /// with probability near ¼ or more even when the range is one ulp; the refinement: ≥ ¼ around a
    /// centre inside [low, high) — a centre on `high` in a range narrower than its rounding is
    /// what reaches the limit), so the limit changes no draw short of a 1e-39 event and only
    /// bounds the time of draws that cannot land inside.
    @usableFromInline static let maximumRedraws = 10_000
}
