"""Test setup: headless Qt, isolated settings, no user folders touched."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The catch-alls that keep one parser's bug from blocking the officer (the import boundary, the
# deadline parser) re-raise our own bugs in tests, child processes included.
os.environ["KSTTHC_STRICT"] = "1"
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")

TODAY = date(2026, 11, 25)


@pytest.fixture(autouse=True)
def _isolated_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """QSettings and platform folders point into a temp dir, so tests never touch the user's."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    try:
        from PySide6.QtCore import QSettings
    except ImportError:  # pragma: no cover - Qt is a hard dependency
        return
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(home / "qsettings"))


@pytest.fixture
def office_path(tmp_path: Path) -> Path:
    return tmp_path / "van-phong.kstthc"


@pytest.fixture
def demo_service(tmp_path: Path):
    from kstthc_desktop.services import OfficeService
    from kstthc_desktop.services.demo import create_demo

    path = create_demo(tmp_path / "demo.kstthc", today=TODAY)
    svc = OfficeService.open(path)
    yield svc
    svc.close()
