#!/usr/bin/env python3
"""make_goldens.py with torch's float64 tensor square root replaced by the AMD one Descent emulates.

For goldens made on an Intel machine, where MKL's tensor `sqrt` (another rsqrt-seeded kernel than
the AMD `vdSqrt` of the project's reference machines; see goldens-pending/dossier_notes.md, "Machine
caveat") differs in the last bit from time to time, and a chaotic trajectory then leaves the parity
tolerance. This runs the real library as make_goldens.py does, but every float64 `Tensor.sqrt`,
`sqrt_`, `torch.sqrt`, `torch._foreach_sqrt(_)` and `pow(0.5)` returns the AMD kernel's result,
computed as Sources/DescentCore/Numerics/TorchSqrt.swift documents it (the RSQRTPS table is read from
that file); with autograd, its derivative is torch's `grad / (2 * result)`. Everything else (exp,
sin, cos under MKL_CBWR=COMPATIBLE) is torch's own. Each golden it writes says so in `"sqrt"`.

Usage (from this folder):  MKL_CBWR=COMPATIBLE python make_goldens_amdsqrt.py --out DIR SPEC.json [--only ID ...]
"""
import json, math, os, re, struct, sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import make_goldens  # noqa: E402  (sets the default dtype to float64)

SOURCE = os.path.join(HERE, "..", "..", "..", "Sources", "DescentCore", "Numerics", "TorchSqrt.swift")
NOTE = "AMD vdSqrt (torch's float64 tensor sqrt replaced by make_goldens_amdsqrt.py on an Intel machine)"


def rsqrt_table():
    src = open(SOURCE).read()
    start = src.index("amdRsqrtDeltas: [UInt64] = [") + len("amdRsqrtDeltas: [UInt64] = [")
    deltas = [int(h, 16) for h in re.findall(r"0x([0-9a-fA-F]+)", src[start:src.index("]", start)])]
    table, v = [8191], 8191
    for k in range(1, 8192):
        v -= (deltas[(k - 1) >> 5] >> (((k - 1) & 31) << 1)) & 3
        table.append(v)
    assert v == 4096
    return table


TABLE = rsqrt_table()


def bits(x): return struct.unpack("<Q", struct.pack("<d", x))[0]
def double(u): return struct.unpack("<d", struct.pack("<Q", u))[0]


def amd_sqrt(x):
    """One float64 root as MKL's generic vdSqrt kernel computes it on AMD Zen (see TorchSqrt.swift)."""
    u = bits(x)
    if not 0x00100000 <= u >> 32 <= 0x7FCFFFFF:
        if x != x or x == 0: return x
        return float("nan") if x < 0 else math.sqrt(x)
    e = (u >> 52) & 0x7FF
    odd = e & 1
    y = double((((0xBFE - e - odd) & (2**64 - 1)) >> 1) << 52) * (TABLE[((1 - odd) << 12) | ((u >> 40) & 0xFFF)] * 2.0**-13)
    y2 = y * y
    xh = double(u & 0xFFFFFFFFF8000000)
    xl = x - xh
    eps = (1.0 - xh * y2) - xl * y2
    p = eps * 0.27343754675366555 + 0.31250016501874495
    p = p * eps + 0.37500000000001366
    p = p * eps + 0.49999999999997785
    p = ((p * eps) * y) * x
    return xh * y + (xl * y + p)


def _raw(t):
    return torch.tensor([amd_sqrt(v) for v in t.detach().reshape(-1).tolist()], dtype=torch.float64).reshape(t.shape)


class _Sqrt(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        r = _raw(x)
        ctx.save_for_backward(r)
        return r

    @staticmethod
    def backward(ctx, g):
        (r,) = ctx.saved_tensors
        return g / (2 * r)


_sqrt, _pow = torch.Tensor.sqrt, torch.Tensor.pow


def tsqrt(t):
    if t.dtype != torch.float64: return _sqrt(t)
    return _Sqrt.apply(t) if t.requires_grad else _raw(t)


def patch():
    def sqrt_(self):
        self.copy_(tsqrt(self))
        return self

    def torch_sqrt(x, *args, out=None):
        r = tsqrt(x)
        if out is None: return r
        out.copy_(r)
        return out

    def foreach_sqrt_(ts):
        for t in ts: t.copy_(tsqrt(t))

    def pow_(self, e):
        if isinstance(e, (int, float)) and e == 0.5 and self.dtype == torch.float64: return tsqrt(self)
        return _pow(self, e)

    torch.Tensor.sqrt, torch.Tensor.sqrt_, torch.sqrt = tsqrt, sqrt_, torch_sqrt
    torch._foreach_sqrt, torch._foreach_sqrt_ = (lambda ts: [tsqrt(t) for t in ts]), foreach_sqrt_
    torch.Tensor.pow = pow_


def main():
    args = sys.argv[1:]
    assert args[:1] == ["--out"], __doc__
    out_dir = os.path.join(HERE, args[1])
    args = args[2:]
    only = args[args.index("--only") + 1:] if "--only" in args else None
    specs = args[:args.index("--only")] if only is not None else args
    patch()
    for spec in specs:
        for case in json.load(open(spec)):
            if only is not None and case["id"] not in only: continue
            out = make_goldens.run(case)
            out["sqrt"] = NOTE
            with open(os.path.join(out_dir, case["id"] + ".json"), "w") as fh:
                json.dump(out, fh)
            print(case["id"], len(out["trajectory"]), "points")


if __name__ == "__main__":
    main()
