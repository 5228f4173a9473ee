import DescentBase

/// Rosenbrock: (1−x)² + 100(y−x²)².
public struct Rosenbrock: TestFunction {
    public init() {}
    public var name: String { "rosenbrock" }
    public var displayName: String { "Rosenbrock" }
    public var formula: String { "(1−x)² + 100(y−x²)²" }
    public var minima: [Point] { [Point(1, 1)] }
    public var defaultStart: Point { Point(-2, 2) }
    public var view: ViewWindow { ViewWindow(x: -2...2, y: -1...3) }
    public var levels: ContourLevels { .logSpaced(from: -0.5, to: 3.5, count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(1 - x) + 100 * S.square(y - S.square(x))
    }
}
