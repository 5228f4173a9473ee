#!/usr/bin/env python3
"""Regenerates MKL's vdln_data table (entries k = 0..512 for R = 512 + k) from a formula.
LN2HI = 0x1.62e42fefa0000p-1, LN2LO = 0x1.cf79abc9e0000p-40 (MKL's two-part ln 2):
  g   = -ln(R/1024)   (= ln(1024/R), in [0, ln 2])
  gh  = g rounded to the nearest multiple of 2^-40
  (k = 0, i.e. g = ln 2, uses ln 2 = LN2HI + LN2LO: gh = LN2HI, Llo = -1022*LN2LO)
  Lhi = gh - 1023*LN2HI        (exact)
  Llo = RN((g - gh) - 1023*LN2LO)
Usage: gen_ln_table.py [--check]"""
import mpmath, sys, struct
mpmath.mp.prec = 300
M = mpmath.mpf
LN2HI = M(float.fromhex('0x1.62e42fefa0000p-1')); LN2LO = M(float.fromhex('0x1.cf79abc9e0000p-40'))
def entry(k):
    R = 512 + k
    g = -mpmath.log(M(R) / 1024)
    gh = LN2HI if k == 0 else mpmath.nint(g * M(2)**40) / M(2)**40
    hi = gh - 1023 * LN2HI
    assert M(float(hi)) == hi
    if k == 0: return float(hi), float(LN2LO - 1023 * LN2LO)   # ln 2 taken as LN2HI + LN2LO
    return float(hi), float((g - gh) - 1023 * LN2LO)
def table(): return [entry(k) for k in range(513)]
def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
if __name__ == '__main__' and '--check' in sys.argv:
    from mem import d
    T = table()
    bad = sum((bits(T[k][0]), bits(T[k][1])) != tuple(map(bits, d(0x684000 + 16*k, 2))) for k in range(513))
    print('ln table: %d of 513 entries differ from MKL' % bad)
