#!/usr/bin/env bash
# Builds the benchmarks in Release and runs them pinned to one core, writing
# the console table and Google Benchmark's JSON to $OUT_DIR (by default
# results/ in the build directory), with the machine's lscpu beside them.
# Extra arguments go to the benchmark program, e.g.
#   benchmarks/run.sh --benchmark_filter='backward_induction<double>'
# Environment: BUILD_DIR, OUT_DIR, REPETITIONS (5), MIN_TIME (0.5 seconds).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
out=${OUT_DIR:-$build/results}

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bargain_benchmarks

# One core, away from core 0 where interrupts land; on a machine with one
# core, or without taskset, the run is unpinned.
pin=()
if command -v taskset >/dev/null && taskset -c 1 true 2>/dev/null; then
  pin=(taskset -c 1)
fi

mkdir -p "$out"
stamp=$(date +%Y%m%d-%H%M%S)
lscpu >"$out/machine-$stamp.txt"
"${pin[@]}" "$build/benchmarks/bargain_benchmarks" \
  --benchmark_repetitions="${REPETITIONS:-5}" \
  --benchmark_min_time="${MIN_TIME:-0.5}" \
  --benchmark_display_aggregates_only=true \
  --benchmark_out="$out/benchmarks-$stamp.json" \
  --benchmark_out_format=json \
  "$@" | tee "$out/benchmarks-$stamp.txt"
echo "results: $out/benchmarks-$stamp.{txt,json}"
