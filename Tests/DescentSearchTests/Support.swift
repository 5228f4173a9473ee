#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

func Elementary_log(_ x: Double) -> Double { log(x) }
func Elementary_exp(_ x: Double) -> Double { exp(x) }

func pow(_ x: Double, _ n: Int) -> Double { (0..<n).reduce(1) { r, _ in r * x } }
