#!/usr/bin/env python3
"""Makes the DescentNetwork test fixtures with torch in float64 (rerunnable; deterministic).

usage: /work/venv/bin/python Tests/DescentNetworkTests/Fixtures/make_fixtures.py
  (torch 2.15; the venv of the project's reference scripts)

Writes beside this script:
  layers.json    each layer's forward and backward (dx, dweight, dbias for a random upstream
                 gradient dy) on fixed inputs and weights, and cross_entropy's loss and gradient
  hvp.json       a tiny smooth model's loss, gradient and Hessian-vector product (double backward)
  hvp-relu.json  the same for the digits network (ReLU, max pooling) on 32 digits
  training.json  per-step mini-batch losses of nn.Sequential trained on the bundled digits data
                 with torch.optim, fixed initial weights, no shuffling (batch k = training samples
                 i:i+B, i = (k*B) mod n_train, the one reaching the end short)
  landscape.json checkpoint vectors and their PCA plane as loss-landscape's setup_PCA_directions
                 computes it (sklearn's PCA(n_components=2): centred SVD, components' signs by
                 svd_flip(u_based_decision=False)), done here with numpy's SVD, and the projections
  idx/           tiny IDX files (raw, gzip, truncated, hostile headers) for the reader's tests
"""
import gzip, json, math, os, struct, sys
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_default_dtype(torch.float64)
torch.set_num_threads(1)
HERE = os.path.dirname(os.path.abspath(__file__))
DIGITS = os.path.join(HERE, "..", "..", "..", "Sources", "DescentNetwork", "Resources", "digits.csv.gz")


def flat(t):
    return t.detach().flatten().tolist()


def layer_case(name, spec, module, input_shape, batch, seed, integer_inputs=False):
    g = torch.Generator().manual_seed(seed)
    shape = [batch] + input_shape
    if integer_inputs:  # small integers: many ties for max pooling
        x = torch.randint(-2, 3, shape, generator=g).double()
    else:
        x = torch.randn(shape, generator=g)
    x.requires_grad_(True)
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(torch.randn(p.shape, generator=g) * 0.5)
    y = module(x)
    dy = torch.randn(y.shape, generator=g)
    y.backward(dy)
    case = {"name": name, "model": [spec], "input_shape": input_shape, "batch": batch,
            "x": flat(x), "dy": flat(dy), "y": flat(y), "output_shape": list(y.shape[1:]), "dx": flat(x.grad)}
    params = dict(module.named_parameters())
    if "weight" in params:
        case["weight"] = {"shape": list(params["weight"].shape), "data": flat(params["weight"]), "grad": flat(params["weight"].grad)}
    if "bias" in params:
        case["bias"] = {"shape": list(params["bias"].shape), "data": flat(params["bias"]), "grad": flat(params["bias"].grad)}
    return case


