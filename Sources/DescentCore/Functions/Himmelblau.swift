import DescentBase

/// Himmelblau: (x²+y−11)² + (x+y²−7)².
public struct Himmelblau: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(S.square(x) + y - 11) + S.square(x + S.square(y) - 7)
    }
}
