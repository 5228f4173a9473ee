import DescentBase

/// torch's default CPU generator (`CPUGeneratorImpl`) as `torch.manual_seed(seed)` leaves it: the
/// 32-bit Mersenne Twister mt19937 (Matsumoto & Nishimura 1998) seeded by the standard Knuth
/// initialisation, and torch's float64 draws from it, bit for bit:
///
///     random64  = (next() << 32) | next()                      (first draw in the high half)
///     uniform   = (random64 & (2⁵³ − 1)) · 2⁻⁵³
///     normal    = Box–Muller on (u₁, u₂) = two uniforms:  r = √(−2·log1p(−u₂)), θ = 2π·u₁;
///                 returns r·cos θ and caches r·sin θ for the next normal draw (as the generator's
///                 `next_double_normal_sample`), with the C library's log1p, sin and cos
///
/// `normal(mean:std:)` is `at::normal_distribution<double>` as torch's scalar (fewer than 16
/// elements) `normal_` kernel calls it: sample·std + mean. Checked against torch 2.15's
/// `torch.manual_seed(0); torch.normal(0.0, std)`. A value: copying it copies the stream.
public struct TorchGenerator: Sendable, Hashable {
    var state = [UInt32](repeating: 0, count: 624)
    var index = 624
    /// The cached second Box–Muller sample.
    var nextNormal: Double?

    public init(seed: UInt64) {
        state[0] = UInt32(truncatingIfNeeded: seed)
        for i in 1..<624 {
            let previous = state[i - 1]
            state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
        }
    }

    /// The next 32-bit output of mt19937.
    public mutating func next() -> UInt32 {
        if index >= 624 {
            for i in 0..<624 {
                let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7fff_ffff)
                state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_b0df)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// torch's `random64()`.
    public mutating func next64() -> UInt64 {
        let high = UInt64(next())
        return high << 32 | UInt64(next())
    }

    /// torch's float64 `uniform_real_distribution(0, 1)`.
    public mutating func uniform() -> Double {
        Double(next64() & (1 << 53 - 1)) * 0x1p-53
    }

    /// torch's float64 `normal_distribution(mean, std)`.
    public mutating func normal(mean: Double = 0, std: Double = 1) -> Double {
        if let cached = nextNormal {
            nextNormal = nil
            return cached * std + mean
        }
        let u1 = uniform()
        let u2 = uniform()
        let r = (-2.0 * LibM.log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        nextNormal = r * LibM.sin(theta)
        return r * LibM.cos(theta) * std + mean
    }
}
