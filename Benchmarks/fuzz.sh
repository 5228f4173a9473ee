#!/usr/bin/env bash
# The long config fuzz (issue 14): thousands of seeded, mutated configs — hostile names,
# numbers, expressions, spaces — each rejected with a JSON path or run inside its own folder.
# Usage: Benchmarks/fuzz.sh [CASES]   (default 5000; the test suite runs 300)
set -euo pipefail
cd "$(dirname "$0")/.."
export DESCENT_FUZZ_CASES="${1:-5000}"
/usr/bin/time -v swift test --filter ConfigFuzzTests 2>&1 | grep -E "config fuzz|✘|passed after|failed after|Maximum resident|Elapsed"
