import DescentBase

/// Ackley: −20·exp(−0.2·√(0.5(x²+y²))) − exp(0.5(cos2πx + cos2πy)) + e + 20.
public struct Ackley: CatalogFunction {
    public init() {}

    @inlinable public func value<S: Scalar>(_ x: S, _ y: S) -> S {
        let twoPi = 2 * Double.pi
        let r = S.sqrt(0.5 * (S.square(x) + S.square(y)))
        return -20 * S.exp(-0.2 * r) - S.exp(0.5 * (S.cos(twoPi * x) + S.cos(twoPi * y))) + 2.718281828459045 + 20
    }
}
