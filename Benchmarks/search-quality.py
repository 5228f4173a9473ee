#!/usr/bin/env python3
"""Search quality of `descent search` against the hyperopt/optuna references, any algorithm.

usage: search-quality.py DESCENT REFERENCE.json [--algorithm tpe] [--refine N] [--seeds 10]

The protocol of checks/check_search.py (lr ~ loguniform over each case's exponent range,
100 evaluations, distance objective, 100 search steps, the references' start points), with
a choice of algorithm and refinement, and more seeds than the references' 10 to shrink our
side's noise. Prints per case our median, the three reference medians and how many seeds
reached the global minimum (< 1e-6), then the mean clipped log10 ratio of medians against
each reference (<= 0: as good or better).
"""
import json, math, subprocess, sys, statistics as st
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

STARTS = {"rosenbrock": "-2,2", "rastrigin": "-2,3.5"}


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    binary, ref_path = sys.argv[1], sys.argv[2]
    algorithm, refine, seeds = option("--algorithm", "tpe"), option("--refine", None), int(option("--seeds", "10"))
    rows = json.load(open(ref_path))
    ref, ranges = defaultdict(list), {}
    for r in rows:
        ref[(r["function"], r["optimizer"], r["algorithm"])].append(r["best_objective"])
        ranges[(r["function"], r["optimizer"])] = r["lr_log_range"]

    def best(args):
        f, o, lo, hi, s = args
        cmd = [binary, "search", "--optimizer", o, "--function", f, "--start", STARTS[f],
               "--space", json.dumps({"lr": {"loguniform": [lo, hi]}}), "--evaluations", "100", "--seed", str(s),
               "--algorithm", algorithm, "--objective", "distance", "--search-steps", "100"]
        if refine is not None:
            cmd += ["--refine", refine]
        p = subprocess.run(cmd, capture_output=True, text=True, check=True)
        return float(json.loads(p.stdout)["objective"])

    ratio = lambda a, b: max(-1.0, min(1.0, math.log10((a + 1e-300) / (b + 1e-300))))
    scores = defaultdict(list)
    with ThreadPoolExecutor(2) as pool:
        for (f, o), (lo, hi) in sorted(ranges.items()):
            ours = list(pool.map(best, [(f, o, lo, hi, s) for s in range(seeds)]))
            m = st.median(ours)
            line = f"{f:11s} {o:9s} ours {m:10.4e}"
            for name in ("hyperopt-tpe", "hyperopt-random", "optuna-tpe"):
                r = st.median(ref[(f, o, name)])
                scores[name].append(ratio(m, r))
                line += f"  {name} {r:10.4e}"
            print(line + f"  at minimum {sum(x < 1e-6 for x in ours)}/{seeds}")
    summary = ", ".join(f"vs {k} {sum(v) / len(v):+.3f}" for k, v in scores.items())
    print(f"{algorithm} --refine {refine or 'default'}, {seeds} seeds: {summary}")


if __name__ == "__main__":
    main()
