"""Messy plan files built in the tests, typed from the seed plans (province 001, Sở 000, commune 004).

A plan is described once as ``SheetSpec``s (rows + merged ranges + title block) and written as
.xlsx (openpyxl), .docx (python-docx, real gridSpan/vMerge merges) or .ods (hand-written
OpenDocument XML) so every reader is checked against the same expected result.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from kstthc_desktop.importers.legacy import from_unicode

Cell = str | int | None
Merge = tuple[int, int, int, int]  # first row, first col, last row, last col (0-based, inclusive)


@dataclass
class SheetSpec:
    name: str
    width: int
    rows: list[list[Cell]] = field(default_factory=list)
    merges: list[Merge] = field(default_factory=list)
    header_start: int = 0  # rows above it are the title block (paragraphs in .docx)
    fonts: dict[tuple[int, int], str] = field(default_factory=dict)

    def add(self, *cells: Cell) -> int:
        row = list(cells) + [None] * (self.width - len(cells))
        self.rows.append(row[: self.width])
        return len(self.rows) - 1

    def banner(self, text: str) -> int:
        """A text merged across the whole row (title lines, section rows)."""
        r = self.add(text)
        self.merges.append((r, 0, r, self.width - 1))
        return r

    def merge(self, r0: int, c0: int, r1: int, c1: int) -> None:
        self.merges.append((r0, c0, r1, c1))


# --------------------------------------------------------------------------- province (001)

TCVN3_LEAD = "Các cơ quan giải quyết hồ sơ thủ tục hành chính; Cổng thông tin điện tử UBND tỉnh"
VNI_LEAD = "Công chức Văn hóa – Xã hội"


def _province_header(spec: SheetSpec) -> None:
    top = spec.add(
        "STT",
        "Nội dung công việc",
        "Đơn vị thực hiện",
        None,
        "Thời gian hoàn thành",
        "Sản phẩm dự kiến hoàn thành",
    )
    spec.add(None, None, "Chủ trì", "Phối hợp")
    for col in (0, 1, 4, 5):
        spec.merge(top, col, top + 1, col)
    spec.merge(top, 2, top, 3)
    spec.add("(1)", "(2)", "(3)", "(4)", "(5)", "(6)")


def province_main() -> SheetSpec:
    s = SheetSpec("Kế hoạch", 6)
    r = s.add(
        "UỶ BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG",
        None,
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    )
    s.merge(r, 0, r, 1)
    s.merge(r, 2, r, 5)
    s.add()
    s.banner("KẾ HOẠCH")
    s.banner(
        "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2021 "
        "trên địa bàn tỉnh Hải Dương"
    )
    s.banner(
        "(Ban hành kèm theo Quyết định số      /QĐ-UBND ngày    tháng 02 năm 2021 của Chủ tịch UBND tỉnh)"
    )
    s.add()
    s.header_start = len(s.rows)
    _province_header(s)
    # Section I: numeral and title in one cell merged across the row.
    s.banner("I. HOÀN THIỆN THỂ CHẾ VÀ THẨM ĐỊNH THỦ TỤC HÀNH CHÍNH")
    s.add(
        1, "Hoàn thiện thể chế về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông"
    )
    s.add(
        "1.1",
        "Nhiệm vụ tham mưu ban hành Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết "
        "thủ tục hành chính trên địa bàn tỉnh Hải Dương.",
        "Văn phòng UBND tỉnh",
        "Các cơ quan, đơn vị, địa phương có liên quan",
        "Xong trước tháng 6 năm 2021",
        "Quyết định của UBND tỉnh",
    )
    s.add(
        "1.2",
        "Xây dựng văn bản chỉ đạo của UBND tỉnh, Chủ tịch UBND tỉnh",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành và các cơ quan, đơn vị, địa phương có liên quan",
        "Thường xuyên năm 2021",
        "Quyết định, văn bản chỉ đạo của Chủ tịch UBND tỉnh",
    )
    s.add(
        "2.",
        "Thẩm định, đánh giá tác động thủ tục hành chính:\n"
        "- Lấy ý kiến đánh giá tác động thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật;\n"
        "- Thẩm định, đánh giá tác động thủ tục hành chính thuộc thẩm quyền ban hành của HĐND tỉnh, UBND tỉnh.",
        "Cơ quan được giao chủ trì soạn thảo văn bản quy phạm pháp luật",
        "Văn phòng UBND tỉnh;\nSở Tư pháp",
        "Thường xuyên năm 2021",
        "Báo cáo, văn bản hành chính",
    )
    # Section II: Roman numeral in the STT column, title beside it.
    s.add("II", "TRIỂN KHAI CÁC NHIỆM VỤ CẢI CÁCH, KIỂM SOÁT THỦ TỤC HÀNH CHÍNH")
    s.add(3, "Triển khai các nhiệm vụ cải cách thủ tục hành chính, kiểm soát thủ tục hành chính")
    s.add(
        "3.1",
        "Tổ chức hướng dẫn, theo dõi, đôn đốc các sở, ban, ngành, UBND cấp huyện xây dựng kế hoạch",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành thuộc UBND tỉnh, Ban Quản lý các khu công nghiệp tỉnh, UBND cấp huyện, "
        "UBND các xã, phường, thị trấn (sau đây gọi tắt là UBND cấp xã)",
        "Thường xuyên năm 2021",
        "Văn bản, kế hoạch, báo cáo...",
    )
    first = s.add(
        "3.2",
        "Nhóm nội dung công việc:",
        "Văn phòng UBND tỉnh và các cơ quan được giao nhiệm vụ chủ trì rà soát",
        "Các sở, ban, ngành thuộc UBND tỉnh, Ban Quản lý các khu công nghiệp, UBND cấp huyện, UBND cấp xã.",
        "Thường xuyên năm 2021",
        "Văn bản chỉ đạo, đôn đốc; Quyết định, tổ chức các hội nghị tập huấn",
    )
    s.add("-", "Tổ chức theo dõi, đôn đốc công bố, công khai thủ tục hành chính;")
    s.add("-", "Tổ chức tập huấn, bồi dưỡng chuyên môn, nghiệp vụ về kiểm soát thủ tục hành chính;")
    last = s.add(
        "3.3",
        "Tổ chức thực hiện Nghị định số 45/2020/NĐ-CP ngày 08 tháng 4 năm 2020 của Chính phủ",
        None,
        "Các sở, ban, ngành thuộc UBND tỉnh, UBND cấp huyện, UBND các xã, phường, thị trấn.",
        "Thường xuyên năm 2021",
        "Quyết định, phần mềm ...",
    )
    s.merge(first, 2, last, 2)  # one lead unit merged down over 3.2, its bullets and 3.3
    s.add(
        4,
        "Nâng cao chất lượng việc thực hiện cơ chế một cửa, một cửa liên",
        "Văn phòng UBND tỉnh, UBND cấp huyện, cấp xã",
        "Các sở, ban, ngành thuộc UBND tỉnh, Ban Quản lý các khu công nghiệp",
        "Thường xuyên năm 2021",
        "Văn bản chỉ đạo, quyết định, báo cáo",
    )
    _province_header(s)  # header repeated at the page break
    s.add(None, "thông trong giải quyết thủ tục hành chính")  # tail of task 4's cell
    s.add(
        5,
        "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
        "Văn phòng UBND tỉnh;\nTrung tâm Phục vụ hành chính công, Bộ phận Tiếp nhận và Trả kết quả "
        "của UBND cấp huyện, cấp xã",
        "Các sở, ban, ngành thuộc UBND tỉnh, UBND cấp huyện",
        "Thường xuyên năm 2021",
        "Tiếp nhận, phân loại, xử lý phản ánh, kiến nghị",
    )
    s.add(
        6,
        "Kiểm tra kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông",
        "Văn phòng UBND tỉnh",
        "Các cơ quan, đơn vị, địa phương được kiểm tra",
        "Từ tháng 4 đến tháng 11 năm 2021",
        "Kế hoạch, quyết định thành lập đoàn kiểm tra",
    )
    # Section III: numeral and title in one cell without a dot.
    s.banner("III TUYÊN TRUYỀN VÀ NGHIÊN CỨU SÁNG KIẾN CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    s.add(7, "Tuyên truyền hỗ trợ công tác cải cách thủ tục hành chính")
    r = s.add(
        "a)",
        "Tổ chức tuyên truyền về cải cách thủ tục hành chính, kiểm soát thủ tục hành chính",
        from_unicode(TCVN3_LEAD, "tcvn3"),
        "Văn phòng UBND tỉnh; Trung tâm Phục vụ hành chính công; UBND cấp huyện, cấp xã",
        "Thường xuyên trong năm 2021",
        "Tin, bài, phóng sự",
    )
    s.fonts[(r, 2)] = ".VnTime"
    s.add(
        "b)",
        "Theo dõi, tổng hợp và đề xuất phương án xử lý thông tin báo chí",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành thuộc UBND tỉnh, UBND cấp huyện, UBND cấp xã",
        "Thường xuyên năm 2021",
        "Báo cáo Chủ tịch UBND tỉnh chỉ đạo",
    )
    s.add(
        8,
        "Nghiên cứu, đề xuất sáng kiến, giải pháp cải cách thủ tục hành chính",
        "Các sở, ngành, UBND các cấp",
        "Văn phòng UBND tỉnh",
        "Trước ngày 15 tháng 9 năm 2021",
        "Báo cáo sáng kiến, phương án, giải pháp",
    )
    s.add(
        "9.",
        "Tổ chức đoàn đi trao đổi, học tập kinh nghiệm về công tác cải cách thủ tục hành chính",
        "Văn phòng UBND tỉnh",
        "Một số sở, ngành thuộc UBND tỉnh, UBND cấp huyện có liên quan",
        "Quý III năm 2021",
        "Báo cáo kết quả học tập kinh nghiệm",
    )
    s.add(
        10,
        "Tổng kết việc thực hiện Kế hoạch năm 2021 và triển khai nhiệm vụ năm 2022",
        "Văn phòng UBND tỉnh",
        "Các sở, ban, ngành, UBND cấp huyện",
        "Trước ngày 15 tháng 12 năm 2021",
        "Báo cáo và Hội nghị tổng kết",
    )
    s.add(
        "-",
        "Xây dựng dự thảo báo cáo tổng kết",
        "Văn phòng UBND tỉnh",
        None,
        "Trước ngày 30/11/2021",
        "Dự thảo báo cáo",
    )
    return s


PROVINCE_APPENDIX = [
    (
        "Sở Công thương Thủ tục hành chính các lĩnh vực: Lưu thông hàng hóa trong nước, Thương mại quốc tế và Điện.",
        "31/5/2021",
    ),
    (
        "Sở Nội vụ Thủ tục hành chính các lĩnh vực: Tổ chức – Biên chế; Tổ chức phi chính phủ; lưu trữ.",
        "31/5/2021",
    ),
    (
        "Sở Lao động, Thương binh và Xã hội Thủ tục hành chính các lĩnh vực: An toàn, vệ sinh lao động.",
        "31/5/2021",
    ),
    ("Sở Giao thông vận tải Các thủ tục hành chính lĩnh vực Đường sắt; lĩnh vực Đường bộ.", "31/5/2021"),
    (
        "Sở Thông tin và Truyền thông Thủ tục hành chính các lĩnh vực: Xuất bản, in và phát hành; Bưu chính.",
        "31/5/2021",
    ),
    ("Sở Y tế: Thủ tục hành chính các lĩnh vực: Khám chữa bệnh; Y tế dự phòng; Dược phẩm.", "30/6/2021"),
    (
        "Sở Tài nguyên và Môi trường Thủ tục hành chính các lĩnh vực: Môi trường; Địa chất và khoáng sản.",
        "30/6/2021",
    ),
    (
        "Sở Văn hóa, Thể thao và Du lịch Thủ tục hành chính các lĩnh vực: Văn hóa cơ sở; Nghệ thuật biểu diễn.",
        "30/6/2021",
    ),
    ("Sở Tư pháp Thủ tục hành chính các lĩnh vực: Thừa phát lại; Quản tài viên; Công chứng.", "30/6/2021"),
    ("Sở Khoa học và Công nghệ Thủ tục hành chính lĩnh vực Hoạt động khoa học và công nghệ", "30/6/2021"),
    ("Sở Tài chính Thủ tục hành chính lĩnh Bảo hiểm; lĩnh vực Quản lý công sản.", "30/6/2021"),
    (
        "Sở Giáo dục và Đào tạo Thủ tục hành chính lĩnh vực Giáo dục và Đào tạo thuộc hệ thống giáo dục quốc dân",
        "30/6/2021",
    ),
    ("Ban Quản lý các khu công nghiệp Thủ tục hành chính các lĩnh vực: Xây dựng; Lao động.", "31/7/2021"),
    (
        "Sở Nông nghiệp và Phát triển nông thôn Thủ tục hành chính các lĩnh vực: Lâm nghiệp; Chăn nuôi; Thủy lợi.",
        "31/7/2021",
    ),
    ("Sở Kế hoạch và Đầu tư Thủ tục hành chính các lĩnh vực: Hỗ trợ doanh nghiệp nhỏ và vừa.", "31/7/2021"),
    (
        "Sở Xây dựng Thủ tục hành chính lĩnh vực Quản lý hoạt động xây dựng; lĩnh vực Kinh doanh bất động sản.",
        "31/7/2021",
    ),
]


def province_appendix() -> SheetSpec:
    s = SheetSpec("Phụ lục I", 3)
    s.banner("PHỤ LỤC I:")
    s.banner("Rà soát, đánh giá thủ tục hành chính năm 2021")
    s.add()
    s.header_start = len(s.rows)
    s.add("Stt", "Ngành/Lĩnh vực", "Thời gian hoàn thành")
    for i, (field_text, due) in enumerate(PROVINCE_APPENDIX, start=1):
        s.add(f"{i}.", field_text, f"Trước ngày {due}")
        if i == 10:  # header repeated at the page break
            s.add("Stt", "Ngành/Lĩnh vực", "Thời gian hoàn thành")
    s.add()
    s.banner("Ghi chú:")
    s.banner("1. Các cơ quan, đơn vị tổ chức rà soát, đánh giá từng thủ tục hành chính.")
    return s


# --------------------------------------------------------------------------- Sở Công Thương (000)

# Seed 000 is prose ("1. Title / - bullet / a) Đơn vị chủ trì: … / c) Thời gian hoàn thành: …");
# a Sở re-sends it as a table. Each item: (STT as typed, content lines, lead, coordinating,
# deadline, products), texts as in the seed (its line wraps joined with a space), lowercase and
# with the trailing full stops the seed has.
SO_ITEMS: list[tuple[Cell, list[str], str, str, str, str]] = [
    (
        1,
        [
            "Hoàn thiện thể chế về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông",
            "- Tham gia ý kiến đối với dự thảo Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết "
            "TTHC trên địa bàn tỉnh Hải Dương.",
        ],
        "Văn phòng sở.",
        "các phòng, đơn vị có liên quan.",
        "trước tháng 6 năm 2021.",
        "văn bản tham gia ý kiến của Sở.",
    ),
    (
        "2.",
        [
            "Thẩm định, đánh giá tác động thủ tục hành chính",
            "- Lấy ý kiến đánh giá tác động TTHC, bộ phận cấu thành TTHC trong dự thảo văn bản quy phạm pháp "
            "luật có quy định về TTHC (nếu có) do Sở chủ trì soạn thảo.",
        ],
        "các phòng được giao nhiệm vụ chủ trì soạn thảo văn bản quy phạm pháp luật có quy định về TTHC.",
        # One unit per line in the table; the seed's prose joins them with commas.
        "Văn phòng UBND tỉnh,\nSở Tư pháp,\nVăn phòng sở.",
        "trong năm 2021.",
        "báo cáo, văn bản đánh giá tác động thủ tục hành chính.",
    ),
    (
        3,
        [
            "Triển khai các nhiệm vụ về cải cách thủ tục hành chính, kiểm soát thủ tục hành chính và thực hiện "
            "cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
            "- Xây dựng kế hoạch và tổ chức thực hiện nhiệm vụ cải cách TTHC, kiểm soát TTHC và thực hiện cơ chế "
            "một cửa, một cửa liên thông trong giải quyết TTHC.",
            "- Tham mưu trình UBND tỉnh công bố, công khai TTHC theo quy định.",
            "- Phối hợp cập nhật, công khai dữ liệu TTHC trên Cổng dịch vụ công và Hệ thống thông tin một cửa "
            "điện tử của tỉnh; công khai trên website của Sở.",
            "- Tổ chức rà soát, đánh giá TTHC thuộc các lĩnh vực: lưu thông hàng hóa trong nước, thương mại "
            "quốc tế và điện.",
            "- Tham gia tập huấn, bồi dưỡng chuyên môn, nghiệp vụ về kiểm soát TTHC, thực hiện cơ chế một cửa, "
            "một cửa liên thông trong giải quyết TTHC và giải quyết TTHC trên môi trường điện tử.",
            "- Tổng hợp báo cáo định kỳ quý, năm hoặc đột xuất về tình hình công tác kiểm soát TTHC, thực hiện "
            "cơ chế một cửa, một cửa liên thông và tiếp nhận phản ánh, kiến nghị về quy định hành chính.",
        ],
        "Văn phòng sở.",
        "các phòng, đơn vị có liên quan.",
        "thường xuyên trong năm 2021.\n(Riêng việc rà soát, đơn giản hóa TTHC hoàn thành trước ngày 31/5/2021).",
        "kế hoạch, văn bản chỉ đạo, đôn đốc của Sở; tờ trình; báo cáo; …",
    ),
    (
        4,
        [
            "Nâng cao chất lượng việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục "
            "hành chính",
            "- Phối hợp với Trung tâm Phục vụ hành chính công nâng cao chất lượng phục vụ của Trung tâm.",
            "- Thực hiện đầy đủ việc báo cáo kết quả giải quyết TTHC theo cơ chế một cửa, một cửa liên thông "
            "tại Sở năm 2021.",
        ],
        "Văn phòng sở.",
        "các phòng, đơn vị có liên quan.",
        "thường xuyên trong năm 2021.",
        "công văn, báo cáo, …",
    ),
    (
        "5.",
        [
            "Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính",
            "- Tổ chức tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về hành vi hành chính, "
            "cơ chế, chính sách và quy định TTHC.",
        ],
        "Văn phòng sở.",
        "các phòng, đơn vị có liên quan.",
        "thường xuyên trong năm 2021.",
        "tiếp nhận, phân loại, xử lý phản ánh, kiến nghị và báo cáo kết quả.",
    ),
    (
        6,
        ["Kiểm tra, đôn đốc công tác kiểm soát thủ tục hành chính tại các phòng chuyên môn thuộc Sở"],
        "Văn phòng sở.",
        "các phòng chuyên môn thuộc Sở.",
        "thường xuyên trong năm 2021.",
        "công văn đôn đốc, báo cáo.",
    ),
    (
        7,
        [
            "Tuyên truyền hỗ trợ công tác cải cách thủ tục hành chính",
            "- Tích cực tuyên truyền về cải cách TTHC, kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên "
            "thông trong giải quyết TTHC, tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính tới toàn "
            "thể cán bộ, công chức thuộc Sở và các tổ chức, công dân để tạo sự lan tỏa và đồng thuận trong xã hội.",
        ],
        "Văn phòng sở, Ban biên tập website Sở.",
        "các phòng, đơn vị có liên quan.",
        "thường xuyên trong năm 2021.",
        "tin, bài viết trên website, báo; phóng sự truyền hình; tài liệu tuyên truyền tại các cuộc họp giao ban.",
    ),
    (
        8,
        [
            "Nghiên cứu, đề xuất sáng kiến, giải pháp cải cách thủ tục hành chính",
            "- Nghiên cứu, đề xuất các giải pháp, sáng kiến đơn giản hóa TTHC.",
        ],
        "Văn phòng sở.",
        "các phòng, đơn vị thuộc Sở.",
        "trước ngày 15/9/2021.",
        "báo cáo sáng kiến, phương án, giải pháp cải cách TTHC trình UBND tỉnh.",
    ),
]

#: Where the page break cuts task 7's content and products cells (the seed breaks page 3/4 there).
SO_BREAK_CONTENT = "tiếp nhận, xử lý phản ánh, "
SO_BREAK_PRODUCTS = "phóng sự "


def so_main() -> SheetSpec:
    """Seed 000, "II. NỘI DUNG CÔNG VIỆC" items 1–8, as a Sở's table arrives.

    Title block of a Sở (agency over its parent), a two-row header with "Đơn vị thực hiện" over
    "Chủ trì | Phối hợp", a "(1)…(6)" row, the section row "II NỘI DUNG CÔNG VIỆC" typed in the
    content cell, the lead "Văn phòng sở." merged down over tasks 4–6, task 7's content and
    products cells cut by a page break (header repeated) into an unnumbered row, and the
    signature block ("Nơi nhận:" | "GIÁM ĐỐC") below the table.
    """
    s = SheetSpec("KH KSTTHC 2021", 6)
    r = s.add(
        "UBND TỈNH HẢI DƯƠNG\nSỞ CÔNG THƯƠNG",
        None,
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    )
    s.merge(r, 0, r, 1)
    s.merge(r, 2, r, 5)
    r = s.add("Số:        /KH-SCT", None, "Hải Dương, ngày       tháng 02 năm 2021")
    s.merge(r, 0, r, 1)
    s.merge(r, 2, r, 5)
    s.add()
    s.banner("KẾ HOẠCH")
    s.banner("Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,\nmột cửa liên thông năm 2021")
    s.add()
    s.header_start = len(s.rows)
    _province_header(s)
    s.add(None, "II NỘI DUNG CÔNG VIỆC")
    rows: dict[int, int] = {}
    for i, (number, lines, lead, coordinating, deadline, products) in enumerate(SO_ITEMS, start=1):
        content = "\n".join(lines)
        if i == 7:
            head, tail = content.split(SO_BREAK_CONTENT)
            p_head, p_tail = products.split(SO_BREAK_PRODUCTS)
            rows[i] = s.add(
                number,
                head + SO_BREAK_CONTENT.rstrip(),
                lead,
                coordinating,
                deadline,
                p_head + SO_BREAK_PRODUCTS.rstrip(),
            )
            _province_header(s)  # header rows repeated on the next page
            s.add(None, tail, None, None, None, p_tail)  # the rest of both cells
            continue
        rows[i] = s.add(number, content, lead, coordinating, deadline, products)
    s.merge(rows[4], 2, rows[6], 2)  # "Văn phòng sở." typed once for 4, 5 and 6
    for r in (rows[5], rows[6]):
        s.rows[r][2] = None
    s.add()
    r = s.add(
        "Nơi nhận:\n- Văn phòng UBND tỉnh;\n- Lãnh đạo sở;\n- Các phòng thuộc Sở;\n"
        "- Trung tâm Xúc tiến thương mại;\n- Website Sở;\n- Lưu: VT, VP.",
        None,
        None,
        "GIÁM ĐỐC\n\n\nPhạm Thanh Hải",
    )
    s.merge(r, 0, r, 2)
    s.merge(r, 3, r, 5)
    return s


# --------------------------------------------------------------------------- commune (004)

COMMUNE_FIELDS = [
    "Lĩnh vực đường thủy nội địa", "Lĩnh vực thi đua khen thưởng", "Lĩnh vực quản lý Nhà nước về Tôn giáo",
    "Lĩnh vực Đất đai", "Lĩnh vực Môi trường", "Lĩnh vực Văn hóa cơ sở", "Lĩnh vực Bảo trợ xã hội",
    "Lĩnh vực người có công", "Lĩnh vực giáo dục và đào tạo", "Lĩnh vực phát triển nông thôn",
    "Lĩnh vực Bảo hiểm", "Lĩnh vực Bồi thường nhà nước", "Lĩnh vực Chứng thực",
    "Lĩnh vực Dân số - Sức khỏe sinh sản", "Lĩnh vực Hộ tịch", "Lĩnh vực nuôi, con nuôi",
    "Lĩnh vực phòng chống tệ nạn xã hội", "Lĩnh vực phòng, chống tham nhũng", "Lĩnh vực phòng, chống thiên tai",
    "Lĩnh vực phổ biến giáo dục pháp luật", "Lĩnh vực quản lý công sản", "Lĩnh vực Thể dục thể thao",
    "Lĩnh vực tiếp công dân", "Lĩnh vực Trồng trọt", "Lĩnh vực việc làm", "Lĩnh vực xử lý đơn thư",
    "Lĩnh vực trẻ em",
]  # fmt: skip


def commune_main() -> SheetSpec:
    s = SheetSpec("KH 2022", 6)
    r = s.add("UỶ BAN NHÂN DÂN\nXÃ LÊ LỢI", None, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    s.merge(r, 0, r + 1, 1)
    s.merge(r, 2, r, 5)
    r = s.add(None, None, "Độc lập - Tự do - Hạnh phúc")
    s.merge(r, 2, r, 5)
    r = s.add("Số:    /KH-UBND", None, "Lê Lợi, ngày 28 tháng 02 năm 2022")
    s.merge(r, 2, r, 5)
    s.banner("KẾ HOẠCH")
    s.banner(
        "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,\nmột cửa liên thông của UBND xã năm 2022"
    )
    s.header_start = len(s.rows)
    s.add("Số\nTT", "Nhiệm vụ", "Cơ quan chủ trì", "Đơn vị phối hợp", "Thời hạn hoàn thành", "Ghi chú")
    s.add(1, 2, 3, 4, 5, 6)
    s.banner("II. NỘI DUNG")
    s.add(
        1,
        "Xây dựng và hoàn thiện thể chế về cải cách, kiểm soát thủ tục hành chính",
        "Công chức Văn phòng – Thống kê",
        "Các công chức chuyên môn",
        "Thường xuyên",
    )
    s.add(
        "-",
        "Tham gia ý kiến Thông tư sửa đổi một số điều tại Thông tư số 01/2018/TT-VPCP",
        None,
        None,
        "Khi có yêu cầu",
    )
    s.add("-", "Triển khai Kế hoạch thống kê, rà soát, đơn giản hóa thủ tục hành chính nội bộ")
    s.add(
        2,
        "Triển khai các nhiệm vụ về cải cách thủ tục hành chính, kiểm soát thủ tục hành chính",
        "Công chức Văn phòng – Thống kê",
    )
    s.add("-", "Tổ chức thực hiện các nhiệm vụ kiểm soát thủ tục hành chính:")
    s.add("+", "Theo dõi, đôn đốc công khai thủ tục hành chính;", None, None, "Thường xuyên")
    s.add(
        "+",
        "Tổ chức rà soát, kiến nghị đơn giản hóa thủ tục hành chính báo cáo UBND huyện "
        "(Chi tiết, có Phụ lục I đính kèm)",
        None,
        None,
        "Trước ngày 31/8/2022",
    )
    s.add(
        "+",
        "Tham dự giao ban định kỳ 6 tháng, 1 năm để triển khai công tác",
        None,
        None,
        "Tháng 6 và tháng 12",
    )
    s.add(
        3,
        "Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính\n"
        "- Tiếp tục thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 đảm bảo chỉ tiêu giao\n"
        "- Thực hiện dịch vụ công trực tuyến và thanh toán trực tuyến trên Cổng Dịch vụ công tỉnh",
        "Công chức Văn phòng – Thống kê;\nCông chức Tư pháp – Hộ tịch",
        None,
        "Thường xuyên năm 2022",
    )
    r = s.add(
        4,
        "Công tác tuyên truyền hỗ trợ cải cách thủ tục hành chính",
        from_unicode(VNI_LEAD, "vni"),
        "Đài truyền thanh xã",
        "Thường xuyên",
        "Hợp đồng chức danh Văn hóa",
    )
    s.fonts[(r, 2)] = "VNI-Times"
    return s


def commune_appendix() -> SheetSpec:
    s = SheetSpec("PL", 3)
    s.banner("PHỤ LỤC")
    s.banner("Rà soát, đánh giá đơn giản hóa thủ tục hành chính năm 2022")
    s.banner("(Kèm theo Kế hoạch số       /KH-UBND ngày 28/02/2022 của UBND xã)")
    s.banner("----------")
    s.header_start = len(s.rows)
    s.add("Số\nTT", "Lĩnh vực", "Thời gian hoàn thành")
    for i, name in enumerate(COMMUNE_FIELDS, start=1):
        s.add(i, name, "Trước ngày 31/8/2022" if i % 2 else "Trước ngày 31/8")
    return s


# --------------------------------------------------------------------------- writers


def write_xlsx(path: Path, sheets: list[SheetSpec]) -> Path:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        for r, row in enumerate(spec.rows, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    cell = ws.cell(row=r, column=c, value=value)
                    if isinstance(value, str) and "\n" in value:
                        cell.alignment = Alignment(wrap_text=True)
        for (r, c), font in spec.fonts.items():
            ws.cell(row=r + 1, column=c + 1).font = Font(name=font)
        for r0, c0, r1, c1 in spec.merges:
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)
    return path


def write_docx(path: Path, sheets: list[SheetSpec], split_after: dict[str, int] | None = None) -> Path:
    """Title rows become paragraphs; the rest a real Word table with merged cells.

    ``split_after`` {sheet: n} ends the table after n data rows and starts a new table (with the
    header again and no paragraph between), as Word files broken over pages often are.
    """
    import docx

    document = docx.Document()
    for spec in sheets:
        for row in spec.rows[: spec.header_start]:
            texts = [str(v) for v in dict.fromkeys(v for v in row if v is not None)]
            for text in texts:
                for line in text.split("\n"):
                    document.add_paragraph(line)
        body = spec.rows[spec.header_start :]
        merges = [
            (r0 - spec.header_start, c0, r1 - spec.header_start, c1)
            for r0, c0, r1, c1 in spec.merges
            if r0 >= spec.header_start
        ]
        cut = (split_after or {}).get(spec.name)
        if cut is None:
            _docx_table(document, body, merges, spec.width)
        else:
            header = body[:1]
            _docx_table(document, body[: 1 + cut], [m for m in merges if m[2] <= cut], spec.width)
            _docx_table(document, header + body[1 + cut :], [], spec.width)
    document.save(path)
    return path


def _docx_table(document, rows: list[list[Cell]], merges: list[Merge], width: int) -> None:
    table = document.add_table(rows=len(rows), cols=width)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            if value is not None:
                table.cell(r, c).text = str(value)
    for r0, c0, r1, c1 in merges:
        table.cell(r0, c0).merge(table.cell(r1, c1))


_ODS_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
    'office:version="1.2"'
)


def write_ods(path: Path, sheets: list[SheetSpec]) -> Path:
    """A minimal but valid OpenDocument spreadsheet, merged cells as LibreOffice writes them."""
    tables: list[str] = []
    for spec in sheets:
        covered: set[tuple[int, int]] = set()
        spans: dict[tuple[int, int], tuple[int, int]] = {}
        for r0, c0, r1, c1 in spec.merges:
            spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
            covered.update((r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1) if (r, c) != (r0, c0))
        rows_xml: list[str] = []
        for r, row in enumerate(spec.rows):
            cells_xml: list[str] = []
            for c, value in enumerate(row):
                if (r, c) in covered:
                    cells_xml.append("<table:covered-table-cell/>")
                    continue
                attrs = ""
                if (r, c) in spans:
                    rs, cs = spans[(r, c)]
                    attrs = f' table:number-rows-spanned="{rs}" table:number-columns-spanned="{cs}"'
                if value is None:
                    cells_xml.append(f"<table:table-cell{attrs}/>")
                elif isinstance(value, int):
                    cells_xml.append(
                        f'<table:table-cell{attrs} office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
                    )
                else:
                    paras = "".join(f"<text:p>{escape(line)}</text:p>" for line in str(value).split("\n"))
                    cells_xml.append(
                        f'<table:table-cell{attrs} office:value-type="string">{paras}</table:table-cell>'
                    )
            rows_xml.append("<table:table-row>" + "".join(cells_xml) + "</table:table-row>")
        tables.append(
            f'<table:table table:name="{escape(spec.name)}">'
            f'<table:table-column table:number-columns-repeated="{spec.width}"/>'
            + "".join(rows_xml)
            + "</table:table>"
        )
    return zip_ods(path, "".join(tables))


def zip_ods(path: Path, tables_xml: str) -> Path:
    """An .ods file around ``tables_xml`` (the ``<table:table>`` elements): mimetype, content, manifest."""
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODS_NS}>'
        "<office:body><office:spreadsheet>"
        + tables_xml
        + "</office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        f'<?xml version="1.0" encoding="UTF-8"?><manifest:manifest {_ODS_NS}>'
        '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        zf.writestr("META-INF/manifest.xml", manifest, compress_type=zipfile.ZIP_DEFLATED)
    return path


def ole_file(path: Path, *streams: str) -> Path:
    """A minimal OLE2 (Compound File) with directory entries named ``streams``.

    Enough for the sniffer, which reads the directory to tell .doc / encrypted OOXML / .xls.
    """
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1A:0x1C] = (3).to_bytes(2, "little")  # major version 3
    header[0x1C:0x1E] = (0xFFFE).to_bytes(2, "little")
    header[0x1E:0x20] = (9).to_bytes(2, "little")  # 512-byte sectors
    header[0x2C:0x30] = (1).to_bytes(4, "little")  # one FAT sector
    header[0x30:0x34] = (1).to_bytes(4, "little")  # directory starts at sector 1
    header[0x4C:0x50] = (0).to_bytes(4, "little")  # FAT in sector 0
    fat = bytearray(b"\xff" * 512)
    fat[0:4] = (0xFFFFFFFD).to_bytes(4, "little")
    fat[4:8] = (0xFFFFFFFE).to_bytes(4, "little")
    directory = bytearray(512)
    for i, name in enumerate(("Root Entry", *streams)[:4]):
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[0 : len(raw)] = raw
        entry[64:66] = len(raw).to_bytes(2, "little")
        entry[66] = 5 if i == 0 else 2
        directory[i * 128 : (i + 1) * 128] = entry
    path.write_bytes(bytes(header) + bytes(fat) + bytes(directory) + b"\x00" * 512)
    return path
