import DescentBase

/// Matyas: 0.26(x²+y²) − 0.48xy.
public struct Matyas: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "matyas", displayName: "Matyas", formula: "0.26(x²+y²) − 0.48xy",
        minima: [Point(0, 0)], start: Point(-8, 6),
        view: ViewWindow(x: -10...10, y: -10...10), levels: .logSpaced(from: -2, to: 2, count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        0.26 * (S.square(x) + S.square(y)) - 0.48 * x * y
    }
}
