#!/usr/bin/env python3
"""SOAP and Shampoo on a small network: Descent's per-step training losses against
pytorch_optimizer's SOAP and torch_optimizer's Shampoo (float64, torch's own eigh/SVD).

usage: python Benchmarks/dense-parity.py DESCENT_BIN WORKDIR   (torch, pytorch_optimizer, torch_optimizer)

A 64 -> 12 -> tanh -> 10 MLP on the bundled digits, fixed initial weights, no shuffling, 40 steps
of 32. SOAP with max_precondition_dim 11 preconditions only the 10-row axis of the last weight,
whose statistic has distinct eigenvalues; with 12 also the 12-wide axes, whose statistics have
rank 10 (a repeated eigenvalue 0, whose eigenspace basis is the solver's choice).
"""
import gzip, json, os, subprocess, sys
import torch
import torch.nn as nn
import pytorch_optimizer as po
import torch_optimizer as to

torch.set_default_dtype(torch.float64)
BIN, WORK = sys.argv[1], sys.argv[2]
os.makedirs(WORK, exist_ok=True)
HERE = os.path.dirname(os.path.abspath(__file__))
STEPS, BATCH, VAL = 40, 32, 0.2
rows = [list(map(int, l.split(","))) for l in gzip.open(os.path.join(HERE, "..", "Sources", "DescentNetwork", "Resources", "digits.csv.gz"), "rt")]
X = torch.tensor([r[:64] for r in rows], dtype=torch.float64).reshape(-1, 1, 8, 8) / 16.0
Y = torch.tensor([r[64] for r in rows])
n_train = len(rows) - round(VAL * len(rows))

def torch_model():
    return nn.Sequential(nn.Flatten(), nn.Linear(64, 12), nn.Tanh(), nn.Linear(12, 10))

torch.manual_seed(7)
m0 = torch_model()
init = os.path.join(WORK, "init.json")
json.dump({k: {"shape": list(v.shape), "data": v.flatten().tolist()} for k, v in m0.state_dict().items()}, open(init, "w"))

CASES = []  # label, descent name, hyperparameters, torch constructor
for dim in (11, 12):
    for freq in (4, 100):
        h = {"lr": 0.003, "max_precondition_dim": dim, "precondition_frequency": freq}
        CASES.append((f"SOAP-dim{dim}-freq{freq}", "SOAP", h, lambda p, h=h: po.SOAP(p, **h)))
CASES.append(("Shampoo", "Shampoo", {"lr": 0.01}, lambda p: to.Shampoo(p, lr=0.01)))

config = {"name": "dense-parity", "dataset": {"builtin": "digits"}, "validation": VAL,
          "model": ["flatten", {"linear": 12}, "tanh", {"linear": 10}], "initial_weights": init,
          "batch_size": BATCH, "steps": STEPS, "shuffle": False, "clip_grad_norm": None,
          "optimizers": [{"name": n, "label": l, "hyperparameters": h} for l, n, h, _ in CASES]}
path = os.path.join(WORK, "dense-parity.json")
json.dump(config, open(path, "w"))
out = os.path.join(WORK, "out")
run = subprocess.run([BIN, "run", path, "--output", out, "--force"], capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(run.stderr)

for label, _, _, make in CASES:
    model = torch_model()
    model.load_state_dict(m0.state_dict())
    optimizer = make(model.parameters())
    reference = []
    for s in range(STEPS):
        i = (s * BATCH) % n_train
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(model(X[i:i + BATCH]), Y[i:i + BATCH])
        loss.backward()
        optimizer.step()
        reference.append(loss.item())
    ours = json.load(open(os.path.join(out, "dense-parity", "runs", f"{label}.json")))["train_loss"]
    error = max(abs(a - b) / max(1.0, abs(b)) for a, b in zip(ours, reference))
    print(f"{label:22s} max relative loss difference over {STEPS} steps: {error:.2e}")
