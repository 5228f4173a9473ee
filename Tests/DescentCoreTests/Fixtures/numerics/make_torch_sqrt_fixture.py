#!/usr/bin/env python3
"""Generate a test fixture for torchSqrt: input/output bit patterns from MKL vdSqrt
(= torch float64 CPU sqrt on AMD). Run with the venv that has the `mkl` wheel:
    MKL_RT=.../libmkl_rt.so.2 python make_torch_sqrt_fixture.py > torch_sqrt_fixture.txt
Line format: '<x bits hex> <vdSqrt(x) bits hex>'  (16 hex digits each)."""
import ctypes, math, os, random, struct, sys

# The `mkl==2024.2.0` wheel from PyPI (the MKL torch 2.15 bundles): pip install mkl==2024.2.0 into a venv
# and point MKL_RT at its lib/libmkl_rt.so.2.
LIB = os.environ.get('MKL_RT', os.path.join(sys.prefix, 'lib', 'libmkl_rt.so.2'))
rt = ctypes.CDLL(os.path.abspath(LIB), mode=ctypes.RTLD_GLOBAL)

def b2d(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
def d2b(d): return struct.unpack('<Q', struct.pack('<d', d))[0]

def vdsqrt(xs):
    n = len(xs)
    X = (ctypes.c_double * n)(*xs); Y = (ctypes.c_double * n)()
    rt.vdSqrt(ctypes.c_int(n), X, Y)
    return list(Y)

rng = random.Random(20261125)
cases = []
# specials and edges
for b in [0, 1 << 63, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000, 0xfff8000000000000,
          0x7ff0000000000001, 0xfff4000000000000, 0x3ff0000000000000, 0xbff0000000000000,
          0x4000000000000000, 0x4010000000000000, 0x0010000000000000, 0x000fffffffffffff, 1,
          0x8000000000000001, 0x7fefffffffffffff, 0x7fd0000000000000, 0x7fcfffffffffffff,
          0x0010000000000001, 0x3fffffffffffffff, 0x3fefffffffffffff]:
    cases.append(b2d(b))
# random normals over all exponents, subnormals, huge, negatives, NaN payloads
cases += [b2d((rng.getrandbits(52)) | (rng.randrange(1, 2047) << 52)) for _ in range(1500)]
cases += [b2d(rng.getrandbits(52) >> rng.randrange(0, 52)) for _ in range(150)]
cases += [b2d(rng.getrandbits(53) | (0x7fd << 52)) for _ in range(150)]
cases += [-abs(b2d(rng.getrandbits(63))) for _ in range(50)]
cases += [b2d((0x7ff << 52) | (rng.getrandbits(1) << 63) | (rng.getrandbits(52) or 1)) for _ in range(20)]
cases += [float(rng.randrange(0, 10**8)) * rng.choice([1.0, 0.001, 1e-7]) for _ in range(300)]
# near-midpoint cases where MKL is not correctly rounded (the interesting ones)
wrong = []
while len(wrong) < 1500:
    cand = [b2d((rng.getrandbits(52)) | (rng.randrange(1, 2046) << 52)) for _ in range(50000)]
    for x, y in zip(cand, vdsqrt(cand)):
        if y != math.sqrt(x):
            wrong.append(x)
cases += wrong[:1500]
ys = vdsqrt(cases)
print('# torch/MKL 2024.2 vdSqrt (AMD, def kernel) fixture: x_bits y_bits; %d cases, last 1500 are not correctly rounded' % len(cases))
for x, y in zip(cases, ys):
    print('%016x %016x' % (d2b(x), d2b(y)))
