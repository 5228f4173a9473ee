#!/usr/bin/env python3
"""Make extra reference trajectories with the real libraries, in float64.

Pinned: torch==2.15.0, torch_optimizer==0.3.0, pytorch_optimizer==4.1.0 (CPU).
Usage:  python make_goldens.py [--out DIR] [SPEC.json ...]   (default: every golden-specs/*.json)
  --out DIR  writes the goldens into DIR (relative to this script's folder unless absolute) instead of
             goldens/: goldens-pending/ holds references for optimizers Descent does not have yet
             (the test suite loads every file in goldens/).

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
Optional hooks for pytorch_optimizer's Muon family (Muon-style parameter groups): a reference
ending in " (Muon group, Newton-Schulz in float64)", e.g. "pytorch_optimizer.AdaMuon (Muon group,
Newton-Schulz in float64)", passes the point as a 1x2 matrix in one group {"params": [p],
"use_muon": True} and replaces pytorch_optimizer's zero_power_via_newton_schulz_5 (bfloat16 by
default) with `zero_power_float64` below in every module that imported it.
Optional hook " (as 1x2 matrix)": the point as a 1x2 matrix, the library untouched (for optimizers
that accept only 2-D parameters, e.g. pytorch_optimizer.SpectralSphere).
Optional hook " (loss closure)": calls the closure (zero grad; loss; backward; clip) first and then
step(lambda: float(loss)), as pytorch_optimizer.AliG documents (its step calls the closure without
enabling grad, expecting only the loss value).
Optional hook " (closure before step)": calls the closure once before each step(closure), so the
gradient exists when step() starts, as pytorch_optimizer.BSAM needs (its first_step initialises
state only for parameters with a gradient; zero_grad leaves none); the loss written is that call's.
Optional hook " (float32 default dtype in step)": runs step() with torch's default dtype float32,
as for pytorch_optimizer.Magma, whose lazily made `alignment` state is torch.tensor(1.0) in the
default dtype and must be float32 (it is lerped with a float32 sigmoid); the point stays float64.
Optional case key "torch_seed": torch.manual_seed(torch_seed) just before the optimizer is built,
for references that draw from torch's global CPU generator (DASH, Gravity, Kron, BSAM, Magma ...).
Hyperparameter values "torch.float64", "torch.float32", "torch.bfloat16" become those torch dtypes
(e.g. FAdam's momentum_dtype and fim_dtype, which default to float32 and fail on float64 points).
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
MUON_GROUP = " (Muon group, Newton-Schulz in float64)"
AS_MATRIX = " (as 1x2 matrix)"
LOSS_CLOSURE = " (loss closure)"
FLOAT32_DEFAULT_IN_STEP = " (float32 default dtype in step)"
CLOSURE_BEFORE_STEP = " (closure before step)"
DTYPES = {"torch.float64": torch.float64, "torch.float32": torch.float32, "torch.bfloat16": torch.bfloat16}


def zero_power_float64(g, num_steps=5, eps=1e-7, safety_factor=1.0, weights=(3.4445, -4.7750, 2.0315),
                       dtype=None):
    """pytorch_optimizer's zero_power_via_newton_schulz_5 (same transpose, norm clamp, safety factor and
    coefficient schedule; `dtype` ignored) in float64, with the iteration written as Keller Jordan's
    reference (A = X X^T; B = b A + c A A; X = a X + B X), as `newton_schulz_float64` does for
    torch.optim.Muon, for 2-D inputs."""
    from pytorch_optimizer.optimizer.utils.matrix import get_newton_schulz_weights
    schedule = get_newton_schulz_weights(weights)
    if g.ndim != 2:
        raise ValueError("zero_power_float64 takes 2-D matrices only")
    transpose = g.size(-2) > g.size(-1)
    X = (g.mT if transpose else g).to(dtype=torch.float64, copy=True)
    norm = X.norm(2, dim=(-2, -1), keepdim=True)
    if safety_factor != 1.0:
        norm.mul_(safety_factor)
    X.div_(norm.clamp_min_(eps))
    for i in range(num_steps):
        a, b, c = schedule[min(i, len(schedule) - 1)]
        A = X @ X.mT
        B = b * A + c * A @ A
        X = a * X + B @ X
    return X.mT if transpose else X


@contextlib.contextmanager
def float64_zero_power():
    """pytorch_optimizer's Muon family with `zero_power_float64` in place of its bfloat16 function."""
    import pytorch_optimizer.optimizer.muon.adago as adago
    import pytorch_optimizer.optimizer.muon.adamuon as adamuon
    import pytorch_optimizer.optimizer.muon.base as base
    import pytorch_optimizer.optimizer.muon.normuon as normuon
    modules = [adago, adamuon, base, normuon]
    originals = [m.zero_power_via_newton_schulz_5 for m in modules]
    for m in modules:
        m.zero_power_via_newton_schulz_5 = zero_power_float64
    try:
        yield
    finally:
        for m, original in zip(modules, originals):
            m.zero_power_via_newton_schulz_5 = original


