// TorchCos.swift — bit-exact emulation of PyTorch's float64 CPU `tensor.cos()` as executed
// on AMD (Zen) CPUs. Also holds the machinery shared with TorchSin.swift (which needs this file).
//
// torch 2.15 (CPU, float64) calls Intel MKL's vdCos / vdSin (VML, HA accuracy; on this CPU
// LA/EP/HA all run the same kernel). On non-Intel CPUs MKL 2024.2 dispatches to the generic
// SSE2 kernels in libmkl_vml_def.so.2, mkl_vml_kernel_dCos_EXHAynn / _dSin_EXHAynn. They are
// not always correctly rounded (~0.02% of results are 1 ulp off), and glibc 2.36 differs from
// them on ~0.15% of inputs in [-50, 50] (mostly glibc's own 1-ulp errors). All differences are
// 1 ulp. Reverse-engineered from the disassembly; all arithmetic is plain
// IEEE double add/sub/mul (no FMA) plus integer ops, so it is reproduced exactly here.
//
// Main path, |x| <= 65536.00349206588 (0x40f000000e4db24c):
//   t   = x * RN(256/pi) + 1.5*2^52             j = low 9 bits of t  (t's integer = n)
//   n   = t - 1.5*2^52
//   r   = x - n*P1                              P1 = pi/256 rounded to 33 bits (exact product)
//   r1  = r - n*P2;  rlo = ((r - r1) - n*P2) - n*P3      (pi/256 = P1 + P2 + P3)
//   table entry j (512 entries, a = j*pi/256):  C + D ~ cos(a),  A + B ~ -sin(a) = cos'(a)
//   s   = C + r1*B;  e1 = (C - s) + r1*B;  s2 = A*r1 + s;  e2 = (s - s2) + A*r1
//   r2  = r1*r1
//   sp  = (r2*S5 + S3)*r2*r1*(A+B) + (e2 + e1)                    sin-poly * cos'(a)
//   cp  = ((C4 - r2*C6)*r2 - 0.5)*r2*C + sp                         cos-poly * cos(a)
//   cos = ((((A+B) - C*r1)*rlo + D) + cp) + s2
// sin uses the same kernel on |x| with the sin table (= the cos table rotated by 128 entries:
// sin(a) = cos(a - pi/2)), and then copies x's sign onto the result.
//
// Large path (|x| > 65536.0035, finite): Payne-Hanek reduction in integer arithmetic. The
// 53-bit significand is multiplied (32x32->64-bit partial products, some low ones dropped
// exactly as MKL does) by a 192-bit window of the bits of 1/(2pi) chosen by the exponent;
// the top bits give the fraction of a turn, from which j (nearest multiple of 1/512 turn)
// and a remainder are formed with double tricks, then multiplied by 2pi in double-double
// to give (r1, rlo); then the same kernel as above.
// Specials: +-inf -> NaN 0xfff8000000000000 (x86 default NaN), NaN -> quietened NaN
// (payload and sign kept). +-0 -> cos 1.0, sin +-0; tiny x -> exact via the main path.
//
// Provenance of the constants and tables:
//  * scalar constants (256/pi, P1..P3, S3, S5, C4, C6, 2pi splits, thresholds) are MKL's,
//    read from the binary (they are just numbers in the algorithm).
//  * the 512x4 table is REGENERATED from a formula, verified identical to MKL's
//    vdcos_data_ha / vdsin_data_ha (all 4096 words): for a = j*pi/256,
//      C = RN(cos a), D = (cos a - C) truncated toward 0 to 24 significant bits,
//      B = -sin a rounded to the nearest power of two (0 if sin a = 0), A = RN(-sin a - B)
//    (gen_trig_table.py; exact zeros/ones at multiples of pi/2).
//  * the 1/(2pi) window table (2048 x 192 bits in MKL, _VAPI_COMMON_DATA_NAME) is
//    W_e = floor(2^(e-883) / (2pi)) mod 2^192, reproduced from the first 1280 bits of 1/(2pi)
//    (verified identical for all 2048 exponents).
// Verified bit for bit against MKL 2024.2 vdCos/vdSin (libmkl_rt.so.2) — see README.md.
// CAVEAT: on Intel CPUs MKL selects other (AVX2/AVX-512, FMA) kernels whose results differ.

/// Returns exactly what torch 2.15 / MKL 2024.2 `vdCos` returns for `x` on AMD Zen CPUs.
@inlinable
public func torchCos(_ x: Double) -> Double {
    if x.magnitude <= 0x1.000000e4db24cp+16 { return _mklTrigSmall(x, 0) }
    return _mklTrigRare(x, 0)
}

@usableFromInline
func _mklTrigSmall(_ x: Double, _ rot: Int) -> Double {
    let t = x * 0x1.45f306dc9c883p+6 + 0x1.8p52
    let n = t - 0x1.8p52
    let r = x - n * 0x1.921fb54400000p-7
    let np2 = n * 0x1.0b4611a600000p-41
    let r1 = r - np2
    let rlo = ((r - r1) - np2) - n * 0x1.3198a2e037073p-76
    let j = (Int(truncatingIfNeeded: t.bitPattern) &+ rot) & 0x1ff
    return _mklTrigKernel(r1, rlo, j)
}

