// Bit-exact emulation of PyTorch's float64 CPU `tensor.sqrt()` as executed on AMD (Zen) CPUs,
// the machines the reference trajectories were made on.
//
// torch (CPU, float64) calls Intel MKL's vdSqrt. On non-Intel CPUs MKL 2024.2 dispatches
// to its generic SSE2 kernel (libmkl_vml_def.so.2, mkl_vml_kernel_dSqrt_EXHAynn), whose
// result is NOT always correctly rounded. Its main path (2^-1022 <= x < 2^1022) is:
//
//   m   = the float in [1,4) made of x's exponent parity and top 23 mantissa bits
//   r0  = RSQRTPS(m)                     (hardware approximation, 12 fraction bits)
//   y   = r0 * 2^-floor(e/2)             ~ 1/sqrt(x)   (exact)
//   xh  = x with its low 27 bits cleared, xl = x - xh   (exact split)
//   eps = (1 - xh*y*y) - xl*y*y          (first three ops exact)
//   p   = (((c3*eps + c2)*eps + c1)*eps + c0)*eps        ~ (1-eps)^(-1/2) - 1
//   res = xh*y + (xl*y + (p*y)*x)        (xh*y, xl*y exact; one final rounding)
//
// All operations are plain IEEE double multiply/add (no FMA), so they are reproduced
// exactly here. The only hardware-specific ingredient is RSQRTPS, whose result on AMD
// Zen depends only on 13 input bits; it is reproduced with an 8192-entry table measured
// on the CPU (measured exhaustively with RSQRTSS on all 2^24 inputs in [1,4); it is not an MKL table).
// The four polynomial coefficients are the kernel's constants, read from its machine code. The not-correctly-rounded
// results come from the degree-4 polynomial's approximation error (|err| <~ 0.03 ulp
// before the final rounding), which depends on eps and therefore on the exact r0.
//
// Everything else (0, subnormals, x >= 2^1022, negatives, inf, NaN) goes through MKL's
// "rare" path: +-0 -> itself, x < 0 (incl. -inf) -> +qNaN (0x7ff8000000000000),
// NaN -> quietened NaN (sign/payload kept), +inf -> +inf, and positive subnormal or
// huge x -> a Newton + compensated-residual scheme that matched IEEE sqrt on all
// 20M+ inputs tested, so IEEE sqrt is used there.
//
// CAVEAT: on Intel CPUs MKL selects other kernels (AVX2 / AVX-512 rsqrt14 + FMA), and
// Intel's RSQRTPS table differs from AMD's, so torch results there differ from this.

/// Returns exactly what torch 2.15 / MKL 2024.2 `vdSqrt` returns for `x` on AMD Zen CPUs.
@inlinable
public func torchSqrt(_ x: Double) -> Double {
    let u = x.bitPattern
    let hi = UInt32(truncatingIfNeeded: u >> 32)
    guard hi >= 0x0010_0000 && hi <= 0x7fcf_ffff else { return torchSqrtRare(x) }

    let biasedExp = (u >> 52) & 0x7ff
    let odd = biasedExp & 1                       // 1 -> m in [1,2), 0 -> m in [2,4)
    let index = Int(truncatingIfNeeded: ((1 &- odd) << 12) | ((u >> 40) & 0xfff))
    let r0 = Double(amdRsqrtTable[index]) * 0x1p-13
    let scale = Double(bitPattern: ((0xbfe &- biasedExp &- odd) >> 1) << 52)
    let y = scale * r0
    let y2 = y * y
    let xh = Double(bitPattern: u & 0xffff_ffff_f800_0000)
    let xl = x - xh
    let t = 1.0 - xh * y2
    let eps = t - xl * y2
    var p = eps * 0.27343754675366555 + 0.31250016501874495
    p = p * eps + 0.37500000000001366
    p = p * eps + 0.49999999999997785
    p = p * eps
    p = p * y
    p = p * x
    let s = xl * y + p
    return xh * y + s
}

/// A float32 tensor's `sqrt()` as torch computes it (Ranger's float32 moments): MKL's vsSqrt
/// (its generic SSE kernel, read from the machine code), which is not correctly rounded on about
/// 17% of inputs. From the hardware estimate r ≈ 1/√x (RSQRTPS, the AMD table of the float64
/// root above), in plain float32:
///
///     y ← rx;  h ← r/2;  e ← 1/2 − yh;  y ← ye + y;  h ← he + h;  √x ← (x − y²)h + y
///
/// Zero, negatives, subnormals, ∞ and NaN take the IEEE root (MKL's special path).
public func torchSqrt(float32 x: Float) -> Float {
    let u = x.bitPattern
    let biased = (u >> 23) & 0xff
    guard x > 0, biased != 0, biased != 0xff else { return x.squareRoot() }
    let odd = biased & 1
    let index = Int(((1 &- odd) << 12) | ((u >> 11) & 0xfff))
    // 2^−⌊E/2⌋ for the unbiased exponent E (with m in [1, 4)), as a float64 exponent field.
    let scale = Double(bitPattern: UInt64((2174 - Int(biased) - Int(odd)) / 2) << 52)
    let r = Float(Double(amdRsqrtTable[index]) * 0x1p-13 * scale)
    let half: Float = 0.5
    var y = r * x
    var h = r * half
    let e = half - y * h
    y = y * e + y
    h = h * e + h
    return (x - y * y) * h + y
}

@usableFromInline
func torchSqrtRare(_ x: Double) -> Double {
    let u = x.bitPattern
    if u & 0x7ff0_0000_0000_0000 == 0x7ff0_0000_0000_0000 {          // inf / NaN
        if u & 0x000f_ffff_ffff_ffff != 0 {                             // NaN: quieten
            return Double(bitPattern: u | 0x0008_0000_0000_0000)
        }
        return u >> 63 == 0 ? x : Double(bitPattern: 0x7ff8_0000_0000_0000)
    }
    if x == 0 { return x }                                              // +-0
    if u >> 63 != 0 { return Double(bitPattern: 0x7ff8_0000_0000_0000) }
    return x.squareRoot()                                               // subnormal or >= 2^1022
}

/// AMD Zen RSQRTPS/RSQRTSS on m in [1,4): r = T[k] * 2^-13, k = (m >= 2 ? 4096 : 0) + top 12
/// mantissa bits of m. Stored as 2-bit successive decrements from T[0] = 8191 (T[8191] = 4096).
@usableFromInline
let amdRsqrtTable: [UInt16] = {
    var t = [UInt16](repeating: 0, count: 8192)
    var v: UInt16 = 8191
    t[0] = v
    for k in 1..<8192 {
        let word = amdRsqrtDeltas[(k - 1) >> 5]
        v -= UInt16(truncatingIfNeeded: (word >> (UInt64((k - 1) & 31) << 1)) & 3)
        t[k] = v
    }
    precondition(v == 4096, "corrupt RSQRTPS table")
    return t
}()
