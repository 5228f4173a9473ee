
/// SplitMix64 (Steele, Lea & Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014): a 64-bit counter passed through a mixing function. Its whole state is one
/// stored property, so a value that holds one (a Hutchinson estimator, a shuffled data order,
/// a search's seed expansion) stays deterministic and copies its randomness with itself.
/// It also expands one seed into the 256-bit state of a larger generator, as Vigna recommends.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// −1 or 1 with equal probability (a Rademacher variable).
    @inlinable public mutating func nextRademacher() -> Double {
        next() >> 63 == 0 ? -1 : 1
    }

    /// A standard normal variable (Box–Muller, one draw per two uniforms, libm's log and cos).
    @inlinable public mutating func nextGaussian() -> Double {
        let u1 = 1 - nextUniform()          // (0, 1]: the logarithm stays finite
        let u2 = nextUniform()
        return (-2 * LibM.log(u1)).squareRoot() * LibM.cos(2 * Double.pi * u2)
    }
}
