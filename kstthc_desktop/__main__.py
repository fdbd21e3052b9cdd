"""``python -m kstthc_desktop`` and the frozen build's entry: an absolute import works in both."""

from kstthc_desktop.app import main

raise SystemExit(main())