def layers():
    cases = [
        layer_case("conv2d 3x3 pad 1", {"conv2d": {"out_channels": 3, "kernel_size": 3, "padding": 1}},
                   nn.Conv2d(2, 3, 3, padding=1), [2, 5, 6], 2, 1),
        layer_case("conv2d 2x3 stride (2,1) pad (1,0)",
                   {"conv2d": {"out_channels": 4, "kernel_size": [2, 3], "stride": [2, 1], "padding": [1, 0]}},
                   nn.Conv2d(3, 4, (2, 3), stride=(2, 1), padding=(1, 0)), [3, 5, 7], 3, 2),
        layer_case("conv2d no bias stride 2", {"conv2d": {"out_channels": 2, "kernel_size": 2, "stride": 2, "bias": False}},
                   nn.Conv2d(1, 2, 2, stride=2, bias=False), [1, 6, 6], 2, 3),
        layer_case("linear", {"linear": 4}, nn.Linear(7, 4), [7], 3, 4),
        layer_case("linear no bias", {"linear": {"out_features": 2, "bias": False}}, nn.Linear(5, 2, bias=False), [5], 4, 5),
        layer_case("relu", "relu", nn.ReLU(), [2, 3, 3], 2, 6, integer_inputs=True),
        layer_case("tanh", "tanh", nn.Tanh(), [11], 3, 7),
        layer_case("maxpool2d 2 ties", {"maxpool2d": 2}, nn.MaxPool2d(2), [2, 4, 5], 2, 8, integer_inputs=True),
        layer_case("maxpool2d 3 stride 2 overlapping ties", {"maxpool2d": {"kernel_size": 3, "stride": 2}},
                   nn.MaxPool2d(3, stride=2), [1, 7, 7], 2, 9, integer_inputs=True),
        layer_case("avgpool2d 2", {"avgpool2d": 2}, nn.AvgPool2d(2), [2, 4, 4], 2, 10),
        layer_case("avgpool2d 3 stride 1", {"avgpool2d": {"kernel_size": 3, "stride": 1}}, nn.AvgPool2d(3, stride=1), [1, 5, 4], 2, 11),
        layer_case("flatten", "flatten", nn.Flatten(), [2, 3, 2], 2, 12),
    ]
    g = torch.Generator().manual_seed(13)
    z = (torch.randn(5, 4, generator=g) * 3).requires_grad_(True)
    labels = torch.tensor([0, 3, 1, 1, 2])
    loss = F.cross_entropy(z, labels)
    loss.backward()
    ce = {"logits": flat(z), "labels": labels.tolist(), "batch": 5, "classes": 4, "loss": loss.item(), "grad": flat(z.grad)}
    return {"layers": cases, "cross_entropy": ce}


def hvp(relu=False):
    torch.manual_seed(21)
    if relu:  # the digits network: ReLU and max pooling (torch's double backward: relu'' = 0)
        model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(64, 10))
        spec = [{"conv2d": {"out_channels": 4, "kernel_size": 3, "padding": 1}}, "relu", {"maxpool2d": 2}, "flatten", {"linear": 10}]
        rows = [list(map(int, l.split(","))) for l in gzip.open(DIGITS, "rt")][:32]
        x = torch.tensor([r[:64] for r in rows], dtype=torch.float64).reshape(-1, 1, 8, 8) / 16.0
        y = torch.tensor([r[64] for r in rows])
        shape = [1, 8, 8]
    else:
        model = nn.Sequential(nn.Conv2d(1, 2, 3, padding=1), nn.Tanh(), nn.AvgPool2d(2), nn.Flatten(), nn.Linear(8, 3))
        spec = [{"conv2d": {"out_channels": 2, "kernel_size": 3, "padding": 1}}, "tanh", {"avgpool2d": 2}, "flatten", {"linear": 3}]
        with torch.no_grad():
            for p in model.parameters():
                p.mul_(3)  # larger weights: curvature well away from zero
        x = torch.randn(4, 1, 4, 4)
        y = torch.tensor([0, 2, 1, 2])
        shape = [1, 4, 4]
    params = list(model.parameters())
    v = [torch.randn(p.shape) for p in params]
    loss = F.cross_entropy(model(x), y)
    grads = torch.autograd.grad(loss, params, create_graph=True)
    dot = sum((g * w).sum() for g, w in zip(grads, v))
    hv = torch.autograd.grad(dot, params)
    names = [k for k, _ in model.named_parameters()]
    return {"model": spec, "input_shape": shape, "x": flat(x), "labels": y.tolist(),
            "weights": {k: {"shape": list(p.shape), "data": flat(p)} for k, p in zip(names, params)},
            "vector": [flat(t) for t in v], "loss": loss.item(), "gradient": [flat(g) for g in grads],
            "hvp": [flat(h) for h in hv]}


