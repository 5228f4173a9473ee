import Foundation

/// How an axis maps data values to positions along it: linearly, or by their base-10
/// logarithm (matplotlib's `set_yscale("log")`, as `semilogy` uses).
///
/// On a log axis a value ≤ 0 has no position: its transform is −∞ or NaN, and it reaches no
/// pixel (`Axes.pixelRuns` breaks the line there and the canvas drops non-finite points).
/// Figures that plot such data (`LossCurve`) drop those values before they get here.
public enum Scale: Hashable, Sendable {
    case linear
    case log10

    /// The value in the axis' linear space: `v`, or `log10(v)`.
    @inlinable public func transform(_ v: Double) -> Double {
        switch self {
        case .linear: return v
        case .log10: return Foundation.log10(v)
        }
    }

    /// The data value at position `t` of the axis' linear space.
    @inlinable public func inverse(_ t: Double) -> Double {
        switch self {
        case .linear: return t
        case .log10: return pow(10, t)
        }
    }

    /// Whether `v` can be shown on this axis (finite, and positive on a log axis).
    @inlinable public func accepts(_ v: Double) -> Bool {
        v.isFinite && (self == .linear || v > 0)
    }
}
