import Foundation

/// Tick labels as matplotlib's `ScalarFormatter` writes them for ordinary ranges: every
/// label with the same number of decimals, the fewest that show the step exactly
/// (step 0.5 → "−2.0", "−1.5"; step 1 → "−4", "−3"), with a Unicode minus sign.
public struct TickFormatter: Hashable, Sendable {
    public let decimals: Int

    /// A formatter for ticks `step` apart.
    public init(step: Double) {
        var d = 0
        if step.isFinite && step > 0 {
            while d < 12 {
                let scaled = step * pow(10, Double(d))
                if abs(scaled - scaled.rounded()) < 1e-9 * max(1, scaled) { break }
                d += 1
            }
        }
        decimals = d
    }

    /// The formatter for a list of evenly spaced ticks.
    public init(ticks: [Double]) {
        self.init(step: ticks.count >= 2 ? abs(ticks[1] - ticks[0]) : 1)
    }

    /// The label of `value`.
    public func label(_ value: Double) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let magnitude = text.dropFirst()
            text = magnitude.allSatisfy({ $0 == "0" || $0 == "." }) ? String(magnitude) : "\u{2212}" + magnitude
        }
        return text
    }

    /// `value` with `digits` significant digits (C's `%g`), with a Unicode minus sign.
    public static func significant(_ value: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)g", value)
        return text.hasPrefix("-") ? "\u{2212}" + text.dropFirst() : text
    }
}
