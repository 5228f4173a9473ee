/// Shared numerical pieces of the optimizers, each matching the reference's arithmetic.

// torch's CPU kernels are compiled with floating-point contraction, so `a + b·c` inside one
// kernel is a fused multiply-add. Matching that bit for bit matters: on chaotic paths one unit
// in the last place grows to percent-level differences within a few hundred steps. Each helper
// below names the torch operation whose rounding it reproduces (checked against torch 2.15 on
// random inputs).

/// torch's `lerp(start, end, weight)`: `fma(w, end − start, start)` for |w| < 0.5, else
/// `fma(−(end − start), 1 − w, end)` — the form moving averages use (`m.lerp_(g, 1 − β)`).
@inlinable public func lerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    let d = end - start
    return weight.magnitude < 0.5 ? start.addingProduct(weight, d) : end.addingProduct(-d, 1 - weight)
}

/// torch's `a.add(b, alpha=α)` (and `add_`): `fma(α, b, a)`.
@inlinable public func add(_ a: Double, _ b: Double, alpha: Double) -> Double {
    a.addingProduct(alpha, b)
}

/// torch's `a.addcmul(t1, t2, value=v)`: `fma(v·t1, t2, a)`.
@inlinable public func addcmul(_ a: Double, _ t1: Double, _ t2: Double, value: Double) -> Double {
    a.addingProduct(value * t1, t2)
}

/// torch's `a.addcdiv(t1, t2, value=v)`: `a + (v·t1)/t2`, not fused.
@inlinable public func addcdiv(_ a: Double, _ t1: Double, _ t2: Double, value: Double) -> Double {
    a + (value * t1) / t2
}

/// Zero buffers shaped like each parameter.
@inlinable public func zeros(like parameters: [Tensor]) -> [[Double]] {
    parameters.map { [Double](repeating: 0, count: $0.count) }
}

/// torch's weight decay of one coordinate, applied before the moments (nothing when λ = 0):
/// L2 adds λθ to the gradient (`grad.add(param, alpha=λ)`, `fma(λ, θ, g)`); decoupled shrinks
/// the parameter (`param.mul_(1 − γλ)`), as AdamW, NAdam and RAdam do with
/// `decoupled_weight_decay`.
@inlinable public func applyWeightDecay(
    _ theta: inout Double, _ g: inout Double, _ weightDecay: Double, lr: Double, decoupled: Bool = false
) {
    guard weightDecay != 0 else { return }
    if decoupled { theta *= 1 - lr * weightDecay } else { g = add(g, theta, alpha: weightDecay) }
}

/// torch's `maximum(a, b)`: the larger, NaN if either is NaN (Swift's `max` may drop a NaN).
@inlinable public func maximum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
}

/// torch's `sign`: `(0 < x) − (x < 0)`, so −1, 0 or 1, with 0 for −0 and for NaN (measured).
@inlinable public func sign(_ x: Double) -> Double {
    x > 0 ? 1 : x < 0 ? -1 : 0
}

/// torch's `clamp(x, min: lo, max: hi)`: `min(max(x, lo), hi)`, NaN propagated.
@inlinable public func clamp(_ x: Double, _ lo: Double, _ hi: Double) -> Double {
    x.isNaN ? x : Swift.min(Swift.max(x, lo), hi)
}

/// torch's `sum` of a small tensor's elements, in order (exact for the 2-element points Descent
/// optimizes; torch reduces longer tensors in a vectorized order).
@inlinable public func sum(_ values: [Double]) -> Double {
    values.reduce(0, +)
}

/// torch's elementwise `minimum` / `torch.min(a, b)`: NaN if either is NaN.
@inlinable public func minimum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.min(a, b)
}

/// torch's tensor `exp` of a float64, as this build of torch computes it: MKL's `vmdExp` in
/// high-accuracy mode (on this AMD CPU its generic SSE kernel `dExp_EXHA`, read from the
/// disassembly and checked bit for bit against torch on 5·10⁴ random inputs), which differs
/// from the C library's `exp` in about 0.5% of results by one ulp. For |x| ≤ 708.39:
///
///     n ← round(64x/ln 2);  r ← (x − n·ln2ₕ/64) − n·ln2ₗ/64
///     q ← r + r²·(((a₀r + a₁)r + a₂)r + a₃)
///     eˣ ← 2^⌊n/64⌋ · ((q·Tₕ + Tₗ) + Tₕ)       (Tₕ + Tₗ = 2^((n mod 64)/64), a 64-entry table)
///
/// in plain SSE arithmetic. Larger |x|, NaN and ∞ use the C library's `exp`.
public func torchExp(_ x: Double) -> Double {
    // MKL's range test, on the high word of |x|.
    guard UInt32(truncatingIfNeeded: x.bitPattern >> 32) & 0x7fff_ffff <= 0x4086_232a else { return Double.exp(x) }
    let shifted = x * 92.33248261689366 + 6755399441055744.0
    let n = shifted - 6755399441055744.0
    let i = Int(shifted.bitPattern & 0x3f)
    let high = Double(bitPattern: mklExpTable[2 * i]), low = Double(bitPattern: mklExpTable[2 * i + 1])
    let r = (x + n * -0.010830424696223417) + n * -2.572804622327669e-14
    var p = r * 0.00833333416441411 + 0.04166672368662385
    p = p * r + 0.1666666666667797
    p = p * r + 0.4999999999994775
    p = p * (r * r) + r
    let result = (p * high + low) + high
    return Double(bitPattern: result.bitPattern &+ ((shifted.bitPattern << 46) & 0xfff0_0000_0000_0000))
}

