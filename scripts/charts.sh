#!/usr/bin/env bash
# Sets up a fresh machine and renders every chart of orgchart.yml into Output/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product orgchart
.build/release/orgchart build "$@"
