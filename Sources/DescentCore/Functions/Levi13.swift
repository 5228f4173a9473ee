import DescentBase

/// Lévi N.13: sin²3πx + (x−1)²(1+sin²3πy) + (y−1)²(1+sin²2πy).
public struct Levi13: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let pi = Double.pi
        return S.square(S.sin(3 * pi * x)) + S.square(x - 1) * (1 + S.square(S.sin(3 * pi * y)))
            + S.square(y - 1) * (1 + S.square(S.sin(2 * pi * y)))
    }
}
