"""Reading số/ký hiệu, ngày, cơ quan ban hành and tên loại + trích yếu from header lines."""

from __future__ import annotations

from datetime import date

from kstthc_desktop.importers.reference import agency_case, read_reference, split_header_line


def test_agency_names_as_cited() -> None:
    assert agency_case("UBND TỈNH HẢI DƯƠNG") == "UBND tỉnh Hải Dương"
    assert agency_case("ỦY BAN NHÂN DÂN XÃ LÊ LỢI") == "UBND xã Lê Lợi"
    assert agency_case("SỞ CÔNG THƯƠNG") == "Sở Công Thương"
    assert agency_case("UBND THÀNH PHỐ CHÍ LINH") == "UBND thành phố Chí Linh"
    assert agency_case("Văn phòng UBND tỉnh") == "Văn phòng UBND tỉnh"  # typed normally: kept


def test_both_header_columns_on_one_pdf_line_are_cut() -> None:
    assert split_header_line("UBND TỈNH HẢI DƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") == [
        "UBND TỈNH HẢI DƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert split_header_line("Số: 05/KH-UBND Lê Lợi, ngày 05 tháng 01 năm 2026") == [
        "Số: 05/KH-UBND", "Lê Lợi, ngày 05 tháng 01 năm 2026"]


def test_signed_plan_from_merged_lines() -> None:
    ref = read_reference([
        "UBND TỈNH HẢI DƯƠNG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SỞ TƯ PHÁP Độc lập - Tự do - Hạnh phúc",
        "Số: 12 /KH-STP Hải Dương, ngày 5 tháng 1 năm 2026",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính năm 2026",
        "Căn cứ Kế hoạch số 05/KH-UBND ngày 02/01/2026 của UBND tỉnh;",
    ])
    assert (ref.number, ref.date, ref.place) == ("12/KH-STP", date(2026, 1, 5), "Hải Dương")
    assert (ref.issuer, ref.parent_issuer) == ("Sở Tư Pháp", "UBND tỉnh Hải Dương")
    assert ref.title == "Kế hoạch kiểm soát thủ tục hành chính năm 2026" and ref.year == 2026


def test_decision_issuing_the_plan() -> None:
    """Seed 001: the Quyết định comes first; the plan's own title and "kèm theo" line follow."""
    ref = read_reference([
        "Số: /QĐ-UBND", "Hải Dương, ngày tháng 02 năm 2021", "QUYẾT ĐỊNH",
        "Ban hành Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông "
        "năm 2021 trên địa bàn tỉnh Hải Dương",
        "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
        "KẾ HOẠCH",
        "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,",
        "một cửa liên thông năm 2021 trên địa bàn tỉnh Hải Dương",
        "(Ban hành kèm theo Quyết định số /QĐ-UBND",
        "ngày tháng 02 năm 2021 của Chủ tịch UBND tỉnh Hải Dương)",
    ])
    assert ref.number == "/QĐ-UBND" and ref.date is None and ref.date_text == "ngày … tháng 02 năm 2021"
    assert ref.issuer == "Chủ tịch UBND tỉnh Hải Dương"
    assert ref.kind == "Kế hoạch" and ref.year == 2021
    assert ref.title == ("Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông "
                         "năm 2021 trên địa bàn tỉnh Hải Dương")


def test_nothing_to_read_gives_an_empty_reference() -> None:
    ref = read_reference(["STT", "Nội dung công việc"])
    assert ref.is_empty() and ref.year is None
    assert read_reference([]).is_empty()
