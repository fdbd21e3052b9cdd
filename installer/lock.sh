#!/usr/bin/env bash
# Regenerate installer/constraints.txt: every package (runtime, test, freeze extras) pinned to one
# version for all platforms (uv's universal resolution, so Windows-only dependencies of PyInstaller
# are in it too). The installer builds install with "-c installer/constraints.txt".
# Run after changing dependencies in pyproject.toml:  bash installer/lock.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="${PYTHON:-python3}"
tools="$(mktemp -d)/lock-tools"
"$python" -m venv "$tools"
"$tools/bin/python" -m pip install -q uv
cd "$root"
"$tools/bin/uv" pip compile pyproject.toml --universal --python-version 3.11 --extra test --extra freeze \
  --no-header --annotation-style line --output-file installer/constraints.txt
sed -i '1i # Pinned versions for reproducible installer builds. Regenerate: bash installer/lock.sh' \
  installer/constraints.txt
echo "wrote installer/constraints.txt ($(grep -c '==' installer/constraints.txt) pins)"
