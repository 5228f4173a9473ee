import DescentBase

/// Ackley: −20·exp(−0.2·√(0.5(x²+y²))) − exp(0.5(cos2πx + cos2πy)) + e + 20.
public struct Ackley: TestFunction {
    public init() {}
    public var name: String { "ackley" }
    public var displayName: String { "Ackley" }
    public var formula: String { "−20·exp(−0.2·√(0.5(x²+y²))) − exp(0.5(cos2πx + cos2πy)) + e + 20" }
    public var minima: [Point] { [Point(0, 0)] }
    public var defaultStart: Point { Point(2.3, -1.7) }
    public var view: ViewWindow { ViewWindow(x: -4...4, y: -4...4) }
    public var levels: ContourLevels { .automatic(count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let twoPi = 2 * Double.pi
        let r = S.sqrt(0.5 * (S.square(x) + S.square(y)))
        return -20 * S.exp(-0.2 * r) - S.exp(0.5 * (S.cos(twoPi * x) + S.cos(twoPi * y))) + 2.718281828459045 + 20
    }
}
