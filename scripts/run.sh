#!/usr/bin/env bash
# The main job: install what is missing, build, and solve the bundled 2025
# scenario (extra arguments go to `bargain solve`).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release bargain_cli
exec build/bargain solve "$@"
