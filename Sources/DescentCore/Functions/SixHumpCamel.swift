import DescentBase

/// Six-hump camel: (4−2.1x²+x⁴/3)x² + xy + (−4+4y²)y².
public struct SixHumpCamel: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        (4 - 2.1 * S.square(x) + S.pow(x, 4) / 3) * S.square(x) + x * y
            + (-4 + 4 * S.square(y)) * S.square(y)
    }
}
