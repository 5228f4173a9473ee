#!/usr/bin/env python3
"""Regenerate MKL's vdcos_data_ha / vdsin_data_ha tables (512 entries x 4 doubles) from a formula.
For j in 0..511, a = j*pi/256, f = cos (or sin), g = f' = -sin (or cos):
  C = RN(f(a))                              (double nearest)
  D = f(a) - C truncated toward zero to 24 significant bits (a float)
  B = g(a) rounded to the nearest power of two (sign kept; 0 if g(a) == 0)
  A = RN(g(a) - B)
Stored per entry in the order A, B, C, D.  Exact zeros of cos/sin (j multiple of 128) give 0.
Usage: gen_trig_table.py cos|sin [--check] [--swift]"""
import mpmath, math, os, struct, sys
mpmath.mp.prec = 400
M = mpmath.mpf
def trunc24(x):
    x = float(x) if False else x
    if x == 0: return 0.0
    # exact truncation toward zero to 24 significant bits
    e = int(mpmath.floor(mpmath.log(abs(x), 2)))
    while abs(x) >= M(2)**(e+1): e += 1
    while abs(x) < M(2)**e: e -= 1
    q = mpmath.floor(abs(x) * M(2)**(23-e))
    return math.copysign(float(q * M(2)**(e-23)), float(x))
def table(fn):
    out = []
    for j in range(512):
        a = M(j) * mpmath.pi / 256
        if fn == 'cos':
            f, g = mpmath.cos(a), -mpmath.sin(a)
        else:
            f, g = mpmath.sin(a), mpmath.cos(a)
        if j % 128 == 0:   # exact values
            f = M(round(float(f))); g = M(round(float(g)))
        C = float(f)
        D = trunc24(f - M(C))
        if g == 0: B = 0.0
        else:
            m, e = math.frexp(abs(float(g)))
            # nearest power of two: 2^(e-1) if |g| < 1.5*2^(e-1), else 2^e
            B = math.ldexp(0.5, e) if abs(g) < M(0.75) * M(2)**e else math.ldexp(1.0, e)
            B = math.copysign(B, float(g))
        A = float(g - M(B))
        out.append((A, B, C, D))
    return out
def bits(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
if __name__ == '__main__':
    fn = sys.argv[1]
    T = table(fn)
    if '--check' in sys.argv:
        # --check compares with the table inside libmkl_vml_def.so.2, read by a helper module
        # `mem` (not shipped: it reads MKL's binary); put its folder in MKL_TOOLS.
        sys.path.insert(0, os.environ.get('MKL_TOOLS', '.'))
        from mem import d
        base = {'cos': 0x68ab40, 'sin': 0x69af40}[fn]
        bad = sum(1 for j in range(512) for k in range(4) if bits(T[j][k]) != bits(d(base + 32*j + 8*k)[0]))
        print('%s table: %d of 2048 words differ from MKL' % (fn, bad))
    if '--swift' in sys.argv:
        for j in range(512):
            print('    ' + ', '.join('0x%016x' % bits(v) for v in T[j]) + ',')
    if '--c' in sys.argv:
        for j in range(512):
            print('  ' + ', '.join('0x%016xull' % bits(v) for v in T[j]) + ',')
