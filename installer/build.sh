#!/usr/bin/env bash
# Build the frozen one-folder program on Linux and smoke-test it, in one command:
#   bash installer/build.sh [WORK_DIR]
# A fresh venv gets the pinned versions (installer/constraints.txt) and PyInstaller; the result is
# WORK_DIR/dist/KSTTHC Desktop/ ("KSTTHC Desktop" = the window, "kstthc" = the headless commands).
# Then installer/smoke-frozen.sh runs the demo, a report (fonts embedded) and the window's smoke test
# (Vietnamese menus) from outside the checkout, and prints the folder's size (budget 150 MB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
python="${PYTHON:-python3}"
mkdir -p "$work"
if [ ! -x "$work/venv/bin/python" ]; then
  "$python" -m venv "$work/venv"
fi
"$work/venv/bin/python" -m pip install -q --upgrade pip
# the project's dependencies and PyInstaller at their pinned versions (the package itself comes from
# the checkout through the spec's pathex, so nothing is installed from it)
deps=$("$work/venv/bin/python" -c "import tomllib; p = tomllib.load(open('$root/pyproject.toml', 'rb'))['project']; \
print('\n'.join(p['dependencies'] + p['optional-dependencies']['freeze']))")
printf '%s\n' "$deps" > "$work/requirements.txt"
"$work/venv/bin/python" -m pip install -q -c "$root/installer/constraints.txt" -r "$work/requirements.txt"
cd "$root"
"$work/venv/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$work/dist" --workpath "$work/build" installer/kstthc.spec
# Linux: the headless commands are the same executable started under the name "kstthc"
ln -sfn "KSTTHC Desktop" "$work/dist/KSTTHC Desktop/kstthc"
bash "$root/installer/smoke-frozen.sh" "$work/dist/KSTTHC Desktop"
