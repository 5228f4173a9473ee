import DescentBase

/// Matyas: 0.26(x²+y²) − 0.48xy.
public struct Matyas: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        0.26 * (S.square(x) + S.square(y)) - 0.48 * x * y
    }
}
