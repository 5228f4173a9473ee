#!/usr/bin/env python3
"""Compare search algorithms on one optimizer, function and space: median best over seeds.

usage: search-compare.py DESCENT OPTIMIZER FUNCTION SPACE_JSON [--seeds 20] [--evaluations 100]
                         [--objective distance]

Runs random, tpe and optuna-tpe, each as published (--refine 0) and with Descent's default
refinement, and prints the median, best and worst of the best objective over the seeds.
"""
import json, subprocess, sys, statistics as st
from concurrent.futures import ThreadPoolExecutor


def option(name, default):
    return sys.argv[sys.argv.index(name) + 1] if name in sys.argv else default


def main():
    binary, optimizer, function, space = sys.argv[1:5]
    seeds, evaluations = int(option("--seeds", "20")), option("--evaluations", "100")
    objective = option("--objective", "distance")

    def best(args):
        algorithm, refine, seed = args
        cmd = [binary, "search", "--optimizer", optimizer, "--function", function, "--space", space,
               "--evaluations", evaluations, "--seed", str(seed), "--algorithm", algorithm, "--objective", objective]
        if refine is not None:
            cmd += ["--refine", refine]
        p = subprocess.run(cmd, capture_output=True, text=True, check=True)
        value = json.loads(p.stdout)["objective"]
        return float("inf") if value is None else float(value)

    print(f"{optimizer} on {function}, space {space}, {evaluations} evaluations, {seeds} seeds, objective {objective}")
    with ThreadPoolExecutor(2) as pool:
        for algorithm in ("random", "tpe", "optuna-tpe"):
            for refine in ("0", None):
                bests = sorted(pool.map(best, [(algorithm, refine, s) for s in range(seeds)]))
                label = f"{algorithm} --refine {refine or 'default'}"
                print(f"  {label:28s} median {st.median(bests):10.4e}  best {bests[0]:10.4e}  worst {bests[-1]:10.4e}")


if __name__ == "__main__":
    main()
