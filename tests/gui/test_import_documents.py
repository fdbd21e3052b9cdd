"""The import wizard with whole documents: a prose Word plan and a PDF, driven through real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QPushButton, QTabWidget

from kstthc_desktop.core.model import Office
from kstthc_desktop.services import OfficeService
from kstthc_desktop.ui.dialogs.import_wizard import ImportWizard
from tests.unit.importers import documents as docs


@pytest.fixture
def service(office_path: Path):
    svc = OfficeService.open(office_path, create=True)
    svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi"))
    yield svc
    svc.close()


def button(wiz: ImportWizard, *texts: str) -> QPushButton:
    found = [b for b in wiz.findChildren(QPushButton) if b.text() in texts]
    assert len(found) == 1, [b.text() for b in wiz.findChildren(QPushButton)]
    return found[0]


def open_tab(qtbot, tabs: QTabWidget, *names: str) -> None:  # noqa: ANN001
    bar = tabs.tabBar()
    wanted = {name.split(" (")[0] for name in names}  # "Warnings (4)": the count is left out
    index = next(i for i in range(tabs.count()) if tabs.tabText(i).split(" (")[0] in wanted)
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def retype(qtbot, edit: QLineEdit, text: str) -> None:  # noqa: ANN001
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def read(qtbot, wiz: ImportWizard, path: Path) -> None:  # noqa: ANN001
    qtbot.mouseClick(wiz.path_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(wiz.path_edit, str(path))
    qtbot.mouseClick(button(wiz, "Read the file >", "Đọc tệp >"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wiz.pages.currentIndex() == 1 and idle(wiz), timeout=60000)


def idle(wiz: ImportWizard) -> bool:
    """No reading job left running (the buttons are live again)."""
    return wiz._job is None or not wiz._job.running


def test_prose_word_plan_paragraph_choice_reference_fix_and_import(qtbot, service, tmp_path: Path) -> None:
    src = docs.write_docx(tmp_path / "ke-hoach-so-cong-thuong.docx", docs.seed000())
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.show()
    read(qtbot, wiz, src)
    assert [t.number for _, t in wiz._items] == [str(i) for i in range(1, 9)]
    assert service.plans() == []
    # the document's reference is shown for correction
    open_tab(qtbot, wiz.bottom, "Document (number, date, issuer)", "Văn bản gốc (số, ngày, cơ quan)")
    assert wiz.ref_number.text() == "/KH-SCT" and wiz.ref_issuer.text() == "Sở Công Thương"
    assert wiz.ref_date.text() == "" and "tháng 02 năm 2021" in wiz.ref_date_note.text()
    # paragraph 8 is only explanation for this office: "not a task", read again
    open_tab(qtbot, wiz.bottom, "Paragraphs", "Đoạn văn")
    row = next(item for item, p in wiz._paragraph_items if p.number == "8" and p.is_task)
    rect = wiz.paragraph_list.visualItemRect(row)
    wiz.paragraph_list.scrollToItem(row)
    rect = wiz.paragraph_list.visualItemRect(row)
    qtbot.mouseClick(wiz.paragraph_list.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(rect.left() + 12,
                                                                                            rect.center().y()))
    assert row.checkState(0) == Qt.CheckState.Checked
    qtbot.mouseClick(button(wiz, "Read again with these choices", "Đọc lại theo lựa chọn này"),
                     Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(wiz._items) == 7 and idle(wiz), timeout=60000)
    assert "Nghiên cứu, đề xuất" in wiz._items[-1][1].content  # its text joined task 7
    # the officer completes the number and date of the signed plan
    open_tab(qtbot, wiz.bottom, "Document (number, date, issuer)", "Văn bản gốc (số, ngày, cơ quan)")
    retype(qtbot, wiz.ref_number, "25/KH-SCT")
    retype(qtbot, wiz.ref_date, "12/02/2021")
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)
    assert wiz.pages.currentIndex() == 2
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)  # "Import": backed up on a worker, then stored
    qtbot.waitUntil(lambda: not wiz.isVisible(), timeout=20000)
    plan = service.current_plan()
    assert (plan.source_number, plan.source_date, plan.source_issuer) == ("25/KH-SCT", date(2021, 2, 12),
                                                                        "Sở Công Thương")
    assert plan.year == 2021 and len(service.tasks(plan.id)) == 7


def test_pdf_plan_pages_in_warnings_bad_date_refused_then_cancel(qtbot, service, tmp_path: Path,
                                                                  monkeypatch) -> None:
    src = docs.write_pdf(tmp_path / "ke-hoach-xa.pdf", docs.seed004())
    shown: list[BaseException] = []
    monkeypatch.setattr("kstthc_desktop.ui.dialogs.import_wizard.show_error", lambda parent, exc: shown.append(exc))
    wiz = ImportWizard(service)
    qtbot.addWidget(wiz)
    wiz.show()
    read(qtbot, wiz, src)
    assert len(wiz._items) == 4 + 27
    warnings = [wiz.warnings.item(i).text() for i in range(wiz.warnings.count())]
    assert len(warnings) == 4 and all(("page" in w or "trang" in w) for w in warnings), warnings
    assert all(("paragraph" in w or "đoạn" in w) for w in warnings)
    open_tab(qtbot, wiz.bottom, "Document (number, date, issuer)", "Văn bản gốc (số, ngày, cơ quan)")
    assert wiz.ref_date.text() == "28/02/2022" and wiz.ref_issuer.text() == "UBND xã Lê Lợi"
    retype(qtbot, wiz.ref_date, "31/02/2022")
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wiz.next_btn, Qt.MouseButton.LeftButton)  # "Import" with an impossible date
    assert shown and "31/02/2022" in str(shown[-1])
    assert wiz.isVisible() and service.plans() == []
    qtbot.mouseClick(button(wiz, "Cancel", "Hủy"), Qt.MouseButton.LeftButton)
    assert not wiz.isVisible() and service.plans() == []
