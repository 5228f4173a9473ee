#!/usr/bin/env python3
"""Make extra reference trajectories with the real libraries, in float64.

Pinned: torch==2.15.0, torch_optimizer==0.3.0, pytorch_optimizer==4.1.0 (CPU).
Usage:  python make_goldens.py [SPEC.json ...]   (default: every golden-specs/*.json)

Each spec file is a JSON list of cases:
  {"id": "Adam-extra-beale-wd", "optimizer": "Adam", "reference": "torch.optim.Adam",
   "hyperparameters": {...}, "function": "beale", "start": [x, y], "steps": 200,
   "clip_grad_norm": 1.0 | null}
`reference` is "<module>.<Class>" (torch.optim, torch_optimizer, pytorch_optimizer), or
"torch_optimizer.Lookahead(torch_optimizer.Yogi)" for a Lookahead around a base optimizer
(k and alpha go to Lookahead, the rest to the base).
Optional hook, as the project's Muon references were made: a reference ending in
" (Newton-Schulz in float64)", e.g. "torch.optim.Muon (Newton-Schulz in float64)", runs that
class with torch.optim._muon._zeropower_via_newtonschulz replaced by `newton_schulz_float64`
below (torch casts to bfloat16 there), and with the parameter the point as a 1x2 matrix (Muon
accepts only 2-D parameters); the trajectory is written flattened.
Optional hook for second-order optimizers: a reference ending in " (exact Hessian diagonal)",
e.g. "pytorch_optimizer.AdaHessian (exact Hessian diagonal)", feeds the exact diagonal of the
loss's Hessian through step(hessian=...) (see run_exact_hessian), for Descent's
"hessian_estimator": "exact".
Writes goldens/<id>.json beside this script, in the format of the project's reference set.
The functions below are written as the references write them (`x ** 2` for squares), so
that torch autograd's rounding is the one Descent reproduces.
Tests never import this; it documents where the fixtures came from.
"""
import contextlib, glob, importlib, json, math, os, sys

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))


def rosenbrock(x, y): return (1 - x) ** 2 + 100 * (y - x ** 2) ** 2
def rastrigin(x, y): return 10 * 2 + (x ** 2 - 10 * torch.cos(x * (2 * math.pi))) + (y ** 2 - 10 * torch.cos(y * (2 * math.pi)))
def ackley(x, y):
    return (-20 * torch.exp(-0.2 * torch.sqrt(0.5 * (x ** 2 + y ** 2)))
            - torch.exp(0.5 * (torch.cos(2 * math.pi * x) + torch.cos(2 * math.pi * y))) + math.e + 20)
def beale(x, y): return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y ** 2) ** 2 + (2.625 - x + x * y ** 3) ** 2
def booth(x, y): return (x + 2 * y - 7) ** 2 + (2 * x + y - 5) ** 2
def goldstein_price(x, y):
    a = 1 + (x + y + 1) ** 2 * (19 - 14 * x + 3 * x ** 2 - 14 * y + 6 * x * y + 3 * y ** 2)
    b = 30 + (2 * x - 3 * y) ** 2 * (18 - 32 * x + 12 * x ** 2 + 48 * y - 36 * x * y + 27 * y ** 2)
    return a * b
def himmelblau(x, y): return (x ** 2 + y - 11) ** 2 + (x + y ** 2 - 7) ** 2
def levi13(x, y):
    return (torch.sin(3 * math.pi * x) ** 2 + (x - 1) ** 2 * (1 + torch.sin(3 * math.pi * y) ** 2)
            + (y - 1) ** 2 * (1 + torch.sin(2 * math.pi * y) ** 2))
def matyas(x, y): return 0.26 * (x ** 2 + y ** 2) - 0.48 * x * y
def six_hump_camel(x, y): return (4 - 2.1 * x ** 2 + x ** 4 / 3) * x ** 2 + x * y + (-4 + 4 * y ** 2) * y ** 2
def styblinski_tang(x, y): return 0.5 * ((x ** 4 - 16 * x ** 2 + 5 * x) + (y ** 4 - 16 * y ** 2 + 5 * y))
def quadratic(x, y): return x ** 2 + 10 * y ** 2

FUNCTIONS = {f.__name__: f for f in [rosenbrock, rastrigin, ackley, beale, booth, goldstein_price, himmelblau,
                                     levi13, matyas, six_hump_camel, styblinski_tang, quadratic]}


def resolve(path):
    module, _, name = path.rpartition(".")
    return getattr(importlib.import_module(module), name)


def make_optimizer(reference, params, hp):
    if reference.startswith("torch_optimizer.Lookahead("):
        base = resolve(reference[len("torch_optimizer.Lookahead("):-1])
        hp = dict(hp)
        la = {k: hp.pop(k) for k in ("k", "alpha") if k in hp}
        return resolve("torch_optimizer.Lookahead")(base(params, **hp), **la)
    return resolve(reference)(params, **hp)


FLOAT64_NEWTON_SCHULZ = " (Newton-Schulz in float64)"


