import DescentBase

/// Rastrigin: 20 + x² − 10cos2πx + y² − 10cos2πy.
public struct Rastrigin: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let a = 10.0, twoPi = 2 * Double.pi
        return a * 2 + (S.square(x) - a * S.cos(x * twoPi)) + (S.square(y) - a * S.cos(y * twoPi))
    }
}
