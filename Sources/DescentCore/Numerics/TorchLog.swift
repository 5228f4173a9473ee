// TorchLog.swift — bit-exact emulation of PyTorch's float64 CPU `tensor.log()` as executed on
// AMD (Zen) CPUs.
//
// torch 2.15 (CPU, float64) calls Intel MKL's vdLn. On non-Intel CPUs MKL 2024.2 dispatches to
// the generic SSE2 kernel mkl_vml_kernel_dLn_EXHAynn in libmkl_vml_def.so.2 (not always correctly
// rounded; differs by 1 ulp from glibc's log on 0.003% of exp(U[-30,30]), 0.17% of U[0.5,2] and
// ~7% of inputs within 2^-9 of 1).
// Reverse-engineered from the disassembly; plain IEEE double add/mul (no FMA), integer bit ops,
// one double->float conversion and the CPU's RCPPS approximate reciprocal.
//
// Main path, 2^-1022 <= x <= DBL_MAX:
//   m   = x's significand with exponent 2^-10 (m in [2^-10, 2^-9))
//   R   = RNE(RCPPS(Float(m)))  in [512, 1024]   (integer ~ 1/m; hardware approximation)
//   mh  = m with its low 26 mantissa bits cleared, ml = m - mh
//   u   = (mh*R - 1) + ml*R                       (~ m*R - 1, |u| < ~2^-9)
//   E   = biased exponent of x (as a double)
//   s1  = E*LN2HI + Lhi[R-512];  s = s1 + u;  err = (s1 - s) + u
//   q   = ((c5*u + c4)*u^2 + (c3*u + c2))*u^2
//   ln  = ((err + (E*LN2LO + Llo[R-512])) + q) + s
// The only hardware-specific ingredient is RCPPS: on this AMD CPU, R depends only on the top
// 12 mantissa bits of Float(m); it is reproduced by a 4096-entry table MEASURED on the CPU
// (gen_rcp_table.c; it is not an MKL table; stored as one-bit decrements). On other CPUs
// (Intel; possibly other AMD generations) RCPPS differs -> re-measure.
// Rare path (MKL's scalar vdln_cout_rare): +inf -> +inf, NaN -> quietened NaN, -inf and x < 0
// -> NaN 0x7ff8000000000000, +-0 -> -inf, subnormal x -> scaled by 2^60, then m in [1,2),
// j = round((m-1)*64), inv = RN_{2^-11}(1/(1+j/64)), v = (mh*inv - 1) + ml*inv (mh = m rounded
// to 2^-31), degree-8 polynomial, result = (ml*inv + (E'*LN2LO' + glo[j]) + p) + ((mh*inv - 1) +
// (E'*LN2HI' + ghi[j])).
//
// Provenance: scalar constants are MKL's, read from the binary. Tables are REGENERATED from
// formulas (make_ln_swift.py):
//  * Lhi/Llo (513 entries) — identical to MKL's vdln_data: g = ln(1024/R), gh = g rounded to
//    a multiple of 2^-40, Lhi = gh - 1023*LN2HI, Llo = RN((g - gh) - 1023*LN2LO) (R = 512: ln 2
//    taken as LN2HI + LN2LO, i.e. gh = LN2HI, Llo = -1022*LN2LO).
//  * rare-path table (65 entries): inv is identical to MKL's; MKL's split of -ln(inv) into
//    ghi + glo could NOT be derived from a formula (53 of 65 ghi differ), so here
//    ghi = -ln(inv) rounded to a multiple of 2^-38, glo = RN(-ln(inv) - ghi). The sums agree to
//    ~2^-93 and the ghi part enters an exact addition, so results are identical on all inputs
//    tested (see README.md); a difference would need a rounding tie at the 2^-90 level.
// CAVEAT: on Intel CPUs MKL selects other (AVX2/AVX-512, FMA) kernels whose results differ.

/// Returns exactly what torch 2.15 / MKL 2024.2 `vdLn` returns for `x` on AMD Zen CPUs.
@inlinable
public func torchLog(_ x: Double) -> Double {
    if x >= 0x1p-1022 && x <= .greatestFiniteMagnitude { return _torchLnMain(x) }
    return _torchLnRare(x)
}

