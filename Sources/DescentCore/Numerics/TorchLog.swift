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

/// Bit i = R(i-1) - R(i) (R(-1) = 1024), measured with gen_rcp_table.c.
private let _amdRcpDecrements: [UInt64] = [
    0x8848884848444844, 0x4242212121111090, 0x4844221111088884, 0x1110888442211090,
    0x2208844121088822, 0x8822110442208844, 0x4220882208844110, 0x4420844110441108,
    0x1082208422048210, 0x0881104208812084, 0x1082208408811042, 0x8410821022042084,
    0x8108108110410420, 0x4204204208408408, 0x0420420410410420, 0x8108084082082042,
    0x4082042041010810, 0x8104042041010810, 0x0210104082041020, 0x4100820410204082,
    0x2020808204081020, 0x1040410104041008, 0x8082010404080810, 0x0808100810102020,
    0x8101020102010402, 0x2040408040804080, 0x2040204020402040, 0x4080408040802040,
    0x0401020102008100, 0x4010200810040802, 0x0404020200808020, 0x0200810020201010,
    0x0080802040101002, 0x0200808020200804, 0x0804008080202004, 0x8020100201004040,
    0x0400804008080100, 0x8040080801008010, 0x2010020080100800, 0x0808004040080200,
    0x1004008020020100, 0x2010008020020100, 0x8020020080040200, 0x0200100400201000,
    0x8002008004010008, 0x0080200100400200, 0x8010004010008010, 0x1000801000801000,
    0x0100800100200080, 0x0400080100040080, 0x0080080020040008, 0x0400080100040080,
    0x0400800100200020, 0x8001002000200400, 0x0080008004001000, 0x0400200020040008,
    0x0004004000400200, 0x2000200080008004, 0x0100004002000200, 0x8004000400100010,
    0x0800800020010000, 0x0200080008002000, 0x0080020002000800, 0x0080020000800200,
]

