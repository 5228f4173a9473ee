#!/usr/bin/env python3
"""Regenerates the exp tables from formulas (mpmath), checks them against MKL's vdexp_data /
_imldExpHATab if libmkl_vml_def.so.2 is available (--check), and writes TorchExp.swift."""
import mpmath, struct, sys
mpmath.mp.prec = 200
M = mpmath.mpf
def b(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
T, Tlo, Tq = [], [], []
for j in range(64):
    v = mpmath.power(2, M(j) / 64); t = float(v)
    T.append(t); Tlo.append(float(v - M(t))); Tq.append(float((v - M(t)) / M(t)))
if '--check' in sys.argv:
    from mem import q
    bad = sum(q(0x683240 + 16*j, 2) != (b(T[j]), b(Tlo[j])) for j in range(64))
    bad += sum(q(0x683a80 + 16*j, 2) != (b(T[j]), b(Tq[j])) for j in range(64))
    print('exp tables: %d of 128 entries differ from MKL' % bad)
fmt = lambda a: '\n'.join('    ' + ', '.join('0x%016x' % b(x) for x in a[i:i+4]) + ',' for i in range(0, 64, 4))
src = open('TorchExp.swift.in').read().replace('@@T@@', fmt(T)).replace('@@TLO@@', fmt(Tlo)).replace('@@TQ@@', fmt(Tq))
open('TorchExp.swift', 'w').write(src)
