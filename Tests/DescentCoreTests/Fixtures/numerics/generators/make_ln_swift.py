#!/usr/bin/env python3
"""Writes TorchLog.swift: regenerates the ln tables from formulas (mpmath) and embeds the RCPPS
decrement words measured by ./gen_rcp_table (run on the target CPU)."""
import mpmath, struct, subprocess, sys
from gen_ln_table import table, bits
mpmath.mp.prec = 300
M = mpmath.mpf
T = table()
LN2HI = M(float.fromhex('0x1.62e42fefa3800p-1')); LN2LO = M(float.fromhex('0x1.ef35793c76730p-45'))
rare = []
for j in range(65):
    inv = float(mpmath.nint(M(2048) / (1 + M(j) / 64)) / 2048)
    if j == 64: hi, lo = float(LN2HI), float(LN2LO)
    else:
        g = -mpmath.log(M(inv)); hi = float(mpmath.nint(g * M(2)**38) / M(2)**38); lo = float(g - M(hi))
    rare.append((inv, hi, lo))
rcp = subprocess.run(['./gen_rcp_table'], capture_output=True, text=True, check=True).stdout
ln = '\n'.join('    0x%016x, 0x%016x,  // %d' % (bits(h), bits(l), k) for k, (h, l) in enumerate(T))
rr = '\n'.join('    ' + ', '.join('0x%016x' % bits(v) for v in r) + ',  // %d' % j for j, r in enumerate(rare))
rc = '\n'.join('    ' + l.strip() for l in rcp.strip().split('\n'))
src = open('TorchLog.swift.in').read().replace('@@LN@@', ln).replace('@@RARE@@', rr).replace('@@RCP@@', rc)
open('TorchLog.swift', 'w').write(src)
if '--check' in sys.argv:
    from mem import d
    inv_bad = sum(rare[j][0] != d(0x687480 + 24*j)[0] for j in range(65))
    split_bad = sum(tuple(map(bits, rare[j])) != tuple(map(bits, d(0x687480 + 24*j, 3))) for j in range(65))
    print('rare table: inv differs in %d, (inv,ghi,glo) differs in %d of 65 entries' % (inv_bad, split_bad))
