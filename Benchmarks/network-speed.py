#!/usr/bin/env python3
"""torch's side of the network speed comparison (BENCHMARKS.md): steps/s of the default digits
network (conv 8 3x3 pad 1 -> relu -> maxpool 2 -> flatten -> linear 10) and of the two-conv
network of `descent-network-bench accuracy` (conv 8 -> relu -> conv 16 -> relu -> maxpool 2 ->
flatten -> linear 10), batch 32, no shuffling,
the same loop as Descent's trainer: batch slice, zero_grad, forward, cross_entropy, backward,
step) in float64 and float32 on one thread. Compare with
`.build/release/descent-network-bench speed`.

usage: /work/venv/bin/python Benchmarks/network-speed.py [steps]
       /work/venv/bin/python Benchmarks/network-speed.py 2c2d [steps]
           DeepOBS's fmnist_2c2d (conv 32 5x5 -> pool -> conv 64 5x5 -> pool -> dense 1024 -> dense 10),
           batch 128, on 1,280 random 28x28 images; compare with `descent-network-bench 2c2d`
"""
import gzip, os, sys, time
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)


def steps_per_second(m, opt, X, Y, batch, warm, steps):
    """The trainer's loop on batches k·B … k·B+B−1 (wrapping): `warm` steps, then `steps` timed."""
    n = len(Y)

    def step(s):
        i = (s * batch) % n
        opt.zero_grad()
        loss = F.cross_entropy(m(X[i:i + batch]), Y[i:i + batch])
        loss.backward()
        opt.step()
        return loss.item()
    for s in range(warm):
        step(s)
    t = time.perf_counter()
    for s in range(steps):
        step(s)
    return steps / (time.perf_counter() - t)


if len(sys.argv) > 1 and sys.argv[1] == "2c2d":
    STEPS = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    g = torch.Generator().manual_seed(1)
    for dtype in (torch.float64, torch.float32):
        X = torch.randint(0, 256, (1280, 1, 28, 28), generator=g).to(dtype) / 255.0
        Y = torch.randint(0, 10, (1280,), generator=g)
        for name, make in (("SGD", lambda p: torch.optim.SGD(p, lr=0.01, momentum=0.9)), ("Adam", lambda p: torch.optim.Adam(p, lr=0.001))):
            torch.manual_seed(1)
            m = nn.Sequential(nn.Conv2d(1, 32, 5, padding=2), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 5, padding=2), nn.ReLU(),
                              nn.MaxPool2d(2), nn.Flatten(), nn.Linear(3136, 1024), nn.ReLU(), nn.Linear(1024, 10)).to(dtype)
            rate = steps_per_second(m, make(m.parameters()), X, Y, 128, 5, STEPS)
            print(f"torch {str(dtype).replace('torch.', '')} fmnist_2c2d {name}: {STEPS} steps, {rate:.2f} steps/s")
    sys.exit(0)
STEPS = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
HERE = os.path.dirname(os.path.abspath(__file__))
rows = [list(map(int, l.split(","))) for l in gzip.open(os.path.join(HERE, "..", "Sources", "DescentNetwork", "Resources", "digits.csv.gz"), "rt")]
n_train = len(rows) - int(0.2 * len(rows) + 0.5)
for dtype in (torch.float64, torch.float32):
    X = (torch.tensor([r[:64] for r in rows], dtype=dtype).reshape(-1, 1, 8, 8) / 16.0)[:n_train]
    Y = torch.tensor([r[64] for r in rows])[:n_train]
    nets = (("default", lambda: nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(128, 10))),
            ("two-conv", lambda: nn.Sequential(nn.Conv2d(1, 8, 3, padding=1), nn.ReLU(), nn.Conv2d(8, 16, 3, padding=1), nn.ReLU(),
                                               nn.MaxPool2d(2), nn.Flatten(), nn.Linear(256, 10))))
    for (net, build), (name, make) in [(n, o) for n in nets for o in (("SGD", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9)), ("Adam", lambda p: torch.optim.Adam(p, lr=0.003)))]:
        torch.manual_seed(1)
        m = build().to(dtype)
        rate = steps_per_second(m, make(m.parameters()), X, Y, 32, 200, STEPS)
        print(f"torch {str(dtype).replace('torch.', '')} {net} {name}: {STEPS} steps, {rate:.0f} steps/s")
