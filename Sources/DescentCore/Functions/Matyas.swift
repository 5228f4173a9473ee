import DescentBase

/// Matyas: 0.26(x²+y²) − 0.48xy.
public struct Matyas: TestFunction {
    public init() {}
    public var name: String { "matyas" }
    public var displayName: String { "Matyas" }
    public var formula: String { "0.26(x²+y²) − 0.48xy" }
    public var minima: [Point] { [Point(0, 0)] }
    public var defaultStart: Point { Point(-8, 6) }
    public var view: ViewWindow { ViewWindow(x: -10...10, y: -10...10) }
    public var levels: ContourLevels { .logSpaced(from: -2, to: 2, count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        0.26 * (S.square(x) + S.square(y)) - 0.48 * x * y
    }
}
