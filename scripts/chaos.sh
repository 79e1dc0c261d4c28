#!/usr/bin/env bash
# A longer run of the whole-pipeline chaos test: seeded random models (random trees with cross
# lines of every kind, names with markup, quotes, Graphviz escapes and non-Latin scripts) and
# random themes inside and outside their bounds, through every view × layout × drawing × format.
# The test suite runs one fixed seed for 3 rounds; this runs more seeds and rounds.
#
#   scripts/chaos.sh [SEEDS] [ROUNDS]      (defaults: 10 seeds of 10 rounds, a few minutes)
#
# A failing seed is printed with the command that replays it; its models and themes are kept in
# the directory it names (ORGCHART_CHAOS_KEEP).
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=${1:-10}
rounds=${2:-10}
swift build --build-tests >/dev/null
failed=0
for seed in $(seq 1 "$seeds"); do
  keep=$(mktemp -d)
  if ORGCHART_CHAOS_SEED=$seed ORGCHART_CHAOS_ROUNDS=$rounds ORGCHART_CHAOS_KEEP=$keep \
     swift test --skip-build --disable-swift-testing --filter ChaosTests >"$keep/log" 2>&1; then
    echo "seed $seed: passed"
    rm -rf "$keep"
  else
    failed=$((failed + 1))
    echo "seed $seed: FAILED (inputs and log in $keep)"
    grep -E "error:" "$keep/log" | head -5
    echo "    replay: ORGCHART_CHAOS_SEED=$seed ORGCHART_CHAOS_ROUNDS=$rounds swift test --filter ChaosTests"
  fi
done
echo "$((seeds - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
