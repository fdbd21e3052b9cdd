"""Entry script of the frozen build: the window, or the headless commands when started as ``kstthc``.

One script for both programs (absolute imports: PyInstaller runs it as a script, not as a package
module). Windows gets two executables from it (``KSTTHC Desktop.exe`` without a console,
``kstthc.exe`` with one); Linux gets one executable and a ``kstthc`` symbolic link to it.
"""

import os
import sys


def main() -> int:
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0].lower()
    if name == "kstthc":
        from kstthc_desktop.cli import main as run
    else:
        from kstthc_desktop.app import main as run
    return run()


raise SystemExit(main())
