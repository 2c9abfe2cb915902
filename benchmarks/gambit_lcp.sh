#!/usr/bin/env bash
# Compares our sequence-form Lemke (`bargain solve --method lcp`) with Gambit 17's gambit-lcp, in
# CPU seconds per solve (user+sys), on the games Gambit timed in the peers' data:
#   - every .efg that gambit-lcp solved (results/summary.csv), exact arithmetic;
#   - the generated imp_* Bayesian games (generated-timings.csv), regenerated with gen_efg.py's
#     default seed: exact for Gambit's `lcp` rows, double precision for its `lcp-float` rows.
# Gambit's times come from the CSVs (same kind of 2-core machine, 0.01 s resolution); ours are
# measured here. Prints a Markdown table and writes it to $OUT_DIR/gambit-lcp-<timestamp>.md.
#   benchmarks/gambit_lcp.sh
# Environment: BUILD_DIR (build-bench, configured in Release), SHARED_DIR (../shared),
# OUT_DIR ($BUILD_DIR/results), CAP (60: seconds allowed for one solve of ours).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
gambit=${SHARED_DIR:-$root/../shared}/peers/gambit
out=${OUT_DIR:-$build/results}
cap=${CAP:-60}

# Configure only our own default directory: a BUILD_DIR given to us keeps its own settings.
if [[ -z ${BUILD_DIR:-} ]]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build "$build" --target bargain_cli
cli=$build/bargain

# Pin this shell (and so every solve) to one core, away from core 0 where interrupts land;
# pinning the shell rather than each run keeps taskset's own start-up out of the timings.
if command -v taskset >/dev/null && taskset -c 1 true 2>/dev/null; then
  taskset -cp 1 $$ >/dev/null
fi

mkdir -p "$out"
md=$out/gambit-lcp-$(date +%Y%m%d-%H%M%S).md
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
TIMEFORMAT='%U %S'
min_ratio=

# measure FILE [--exact]: sets `ours` to our CPU seconds per solve, or to "error: ..." if it fails.
measure() {
  local args=(solve "$1" --method lcp --format gambit "${@:2}") n=3 i t rc=0 msg
  # One capped run first, so a hard game costs at most $cap and a failing one is reported;
  # the timed runs repeat the same deterministic work, so they go uncapped (no `timeout` process).
  msg=$(timeout "$cap" "$cli" "${args[@]}" 2>&1 >/dev/null) || rc=$?
  if ((rc == 124)); then ours="timeout>${cap}s"; return; fi
  if ((rc != 0)); then ours="error (rc $rc): $(head -n1 <<<"$msg" | tr '|' '/')"; return; fi
  # At least 3 runs, doubling until they add up to 0.2 s of CPU: our start-up alone is ~3 ms.
  while :; do
    t=$({ time for ((i = 0; i < n; i++)); do "$cli" "${args[@]}" >/dev/null 2>&1; done; } 2>&1)
    if awk -v t="$t" 'BEGIN { split(t, a, " "); exit !(a[1] + a[2] >= 0.2) }'; then break; fi
    n=$((n * 2))
  done
  ours=$(awk -v t="$t" -v n="$n" 'BEGIN { split(t, a, " "); printf "%.5f", (a[1] + a[2]) / n }')
}

# row GAME NODES GAMBIT_CPU GAMBIT_WALL GAMBIT_STATUS: measures nothing, prints one table row.
row() {
  local ratio
  if [[ $5 != ok ]]; then ratio="Gambit: $5"
  elif [[ $ours != [0-9]* ]]; then ratio="n/a (ours failed)"
  elif [[ $3 == 0.00 ]]; then ratio="n/a (<0.01 s)"
  else
    ratio=$(awk -v g="$3" -v o="$ours" 'BEGIN { printf "%.3g", g / o }')
    min_ratio=$(awk -v r="$ratio" -v m="$min_ratio" 'BEGIN { print (m == "" || r < m) ? r : m }')
  fi
  echo "| $1 | $2 | $3 | $4 | $ours | $ratio |" | tee -a "$md"
}

{ echo "| game | nodes | Gambit CPU s | Gambit wall s | bargain CPU s | ratio (Gambit CPU / ours) |"
  echo "|---|---|---|---|---|---|"; } | tee "$md"

# Gambit's own games: node counts from INVENTORY.csv; summary.csv lists some games twice.
declare -A nodes
while IFS=, read -r file _ _ size _; do nodes[$file]=$size; done <"$gambit/INVENTORY.csv"
while IFS=, read -r game wall cpu; do
  measure "$gambit/games/$game" --exact
  row "$game" "${nodes[$game]:-?}" "$cpu" "$wall" ok
done < <(awk -F, '$3 == "gambit-lcp" && $6 == "ok" && $7 == "efg" && !seen[$1]++ { print $1 "," $5 "," $9 }' \
  "$gambit/results/summary.csv")

# Generated Bayesian games: imp_T2_K3_A2_B2 is `gen_efg.py imp 2 3 2 2` with the default seed.
if ! command -v python3 >/dev/null; then
  echo "python3 not found: skipping the generated imp_* games" | tee -a "$md"
else
  while IFS=, read -r game nodes_ tool wall status cpu; do
    [[ $game =~ ^imp_T([0-9]+)_K([0-9]+)_A([0-9]+)_B([0-9]+)$ ]] || continue
    efg=$tmp/$game.efg
    [[ -s $efg ]] || python3 "$gambit/gen_efg.py" imp "${BASH_REMATCH[@]:1}" >"$efg"
    if [[ $tool == lcp ]]; then measure "$efg" --exact; else measure "$efg"; game+=" (double)"; fi
    # Gambit timed out or was skipped: its CPU so far (if any) is a lower bound.
    [[ $status == ok ]] || cpu=${cpu:+>$cpu}
    row "$game" "$nodes_" "${cpu:--}" "${wall:--}" "$status"
  done < <(awk -F, '$2 == "imp" && ($4 == "lcp" || $4 == "lcp-float") { print $1 "," $3 "," $4 "," $5 "," $7 "," $9 }' \
    "$gambit/generated-timings.csv")
fi

echo "minimum ratio where Gambit's CPU time is at least 0.01 s: ${min_ratio:-none}" | tee -a "$md"
echo "results: $md"
