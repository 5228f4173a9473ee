#!/usr/bin/env python3
"""Writes TorchCos.swift (shared MKL trig machinery + cos) and TorchSin.swift.
The 512x4 table and the 1/(2pi) bits are regenerated from formulas (gen_trig_table.py, mpmath)."""
import mpmath, struct
from gen_trig_table import table, bits
mpmath.mp.prec = 3000
T = table('cos')
v = int(mpmath.floor(mpmath.ldexp(1/(2*mpmath.pi), 1280)))
inv2pi = [(v >> (64*(19-i))) & ((1 << 64) - 1) for i in range(20)]
rows = '\n'.join('    ' + ', '.join('0x%016x' % bits(x) for x in T[j]) + ',  // %d' % j for j in range(512))
inv = '\n'.join('    ' + ', '.join('0x%016x' % w for w in inv2pi[i:i+4]) + ',' for i in range(0, 20, 4))
cos_src = open('TorchCos.swift.in').read().replace('@@TABLE@@', rows).replace('@@INV2PI@@', inv)
open('TorchCos.swift', 'w').write(cos_src)
