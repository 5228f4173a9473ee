import DescentBase

/// Quadratic: x² + 10y².
public struct Quadratic: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(x) + 10 * S.square(y)
    }
}
