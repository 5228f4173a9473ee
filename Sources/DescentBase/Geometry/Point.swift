
/// A point of the plane. Whether it is in data coordinates or figure pixels (y down) is said by
/// the name of the variable holding it; `Axes` converts between the two.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Double
    public var y: Double

    @inlinable public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Both coordinates are finite (neither NaN nor ±∞).
    @inlinable public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Squared Euclidean distance to `other`.
    @inlinable public func squaredDistance(to other: Point) -> Double {
        let dx = x - other.x, dy = y - other.y
        return dx * dx + dy * dy
    }

    public var description: String { "(\(x), \(y))" }
}
