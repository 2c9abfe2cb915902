#!/usr/bin/env bash
# Install what is missing, build, and run every test:
#   scripts/test.sh             the optimised build
#   scripts/test.sh --sanitize  the same suite under ASan + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
if [[ "${1:-}" == "--sanitize" ]]; then
  scripts/build.sh sanitize
  dir=build-asan
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
else
  scripts/build.sh release
  dir=build
fi
ctest --test-dir "$dir" --output-on-failure --parallel "$(nproc)"
