import DescentBase

/// Quadratic: x² + 10y².
public struct Quadratic: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "quadratic", displayName: "Quadratic", formula: "x² + 10y²",
        minima: [Point(0, 0)], start: Point(-3, 2),
        view: ViewWindow(x: -4...4, y: -3...3), levels: .logSpaced(from: -1, to: 2.2, count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(x) + 10 * S.square(y)
    }
}
