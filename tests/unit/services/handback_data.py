"""A province plan workbook as the superior formats it (seed 001's shape), and an office that
imported it and recorded some results — shared by the hand-back tests (service, CLI, GUI)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from kstthc_desktop.core.model import Office, ProgressEntry
from kstthc_desktop.services import OfficeService
from tests.unit.importers.fixtures import SheetSpec, province_appendix, province_main, write_xlsx

WIDTHS = {"A": 6.5, "B": 52.0, "C": 20.0, "D": 24.0, "E": 16.0, "F": 22.0}
HEADER_ROWS = (7, 8)  # the two-row header band of the main sheet (1-based)


def province_specs(deadline_title: str = "Thời gian hoàn thành", result_column: str | None = None) -> list[SheetSpec]:
    main = province_main()
    header = main.header_start
    main.rows[header][4] = deadline_title
    if result_column is not None:  # the template asks for results in a column of its own
        main.width += 1
        for row in main.rows:
            row.append(None)
        main.rows[header][6] = result_column
        main.merge(header, 6, header + 1, 6)
        main.rows[header + 2][6] = "(7)"
    return [main, province_appendix()]


def formatted_province(path: Path, **kwargs: object) -> Path:
    """The workbook with what a real one has: fonts, borders, widths, heights, print setup."""
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side

    specs = province_specs(**kwargs)  # type: ignore[arg-type]
    write_xlsx(path, specs)
    wb = openpyxl.load_workbook(path)
    ws = wb["Kế hoạch"]
    thin = Side(style="thin")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    width = specs[0].width
    for letter, w in WIDTHS.items():
        ws.column_dimensions[letter].width = w
    if width > 6:
        ws.column_dimensions["G"].width = 30
    for r in range(1, 6):
        for c in range(1, width + 1):
            ws.cell(r, c).font = Font(name="Times New Roman", size=13, bold=r in (1, 3))
            ws.cell(r, c).alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.row_dimensions[1].height = 34
    ws.row_dimensions[4].height = 36
    for r in range(HEADER_ROWS[0], ws.max_row + 1):
        for c in range(1, width + 1):
            cell = ws.cell(r, c)
            cell.border = box
            cell.font = Font(name="Times New Roman", size=12, bold=r <= HEADER_ROWS[1] + 1)
            cell.alignment = Alignment(vertical="top", wrap_text=True,
                                       horizontal="center" if r <= HEADER_ROWS[1] + 1 or c in (1, 5) else None)
    letters = "ABCDEFG"[:width]
    for r in range(HEADER_ROWS[0], ws.max_row + 1):  # heights as Excel saves them (it fits on save)
        lines = 1
        for c, letter in enumerate(letters, start=1):
            value = ws.cell(r, c).value
            if value is not None and (r, c) not in merged_tails(ws):
                per = (ws.column_dimensions[letter].width or 9) * 1.1
                lines = max(lines, sum(-(-len(x) // int(per)) or 1 for x in str(value).split("\n")))
        ws.row_dimensions[r].height = 16.5 * lines
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = f"{HEADER_ROWS[0]}:{HEADER_ROWS[1] + 1}"
    ws.page_margins.left = 0.5
    ws.freeze_panes = "C10"
    wb.save(path)
    return path


def merged_tails(ws) -> set[tuple[int, int]]:  # noqa: ANN001
    """Cells covered by a merged range other than its anchor (their text is the anchor's)."""
    out = set()
    for rng in ws.merged_cells.ranges:
        if rng.max_col > rng.min_col:  # text spread across columns: not one column's height
            out |= {(r, c) for r in range(rng.min_row, rng.max_row + 1) for c in range(rng.min_col, rng.max_col + 1)}
        else:
            out |= {(r, rng.min_col) for r in range(rng.min_row + 1, rng.max_row + 1)}
    return out


def imported_office(tmp: Path, source: Path | None = None, **kwargs: object) -> tuple[OfficeService, Path]:
    """An office that imported the province plan and recorded results on a few tasks."""
    from kstthc_desktop.importers import read_plan

    source = source or formatted_province(tmp / "ke-hoach-tinh-2021.xlsx", **kwargs)
    svc = OfficeService.open(tmp / "van-phong.kstthc", create=True)
    svc.save_office(Office(name="ỦY BAN NHÂN DÂN\nXÃ LÊ LỢI", place_name="Lê Lợi", parent_agency="UBND TỈNH HẢI DƯƠNG"))
    svc.apply_import(read_plan(source))
    return svc, source


def record_results(svc: OfficeService) -> dict[str, int]:
    """Progress and evidence on tasks 1.1 (done), 2 (evidence), 3.1 (note) and appendix 1; ids by number."""
    plan = svc.current_plan()
    assert plan is not None
    ids = {}
    appendix = {s.id for s in svc.sections(plan.id) if s.appendix}
    for t in svc.tasks(plan.id):
        key = ("PL " if t.section_id in appendix else "") + t.number.rstrip(".")
        ids.setdefault(key, t.id)
    svc.add_progress(ProgressEntry(task_id=ids["1.1"], on=date(2021, 5, 20), percent=100, done=True,
                                   note="Đã ban hành Quyết định số 15/2021/QĐ-UBND"))
    svc.add_progress(ProgressEntry(task_id=ids["3.1"], on=date(2021, 4, 2), percent=40,
                                   note="=HYPERLINK(\"http://x\";\"bấm\")\x07 đã hướng dẫn 12 xã"))
    svc.add_progress(ProgressEntry(task_id=ids["PL 1"], on=date(2021, 8, 1), percent=100, done=True,
                                   note="Đã rà soát 5 TTHC"))
    return ids


def attach_evidence(svc: OfficeService, task_id: int, tmp: Path) -> None:
    doc = tmp / "bao-cao-tham-dinh.pdf"
    doc.write_bytes(b"%PDF-1.4 minh chung")
    svc.add_evidence(task_id, doc, doc_number="25/BC-VP", doc_date=date(2021, 6, 3), summary="về thẩm định TTHC")