@usableFromInline
func _torchLnMain(_ x: Double) -> Double {
    let u = x.bitPattern
    let m = Double(bitPattern: (u & 0x000f_ffff_ffff_ffff) | 0x3f50_0000_0000_0000)
    let fk = Int((Float(m).bitPattern &- (117 << 23)) >> 11)      // 0...4096
    let r = Double(_amdRcpR[fk])
    let mh = Double(bitPattern: m.bitPattern & 0x3f5f_ffff_fc00_0000)
    let ml = m - mh
    let uu = (mh * r + -1.0) + ml * r
    let e = Double(Int(truncatingIfNeeded: u >> 52))
    let k = Int(_amdRcpR[fk]) - 512
    let s1 = e * 0x1.62e42fefa0000p-1 + Double(bitPattern: _torchLnTable[2 * k])
    let s = s1 + uu
    let err = (s1 - s) + uu
    let u2 = uu * uu
    let q = ((uu * 0x1.9999cacdb4d0ap-3 + -0x1.0000148058ee1p-2) * u2
             + (uu * 0x1.55555555543c5p-2 + -0x1.ffffffffff81fp-2)) * u2
    return ((err + (e * 0x1.cf79abc9e0000p-40 + Double(bitPattern: _torchLnTable[2 * k + 1]))) + q) + s
}

@usableFromInline
func _torchLnRare(_ x: Double) -> Double {
    let u = x.bitPattern
    if u & 0x7ff0_0000_0000_0000 == 0x7ff0_0000_0000_0000 {
        if u == 0xfff0_0000_0000_0000 { return Double(bitPattern: 0x7ff8_0000_0000_0000) }   // -inf
        return x * x                                                                          // +inf, NaN
    }
    let normal = u & 0x7ff0_0000_0000_0000 != 0
    let y = normal ? x : x * 0x1p60
    if !(y > 0) { return y == 0 ? -.infinity : Double(bitPattern: 0x7ff8_0000_0000_0000) }
    @inline(__always) func poly(_ v: Double) -> Double {
        ((((((-0x1.000b405a2836dp-3 * v + 0x1.249c02481059dp-3) * v + -0x1.555555228b38fp-3) * v
            + 0x1.9999997b36c81p-3) * v + -0x1.0000000000262p-2) * v + 0x1.5555555555613p-2) * v + -0.5) * v * v
    }
    let v0 = y + -1.0
    if !(v0.magnitude > 0x1.4p-7) { return poly(v0) + v0 }   // (unreachable from torchLog)
    let yb = y.bitPattern
    let ex = Int((yb >> 52) & 0x7ff)
    let ee = Double(normal ? ex - 0x3ff : ex - 0x43b)
    var a2 = ee * 0x1.62e42fefa3800p-1
    var a1 = ee * 0x1.ef35793c76730p-45
    let m = Double(bitPattern: (yb & 0x800f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000)
    let j = Int((m + 0x1.0000000000040p+46).bitPattern & 0x7f)
    let inv = Double(bitPattern: _torchLnRareTable[3 * j])
    a2 = a2 + Double(bitPattern: _torchLnRareTable[3 * j + 1])
    a1 = a1 + Double(bitPattern: _torchLnRareTable[3 * j + 2])
    let mh = (m + 0x1p21) + -0x1p21
    var ml = m - mh
    var h = mh * inv + -1.0
    ml = ml * inv
    let p = poly(h + ml)
    h = h + a2
    ml = ml + a1
    ml = ml + p
    return ml + h
}

/// R(i) = RNE(RCPPS(2^-10 * (1 + i/4096 + ...))) on AMD Zen, i = 0...4096 (4096: Float(m) = 2^-9).
@usableFromInline
let _amdRcpR: [UInt16] = {
    var t = [UInt16](repeating: 512, count: 4097)
    var r: UInt16 = 1024
    for i in 0..<4096 {
        r -= UInt16((_amdRcpDecrements[i >> 6] >> UInt64(i & 63)) & 1)
        t[i] = r
    }
    precondition(r == 512, "corrupt RCPPS table")
    return t
}()
