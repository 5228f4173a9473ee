import DescentBase

/// Booth: (x+2y−7)² + (2x+y−5)².
public struct Booth: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(x + 2 * y - 7) + S.square(2 * x + y - 5)
    }
}
