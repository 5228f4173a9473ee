#!/usr/bin/env python3
"""Generate test fixtures for torchCos / torchSin / torchExp / torchLog: input/output bit patterns from
MKL vdCos / vdSin / vdExp / vdLn (= torch float64 CPU cos/sin/exp/log on AMD). Needs only ctypes + the MKL wheel:
    python gen_fixture.py cos > torch_cos_fixture.txt   (or sin, exp, log; a venv with mkl==2024.2.0)
Line format: '<x bits hex> <f(x) bits hex>' (16 hex digits each). The last 1500 lines hold inputs
where MKL and glibc disagree (by 1 ulp): exactly the cases a glibc-based implementation gets wrong.
(For cos/sin most of those are glibc's rounding errors, for exp/log mostly MKL's.)"""
import ctypes, math, os, random, struct, sys

LIB = os.environ.get('MKL_RT', os.path.join(sys.prefix, 'lib', 'libmkl_rt.so.2'))  # the mkl==2024.2.0 wheel
rt = ctypes.CDLL(os.path.abspath(LIB), mode=ctypes.RTLD_GLOBAL)
H = float.fromhex
def b2d(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
def d2b(d): return struct.unpack('<Q', struct.pack('<d', d))[0]
fn = sys.argv[1]
vname, glibc = {'cos': ('vdCos', math.cos), 'sin': ('vdSin', math.sin), 'exp': ('vdExp', math.exp),
                'log': ('vdLn', math.log)}[fn]
def mkl(xs):
    n = len(xs); X = (ctypes.c_double * n)(*xs); Y = (ctypes.c_double * n)()
    getattr(rt, vname)(ctypes.c_int(n), X, Y); return list(Y)
def glib(x):
    try: return glibc(x)
    except OverflowError: return math.inf
    except ValueError: return math.nan
rng = random.Random({'cos': 1, 'sin': 2, 'exp': 3, 'log': 4}[fn] * 20261125)
U = lambda a, b: a + (b - a) * rng.random()
def near(v, k): return b2d(d2b(v) + rng.randint(-k, k))
cases = [b2d(b) for b in [0, 1 << 63, 0x7ff0000000000000, 0xfff0000000000000, 0x7ff8000000000000,
        0xfff8000000000000, 0x7ff0000000000001, 0xfff4000000000000, 1, 0x8000000000000001,
        0x0010000000000000, 0x000fffffffffffff, 0x7fefffffffffffff, 0xffefffffffffffff,
        0x3ff0000000000000, 0xbff0000000000000]]
if fn in ('cos', 'sin'):
    th = H('0x1.000000e4db24cp+16')   # MKL's small/large-argument threshold
    cases += [th, -th, math.nextafter(th, math.inf), -math.nextafter(th, math.inf), 65536.0, math.pi,
              -math.pi, math.pi / 2, math.pi / 4, 1e22, 2.0**1023, 1e-300, 2.0**-26, 2.0**-27]
    cases += [2 * math.pi * U(-10, 10) for _ in range(600)]
    cases += [U(-50, 50) for _ in range(400)]
    cases += [U(-1, 1) for _ in range(200)]
    cases += [near(k * math.pi / 256, 1 << 20) for k in (rng.randint(-4096, 4096) for _ in range(200))]
    cases += [near(k * math.pi / 2, 8) for k in (rng.randint(-64, 64) for _ in range(100))]
    cases += [math.copysign(2.0 ** rng.uniform(-60, 16), rng.choice([-1, 1])) for _ in range(200)]
    cases += [U(-70000, 70000) for _ in range(100)]
    cases += [b2d((rng.getrandbits(52)) | (rng.randrange(1039, 2047) << 52) | (rng.getrandbits(1) << 63)) for _ in range(300)]
    pool = lambda: 2 * math.pi * U(-10, 10) if rng.random() < 0.7 else U(-70000, 70000)
elif fn == 'log':
    cases += [2.0, 0.5, 10.0, math.e, 1e-300, 1e300, 2.0**-1023, 2.0**-1074, H('0x1.fffffffffffffp-1'),
              H('0x1.0000000000001p+0'), -1.0, -2.0**-1074]
    cases += [math.exp(U(-30, 30)) for _ in range(800)]
    cases += [U(0.5, 2) for _ in range(300)]
    cases += [1 + U(-2.0**-9, 2.0**-9) for _ in range(200)]
    cases += [b2d((rng.getrandbits(52)) | (rng.randrange(1, 2047) << 52)) for _ in range(300)]
    # mantissas near the steps of the RCPPS-derived index (multiples of 2^41 in the double mantissa)
    cases += [b2d((((rng.randrange(4097) << 41) + rng.randint(-2**30, 2**30)) & (2**52 - 1)) | (rng.randrange(1, 2047) << 52)) for _ in range(300)]
    cases += [b2d(rng.getrandbits(52) >> rng.randrange(0, 52)) for _ in range(200)]   # subnormals
    cases += [b2d(rng.getrandbits(64)) for _ in range(100)]
    pool = lambda: math.exp(U(-30, 30)) if rng.random() < 0.5 else U(0.5, 2)
else:
    cases += [H('0x1.62e42fefa39efp+9'), H('0x1.62e42fefa39f0p+9'), -H('0x1.74910d52d3051p+9'), -H('0x1.74910d52d3052p+9'),
              -H('0x1.6232bdd7abcd2p+9'), -H('0x1.6232bdd7abcd3p+9'), H('0x1.6232a4086232ap+9'), H('0x1.6232a5p+9'),
              -H('0x1.6232a5p+9'), 2.0**-52, 2.0**-53, -2.0**-53, 1e-300, 709.0, 709.78, -708.0, -745.0,
              math.log(2), 1000.0, -1000.0]
    cases += [U(-50, 50) for _ in range(800)]
    cases += [U(-1, 1) for _ in range(200)]
    cases += [U(708, 709.8) for _ in range(150)]
    cases += [U(-745.2, -708) for _ in range(250)]
    cases += [near(rng.choice([H('0x1.62e42fefa39efp+9'), -H('0x1.74910d52d3051p+9'), -H('0x1.6232bdd7abcd2p+9'),
                               H('0x1.6232a4086232ap+9'), -H('0x1.6232a4086232ap+9')]), 1 << 16) for _ in range(200)]
    cases += [math.copysign(2.0 ** rng.uniform(-70, 9), rng.choice([-1, 1])) for _ in range(200)]
    cases += [b2d(rng.getrandbits(64)) for _ in range(100)]
    pool = lambda: U(-50, 50) if rng.random() < 0.8 else U(-745, 709.7)
nregular = len(cases)
wrong = []
while len(wrong) < 1500:
    cand = [pool() for _ in range(20000)]
    wrong += [x for x, y in zip(cand, mkl(cand)) if y != glib(x)]
cases += wrong[:1500]
ys = mkl(cases)
print('# torch/MKL 2024.2 %s (AMD, def kernel) fixture: x_bits y_bits; %d cases, last 1500 are inputs where MKL and glibc disagree' % (vname, len(cases)))
for x, y in zip(cases, ys):
    print('%016x %016x' % (d2b(x), d2b(y)))
