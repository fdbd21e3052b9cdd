"""Hostile and broken PDFs: one clear Vietnamese line, exit 2, the office file untouched, no hang.

Each file is imported by the real command in a child process with a time limit, so a native
crash or a hang in the PDF library fails one test instead of the whole run.
"""

from __future__ import annotations

import hashlib
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import pdf as pdf_reader
from kstthc_desktop.importers import read_grids, read_plan

from . import documents as docs
from . import hostile_pdfs

ROOT = Path(__file__).resolve().parents[3]
WORDS = {
    "damaged_xref": "Không tìm thấy nhiệm vụ nào",  # pdfium rebuilds the table; the text holds no task
    "truncated": "bị hỏng hoặc chưa được tải về trọn vẹn",
    "huge_page_count": "có 5000 trang, quá dài cho một kế hoạch",
    "lying_page_count": "không có chữ nào",
    "nested_arrays": "Không tìm thấy nhiệm vụ nào",
    "nested_dicts": "Không tìm thấy nhiệm vụ nào",
    "nested_forms": "Không tìm thấy nhiệm vụ nào",
    "self_painting_form": "Không tìm thấy nhiệm vụ nào",
    "million_strokes": "Không tìm thấy nhiệm vụ nào",
    "encrypted": "được đặt mật khẩu",
}


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("office")
    path = folder / "van_phong.kstthc"
    subprocess.run([sys.executable, "-m", "kstthc_desktop.cli", "demo", "--office", str(path)], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    return path


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    files = hostile_pdfs.write_all(folder)
    files["encrypted"] = hostile_pdfs.encrypted(folder)
    return files


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", sorted(WORDS))
def test_hostile_pdf_refused_with_one_line_and_nothing_written(
    name: str, hostile: dict[str, Path], office: Path, tmp_path: Path
) -> None:
    before = _digest(office)
    fresh = tmp_path / "moi.kstthc"
    for target in (office, fresh):
        started = time.monotonic()
        run = subprocess.run(
            [sys.executable, "-m", "kstthc_desktop.cli", "import", str(hostile[name]), "--office", str(target)],
            cwd=ROOT, capture_output=True, text=True, timeout=60,
        )
        assert time.monotonic() - started < 30
        assert run.returncode == 2, run.stderr
        lines = run.stderr.strip().splitlines()
        assert len(lines) == 1 and WORDS[name] in lines[0], run.stderr
        assert run.stdout == ""
    assert _digest(office) == before
    assert not fresh.exists()


def test_time_limit_per_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = docs.write_pdf(tmp_path / "kh.pdf", docs.seed000())
    monkeypatch.setattr(pdf_reader, "MAX_SECONDS", -1.0)
    with pytest.raises(ImportFailed, match="đọc quá lâu"):
        read_grids(path)


def test_page_and_character_limits(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = docs.write_pdf(tmp_path / "kh.pdf", docs.seed000())
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 2)
    with pytest.raises(ImportFailed, match="tối đa 2 trang"):
        read_grids(path)
    monkeypatch.setattr(pdf_reader, "MAX_PAGES", 300)
    monkeypatch.setattr(pdf_reader, "MAX_CHARS_PER_PAGE", 100)
    with pytest.raises(ImportFailed, match="quá nhiều ký tự"):
        read_grids(path)


def test_drawing_object_limit_reads_on_with_a_warning(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = docs.write_pdf(tmp_path / "kh.pdf", docs.seed000())
    monkeypatch.setattr(pdf_reader, "MAX_OBJECTS_PER_PAGE", 3)
    plan = read_plan(path)
    assert len(list(plan.iter_tasks())) == 8
    assert any("quá nhiều hình vẽ" in w.message for w in plan.warnings)


_FUZZ_CHILD = r"""
import random, sys
from pathlib import Path
from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import read_plan

data = Path(sys.argv[1]).read_bytes()
out = Path(sys.argv[2])
rng = random.Random(13)
for n in range(40):
    b = bytearray(data)
    for _ in range(rng.randint(1, 40)):
        if len(b) < 64:
            break
        kind = rng.random()
        i = rng.randrange(len(b))
        if kind < 0.5:
            b[i] = rng.randrange(256)
        elif kind < 0.7:
            del b[i : i + rng.randint(1, 400)]
        elif kind < 0.85:
            j = rng.randrange(len(b))
            b[i:i] = b[j : j + rng.randint(1, 400)]
        else:
            b = b[: max(64, i)]
    out.write_bytes(bytes(b))
    try:
        plan = read_plan(out)
        print(n, "plan", sum(1 for _ in plan.iter_tasks()), flush=True)
    except ImportFailed as exc:
        assert exc.message and exc.hint, exc
        print(n, "refused", flush=True)
"""


def test_mutated_pdfs_give_a_plan_or_a_clear_refusal(tmp_path: Path) -> None:
    """Random damage to a real plan PDF, read in a child process: a native crash fails here, not the run."""
    src = docs.write_pdf(tmp_path / "kh.pdf", docs.seed000())
    run = subprocess.run([sys.executable, "-c", _FUZZ_CHILD, str(src), str(tmp_path / "hong.pdf")], cwd=ROOT,
                         capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stderr[-2000:]
    outcomes = [line.split()[1] for line in run.stdout.splitlines()]
    assert len(outcomes) == 40 and "refused" in outcomes
