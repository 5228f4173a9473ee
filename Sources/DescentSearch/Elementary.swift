#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The C library's elementary functions under names local types cannot shadow.
@usableFromInline enum Elementary {
    @inlinable static func exp(_ x: Double) -> Double { cExp(x) }
    @inlinable static func log(_ x: Double) -> Double { cLog(x) }
    @inlinable static func erf(_ x: Double) -> Double { cErf(x) }
    @inlinable static func erfc(_ x: Double) -> Double { cErfc(x) }
    @inlinable static func log1p(_ x: Double) -> Double { cLog1p(x) }
}

@usableFromInline func cExp(_ x: Double) -> Double { exp(x) }
@usableFromInline func cLog(_ x: Double) -> Double { log(x) }
@usableFromInline func cErf(_ x: Double) -> Double { erf(x) }
@usableFromInline func cErfc(_ x: Double) -> Double { erfc(x) }
@usableFromInline func cLog1p(_ x: Double) -> Double { log1p(x) }