def training(bias_free=False):
    """Per-step losses of torch float64 training runs. With `bias_free`, the network without
    biases and pytorch_optimizer's Alice (training-alice.json)."""
    import pytorch_optimizer
    rows = [list(map(int, l.split(","))) for l in gzip.open(DIGITS, "rt")]
    X = torch.tensor([r[:64] for r in rows], dtype=torch.float64).reshape(-1, 1, 8, 8) / 16.0
    Y = torch.tensor([r[64] for r in rows])
    validation = 0.2
    n_val = math.floor(validation * len(rows) + 0.5)
    n_train = len(rows) - n_val
    Xt, Yt = X[:n_train], Y[:n_train]
    spec = [{"conv2d": {"out_channels": 4, "kernel_size": 3, "padding": 1}}, "relu", {"maxpool2d": 2}, "flatten", {"linear": 10}]

    if bias_free:
        spec = [{"conv2d": {"out_channels": 4, "kernel_size": 3, "padding": 1, "bias": False}}, "relu", {"maxpool2d": 2},
                "flatten", {"linear": {"out_features": 10, "bias": False}}]

    def make():
        return nn.Sequential(nn.Conv2d(1, 4, 3, padding=1, bias=not bias_free), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
                             nn.Linear(64, 10, bias=not bias_free))

    torch.manual_seed(7)
    m0 = make()
    weights = {k: {"shape": list(v.shape), "data": flat(v)} for k, v in m0.state_dict().items()}
    O = torch.optim
    cases = [  # label, optimizer, hyperparameters, constructor, batch, steps, clip
        ("SGD", "SGD", {"lr": 0.1}, lambda p: O.SGD(p, lr=0.1), 32, 40, None),
        ("SGD-momentum", "SGD", {"lr": 0.05, "momentum": 0.9}, lambda p: O.SGD(p, lr=0.05, momentum=0.9), 32, 45, None),
        ("SGD-momentum-clip", "SGD", {"lr": 0.1, "momentum": 0.9}, lambda p: O.SGD(p, lr=0.1, momentum=0.9), 32, 40, 0.5),
        ("Adam", "Adam", {"lr": 0.01}, lambda p: O.Adam(p, lr=0.01), 32, 45, None),
        ("AdamW", "AdamW", {"lr": 0.01, "weight_decay": 0.05}, lambda p: O.AdamW(p, lr=0.01, weight_decay=0.05), 32, 40, None),
        ("RMSprop", "RMSprop", {"lr": 0.003}, lambda p: O.RMSprop(p, lr=0.003), 32, 40, None),
        ("Adagrad", "Adagrad", {"lr": 0.05}, lambda p: O.Adagrad(p, lr=0.05), 32, 40, None),
        ("NAdam", "NAdam", {"lr": 0.005}, lambda p: O.NAdam(p, lr=0.005), 32, 40, None),
        ("Adam-batch-100", "Adam", {"lr": 0.01}, lambda p: O.Adam(p, lr=0.01), 100, 20, None),
        # pytorch_optimizer's SOAP with a statistic per axis of the conv weight [4, 1, 3, 3] and of
        # the linear weight's first axis; max_precondition_dim 10 leaves out the linear weight's
        # 64-long axis, whose statistic (rank ≤ 10 after one step) has a repeated eigenvalue 0,
        # where LAPACK's choice of eigenbasis is not reproducible. No QR refresh within the 40
        # steps (its float32 rounding is LAPACK's own; `HouseholderQR` is tested on its own).
        ("SOAP-per-axis", "SOAP", {"lr": 0.003, "max_precondition_dim": 10, "precondition_frequency": 100},
         lambda p: pytorch_optimizer.SOAP(p, lr=0.003, max_precondition_dim=10, precondition_frequency=100), 32, 40, None),
    ]
    if bias_free:
        # Alice's basis is refreshed at the first step only (update_interval 200), from U = 0,
        # where the signs of eigh's vectors do not matter; every weight's statistic has distinct
        # eigenvalues (no biases, whose rank-1 statistics would leave LAPACK's choice of basis).
        cases = [("Alice", "Alice", {"lr": 0.02}, lambda p: pytorch_optimizer.Alice(p, lr=0.02), 32, 40, None)]
    out = []
    for label, name, hyper, ctor, batch, steps, clip in cases:
        m = make()
        m.load_state_dict(m0.state_dict())
        opt = ctor(m.parameters())
        losses = []
        for s in range(steps):
            i = (s * batch) % n_train
            xb, yb = Xt[i:i + batch], Yt[i:i + batch]
            opt.zero_grad()
            loss = F.cross_entropy(m(xb), yb)
            loss.backward()
            if clip is not None:
                nn.utils.clip_grad_norm_(m.parameters(), clip)
            opt.step()
            losses.append(loss.item())
        out.append({"label": label, "optimizer": name, "hyperparameters": hyper, "batch_size": batch,
                    "steps": steps, "clip_grad_norm": clip, "train_loss": losses})
    return {"model": spec, "validation": validation, "n_train": n_train, "initial_weights": weights,
            "torch": torch.__version__, "cases": out}


