import DescentBase

/// Styblinski–Tang: 0.5·Σ(t⁴−16t²+5t), t ∈ {x, y}.
public struct StyblinskiTang: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        0.5 * ((S.pow(x, 4) - 16 * S.square(x) + 5 * x) + (S.pow(y, 4) - 16 * S.square(y) + 5 * y))
    }
}
