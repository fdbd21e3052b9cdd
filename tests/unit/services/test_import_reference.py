"""The plan reference read at import lands in Plan.source_* (what the report cites)."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import ValidationError
from kstthc_desktop.core.model import Office
from kstthc_desktop.services import OfficeService
from tests.unit.importers import documents as docs


@pytest.fixture
def svc(office_path: Path):
    s = OfficeService.open(office_path, create=True)
    s.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield s
    s.close()


def test_reference_stored_on_the_office_plan_and_kept_on_reimport(svc: OfficeService, tmp_path: Path) -> None:
    src = docs.write_pdf(tmp_path / "ke-hoach-xa.pdf", docs.seed004())
    imported = svc.preview_import(src)
    assert svc.plans() == []  # a preview writes nothing
    result = svc.apply_import(imported)
    plan = svc.current_plan()
    assert plan.id == result.plan_id
    assert (plan.source_number, plan.source_date, plan.source_issuer) == ("/KH-UBND", date(2022, 2, 28),
                                                                        "UBND xã Lê Lợi")
    assert plan.source_title.startswith("Kế hoạch kiểm soát thủ tục hành chính")
    assert plan.year == 2022 and result.added == 4 + 27
    # the officer completes the number in the wizard and imports the same file again
    again = svc.preview_import(src)
    again.reference = dataclasses.replace(again.reference, number="15/KH-UBND")
    svc.apply_import(again)
    assert svc.plan(plan.id).source_number == "15/KH-UBND"
    svc.undo()
    assert svc.plan(plan.id).source_number == "/KH-UBND"


def test_prose_choices_pass_through_the_preview(svc: OfficeService, tmp_path: Path) -> None:
    src = docs.write_docx(tmp_path / "kh.docx", docs.seed000())
    grids = svc.read_import_grids(src)
    plan = svc.build_import_preview(grids, str(src))
    eighth = plan.sections[0].tasks[-1]
    fewer = svc.build_import_preview(grids, str(src), paragraph_overrides={eighth.source_row: False})
    assert [t.number for t in fewer.sections[0].tasks] == [str(i) for i in range(1, 8)]


def test_a_plan_without_a_year_is_not_stored(svc: OfficeService, tmp_path: Path) -> None:
    src = docs.write_docx(tmp_path / "kh.docx", docs.seed000())
    imported = svc.preview_import(src)
    imported.year = None
    with pytest.raises(ValidationError, match="năm của kế hoạch"):
        svc.apply_import(imported)
    assert svc.plans() == []
