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

/// T[j] = RN(2^(j/64))
@usableFromInline
let _torchExpT: [UInt64] = [
    0x3ff0000000000000, 0x3ff02c9a3e778061, 0x3ff059b0d3158574, 0x3ff0874518759bc8,
    0x3ff0b5586cf9890f, 0x3ff0e3ec32d3d1a2, 0x3ff11301d0125b51, 0x3ff1429aaea92de0,
    0x3ff172b83c7d517b, 0x3ff1a35beb6fcb75, 0x3ff1d4873168b9aa, 0x3ff2063b88628cd6,
    0x3ff2387a6e756238, 0x3ff26b4565e27cdd, 0x3ff29e9df51fdee1, 0x3ff2d285a6e4030b,
    0x3ff306fe0a31b715, 0x3ff33c08b26416ff, 0x3ff371a7373aa9cb, 0x3ff3a7db34e59ff7,
    0x3ff3dea64c123422, 0x3ff4160a21f72e2a, 0x3ff44e086061892d, 0x3ff486a2b5c13cd0,
    0x3ff4bfdad5362a27, 0x3ff4f9b2769d2ca7, 0x3ff5342b569d4f82, 0x3ff56f4736b527da,
    0x3ff5ab07dd485429, 0x3ff5e76f15ad2148, 0x3ff6247eb03a5585, 0x3ff6623882552225,
    0x3ff6a09e667f3bcd, 0x3ff6dfb23c651a2f, 0x3ff71f75e8ec5f74, 0x3ff75feb564267c9,
    0x3ff7a11473eb0187, 0x3ff7e2f336cf4e62, 0x3ff82589994cce13, 0x3ff868d99b4492ed,
    0x3ff8ace5422aa0db, 0x3ff8f1ae99157736, 0x3ff93737b0cdc5e5, 0x3ff97d829fde4e50,
    0x3ff9c49182a3f090, 0x3ffa0c667b5de565, 0x3ffa5503b23e255d, 0x3ffa9e6b5579fdbf,
    0x3ffae89f995ad3ad, 0x3ffb33a2b84f15fb, 0x3ffb7f76f2fb5e47, 0x3ffbcc1e904bc1d2,
    0x3ffc199bdd85529c, 0x3ffc67f12e57d14b, 0x3ffcb720dcef9069, 0x3ffd072d4a07897c,
    0x3ffd5818dcfba487, 0x3ffda9e603db3285, 0x3ffdfc97337b9b5f, 0x3ffe502ee78b3ff6,
    0x3ffea4afa2a490da, 0x3ffefa1bee615a27, 0x3fff50765b6e4540, 0x3fffa7c1819e90d8,
]
/// Tlo[j] = RN(2^(j/64) - T[j])
@usableFromInline
let _torchExpTlo: [UInt64] = [
    0x0000000000000000, 0xbc719083535b085d, 0x3c8d73e2a475b465, 0x3c6186be4bb284ff,
    0x3c98a62e4adc610b, 0x3c403a1727c57b53, 0xbc96c51039449b3a, 0xbc932fbf9af1369e,
    0xbc819041b9d78a76, 0x3c8e5b4c7b4968e4, 0x3c9e016e00a2643c, 0x3c8dc775814a8495,
    0x3c99b07eb6c70573, 0x3c82bd339940e9d9, 0x3c8612e8afad1255, 0x3c90024754db41d5,
    0x3c86f46ad23182e4, 0x3c932721843659a6, 0xbc963aeabf42eae2, 0xbc75e436d661f5e3,
    0x3c8ada0911f09ebc, 0xbc5ef3691c309278, 0x3c489b7a04ef80d0, 0x3c73c1a3b69062f0,
    0x3c7d4397afec42e2, 0xbc94b309d25957e3, 0xbc807abe1db13cad, 0x3c99bb2c011d93ad,
    0x3c96324c054647ad, 0x3c9ba6f93080e65e, 0xbc9383c17e40b497, 0xbc9bb60987591c34,
    0xbc9bdd3413b26456, 0xbc6bbe3a683c88ab, 0xbc816e4786887a99, 0xbc90245957316dd3,
    0xbc841577ee04992f, 0x3c705d02ba15797e, 0xbc9d4c1dd41532d8, 0xbc9fc6f89bd4f6ba,
    0x3c96e9f156864b27, 0x3c85cc13a2e3976c, 0xbc675fc781b57ebc, 0xbc9d185b7c1b85d1,
    0x3c7c7c46b071f2be, 0xbc9359495d1cd533, 0xbc9d2f6edb8d41e1, 0x3c90fac90ef7fd31,
    0x3c97a1cd345dcc81, 0xbc62805e3084d708, 0xbc75584f7e54ac3b, 0x3c823dd07a2d9e84,
    0x3c811065895048dd, 0x3c92884dff483cad, 0x3c7503cbd1e949db, 0xbc9cbc3743797a9c,
    0x3c82ed02d75b3707, 0x3c9c2300696db532, 0xbc91a5cd4f184b5c, 0x3c839e8980a9cc8f,
    0xbc9e9c23179c2893, 0x3c9dc7f486a4b6b0, 0x3c99d3e12dd8a18b, 0x3c874853f3a5931e,
]
/// Tq[j] = RN((2^(j/64) - T[j]) / T[j])   (rare path)
@usableFromInline
let _torchExpTq: [UInt64] = [
    0x0000000000000000, 0xbc7160139cd8dc5d, 0x3c8cd2523567f613, 0x3c60f74e61e6c861,
    0x3c979aa65d837b6d, 0x3c3ebe3d702f9cd1, 0xbc9556522a2fbd0e, 0xbc91c923b9d5f416,
    0xbc801b15eaa59348, 0x3c8b898c3f1353bf, 0x3c9aecf73e3a2f60, 0x3c8a6f4144a6c38d,
    0x3c968efde3a8a894, 0x3c80472b981fe7f2, 0x3c82f7e16d09ab31, 0x3c8b3782720c0ab4,
    0x3c834d754db0abb6, 0x3c8fdd395dd3f84a, 0xbc924aedcc4b5068, 0xbc71d1e83e9436d2,
    0x3c859f48a72a4c6d, 0xbc58a78f4817895b, 0x3c4363ed60c2ac11, 0x3c6ecce1daa10379,
    0x3c7690cebb7aafb0, 0xbc8f94340071a38e, 0xbc78dec6bd0f385f, 0x3c93350518fdd78e,
    0x3c9063e1e21c5409, 0x3c9432e62b64c035, 0xbc8c33c53bef4da8, 0xbc93cedd78565858,
    0xbc93b3efbf5e2228, 0xbc6367efb86da9ee, 0xbc781f647e5a3ecf, 0xbc8619321e55e68a,
    0xbc7b32dcb94da51d, 0x3c65ebe1abd66c55, 0xbc9369b6f13b3734, 0xbc94d450d872576e,
    0x3c8db72fc1f0eab4, 0x3c7bf68359f35f44, 0xbc5da9b88b6c1e29, 0xbc92434322f4f9aa,
    0x3c71affc2b91ce27, 0xbc87c50422622263, 0xbc91bbd1d3bcbb15, 0x3c8469846e735ab3,
    0x3c8c1a7792cb3387, 0xbc55c3d956dcaeba, 0xbc68d6f438ad9334, 0x3c74ffd70a5fddcd,
    0x3c736eae30af0cb3, 0x3c84e08fd10959ac, 0x3c676b2c6c921968, 0xbc8fad5d3ffffa6f,
    0x3c74a385a63d07a7, 0x3c8e5a50d5c192ac, 0xbc82d52107b43e1f, 0x3c74b604603a88d3,
    0xbc8ff7128fd391f0, 0x3c8ec3bc41aa2008, 0x3c8a64a931d185ee, 0x3c77893b4d91cd9d,
]
