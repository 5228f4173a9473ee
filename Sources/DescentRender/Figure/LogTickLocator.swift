import Foundation

/// matplotlib's `LogLocator` (base 10) for a log axis, with `LogFormatterSciNotation` labels.
///
/// Major ticks are the decades 10^k in the range, every `stride`-th one when there are more
/// than `maximumTicks` (matplotlib's `numticks` thinning, which keeps 10^0 on the grid when it
/// is in view). When fewer than two decades are in view, the ticks are instead every
/// m·10^k (m = 1…9), thinned the same way, labelled "m×10^k" as matplotlib labels the minor
/// ticks of a narrow log axis. Labels use Unicode superscripts: 10⁻³, 10⁰, 2×10⁻¹.
public struct LogTickLocator: Hashable, Sendable {
    /// The most labelled ticks (matplotlib's `numticks` for an axis of ordinary size).
    public var maximumTicks: Int

    public init(maximumTicks: Int = 9) {
        self.maximumTicks = max(2, maximumTicks)
    }

    /// The tick values inside [lower, upper] (both > 0), ascending; empty for a range that is
    /// not positive and finite.
    public func ticks(from lower: Double, to upper: Double) -> [Double] {
        let lo = min(lower, upper), hi = max(lower, upper)
        guard lo > 0, hi.isFinite else { return [] }
        let slack = 1e-9
        let a = Int((log10(lo) - slack).rounded(.up)), b = Int((log10(hi) + slack).rounded(.down))
        if b - a + 1 >= 2 {
            let count = b - a + 1
            let stride = (count + maximumTicks - 1) / maximumTicks
            // Thin on multiples of the stride, so 10^0 stays a tick (as matplotlib does).
            return (a...b).filter { Self.floorMod($0, stride) == 0 }.map { pow(10, Double($0)) }
        }
        var values: [Double] = []
        for k in (a - 1)...(b + 1) {
            for m in 1...9 {
                let v = Double(m) * pow(10, Double(k))
                if v >= lo * (1 - slack) && v <= hi * (1 + slack) { values.append(v) }
            }
        }
        let stride = (values.count + maximumTicks - 1) / max(1, maximumTicks)
        return stride <= 1 ? values : values.enumerated().filter { $0.offset % stride == 0 }.map(\.element)
    }

    /// `LogFormatterSciNotation`'s label: "10ᵏ" for a decade, "m×10ᵏ" otherwise.
    public static func label(_ value: Double) -> String {
        guard value > 0, value.isFinite else { return "" }
        let l = log10(value)
        let e = Int(abs(l - l.rounded()) < 1e-9 ? l.rounded() : l.rounded(.down))
        let mantissa = value / pow(10, Double(e))
        let power = "10" + superscript(e)
        if abs(mantissa - 1) < 1e-9 { return power }
        let m = abs(mantissa - mantissa.rounded()) < 1e-9 ? String(Int(mantissa.rounded())) : TickFormatter.significant(mantissa, digits: 3)
        return m + "\u{00D7}" + power
    }

    /// `n` in Unicode superscript digits, with a superscript minus.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(abs(n)).map { digits[Int(String($0))!] })
        return n < 0 ? "⁻" + body : body
    }

    static func floorMod(_ a: Int, _ n: Int) -> Int { ((a % n) + n) % n }
}
