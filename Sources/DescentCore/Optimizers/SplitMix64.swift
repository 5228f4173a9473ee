/// SplitMix64 (Steele, Lea & Flood, "Fast Splittable Pseudorandom Number Generators",
/// OOPSLA 2014): a 64-bit seeded generator with its state in one stored property, so a value
/// that holds one (e.g. a second-order optimizer's Hutchinson estimator) stays deterministic
/// and copies its randomness with itself.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    public var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) with 53 random bits.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// −1 or 1 with equal probability (a Rademacher variable).
    public mutating func nextRademacher() -> Double {
        next() >> 63 == 0 ? -1 : 1
    }

    /// A standard normal variable (Box–Muller, one draw per two uniforms).
    public mutating func nextGaussian() -> Double {
        let u1 = 1 - nextUniform()          // (0, 1]: the logarithm stays finite
        let u2 = nextUniform()
        return (-2 * Double.log(u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
    }
}
