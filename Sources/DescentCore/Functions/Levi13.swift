import DescentBase

/// Lévi N.13: sin²3πx + (x−1)²(1+sin²3πy) + (y−1)²(1+sin²2πy).
public struct Levi13: TestFunction {
    public init() {}
    public var name: String { "levi13" }
    public var displayName: String { "Lévi N.13" }
    public var formula: String { "sin²3πx + (x−1)²(1+sin²3πy) + (y−1)²(1+sin²2πy)" }
    public var minima: [Point] { [Point(1, 1)] }
    public var defaultStart: Point { Point(-3, 3.5) }
    public var view: ViewWindow { ViewWindow(x: -4...4, y: -4...4) }
    public var levels: ContourLevels { .automatic(count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let pi = Double.pi
        return S.square(S.sin(3 * pi * x)) + S.square(x - 1) * (1 + S.square(S.sin(3 * pi * y)))
            + S.square(y - 1) * (1 + S.square(S.sin(2 * pi * y)))
    }
}
