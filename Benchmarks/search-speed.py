#!/usr/bin/env python3
"""CPU time of `descent search` (100 trials of 100-step trajectories, Adam on Rosenbrock).

usage: search-speed.py DESCENT

Measures CPU time (user + system) of whole processes, which a busy machine inflates less
than wall time, and subtracts a 1-trial process (start-up, argument parsing, one trial) to
estimate the search itself. Median of 40 seeds each.
"""
import subprocess, resource, statistics as st, json, sys
B = sys.argv[1]
def cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN); return r.ru_utime + r.ru_stime
def run(algo, n, refine="0", fn="rosenbrock", opt="Adam", reps=40):
    ts = []
    for s in range(reps):
        cmd = [B, "search", "--optimizer", opt, "--function", fn, "--space", json.dumps({"lr": {"loguniform": [-8, 0.5]}}), "--evaluations", str(n), "--seed", str(s), "--algorithm", algo, "--search-steps", "100", "--refine", refine]
        t = cpu(); subprocess.run(cmd, capture_output=True); ts.append(cpu() - t)
    return st.median(ts) * 1000
base = run("random", 1)
print(f"1-trial process (startup + 1 trial): {base:.1f} ms CPU")
for algo, ref in [("random", "0"), ("tpe", "0"), ("tpe", "30"), ("optuna-tpe", "0"), ("optuna-tpe", "30")]:
    m = run(algo, 100, ref)
    print(f"{algo:10s} --refine {ref:2s}: {m:6.1f} ms CPU per 100-trial process; search alone ≈ {m - base:5.1f} ms")
