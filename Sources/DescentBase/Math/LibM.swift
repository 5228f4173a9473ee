#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's elementary functions, under names that a type's own static `sin`, `exp`,
/// `pow`, … (a `Scalar` conformance, a dual number) cannot shadow. These are the platform's
/// libm results, bit for bit: Descent's reproductions of torch's MKL kernels live in DescentCore
/// (`Numerics/`), not here.
public enum LibM {
    @inlinable public static func sin(_ x: Double) -> Double { libmSin(x) }
    @inlinable public static func cos(_ x: Double) -> Double { libmCos(x) }
    @inlinable public static func tan(_ x: Double) -> Double { libmTan(x) }
    @inlinable public static func exp(_ x: Double) -> Double { libmExp(x) }
    @inlinable public static func log(_ x: Double) -> Double { libmLog(x) }
    @inlinable public static func log1p(_ x: Double) -> Double { libmLog1p(x) }
    @inlinable public static func log10(_ x: Double) -> Double { libmLog10(x) }
    @inlinable public static func tanh(_ x: Double) -> Double { libmTanh(x) }
    @inlinable public static func erf(_ x: Double) -> Double { libmErf(x) }
    @inlinable public static func erfc(_ x: Double) -> Double { libmErfc(x) }
    /// C's `pow`, with C's special cases (a negative base to an integral power is defined).
    @inlinable public static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
}

@usableFromInline func libmSin(_ x: Double) -> Double { sin(x) }
@usableFromInline func libmCos(_ x: Double) -> Double { cos(x) }
@usableFromInline func libmTan(_ x: Double) -> Double { tan(x) }
@usableFromInline func libmExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func libmLog(_ x: Double) -> Double { log(x) }
@usableFromInline func libmLog1p(_ x: Double) -> Double { log1p(x) }
@usableFromInline func libmLog10(_ x: Double) -> Double { log10(x) }
@usableFromInline func libmTanh(_ x: Double) -> Double { tanh(x) }
@usableFromInline func libmErf(_ x: Double) -> Double { erf(x) }
@usableFromInline func libmErfc(_ x: Double) -> Double { erfc(x) }
@usableFromInline func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
