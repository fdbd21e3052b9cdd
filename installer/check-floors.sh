#!/usr/bin/env bash
# Honest dependency floors: install the LOWEST version pyproject.toml allows of every runtime
# dependency (each ">=X" pinned to "==X" through a constraints file, environment markers kept), then
# run the whole test suite against them from this checkout. Test tools (pytest, pytest-qt,
# hypothesis) resolve normally: the floors under test are the ones users' installs can get.
#
# Run from anywhere:  bash installer/check-floors.sh [VENV_DIR]
# (default venv: a fresh temporary folder; needs network access to PyPI and Qt's system libraries).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${1:-$(mktemp -d)/floors}"
python="${PYTHON:-python3}"

"$python" -m venv "$venv"
"$venv/bin/python" -m pip install -q --upgrade pip
floors="$venv/floors.txt"
"$venv/bin/python" - "$root/pyproject.toml" "$floors" <<'PY'
import re, sys, tomllib
deps = tomllib.load(open(sys.argv[1], "rb"))["project"]["dependencies"]
out = []
for dep in deps:
    spec, _, marker = dep.partition(";")
    m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(?:\[[^\]]*\])?\s*(.*)", spec)
    name, rest = m.group(1), m.group(2)
    floor = re.search(r">=\s*([0-9][^,\s]*)", rest)
    if not floor:
        sys.exit(f"{name}: no '>=' floor in pyproject.toml - declare one")
    out.append(f"{name}=={floor.group(1)}" + (f" ;{marker}" if marker.strip() else ""))
open(sys.argv[2], "w").write("\n".join(out) + "\n")
open(sys.argv[2] + ".req", "w").write("\n".join(deps) + "\n")
# the test tools resolve normally (their own floors are not what users install)
tests = tomllib.load(open(sys.argv[1], "rb"))["project"]["optional-dependencies"]["test"]
open(sys.argv[2] + ".test", "w").write("\n".join(tests) + "\n")
PY
echo "floors:"; sed 's/^/  /' "$floors"
"$venv/bin/python" -m pip install -q -c "$floors" -r "$floors.req" -r "$floors.test"
# every floor really installed: a package present at another version means a floor is not honest
"$venv/bin/python" - "$floors" <<'PY'
import sys
from importlib.metadata import PackageNotFoundError, version
bad = []
for line in open(sys.argv[1]):
    name, want = line.partition(";")[0].strip().split("==")
    try:
        got = version(name)
    except PackageNotFoundError:
        continue  # its marker excludes this Python
    def norm(v):
        parts = v.split(".")
        while len(parts) > 1 and parts[-1] == "0":
            parts.pop()
        return parts

    if norm(got) != norm(want):
        bad.append(f"{name}: {got} installed, floor {want}")
sys.exit("\n".join(bad) or None)
PY
cd "$root"
echo "+ $venv/bin/python -m pytest -q -p no:cacheprovider"
QT_QPA_PLATFORM=offscreen "$venv/bin/python" -m pytest -q -p no:cacheprovider
