import DescentBase

/// Rosenbrock: (1−x)² + 100(y−x²)².
public struct Rosenbrock: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(1 - x) + 100 * S.square(y - S.square(x))
    }
}
