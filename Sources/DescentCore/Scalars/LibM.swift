#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's elementary functions under names that the `Scalar` conformances' own
// static `sin`, `cos`, … cannot shadow.
@usableFromInline enum LibM {
    @inlinable static func sin(_ x: Double) -> Double { libmSin(x) }
    @inlinable static func cos(_ x: Double) -> Double { libmCos(x) }
    @inlinable static func tan(_ x: Double) -> Double { libmTan(x) }
    @inlinable static func exp(_ x: Double) -> Double { libmExp(x) }
    @inlinable static func log(_ x: Double) -> Double { libmLog(x) }
    @inlinable static func tanh(_ x: Double) -> Double { libmTanh(x) }
    @inlinable static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
}

@usableFromInline func libmSin(_ x: Double) -> Double { sin(x) }
@usableFromInline func libmCos(_ x: Double) -> Double { cos(x) }
@usableFromInline func libmTan(_ x: Double) -> Double { tan(x) }
@usableFromInline func libmExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func libmLog(_ x: Double) -> Double { log(x) }
@usableFromInline func libmTanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