@contextlib.contextmanager
def default_dtype(dtype):
    previous = torch.get_default_dtype()
    torch.set_default_dtype(dtype)
    try:
        yield
    finally:
        torch.set_default_dtype(previous)


def run(case):
    reference = case["reference"]
    if reference.endswith(EXACT_HESSIAN):
        return run_exact_hessian(case, reference.removesuffix(EXACT_HESSIAN))
    if reference.endswith(MUON_GROUP):
        with float64_zero_power():
            return run_case(case, reference.removesuffix(MUON_GROUP), True, muon_group=True)
    if reference.endswith(AS_MATRIX):
        return run_case(case, reference.removesuffix(AS_MATRIX), True)
    if reference.endswith(LOSS_CLOSURE):
        return run_case(case, reference.removesuffix(LOSS_CLOSURE), False, loss_closure=True)
    if reference.endswith(CLOSURE_BEFORE_STEP):
        return run_case(case, reference.removesuffix(CLOSURE_BEFORE_STEP), False, closure_before_step=True)
    if reference.endswith(FLOAT32_DEFAULT_IN_STEP):
        return run_case(case, reference.removesuffix(FLOAT32_DEFAULT_IN_STEP), False, float32_in_step=True)
    as_matrix = reference.endswith(FLOAT64_NEWTON_SCHULZ)
    with float64_newton_schulz() if as_matrix else contextlib.nullcontext():
        return run_case(case, reference.removesuffix(FLOAT64_NEWTON_SCHULZ), as_matrix)


# pytorch_ranger's Ranger and RangerVA (re-exported by torch_optimizer) never call the closure
# (it is commented out in their step), so it is called first, then step(): the same protocol.
CLOSURE_IGNORED = {"torch_optimizer.Ranger", "torch_optimizer.RangerVA"}


def run_case(case, reference, as_matrix, hp=None, step=None, muon_group=False, loss_closure=False,
             float32_in_step=False, closure_before_step=False):
    """One case; `hp` replaces the case's hyperparameters for the reference and `step(opt,
    closure, k, p)`, if given, takes step k instead of `opt.step(closure)`. `muon_group`,
    `loss_closure`, `float32_in_step` and `closure_before_step` are the hooks described at the top."""
    p = torch.tensor([case["start"]] if as_matrix else case["start"], requires_grad=True)
    hp = case["hyperparameters"] if hp is None else hp
    hp = {k: DTYPES.get(v, v) if isinstance(v, str) else v for k, v in hp.items()}
    if "torch_seed" in case:
        torch.manual_seed(case["torch_seed"])
    opt = make_optimizer(reference, [{"params": [p], "use_muon": True}] if muon_group else [p], hp)
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
        elif loss_closure:
            loss = float(closure().detach())
            opt.step(lambda: loss)
        elif closure_before_step:
            loss = float(closure().detach())
            opt.step(closure)
        elif float32_in_step:
            with default_dtype(torch.float32):
                loss = float(opt.step(closure).detach())
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
    args = sys.argv[1:]
    out_dir = os.path.join(HERE, "goldens")
    if args[:1] == ["--out"]:
        out_dir = os.path.join(HERE, args[1])
        args = args[2:]
    os.makedirs(out_dir, exist_ok=True)
    specs = args or sorted(glob.glob(os.path.join(HERE, "golden-specs", "*.json")))
    for spec in specs:
        for case in json.load(open(spec)):
            out = run(case)
            with open(os.path.join(out_dir, case["id"] + ".json"), "w") as fh:
                json.dump(out, fh)
            print(case["id"], len(out["trajectory"]), "points")


if __name__ == "__main__":
    main()
