#!/usr/bin/env bash
# The two-track model's full game tree at the edge of its memory budget:
# bundled scenarios with more rounds, each first sized without building
# (`bargain export --size`), then built and written to /dev/null when the
# estimate is within the budget (or refused, with the estimate, when not),
# with the wall time and the peak memory the kernel saw.
#   benchmarks/full_tree.sh                      the default budget, 8 GiB
#   MAX_MEMORY=2GiB benchmarks/full_tree.sh      a smaller one
# Environment: BUILD_DIR (build-bench), MAX_MEMORY (8GiB).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
budget=${MAX_MEMORY:-8GiB}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target bargain_cli >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-22s %-7s %-48s %s\n' scenario rounds "size (estimated before building)" "built: wall time, peak memory"
for case in minimal:2 minimal:3 minimal:4 private_types:5 private_types:6 \
            private_types:7 private_types:8; do
  name=${case%%:*} rounds=${case##*:}
  file=$work/$name-$rounds.json
  sed "s/\"rounds\": [0-9]*/\"rounds\": $rounds/" "$root/scenarios/$name.json" >"$file"
  size=$("$build/bargain" export "$file" --size |
         sed -E 's/.* has (.*) nodes and takes about (.*) bytes.*/\1 nodes, \2 bytes/')
  # A refused tree exits 1; its message is the result.
  result=$( { /usr/bin/time -f "%e s, %M KB" "$build/bargain" export "$file" \
              --efg /dev/null --max-memory "$budget" >/dev/null || true; } 2>&1 |
            sed -E -e '/^Command exited/d' \
                   -e 's/^bargain: .*(above|beyond) the memory budget.*/refused before building,/' |
            tr '\n' ' ' )
  printf '%-22s %-7s %-48s %s\n' "$name" "$rounds" "$size" "$result"
done
