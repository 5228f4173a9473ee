import Foundation

/// The C library's elementary functions, for configuration arithmetic.
enum LibMath {
    static func exp(_ x: Double) -> Double { Foundation.exp(x) }
}
