"""The CLI contract (DESIGN.md §8): JSON output, exit 0 / 2 with one line, no half-written file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from kstthc_desktop.cli import main
from kstthc_desktop.services.demo import create_demo
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return create_demo(tmp_path / "demo.kstthc", today=TODAY)


def run(capsys, *args: str) -> tuple[int, dict | str, str]:  # noqa: ANN001
    code = main(list(args))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def test_schedule_json_shape(capsys) -> None:
    code, data, _ = run(capsys, "schedule", "Tháng 3, 6, 9, 12/2023", "--json")
    assert code == 0
    assert set(data) == {"text", "kinds", "start", "due", "occurrences", "warnings"}
    assert data["kinds"] == ["months"]
    assert [o["due"] for o in data["occurrences"]] == ["2023-03-31", "2023-06-30", "2023-09-30", "2023-12-31"]


def test_tasks_json_has_contract_fields_and_status_at_date(capsys, demo: Path) -> None:
    code, data, _ = run(capsys, "tasks", "--office", str(demo), "--as-of", "2026-05-01", "--json")
    assert code == 0
    first = data["tasks"][0]
    assert {"id", "number", "content", "lead", "coordinating", "deadline_text", "due", "status", "children"} <= set(first)
    flat = []

    def walk(items: list[dict]) -> None:
        for t in items:
            flat.append(t)
            walk(t["children"])

    walk(data["tasks"])
    assert len(flat) == 47
    appendix = [t for t in flat if t["content"] == "Lĩnh vực Đất đai"][0]
    assert appendix["due"] == "2026-08-31" and appendix["status"] == "in_time"  # seen from 1/5
    code, data, _ = run(capsys, "tasks", "--office", str(demo), "--json")
    assert code == 0


def test_progress_then_tasks_shows_done(capsys, demo: Path) -> None:
    _, data, _ = run(capsys, "tasks", "--office", str(demo), "--as-of", "2026-11-25", "--json")
    tid = next(c["id"] for t in data["tasks"] for c in t["children"] if c["number"] == "2.6")
    code, out, _ = run(capsys, "progress", "--office", str(demo), "--task", str(tid), "--done", "--date",
                       "2026-09-10", "--note", "Đã ban hành quyết định kiện toàn", "--json")
    assert code == 0 and out["task"] == tid
    _, data, _ = run(capsys, "tasks", "--office", str(demo), "--as-of", "2026-11-25", "--json")
    task = next(c for t in data["tasks"] for c in t["children"] if c["id"] == tid)
    assert task["status"] == "done_on_time"


@pytest.mark.parametrize("args,needle", [
    (["progress", "--task", "99999", "--percent", "10"], "Không tìm thấy nhiệm vụ"),
    (["progress", "--task", "1", "--percent", "150"], "0 đến 100"),
    (["evidence", "add", "--task", "1", "/nonexistent/file.pdf"], "Không tìm thấy tệp"),
    (["report", "--period", "2026-Q7", "--out", "x.pdf"], "kỳ báo cáo"),
    (["report", "--period", "2026-Q1", "--out", "x.txt"], ".pdf hoặc .docx"),
])
def test_bad_input_exits_2_with_one_line(capsys, demo: Path, args: list[str], needle: str) -> None:
    before = demo.read_bytes()
    args = [*args[:1], *(["add"] if args[:2] == ["evidence", "add"] else []),
            "--office", str(demo), *args[2 if args[:2] == ["evidence", "add"] else 1:]]
    code, _, err = run(capsys, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and needle.lower() in err.lower()
    from kstthc_desktop.services import OfficeService

    with OfficeService.open(demo) as svc:
        assert svc.check() == ""
    assert len(demo.read_bytes()) == len(before)


def test_missing_office_file_exits_2_and_creates_nothing(capsys, tmp_path: Path) -> None:
    code, _, err = run(capsys, "tasks", "--office", str(tmp_path / "nope.kstthc"), "--json")
    assert code == 2 and "Không tìm thấy tệp dữ liệu" in err
    assert not (tmp_path / "nope.kstthc").exists()


def test_evidence_add_export_identical_and_check(capsys, demo: Path, tmp_path: Path) -> None:
    f = tmp_path / "Biên bản kiểm tra.pdf"
    f.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    code, out, _ = run(capsys, "evidence", "add", "--office", str(demo), "--task", "13", str(f), "--number",
                       "03/BB-UBND", "--json")
    assert code == 0 and len(out["ids"]) == 1
    code, out, _ = run(capsys, "evidence", "export", "--office", str(demo), "--to", str(tmp_path / "out"), "--json")
    assert code == 0
    exported = [Path(p) for p in out["files"] if Path(p).name == f.name]
    assert exported and exported[0].read_bytes() == f.read_bytes()
    code, out, _ = run(capsys, "check", "--office", str(demo), "--json")
    assert code == 0 and out["ok"] is True
    assert {p["key"] for p in out["parts"]} == {"sqlite", "foreign_keys", "freeze", "reports", "evidence",
                                                 "search_index"}
    assert next(p for p in out["parts"] if p["key"] == "evidence")["checked"] >= 2


def test_report_and_backup_commands(capsys, demo: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "bc.pdf"
    code, out, _ = run(capsys, "report", "--office", str(demo), "--period", "2026-Q3", "--out", str(pdf), "--json")
    assert code == 0 and pdf.read_bytes().startswith(b"%PDF")
    docx = tmp_path / "bc.docx"
    code, _, _ = run(capsys, "report", "--office", str(demo), "--period", "2026-H1", "--out", str(docx))
    assert code == 0 and docx.read_bytes()[:2] == b"PK"
    code, out, _ = run(capsys, "backup", "--office", str(demo), "--to", str(tmp_path / "usb"), "--json")
    assert code == 0 and Path(out["backup"]).exists()


def test_console_entry_point_runs_headless_in_a_fresh_interpreter(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop.cli", "schedule", "Quý III năm 2021", "--json"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["due"] == "2021-09-30"
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop.cli", "tasks"], cwd=ROOT, capture_output=True,
                          text=True)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1


def test_gui_smoke_test_flag(tmp_path: Path) -> None:
    demo = create_demo(tmp_path / "d.kstthc", today=TODAY)
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_DATA_HOME": str(tmp_path / "data")}
    import os

    env = {**os.environ, **env}
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop", "--office", str(demo), "--smoke-test"],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "47 tasks painted" in proc.stdout
    bad = tmp_path / "bad.kstthc"
    bad.write_bytes(b"not a database")
    proc = subprocess.run([sys.executable, "-m", "kstthc_desktop", "--office", str(bad), "--smoke-test"],
                          cwd=ROOT, capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2
    assert "không phải tệp dữ liệu KSTTHC" in proc.stderr


def test_import_dry_run_json_then_store_then_reimport(capsys, tmp_path: Path) -> None:
    from tests.unit.importers.fixtures import province_appendix, province_main, write_xlsx

    src = write_xlsx(tmp_path / "ke-hoach-tinh-2021.xlsx", [province_main(), province_appendix()])
    office = tmp_path / "xa.kstthc"
    code, data, _ = run(capsys, "import", str(src), "--office", str(office), "--dry-run", "--json")
    assert code == 0 and not office.exists()  # a dry run writes nothing
    assert {"title", "year", "sections", "appendices", "warnings"} <= set(data)
    assert data["year"] == 2021 and data["appendices"]
    task = data["sections"][0]["tasks"][0]
    assert {"number", "content", "lead", "coordinating", "deadline_text", "schedule", "products", "commune_role",
            "source_row", "children"} <= set(task)
    total = 0

    def count(items: list[dict]) -> None:
        nonlocal total
        for t in items:
            total += 1
            count(t["children"])

    for sec in data["sections"] + data["appendices"]:
        count(sec["tasks"])
    code, stored, _ = run(capsys, "import", str(src), "--office", str(office), "--json")
    assert code == 0 and stored["stored"]["added"] == total
    code, again, _ = run(capsys, "import", str(src), "--office", str(office), "--json")
    assert code == 0 and again["stored"] == {**again["stored"], "added": 0, "changed": 0, "removed": 0}
    code, listed, _ = run(capsys, "tasks", "--office", str(office), "--json")
    assert listed["year"] == 2021


def test_import_pdf_prose_plan_dry_run_prints_reference_then_stores(capsys, tmp_path: Path) -> None:
    from tests.unit.importers import documents as docs

    src = docs.write_pdf(tmp_path / "ke-hoach-so.pdf", docs.seed000())
    office = tmp_path / "so.kstthc"
    code, data, _ = run(capsys, "import", str(src), "--office", str(office), "--dry-run", "--json")
    assert code == 0 and not office.exists()
    assert set(data) == {"title", "year", "sections", "appendices", "warnings", "reference"}
    assert data["reference"]["number"] == "/KH-SCT" and data["reference"]["issuer"] == "Sở Công Thương"
    assert [t["number"] for t in data["sections"][0]["tasks"]] == [str(i) for i in range(1, 9)]
    code, text, _ = run(capsys, "import", str(src), "--office", str(office), "--dry-run")
    assert code == 0 and "Đọc được 8 nhiệm vụ" in text
    assert "Văn bản: Kế hoạch kiểm soát thủ tục hành chính" in text and "của Sở Công Thương" in text
    code, stored, _ = run(capsys, "import", str(src), "--office", str(office), "--json")
    assert code == 0 and stored["stored"]["added"] == 8


def test_import_of_a_non_spreadsheet_exits_2_and_leaves_the_office_untouched(capsys, tmp_path: Path,
                                                                             demo: Path) -> None:
    bad = tmp_path / "ke-hoach.xlsx"
    bad.write_bytes(b"%PDF-1.4 this is a pdf renamed")
    before = demo.read_bytes()
    code, _, err = run(capsys, "import", str(bad), "--office", str(demo))
    assert code == 2 and "ke-hoach.xlsx" in err and len(err.strip().splitlines()) == 1
    assert demo.read_bytes() == before


# --- Vietnamese help, dates as officers write them --------------------------------------------

ENGLISH_ARGPARSE = ("usage:", "options:", "positional arguments", "show this help", "required:", "invalid choice",
                    "expected one argument", "unrecognized arguments", "error:")


def _parsers() -> dict[str, object]:
    """Every parser of the CLI by its command words ('' for kstthc itself)."""
    import argparse

    from kstthc_desktop.cli import build_parser

    found: dict[str, object] = {}

    def walk(words: str, parser: argparse.ArgumentParser) -> None:
        found[words] = parser
        for action in parser._actions:  # noqa: SLF001 - walking our own parser
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
                for name, sub in action.choices.items():
                    walk(f"{words} {name}".strip(), sub)

    walk("", build_parser())
    return found


@pytest.mark.parametrize("words", list(_parsers()), ids=lambda w: w or "kstthc")
def test_every_help_page_is_vietnamese_and_describes_every_option(capsys, words: str) -> None:
    import argparse

    parser = _parsers()[words]
    for action in parser._actions:  # noqa: SLF001
        if not isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            assert action.help and action.help is not argparse.SUPPRESS, f"{words}: {action.option_strings}"
    with pytest.raises(SystemExit) as stop:
        main([*words.split(), "--help"])
    assert stop.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("Cách dùng: kstthc")
    for english in ENGLISH_ARGPARSE:
        assert english not in text.lower(), english


def test_bare_kstthc_prints_help_and_version_is_known(capsys) -> None:
    assert main([]) == 0
    assert "Cách dùng: kstthc" in capsys.readouterr().out
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    from kstthc_desktop import __version__

    assert stop.value.code == 0 and capsys.readouterr().out.strip() == f"kstthc {__version__}"


def test_bad_arguments_are_one_vietnamese_line_and_exit_2(capsys) -> None:
    for argv in (["bogus"], ["tasks"], ["tasks", "--office", "x", "--as-of", "31/02/2026"],
                 ["schedule", "Quý III", "--year", "0"], ["progress", "--office", "x", "--task", "abc"]):
        with pytest.raises(SystemExit) as stop:
            main(argv)
        err = capsys.readouterr().err
        assert stop.value.code == 2, argv
        assert len(err.strip().splitlines()) == 1 and err.startswith("kstthc"), err
        assert not any(e in err.lower() for e in ENGLISH_ARGPARSE), err


def test_dates_are_accepted_as_dd_mm_yyyy_and_iso(capsys, demo: Path) -> None:
    code, iso, _ = run(capsys, "tasks", "--office", str(demo), "--as-of", "2026-09-14", "--json")
    code2, dmy, _ = run(capsys, "tasks", "--office", str(demo), "--as-of", "14/09/2026", "--json")
    assert code == code2 == 0 and iso == dmy
    code3, early, _ = run(capsys, "tasks", "--office", str(demo), "--as-of", "1/2/2026", "--json")
    assert early != dmy  # a different day gives different statuses: the date was really read


def test_desktop_help_is_vietnamese() -> None:
    out = subprocess.run([sys.executable, "-m", "kstthc_desktop", "--help"], capture_output=True, text=True,
                         cwd=ROOT, timeout=60)
    assert out.returncode == 0 and out.stdout.startswith("Cách dùng: kstthc-desktop")
    assert "--size" in out.stdout and "TỆP" in out.stdout
    assert not any(e in out.stdout.lower() for e in ENGLISH_ARGPARSE)
