"""PySide6 lives only here (and in app.py, i18n.py)."""
