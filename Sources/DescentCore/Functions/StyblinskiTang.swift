import DescentBase

/// Styblinski–Tang: 0.5·Σ(t⁴−16t²+5t), t ∈ {x, y}.
public struct StyblinskiTang: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "styblinski_tang", displayName: "Styblinski–Tang", formula: "0.5·Σ(t⁴−16t²+5t), t ∈ {x, y}",
        minima: [Point(-2.903534027771177, -2.903534027771177)], start: Point(4.5, 4.5),
        view: ViewWindow(x: -5...5, y: -5...5), levels: .automatic(count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        0.5 * ((S.pow(x, 4) - 16 * S.square(x) + 5 * x) + (S.pow(y, 4) - 16 * S.square(y) + 5 * y))
    }
}
