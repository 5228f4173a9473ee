import DescentBase

/// Styblinski–Tang: 0.5·Σ(t⁴−16t²+5t), t ∈ {x, y}.
public struct StyblinskiTang: TestFunction {
    public init() {}
    public var name: String { "styblinski_tang" }
    public var displayName: String { "Styblinski–Tang" }
    public var formula: String { "0.5·Σ(t⁴−16t²+5t), t ∈ {x, y}" }
    public var minima: [Point] { [Point(-2.903534027771177, -2.903534027771177)] }
    public var defaultStart: Point { Point(4.5, 4.5) }
    public var view: ViewWindow { ViewWindow(x: -5...5, y: -5...5) }
    public var levels: ContourLevels { .automatic(count: 20) }

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        0.5 * ((S.pow(x, 4) - 16 * S.square(x) + 5 * x) + (S.pow(y, 4) - 16 * S.square(y) + 5 * y))
    }
}
