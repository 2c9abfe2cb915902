#!/usr/bin/env bash
# Configures and builds into a build directory.
#   scripts/build.sh [release|sanitize] [TARGET...]   (default: every target)
# release  -> build/        (optimised; the CLI, tests, benchmarks)
# sanitize -> build-asan/   (Clang, AddressSanitizer + UndefinedBehaviorSanitizer)
set -euo pipefail
cd "$(dirname "$0")/.."

kind=${1:-release}
shift || true
targets=()
for t in "$@"; do targets+=(--target "$t"); done
case "$kind" in
  release)
    dir=build
    flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  sanitize)
    dir=build-asan
    # Clang here, so every CI run also proves the Clang build warning-free.
    flags=(-DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBARGAIN_SANITIZE=ON
           -DBARGAIN_BUILD_BENCHMARKS=OFF) ;;
  *)
    echo "usage: scripts/build.sh [release|sanitize]" >&2
    exit 2 ;;
esac

cmake -S . -B "$dir" -G Ninja "${flags[@]}" >/dev/null
cmake --build "$dir" --parallel "$(nproc)" "${targets[@]}"