/// The common final stage: cos(j*pi/256 + r1 + rlo) with the cos table (rot = 0) or
/// sin(...) with the table rotated by 384 = -128 entries (rot = 384).
@inline(__always)
func _mklTrigKernel(_ r1: Double, _ rlo: Double, _ j: Int) -> Double {
    let k = j << 2
    let a = Double(bitPattern: _mklCosTable[k])
    let b = Double(bitPattern: _mklCosTable[k + 1])
    let c = Double(bitPattern: _mklCosTable[k + 2])
    let d = Double(bitPattern: _mklCosTable[k + 3])
    let rb = r1 * b
    let s = c + rb
    let e1 = (c - s) + rb
    let ab = a + b
    let ra = a * r1
    let s2 = ra + s
    let e2 = (s - s2) + ra
    let e = e2 + e1
    let r2 = r1 * r1
    let sp = (r2 * 0x1.1110fabb3551cp-7 + -0x1.5555555554448p-3) * r2 * r1 * ab + e
    let cp = ((0x1.5555555554ccfp-5 - r2 * 0x1.6c16ab163b2d7p-10) * r2 + -0.5) * r2 * c + sp
    return (((ab - c * r1) * rlo + d) + cp) + s2
}

/// |x| > 65536.0035 or NaN.
@usableFromInline
func _mklTrigRare(_ x: Double, _ rot: Int) -> Double {
    let u = x.bitPattern
    if u & 0x7ff0_0000_0000_0000 == 0x7ff0_0000_0000_0000 {
        if u & 0x000f_ffff_ffff_ffff == 0 { return Double(bitPattern: 0xfff8_0000_0000_0000) } // +-inf
        return Double(bitPattern: u | 0x0008_0000_0000_0000)                                   // NaN
    }
    // Payne-Hanek: 192-bit window W of 1/(2pi) for this exponent.
    let e = Int((u >> 52) & 0x7ff)
    let s = e - 883                              // W = floor(2^s/(2pi)) mod 2^192; s >= 156 here (e >= 1039)
    let sh = 1280 - s                            // = bit offset into the 1280-bit integer V
    let wi = sh >> 6, bo = UInt64(sh & 63)
    @inline(__always) func word(_ i: Int) -> UInt64 {   // little-endian word i of V
        (i >= 0 && i < 20) ? _mklInvTwoPiBits[19 - i] : 0
    }
    @inline(__always) func win(_ k: Int) -> UInt64 {    // bits [sh+64k, sh+64k+64) of V
        bo == 0 ? word(wi + k) : (word(wi + k) >> bo) | (word(wi + k + 1) << (64 - bo))
    }
    let w0 = win(2), w1 = win(1), w2 = win(0)
    let lo32: UInt64 = 0xffff_ffff
    let t0h = w0 >> 32, t0l = w0 & lo32, t1h = w1 >> 32, t1l = w1 & lo32
    let t2h = w2 >> 32, t2l = w2 & lo32
    let mh = ((u >> 32) & 0xf_ffff) | 0x10_0000, ml = u & lo32
    let pa = t1h &* mh, pb = t1l &* mh, pc = t2h &* mh, pd = mh &* t2l, pe = mh &* t0l
    var x7 = t0h &* ml &+ pe
    let t1lml = t1l &* ml
    let x3 = (t1lml >> 32) &+ pb
    let x6 = (t1lml & lo32) &+ pc &+ ((t2h &* ml) >> 32)
    let t1hml = t1h &* ml
    let x9 = (t1hml & lo32) &+ x3
    let t0lml = t0l &* ml
    x7 = (x7 << 32) &+ t0lml
    let x12 = (t0lml & lo32) &+ pa &+ (t1hml >> 32)
    let x1 = (pd >> 32) &+ x6
    var x4 = (x1 >> 32) &+ x9
    let x11 = (x4 >> 32) &+ x12
    x7 = (x7 & 0xffff_ffff_0000_0000) &+ x11
    x4 = (x4 << 32) | (x1 & 0xff00_0000)
    // to floating point: fraction of a turn, nearest multiple of 1/512 (-> j), remainder.
    let sg = u & 0x8000_0000_0000_0000
    let f = Double(bitPattern: sg | 0x3ff0_0000_0000_0000 | (x7 >> 12))
    let f5 = f + 0x1.8p43
    var f3 = f - (f5 + -0x1.8p43)
    let j = (Int(truncatingIfNeeded: f5.bitPattern) &+ rot) & 0x1ff
    let c0 = Double(bitPattern: sg | 0x3970_0000_0000_0000)      // +-2^-104
    let f1 = Double(bitPattern: ((x1 << 28) & 0x000f_ffff_f000_0000) | c0.bitPattern) - c0
    let c12 = Double(bitPattern: sg | 0x3cb0_0000_0000_0000)     // +-2^-52
    let f4 = Double(bitPattern: (x4 >> 24) | c12.bitPattern | ((x11 << 40) & 0x000f_ff00_0000_0000)) - c12
    var f8 = f4 + f3
    f3 = (f3 - f8) + f4
    f3 = f3 + f1
    let h = Double(bitPattern: f8.bitPattern & 0xffff_ffff_f800_0000)
    f8 = f8 - h
    // times 2pi in double-double
    let p10 = h * 0x1.921fb54000000p+2
    let q0 = f8 * 0x1.921fb54000000p+2
    var q1 = h * 0x1.10b4611a62633p-28
    f3 = f3 * 0x1.921fb54442d18p+2
    f8 = f8 * 0x1.10b4611a62633p-28
    q1 = q1 + q0
    f8 = f8 + f3
    f8 = f8 + q1
    let r1 = p10 + f8
    let rlo = (p10 - r1) + f8
    return _mklTrigKernel(r1, rlo, j)
}
