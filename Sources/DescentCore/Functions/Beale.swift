import DescentBase

/// Beale: (1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)².
public struct Beale: TestFunction {
    public init() {}
    public var name: String { "beale" }
    public var displayName: String { "Beale" }
    public var formula: String { "(1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)²" }
    public var minima: [Point] { [Point(3, 0.5)] }
    public var defaultStart: Point { Point(-1, 2) }
    public var view: ViewWindow { ViewWindow(x: -4.5...4.5, y: -4.5...4.5) }
    public var levels: ContourLevels { .logSpaced(from: -1, to: 5, count: 25) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(1.5 - x + x * y) + S.square(2.25 - x + x * S.square(y))
            + S.square(2.625 - x + x * S.pow(y, 3))
    }
}
