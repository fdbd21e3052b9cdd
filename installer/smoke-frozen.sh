#!/usr/bin/env bash
# Smoke-test a frozen build (or, with --wheel VENV, an installed wheel) from a folder outside the
# checkout: demo office file, a year report as PDF with every font embedded, the window painted
# with Vietnamese menus. Exit 1 on any problem.
#   bash installer/smoke-frozen.sh "dist/KSTTHC Desktop"       # frozen one-folder build
#   bash installer/smoke-frozen.sh --wheel /path/to/venv        # kstthc, kstthc-desktop of a venv
set -euo pipefail
if [ "${1:-}" = "--wheel" ]; then
  cli="$2/bin/kstthc"; gui="$2/bin/kstthc-desktop"; folder=""
else
  folder="$(cd "$1" && pwd)"; cli="$folder/kstthc"; gui="$folder/KSTTHC Desktop"
fi
here="$(mktemp -d)"
cd "$here"  # nothing of the checkout is reachable from here
export QT_QPA_PLATFORM=offscreen KSTTHC_REPORT_FONT=bundled
export XDG_CONFIG_HOME="$here/config" XDG_DATA_HOME="$here/data" XDG_STATE_HOME="$here/state"
fail() { echo "SMOKE FAIL: $*" >&2; exit 1; }

"$cli" --version
"$cli" demo --office "$here/demo.kstthc" || fail "kstthc demo"
"$cli" tasks --office "$here/demo.kstthc" --json > "$here/tasks.json" || fail "kstthc tasks"
year=$(date +%Y)
"$cli" report --office "$here/demo.kstthc" --period "$year-Y" --out "$here/bao-cao.pdf" || fail "kstthc report"
[ -s "$here/bao-cao.pdf" ] || fail "no PDF written"
fonts=$(pdffonts "$here/bao-cao.pdf") || fail "pdffonts cannot read the report"
echo "$fonts"
# every font row must say emb=yes (column 5 counted from the right: emb sub uni object ID)
awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit bad }' <<<"$fonts" || fail "a font is not embedded"
grep -q "LiberationSerif" <<<"$fonts" || fail "the bundled serif is not in the report"
text=$(pdftotext "$here/bao-cao.pdf" -) || fail "pdftotext cannot read the report"
grep -q "BÁO CÁO" <<<"$text" || fail "the report text is not Vietnamese"

out=$(timeout 120 "$gui" --office "$here/demo.kstthc" --smoke-test 2>&1) || fail "window smoke test: $out"
echo "$out"
grep -q "smoke-test ok" <<<"$out" || fail "window not painted"
grep -q "menus: Tệp" <<<"$out" || fail "the window is not in Vietnamese"
out=$(timeout 120 "$gui" --demo --screenshot "$here/shots" --size 1366x698 2>&1) || fail "screenshots: $out"
[ -n "$(ls "$here/shots"/*.png 2>/dev/null)" ] || fail "no screenshot written"

if [ -n "$folder" ]; then
  size=$(du -sm "$folder" | cut -f1)
  echo "frozen folder: ${size} MB unpacked ($(find "$folder" -type f | wc -l) files)"
  [ "$size" -le 150 ] || fail "the frozen folder is ${size} MB (budget 150 MB)"
fi
echo "smoke ok"
