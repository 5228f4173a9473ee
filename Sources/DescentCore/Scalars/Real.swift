import DescentBase

/// A plain real number as a `Scalar`: a test function evaluated with `Real` gives its value
/// alone (`Dual` adds the gradient, `HyperDual` the Hessian). Each function is the C library's
/// (`LibM`), as Python's `math` module and torch's scalar paths compute it; `pow` is C's `pow`,
/// as Python's `float ** float` (the references' bias corrections).
///
/// `Double` itself does not conform, so that `DescentCore` adds no static members to `Double`:
/// a client importing it together with swift-numerics' `RealModule` still writes `Double.exp(x)`
/// and `Double.pow(x, y)` unambiguously. `TestFunction.value(_:_:)` takes and returns `Double`.
@frozen public struct Real: Scalar, Sendable {
    public var value: Double

    @inlinable public init(_ value: Double) { self.value = value }

    @inlinable public static func + (lhs: Real, rhs: Real) -> Real { Real(lhs.value + rhs.value) }
    @inlinable public static func - (lhs: Real, rhs: Real) -> Real { Real(lhs.value - rhs.value) }
    @inlinable public static func * (lhs: Real, rhs: Real) -> Real { Real(lhs.value * rhs.value) }
    @inlinable public static func / (lhs: Real, rhs: Real) -> Real { Real(lhs.value / rhs.value) }
    @inlinable public static prefix func - (operand: Real) -> Real { Real(-operand.value) }

    @inlinable public static func sin(_ x: Real) -> Real { Real(LibM.sin(x.value)) }
    @inlinable public static func cos(_ x: Real) -> Real { Real(LibM.cos(x.value)) }
    @inlinable public static func tan(_ x: Real) -> Real { Real(LibM.tan(x.value)) }
    @inlinable public static func exp(_ x: Real) -> Real { Real(LibM.exp(x.value)) }
    @inlinable public static func log(_ x: Real) -> Real { Real(LibM.log(x.value)) }
    @inlinable public static func sqrt(_ x: Real) -> Real { Real(x.value.squareRoot()) }
    @inlinable public static func tanh(_ x: Real) -> Real { Real(LibM.tanh(x.value)) }
    @inlinable public static func abs(_ x: Real) -> Real { Real(Swift.abs(x.value)) }
    @inlinable public static func pow(_ x: Real, _ exponent: Double) -> Real { Real(LibM.pow(x.value, exponent)) }
    @inlinable public static func power(_ x: Real, _ exponent: Real) -> Real {
        Real(LibM.pow(x.value, exponent.value))
    }
}
