import DescentBase

/// Goldstein–Price: [1+(x+y+1)²(19−14x+3x²−14y+6xy+3y²)]·[30+(2x−3y)²(18−32x+12x²+48y−36xy+27y²)].
public struct GoldsteinPrice: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let a = 1 + S.square(x + y + 1)
            * (19 - 14 * x + 3 * S.square(x) - 14 * y + 6 * x * y + 3 * S.square(y))
        let b = 30 + S.square(2 * x - 3 * y)
            * (18 - 32 * x + 12 * S.square(x) + 48 * y - 36 * x * y + 27 * S.square(y))
        return a * b
    }
}
