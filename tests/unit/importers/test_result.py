"""The preview result: JSON shape, depth-first walk, remembered column mappings."""

from __future__ import annotations

import subprocess
import sys

from kstthc_desktop.core.model import CommuneRole, Schedule
from kstthc_desktop.importers import ColumnMapping, ImportedPlan, ImportedSection, ImportedTask, ImportWarning


def task(number: str, *children: ImportedTask) -> ImportedTask:
    return ImportedTask(number=number, content=f"Việc {number}", children=list(children))


def test_iter_tasks_depth_first_sections_then_appendices() -> None:
    plan = ImportedPlan(
        title="KẾ HOẠCH",
        year=2022,
        sections=[ImportedSection("I", "A", [task("1", task("1.1", task("a")), task("1.2")), task("2")])],
        appendices=[ImportedSection("", "Phụ lục", [task("1")], appendix=True)],
    )
    assert [t.number for t in plan.iter_tasks()] == ["1", "1.1", "a", "1.2", "2", "1"]


def test_to_json_exact_shape() -> None:
    t = ImportedTask(
        number="1",
        content="Việc",
        lead=["Văn phòng"],
        coordinating=["UBND cấp xã"],
        deadline_text="Quý I",
        schedule=Schedule(text="Quý I"),
        products="Báo cáo",
        commune_role=CommuneRole.COORDINATING,
        source_sheet="KH",
        source_row=7,
        notes="ghi chú",
    )
    plan = ImportedPlan(
        "KẾ HOẠCH", 2022, [ImportedSection("I", "A", [t])], [], [ImportWarning("KH", 7, "Nghi ngờ")]
    )
    assert plan.to_json() == {
        "title": "KẾ HOẠCH",
        "year": 2022,
        "sections": [
            {
                "number": "I",
                "title": "A",
                "tasks": [
                    {
                        "number": "1",
                        "content": "Việc",
                        "lead": ["Văn phòng"],
                        "coordinating": ["UBND cấp xã"],
                        "deadline_text": "Quý I",
                        "schedule": Schedule(text="Quý I").to_json(),
                        "products": "Báo cáo",
                        "commune_role": "coordinating",
                        "source_row": 7,
                        "children": [],
                    }
                ],
            }
        ],
        "appendices": [],
        "warnings": [{"sheet": "KH", "row": 7, "message": "Nghi ngờ"}],
        "reference": {
            "number": "", "date": None, "date_text": "", "place": "", "issuer": "", "parent_issuer": "",
            "kind": "", "title": "", "year": None,
        },
    }  # fmt: skip


def test_column_mapping_round_trip_and_sanitising() -> None:
    mapping = ColumnMapping(columns={"number": 0, "content": 2, "deadline": 5}, header_row=3, sheet="KH")
    assert ColumnMapping.from_dict(mapping.to_dict()) == mapping
    stale = {
        "sheet": 5,
        "header_row": "x",
        "columns": {"content": 1, "lead": 1, "deadline": -2, "bogus": 3, "notes": True},
    }
    assert ColumnMapping.from_dict(stale) == ColumnMapping(columns={"content": 1}, header_row=-1, sheet="")
    assert ColumnMapping.from_dict({"number": 0, "content": 1}).columns == {"number": 0, "content": 1}
    assert ColumnMapping.from_dict(None) == ColumnMapping()


def test_importing_the_package_loads_no_heavy_library() -> None:
    code = (
        "import sys, kstthc_desktop.importers as m; "
        "bad = [n for n in ('openpyxl', 'python_calamine', 'docx', 'PySide6', 'sqlite3') if n in sys.modules]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