/// MKL's `vdexp_data`: 2^(j/64) for j = 0…63 as (high, low) pairs of bit patterns.
private let mklExpTable: [UInt64] = [
    0x3ff0000000000000, 0x0000000000000000, 0x3ff02c9a3e778061, 0xbc719083535b085d,
    0x3ff059b0d3158574, 0x3c8d73e2a475b465, 0x3ff0874518759bc8, 0x3c6186be4bb284ff,
    0x3ff0b5586cf9890f, 0x3c98a62e4adc610b, 0x3ff0e3ec32d3d1a2, 0x3c403a1727c57b53,
    0x3ff11301d0125b51, 0xbc96c51039449b3a, 0x3ff1429aaea92de0, 0xbc932fbf9af1369e,
    0x3ff172b83c7d517b, 0xbc819041b9d78a76, 0x3ff1a35beb6fcb75, 0x3c8e5b4c7b4968e4,
    0x3ff1d4873168b9aa, 0x3c9e016e00a2643c, 0x3ff2063b88628cd6, 0x3c8dc775814a8495,
    0x3ff2387a6e756238, 0x3c99b07eb6c70573, 0x3ff26b4565e27cdd, 0x3c82bd339940e9d9,
    0x3ff29e9df51fdee1, 0x3c8612e8afad1255, 0x3ff2d285a6e4030b, 0x3c90024754db41d5,
    0x3ff306fe0a31b715, 0x3c86f46ad23182e4, 0x3ff33c08b26416ff, 0x3c932721843659a6,
    0x3ff371a7373aa9cb, 0xbc963aeabf42eae2, 0x3ff3a7db34e59ff7, 0xbc75e436d661f5e3,
    0x3ff3dea64c123422, 0x3c8ada0911f09ebc, 0x3ff4160a21f72e2a, 0xbc5ef3691c309278,
    0x3ff44e086061892d, 0x3c489b7a04ef80d0, 0x3ff486a2b5c13cd0, 0x3c73c1a3b69062f0,
    0x3ff4bfdad5362a27, 0x3c7d4397afec42e2, 0x3ff4f9b2769d2ca7, 0xbc94b309d25957e3,
    0x3ff5342b569d4f82, 0xbc807abe1db13cad, 0x3ff56f4736b527da, 0x3c99bb2c011d93ad,
    0x3ff5ab07dd485429, 0x3c96324c054647ad, 0x3ff5e76f15ad2148, 0x3c9ba6f93080e65e,
    0x3ff6247eb03a5585, 0xbc9383c17e40b497, 0x3ff6623882552225, 0xbc9bb60987591c34,
    0x3ff6a09e667f3bcd, 0xbc9bdd3413b26456, 0x3ff6dfb23c651a2f, 0xbc6bbe3a683c88ab,
    0x3ff71f75e8ec5f74, 0xbc816e4786887a99, 0x3ff75feb564267c9, 0xbc90245957316dd3,
    0x3ff7a11473eb0187, 0xbc841577ee04992f, 0x3ff7e2f336cf4e62, 0x3c705d02ba15797e,
    0x3ff82589994cce13, 0xbc9d4c1dd41532d8, 0x3ff868d99b4492ed, 0xbc9fc6f89bd4f6ba,
    0x3ff8ace5422aa0db, 0x3c96e9f156864b27, 0x3ff8f1ae99157736, 0x3c85cc13a2e3976c,
    0x3ff93737b0cdc5e5, 0xbc675fc781b57ebc, 0x3ff97d829fde4e50, 0xbc9d185b7c1b85d1,
    0x3ff9c49182a3f090, 0x3c7c7c46b071f2be, 0x3ffa0c667b5de565, 0xbc9359495d1cd533,
    0x3ffa5503b23e255d, 0xbc9d2f6edb8d41e1, 0x3ffa9e6b5579fdbf, 0x3c90fac90ef7fd31,
    0x3ffae89f995ad3ad, 0x3c97a1cd345dcc81, 0x3ffb33a2b84f15fb, 0xbc62805e3084d708,
    0x3ffb7f76f2fb5e47, 0xbc75584f7e54ac3b, 0x3ffbcc1e904bc1d2, 0x3c823dd07a2d9e84,
    0x3ffc199bdd85529c, 0x3c811065895048dd, 0x3ffc67f12e57d14b, 0x3c92884dff483cad,
    0x3ffcb720dcef9069, 0x3c7503cbd1e949db, 0x3ffd072d4a07897c, 0xbc9cbc3743797a9c,
    0x3ffd5818dcfba487, 0x3c82ed02d75b3707, 0x3ffda9e603db3285, 0x3c9c2300696db532,
    0x3ffdfc97337b9b5f, 0xbc91a5cd4f184b5c, 0x3ffe502ee78b3ff6, 0x3c839e8980a9cc8f,
    0x3ffea4afa2a490da, 0xbc9e9c23179c2893, 0x3ffefa1bee615a27, 0x3c9dc7f486a4b6b0,
    0x3fff50765b6e4540, 0x3c99d3e12dd8a18b, 0x3fffa7c1819e90d8, 0x3c874853f3a5931e,
]
