"""Plans as they really arrive: whole Word documents and PDFs, in prose and in table form.

Expected values are read off the seeds by hand (seed 000: Sở Công Thương 2021, eight numbered
tasks in "II. NỘI DUNG CÔNG VIỆC" with their a)–d) lines; seed 004: xã Lê Lợi 2022, four numbered
tasks in "II. NỘI DUNG" and a 27-row appendix); the same document is written as .docx and drawn
as PDF, and both must give the same plan.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kstthc_desktop.core.errors import ImportFailed
from kstthc_desktop.importers import ImportedPlan, ImportedTask, read_grids, read_plan
from kstthc_desktop.importers.document import DocumentGrid, PagedGrid

from . import documents as docs
from . import fixtures as fx

KINDS = ["docx", "pdf"]


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("documents")


@pytest.fixture(scope="module")
def seed000(folder: Path) -> dict[str, ImportedPlan]:
    blocks = docs.seed000()
    return {
        "docx": read_plan(docs.write_docx(folder / "kh_so_cong_thuong.docx", blocks)),
        "pdf": read_plan(docs.write_pdf(folder / "kh_so_cong_thuong.pdf", blocks,
                                        running_header="Kế hoạch KSTTHC năm 2021 - Sở Công Thương")),
    }


@pytest.fixture(scope="module")
def seed004(folder: Path) -> dict[str, ImportedPlan]:
    blocks = docs.seed004()
    return {
        "docx": read_plan(docs.write_docx(folder / "kh_le_loi.docx", blocks)),
        "pdf": read_plan(docs.write_pdf(folder / "kh_le_loi.pdf", blocks)),
    }


def tasks(plan: ImportedPlan) -> list[ImportedTask]:
    return list(plan.iter_tasks())


def without_places(data: object) -> object:
    """to_json() without source rows/pages (a PDF counts lines, Word counts paragraphs)."""
    if isinstance(data, list):
        return [without_places(x) for x in data]
    if isinstance(data, dict):
        return {k: without_places(v) for k, v in data.items() if k not in ("source_row", "page", "row")}
    return data


# --------------------------------------------------------------------------- seed 000, prose


@pytest.mark.parametrize("kind", KINDS)
def test_seed000_numbered_paragraphs_are_the_tasks(seed000: dict[str, ImportedPlan], kind: str) -> None:
    plan = seed000[kind]
    assert [(s.number, s.title) for s in plan.sections] == [("II", "NỘI DUNG CÔNG VIỆC")]
    assert [t.number for t in tasks(plan)] == [str(i) for i in range(1, 9)]
    first, third, eighth = tasks(plan)[0], tasks(plan)[2], tasks(plan)[7]
    assert first.content == (
        "Hoàn thiện thể chế về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông\n"
        "- Tham gia ý kiến đối với dự thảo Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết "
        "TTHC trên địa bàn tỉnh Hải Dương."
    )
    assert first.lead == ["Văn phòng sở"]
    assert first.coordinating == ["các phòng, đơn vị có liên quan"]
    assert first.deadline_text == "trước tháng 6 năm 2021."
    assert first.schedule.due == date(2021, 5, 31)
    assert first.products == "văn bản tham gia ý kiến của Sở."
    # the "(Riêng việc …)" line under c) continues the deadline and adds its dated occurrence
    assert third.deadline_text == (
        "thường xuyên trong năm 2021.\n(Riêng việc rà soát, đơn giản hóa TTHC hoàn thành trước ngày 31/5/2021)."
    )
    assert (date(2021, 5, 31) in [due for _, due in third.schedule.occurrences]) or third.schedule.due == date(
        2021, 12, 31
    )
    assert third.content.count("\n- ") == 6
    assert third.products == "kế hoạch, văn bản chỉ đạo, đôn đốc của Sở; tờ trình; báo cáo; …"
    assert eighth.schedule.due == date(2021, 9, 15)
    assert all(t.source_sheet == "Văn bản" and t.source_row for t in tasks(plan))


@pytest.mark.parametrize("kind", KINDS)
def test_seed000_preamble_budget_and_organisation_are_not_tasks(seed000: dict[str, ImportedPlan], kind: str) -> None:
    plan = seed000[kind]
    by_text = {p.text[:20]: p for p in plan.paragraphs}
    assert by_text["Mục đích"].is_task is False and by_text["Mục đích"].section == "I. MỤC ĐÍCH, YÊU CẦU"
    assert not any(p.is_task for p in plan.paragraphs if p.section.startswith(("I.", "IV.")))
    assert sum(p.is_task for p in plan.paragraphs) == 8
    assert plan.warnings == []


@pytest.mark.parametrize("kind", KINDS)
def test_seed000_reference_title_and_year(seed000: dict[str, ImportedPlan], kind: str) -> None:
    plan = seed000[kind]
    ref = plan.reference
    assert plan.year == 2021 and ref.year == 2021
    assert plan.title == (
        "KẾ HOẠCH Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2021"
    )
    assert ref.kind == "Kế hoạch"
    assert ref.title == "Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2021"
    assert ref.number == "/KH-SCT"  # the number is left blank until the plan is signed
    assert ref.date is None and ref.date_text == "ngày … tháng 02 năm 2021"
    assert ref.place == "Hải Dương"
    assert ref.issuer == "Sở Công Thương" and ref.parent_issuer == "UBND tỉnh Hải Dương"
    assert plan.basis and plan.basis[0].startswith("Căn cứ Quyết định số 381/QĐ-UBND")


def test_seed000_word_and_pdf_give_the_same_plan(seed000: dict[str, ImportedPlan]) -> None:
    docx, pdf = (without_places(seed000[k].to_json()) for k in KINDS)
    assert docx == pdf


def test_pdf_warnings_and_paragraphs_know_their_page(seed000: dict[str, ImportedPlan]) -> None:
    pages = {p.page for p in seed000["pdf"].paragraphs}
    assert None not in pages and len(pages) >= 3  # the plan runs over several pages
    assert all(p.page is None for p in seed000["docx"].paragraphs)


# --------------------------------------------------------------------------- seed 004, prose + appendix


@pytest.mark.parametrize("kind", KINDS)
def test_seed004_prose_tasks_and_appendix_table(seed004: dict[str, ImportedPlan], kind: str) -> None:
    plan = seed004[kind]
    assert [(s.number, s.title) for s in plan.sections] == [("II", "NỘI DUNG")]
    numbered = plan.sections[0].tasks
    assert [t.number for t in numbered] == ["1", "2", "3", "4"]
    assert "+ Theo dõi, đôn đốc công khai thủ tục hành chính;" in numbered[1].content.split("\n")
    # unnumbered follow-on paragraphs join their task
    assert numbered[2].content.split("\n")[-1].startswith("Đồng bộ, xử lý 100% hồ sơ thủ tục hành chính")
    assert numbered[3].content.count("\n") == 2
    # no deadline written for them: warned per paragraph, never invented
    assert all(t.deadline_text == "" for t in numbered)
    assert [w.message for w in plan.warnings] == ["Nhiệm vụ chưa có thời hạn."] * 4
    [appendix] = plan.appendices
    assert appendix.title.startswith("PHỤ LỤC")
    assert len(appendix.tasks) == 27
    assert appendix.tasks[3].content == "Lĩnh vực Đất đai"
    assert {t.schedule.due for t in appendix.tasks} == {date(2022, 8, 31)}


@pytest.mark.parametrize("kind", KINDS)
def test_seed004_reference(seed004: dict[str, ImportedPlan], kind: str) -> None:
    ref = seed004[kind].reference
    assert (ref.number, ref.date, ref.place, ref.issuer) == ("/KH-UBND", date(2022, 2, 28), "Lê Lợi", "UBND xã Lê Lợi")
    assert ref.title.endswith("một cửa liên thông của UBND xã năm 2022") and ref.year == 2022


def test_seed004_unruled_appendix_is_cut_into_columns(folder: Path) -> None:
    """Seed 004's appendix has no ruling lines: columns come from the header titles' positions."""
    grids = read_grids(docs.write_pdf(folder / "pl.pdf", docs.seed004()))
    table = next(g for g in grids if isinstance(g, PagedGrid))
    assert table.rows[0] == ["Số TT", "Lĩnh vực", "Thời gian hoàn thành"]
    assert table.rows[15] == ["15", "Lĩnh vực Hộ tịch", "Trước ngày 31/8/2022"]
    assert len(table.rows) == 28 and set(table.pages) == {5}


# --------------------------------------------------------------------------- province tables as PDF


@pytest.fixture(scope="module")
def province_pdf(folder: Path) -> Path:
    sheets = [fx.province_main(), fx.province_appendix()]
    return docs.write_pdf(folder / "ke_hoach_tinh.pdf", docs.sheets_blocks(sheets), landscape=True, font_size=12)


def test_province_table_pdf_reads_like_the_workbook(province_pdf: Path, folder: Path) -> None:
    xlsx = read_plan(fx.write_xlsx(folder / "ke_hoach_tinh.xlsx", [fx.province_main(), fx.province_appendix()]))
    pdf = read_plan(province_pdf)
    a, b = without_places(pdf.to_json()), without_places(xlsx.to_json())
    assert a["sections"] == b["sections"]  # merged units, split cells, repeated headers, TCVN3 text
    assert a["appendices"] == b["appendices"]
    assert a["reference"] == b["reference"] and a["title"] == b["title"] and pdf.year == 2021
    assert pdf.reference.number == "/QĐ-UBND" and pdf.reference.issuer == "UBND tỉnh Hải Dương"


def test_pdf_ruled_table_geometry(province_pdf: Path) -> None:
    grids = read_grids(province_pdf)
    main = grids[0]
    assert isinstance(main, PagedGrid) and isinstance(grids[-1], DocumentGrid)
    assert main.rows[0][2] == main.rows[0][3] == "Đơn vị thực hiện"  # a cell merged across two columns
    assert main.origin(0, 3) == (0, 2)
    assert main.rows[1][2:4] == ["Chủ trì", "Phối hợp"]
    assert len(set(main.pages)) >= 2 and main.page_of(1) == 1


def test_cell_split_across_pages_is_one_task(folder: Path) -> None:
    long_text = " ".join(f"Nội dung dòng {i} của nhiệm vụ rất dài được in trải qua hai trang giấy." for i in range(70))
    rows = [["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành"]]
    rows += [[str(i), f"Nhiệm vụ số {i}", "Văn phòng UBND tỉnh", "UBND cấp xã", "Quý II năm 2026"] for i in (1, 2)]
    rows += [["3", long_text, "Văn phòng UBND tỉnh", "UBND cấp xã", "Trước ngày 30/6/2026"]]
    rows += [["4", "Nhiệm vụ cuối", "Sở Tư pháp", "", "Quý IV năm 2026"]]
    blocks = [docs.Block("center", "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026", bold=True)]
    blocks.append(docs.Block("table", rows=rows, widths=[1.4, 8, 3, 3, 3], repeat=1))
    path = docs.write_pdf(folder / "o_cat.pdf", blocks)
    grid = read_grids(path)[0]
    assert len(set(grid.pages)) >= 2  # the long cell really is cut by the page end(s)
    plan = read_plan(path)
    assert [t.number for t in tasks(plan)] == ["1", "2", "3", "4"]
    third = tasks(plan)[2]
    assert third.content == long_text
    assert third.schedule.due == date(2026, 6, 30) and third.lead == ["Văn phòng UBND tỉnh"]


# --------------------------------------------------------------------------- continuation, task tables


def _cut_section_sheet() -> fx.SheetSpec:
    s = fx.SheetSpec("KH", 6)
    s.banner("KẾ HOẠCH kiểm soát thủ tục hành chính năm 2026")
    s.header_start = len(s.rows)
    s.add("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm")
    s.add("1", "Niêm yết công khai thủ tục hành chính", "UBND cấp xã", "", "Quý I năm 2026", "Danh mục")
    s.banner("IV. CÔNG TÁC THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA")
    s.add("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành", "Sản phẩm")
    s.banner("LIÊN THÔNG")
    s.add("2", "Kiện toàn Bộ phận Một cửa", "UBND cấp xã", "Văn phòng UBND tỉnh", "Quý II năm 2026", "Quyết định")
    return s


@pytest.mark.parametrize("kind", ["xlsx", "pdf"])
def test_section_title_cut_by_page_break_and_repeated_header_is_joined(folder: Path, kind: str) -> None:
    if kind == "xlsx":
        path = fx.write_xlsx(folder / "cat_muc.xlsx", [_cut_section_sheet()])
    else:
        path = docs.write_pdf(folder / "cat_muc.pdf", docs.sheets_blocks([_cut_section_sheet()]), landscape=True)
    plan = read_plan(path)
    titles = [s.title for s in plan.sections]
    assert titles[-1] == "CÔNG TÁC THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG"
    assert "LIÊN THÔNG" not in titles
    assert [t.content for t in plan.sections[-1].tasks] == ["Kiện toàn Bộ phận Một cửa"]


def test_prose_heading_cut_by_page_break_is_joined(folder: Path) -> None:
    plan = read_plan(docs.write_pdf(folder / "cat_tieu_de.pdf", docs.seed000(split_heading=True)))
    assert {p.section for p in plan.paragraphs if p.text.startswith("Giao Văn phòng sở")} == {
        "IV. TỔ CHỨC THỰC HIỆN"
    }


@pytest.mark.parametrize("kind", ["xlsx", "docx"])
def test_full_task_columns_make_the_task_table_whatever_its_title(folder: Path, kind: str) -> None:
    s = fx.SheetSpec("Phụ lục", 6)
    s.banner("Phụ lục: NHIỆM VỤ CỤ THỂ KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026")
    s.header_start = len(s.rows)
    s.add("STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian hoàn thành",
          "Sản phẩm dự kiến")
    s.add("1", "Rà soát thủ tục hành chính", "Văn phòng UBND tỉnh", "UBND cấp xã", "Quý III năm 2026", "Báo cáo")
    writer = fx.write_xlsx if kind == "xlsx" else fx.write_docx
    plan = read_plan(writer(folder / f"phu_luc_nhiem_vu.{kind}", [s]))
    assert plan.appendices == []
    assert [t.content for t in tasks(plan)] == ["Rà soát thủ tục hành chính"]


# --------------------------------------------------------------------------- prose rules


def _prose(folder: Path, name: str, body: list[str], appendix: list[list[str]] | None = None) -> Path:
    blocks = [
        docs.Block("header", left=["UBND TỈNH HẢI DƯƠNG", "Số: 12/KH-UBND"],
                   right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                          "Hải Dương, ngày 10 tháng 01 năm 2026"]),
        docs.Block("center", "KẾ HOẠCH", bold=True),
        docs.Block("center", "Kiểm soát thủ tục hành chính năm 2026", bold=True),
        *docs._body(body),
    ]
    if appendix:
        blocks += [docs.Block("center", "PHỤ LỤC", bold=True),
                   docs.Block("table", rows=appendix, widths=[1, 6, 3])]
    return docs.write_docx(folder / name, blocks)


RULES_BODY = [
    "Căn cứ Kế hoạch số 05/KH-UBND ngày 05/01/2026 của UBND tỉnh.",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao chất lượng giải quyết thủ tục hành chính.",
    "II. NHIỆM VỤ CỤ THỂ",
    "1. Rà soát quy định thủ tục hành chính. Cơ quan chủ trì: Văn phòng UBND tỉnh; Thời gian thực hiện: Quý II năm 2026.",
    "5. Niêm yết công khai thủ tục hành chính tại Bộ phận Một cửa.",
    "Thời gian hoàn thành: Thường xuyên.",
    "5. Kiểm tra việc niêm yết, hoàn thành trước ngày 30/9/2026.",
    "Tiếp tục theo dõi và báo cáo kết quả.",
    "III. KINH PHÍ THỰC HIỆN",
    "1. Kinh phí hoàn thành trước ngày 31/12/2026 theo dự toán.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "1. Văn phòng UBND tỉnh theo dõi, đôn đốc việc thực hiện Kế hoạch.",
    "2. Các sở, ngành báo cáo kết quả thực hiện trước ngày 15/12/2026.",
]


def test_prose_rules(folder: Path) -> None:
    plan = read_plan(_prose(folder, "quy_tac.docx", RULES_BODY,
                            appendix=[["STT", "Lĩnh vực", "Thời gian hoàn thành"], ["1", "Hộ tịch", "Quý III năm 2026"]]))
    by_section = {s.number: s.tasks for s in plan.sections}
    assert list(by_section) == ["II", "IV"]  # I has no deadline, III is the budget
    first, five_a, five_b = by_section["II"]
    # units and deadline written inside the paragraph fill the fields
    assert first.lead == ["Văn phòng UBND tỉnh"] and first.deadline_text == "Quý II năm 2026"
    assert first.schedule.due == date(2026, 6, 30)
    # a duplicated number stays two tasks, with a warning naming the paragraph
    assert (five_a.number, five_b.number) == ("5", "5")
    assert five_a.deadline_text == "Thường xuyên."  # as written
    assert five_b.deadline_text == "trước ngày 30/9/2026" and five_b.schedule.due == date(2026, 9, 30)
    assert five_b.content.endswith("\nTiếp tục theo dõi và báo cáo kết quả.")
    assert any(w.message.startswith("Số thứ tự '5' bị trùng") and w.row == five_a.source_row for w in plan.warnings)
    # "Tổ chức thực hiện": only the item that assigns work with a deadline
    [assigned] = by_section["IV"]
    assert assigned.number == "2" and assigned.schedule.due == date(2026, 12, 15)
    assert any("giao việc có thời hạn" in w.message for w in plan.warnings)
    # prose tasks and the appendix table, both
    assert [t.content for t in plan.appendices[0].tasks] == ["Hộ tịch"]
    assert plan.reference.number == "12/KH-UBND" and plan.reference.date == date(2026, 1, 10)
    assert plan.reference.issuer == "UBND tỉnh Hải Dương"


def test_officer_overrules_paragraphs(folder: Path) -> None:
    path = _prose(folder, "chon_doan.docx", RULES_BODY)
    plan = read_plan(path)
    five_b = plan.sections[0].tasks[2]
    organise = next(p for p in plan.paragraphs if p.text.startswith("Văn phòng UBND tỉnh theo dõi"))
    assert organise.is_task is False
    again = read_plan(path, paragraph_overrides={five_b.source_row: False, organise.index: True})
    second = again.sections[0].tasks
    assert [t.number for t in second] == ["1", "5"]
    assert "Kiểm tra việc niêm yết" in second[1].content  # its text joins the task above
    assert [t.content for t in again.sections[1].tasks][0].startswith("Văn phòng UBND tỉnh theo dõi")


# --------------------------------------------------------------------------- reference from spreadsheets


def test_reference_from_spreadsheet_title_rows(folder: Path) -> None:
    plan = read_plan(fx.write_xlsx(folder / "so.xlsx", [fx.so_main()]))
    ref = plan.reference
    assert (ref.number, ref.issuer, ref.place, ref.year) == ("/KH-SCT", "Sở Công Thương", "Hải Dương", 2021)
    assert ref.title.startswith("Kế hoạch kiểm soát thủ tục hành chính")


# --------------------------------------------------------------------------- refused


def test_scanned_pdf_is_refused_naming_what_to_ask_for(folder: Path) -> None:
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = folder / "trang.png"
    Image.new("L", (400, 560), 255).save(image)
    path = folder / "ban_scan.pdf"
    c = canvas.Canvas(str(path))
    for _ in range(2):
        c.drawImage(str(image), 0, 0, 595, 842)
        c.showPage()
    c.save()
    with pytest.raises(ImportFailed) as info:
        read_plan(path)
    message = str(info.value)
    assert "bản scan" in message and "không có lớp chữ" in message
    assert "Word (.docx)" in message and "PDF có lớp chữ" in message


def test_hand_broken_lines_kept_wrapped_lines_joined(folder: Path) -> None:
    """In a ruled cell a line the writer broke (one unit per line) stays a break; a line the layout
    wrapped ("Trước ngày" | "30/6/2026" in a narrow column) is joined with a space."""
    rows = [["STT", "Nội dung công việc", "Đơn vị chủ trì", "Thời gian hoàn thành"],
            ["1", "Rà soát thủ tục hành chính lĩnh vực hộ tịch", "Văn phòng UBND tỉnh\nSở Tư pháp",
             "Trước ngày 30/6/2026"]]
    blocks = [docs.Block("center", "KẾ HOẠCH KIỂM SOÁT THỦ TỤC HÀNH CHÍNH NĂM 2026", bold=True),
              docs.Block("table", rows=rows, widths=[1, 6, 5, 2.3])]
    grid = read_grids(docs.write_pdf(folder / "xuong_dong.pdf", blocks))[0]
    assert grid.rows[1][2] == "Văn phòng UBND tỉnh\nSở Tư pháp"
    assert grid.rows[1][3] == "Trước ngày 30/6/2026"
    task = tasks(read_plan(folder / "xuong_dong.pdf"))[0]
    assert task.lead == ["Văn phòng UBND tỉnh", "Sở Tư pháp"]


def test_page_number_between_two_pages_of_a_paragraph_is_left_out(folder: Path) -> None:
    long_text = " ".join(f"Câu thứ {i} của nhiệm vụ dài, viết liền một đoạn qua trang sau." for i in range(60))
    blocks = [docs.Block("center", "KẾ HOẠCH", bold=True),
              docs.Block("center", "Kiểm soát thủ tục hành chính năm 2026", bold=True),
              docs.Block("heading", "II. NỘI DUNG", bold=True),
              docs.Block("p", "Căn cứ tình hình thực tế tại địa phương. " * 75),
              docs.Block("p", f"1. {long_text} Hoàn thành trước ngày 30/6/2026.")]
    path = docs.write_pdf(folder / "so_trang.pdf", blocks)
    plan = read_plan(path)
    [task] = tasks(plan)
    assert {p.page for p in plan.paragraphs if p.index == task.source_row} == {1}
    import pypdfium2

    assert len(pypdfium2.PdfDocument(path)) == 2  # the task's paragraph runs onto page 2, under its number
    assert all(p.text != "2" for p in read_grids(path)[-1].paragraphs)
    assert task.content == f"{long_text} Hoàn thành trước ngày 30/6/2026."
    assert task.schedule.due == date(2026, 6, 30)


@pytest.mark.parametrize("kind", KINDS)
def test_seed001_decision_then_plan_then_appendix(folder: Path, kind: str) -> None:
    """The province's decision comes first: its "Điều 2" items are not tasks; the plan it issues is."""
    blocks = docs.seed001()
    writer = docs.write_docx if kind == "docx" else docs.write_pdf
    plan = read_plan(writer(folder / f"qd_ke_hoach_tinh.{kind}", blocks))
    assert [(s.number, s.title) for s in plan.sections] == [("II", "NỘI DUNG CÔNG VIỆC")]
    assert [t.number for t in plan.sections[0].iter_tasks()] == ["1", "1.1", "1.2", "2", "6"]
    one = plan.sections[0].tasks[0]
    assert [c.number for c in one.children] == ["1.1", "1.2"] and one.deadline_text == ""
    first = one.children[0]
    assert first.lead == ["Văn phòng UBND tỉnh"] and first.schedule.due == date(2021, 5, 31)
    assert first.products == "Quyết định của UBND tỉnh."
    two = plan.sections[0].tasks[1]
    assert two.content.endswith("\n- Lấy ý kiến đánh giá tác động thủ tục hành chính trong dự thảo văn bản "
                                "quy phạm pháp luật;")
    assert two.lead == ["Cơ quan được giao chủ trì soạn thảo văn bản quy phạm pháp luật"]
    assert two.products == "Báo cáo, văn bản hành chính."
    six = plan.sections[0].tasks[2]
    assert (six.schedule.start, six.schedule.due) == (date(2021, 4, 1), date(2021, 11, 30))
    ref = plan.reference
    assert (ref.number, ref.issuer, ref.year) == ("/QĐ-UBND", "UBND tỉnh Hải Dương", 2021)
    assert ref.title == ("Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông "
                         "năm 2021 trên địa bàn tỉnh Hải Dương")
    assert [len(a.tasks) for a in plan.appendices] == [2]
    assert plan.appendices[0].title.startswith("PHỤ LỤC I")


def test_word_automatic_numbering_gives_the_task_numbers(folder: Path) -> None:
    """Numbers typed with Word's numbering button live in numbering.xml, not in the text."""
    import docx

    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Kiểm soát thủ tục hành chính năm 2026")
    document.add_paragraph("II. NỘI DUNG")
    for text, when in (("Rà soát thủ tục hành chính", "Quý II năm 2026"), ("Niêm yết công khai", "Quý III năm 2026")):
        document.add_paragraph(text, style="List Number")
        document.add_paragraph(f"Thời gian hoàn thành: {when}", style="List Bullet")
    path = folder / "tu_dong_danh_so.docx"
    document.save(path)
    plan = read_plan(path)
    assert [(t.number, t.content, t.deadline_text) for t in tasks(plan)] == [
        ("1", "Rà soát thủ tục hành chính", "Quý II năm 2026"),
        ("2", "Niêm yết công khai", "Quý III năm 2026"),
    ]
