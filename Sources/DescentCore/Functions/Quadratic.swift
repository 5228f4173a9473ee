import DescentBase

/// Quadratic: x² + 10y².
public struct Quadratic: TestFunction {
    public init() {}
    public var name: String { "quadratic" }
    public var displayName: String { "Quadratic" }
    public var formula: String { "x² + 10y²" }
    public var minima: [Point] { [Point(0, 0)] }
    public var defaultStart: Point { Point(-3, 2) }
    public var view: ViewWindow { ViewWindow(x: -4...4, y: -3...3) }
    public var levels: ContourLevels { .logSpaced(from: -1, to: 2.2, count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(x) + 10 * S.square(y)
    }
}
