#!/usr/bin/env python3
"""Builds DOSSIER.md beside this script from pytorch_optimizer 4.1.0 itself plus hand-written notes
(dossier_notes.md beside this script, one "## Name" section each, merged in verbatim).

For every optimizer Descent lacks: the exact constructor signature (inspect.signature), the
constructor's validation calls and raises (verbatim from __init__), the state it initialises
(init_group, verbatim), which code path runs by default on a plain CPU float64 tensor (measured: a
5-step run with _step_foreach wrapped), whether it draws from torch's global generator (measured:
the CPU RNG state before and after 20 steps) and the default path's code with docstrings removed.
Usage: python make_dossier.py   (pinned versions as make_goldens.py; CPU)."""
import ast, inspect, io, json, math, os, re, sys, textwrap, warnings

import torch

torch.set_default_dtype(torch.float64)
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import make_goldens as mg  # noqa: E402
import pytorch_optimizer  # noqa: E402
from pytorch_optimizer.optimizer import OPTIMIZERS  # noqa: E402


def strip_docstrings(src):
    src = textwrap.dedent(src)
    tree = ast.parse(src)
    lines = src.split('\n')
    drop = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
                drop.update(range(first.lineno - 1, first.end_lineno))
    return '\n'.join(l for i, l in enumerate(lines) if i not in drop and l.strip() and not l.strip().startswith('@torch.no_grad'))


def method_source(cls, name):
    for klass in cls.__mro__:
        if name in klass.__dict__:
            fn = klass.__dict__[name]
            fn = getattr(fn, '__func__', fn)
            fn = getattr(fn, '__wrapped__', fn)
            try:
                return strip_docstrings(inspect.getsource(fn)), klass.__name__
            except (OSError, TypeError):
                return None, klass.__name__
    return None, None


def signature(cls):
    sig = inspect.signature(cls.__init__)
    parts = []
    for name, p in sig.parameters.items():
        if name == 'self':
            continue
        if p.kind == p.VAR_KEYWORD:
            parts.append('**kwargs')
        elif p.default is p.empty:
            parts.append(name)
        else:
            d = p.default
            d = (f'torch.{str(d).split(".")[-1]}' if isinstance(d, torch.dtype) else
                 getattr(d, '__qualname__', None) and f'torch.{d.__name__}' if callable(d) and not isinstance(d, type) else repr(d))
            parts.append(f'{name}={d}')
    return f'{cls.__name__}(' + ', '.join(parts) + ')'


def validation(cls):
    src, _ = method_source(cls, '__init__')
    out = []
    lines = src.split('\n')
    for i, l in enumerate(lines):
        s = l.strip()
        if s.startswith('self.validate_') or s.startswith('raise '):
            if s.startswith('raise ') and i and lines[i - 1].strip().startswith(('if ', 'elif ')):
                out.append(lines[i - 1].strip() + ' ' + s)
            else:
                out.append(s)
    return out


def measure(case):
    """Run the rosenbrock-0 case for 20 steps: default path (foreach or per-parameter) and RNG use."""
    name = case['optimizer']
    cls = getattr(pytorch_optimizer, name)
    called = {'foreach': 0}
    patched = []
    for meth in ('_step_foreach', '_step_foreach_group'):
        owner = next((k for k in cls.__mro__ if meth in k.__dict__), None)
        if owner is None or owner.__module__.startswith('torch.'):
            continue
        original = owner.__dict__[meth]

        def wrapped(self, *a, _original=original, **k):
            called['foreach'] += 1
            return _original.__get__(self, type(self))(*a, **k)
        setattr(owner, meth, wrapped)
        patched.append((owner, meth, original))
    state = torch.random.get_rng_state()
    try:
        c = dict(case, steps=20)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            mg.run(c)
    finally:
        for owner, meth, original in patched:
            setattr(owner, meth, original)
    rng = not torch.equal(state, torch.random.get_rng_state())
    return called['foreach'] > 0, rng


def main():
    specs = {}
    for path in sorted(os.listdir(os.path.join(os.path.dirname(HERE), 'golden-specs'))):
        if path.startswith('zoo-d-'):
            for case in json.load(open(os.path.join(os.path.dirname(HERE), 'golden-specs', path))):
                specs.setdefault(case['optimizer'], []).append(case)
    notes = {}
    text = open(os.path.join(HERE, 'dossier_notes.md')).read()
    head, *sections = re.split(r'^## ', text, flags=re.M)
    for s in sections:
        title, _, body = s.partition('\n')
        notes[title.strip()] = body.strip()
    out = io.StringIO()
    out.write(head.strip() + '\n\n')
    order = [n for n in notes if n in specs or n in NOT_STEPPABLE]
    order += sorted(n for n in specs if n not in order)
    for name in order:
        cls = getattr(pytorch_optimizer, name)
        out.write(f'## {name}\n\n')
        out.write(f'`{signature(cls)}`  \nsource: `pytorch_optimizer/optimizer/{inspect.getsourcefile(cls).split("/optimizer/")[-1]}`\n\n')
        if name in notes:
            out.write(notes[name] + '\n\n')
        v = validation(cls)
        out.write('**Constructor checks** (verbatim; `validate_range(x, name, lo, hi, "[)")` raises ValueError '
                  '"name must be in the range [lo, hi)", `validate_non_negative` "… must be non-negative", '
                  '`validate_positive` "… must be positive", `validate_learning_rate` NegativeLRError; '
                  '`validate_betas` checks beta1, beta2 in [0, 1) and beta3 in [0, 1]):\n')
        out.write(''.join(f'- `{x}`\n' for x in v) if v else '- none\n')
        out.write('\n')
        if name in specs:
            foreach, rng = measure(specs[name][0])
            out.write(f'**Default path** on a CPU float64 tensor: {"`_step_foreach` (batched torch._foreach_* ops)" if foreach else "per-parameter loop in `step`"}. '
                      f'**Draws from torch\'s global CPU generator:** {"YES" if rng else "no"} (measured over 20 steps).\n\n')
            out.write('**Goldens:** ' + ', '.join(f'`{c["id"]}`' for c in specs[name]) + '\n\n')
            init_src, _ = method_source(cls, 'init_group')
            if init_src:
                out.write('<details><summary>State initialisation (init_group, verbatim)</summary>\n\n```python\n' + init_src + '\n```\n</details>\n\n')
            parts = []
            skip = {'__init__', '__str__', 'init_group', 'load_state_dict', '_restore_state_types', '_compile_foreach',
                    'state_dict', 'add_param_group', 'zero_grad', 'param_groups', 'state',
                    '_step_per_param' if foreach else '_step_foreach'}
            own = [m for m, v in cls.__dict__.items() if m not in skip and (inspect.isfunction(v) or isinstance(v, (staticmethod, classmethod)))]
            if foreach and '_step_foreach' not in own:
                own.insert(0, '_step_foreach')
            for meth in own:
                src, owner = method_source(cls, meth)
                if src:
                    parts.append(f'# {owner}.{meth}\n' + src)
            out.write('<details><summary>Update code (4.1.0, docstrings removed; the class\'s own methods, the unused path left out)</summary>\n\n```python\n' + '\n'.join(parts) + '\n```\n</details>\n\n')
    open(os.path.join(HERE, 'DOSSIER.md'), 'w').write(out.getvalue())


NOT_STEPPABLE = {'LOMO', 'AdaLOMO', 'AdamMini', 'DeMo', 'DistributedMuon', 'LoRARite'}

if __name__ == '__main__':
    main()
