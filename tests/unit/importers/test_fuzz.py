"""Robustness: random grids and damaged files give a plan or ImportFailed, never a crash."""

from __future__ import annotations

import random
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import Grid, ImportedPlan, build_plan, read_plan

from . import fixtures as fx

TOKENS = [
    "", "", "", "STT", "TT", "Số\nTT", "Nội dung công việc", "Nhiệm vụ", "Đơn vị chủ trì", "Phối hợp",
    "Thời gian hoàn thành", "Thời hạn", "Sản phẩm dự kiến", "Lĩnh vực", "Ghi chú", "I", "II", "III.",
    "IV. TỔ CHỨC", "V TITLE", "XL", "1", "1.", "1.1", "1.1.1", "2", "10", "a)", "b", "đ)", "-", "+", "•",
    "(1)", "(2)", "(3)", "PHỤ LỤC I:", "Ghi chú:", "Nơi nhận:", "TM. UBND", "KẾ HOẠCH năm 2024",
    "UBND cấp xã", "Văn phòng UBND tỉnh; Sở Tư pháp", "Các sở, ban, ngành", "Thường xuyên",
    "Quý III năm 2021", "Trước ngày 31/8/2022", "tháng 13", "31/02", "Hµ Néi", "Thuû tuïc",
    "- Lấy ý kiến", "1. Hoàn thiện", "x" * 300, "\n", "…", "0", "999999999999",
]  # fmt: skip

cell = st.one_of(st.sampled_from(TOKENS), st.text(max_size=20))


@st.composite
def grids(draw: st.DrawFn) -> list[Grid]:
    out = []
    for index in range(draw(st.integers(1, 3))):
        width = draw(st.integers(1, 7))
        rows = draw(st.lists(st.lists(cell, min_size=width, max_size=width), max_size=25))
        height = len(rows)
        spans = []
        if height:
            for _ in range(draw(st.integers(0, 4))):
                r0 = draw(st.integers(0, height - 1))
                c0 = draw(st.integers(0, width - 1))
                spans.append((r0, c0, draw(st.integers(r0, height - 1)), draw(st.integers(c0, width - 1))))
        name = draw(st.sampled_from(["Sheet1", "Phụ lục", "PL2", "Bảng 1", f"S{index}"]))
        out.append(
            Grid(
                name=name,
                rows=rows,
                spans=spans,
                title_lines=draw(st.lists(cell, max_size=3)),
                hidden=draw(st.booleans()),
            )
        )
    return out


@settings(max_examples=300, deadline=None)
@given(grids(), st.one_of(st.none(), st.integers(2000, 2030)))
def test_random_grids_give_plan_or_import_failed(gs: list[Grid], year: int | None) -> None:
    try:
        plan = build_plan(gs, year=year, source_file="ngau_nhien.xlsx")
    except ImportFailed as exc:
        assert "ngau_nhien.xlsx" in exc.message
        return
    assert isinstance(plan, ImportedPlan)
    plan.to_json()
    for task in plan.iter_tasks():
        assert isinstance(task.lead, list) and all(isinstance(u, str) and u for u in task.lead)


@pytest.fixture(scope="module")
def small_xlsx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "nho.xlsx"
    fx.write_xlsx(path, [fx.commune_main()])
    return path.read_bytes()


def _read(data: bytes, name: str = "hong.xlsx") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            plan = read_plan(path)
        except ImportFailed as exc:
            assert name in exc.message
        else:
            assert isinstance(plan, ImportedPlan)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
    st.booleans(),
)
def test_mutated_xlsx_bytes(small_xlsx: bytes, flips: list[tuple[float, int]], truncate: bool) -> None:
    data = bytearray(small_xlsx)
    for where, value in flips:
        data[int(where * len(data))] = value
    if truncate:
        data = data[: int(flips[0][0] * len(data))]
    _read(bytes(data))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 2**32 - 1), st.integers(1, 12))
def test_mutated_xml_inside_valid_zip(small_xlsx: bytes, seed: int, count: int) -> None:
    """Damage the XML itself (the zip stays valid and its checksums right)."""
    _read(_mutate_xml(small_xlsx, seed, count, ".xlsx"))


@pytest.fixture(scope="module")
def small_docx(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "nho.docx"
    fx.write_docx(path, [fx.commune_main()])
    return path.read_bytes()


@pytest.fixture(scope="module")
def small_ods(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("fuzz") / "nho.ods"
    fx.write_ods(path, [fx.commune_main()])
    return path.read_bytes()


def _mutate_xml(data: bytes, seed: int, count: int, suffix: str) -> bytes:
    rnd = random.Random(seed)
    folder = Path(tempfile.mkdtemp())
    src, out = folder / f"src{suffix}", folder / f"out{suffix}"
    src.write_bytes(data)
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        victims = [i.filename for i in zin.infolist() if i.filename.endswith(".xml")]
        victim = rnd.choice(victims)
        for info in zin.infolist():
            raw = bytearray(zin.read(info))
            if info.filename == victim and raw:
                for _ in range(count):
                    pos = rnd.randrange(len(raw))
                    raw[pos] = rnd.choice(b'<>/"=& abc0123\x00\xff')
            zout.writestr(info.filename, bytes(raw))
    result = out.read_bytes()
    src.unlink()
    out.unlink()
    folder.rmdir()
    return result


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), min_size=1, max_size=8),
    st.integers(0, 2**32 - 1), st.integers(1, 12),
)
def test_mutated_word_documents(small_docx: bytes, flips: list[tuple[float, int]], seed: int, count: int) -> None:
    """A Word plan damaged in its bytes or in its XML: a plan or ImportFailed, never a crash."""
    data = bytearray(small_docx)
    for where, value in flips:
        data[int(where * len(data))] = value
    _read(bytes(data), "hong.docx")
    _read(_mutate_xml(small_docx, seed, count, ".docx"), "hong.docx")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(0, 2**32 - 1), st.integers(1, 12), st.floats(0.05, 1))
def test_mutated_and_truncated_ods(small_ods: bytes, seed: int, count: int, keep: float) -> None:
    _read(_mutate_xml(small_ods, seed, count, ".ods"), "hong.ods")
    _read(small_ods[: int(keep * len(small_ods))], "hong.ods")
