"""Entry script of the frozen console program ``kstthc`` (absolute import: PyInstaller runs it as a script)."""

from kstthc_desktop.cli import main

raise SystemExit(main())
