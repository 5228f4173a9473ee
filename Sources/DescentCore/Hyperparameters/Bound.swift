import DescentBase

/// An allowed range for a numeric hyperparameter, as torch's constructors check it
/// (e.g. Adam's `0.0 <= betas[0] < 1.0` is `.halfOpen(0, 1)`). NaN is never inside.
public struct Bound: Hashable, Sendable, CustomStringConvertible {
    public var lower: Double
    public var lowerInclusive: Bool
    public var upper: Double
    public var upperInclusive: Bool

    public init(lower: Double, lowerInclusive: Bool, upper: Double, upperInclusive: Bool) {
        self.lower = lower
        self.lowerInclusive = lowerInclusive
        self.upper = upper
        self.upperInclusive = upperInclusive
    }

    /// Any finite number.
    public static let any = Bound(lower: -.infinity, lowerInclusive: false, upper: .infinity, upperInclusive: false)
    /// `value >= 0`.
    public static let nonNegative = atLeast(0)
    /// `value > 0`.
    public static let positive = greaterThan(0)
    /// `0 <= value < 1`, torch's rule for betas.
    public static let unitHalfOpen = Bound(lower: 0, lowerInclusive: true, upper: 1, upperInclusive: false)
    /// `0 <= value <= 1`.
    public static let unitClosed = Bound(lower: 0, lowerInclusive: true, upper: 1, upperInclusive: true)

    public static func atLeast(_ v: Double) -> Bound {
        Bound(lower: v, lowerInclusive: true, upper: .infinity, upperInclusive: false)
    }
    public static func greaterThan(_ v: Double) -> Bound {
        Bound(lower: v, lowerInclusive: false, upper: .infinity, upperInclusive: false)
    }
    public static func open(_ lo: Double, _ hi: Double) -> Bound {
        Bound(lower: lo, lowerInclusive: false, upper: hi, upperInclusive: false)
    }
    public static func closed(_ lo: Double, _ hi: Double) -> Bound {
        Bound(lower: lo, lowerInclusive: true, upper: hi, upperInclusive: true)
    }
    public static func halfOpen(_ lo: Double, _ hi: Double) -> Bound {
        Bound(lower: lo, lowerInclusive: true, upper: hi, upperInclusive: false)
    }

    public func contains(_ v: Double) -> Bool {
        guard v.isFinite else { return false }
        let aboveLower = lowerInclusive ? v >= lower : v > lower
        let belowUpper = upperInclusive ? v <= upper : v < upper
        return aboveLower && belowUpper
    }

    public var description: String {
        let lo = lower.isFinite ? JSONWriter.number(lower) : "-inf"
        let hi = upper.isFinite ? JSONWriter.number(upper) : "inf"
        return (lowerInclusive ? "[" : "(") + lo + ", " + hi + (upperInclusive ? "]" : ")")
    }
}
