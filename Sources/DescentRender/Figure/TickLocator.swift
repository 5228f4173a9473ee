import Foundation

/// matplotlib's `MaxNLocator`: at most `bins` intervals whose step is a "nice" mantissa
/// times a power of ten, chosen exactly as matplotlib 3.x does, including its `scale_range`
/// offset and `_Edge_integer` rounding.
///
/// Axes use `TickLocator.axis` (matplotlib's `AutoLocator`: steps 1, 2, 2.5, 5, 10, at most
/// 9 bins); automatic contour levels use the plain `MaxNLocator` defaults (steps 1, 1.5, 2,
/// 2.5, 3, 4, 5, 6, 8, 10), which is why Rastrigin's 20 levels are 0, 4, 8, … 84.
public struct TickLocator: Hashable, Sendable {
    /// The most intervals.
    public var bins: Int
    /// The fewest ticks inside the range before a smaller step is tried.
    public var minimumTicks: Int
    /// Nice mantissas, ascending, from 1 to 10.
    public var steps: [Double]

    /// `MaxNLocator(bins, steps=steps, min_n_ticks=minimumTicks)`; the default steps are
    /// `MaxNLocator`'s own.
    public init(bins: Int, minimumTicks: Int = 2, steps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) {
        self.bins = max(1, bins)
        self.minimumTicks = max(1, minimumTicks)
        self.steps = steps
    }

    /// matplotlib's default axis locator: `AutoLocator` (9 bins at most, steps 1-2-2.5-5-10).
    public static let axis = TickLocator(bins: 9, steps: [1, 2, 2.5, 5, 10])

    /// Tick values covering [lower, upper] (they may extend one step beyond it, as matplotlib's
    /// `tick_values`); empty when the bounds are not finite.
    public func ticks(from lower: Double, to upper: Double) -> [Double] {
        guard lower.isFinite, upper.isFinite else { return [] }
        let (vmin, vmax) = TickLocator.nonsingular(min(lower, upper), max(lower, upper))
        let (scale, offset) = TickLocator.scaleRange(vmin, vmax, Double(bins))
        let lo = vmin - offset, hi = vmax - offset
        let staircase = steps.dropLast().map { 0.1 * $0 } + steps + [10 * (steps.count > 1 ? steps[1] : 1)]
        let scaled = staircase.map { $0 * scale }
        let rawStep = (hi - lo) / Double(bins)
        let firstLarge = scaled.firstIndex { $0 >= rawStep } ?? scaled.count - 1
        var ticks: [Double] = []
        for step in scaled[...firstLarge].reversed() {
            let best = TickLocator.divmod(lo, step).quotient * step
            let edge = EdgeInteger(step: step, offset: offset)
            let low = edge.le(lo - best), high = edge.ge(hi - best)
            guard high >= low, high - low < 10_000 else { continue }
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
            if ticks.filter({ $0 <= hi && $0 >= lo }).count >= minimumTicks { break }
        }
        return ticks.map { $0 + offset }
    }

    /// matplotlib's `scale_range`: the power of ten of the raw step, and an offset for ranges
    /// far from zero.
    static func scaleRange(_ vmin: Double, _ vmax: Double, _ n: Double) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let meanv = (vmax + vmin) / 2
        let offset: Double
        if abs(meanv) / dv < 100 {
            offset = 0
        } else {
            offset = pow(10, log10(abs(meanv)).rounded(.down)) * (meanv < 0 ? -1 : 1)
        }
        return (pow(10, log10(dv / n).rounded(.down)), offset)
    }

    /// matplotlib's `transforms.nonsingular(vmin, vmax, expander=1e-13, tiny=1e-14)`.
    static func nonsingular(_ vmin: Double, _ vmax: Double) -> (Double, Double) {
        let expander = 1e-13, tiny = 1e-14
        let maxabs = max(abs(vmin), abs(vmax))
        if maxabs < (1e6 / tiny) * Double.leastNormalMagnitude { return (-expander, expander) }
        if vmax - vmin <= maxabs * tiny {
            if vmax == 0 && vmin == 0 { return (-expander, expander) }
            return (vmin - expander * abs(vmin), vmax + expander * abs(vmax))
        }
        return (vmin, vmax)
    }

    /// Python's `divmod(x, y)` for floats: floored quotient and a remainder with y's sign.
    static func divmod(_ x: Double, _ y: Double) -> (quotient: Double, remainder: Double) {
        var mod = fmod(x, y)
        var div = (x - mod) / y
        if mod != 0 && (y < 0) != (mod < 0) {
            mod += y
            div -= 1
        }
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return (floored, mod)
    }

    /// matplotlib's `_Edge_integer`: floor and ceiling of x / step that forgive rounding error.
    struct EdgeInteger {
        var step: Double
        var offset: Double

        func closeTo(_ ms: Double, _ edge: Double) -> Bool {
            var tol = 1e-10
            if offset != 0 {
                let digits = log10(abs(offset) / step)
                tol = min(0.4999, max(1e-10, pow(10, digits - 12)))
            }
            return abs(ms - edge) < tol
        }

        func le(_ x: Double) -> Double {
            let (d, m) = TickLocator.divmod(x, step)
            return closeTo(m / step, 1) ? d + 1 : d
        }

        func ge(_ x: Double) -> Double {
            let (d, m) = TickLocator.divmod(x, step)
            return closeTo(m / step, 0) ? d : d + 1
        }
    }
}
