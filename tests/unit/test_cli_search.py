"""`kstthc search` and the search part of `kstthc check`, as a script or an officer would use them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from kstthc_desktop.cli import main
from kstthc_desktop.services.demo import create_demo
from tests import evidence_files as make
from tests.conftest import TODAY


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    return create_demo(tmp_path / "demo.kstthc", today=TODAY)


def run(capsys, *args: str) -> tuple[int, object, str]:  # noqa: ANN001
    code = main(list(args))
    out, err = capsys.readouterr()
    try:
        return code, json.loads(out), err
    except json.JSONDecodeError:
        return code, out, err


def test_search_json_reads_new_files_first(capsys, demo: Path, tmp_path: Path) -> None:
    f = make.pdf(tmp_path / "qd-kien-toan.pdf", ["Quyết định số 418/QĐ-UBND về việc kiện toàn Tổ một cửa"])
    assert main(["evidence", "add", "--office", str(demo), "--task", "4", "--number", "418/QĐ-UBND", str(f)]) == 0
    capsys.readouterr()
    code, data, err = run(capsys, "search", "--office", str(demo), "kiện", "toàn", "tổ", "một", "cửa", "--json")
    assert code == 0
    assert "Đang đọc nội dung tệp 1/2" in err  # the demo's own note and the new PDF
    assert set(data) == {"query", "counts", "at_least", "pending_files", "tasks", "progress", "evidence"}
    assert data["pending_files"] == 0
    hit = data["evidence"][0]
    assert (hit["task_id"], hit["field"], hit["page"], hit["title"]) == (4, "file", 1, "418/QĐ-UBND – qd-kien-toan.pdf")
    a, b = hit["marks"][0]
    assert hit["snippet"][a:b] == "kiện toàn Tổ một cửa"


def test_search_text_output_groups_and_marks(capsys, demo: Path) -> None:
    code, out, _ = run(capsys, "search", "--office", str(demo), "rà soát hộ tịch")
    assert code == 0
    assert out.splitlines() == ["Tiến độ (1):",
                                "  [11] NV PL.15 05/09/2026 – kết quả: «Rà soát» lĩnh vực «Hộ tịch» xong sau hạn."]  # the appendix task


def test_search_without_reading_files_says_what_is_pending(capsys, demo: Path) -> None:
    code, data, err = run(capsys, "search", "--office", str(demo), "dữ liệu mẫu", "--no-index", "--json")
    assert code == 0 and err == ""
    assert data["pending_files"] == 1 and data["evidence"] == []
    code, out, _ = run(capsys, "search", "--office", str(demo), "không có từ này", "--no-index")
    assert out.strip().splitlines() == ["Không tìm thấy 'không có từ này'.",
                                        "(Còn 1 tệp minh chứng chưa đọc nội dung.)"]


@pytest.mark.parametrize("args", [["--", "--//--"], ["x", "--limit", "0"]])
def test_search_bad_input_is_one_line_and_exit_2(capsys, demo: Path, args: list[str]) -> None:
    before = demo.read_bytes()
    code, _, err = run(capsys, "search", "--office", str(demo), *args)
    assert code == 2 and err.startswith("kstthc: ") and err.count("\n") == 1
    assert demo.read_bytes() == before


def test_check_rebuilds_a_drifted_index(capsys, demo: Path) -> None:
    conn = sqlite3.connect(demo)
    conn.execute("DELETE FROM search_tasks WHERE id = 3")  # a row the index no longer knows
    conn.commit()
    conn.close()
    code, data, _ = run(capsys, "check", "--office", str(demo), "--json")
    assert code == 0
    assert data["search_index"]["drifted"] == ["search_tasks"] and data["search_index"]["repaired"]
    code, out, _ = run(capsys, "check", "--office", str(demo))
    assert (code, out.strip()) == (0, "Tệp dữ liệu bình thường.")
