// TorchExp.swift — bit-exact emulation of PyTorch's float64 CPU `tensor.exp()` as executed on
// AMD (Zen) CPUs.
//
// torch 2.15 (CPU, float64) calls Intel MKL's vdExp (VML, HA; on this CPU LA/EP/HA all run the
// same kernel). On non-Intel CPUs MKL 2024.2 dispatches to the generic SSE2 kernel
// mkl_vml_kernel_dExp_EXHAynn in libmkl_vml_def.so.2. It is NOT correctly rounded: ~0.53% of
// results on [-50, 50] are 1 ulp off (glibc 2.36 exp: 0.07%), and it differs from glibc on ~0.53%.
// Reverse-engineered from the
// disassembly; all arithmetic is plain IEEE double add/mul (no FMA) plus integer ops on the bits,
// so it is reproduced exactly here.
//
// Main path, |x| <= 708.3956 (high word of |x| <= 0x4086232a):
//   t   = x * RN(64/ln2) + 1.5*2^52                  n = t - 1.5*2^52 (integer), j = n mod 64
//   r   = n*(-L1) + x;  r = n*(-L2) + r                (ln2/64 = L1 + L2, L1 has 32 bits)
//   p   = (((c5*r + c4)*r + c3)*r + c2)*(r*r) + r      ~ e^r - 1
//   y   = (p*T[j] + Tlo[j]) + T[j]                     T + Tlo ~ 2^(j/64)
//   res = y with (n >> 6) added to its exponent field (integer add on the bit pattern)
// Rare path (|x| > 708.3956, also inf/NaN) = MKL's scalar vdexp_cout_rare:
//   NaN -> quietened NaN (x*x), +inf -> +inf, -inf -> +0, x > 709.782712893384 -> +inf,
//   x < -745.1332191019411 -> +0, otherwise the same reduction with a degree-6 polynomial,
//   y = T + (p + Tq[j])*T (Tq = 2^(j/64)/T - 1) and careful scaling by 2^k (two-step for
//   results near the overflow threshold, split "hi + lo" scaled by 2^-60 for subnormal results).
//   (The rare path's |x| < 2^-52 branch, x + 1, is unreachable from the main-path dispatch.)
//
// Provenance: scalar constants (64/ln2, L1, L2, polynomial coefficients, thresholds) are MKL's,
// read from the binary. The tables are REGENERATED from formulas and verified identical to
// MKL's vdexp_data / _imldExpHATab (all words): T[j] = RN(2^(j/64)),
// Tlo[j] = RN(2^(j/64) - T[j]), Tq[j] = RN((2^(j/64) - T[j]) / T[j])  (make_exp_swift.py).
// Verified bit for bit against MKL 2024.2 vdExp (libmkl_rt.so.2) — see README.md.
// CAVEAT: on Intel CPUs MKL selects other (AVX2/AVX-512, FMA) kernels whose results differ.

/// Returns exactly what torch 2.15 / MKL 2024.2 `vdExp` returns for `x` on AMD Zen CPUs.
@inlinable
public func torchExp(_ x: Double) -> Double {
    if (x.bitPattern >> 32) & 0x7fff_ffff > 0x4086_232a { return _torchExpRare(x) }
    return _torchExpMain(x)
}

@usableFromInline
func _torchExpMain(_ x: Double) -> Double {
    let t = x * 0x1.71547652b82fep+6 + 0x1.8p52
    let n = t + -0x1.8p52
    var r = n * -0x1.62e42fefa0000p-7 + x
    r = n * -0x1.cf79abc9e3b3ap-46 + r
    let p = (((r * 0x1.111112d9f549bp-7 + 0x1.555573f218b93p-5) * r + 0x1.555555555653ep-3) * r
             + 0x1.fffffffffdb3bp-2) * (r * r) + r
    let j = Int(truncatingIfNeeded: t.bitPattern & 0x3f)
    let tj = Double(bitPattern: _torchExpT[j])
    let y = (p * tj + Double(bitPattern: _torchExpTlo[j])) + tj
    return Double(bitPattern: y.bitPattern &+ ((t.bitPattern << 46) & 0xfff0_0000_0000_0000))
}

@usableFromInline
func _torchExpRare(_ x: Double) -> Double {
    let u = x.bitPattern
    let e = (u >> 52) & 0x7ff
    if e == 0x7ff {
        if u & 0x800f_ffff_ffff_ffff == 0x8000_0000_0000_0000 { return 0 }   // -inf
        return x * x                                                        // +inf, NaN (quietened)
    }
    if e < 0x3cb { return x + 1 }
    if !(x <= 0x1.62e42fefa39efp+9) { return .infinity }
    if x < -0x1.74910d52d3051p+9 { return 0 }
    let t = x * 0x1.71547652b82fep+6 + 0x1.8p52
    let n = t + -0x1.8p52
    let r = (n * -0x1.62e42fefa0000p-7 + x) + n * -0x1.cf79abc9e3b3ap-46
    let p = (((((0x1.6c16a1c2a3ffdp-10 * r + 0x1.111123aaf20d3p-7) * r + 0x1.5555555558fccp-5) * r
               + 0x1.55555555548f8p-3) * r + 0.5) * r) * r + r
    let lo = UInt32(truncatingIfNeeded: t.bitPattern)
    let j = Int(lo & 0x3f)
    let k = UInt64(lo >> 6)
    let tj = Double(bitPattern: _torchExpT[j])
    var q = (p + Double(bitPattern: _torchExpTq[j])) * tj
    if x >= -0x1.6232bdd7abcd2p+9 {
        let c = (k &+ 0x3ff) & 0x7ff
        var s = tj + q
        if c == 0x7ff { s = s * 0x1p1023; return s + s }
        return s * Double(bitPattern: c << 52)
    }
    // subnormal results: scale by 2^(k+60), round once to the final precision, scale by 2^-60
    let c = (k &+ 0x43b) & 0x7ff
    let sc = Double(bitPattern: c << 52)
    q = q * sc
    let t2 = tj * sc
    let s = t2 + q
    if c <= 0x32 { return s * 0x1p-60 }
    let lo2 = q + (t2 - s)
    let hb = s * 0x1.8p32
    let hh = (s + hb) - hb
    let hl = lo2 + (s - hh)
    return hh * 0x1p-60 + hl * 0x1p-60
}