/// (Lhi, Llo) for k = R - 512, k = 0...512 (identical to MKL's vdln_data).
@usableFromInline
let _torchLnTable: [UInt64] = [
    0xc086232bdd7a8300, 0xbe1ce91eef3fb100,  // 0
    0xc086232fdc7ad828, 0xbe1cefcffda73b6a,  // 1
    0xc0862333d97d2ba0, 0xbe1cef406748f1ff,  // 2
    0xc0862337d48378e0, 0xbe1cef2a9429925a,  // 3
    0xc086233bcd8fb878, 0xbe1cf138d17ebecb,  // 4
    0xc086233fc4a3e018, 0xbe1ceff2dbbbb29e,  // 5
    0xc0862343b9c1e270, 0xbe1cf1a42aae437b,  // 6
    0xc0862347acebaf68, 0xbe1cef3b152048af,  // 7
    0xc086234b9e2333f0, 0xbe1cef20e127805e,  // 8
    0xc086234f8d6a5a30, 0xbe1cf00ad6052cf4,  // 9
    0xc08623537ac30980, 0xbe1cefc4642ee597,  // 10
    0xc0862357662f2660, 0xbe1cf1f277d36e16,  // 11
    0xc086235b4fb092a0, 0xbe1ceed009e8d8e6,  // 12
    0xc086235f37492d28, 0xbe1cf1e4038cb362,  // 13
    0xc08623631cfad250, 0xbe1cf0b0873b8557,  // 14
    0xc086236700c75b98, 0xbe1cf15bb3227c0b,  // 15
    0xc086236ae2b09fe0, 0xbe1cf151ef8ca9ed,  // 16
    0xc086236ec2b87358, 0xbe1cefe1dc2cd2ed,  // 17
    0xc0862372a0e0a780, 0xbe1cf0d1eec5454f,  // 18
    0xc08623767d2b0b48, 0xbe1ceeefd570bbce,  // 19
    0xc086237a57996af0, 0xbe1cee99ae91b3a7,  // 20
    0xc086237e302d9028, 0xbe1cf0412830fbd1,  // 21
    0xc086238206e94218, 0xbe1ceee898588610,  // 22
    0xc0862385dbce4548, 0xbe1cee9a1fbcaaea,  // 23
    0xc0862389aede5bc0, 0xbe1ceed8e7cc1ad6,  // 24
    0xc086238d801b4500, 0xbe1cf10c8d059da6,  // 25
    0xc08623914f86be18, 0xbe1ceee6c63a8165,  // 26
    0xc08623951d228180, 0xbe1cf0c3592d2ff1,  // 27
    0xc0862398e8f04758, 0xbe1cf0026cc4cb1b,  // 28
    0xc086239cb2f1c538, 0xbe1cf15d48d8e670,  // 29
    0xc08623a07b28ae60, 0xbe1cef359363787c,  // 30
    0xc08623a44196b390, 0xbe1cefdf1ab2e82c,  // 31
    0xc08623a8063d8338, 0xbe1cefe43c02aa84,  // 32
    0xc08623abc91ec960, 0xbe1cf044f5ae35b7,  // 33
    0xc08623af8a3c2fb8, 0xbe1cf0b0b4001e1b,  // 34
    0xc08623b349975d98, 0xbe1cf1bae76dfbcf,  // 35
    0xc08623b70731f810, 0xbe1cef0a72e13a62,  // 36
    0xc08623bac30da1c8, 0xbe1cf184007d2b6b,  // 37
    0xc08623be7d2bfb40, 0xbe1cf16f4b239e98,  // 38
    0xc08623c2358ea2a0, 0xbe1cf0976acada87,  // 39
    0xc08623c5ec3733d0, 0xbe1cf066318a16ff,  // 40
    0xc08623c9a1274880, 0xbe1ceffaa7148798,  // 41
    0xc08623cd54607820, 0xbe1cf23ab02e9b6e,  // 42
    0xc08623d105e45800, 0xbe1cefdfef7d4fde,  // 43
    0xc08623d4b5b47b20, 0xbe1cf17fece44f2b,  // 44
    0xc08623d863d27270, 0xbe1cf18f907d0d7c,  // 45
    0xc08623dc103fccb0, 0xbe1cee61fe072c98,  // 46
    0xc08623dfbafe1668, 0xbe1cf022dd891e2f,  // 47
    0xc08623e3640eda20, 0xbe1ceecc1daf4358,  // 48
    0xc08623e70b73a028, 0xbe1cf0173c4fa380,  // 49
    0xc08623eab12deec8, 0xbe1cf16a2150c2f4,  // 50
    0xc08623ee553f4a30, 0xbe1cf1bf980b1f4b,  // 51
    0xc08623f1f7a93480, 0xbe1cef8b731663c2,  // 52
    0xc08623f5986d2dc0, 0xbe1cee9a664d7ef4,  // 53
    0xc08623f9378cb3f0, 0xbe1cf1eda2af6400,  // 54
    0xc08623fcd5094320, 0xbe1cf1923f9d68d7,  // 55
    0xc086240070e45548, 0xbe1cf0747cd3e03a,  // 56
    0xc08624040b1f6260, 0xbe1cf22ee855bd6d,  // 57
    0xc0862407a3bbe078, 0xbe1cf0d57360c00b,  // 58
    0xc086240b3abb4398, 0xbe1ceebc815cd575,  // 59
    0xc086240ed01efdd0, 0xbe1cf03bfb970951,  // 60
    0xc086241263e87f50, 0xbe1cf16e74768529,  // 61
    0xc0862415f6193658, 0xbe1cefec64b8becb,  // 62
    0xc086241986b28f30, 0xbe1cf0838d210baa,  // 63
    0xc086241d15b5f448, 0xbe1cf0ea86e75b11,  // 64
    0xc0862420a324ce28, 0xbe1cf1708d11d805,  // 65
    0xc08624242f008380, 0xbe1ceea988c5a417,  // 66
    0xc0862427b94a7910, 0xbe1cef166a7bbca5,  // 67
    0xc086242b420411d0, 0xbe1cf0c9d9e86a38,  // 68
    0xc086242ec92eaee8, 0xbe1cef0946455411,  // 69
    0xc08624324ecbaf98, 0xbe1cefea60907739,  // 70
    0xc0862435d2dc7160, 0xbe1cf1ed0934ce42,  // 71
    0xc086243955624ff8, 0xbe1cf191ba746c7d,  // 72
    0xc086243cd65ea548, 0xbe1ceeec78cf2a7e,  // 73
    0xc086244055d2c968, 0xbe1cef345284c119,  // 74
    0xc0862443d3c012b8, 0xbe1cf24f77355219,  // 75
    0xc08624475027d5e8, 0xbe1cf05bf087e114,  // 76
    0xc086244acb0b65d0, 0xbe1cef3504a32189,  // 77
    0xc086244e446c1398, 0xbe1ceff54b2a406f,  // 78
    0xc0862451bc4b2eb8, 0xbe1cf0757d54ed4f,  // 79
    0xc086245532aa04f0, 0xbe1cf0c8099fdfd5,  // 80
    0xc0862458a789e250, 0xbe1cf0b173796a31,  // 81
    0xc086245c1aec1138, 0xbe1cf11d8734540d,  // 82
    0xc086245f8cd1da60, 0xbe1cf1916a723ceb,  // 83
    0xc0862462fd3c84d8, 0xbe1cf19a911e1da7,  // 84
    0xc08624666c2d5608, 0xbe1cf23a9ef72e4f,  // 85
    0xc0862469d9a591c0, 0xbe1cef503d947663,  // 86
    0xc086246d45a67a18, 0xbe1cf0fceeb1a0b2,  // 87
    0xc0862470b0314fa8, 0xbe1cf107e27e4fbc,  // 88
    0xc086247419475160, 0xbe1cf03dd9922331,  // 89
    0xc086247780e9bc98, 0xbe1cefce1a10e129,  // 90
    0xc086247ae719cd18, 0xbe1ceea47f73c4f6,  // 91
    0xc086247e4bd8bd10, 0xbe1ceec0ac56d100,  // 92
    0xc0862481af27c528, 0xbe1cee8a6593278a,  // 93
    0xc086248511081c70, 0xbe1cf2231dd9dec7,  // 94
    0xc0862488717af888, 0xbe1cf0b4b8ed7da8,  // 95
    0xc086248bd0818d68, 0xbe1cf1bd8d835002,  // 96
    0xc086248f2e1d0d98, 0xbe1cf259acc107f4,  // 97
    0xc08624928a4eaa20, 0xbe1cee897636b00c,  // 98
    0xc0862495e5179270, 0xbe1cee757f20c326,  // 99
    0xc08624993e78f490, 0xbe1cefafd3aa54a4,  // 100
    0xc086249c9673fd10, 0xbe1cee7298d38b97,  // 101
    0xc086249fed09d6f8, 0xbe1ceedc158d4ceb,  // 102
    0xc08624a3423babe0, 0xbe1cf2282987cb2e,  // 103
    0xc08624a6960aa400, 0xbe1cefe7381ecc4b,  // 104
    0xc08624a9e877e600, 0xbe1cef328dbbce80,  // 105
    0xc08624ad39849728, 0xbe1cefde45f3cc71,  // 106
    0xc08624b08931db58, 0xbe1cefa8b89433b9,  // 107
    0xc08624b3d780d500, 0xbe1cef6773c0b139,  // 108
    0xc08624b72472a528, 0xbe1cf031c931c11f,  // 109
    0xc08624ba70086b78, 0xbe1cf088f49275e7,  // 110
    0xc08624bdba434630, 0xbe1cf17de0eaa86d,  // 111
    0xc08624c103245238, 0xbe1cefd492f1ba75,  // 112
    0xc08624c44aacab08, 0xbe1cf1253e154466,  // 113
    0xc08624c790dd6ad0, 0xbe1cf0fb09ee6d55,  // 114
    0xc08624cad5b7aa58, 0xbe1cf1f08dd048fe,  // 115
    0xc08624ce193c8120, 0xbe1ceeca0809697f,  // 116
    0xc08624d15b6d0538, 0xbe1cef8d5662d968,  // 117
    0xc08624d49c4a4b78, 0xbe1cee97b556ed78,  // 118
    0xc08624d7dbd56750, 0xbe1cf1b14b6acb75,  // 119
    0xc08624db1a0f6b00, 0xbe1cef1e860623f2,  // 120
    0xc08624de56f96758, 0xbe1ceeaf4d156f3d,  // 121
    0xc08624e192946bf0, 0xbe1ceecc12b400ed,  // 122
    0xc08624e4cce18710, 0xbe1cf180c40c794f,  // 123
    0xc08624e805e1c5c8, 0xbe1cf185a08f7f65,  // 124
    0xc08624eb3d9633d8, 0xbe1cef45fc924078,  // 125
    0xc08624ee73ffdbb0, 0xbe1cf1e4f457f32a,  // 126
    0xc08624f1a91fc6a0, 0xbe1cf040147b8a5a,  // 127
    0xc08624f4dcf6fc98, 0xbe1cf1effca0dfb2,  // 128
    0xc08624f80f868468, 0xbe1cf0470146e5bc,  // 129
    0xc08624fb40cf6390, 0xbe1cef4dd186e501,  // 130
    0xc08624fe70d29e60, 0xbe1ceebe257f66c7,  // 131
    0xc08625019f9137f0, 0xbe1ceefb7a1c395c,  // 132
    0xc0862504cd0c3220, 0xbe1cf209dedfed8c,  // 133
    0xc0862507f9448db0, 0xbe1cf082da464994,  // 134
    0xc086250b243b4a18, 0xbe1cee88694a73cf,  // 135
    0xc086250e4df165a0, 0xbe1cf0b61e8f0531,  // 136
    0xc08625117667dd78, 0xbe1cf1106599c962,  // 137
    0xc08625149d9fad98, 0xbe1ceff1ee88af1f,  // 138
    0xc0862517c399d0c8, 0xbe1cf0f746994ef6,  // 139
    0xc086251ae85740b8, 0xbe1cefe8a1d077e4,  // 140
    0xc086251e0bd8f5e0, 0xbe1cf1a1da036092,  // 141
    0xc08625212e1fe7a8, 0xbe1cf0f8a7786fcd,  // 142
    0xc08625244f2d0c48, 0xbe1cefa1174a07a7,  // 143
    0xc08625276f0158d8, 0xbe1cef1043aa5b25,  // 144
    0xc086252a8d9dc150, 0xbe1cf15d521c169d,  // 145
    0xc086252dab033898, 0xbe1cf220bba8861f,  // 146
    0xc0862530c732b078, 0xbe1cef51e310eae2,  // 147
    0xc0862533e22d1988, 0xbe1cf222fcedd8ae,  // 148
    0xc0862536fbf36370, 0xbe1cefdb4da4bda8,  // 149
    0xc086253a14867ca0, 0xbe1ceeafc1112171,  // 150
    0xc086253d2be75280, 0xbe1cee99dfb4b408,  // 151
    0xc08625404216d160, 0xbe1cf22d2536f06b,  // 152
    0xc08625435715e498, 0xbe1cef6abbf2e268,  // 153
    0xc08625466ae57648, 0xbe1cf093a14789f5,  // 154
    0xc08625497d866fa0, 0xbe1cf0f93655603c,  // 155
    0xc086254c8ef9b8b8, 0xbe1cf1cc40c9aafc,  // 156
    0xc086254f9f4038a8, 0xbe1ceeea5f4e9157,  // 157
    0xc0862552ae5ad568, 0xbe1cefa9f52d4997,  // 158
    0xc0862555bc4a7400, 0xbe1cefa490a638ff,  // 159
    0xc0862558c90ff868, 0xbe1cef7fcf797d6f,  // 160
    0xc086255bd4ac4590, 0xbe1cf1b4c51113c9,  // 161
    0xc086255edf203d78, 0xbe1cef55e5b4a55d,  // 162
    0xc0862561e86cc100, 0xbe1cf0d37a25f9dc,  // 163
    0xc0862564f092b028, 0xbe1ceebe9efc19d9,  // 164
    0xc0862567f792e9d8, 0xbe1cee8ad30a57b5,  // 165
    0xc086256afd6e4c08, 0xbe1cef4e1817b90b,  // 166
    0xc086256e0225b3b8, 0xbe1cee7fa9229996,  // 167
    0xc086257105b9fce0, 0xbe1cf0b54963d945,  // 168
    0xc0862574082c0298, 0xbe1cee5f2f3c7995,  // 169
    0xc0862577097c9ee0, 0xbe1cf0828e303a2c,  // 170
    0xc086257a09acaae0, 0xbe1cf172c3078947,  // 171
    0xc086257d08bcfec0, 0xbe1cf189252afa22,  // 172
    0xc086258006ae71b8, 0xbe1cefdb80426923,  // 173
    0xc08625830381da08, 0xbe1ceef1391a0372,  // 174
    0xc0862585ff380d00, 0xbe1cf17720c78d13,  // 175
    0xc0862588f9d1df18, 0xbe1ceef1f9027d83,  // 176
    0xc086258bf35023b8, 0xbe1cf06fac99dec9,  // 177
    0xc086258eebb3ad78, 0xbe1cf1373eeb45c0,  // 178
    0xc0862591e2fd4e00, 0xbe1cef777536bb81,  // 179
    0xc0862594d92dd600, 0xbe1cf0f43ca40766,  // 180
    0xc0862597ce461558, 0xbe1cefb2cfc6766b,  // 181
    0xc086259ac246daf0, 0xbe1ceea49e64ffa2,  // 182
    0xc086259db530f4c8, 0xbe1cf250fa457dec,  // 183
    0xc08625a0a7053018, 0xbe1cf17d8bb2a44e,  // 184
    0xc08625a397c45918, 0xbe1cf1d5906d54b7,  // 185
    0xc08625a6876f3b30, 0xbe1cf08fe7b31780,  // 186
    0xc08625a97606a0e0, 0xbe1cef13edfc9d11,  // 187
    0xc08625ac638b53c8, 0xbe1cef9d2b107219,  // 188
    0xc08625af4ffe1cb0, 0xbe1cf1ddd4ff6160,  // 189
    0xc08625b23b5fc390, 0xbe1cefa02a996495,  // 190
    0xc08625b525b10f68, 0xbe1cf166a7e37ee5,  // 191
    0xc08625b80ef2c680, 0xbe1cef0b171068a5,  // 192
    0xc08625baf725ae28, 0xbe1cf05c80779283,  // 193
    0xc08625bdde4a8af0, 0xbe1cf1bbfbffb889,  // 194
    0xc08625c0c4622090, 0xbe1cf0b8666c0124,  // 195
    0xc08625c3a96d31e0, 0xbe1cf0a8fcf47a86,  // 196
    0xc08625c68d6c80f0, 0xbe1cef46e18cb092,  // 197
    0xc08625c97060cef0, 0xbe1cf1458a350efb,  // 198
    0xc08625cc524adc58, 0xbe1ceeea1dadce12,  // 199
    0xc08625cf332b68b0, 0xbe1cf0a1bfdc44c7,  // 200
    0xc08625d2130332d0, 0xbe1cef96d02da73e,  // 201
    0xc08625d4f1d2f8a8, 0xbe1cf2451c3c7701,  // 202
    0xc08625d7cf9b7778, 0xbe1cf10d08f83812,  // 203
    0xc08625daac5d6ba0, 0xbe1ceec5b4895c5e,  // 204
    0xc08625dd881990b0, 0xbe1cf14e1325c5e4,  // 205
    0xc08625e062d0a188, 0xbe1cf21d0904be12,  // 206
    0xc08625e33c835838, 0xbe1ceed0839bcf21,  // 207
    0xc08625e615326df0, 0xbe1cf1bb944889d2,  // 208
    0xc08625e8ecde9b48, 0xbe1cee738e85eece,  // 209
    0xc08625ebc38897e0, 0xbe1cf25c2bc6ef12,  // 210
    0xc08625ee99311ac8, 0xbe1cf132b70a41ad,  // 211
    0xc08625f16dd8da28, 0xbe1cf1984236a6e3,  // 212
    0xc08625f441808b78, 0xbe1cf19ae74998f9,  // 213
    0xc08625f71428e370, 0xbe1cef3e175d61a1,  // 214
    0xc08625f9e5d295f8, 0xbe1cf101f9868fd9,  // 215
    0xc08625fcb67e5658, 0xbe1cee69db83dcd2,  // 216
    0xc08625ff862cd6f8, 0xbe1cf081b636af51,  // 217
    0xc086260254dec9a8, 0xbe1cee62c7d59b3e,  // 218
    0xc08626052294df58, 0xbe1cf1b745c57716,  // 219
    0xc0862607ef4fc868, 0xbe1cef3d2800ea23,  // 220
    0xc086260abb103458, 0xbe1cef480ff1acd2,  // 221
    0xc086260d85d6d200, 0xbe1cf2424c9a17ef,  // 222
    0xc08626104fa44f90, 0xbe1cf12cfde90fd5,  // 223
    0xc086261318795a68, 0xbe1cf21f590dd5b6,  // 224
    0xc0862615e0569f48, 0xbe1cf0c50f9cd28a,  // 225
    0xc0862618a73cca30, 0xbe1ceedbdb520545,  // 226
    0xc086261b6d2c8668, 0xbe1cf0b030396011,  // 227
    0xc086261e32267e98, 0xbe1cf19917010e96,  // 228
    0xc0862620f62b5cb0, 0xbe1cf07331355985,  // 229
    0xc0862623b93bc9e8, 0xbe1cf01ae921a1c3,  // 230
    0xc08626267b586ed0, 0xbe1cefe5cf0dbf0c,  // 231
    0xc08626293c81f348, 0xbe1cf01b258aeb50,  // 232
    0xc086262bfcb8fe88, 0xbe1cee6b9e7f4c68,  // 233
    0xc086262ebbfe3710, 0xbe1cee684a9b21c9,  // 234
    0xc08626317a5242b8, 0xbe1cf1f8bcde9a8b,  // 235
    0xc086263437b5c6c0, 0xbe1cf1d063d36238,  // 236
    0xc0862636f42967a8, 0xbe1cf1e31a19075e,  // 237
    0xc0862639afadc950, 0xbe1cf1d8efdf7e7d,  // 238
    0xc086263c6a438ef0, 0xbe1cf1812ee72dba,  // 239
    0xc086263f23eb5b18, 0xbe1cf1449a9a2279,  // 240
    0xc0862641dca5cfb8, 0xbe1cee96edce5085,  // 241
    0xc086264494738e08, 0xbe1cf06797bd03b2,  // 242
    0xc08626474b5536b8, 0xbe1cef91b9b7ffc1,  // 243
    0xc086264a014b69c0, 0xbe1cef4b6721278f,  // 244
    0xc086264cb656c678, 0xbe1cf1942925eb4a,  // 245
    0xc086264f6a77eba8, 0xbe1cefa2c7bc2e39,  // 246
    0xc08626521daf7758, 0xbe1cf252595aceb3,  // 247
    0xc0862654cffe0718, 0xbe1cee8e9ae47ec2,  // 248
    0xc0862657816437a8, 0xbe1cf1bf913828fa,  // 249
    0xc086265a31e2a558, 0xbe1cf23475d6b366,  // 250
    0xc086265ce179ebc8, 0xbe1cef8df00a922b,  // 251
    0xc086265f902aa5f0, 0xbe1cef279bfa43e0,  // 252
    0xc08626623df56e38, 0xbe1cf080e10b8365,  // 253
    0xc0862664eadade70, 0xbe1cf1a518f9b544,  // 254
    0xc086266796db8fd0, 0xbe1cef9308fed9e9,  // 255
    0xc086266a41f81ae8, 0xbe1ceea3ae6b19c9,  // 256
    0xc086266cec3117b8, 0xbe1ceef06003d4c2,  // 257
    0xc086266f95871da8, 0xbe1cf0b8457ffb0c,  // 258
    0xc08626723dfac390, 0xbe1cf0c526745ad6,  // 259
    0xc0862674e58c9fa8, 0xbe1cf0cf91ff7b5d,  // 260
    0xc08626778c3d4798, 0xbe1cefe260819380,  // 261
    0xc086267a320d5070, 0xbe1ceebd90aa27a3,  // 262
    0xc086267cd6fd4ea8, 0xbe1cf0388121dffa,  // 263
    0xc086267f7b0dd630, 0xbe1cf1a3881435f1,  // 264
    0xc08626821e3f7a68, 0xbe1cef28e9d9ac52,  // 265
    0xc0862684c092ce08, 0xbe1cf02d300062dd,  // 266
    0xc086268762086350, 0xbe1cefaee1edfa35,  // 267
    0xc086268a02a0cbe0, 0xbe1cf0a5a052e936,  // 268
    0xc086268ca25c98d8, 0xbe1cee60a4a497ed,  // 269
    0xc086268f413c5ab0, 0xbe1cf0e4a5d0cf49,  // 270
    0xc0862691df40a170, 0xbe1cf149235a4e6e,  // 271
    0xc08626947c69fc80, 0xbe1cf215180b9fcc,  // 272
    0xc086269718b8fac8, 0xbe1cef9b156a9840,  // 273
    0xc0862699b42e2a90, 0xbe1cf054c91441be,  // 274
    0xc086269c4eca19a8, 0xbe1cf13ded26512c,  // 275
    0xc086269ee88d5550, 0xbe1cf22ea4d8ac06,  // 276
    0xc08626a181786a40, 0xbe1cf2354666ee2e,  // 277
    0xc08626a4198be4a8, 0xbe1cefef936752b3,  // 278
    0xc08626a6b0c85020, 0xbe1cf1e360a9db68,  // 279
    0xc08626a9472e37d8, 0xbe1ceed6aeb812c5,  // 280
    0xc08626abdcbe2650, 0xbe1cf227340b4986,  // 281
    0xc08626ae7178a5b0, 0xbe1cf0215a0cbe0d,  // 282
    0xc08626b1055e3f70, 0xbe1cf256adf0ae26,  // 283
    0xc08626b3986f7ca8, 0xbe1ceff3c67aed06,  // 284
    0xc08626b62aace5c8, 0xbe1cf2159fb93652,  // 285
    0xc08626b8bc1702e0, 0xbe1cf01e6dbd1c7f,  // 286
    0xc08626bb4cae5b60, 0xbe1cf009e75d1c0c,  // 287
    0xc08626bddc737648, 0xbe1ceec10a020e73,  // 288
    0xc08626c06b66da08, 0xbe1cf06d5783eee7,  // 289
    0xc08626c2f9890ca0, 0xbe1cf0cb8f169ffe,  // 290
    0xc08626c586da9388, 0xbe1cef7de2452430,  // 291
    0xc08626c8135bf3b0, 0xbe1cf05da6f783ae,  // 292
    0xc08626ca9f0db198, 0xbe1cefcc877d681d,  // 293
    0xc08626cd29f05138, 0xbe1cef0531954ab3,  // 294
    0xc08626cfb4045608, 0xbe1cf06b8565ea3d,  // 295
    0xc08626d23d4a4310, 0xbe1cefdc455d9d7e,  // 296
    0xc08626d4c5c29ad0, 0xbe1ceefc47e8fa64,  // 297
    0xc08626d74d6ddf48, 0xbe1cf1872bf033f2,  // 298
    0xc08626d9d44c9210, 0xbe1cf19d91087f9d,  // 299
    0xc08626dc5a5f3438, 0xbe1cf012d444c6ab,  // 300
    0xc08626dedfa64650, 0xbe1cf0ba528ee153,  // 301
    0xc08626e164224880, 0xbe1ceeb431709788,  // 302
    0xc08626e3e7d3ba60, 0xbe1cf0b9af31a6a5,  // 303
    0xc08626e66abb1b28, 0xbe1cf168fb2e135b,  // 304
    0xc08626e8ecd8e990, 0xbe1cef9097461c93,  // 305
    0xc08626eb6e2da3d0, 0xbe1cee7a434735d8,  // 306
    0xc08626edeeb9c7a8, 0xbe1cf235732b86f2,  // 307
    0xc08626f06e7dd280, 0xbe1cefe1510b89e6,  // 308
    0xc08626f2ed7a4120, 0xbe1cf1f64b9b80ef,  // 309
    0xc08626f56baf9000, 0xbe1cf08f320ca339,  // 310
    0xc08626f7e91e3b08, 0xbe1cf1b1de2808a1,  // 311
    0xc08626fa65c6bdc0, 0xbe1cf1976d778b28,  // 312
    0xc08626fce1a99338, 0xbe1ceef40a4f076f,  // 313
    0xc08626ff5cc73600, 0xbe1cef3e45869ce3,  // 314
    0xc0862701d7202048, 0xbe1ceef601b4c9d6,  // 315
    0xc086270450b4cbc0, 0xbe1cf1eaf0b57fd6,  // 316
    0xc0862706c985b1c0, 0xbe1cef82a44990f3,  // 317
    0xc086270941934b10, 0xbe1ceefe32981f2c,  // 318
    0xc086270bb8de1018, 0xbe1cefbf6f5a0445,  // 319
    0xc086270e2f6678d0, 0xbe1cf18dba75792c,  // 320
    0xc0862710a52cfcc8, 0xbe1cf0da64ce995f,  // 321
    0xc08627131a321318, 0xbe1cef04ac0fb802,  // 322
    0xc08627158e763268, 0xbe1cee9d4e2ad9bd,  // 323
    0xc086271801f9d0f8, 0xbe1cefa9b55407b5,  // 324
    0xc086271a74bd64a0, 0xbe1cefe6bd329570,  // 325
    0xc086271ce6c162c8, 0xbe1cef0b1205dc85,  // 326
    0xc086271f58064068, 0xbe1cef092a785e3f,  // 327
    0xc0862721c88c7210, 0xbe1cf050dcdaac30,  // 328
    0xc086272438546be8, 0xbe1cf210907ded8b,  // 329
    0xc0862726a75ea1b8, 0xbe1cee760be44f99,  // 330
    0xc086272915ab86c0, 0xbe1ceeeee07c2bcc,  // 331
    0xc086272b833b8df0, 0xbe1cf06874992df5,  // 332
    0xc086272df00f29d0, 0xbe1cef8fac5d4899,  // 333
    0xc08627305c26cc70, 0xbe1cf1103241cc99,  // 334
    0xc0862732c782e788, 0xbe1cf1d35fef83fe,  // 335
    0xc08627353223ec68, 0xbe1cef3ec8133e1d,  // 336
    0xc08627379c0a4be8, 0xbe1cef7261daccd8,  // 337
    0xc086273a05367688, 0xbe1cf18656c50806,  // 338
    0xc086273c6da8dc68, 0xbe1cf1c8736e049a,  // 339
    0xc086273ed561ed38, 0xbe1cf1f93bff4911,  // 340
    0xc08627413c621848, 0xbe1cf188a4ea680c,  // 341
    0xc0862743a2a9cc80, 0xbe1cf1d270930c80,  // 342
    0xc086274608397868, 0xbe1cf25a328c28e2,  // 343
    0xc08627486d118a28, 0xbe1cf106f90aa3b8,  // 344
    0xc086274ad1326f80, 0xbe1cee5e9d2e885a,  // 345
    0xc086274d349c95c0, 0xbe1cf1c0bac27228,  // 346
    0xc086274f975069f8, 0xbe1cf1a1500f9b1c,  // 347
    0xc0862751f94e58c0, 0xbe1cefc30663ac44,  // 348
    0xc08627545a96ce48, 0xbe1cf17123e427a2,  // 349
    0xc0862756bb2a3678, 0xbe1cefb92749fea4,  // 350
    0xc08627591b08fcc0, 0xbe1cefa40e1ea74a,  // 351
    0xc086275b7a338c40, 0xbe1cee6f4612c3e9,  // 352
    0xc086275dd8aa4fa8, 0xbe1cf1c54a053627,  // 353
    0xc0862760366db168, 0xbe1ceff5eb503d9e,  // 354
    0xc0862762937e1b70, 0xbe1cf02e47f10cee,  // 355
    0xc0862764efdbf768, 0xbe1ceeb06e1d0dad,  // 356
    0xc08627674b87ae88, 0xbe1cf10aadd6dba5,  // 357
    0xc0862769a681a9c0, 0xbe1cf24e9913d30f,  // 358
    0xc086276c00ca51a0, 0xbe1cef47b301e312,  // 359
    0xc086276e5a620e48, 0xbe1ceeb1cefc2e85,  // 360
    0xc0862770b3494788, 0xbe1cf16f1fbbe011,  // 361
    0xc08627730b8064e8, 0xbe1ceebdf75174c7,  // 362
    0xc08627756307cd70, 0xbe1cf06e3871a0da,  // 363
    0xc0862777b9dfe7f0, 0xbe1cef16799fd554,  // 364
    0xc086277a10091ac0, 0xbe1cf248dabf5377,  // 365
    0xc086277c6583cc00, 0xbe1cf0c78d92a2cd,  // 366
    0xc086277eba506158, 0xbe1cf0b911b029f0,  // 367
    0xc08627810e6f4028, 0xbe1cefdc24719766,  // 368
    0xc086278361e0cd70, 0xbe1cefbb6562b7e7,  // 369
    0xc0862785b4a56dd8, 0xbe1cf1e0afb349ec,  // 370
    0xc086278806bd85c0, 0xbe1cf008292e52fc,  // 371
    0xc086278a58297918, 0xbe1cf053073872bf,  // 372
    0xc086278ca8e9ab88, 0xbe1cf17a0a55a947,  // 373
    0xc086278ef8fe8068, 0xbe1ceeffb0b60234,  // 374
    0xc086279148685aa0, 0xbe1cf162204794a8,  // 375
    0xc086279397279ce0, 0xbe1cf24cc8cb48ac,  // 376
    0xc0862795e53ca978, 0xbe1cf0c9be68d5c3,  // 377
    0xc086279832a7e258, 0xbe1cf172cd3d7388,  // 378
    0xc086279a7f69a930, 0xbe1ceea2465fbce5,  // 379
    0xc086279ccb825f40, 0xbe1cf0a386d2500f,  // 380
    0xc086279f16f26590, 0xbe1cf1e338ddc18a,  // 381
    0xc08627a161ba1cd0, 0xbe1cef1f5049867f,  // 382
    0xc08627a3abd9e548, 0xbe1cef96c1ea8b1f,  // 383
    0xc08627a5f5521f00, 0xbe1cf138f6fd3c26,  // 384
    0xc08627a83e2329b0, 0xbe1cf0d4fcbfdf3a,  // 385
    0xc08627aa864d64b0, 0xbe1cf24870c12c81,  // 386
    0xc08627accdd12f18, 0xbe1cf0ae2a56348d,  // 387
    0xc08627af14aee7a0, 0xbe1cee8ca1a9b893,  // 388
    0xc08627b15ae6eca8, 0xbe1cf20414d637b0,  // 389
    0xc08627b3a0799c60, 0xbe1cf0fc6b7b12d8,  // 390
    0xc08627b5e5675488, 0xbe1cf152d93c4a00,  // 391
    0xc08627b829b072a0, 0xbe1cf1073f9b77c2,  // 392
    0xc08627ba6d5553d8, 0xbe1cee694f97d5a4,  // 393
    0xc08627bcb0565500, 0xbe1cf0456b8239d7,  // 394
    0xc08627bef2b3d2b0, 0xbe1cf211497127e3,  // 395
    0xc08627c1346e2930, 0xbe1cf01856c0384d,  // 396
    0xc08627c37585b468, 0xbe1cefa7dd05479e,  // 397
    0xc08627c5b5fad000, 0xbe1cef3ae8e50b93,  // 398
    0xc08627c7f5cdd750, 0xbe1ceea5f32fdd3a,  // 399
    0xc08627ca34ff2560, 0xbe1cef424caeb8d9,  // 400
    0xc08627cc738f14f0, 0xbe1cf0194d07a81f,  // 401
    0xc08627ceb17e0070, 0xbe1cf20f452000c1,  // 402
    0xc08627d0eecc4210, 0xbe1cf00e356218e4,  // 403
    0xc08627d32b7a33a0, 0xbe1cef30484b4bcb,  // 404
    0xc08627d567882eb0, 0xbe1ceeea11a6641b,  // 405
    0xc08627d7a2f68c80, 0xbe1cf13492d5bd7b,  // 406
    0xc08627d9ddc5a618, 0xbe1ceeb7048fad96,  // 407
    0xc08627dc17f5d418, 0xbe1ceef0666f0477,  // 408
    0xc08627de51876ee8, 0xbe1cf060d4b8b5c2,  // 409
    0xc08627e08a7acea8, 0xbe1cf0b2a4b6ff8c,  // 410
    0xc08627e2c2d04b28, 0xbe1cf0e34809a875,  // 411
    0xc08627e4fa883bf0, 0xbe1cf16bf74a3522,  // 412
    0xc08627e731a2f848, 0xbe1cee6a24623d57,  // 413
    0xc08627e96820d718, 0xbe1cefc7b4f1528e,  // 414
    0xc08627eb9e022f18, 0xbe1cf163051f3548,  // 415
    0xc08627edd34756b8, 0xbe1cef36b3366305,  // 416
    0xc08627f007f0a408, 0xbe1cf18134625550,  // 417
    0xc08627f23bfe6cf0, 0xbe1cf0ec32ec1a11,  // 418
    0xc08627f46f710700, 0xbe1ceeb3b64f3edc,  // 419
    0xc08627f6a248c778, 0xbe1cf0cd15805bc8,  // 420
    0xc08627f8d4860368, 0xbe1cf20db3bddebe,  // 421
    0xc08627fb06290f90, 0xbe1cf25188430e25,  // 422
    0xc08627fd37324070, 0xbe1ceea1713490f9,  // 423
    0xc08627ff67a1ea28, 0xbe1cf159521d234c,  // 424
    0xc0862801977860b8, 0xbe1cf24dfe50783b,  // 425
    0xc0862803c6b5f7d0, 0xbe1ceef2ef89a60b,  // 426
    0xc0862805f55b02c8, 0xbe1cee7fc919d62c,  // 427
    0xc08628082367d4c0, 0xbe1cf215a7fb513a,  // 428
    0xc086280a50dcc0a8, 0xbe1cf0e4401c5ed4,  // 429
    0xc086280c7dba1910, 0xbe1cf04ec734d256,  // 430
    0xc086280eaa003050, 0xbe1cf010ad787fea,  // 431
    0xc0862810d5af5880, 0xbe1cee622478393d,  // 432
    0xc086281300c7e368, 0xbe1cf01c7482564f,  // 433
    0xc08628152b4a22a0, 0xbe1cf0de20d33536,  // 434
    0xc086281755366778, 0xbe1cef2edae5837d,  // 435
    0xc08628197e8d02f0, 0xbe1cf0a345318cc9,  // 436
    0xc086281ba74e45d8, 0xbe1cf20085aa34b8,  // 437
    0xc086281dcf7a80c0, 0xbe1cef5fa845ad83,  // 438
    0xc086281ff71203e0, 0xbe1cf050d1df69c4,  // 439
    0xc08628221e151f48, 0xbe1ceffe43c035b9,  // 440
    0xc0862824448422b8, 0xbe1cf14f3018d3c2,  // 441
    0xc08628266a5f5dc0, 0xbe1cef0a5fbae83d,  // 442
    0xc08628288fa71f98, 0xbe1ceff8a95b72a1,  // 443
    0xc086282ab45bb750, 0xbe1cef073aa9849b,  // 444
    0xc086282cd87d73a8, 0xbe1cef69b3835c02,  // 445
    0xc086282efc0ca328, 0xbe1cf0bc139379a9,  // 446
    0xc08628311f099420, 0xbe1cef247a9ec596,  // 447
    0xc086283341749490, 0xbe1cef74bbcc488a,  // 448
    0xc0862835634df248, 0xbe1cef4bc42e7b8e,  // 449
    0xc08628378495fad0, 0xbe1cf136d4d5a810,  // 450
    0xc0862839a54cfb80, 0xbe1cf0d290b24dd8,  // 451
    0xc086283bc5734168, 0xbe1ceeebde8e0065,  // 452
    0xc086283de5091950, 0xbe1cf1a09f60aa1e,  // 453
    0xc0862840040ecfe0, 0xbe1cf0803947a234,  // 454
    0xc08628422284b168, 0xbe1cf0abf7638127,  // 455
    0xc0862844406b0a08, 0xbe1cf0f73ee12058,  // 456
    0xc08628465dc225a0, 0xbe1cf2079971b26c,  // 457
    0xc08628487a8a4fe0, 0xbe1cee74957564b1,  // 458
    0xc086284a96c3d420, 0xbe1ceee77c1b7d43,  // 459
    0xc086284cb26efd90, 0xbe1cf23addba6e09,  // 460
    0xc086284ecd8c1730, 0xbe1cf199f4a1da60,  // 461
    0xc0862850e81b6bb0, 0xbe1cf09fdea81393,  // 462
    0xc0862853021d4588, 0xbe1cf176adb417f7,  // 463
    0xc08628551b91ef00, 0xbe1cf0f64f84a8da,  // 464
    0xc08628573479b220, 0xbe1ceec34cf49523,  // 465
    0xc08628594cd4d8a8, 0xbe1cf16d60fbe0bb,  // 466
    0xc086285b64a3ac40, 0xbe1cee8de7acfc7b,  // 467
    0xc086285d7be67630, 0xbe1ceee6256cce8d,  // 468
    0xc086285f929d7fa0, 0xbe1cee7d66a3d8a5,  // 469
    0xc0862861a8c91170, 0xbe1cf0bef8265792,  // 470
    0xc0862863be697458, 0xbe1cf097f890c6f8,  // 471
    0xc0862865d37ef0c8, 0xbe1cf09502d5c3fc,  // 472
    0xc0862867e809cf00, 0xbe1ceeffb239dac7,  // 473
    0xc0862869fc0a56f8, 0xbe1cf1fbfff95c98,  // 474
    0xc086286c0f80d090, 0xbe1cefa57ad3eef7,  // 475
    0xc086286e226d8348, 0xbe1cf22c58b9183d,  // 476
    0xc086287034d0b690, 0xbe1ceff262d0a248,  // 477
    0xc086287246aab180, 0xbe1cefa7bc194186,  // 478
    0xc086287457fbbb08, 0xbe1cf06782d784d9,  // 479
    0xc086287668c419e0, 0xbe1cf1d44d0eaa07,  // 480
    0xc086287879041490, 0xbe1cf034803c8a48,  // 481
    0xc086287a88bbf158, 0xbe1cf08e84916b6f,  // 482
    0xc086287c97ebf650, 0xbe1cf0c4d3dc1bc7,  // 483
    0xc086287ea6946958, 0xbe1cefb1e4625943,  // 484
    0xc0862880b4b59010, 0xbe1cf143efdd1fd0,  // 485
    0xc0862882c24faff8, 0xbe1cee9896d016da,  // 486
    0xc0862884cf630e38, 0xbe1cf2186072f2cc,  // 487
    0xc0862886dbefeff0, 0xbe1cef9217633d34,  // 488
    0xc0862888e7f699e0, 0xbe1cf05603549486,  // 489
    0xc086288af37750b0, 0xbe1cef50fff513d3,  // 490
    0xc086288cfe7258c0, 0xbe1cf127713b32d0,  // 491
    0xc086288f08e7f650, 0xbe1cf05015520f3d,  // 492
    0xc086289112d86d58, 0xbe1cf12eb458b26f,  // 493
    0xc08628931c4401a8, 0xbe1cf22eae2887ed,  // 494
    0xc0862895252af6e0, 0xbe1cefdd6656dd2d,  // 495
    0xc08628972d8d9058, 0xbe1cf1048ea4e646,  // 496
    0xc0862899356c1150, 0xbe1ceec4501167e9,  // 497
    0xc086289b3cc6bcb8, 0xbe1cf0ad52becc3f,  // 498
    0xc086289d439dd568, 0xbe1cf0daa4e00e35,  // 499
    0xc086289f49f19df8, 0xbe1cf00b80de8d6a,  // 500
    0xc08628a14fc258c8, 0xbe1cf1bcf2ea8464,  // 501
    0xc08628a355104818, 0xbe1cf0435e2782b0,  // 502
    0xc08628a559dbade0, 0xbe1cf0e3e1a5f56c,  // 503
    0xc08628a75e24cbf8, 0xbe1cefed9d5a721d,  // 504
    0xc08628a961ebe3f8, 0xbe1cf0d2d74321e2,  // 505
    0xc08628ab65313750, 0xbe1cf24200eb55e9,  // 506
    0xc08628ad67f50740, 0xbe1cf23e9d7cf979,  // 507
    0xc08628af6a3794d0, 0xbe1cf23a088f421c,  // 508
    0xc08628b16bf920e0, 0xbe1cef2c1de1ab32,  // 509
    0xc08628b36d39ec08, 0xbe1cf1abc231f7b2,  // 510
    0xc08628b56dfa36d0, 0xbe1cf2074d5ba303,  // 511
    0xc08628b76e3a4180, 0xbe1cf05cd5eed880,  // 512
]

