/// Shared numerical pieces of the optimizers, each matching the reference's arithmetic.

#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

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

/// torch's `sign`: −1, 0 or 1 (NaN stays NaN).
@inlinable public func sign(_ x: Double) -> Double {
    x > 0 ? 1 : x < 0 ? -1 : x
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

/// torch's elementwise `maximum` / `torch.max(a, b)`: NaN if either is NaN.
@inlinable public func maximum(_ a: Double, _ b: Double) -> Double {
    a.isNaN || b.isNaN ? .nan : Swift.max(a, b)
}

/// torch's tensor `sqrt` (`t.sqrt()`, `sqrt_()`) of a float64, as this build of torch computes it:
/// not the IEEE square root but MKL's `vmdSqrt` in high-accuracy mode, which on this machine (an
/// AMD CPU, so MKL's generic SSE kernel `dSqrt_EXHA`; read from its disassembly and checked
/// bit for bit against torch on 10⁵ random inputs) rounds about 1.4% of results the other way
/// (within 0.03 ulp of a halfway point). Its steps, for x in [2⁻¹⁰²², 2¹⁰²²):
///
///     y ← 2^(−e/2) · rsqrtps(f)       (f: x's top 23 mantissa bits and exponent parity, as a float)
///     x = xₕ + xₗ  (xₕ: x with its 27 low bits cleared);  ε ← (1 − xₕy²) − xₗy²
///     p ← (((c₀ε + c₁)ε + c₂)ε + c₃)ε · y · x
///     √x ← xₕy + (xₗy + p)            (plain SSE arithmetic, no fused multiply-adds)
///
/// `rsqrtps` is the CPU's own single-precision estimate (its exact bits differ between vendors,
/// so it is executed, not emulated). Other inputs (zero, subnormal, huge, negative, NaN, ∞) and
/// other architectures use the IEEE square root.
public func torchSqrt(_ x: Double) -> Double {
    #if arch(x86_64)
    let bits = x.bitPattern
    let high = UInt32(truncatingIfNeeded: bits >> 32)
    // MKL's range test: the fast path is for positive normal x below about 2^1022.
    guard Int32(bitPattern: high &+ 0x7ff0_0000) <= Int32(bitPattern: 0xffbf_ffff) else { return x.squareRoot() }
    let oddExponent = ~bits & 0x0010_0000_0000_0000
    let f = UInt32(truncatingIfNeeded: ((bits & 0x001f_ffff_e000_0000) | (oddExponent &+ 0x07f0_0000_0000_0000)) >> 29)
    let scale = Double(bitPattern: ((oddExponent &- (bits & 0x7ff0_0000_0000_0000)) &+ 0xbfd0_0000_0000_0000) >> 1)
    let estimate = _mm_rsqrt_ps(_mm_set1_ps(Float(bitPattern: f)))[0]
    let y = scale * Double(estimate)
    let y2 = y * y
    let xHigh = Double(bitPattern: bits & 0xffff_ffff_f800_0000)
    let xLow = x - xHigh
    let e = (1.0 - xHigh * y2) - xLow * y2
    var p = e * 0.27343754675366555 + 0.31250016501874495
    p = p * e + 0.37500000000001366
    p = p * e + 0.49999999999997785
    p = p * e
    p = p * y * x
    return xHigh * y + (xLow * y + p)
    #else
    return x.squareRoot()
    #endif
}
