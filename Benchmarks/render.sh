#!/usr/bin/env bash
# Speed, size and memory of `descent render` on the seed's two GIF cases (a benchmark, not a
# test): wall and CPU seconds, peak RSS and file sizes of --gif --png, then --png alone.
# usage: Benchmarks/render.sh [OPTIMIZER_FOR_ROSENBROCK] [OPTIMIZER_FOR_RASTRIGIN]
# The seed's optimizers are Adamax and RMSprop; pass others where the registry lacks them.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release >/dev/null
B=$(swift build -c release --show-bin-path)/descent
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cases=("rosenbrock ${1:-Adamax} 0.484895 -2,2" "rastrigin ${2:-RMSprop} 0.227322 -2,3.5")
for c in "${cases[@]}"; do
  read -r f o lr start <<<"$c"
  args=(render --optimizer "$o" --hyperparameters "{\"lr\": $lr}" --function "$f" --start="$start" --steps 500 --size 800)
  /usr/bin/time -f "%e %U %M" -o "$out/t" "$B" "${args[@]}" --gif "$out/$f.gif" --png "$out/$f.png"
  read -r wall cpu rss <"$out/t"
  /usr/bin/time -f "%e %U" -o "$out/p" "$B" "${args[@]}" --png "$out/$f-only.png"
  read -r pwall pcpu <"$out/p"
  printf '%s %s: gif+png %ss wall %ss cpu, %s KB peak RSS, gif %s bytes, png %s bytes; png alone %ss wall %ss cpu\n' \
    "$f" "$o" "$wall" "$cpu" "$rss" "$(stat -c %s "$out/$f.gif")" "$(stat -c %s "$out/$f.png")" "$pwall" "$pcpu"
done
