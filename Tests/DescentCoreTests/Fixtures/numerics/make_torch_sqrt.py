#!/usr/bin/env python3
"""Make torch-sqrt.json: inputs where torch's tensor sqrt is not the IEEE square root.

Pinned: torch==2.15.0 (CPU, float64), on the reference machine (AMD EPYC; torch's MKL vdSqrt
takes its AVX2 code path there). Usage: python make_torch_sqrt.py
Draws random float64 inputs over the single-precision exponent range (seeded), keeps the first
2000 whose torch.sqrt differs from math.sqrt, and writes them with torch's results as
hexadecimal floats. Tests never import this; it documents where the fixture came from.
"""
import json, math, os, random

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    rng = random.Random(20261125)
    xs = [rng.uniform(0.5, 2.0) * 2.0 ** rng.randint(-120, 120) for _ in range(400000)]
    roots = torch.tensor(xs).sqrt().tolist()
    cases = [[x.hex(), r.hex()] for x, r in zip(xs, roots) if r != math.sqrt(x)][:2000]
    with open(os.path.join(HERE, "torch-sqrt.json"), "w") as fh:
        json.dump({"generator": "make_torch_sqrt.py", "torch": torch.__version__, "cases": cases}, fh)
    print(len(cases), "cases")


if __name__ == "__main__":
    main()
