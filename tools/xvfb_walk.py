"""A real user-driven walk on a virtual 1366×768 X screen (Xvfb + xdotool, the real xcb window).

Not part of the test run (it needs Xvfb and xdotool, and takes ~20 s). It starts the program on a
fresh sample file, finds a task with the search box (typed without accents) and takes the first
result with Enter, which selects the task in the table, opens
"Ghi tiến độ…" with Ctrl+G, steps the date a month back with the arrow key, types the percent and a
Vietnamese note, accepts with the OK button, and closes the program with Ctrl+Q; then it reads the
office file to check the entry, and saves a screenshot of each step.

    python tools/xvfb_walk.py OUT_DIR [--display :91]

Debian/Ubuntu: apt-get install xvfb xdotool (plus the xcb libraries listed in the README).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NOTE = "Đã kiện toàn tổ công tác, gửi báo cáo"
SEARCH = "Tham mưu, theo dõi"
TYPED = "tham muu, theo doi"  # typed without accents: the search finds "Tham mưu, theo dõi" all the same


def run(*cmd: str, env: dict | None = None, check: bool = True) -> str:
    return subprocess.run(cmd, env=env, capture_output=True, text=True, check=check).stdout.strip()


def shot(display: str, path: Path) -> None:
    from PIL import ImageGrab

    ImageGrab.grab(xdisplay=display).save(path)
    print(f"screenshot {path}")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out", type=Path)
    p.add_argument("--display", default=":91")
    args = p.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="kstthc-xvfb-"))
    office = work / "van-phong.kstthc"
    env = dict(os.environ, DISPLAY=args.display, QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT),
               XDG_CONFIG_HOME=str(work / "config"), XDG_DATA_HOME=str(work / "data"),
               XDG_STATE_HOME=str(work / "state"), HOME=str(work))
    env.pop("QT_SCALE_FACTOR", None)
    run(sys.executable, "-m", "kstthc_desktop.cli", "demo", "--office", str(office), env=env)

    xvfb = subprocess.Popen(["Xvfb", args.display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    app = None
    try:
        time.sleep(1.0)
        started = time.monotonic()
        app = subprocess.Popen([sys.executable, "-m", "kstthc_desktop", "--office", str(office), "--lang", "vi"],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        win = run("xdotool", "search", "--sync", "--onlyvisible", "--name", "KSTTHC Desktop", env=env).split()[0]
        time.sleep(1.5)  # the first paint, the tabs made after it
        geometry = run("xdotool", "getwindowgeometry", win, env=env)
        print(f"window up in {time.monotonic() - started:.1f} s: {' '.join(geometry.split())}")
        shot(args.display, out / "1-bang.png")

        # find the task with the search box (Ctrl+F): its list of results drops down; Enter takes the
        # first (the task), which selects it in the table
        run("xdotool", "windowfocus", "--sync", win, env=env)  # no window manager here: focus by hand
        run("xdotool", "key", "ctrl+f", env=env)
        run("xdotool", "type", "--delay", "20", TYPED, env=env)
        time.sleep(1.0)
        shot(args.display, out / "2-tim-kiem.png")
        run("xdotool", "key", "Return", env=env)
        time.sleep(0.6)
        shot(args.display, out / "2-chon-nhiem-vu.png")

        # "Ghi tiến độ…" from the keyboard: the real dialog
        run("xdotool", "key", "ctrl+g", env=env)
        dlg = run("timeout", "10", "xdotool", "search", "--sync", "--onlyvisible", "--name", "Ghi tiến độ",
                  env=env).split()[0]
        time.sleep(0.8)
        key = lambda *k: run("xdotool", "key", "--delay", "120", *k, env=env)  # noqa: E731

        where = run("xdotool", "getwindowgeometry", "--shell", dlg, env=env)
        origin = {k: int(v) for k, v in (line.split("=") for line in where.splitlines()) if k in ("X", "Y")}

        def click(x: int, y: int) -> None:  # inside the dialog, as it lays out at 96 dpi
            run("xdotool", "mousemove", str(origin["X"] + x), str(origin["Y"] + y), "click", "1", env=env)
            time.sleep(0.3)

        click(30, 23)  # on the label "Ngày": the first click only brings the dialog forward (no window manager)
        click(168, 23)  # on the month of the date (stepping a day back stops at the 1st; a month never does)
        key("Down")  # a month earlier
        click(200, 83)  # the percent
        key("ctrl+a")
        run("xdotool", "type", "--delay", "80", "80", env=env)
        click(300, 218)  # the result note
        run("xdotool", "type", "--delay", "80", NOTE, env=env)
        time.sleep(0.4)
        shot(args.display, out / "3-ghi-tien-do.png")
        click(346, 338)  # Đồng ý
        time.sleep(1.0)
        shot(args.display, out / "4-da-ghi.png")
        run("xdotool", "windowfocus", "--sync", win, env=env)
        run("xdotool", "key", "ctrl+q", env=env)
        app.wait(timeout=15)
        print(f"program closed with code {app.returncode}")
    finally:
        if app is not None and app.poll() is None:
            app.kill()
        xvfb.terminate()
        xvfb.wait(timeout=10)

    check = (
        "import json, sys\n"
        "from kstthc_desktop.services import OfficeService\n"
        "with OfficeService.open(sys.argv[1]) as s:\n"
        "    p = s.current_plan()\n"
        "    t = next(t for t in s.tasks(p.id) if t.content.startswith(sys.argv[2]))\n"
        "    print(json.dumps([[e.on.isoformat(), e.percent, e.note] for e in s.progress(t.id)]))\n"
    )
    entries = json.loads(run(sys.executable, "-c", check, str(office), SEARCH, env=env))
    print(f"progress of '{SEARCH}…': {entries}")
    ours = [e for e in entries if e[1:] == [80, NOTE]]
    if not ours or not date.fromisoformat(ours[0][0]) < date.today():
        print(f"FAILED: no entry at 80 % with the note, dated before {date.today()}")
        return 1
    print(f"ok: the entry typed in the real dialog is in the office file, dated {ours[0][0]} (earlier than today)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
