import DescentBase

/// Rastrigin: 20 + x² − 10cos2πx + y² − 10cos2πy.
public struct Rastrigin: TestFunction {
    public init() {}
    public var name: String { "rastrigin" }
    public var displayName: String { "Rastrigin" }
    public var formula: String { "20 + x² − 10cos2πx + y² − 10cos2πy" }
    public var minima: [Point] { [Point(0, 0)] }
    public var defaultStart: Point { Point(-2, 3.5) }
    public var view: ViewWindow { ViewWindow(x: -4.5...4.5, y: -4.5...4.5) }
    public var levels: ContourLevels { .automatic(count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let a = 10.0, twoPi = 2 * Double.pi
        return a * 2 + (S.square(x) - a * S.cos(x * twoPi)) + (S.square(y) - a * S.cos(y * twoPi))
    }
}
