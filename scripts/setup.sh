#!/usr/bin/env bash
# Installs what bargain needs from Debian's packages, and nothing else.
# As root it runs apt-get; otherwise it prints the exact command and stops.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libboost-graph-dev libgmp-dev coinor-libclp-dev libeigen3-dev
  doctest-dev libbenchmark-dev libcli11-dev nlohmann-json3-dev
  graphviz clang libclang-rt-14-dev
  python3-jsonschema  # tests/check_scenario_schema.py, run by /usr/bin/python3
)

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "bargain needs these Debian packages; run as root:" >&2
  echo "  apt-get update && apt-get install -y ${missing[*]}" >&2
  exit 1
fi

echo "Installing: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
