import DescentBase

extension Double: Scalar {
    @inlinable public var value: Double { self }

    @inlinable public static func sin(_ x: Double) -> Double { LibM.sin(x) }
    @inlinable public static func cos(_ x: Double) -> Double { LibM.cos(x) }
    @inlinable public static func tan(_ x: Double) -> Double { LibM.tan(x) }
    @inlinable public static func exp(_ x: Double) -> Double { LibM.exp(x) }
    @inlinable public static func log(_ x: Double) -> Double { LibM.log(x) }
    @inlinable public static func sqrt(_ x: Double) -> Double { x.squareRoot() }
    @inlinable public static func tanh(_ x: Double) -> Double { LibM.tanh(x) }
    @inlinable public static func abs(_ x: Double) -> Double { Swift.abs(x) }
    /// The C library's `pow`, as Python's `float ** float` (the references' bias corrections).
    @inlinable public static func pow(_ x: Double, _ exponent: Double) -> Double {
        LibM.pow(x, exponent)
    }
    @inlinable public static func power(_ x: Double, _ exponent: Double) -> Double {
        LibM.pow(x, exponent)
    }
}
