import DescentBase

/// Beale: (1.5−x+xy)² + (2.25−x+xy²)² + (2.625−x+xy³)².
public struct Beale: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        S.square(1.5 - x + x * y) + S.square(2.25 - x + x * S.square(y))
            + S.square(2.625 - x + x * S.pow(y, 3))
    }
}
