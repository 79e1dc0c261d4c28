#!/usr/bin/env bash
# Sets up a fresh machine, runs the test suite, then builds and runs the example package that
# uses orgchart as a library (Examples/HelloChart).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
swift build --build-tests
swift test --skip-build --disable-swift-testing "$@"   # the tests are XCTest
swift run --package-path Examples/HelloChart HelloChart
