import DescentBase

/// A second-order (hyper-)dual number in two variables: value, gradient and the symmetric
/// Hessian with respect to (x, y). Evaluating a generic `Scalar` function on
/// `HyperDual.variables(x, y)` gives its exact gradient and Hessian (to rounding).
///
/// For a unary function f: value f(a), gradient f′(a)·g, Hessian f′(a)·H + f″(a)·g gᵀ.
public struct HyperDual: Scalar, Hashable, Sendable {
    public var value: Double
    public var dx: Double
    public var dy: Double
    /// ∂²/∂x², ∂²/∂x∂y and ∂²/∂y².
    public var dxx: Double
    public var dxy: Double
    public var dyy: Double

    @inlinable public init(
        value: Double, dx: Double, dy: Double, dxx: Double, dxy: Double, dyy: Double
    ) {
        self.value = value
        self.dx = dx
        self.dy = dy
        self.dxx = dxx
        self.dxy = dxy
        self.dyy = dyy
    }

    @inlinable public init(_ value: Double) {
        self.init(value: value, dx: 0, dy: 0, dxx: 0, dxy: 0, dyy: 0)
    }

    /// The independent variables x and y.
    @inlinable public static func variables(_ x: Double, _ y: Double) -> (HyperDual, HyperDual) {
        (HyperDual(value: x, dx: 1, dy: 0, dxx: 0, dxy: 0, dyy: 0),
         HyperDual(value: y, dx: 0, dy: 1, dxx: 0, dxy: 0, dyy: 0))
    }

    /// The chain rule with f(a), f′(a), f″(a). A zero part times an infinite derivative is 0
    /// (the argument does not move in that direction), never NaN.
    @inlinable func chain(_ f: Double, _ d1: Double, _ d2: Double) -> HyperDual {
        @inline(__always) func times(_ a: Double, _ b: Double) -> Double { b == 0 ? 0 : a * b }
        return HyperDual(
            value: f,
            dx: times(d1, dx), dy: times(d1, dy),
            dxx: times(d1, dxx) + times(d2, dx * dx),
            dxy: times(d1, dxy) + times(d2, dx * dy),
            dyy: times(d1, dyy) + times(d2, dy * dy))
    }

    @inlinable public static func + (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(value: a.value + b.value, dx: a.dx + b.dx, dy: a.dy + b.dy,
                  dxx: a.dxx + b.dxx, dxy: a.dxy + b.dxy, dyy: a.dyy + b.dyy)
    }
    @inlinable public static func - (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(value: a.value - b.value, dx: a.dx - b.dx, dy: a.dy - b.dy,
                  dxx: a.dxx - b.dxx, dxy: a.dxy - b.dxy, dyy: a.dyy - b.dyy)
    }
    @inlinable public static prefix func - (a: HyperDual) -> HyperDual {
        HyperDual(value: -a.value, dx: -a.dx, dy: -a.dy, dxx: -a.dxx, dxy: -a.dxy, dyy: -a.dyy)
    }
    @inlinable public static func * (a: HyperDual, b: HyperDual) -> HyperDual {
        HyperDual(
            value: a.value * b.value,
            dx: a.dx * b.value + a.value * b.dx,
            dy: a.dy * b.value + a.value * b.dy,
            dxx: a.dxx * b.value + a.value * b.dxx + 2 * a.dx * b.dx,
            dxy: a.dxy * b.value + a.value * b.dxy + a.dx * b.dy + a.dy * b.dx,
            dyy: a.dyy * b.value + a.value * b.dyy + 2 * a.dy * b.dy)
    }
    @inlinable public static func / (a: HyperDual, b: HyperDual) -> HyperDual {
        let r = 1 / b.value
        return a * b.chain(r, -r * r, 2 * r * r * r)
    }

    @inlinable public static func sin(_ x: HyperDual) -> HyperDual {
        let s = LibM.sin(x.value)
        return x.chain(s, LibM.cos(x.value), -s)
    }
    @inlinable public static func cos(_ x: HyperDual) -> HyperDual {
        let c = LibM.cos(x.value)
        return x.chain(c, -LibM.sin(x.value), -c)
    }
    @inlinable public static func tan(_ x: HyperDual) -> HyperDual {
        let t = LibM.tan(x.value)
        let d1 = 1 + t * t
        return x.chain(t, d1, 2 * t * d1)
    }
    @inlinable public static func exp(_ x: HyperDual) -> HyperDual {
        let e = LibM.exp(x.value)
        return x.chain(e, e, e)
    }
    @inlinable public static func log(_ x: HyperDual) -> HyperDual {
        let r = 1 / x.value
        return x.chain(LibM.log(x.value), r, -r * r)
    }
    @inlinable public static func sqrt(_ x: HyperDual) -> HyperDual {
        let s = x.value.squareRoot()
        let d1 = 0.5 / s
        return x.chain(s, d1, -0.5 * d1 / x.value)
    }
    @inlinable public static func tanh(_ x: HyperDual) -> HyperDual {
        let t = LibM.tanh(x.value)
        let d1 = 1 - t * t
        return x.chain(t, d1, -2 * t * d1)
    }
    @inlinable public static func abs(_ x: HyperDual) -> HyperDual {
        x.chain(Swift.abs(x.value), x.value > 0 ? 1 : (x.value < 0 ? -1 : 0), 0)
    }
    @inlinable public static func pow(_ x: HyperDual, _ exponent: Double) -> HyperDual {
        if let n = Int(exactly: exponent), n.magnitude <= 64 { return integerPower(x, n) }
        let p2 = LibM.pow(x.value, exponent - 2)
        return x.chain(LibM.pow(x.value, exponent), exponent * p2 * x.value,
                       exponent * (exponent - 1) * p2)
    }
    @inlinable public static func power(_ x: HyperDual, _ exponent: HyperDual) -> HyperDual {
        exp(exponent * log(x))
    }
}