def newton_schulz_float64(grad, ns_coefficients, ns_steps, eps):
    """torch's _zeropower_via_newtonschulz (same checks, transpose and eps clamp), computed in
    float64 instead of bfloat16 and with the iteration written as Keller Jordan's reference
    (A = X X^T; B = b A + c A A; X = a X + B X) instead of torch's addmm calls. This is how the
    project's Muon references were made: it reproduces Muon-rosenbrock-0 and Muon-rastrigin-0
    bit for bit, while torch's addmm form in float64 rounds c*(A@A) instead of (c*A)@A and drifts
    from them by ~1e-11 within 300 steps."""
    if ns_steps >= 100:
        raise ValueError("Number of steps must be less than 100 for computational efficiency")
    if len(grad.shape) != 2:
        raise ValueError("Input tensor gradient must be a 2D matrix")
    if len(ns_coefficients) != 3:
        raise ValueError("Coefficients must be a tuple of exactly 3 values")
    a, b, c = ns_coefficients
    X = grad.to(dtype=torch.float64, copy=True)
    if grad.size(0) > grad.size(1):
        X = X.T
    X.div_(X.norm().clamp(min=eps))
    for _ in range(ns_steps):
        A = X @ X.T
        B = b * A + c * A @ A
        X = a * X + B @ X
    if grad.size(0) > grad.size(1):
        X = X.T
    return X


@contextlib.contextmanager
def float64_newton_schulz():
    """torch.optim.Muon with `newton_schulz_float64` in place of torch's bfloat16 function."""
    import torch.optim._muon as muon
    original = muon._zeropower_via_newtonschulz
    muon._zeropower_via_newtonschulz = newton_schulz_float64
    try:
        yield
    finally:
        muon._zeropower_via_newtonschulz = original


EXACT_HESSIAN = " (exact Hessian diagonal)"


def run(case):
    reference = case["reference"]
    if reference.endswith(EXACT_HESSIAN):
        return run_exact_hessian(case, reference.removesuffix(EXACT_HESSIAN))
    as_matrix = reference.endswith(FLOAT64_NEWTON_SCHULZ)
    with float64_newton_schulz() if as_matrix else contextlib.nullcontext():
        return run_case(case, reference.removesuffix(FLOAT64_NEWTON_SCHULZ), as_matrix)


# pytorch_ranger's Ranger and RangerVA (re-exported by torch_optimizer) never call the closure
# (it is commented out in their step), so it is called first, then step(): the same protocol.
CLOSURE_IGNORED = {"torch_optimizer.Ranger", "torch_optimizer.RangerVA"}


def run_case(case, reference, as_matrix, hp=None, step=None):
    """One case; `hp` replaces the case's hyperparameters for the reference and `step(opt,
    closure, k, p)`, if given, takes step k instead of `opt.step(closure)`."""
    p = torch.tensor([case["start"]] if as_matrix else case["start"], requires_grad=True)
    opt = make_optimizer(reference, [p], case["hyperparameters"] if hp is None else hp)
    f = FUNCTIONS[case["function"]]
    clip = case.get("clip_grad_norm", 1.0)
    trajectory, losses = [list(map(float, p.detach().view(-1)))], []

    def closure():
        opt.zero_grad()
        x = p.view(-1) if as_matrix else p
        loss = f(x[0], x[1])
        loss.backward()
        if clip is not None:
            torch.nn.utils.clip_grad_norm_(p, clip)
        return loss

    for k in range(case["steps"]):
        if step is not None:
            loss = float(step(opt, closure, k, p).detach())
        elif reference in CLOSURE_IGNORED:
            loss = float(closure().detach())
            opt.step()
        else:
            loss = float(opt.step(closure).detach())
        point = list(map(float, p.detach().view(-1)))
        if not (math.isfinite(loss) and all(map(math.isfinite, point))):
            break
        losses.append(loss)
        trajectory.append(point)
    return dict(case, trajectory=trajectory, loss=losses)


def run_exact_hessian(case, reference):
    """AdaHessian / SophiaH (pytorch_optimizer) fed the exact Hessian diagonal of the loss through
    their `step(closure, hessian=[...])` at the refresh steps 1, 1 + P, ... (P = update_period),
    instead of the Hutchinson estimate from torch's random stream: Descent's
    `"hessian_estimator": "exact"`. The Descent-only keys `hessian_estimator` and `seed` are not
    passed to the reference. The diagonal is torch.autograd.functional.hessian of the (unclipped)
    loss at the point the closure evaluates."""
    import inspect
    hp = {k: v for k, v in case["hyperparameters"].items() if k not in ("hessian_estimator", "seed")}
    period = hp.get("update_period", inspect.signature(resolve(reference).__init__).parameters["update_period"].default)
    f = FUNCTIONS[case["function"]]

    def step(opt, closure, k, p):
        if k % period:
            return opt.step(closure)
        h = torch.autograd.functional.hessian(lambda v: f(v[0], v[1]), p.detach().clone())
        return opt.step(closure, hessian=[torch.diagonal(h).clone()])

    return run_case(case, reference, False, hp=hp, step=step)


def main():
    specs = sys.argv[1:] or sorted(glob.glob(os.path.join(HERE, "golden-specs", "*.json")))
    for spec in specs:
        for case in json.load(open(spec)):
            out = run(case)
            with open(os.path.join(HERE, "goldens", case["id"] + ".json"), "w") as fh:
                json.dump(out, fh)
            print(case["id"], len(out["trajectory"]), "points")


if __name__ == "__main__":
    main()
