#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The draws the samplers need, each consuming a fixed number of outputs so that streams
/// stay aligned across machines.
extension Xoshiro256StarStar {
    /// U ∈ [0, 1) with 53 random bits: (next >> 11) · 2⁻⁵³ (numpy's `random()` rule).
    @inlinable public mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// U ∈ [low, high): low + (high − low)·U.
    @inlinable public mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * unit()
    }

    /// A standard normal by Box–Muller from two uniforms (the sine branch is discarded so
    /// that each normal costs exactly two outputs and no state is cached).
    @inlinable public mutating func standardNormal() -> Double {
        let u1 = 1 - unit()  // (0, 1]: the logarithm stays finite
        let u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }

    /// An index in 0..<count, uniformly (Lemire's nearly-divisionless method).
    @inlinable public mutating func index(below count: Int) -> Int {
        precondition(count > 0, "index(below:) needs a positive count")
        return Int(next(upperBound: UInt64(count)))
    }

    /// An index drawn with probability proportional to `weights` (non-negative, positive
    /// sum): one uniform, then a linear scan of the cumulative sum.
    @inlinable public mutating func index(weightedBy weights: UnsafeBufferPointer<Double>, total: Double) -> Int {
        let target = unit() * total
        var cumulative = 0.0
        for i in weights.indices {
            cumulative += weights[i]
            if target < cumulative { return i }
        }
        // Rounding can leave target ≥ the final cumulative sum: take the last positive weight.
        return weights.lastIndex(where: { $0 > 0 }) ?? weights.count - 1
    }

    /// `index(weightedBy:total:)` over an array.
    @inlinable public mutating func index(weightedBy weights: [Double]) -> Int {
        var total = 0.0
        for w in weights { total += w }
        return weights.withUnsafeBufferPointer { index(weightedBy: $0, total: total) }
    }
}
