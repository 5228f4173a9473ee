import DescentBase

/// Rosenbrock: (1−x)² + 100(y−x²)².
public struct Rosenbrock: CatalogFunction {
    public init() {}
    public static let info = FunctionInfo(
        name: "rosenbrock", displayName: "Rosenbrock", formula: "(1−x)² + 100(y−x²)²",
        minima: [Point(1, 1)], start: Point(-2, 2),
        view: ViewWindow(x: -2...2, y: -1...3), levels: .logSpaced(from: -0.5, to: 3.5, count: 20))

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(1 - x) + 100 * S.square(y - S.square(x))
    }
}
