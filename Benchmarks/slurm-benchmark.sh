#!/usr/bin/env bash
# The full default benchmark as a Slurm job array: each array task runs one shard of the
# optimizer × landscape units into a shared folder (units are separate files, written
# atomically, so tasks never collide); a dependent job assembles the leaderboard.
#
#   sbatch Benchmarks/slurm-benchmark.sh                 # 16 shards
#   sbatch --dependency=afterok:<jobid> --wrap "descent run configs/benchmark/default.json --output output && descent gallery output"
#
#SBATCH --job-name=descent-benchmark
#SBATCH --array=1-16
#SBATCH --cpus-per-task=2
#SBATCH --time=00:30:00
#SBATCH --output=descent-benchmark-%A_%a.log
set -euo pipefail
cd "${SLURM_SUBMIT_DIR:-$(dirname "$0")/..}"
BIN=${DESCENT:-$(swift build -c release --show-bin-path)/descent}
"$BIN" run configs/benchmark/default.json --output "${OUTPUT:-output}" \
  --shard "${SLURM_ARRAY_TASK_ID}/${SLURM_ARRAY_TASK_COUNT:-16}" --jobs "${SLURM_CPUS_PER_TASK:-2}" --json-lines
