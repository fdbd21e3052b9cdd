#!/bin/sh
# Register KSTTHC Desktop with a Linux desktop for the current user: menu entry, icon, and
# double-click on a .kstthc file. Needs the kstthc-desktop command on PATH (pip/pipx install).
# Run: sh "$(python -c 'import kstthc_desktop.resources as r; print(r.resources_dir())')/linux/install-desktop-entry.sh"
set -eu
here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/256x256/apps" "$data/mime/packages"
cp "$here/kstthc-desktop.desktop" "$data/applications/kstthc-desktop.desktop"
cp "$here/../icons/kstthc.png" "$data/icons/hicolor/256x256/apps/kstthc-desktop.png"
cp "$here/kstthc-desktop.xml" "$data/mime/packages/kstthc-desktop.xml"
command -v update-mime-database >/dev/null && update-mime-database "$data/mime" || true
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v xdg-mime >/dev/null && xdg-mime default kstthc-desktop.desktop application/x-kstthc || true
echo "KSTTHC Desktop: menu entry, icon and .kstthc association installed in $data"