def qr():
    """torch.linalg.qr of random float32 matrices (3×3 to 6×6): Q, as SOAP's power iteration uses it."""
    g = torch.Generator().manual_seed(11)
    out = []
    for n in (3, 4, 6):
        a = torch.randn(n, n, generator=g, dtype=torch.float64)
        q, _ = torch.linalg.qr(a.to(torch.float32))
        out.append({"a": flat(a), "n": n, "q": flat(q.to(torch.float64))})
    return {"torch": torch.__version__, "cases": out}


def landscape():
    import numpy as np
    rng = np.random.default_rng(5)
    final = rng.normal(size=12)
    # A path that curves: deltas along two main directions plus a little noise.
    a, b = rng.normal(size=12), rng.normal(size=12)
    checkpoints = [final + (1 - t) * 3 * a + math.sin(3 * t) * b + 0.01 * rng.normal(size=12) for t in np.linspace(0, 1, 8)[:-1]]
    checkpoints.append(final)
    deltas = np.array([c - final for c in checkpoints])  # the final one too (a zero row), as the reference
    centred = deltas - deltas.mean(axis=0)
    u, s, vt = np.linalg.svd(centred, full_matrices=False)
    signs = np.sign(vt[np.arange(vt.shape[0]), np.argmax(np.abs(vt), axis=1)])
    vt = vt * signs[:, None]
    variance = s ** 2
    ratio = variance / variance.sum()
    projections = [[float(np.dot(c - final, vt[0])), float(np.dot(c - final, vt[1]))] for c in checkpoints]
    return {"checkpoints": [c.tolist() for c in checkpoints], "directions": [vt[0].tolist(), vt[1].tolist()],
            "explained_variance_ratio": ratio[:2].tolist(), "projections": projections}


def idx_files():
    d = os.path.join(HERE, "idx")
    os.makedirs(d, exist_ok=True)
    images = bytes(range(0, 3 * 2 * 4 * 10, 10))[:24]  # 3 images of 2x4
    img = struct.pack(">BBBBIII", 0, 0, 8, 3, 3, 2, 4) + images
    lab = struct.pack(">BBBBI", 0, 0, 8, 1, 3) + bytes([7, 0, 9])

    def write(name, data):
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)

    def gz(data):
        return gzip.compress(data, mtime=0)

    write("tiny-images-idx3-ubyte", img)
    write("tiny-labels-idx1-ubyte", lab)
    write("tiny-images-idx3-ubyte.gz", gz(img))
    write("tiny-labels-idx1-ubyte.gz", gz(lab))
    write("truncated-images-idx3-ubyte", img[:-5])
    write("truncated-header-idx3-ubyte", img[:9])
    write("truncated-images-idx3-ubyte.gz", gz(img)[:-12])
    write("huge-images-idx3-ubyte", struct.pack(">BBBBIII", 0, 0, 8, 3, 0x7FFFFFFF, 28, 28) + images)
    write("wrong-magic-idx3-ubyte", struct.pack(">BBBBIII", 0, 0, 0x0D, 3, 3, 2, 4) + images)
    write("four-labels-idx1-ubyte", struct.pack(">BBBBI", 0, 0, 8, 1, 4) + bytes([1, 2, 3, 4]))


def dump(name, value):
    with open(os.path.join(HERE, name), "w") as f:
        json.dump(value, f)
        f.write("\n")


if __name__ == "__main__":
    only = sys.argv[1:]  # file names to rewrite (default: every fixture)
    for name, make in [("layers.json", layers), ("hvp.json", hvp), ("hvp-relu.json", lambda: hvp(relu=True)),
                       ("training.json", training), ("training-alice.json", lambda: training(bias_free=True)),
                       ("landscape.json", landscape), ("qr.json", qr)]:
        if not only or name in only:
            dump(name, make())
    if not only or "idx" in only:
        idx_files()
    print("fixtures written to", HERE)
