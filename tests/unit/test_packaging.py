"""What the wheel and the desktop integration need: every package listed, every shipped file found."""

from __future__ import annotations

import configparser
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kstthc_desktop import resources
from kstthc_desktop.core.errors import KstthcError

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_subpackage_is_in_the_wheel() -> None:
    """The package list is explicit (two packages are mapped folders): a new subpackage must be added."""
    listed = set(PYPROJECT["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "kstthc_desktop").rglob("__init__.py")}
    missing = found - listed
    assert not missing, f"add to [tool.setuptools] packages in pyproject.toml: {sorted(missing)}"


def test_mapped_resource_folders_and_their_files_go_into_the_wheel() -> None:
    tool = PYPROJECT["tool"]["setuptools"]
    assert tool["package-dir"] == {"kstthc_desktop._resources": "resources", "kstthc_desktop._i18n": "i18n"}
    data = tool["package-data"]
    for folder in ("demo", "fonts", "icons", "linux"):
        package = f"kstthc_desktop._resources.{folder}"
        assert package in tool["packages"]
        files = [p for p in (ROOT / "resources" / folder).iterdir() if p.is_file()]
        assert files and all(any(p.match(g) for g in data[package]) for p in files), folder
    assert any((ROOT / "i18n").glob("*.qm")) and data["kstthc_desktop._i18n"] == ["*.qm"]


def test_resources_are_found_inside_an_installed_package_first(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    pkg = tmp_path / "kstthc_desktop"
    (pkg / "_resources" / "demo").mkdir(parents=True)
    (pkg / "_resources" / "demo" / "le_loi.json").write_text("{}", encoding="utf-8")
    (pkg / "_i18n").mkdir()
    monkeypatch.setattr(resources, "_PACKAGE", pkg)
    assert resources.resources_dir() == pkg / "_resources"
    assert resources.i18n_dir() == pkg / "_i18n"
    assert resources.resource_file("demo", "le_loi.json").read_text(encoding="utf-8") == "{}"
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path / "bundle"), raising=False)
    (tmp_path / "bundle" / "resources").mkdir(parents=True)
    assert resources.resources_dir() == tmp_path / "bundle" / "resources"  # a frozen build wins


def test_a_missing_shipped_file_is_an_error_for_the_officer(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(resources, "_PACKAGE", tmp_path / "nowhere" / "kstthc_desktop")
    with pytest.raises(KstthcError) as info:
        resources.resource_file("fonts", "LiberationSerif-Regular.ttf")
    assert "cài lại" in info.value.hint


def test_the_demo_fails_with_a_message_when_its_data_is_missing(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    from kstthc_desktop.services.demo import create_demo

    monkeypatch.setattr(resources, "_PACKAGE", tmp_path / "nowhere" / "kstthc_desktop")
    with pytest.raises(resources.ResourceMissing, match="le_loi.json"):
        create_demo(tmp_path / "demo.kstthc")


def test_linux_desktop_entry_opens_office_files() -> None:
    linux = ROOT / "resources" / "linux"
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(linux / "kstthc-desktop.desktop", encoding="utf-8")
    d = entry["Desktop Entry"]
    assert d["Type"] == "Application" and d["Exec"] == "kstthc-desktop %f" and d["Terminal"] == "false"
    scripts = PYPROJECT["project"]["gui-scripts"]
    assert d["Exec"].split()[0] in scripts  # the command the wheel installs
    mime = ET.parse(linux / "kstthc-desktop.xml").getroot()
    ns = "{http://www.freedesktop.org/standards/shared-mime-info}"
    kind = mime.find(f"{ns}mime-type")
    assert d["MimeType"] == kind.get("type") + ";"
    assert kind.find(f"{ns}glob").get("pattern") == "*.kstthc"
    assert d["Icon"] == kind.find(f"{ns}generic-icon").get("name")
    assert (ROOT / "resources" / "icons" / "kstthc.png").is_file() and (ROOT / "resources" / "icons" / "kstthc.ico").is_file()


def _run_without_shipped_files(args: list[str], module: str, tmp_path: Path):  # noqa: ANN202
    """Run the program as if installed without its resources (a broken install), headless."""
    import os
    import subprocess

    code = ("import sys; from pathlib import Path; import kstthc_desktop.resources as r\n"
            "r._PACKAGE = Path(sys.argv[1]) / 'kstthc_desktop'\n"
            f"from kstthc_desktop.{module} import main\n"
            "raise SystemExit(main(sys.argv[2:]))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KSTTHC_REPORT_FONT": "bundled",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_STATE_HOME": str(tmp_path / "state")}
    return subprocess.run([sys.executable, "-c", code, str(tmp_path / "nowhere"), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def test_headless_window_without_its_translation_fails_instead_of_showing_english(tmp_path: Path) -> None:
    proc = _run_without_shipped_files(["--demo", "--smoke-test"], "app", tmp_path)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "kstthc_vi.qm" in proc.stderr and "cài lại" in proc.stderr
    assert "smoke-test ok" not in proc.stdout


def test_report_without_its_font_fails_with_one_line(tmp_path: Path, demo_service) -> None:  # noqa: ANN001
    path = demo_service.path
    demo_service.close()
    out = tmp_path / "bao-cao.pdf"
    proc = _run_without_shipped_files(["report", "--office", str(path), "--period", "2026-Q3", "--out", str(out)],
                                      "cli", tmp_path)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "LiberationSerif" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not out.exists()


def test_the_log_rotates_at_start_up(tmp_path: Path) -> None:
    from kstthc_desktop import app

    log = tmp_path / "kstthc.log"
    log.write_bytes(b"x" * app.LOG_BYTES)
    (tmp_path / "kstthc.log.1").write_text("older", encoding="utf-8")
    (tmp_path / "kstthc.log.3").write_text("oldest", encoding="utf-8")
    app._rotate(log)
    assert not log.exists()
    assert (tmp_path / "kstthc.log.1").stat().st_size == app.LOG_BYTES
    assert (tmp_path / "kstthc.log.2").read_text(encoding="utf-8") == "older"
    assert not (tmp_path / "kstthc.log.4").exists()
    small = tmp_path / "small.log"
    small.write_text("a line", encoding="utf-8")
    app._rotate(small)
    assert small.read_text(encoding="utf-8") == "a line"
