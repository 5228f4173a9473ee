import DescentBase

/// A first-order dual number in two variables: a value and its gradient with respect to
/// (x, y). Arithmetic on it is forward-mode automatic differentiation, so evaluating a generic
/// `Scalar` function on `Dual.variables(x, y)` gives the exact gradient (to rounding).
public struct Dual: Scalar, Hashable, Sendable {
    public var value: Double
    /// ∂/∂x and ∂/∂y of the value.
    public var dx: Double
    public var dy: Double

    @inlinable public init(value: Double, dx: Double, dy: Double) {
        self.value = value
        self.dx = dx
        self.dy = dy
    }

    @inlinable public init(_ value: Double) { self.init(value: value, dx: 0, dy: 0) }

    /// The independent variables x and y, seeded with unit gradients.
    @inlinable public static func variables(_ x: Double, _ y: Double) -> (Dual, Dual) {
        (Dual(value: x, dx: 1, dy: 0), Dual(value: y, dx: 0, dy: 1))
    }

    /// Applies a function with value `f` and derivative `df` at `value` (the chain rule).
    @inlinable func chain(_ f: Double, _ df: Double) -> Dual {
        Dual(value: f, dx: df * dx, dy: df * dy)
    }

    @inlinable public static func + (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value + b.value, dx: a.dx + b.dx, dy: a.dy + b.dy)
    }
    @inlinable public static func - (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value - b.value, dx: a.dx - b.dx, dy: a.dy - b.dy)
    }
    @inlinable public static prefix func - (a: Dual) -> Dual {
        Dual(value: -a.value, dx: -a.dx, dy: -a.dy)
    }
    @inlinable public static func * (a: Dual, b: Dual) -> Dual {
        Dual(value: a.value * b.value,
             dx: a.dx * b.value + a.value * b.dx,
             dy: a.dy * b.value + a.value * b.dy)
    }
    @inlinable public static func / (a: Dual, b: Dual) -> Dual {
        let q = a.value / b.value
        return Dual(value: q, dx: (a.dx - q * b.dx) / b.value, dy: (a.dy - q * b.dy) / b.value)
    }

    @inlinable public static func sin(_ x: Dual) -> Dual { x.chain(LibM.sin(x.value), LibM.cos(x.value)) }
    @inlinable public static func cos(_ x: Dual) -> Dual { x.chain(LibM.cos(x.value), -LibM.sin(x.value)) }
    @inlinable public static func tan(_ x: Dual) -> Dual {
        let t = LibM.tan(x.value)
        return x.chain(t, 1 + t * t)
    }
    @inlinable public static func exp(_ x: Dual) -> Dual {
        let e = LibM.exp(x.value)
        return x.chain(e, e)
    }
    @inlinable public static func log(_ x: Dual) -> Dual { x.chain(LibM.log(x.value), 1 / x.value) }
    /// At 0 the derivative is +∞; a direction along which the argument does not move
    /// (a zero tangent) gets 0, not 0·∞ = NaN — so √(x²+y²) has the subgradient 0 at the origin.
    @inlinable public static func sqrt(_ x: Dual) -> Dual {
        let r = x.value.squareRoot()
        let d = 0.5 / r
        return Dual(value: r, dx: x.dx == 0 ? 0 : d * x.dx, dy: x.dy == 0 ? 0 : d * x.dy)
    }
    @inlinable public static func tanh(_ x: Dual) -> Dual {
        let t = LibM.tanh(x.value)
        return x.chain(t, 1 - t * t)
    }
    /// The derivative at 0 is taken as 0 (the minimal-norm subgradient).
    @inlinable public static func abs(_ x: Dual) -> Dual {
        x.chain(Swift.abs(x.value), x.value > 0 ? 1 : (x.value < 0 ? -1 : 0))
    }
    @inlinable public static func pow(_ x: Dual, _ exponent: Double) -> Dual {
        if let n = Int(exactly: exponent), n.magnitude <= 64 { return integerPower(x, n) }
        return x.chain(LibM.pow(x.value, exponent), exponent * LibM.pow(x.value, exponent - 1))
    }
    @inlinable public static func power(_ x: Dual, _ exponent: Dual) -> Dual {
        exp(exponent * log(x))
    }
}
