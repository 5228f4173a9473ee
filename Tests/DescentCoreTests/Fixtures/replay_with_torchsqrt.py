#!/usr/bin/env python3
"""Replay a golden with torch's tensor sqrt replaced by Descent's `torchSqrt` (the AMD vdSqrt
emulation), to check that a golden made on another machine differs from Descent only through
MKL's sqrt kernel (see goldens-pending/dossier_notes.md, "Machine caveat").

Usage (from this folder):  MKL_CBWR=COMPATIBLE python replay_with_torchsqrt.py goldens/ID.json [OUT.json]
Prints whether a plain rerun here reproduces the golden, how many sqrt calls torchSqrt changes,
and where the torchSqrt replay first departs from the golden; OUT.json gets the replay (same
format as a golden: put it in goldens/ in place of the original, temporarily, and
OptimizerParityTests then shows whether Descent matches it bit for bit).
A TorchFunctionMode intercepts sqrt, sqrt_, _foreach_sqrt(_) and pow(0.5) on float64 tensors;
the roots come from a small helper compiled from ../../../Sources/DescentCore/Numerics/TorchSqrt.swift
(built once into $TMPDIR with swiftc — through the shared build lock if there is one), and the case is
rerun until every root it needs is known.
"""
import sys, json, struct, subprocess, math, os, tempfile
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import torch
from torch.overrides import TorchFunctionMode
import make_goldens as mg


HELPER_MAIN = r"""
import Foundation  // links the C library (sqrt) for TorchSqrt.swift
// Reads lines "f64 <hex bits>", prints torchSqrt's result bits in hex.
while let line = readLine() {
    let parts = line.split(separator: " ")
    if parts.count == 2, let bits = UInt64(parts[1], radix: 16) {
        print(String(torchSqrt(Double(bitPattern: bits)).bitPattern, radix: 16))
    }
}
"""


def helper():
    """The compiled torchSqrt helper, built on first use."""
    exe = os.path.join(tempfile.gettempdir(), 'descent_torchsqrt')
    source = os.path.join(HERE, '../../../Sources/DescentCore/Numerics/TorchSqrt.swift')
    if not os.path.exists(exe) or os.path.getmtime(exe) < os.path.getmtime(source):
        folder = os.path.join(tempfile.gettempdir(), 'descent_torchsqrt_src')
        os.makedirs(folder, exist_ok=True)
        main = os.path.join(folder, 'main.swift')  # top-level code must be in main.swift
        open(main, 'w').write(HELPER_MAIN)
        command = ['swiftc', '-O', source, main, '-o', exe]
        if os.path.exists('/tmp/swift.lock'):
            command = ['flock', '/tmp/swift.lock'] + command
        subprocess.run(command, check=True)
    return exe

CACHE = {}
MISSING = set()
STATS = {'calls': 0, 'changed': 0}

def fix_tensor(inp, out):
    if out.dtype != torch.float64:
        return
    flat_in = inp.detach().reshape(-1).tolist()
    flat_out = out.detach().reshape(-1)
    vals = flat_out.tolist()
    changed = False
    for i, x in enumerate(flat_in):
        b = struct.unpack('<Q', struct.pack('<d', x))[0]
        r = CACHE.get(b)
        if r is None:
            MISSING.add(b)
            continue
        y = struct.unpack('<d', struct.pack('<Q', r))[0]
        if not (y == vals[i] or (math.isnan(y) and math.isnan(vals[i]))):
            vals[i] = y; changed = True
    STATS['calls'] += 1
    if changed:
        STATS['changed'] += 1
        with torch.no_grad():
            flat_out.copy_(torch.tensor(vals, dtype=torch.float64))

SQRT = {'sqrt', 'sqrt_', '_foreach_sqrt', '_foreach_sqrt_'}
POW = {'pow', 'pow_', '_foreach_pow', '_foreach_pow_'}

class AMDSqrt(TorchFunctionMode):
    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        name = getattr(func, '__name__', '')
        is_sqrt = name in SQRT
        if name in POW and len(args) > 1 and isinstance(args[1], float) and args[1] == 0.5:
            is_sqrt = True
        if not is_sqrt:
            return func(*args, **kwargs)
        x = args[0]
        if isinstance(x, (list, tuple)):
            inputs = [t.detach().clone() for t in x]
        else:
            inputs = x.detach().clone()
        out = func(*args, **kwargs)
        if name.endswith('_'):
            target = x
        else:
            target = out
        if isinstance(inputs, list):
            for i_, o_ in zip(inputs, target):
                fix_tensor(i_, o_)
        else:
            fix_tensor(inputs, target)
        return out

def fill_missing():
    if not MISSING:
        return False
    lines = ''.join(f'f64 {b:x}\n' for b in sorted(MISSING))
    res = subprocess.run([helper()], input=lines, capture_output=True, text=True).stdout.split()
    for b, r in zip(sorted(MISSING), res):
        CACHE[b] = int(r, 16)
    MISSING.clear()
    return True

def replay(case):
    for it in range(50):
        with AMDSqrt():
            out = mg.run(case)
        if not fill_missing():
            return out
    raise RuntimeError('did not converge')

if __name__ == '__main__':
    path = sys.argv[1]
    case = json.load(open(path))
    spec = {k: v for k, v in case.items() if k not in ('trajectory', 'loss')}
    intel = mg.run(spec)
    same = intel['trajectory'] == case['trajectory'] and intel['loss'] == case['loss']
    out = replay(spec)
    first = None
    for k, (a, b) in enumerate(zip(out['trajectory'], case['trajectory'])):
        if a != b:
            first = k; break
    worst = max(abs(a - b) / max(1, abs(b)) for pa, pb in zip(out['trajectory'], case['trajectory']) for a, b in zip(pa, pb))
    print(f"{case['id']}: rerun-here==golden {same}; sqrt calls {STATS['calls']}, AMD-differs {STATS['changed']}; AMD-emulated vs golden first diff step {first}, worst rel {worst:.3g}")
    if len(sys.argv) > 2:
        json.dump(out, open(sys.argv[2], 'w'))
