"""The Nghị định 30/2020 document frame, as data and geometry shared by the PDF and DOCX renderers.

Both renderers read every size, margin and spacing from here so that the two outputs agree, and the
header / signature / "Nơi nhận" blocks are built once from the Office (DOMAIN.md §3).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..core.model import Level, Office
from .formatting import document_number, place_date_line

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"

MM = 72.0 / 25.4  # points per millimetre
CM = 10 * MM


@dataclass(frozen=True)
class PageGeometry:
    """Page size and margins in millimetres (portrait A4; landscape swaps the size only)."""

    width_mm: float = 210.0
    height_mm: float = 297.0
    top_mm: float = 20.0
    bottom_mm: float = 20.0
    left_mm: float = 30.0
    right_mm: float = 15.0

    def landscape(self) -> PageGeometry:
        return PageGeometry(
            self.height_mm, self.width_mm, self.top_mm, self.bottom_mm, self.left_mm, self.right_mm
        )

    @property
    def text_width_mm(self) -> float:
        return self.width_mm - self.left_mm - self.right_mm

    @property
    def text_height_mm(self) -> float:
        return self.height_mm - self.top_mm - self.bottom_mm


PORTRAIT = PageGeometry()
LANDSCAPE = PORTRAIT.landscape()


@dataclass(frozen=True)
class TextStyle:
    """One ND 30 element: size in points, weight, slant, alignment ("left", "center", "justify")."""

    size: float
    bold: bool = False
    italic: bool = False
    align: str = "center"
    space_before: float = 0.0
    space_after: float = 0.0
    first_indent_cm: float = 0.0
    leading: float = 1.15  # line height as a multiple of the size (single ≈ 1.15 for Times)


BODY_LEADING = 1.25  # within "từ một dòng đến 1,5 dòng"; ≈ Word "Multiple 1.1"
BODY_FIRST_INDENT_CM = 1.27
PARAGRAPH_SPACING = 6.0

STYLES: dict[str, TextStyle] = {
    "quoc_hieu": TextStyle(13, bold=True),
    "tieu_ngu": TextStyle(14, bold=True),
    "parent_agency": TextStyle(13),
    "agency": TextStyle(13, bold=True),
    "number": TextStyle(13),
    "place_date": TextStyle(14, italic=True),
    "doc_type": TextStyle(14, bold=True, space_before=18),
    "summary": TextStyle(14, bold=True),
    "data_window": TextStyle(14, italic=True, space_before=2),
    "kinh_gui": TextStyle(14, space_before=10, space_after=6),
    "body": TextStyle(
        14,
        align="justify",
        space_after=PARAGRAPH_SPACING,
        first_indent_cm=BODY_FIRST_INDENT_CM,
        leading=BODY_LEADING,
    ),
    "basis": TextStyle(
        14,
        italic=True,
        align="justify",
        space_after=PARAGRAPH_SPACING / 2,
        first_indent_cm=BODY_FIRST_INDENT_CM,
        leading=BODY_LEADING,
    ),
    "heading1": TextStyle(
        14,
        bold=True,
        align="justify",
        space_before=6,
        space_after=PARAGRAPH_SPACING,
        first_indent_cm=BODY_FIRST_INDENT_CM,
        leading=BODY_LEADING,
    ),
    "heading2": TextStyle(
        14,
        bold=True,
        align="justify",
        space_after=PARAGRAPH_SPACING,
        first_indent_cm=BODY_FIRST_INDENT_CM,
        leading=BODY_LEADING,
    ),
    "heading3": TextStyle(
        14,
        bold=True,
        italic=True,
        align="justify",
        space_after=PARAGRAPH_SPACING,
        first_indent_cm=BODY_FIRST_INDENT_CM,
        leading=BODY_LEADING,
    ),
    "recipients_title": TextStyle(12, bold=True, italic=True, align="left"),
    "recipients": TextStyle(11, align="left"),
    "sign_title": TextStyle(14, bold=True),
    "sign_name": TextStyle(14, bold=True),
    "page_number": TextStyle(14),
    "appendix_label": TextStyle(14, bold=True),
    "appendix_title": TextStyle(14, bold=True),
    "appendix_subtitle": TextStyle(14, italic=True),
    "corner": TextStyle(12, italic=True, align="left"),
    "form_basis": TextStyle(12, italic=True, align="left"),
    "mark": TextStyle(13, bold=True, align="right"),
    "table_header": TextStyle(12, bold=True, leading=1.1),
    "table_cell": TextStyle(12, align="left", leading=1.1),
    "table_small_header": TextStyle(11, bold=True, leading=1.1),
    "table_small_cell": TextStyle(11, align="left", leading=1.1),
}

# Header: a borderless two-column block, agency left (≈40%), national title right (≈60%).
HEADER_LEFT_FRACTION = 0.40
# The rule under the issuing agency and under the trích yếu: 1/3–1/2 of the text length.
SHORT_RULE_FRACTION = 0.40
RULE_THICKNESS = 0.6  # points
SIGNATURE_SPACE = 72.0  # points left blank for the signature and seal
CLOSING_LEFT_FRACTION = 0.45  # "Nơi nhận" column; the signature takes the rest

# ND 30 Phụ lục III: document type abbreviations (used to cite evidence documents by number).
DOC_TYPE_NAMES: dict[str, str] = {
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "CT": "Chỉ thị",
    "QC": "Quy chế",
    "QYĐ": "Quy định",
    "TC": "Thông cáo",
    "TB": "Thông báo",
    "HD": "Hướng dẫn",
    "CTR": "Chương trình",
    "KH": "Kế hoạch",
    "PA": "Phương án",
    "ĐA": "Đề án",
    "DA": "Dự án",
    "BC": "Báo cáo",
    "BB": "Biên bản",
    "TTR": "Tờ trình",
    "HĐ": "Hợp đồng",
    "CĐ": "Công điện",
    "BGN": "Bản ghi nhớ",
    "BTT": "Bản thỏa thuận",
    "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời",
    "GGT": "Giấy giới thiệu",
    "GNP": "Giấy nghỉ phép",
    "PG": "Phiếu gửi",
    "PC": "Phiếu chuyển",
    "PB": "Phiếu báo",
}


def doc_type_of_number(doc_number: str) -> str:
    """ "12/KH-UBND" → "Kế hoạch"; a công văn ("35/UBND-VP") or anything unknown → "Văn bản"."""
    if "/" not in doc_number:
        return "Văn bản"
    first = doc_number.split("/", 1)[1].split("-", 1)[0].strip().upper()
    return DOC_TYPE_NAMES.get(first, "Công văn" if first in {"UBND", "VP", "VPUB"} else "Văn bản")


@dataclass
class DocFrame:
    """What surrounds the body of any document: header, title and the closing blocks."""

    parent_agency: str  # "UBND TỈNH HẢI DƯƠNG" (may be empty)
    agency_lines: list[str]  # ["ỦY BAN NHÂN DÂN", "XÃ LÊ LỢI"]
    number_line: str  # "Số: 05/BC-UBND"
    place_date: str  # "Lê Lợi, ngày 05 tháng 02 năm 2026"
    doc_type: str  # "BÁO CÁO", "KẾ HOẠCH"
    summary: str  # trích yếu
    recipients_title: str = "Nơi nhận:"
    recipients: list[str] = field(default_factory=list)  # "- …;" lines, the last "- Lưu: VT, VP."
    signature_titles: list[str] = field(default_factory=list)  # ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    signer_name: str = ""
    title: str = ""  # PDF/DOCX metadata title
    author: str = ""
    marks: list[str] = field(default_factory=list)  # "DỰ THẢO", "DỮ LIỆU MẪU": printed boxed, top right
    keywords: str = ""  # PDF metadata; an issued report binds its data here (reports/machine.py)


def signature_titles(office: Office) -> list[str]:
    """TM./KT. lines of the signature block; a Sở signs without "TM."."""
    authority = office.signatory_authority.strip().upper()
    collective = office.signatory_collective.strip().upper()
    title = office.signatory_title.strip().upper()
    deputy = office.signatory_deputy_title.strip().upper()
    has_collective = bool(collective) and office.level != Level.DEPARTMENT
    lines: list[str] = []
    if authority in ("TM.", "KT.") and has_collective:
        lines.append(f"TM. {collective}")
    if authority == "KT." or (authority == "TM." and deputy):
        lines.append(f"KT. {title}" if title else "")
        if deputy:
            lines.append(deputy)
    elif authority in ("", "TM."):
        lines.append(title)
    else:  # Q., TL., TUQ.
        lines.append(f"{authority} {title}")
        if deputy:
            lines.append(deputy)
    return [line for line in lines if line]


def recipients_lines(entries: list[str] | None, office: Office) -> list[str]:
    """Normalise the "Nơi nhận" list: "- entry;" each, a last "- Lưu: VT, <unit>." line."""
    items = [e.strip().lstrip("-–•").strip().rstrip(";.,").strip() for e in (entries or []) if e.strip()]
    if not items:
        items = list(office.recipients) or ([office.report_recipient] if office.report_recipient else [])
        items = [e.strip().lstrip("-–•").strip().rstrip(";.,").strip() for e in items if e.strip()]
    archive = [e for e in items if e.lower().startswith("lưu")]
    items = [e for e in items if not e.lower().startswith("lưu")]
    unit = office.drafting_unit.strip()
    last = archive[-1] if archive else ("Lưu: VT, " + unit if unit else "Lưu: VT")
    return [f"- {e};" for e in items] + [f"- {last}."]


def make_frame(
    office: Office,
    doc_type: str,
    doc_type_abbr: str,
    number: str,
    on: date | None,
    summary: str,
    year: int,
    recipients: list[str] | None = None,
) -> DocFrame:
    """Header and closing of one document of ``office``."""
    agency = office.name_lines or ["ỦY BAN NHÂN DÂN"]
    return DocFrame(
        parent_agency=office.parent_agency.strip().upper(),
        agency_lines=[line.strip().upper() for line in agency],
        number_line=document_number(number, doc_type_abbr, office.symbol),
        place_date=place_date_line(office.place_name, on, year),
        doc_type=doc_type,
        summary=summary,
        recipients=recipients_lines(recipients, office),
        signature_titles=signature_titles(office),
        signer_name=office.signatory_name.strip(),
        title=f"{doc_type.capitalize()} {summary}".strip(),
        author=" ".join(line.strip() for line in agency),
    )


def rule_length(lines: list[str], style: TextStyle, fraction: float) -> float:
    """Length in points of a rule drawn under ``lines``: ``fraction`` of the longest line."""
    from .fonts import text_width

    longest = max((text_width(line, style.size, style.bold, style.italic) for line in lines), default=0.0)
    return longest * fraction
