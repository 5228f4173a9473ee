import DescentBase

/// Booth: (x+2y−7)² + (2x+y−5)².
public struct Booth: TestFunction {
    public init() {}
    public var name: String { "booth" }
    public var displayName: String { "Booth" }
    public var formula: String { "(x+2y−7)² + (2x+y−5)²" }
    public var minima: [Point] { [Point(1, 3)] }
    public var defaultStart: Point { Point(-8, 8) }
    public var view: ViewWindow { ViewWindow(x: -10...10, y: -10...10) }
    public var levels: ContourLevels { .logSpaced(from: -1, to: 3.4, count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(x + 2 * y - 7) + S.square(2 * x + y - 5)
    }
}
