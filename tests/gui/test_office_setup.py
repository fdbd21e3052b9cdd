"""Office setup form: inline validation, nothing accepted until it is right."""

from __future__ import annotations

from kstthc_desktop.core.model import Level
from kstthc_desktop.ui.dialogs.office_setup import OfficeSetupDialog


def test_empty_name_is_refused_inline(qtbot) -> None:
    dlg = OfficeSetupDialog(None)
    qtbot.addWidget(dlg)
    dlg.place.setText("Lê Lợi")
    dlg.accept()
    assert dlg.result_office is None
    assert dlg.error.isVisibleTo(dlg)
    assert "Tên cơ quan" in dlg.error.text()


def test_filled_form_returns_office(qtbot) -> None:
    dlg = OfficeSetupDialog(None)
    qtbot.addWidget(dlg)
    dlg.name.setPlainText("ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI")
    dlg.place.setText("Lê Lợi")
    dlg.signer.setText("Đoàn Duy Việt")
    dlg.recipients.setPlainText("- UBND thành phố;\n- Lưu: VT, VP.")
    dlg.accept()
    o = dlg.result_office
    assert o is not None
    assert o.name_lines == ["ỦY BAN NHÂN DÂN", "XÃ LÊ LỢI"]
    assert o.level is Level.COMMUNE
    assert o.recipients == ["UBND thành phố", "Lưu: VT, VP."]
