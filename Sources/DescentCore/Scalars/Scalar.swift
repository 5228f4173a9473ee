/// The few operations a test function needs, so that one generic definition yields exact
/// derivatives: evaluate it with `Double` for values, `Dual` for gradients and `HyperDual`
/// for Hessians.
///
/// Conformers behave as real numbers extended by infinitesimal parts; every function here is
/// the real one applied to the value, with its exact derivative applied to the parts.
public protocol Scalar: ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral,
    Comparable
{
    /// A constant (all derivative parts zero).
    init(_ value: Double)
    /// The real part.
    var value: Double { get }

    static func + (lhs: Self, rhs: Self) -> Self
    static func - (lhs: Self, rhs: Self) -> Self
    static func * (lhs: Self, rhs: Self) -> Self
    static func / (lhs: Self, rhs: Self) -> Self
    static prefix func - (operand: Self) -> Self

    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func exp(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func sqrt(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
    static func abs(_ x: Self) -> Self
    /// `x` raised to a constant power. Integer exponents are exact repeated products, so
    /// negative bases are fine; other exponents need `x > 0`.
    static func pow(_ x: Self, _ exponent: Double) -> Self
    /// `x` raised to a variable power, `exp(y·log x)` (needs `x > 0` where the exponent varies);
    /// for a constant exponent use `pow(_:_:)`.
    static func power(_ x: Self, _ exponent: Self) -> Self
    /// `x²`. Written `x ** 2` in the references, so `Reverse` records it as one power node
    /// (torch's `PowBackward0`), not as a product that uses `x` twice.
    static func square(_ x: Self) -> Self
}

extension Scalar {
    @inlinable public static func + (lhs: Self, rhs: Double) -> Self { lhs + Self(rhs) }
    @inlinable public static func + (lhs: Double, rhs: Self) -> Self { Self(lhs) + rhs }
    @inlinable public static func - (lhs: Self, rhs: Double) -> Self { lhs - Self(rhs) }
    @inlinable public static func - (lhs: Double, rhs: Self) -> Self { Self(lhs) - rhs }
    @inlinable public static func * (lhs: Self, rhs: Double) -> Self { lhs * Self(rhs) }
    @inlinable public static func * (lhs: Double, rhs: Self) -> Self { Self(lhs) * rhs }
    @inlinable public static func / (lhs: Self, rhs: Double) -> Self { lhs / Self(rhs) }
    @inlinable public static func / (lhs: Double, rhs: Self) -> Self { Self(lhs) / rhs }

    @inlinable public init(floatLiteral value: Double) { self.init(value) }
    @inlinable public init(integerLiteral value: Int) { self.init(Double(value)) }

    /// `x²` as `x * x`, the value torch's `x ** 2` computes.
    @inlinable public static func square(_ x: Self) -> Self { x * x }

    @inlinable public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    @inlinable public static func == (lhs: Self, rhs: Self) -> Bool { lhs.value == rhs.value }
}

/// Integer powers by repeated multiplication, shared by every conformer: `x^n` for |n| ≤ 64.
@inlinable func integerPower<S: Scalar>(_ x: S, _ n: Int) -> S {
    var result = S(1)
    var base = x
    var k = n.magnitude
    while k > 0 {
        if k & 1 == 1 { result = result * base }
        k >>= 1
        if k > 0 { base = base * base }
    }
    return n < 0 ? S(1) / result : result
}
