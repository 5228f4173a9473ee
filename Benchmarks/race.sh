#!/usr/bin/env bash
# CPU time and sizes of the race (10 paths × 501 frames at 800×800: still PNG, GIF) and of the
# loss curve, through the public DescentRender API (a benchmark, not a test).
# usage: Benchmarks/race.sh [KEEP_DIR]   (KEEP_DIR keeps race.png, race.gif, loss.png)
set -euo pipefail
cd "$(dirname "$0")/.."
export DESCENT_RACE_BENCH=1
[ $# -ge 1 ] && export DESCENT_RACE_BENCH_KEEP="$1"
swift test -c release -Xswiftc -enable-testing --filter RaceBenchmark 2>&1 | grep -E '^race:|✘|error'
