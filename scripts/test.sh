#!/usr/bin/env bash
# Sets up a fresh machine and runs the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --tests
swift build --build-tests
swift test --skip-build --disable-swift-testing "$@"   # the tests are XCTest
