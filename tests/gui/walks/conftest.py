"""Set-up of the walks (run in a child process by tests/gui/test_walks.py): the Vietnamese UI,
prepared files for every file question, and a driver answering each modal dialog."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import TODAY

from .harness import ModalDriver, Walk

PLAN_TITLE = "KẾ HOẠCH Kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông năm 2026"
PLAN_ROWS = [
    ["I", "HOÀN THIỆN THỂ CHẾ VÀ THẨM ĐỊNH THỦ TỤC HÀNH CHÍNH"],
    ["1", "Tham mưu ban hành Quy chế tổ chức và hoạt động của Bộ phận Một cửa", "Văn phòng UBND tỉnh",
     "Các sở, ban, ngành", "Quý II năm 2026"],
    ["2", "Niêm yết, công khai thủ tục hành chính tại Bộ phận Một cửa cấp xã", "UBND cấp xã",
     "Văn phòng UBND tỉnh", "Thường xuyên năm 2026"],
    ["II", "RÀ SOÁT, ĐƠN GIẢN HÓA THỦ TỤC HÀNH CHÍNH"],
    ["1", "Rà soát, đánh giá thủ tục hành chính lĩnh vực hộ tịch", "UBND cấp xã", "Sở Tư pháp",
     "Trước ngày 30/6/2026"],
    ["2", "Tổng hợp phương án đơn giản hóa trình UBND tỉnh", "Văn phòng UBND tỉnh", "UBND cấp xã",
     "Tháng 9 năm 2026"],
    ["3", "Báo cáo kết quả kiểm soát thủ tục hành chính định kỳ hằng quý", "UBND cấp xã", "",
     "Hằng quý"],
    ["III", "KIỂM TRA"],
    ["1", "Kiểm tra công tác kiểm soát thủ tục hành chính tại các xã", "Văn phòng UBND tỉnh",
     "UBND các xã, phường", "Từ tháng 4 đến tháng 11 năm 2026"],
    ["2", "Tập huấn nghiệp vụ kiểm soát thủ tục hành chính", "Sở Nội vụ", "", "Quý III năm 2026"],
]


def write_plan(path: Path, rows: list[list[str]], title: str = PLAN_TITLE) -> Path:
    """A superior plan as the province sends it (.xlsx)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws.append(["UBND TỈNH HẢI DƯƠNG", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"])
    ws.append([title])
    ws.append([])
    ws.append(["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"])
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)"])
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


@pytest.fixture(autouse=True)
def vietnamese(qapp):
    from kstthc_desktop.i18n import install_translators, reset_translators

    install_translators(qapp, "vi")
    yield
    reset_translators(qapp)


@pytest.fixture
def walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Walk:
    from PySide6.QtGui import QDesktopServices

    from kstthc_desktop.ui import files

    w = Walk(folder=tmp_path)
    w.plan_file = write_plan(tmp_path / "ke-hoach-kstthc-2026.xlsx", PLAN_ROWS)
    w.evidence_file = tmp_path / "bien-ban-hop-trien-khai.txt"
    w.evidence_file.write_text("Biên bản họp triển khai kế hoạch KSTTHC năm 2026", encoding="utf-8")
    for name in ("ask_open", "ask_open_many", "ask_save", "ask_folder"):
        monkeypatch.setattr(files, name, getattr(w, name))
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: w.opened_urls.append(url.toLocalFile()) or True)
    return w


@pytest.fixture
def driver(walk: Walk):
    d = ModalDriver(walk)
    d.start()
    yield d
    d.stop()


@pytest.fixture
def today():
    return TODAY