/// (inv, ghi, glo) for j = 0...64 (rare path; see header).
@usableFromInline
let _torchLnRareTable: [UInt64] = [
    0x3ff0000000000000, 0x0000000000000000, 0x0000000000000000,  // 0
    0x3fef800000000000, 0x3f90205658900000, 0x3d6ac23a4f91d083,  // 1
    0x3fef080000000000, 0x3f9f7a9b16800000, 0xbd7f5ea936c720c1,  // 2
    0x3fee900000000000, 0x3fa788595a380000, 0xbd74422c3420ece9,  // 3
    0x3fee200000000000, 0x3faeea31c0080000, 0xbd647844f93f24ee,  // 4
    0x3fedb00000000000, 0x3fb333d7f8180000, 0x3d4fa5b5255f91df,  // 5
    0x3fed400000000000, 0x3fb700d30aec0000, 0xbd73f1f0b92b3109,  // 6
    0x3fecd80000000000, 0x3fba956d3ecc0000, 0xbd7219c86b3fd3b5,  // 7
    0x3fec700000000000, 0x3fbe3707ee300000, 0x3d521ed09ccecd58,  // 8
    0x3fec100000000000, 0x3fc0ce7ecdcc0000, 0x3d785194b6affd51,  // 9
    0x3febac0000000000, 0x3fc299d30c600000, 0x3d6ba9a00f3b811b,  // 10
    0x3feb500000000000, 0x3fc4462b9dca0000, 0xbd63090b14e2360c,  // 11
    0x3feaf40000000000, 0x3fc5f830a1a60000, 0xbd5ab765d9c00f91,  // 12
    0x3fea980000000000, 0x3fc7b00916520000, 0xbd75ae75fcb067e5,  // 13
    0x3fea400000000000, 0x3fc95a5adcf80000, 0xbd7fd01baf4ebe01,  // 14
    0x3fe9ec0000000000, 0x3fcaf68956100000, 0x3d7b75bebba042b6,  // 15
    0x3fe9980000000000, 0x3fcc97f8079e0000, 0xbd776274f2b9c8ca,  // 16
    0x3fe9480000000000, 0x3fce2a877a6c0000, 0xbd7a7dc7e8878f7e,  // 17
    0x3fe8f80000000000, 0x3fcfc218be620000, 0x3d34bba46f1cf6a0,  // 18
    0x3fe8ac0000000000, 0x3fd0a504e97c0000, 0xbd72fcf6b1996f3c,  // 19
    0x3fe8600000000000, 0x3fd16b5ccbad0000, 0xbd323299042d74bf,  // 20
    0x3fe8180000000000, 0x3fd22981fbef0000, 0x3d7e5ebde9f6a7f2,  // 21
    0x3fe7d00000000000, 0x3fd2e9e2bce10000, 0x3d614300c128d1dc,  // 22
    0x3fe78c0000000000, 0x3fd3a1ac802f0000, 0x3d6b31d9e73357b2,  // 23
    0x3fe7440000000000, 0x3fd4668bf41f0000, 0xbd39af1762c5a8f7,  // 24
    0x3fe7040000000000, 0x3fd5178d9ab50000, 0x3d755c1530fe963b,  // 25
    0x3fe6c00000000000, 0x3fd5d5bddf590000, 0x3d77cbe9abeeb734,  // 26
    0x3fe6800000000000, 0x3fd68ac83e9c0000, 0x3d7a8506993ab75d,  // 27
    0x3fe6440000000000, 0x3fd736580f3b0000, 0xbd549aad3164c09a,  // 28
    0x3fe6040000000000, 0x3fd7ef5861cc0000, 0x3d7b9de846a7bbc4,  // 29
    0x3fe5c80000000000, 0x3fd89eb3af430000, 0x3d643a2c0c1e444e,  // 30
    0x3fe5900000000000, 0x3fd9441434a00000, 0x3d692cb81c95fff4,  // 31
    0x3fe5540000000000, 0x3fd9f7240cc10000, 0xbd524eb72745bc32,  // 32
    0x3fe51c0000000000, 0x3fdaa00cae230000, 0xbd753b747c1a0a4b,  // 33
    0x3fe4e40000000000, 0x3fdb4ab7bdf10000, 0xbd7e9b9c673c1799,  // 34
    0x3fe4b00000000000, 0x3fdbeacd9e270000, 0x3d5ad14ddb70f36a,  // 35
    0x3fe47c0000000000, 0x3fdc8c77e01a0000, 0xbd729fe77b763d68,  // 36
    0x3fe4480000000000, 0x3fdd2fbe93200000, 0x3d6a6382a878f0d6,  // 37
    0x3fe4140000000000, 0x3fddd4aa04e20000, 0xbd6da4f5da41fca0,  // 38
    0x3fe3e40000000000, 0x3fde6e62a6da0000, 0x3d73953f7c7a64e9,  // 39
    0x3fe3b00000000000, 0x3fdf168f7fb00000, 0x3d7714825fac1f9d,  // 40
    0x3fe3800000000000, 0x3fdfb358af7a0000, 0x3d72210bf4782c92,  // 41
    0x3fe3540000000000, 0x3fe02232ccb38000, 0xbd7cee1c5fd02bba,  // 42
    0x3fe3240000000000, 0x3fe0720e5c410000, 0xbd7071d8bff4fc04,  // 43
    0x3fe2f80000000000, 0x3fe0bbf2fd240000, 0xbd715f8bfa94a194,  // 44
    0x3fe2c80000000000, 0x3fe10d53cbc08000, 0x3d1efc5cb54f6af7,  // 45
    0x3fe2a00000000000, 0x3fe151c3f6f28000, 0x3d66122685d6c51b,  // 46
    0x3fe2740000000000, 0x3fe19db6ba0b8000, 0x3d72db3ac42d2513,  // 47
    0x3fe2480000000000, 0x3fe1ea5f6e710000, 0xbd647d17028ff35d,  // 48
    0x3fe2200000000000, 0x3fe230b0d8be8000, 0x3d7e4bf019b9219a,  // 49
    0x3fe1f80000000000, 0x3fe2779e1ec90000, 0x3d7f6523373359b8,  // 50
    0x3fe1d00000000000, 0x3fe2bf29f9840000, 0x3d6c3b1470c3a770,  // 51
    0x3fe1a80000000000, 0x3fe30757344f0000, 0x3d5c26fa1598bc0d,  // 52
    0x3fe1800000000000, 0x3fe35028ad9d8000, 0x3d590b83f9527e6b,  // 53
    0x3fe15c0000000000, 0x3fe39240dde60000, 0xbd78b6c241548a75,  // 54
    0x3fe1340000000000, 0x3fe3dc5296588000, 0xbd70b13c9e02de3d,  // 55
    0x3fe1100000000000, 0x3fe41f8ff8470000, 0x3d6d610f75d329a4,  // 56
    0x3fe0ec0000000000, 0x3fe4635bcf410000, 0xbd7118b9515f69ab,  // 57
    0x3fe0c80000000000, 0x3fe4a7b87bf20000, 0xbd45f6e2d8a4cd62,  // 58
    0x3fe0a80000000000, 0x3fe4e4f832c58000, 0xbd6f2292111a86b1,  // 59
    0x3fe0840000000000, 0x3fe52a6d269c0000, 0xbd7cffddd9709763,  // 60
    0x3fe0640000000000, 0x3fe568aa01950000, 0xbd63913b7195c060,  // 61
    0x3fe0400000000000, 0x3fe5af405c368000, 0xbd7b102ce29f79b0,  // 62
    0x3fe0200000000000, 0x3fe5ee82aa240000, 0x3d69202380cda46c,  // 63
    0x3fe0000000000000, 0x3fe62e42fefa3800, 0x3d2ef35793c76730,  // 64
]
