"""Whole plan documents built in the tests: seed plans 000 (Sở Công Thương) and 004 (xã Lê Lợi)
in their real prose form, written as .docx (python-docx) and drawn as PDF (reportlab, bundled
Liberation Serif), plus the province plan's tables as PDF, a scanned PDF and hostile PDFs.

A document is a list of blocks; the same blocks give the Word file and the PDF, so both readers
are checked against one expected result. The paragraph texts are the seeds' own (their line
wraps joined); the page number the seed shows inside task 7 is left to the PDF's page header.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"


@dataclass
class Block:
    kind: str  # header | center | heading | p | signature | table | pagebreak
    text: str = ""
    bold: bool = False
    left: list[str] = field(default_factory=list)
    right: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    ruled: bool = True
    widths: list[float] = field(default_factory=list)  # relative column widths
    repeat: int = 0  # header rows repeated on each page (PDF)
    spans: list[tuple[int, int, int, int]] = field(default_factory=list)  # r0, c0, r1, c1


def _body(paragraphs: list[str]) -> list[Block]:
    out: list[Block] = []
    for text in paragraphs:
        roman = text.split(".", 1)[0] in ("I", "II", "III", "IV", "V", "VI")
        out.append(Block("heading" if roman else "p", text, bold=roman))
    return out


SEED000_BODY = [
    'Căn cứ Quyết định số 381/QĐ-UBND ngày 02/02/2020 của UBND tỉnh ban hành Kế hoạch kiểm soát thủ tục hành chính (TTHC) và thực hiện cơ chế một cửa, một cửa liên thông năm 2021 trên địa bàn tỉnh Hải Dương, Sở Công Thương xây dựng Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2021 với những nội dung chủ yếu sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    '- Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả các nhiệm vụ về kiểm soát TTHC và cải cách TTHC theo quy định, góp phần cải thiện môi trường đầu tư kinh doanh, nâng cao Chỉ số cải cách hành chính cấp tỉnh, Chỉ số năng lực cạnh tranh cấp tỉnh của tỉnh Hải Dương năm 2021.',
    '- Tổ chức triển khai thực hiện thống nhất, đồng bộ và hiệu quả cơ chế một cửa, một cửa liên thông trong giải quyết TTHC; nâng cao chất lượng phục vụ, sự hài lòng của người dân, doanh nghiệp đối với cơ quan hành chính nhà nước trong giải quyết TTHC.',
    '- Phối hợp với các cơ quan, đơn vị tổ chức triển khai giải quyết TTHC trên môi trường điện tử theo đúng quy định tại Nghị định số 45/2020/NĐ-CP.',
    '- Nâng cao chất lượng việc tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính; đẩy mạnh công tác truyền thông nhằm tạo sự đồng thuận, huy động sự tham gia tích cực của người dân trong việc tìm hiểu, thực hiện, giám sát và đánh giá việc giải quyết TTHC.',
    '2. Yêu cầu',
    '- Nội dung kế hoạch bảo đảm toàn diện, có trọng tâm, trọng điểm, tiết kiệm, đúng tiến độ, chất lượng, khả thi và hiệu quả.',
    '- Quán triệt đến đội ngũ cán bộ, công chức xác định công tác kiểm soát TTHC là nhiệm vụ chuyên môn, trọng tâm, thường xuyên và liên tục trong chỉ đạo, điều hành của cơ quan, đơn vị.',
    '- Xác định rõ trách nhiệm của từng phòng, từng đơn vị và sự phân công, phối hợp giữa các phòng, các đơn vị trong thực hiện các nhiệm vụ cụ thể.',
    '- Huy động được sự tham gia, phối hợp của các tổ chức, cá nhân trong việc thực hiện, giám sát thực hiện và đánh giá chất lượng, hiệu quả công tác này.',
    'II. NỘI DUNG CÔNG VIỆC',
    '1. Hoàn thiện thể chế về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông',
    '- Tham gia ý kiến đối với dự thảo Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết TTHC trên địa bàn tỉnh Hải Dương.',
    'a) Đơn vị chủ trì: Văn phòng sở.',
    'b) Đơn vị phối hợp: các phòng, đơn vị có liên quan.',
    'c) Thời gian hoàn thành: trước tháng 6 năm 2021.',
    'd) Sản phẩm dự kiến hoàn thành: văn bản tham gia ý kiến của Sở.',
    '2. Thẩm định, đánh giá tác động thủ tục hành chính',
    '- Lấy ý kiến đánh giá tác động TTHC, bộ phận cấu thành TTHC trong dự thảo văn bản quy phạm pháp luật có quy định về TTHC (nếu có) do Sở chủ trì soạn thảo.',
    'a) Đơn vị chủ trì: các phòng được giao nhiệm vụ chủ trì soạn thảo văn bản quy phạm pháp luật có quy định về TTHC.',
    'b) Đơn vị phối hợp: Văn phòng UBND tỉnh, Sở Tư pháp, Văn phòng sở.',
    'c) Thời gian hoàn thành: trong năm 2021.',
    'd) Sản phẩm dự kiến hoàn thành: báo cáo, văn bản đánh giá tác động thủ tục hành chính.',
    '3. Triển khai các nhiệm vụ về cải cách thủ tục hành chính, kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
    '- Xây dựng kế hoạch và tổ chức thực hiện nhiệm vụ cải cách TTHC, kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC.',
    '- Tham mưu trình UBND tỉnh công bố, công khai TTHC theo quy định.',
    '- Phối hợp cập nhật, công khai dữ liệu TTHC trên Cổng dịch vụ công và Hệ thống thông tin một cửa điện tử của tỉnh; công khai trên website của Sở.',
    '- Tổ chức rà soát, đánh giá TTHC thuộc các lĩnh vực: lưu thông hàng hóa trong nước, thương mại quốc tế và điện.',
    '- Tham gia tập huấn, bồi dưỡng chuyên môn, nghiệp vụ về kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC và giải quyết TTHC trên môi trường điện tử.',
    '- Tổng hợp báo cáo định kỳ quý, năm hoặc đột xuất về tình hình công tác kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông và tiếp nhận phản ánh, kiến nghị về quy định hành chính.',
    'a) Đơn vị chủ trì: Văn phòng sở.',
    'b) Đơn vị phối hợp: các phòng, đơn vị có liên quan.',
    'c) Thời gian hoàn thành: thường xuyên trong năm 2021.',
    '(Riêng việc rà soát, đơn giản hóa TTHC hoàn thành trước ngày 31/5/2021).',
    'd) Sản phẩm dự kiến hoàn thành: kế hoạch, văn bản chỉ đạo, đôn đốc của Sở; tờ trình; báo cáo; …',
    '4. Nâng cao chất lượng việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
    '- Phối hợp với Trung tâm Phục vụ hành chính công nâng cao chất lượng phục vụ của Trung tâm.',
    '- Thực hiện đầy đủ việc báo cáo kết quả giải quyết TTHC theo cơ chế một cửa, một cửa liên thông tại Sở năm 2021.',
    'a) Đơn vị chủ trì: Văn phòng sở.',
    'b) Đơn vị phối hợp: các phòng, đơn vị có liên quan.',
    'c) Thời gian hoàn thành: thường xuyên trong năm 2021.',
    'd) Sản phẩm dự kiến hoàn thành: công văn, báo cáo, …',
    '5. Tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính',
    '- Tổ chức tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp về hành vi hành chính, cơ chế, chính sách và quy định TTHC.',
    'a) Đơn vị chủ trì: Văn phòng sở.',
    'b) Đơn vị phối hợp: các phòng, đơn vị có liên quan.',
    'c) Thời gian hoàn thành: thường xuyên trong năm 2021.',
    'd) Sản phẩm dự kiến hoàn thành: tiếp nhận, phân loại, xử lý phản ánh, kiến nghị và báo cáo kết quả.',
    '6. Kiểm tra, đôn đốc công tác kiểm soát thủ tục hành chính tại các phòng chuyên môn thuộc Sở',
    'a) Đơn vị chủ trì: Văn phòng sở.',
    'b) Đơn vị phối hợp: các phòng chuyên môn thuộc Sở.',
    'c) Thời gian hoàn thành: thường xuyên trong năm 2021.',
    'd) Sản phẩm dự kiến hoàn thành: công văn đôn đốc, báo cáo.',
    '7. Tuyên truyền hỗ trợ công tác cải cách thủ tục hành chính',
    '- Tích cực tuyên truyền về cải cách TTHC, kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC, tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính tới toàn thể cán bộ, công chức thuộc Sở và các tổ chức, công dân để tạo sự lan tỏa và đồng thuận trong xã hội.',
    'a) Đơn vị chủ trì: Văn phòng sở, Ban biên tập website Sở.',
    'b) Đơn vị phối hợp: các phòng, đơn vị có liên quan.',
    'c) Thời gian hoàn thành: thường xuyên trong năm 2021.',
    'd) Sản phẩm dự kiến hoàn thành: tin, bài viết trên website, báo; phóng sự truyền hình; tài liệu tuyên truyền tại các cuộc họp giao ban.',
    '8. Nghiên cứu, đề xuất sáng kiến, giải pháp cải cách thủ tục hành chính',
    '- Nghiên cứu, đề xuất các giải pháp, sáng kiến đơn giản hóa TTHC.',
    'a) Đơn vị chủ trì: Văn phòng sở.',
    'b) Đơn vị phối hợp: các phòng, đơn vị thuộc Sở.',
    'c) Thời gian hoàn thành: trước ngày 15/9/2021.',
    'd) Sản phẩm dự kiến hoàn thành: báo cáo sáng kiến, phương án, giải pháp cải cách TTHC trình UBND tỉnh.',
    'III. KINH PHÍ THỰC HIỆN',
    'Kinh phí thực hiện Kế hoạch này được bố trí từ nguồn kinh phí UBND tỉnh cấp cho Sở trong năm 2021.',
    'IV. TỔ CHỨC THỰC HIỆN',
    '1. Giao Văn phòng sở chủ trì, phối hợp hướng dẫn, đôn đốc, kiểm tra và giám sát các phòng, đơn vị trực thuộc trong việc thực hiện Kế hoạch; định kỳ báo cáo Lãnh đạo sở kết quả thực hiện.',
    '2. Các phòng, đơn vị liên quan phối hợp chặt chẽ với Văn phòng sở triển khai thực hiện nghiêm túc, đẩy đủ các nội dung của Kế hoạch này; định kỳ báo cáo tình hình, kết quả thực hiện theo quy định.',
    'Trong quá trình thực hiện, nếu có khó khăn vướng mắc, đề nghị phản ánh về Văn phòng sở để tổng hợp, báo cáo Lãnh đạo sở xem xét, giải quyết./.',
]

SEED004_BODY = [
    'Thực hiện Quyết định số 418/QĐ-UBND ngày 28/02/2022 của UBND huyện Gia Lộc Ban hành Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2022 trên địa bàn huyện Gia Lộc; UBND xã Lê Lợi xây dựng kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông của UBND xã năm 2022 gồm các nội dung cụ thể sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích',
    'a) Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả nhiệm vụ về kiểm soát thủ tục hành chính và cải cách thủ tục hành chính theo quy định góp phần cải thiện môi trường đầu tư kinh doanh, nâng cao Chỉ số cải cách hành chính cấp huyện, góp phần nâng cao Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) của tỉnh Hải Dương năm 2021.',
    'b) Tổ chức triển khai thực hiện thống nhất, đồng bộ và hiệu quả cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính; chú trọng việc kiện toàn và nâng cao chất lượng hoạt động của Bộ phận tiếp nhận hồ sơ và trả kết quả của UBND xã; nâng cao chất lượng phục vụ, sự hài lòng của người dân, doanh nghiệp đối với cơ quan hành chính nhà nước trong giải quyết thủ tục hành chính.',
    'c) Tổ chức triển khai giải quyết thủ tục hành chính trên môi trường điện tử theo đúng quy định tại Nghị định số 45/2020/NĐ-CP.',
    'd) Nâng cao chất lượng việc tiếp nhận, xử lý phản ánh, kiến nghị về quy định hành chính; đẩy mạnh công tác truyền thông nhằm tạo sự đồng thuận, huy động sự tham gia tích cực của người dân trong việc tìm hiểu, thực hiện, giám sát và đánh giá việc giải quyết thủ tục hành chính.',
    '2. Yêu cầu',
    'a) Nội dung kế hoạch bảo đảm toàn diện, có trọng tâm, trọng điểm, tiết kiệm, đúng tiến độ, chất lượng, khả thi và hiệu quả.',
    'b) Quán triệt đến đội ngũ cán bộ, công chức xác định công tác kiểm soát thủ tục hành chính là nhiệm vụ chuyên môn, trọng tâm, thường xuyên và liên tục trong chỉ đạo, điều hành của cơ quan, đơn vị, địa phương.',
    'c) Xác định rõ trách nhiệm, phân công phối hợp công việc của từng cán bộ, công chức thực hiện cụ thể.',
    'd) Huy động được sự tham gia, phối hợp của tổ chức, cá nhân trong việc thực hiện, giám sát thực hiện và đánh giá chất lượng, hiệu quả công tác này.',
    'II. NỘI DUNG',
    '1. Xây dựng và hoàn thiện thể chế về cải cách, kiểm soát thủ tục hành chính',
    '- Tham gia ý kiến Thông tư sửa đổi một số điều tại Thông tư số 01/2018/TT-VPCP ngày 23/11/20218 của Văn phòng Chính phủ hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính và hướng dẫn Nghị định số 45/2020/NĐ-CP của Chính phủ.',
    '- Xây dựng các văn bản chỉ đạo của UBND huyện, Chủ tịch UBND huyện',
    '- Triển khai Kế hoạch thống kê, rà soát, đơn giản hóa thủ tục hành chính trong nội bộ giữa các cơ quan hành chính nhà nước.',
    '2. Triển khai các nhiệm vụ về cải cách thủ tục hành chính, kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính',
    '- Xây dựng văn bản, tổ chức thực hiện nhiệm vụ về:',
    '+ Cải cách, kiểm soát thủ tục hành chính và đổi mới việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính;',
    '+ Thực hiện giải quyết thủ tục hành chính trên môi trường điện tử;',
    '+ Triển khai phương án phân cấp trong giải quyết thủ tục hành chính;',
    '+ Tiếp tục thực hiện đưa cơ quan ngành dọc ra thực hiện tại Bộ phận Một cửa;',
    '+ Thực hiện phương án thí điểm thực hiện liên thông giải quyết thủ tục hành chính (theo chỉ đạo của cấp trên).',
    '- Tổ chức thực hiện các nhiệm vụ kiểm soát thủ tục hành chính:',
    '+ Theo dõi, đôn đốc công khai thủ tục hành chính;',
    '+ Cập nhật công khai dữ liệu thủ tục hành chính trên Trang thông tin điện tử của UBND xã;',
    '+ Tổ chức rà soát, kiến nghị đơn giản hóa thủ tục hành chính báo cáo UBND huyện xem xét kiến nghị hoặc sửa đổi, bổ sung hoặc bãi bỏ/hủy bỏ (Chi tiết, có Phụ lục I đính kèm).',
    '+ Tham dự giao ban định kỳ 6 tháng, 1 năm để triển khai công tác theo quy định;',
    '+ Tham gia tập huấn, bồi dưỡng nghiệp vụ;',
    '+ Báo cáo định kỳ hoặc đột xuất về tình hình, kết quả công tác kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông và tiếp nhận phản ánh, kiến nghị về quy định hành chính.',
    '- Đổi mới, nâng cao chất lượng thực hiện cơ chế một cửa, một cửa liên thông:',
    '+ Tổ chức kiện toàn, nâng cao chất lượng phục vụ của Bộ phận Tiếp nhận và Trả kết quả;',
    '+ Triển khai thực hiện thủ tục hành chính không phụ thuộc vào địa giới hành chính;',
    '+ Tiếp tục triển khai thực hiện Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ;',
    '+ Báo cáo kết quả đánh giá việc giải quyết thủ tục hành chính.',
    '- Tổ chức thực hiện và tổ chức sơ kết việc thực hiện Quyết định số 468/QĐ-TTg và Nghị định số 107/2021/NĐ-CP.',
    '- Xử lý phản ánh, kiến nghị về quy định hành chính',
    '- Kiểm tra kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính, thực hiện giải quyết trên môi trường điện tử...',
    '- Các giải pháp, sáng kiến cải cách thủ tục hành chính và đề xuất đổi mới trong việc giải quyết thủ tục hành chính.',
    '- Tổ chức đoàn đi trao đổi, học tập kinh nghiệm về công tác cải cách thủ tục hành chính, kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính.',
    '3. Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính',
    'Tiếp tục thực hiện dịch vụ công trực tuyến mức độ 3, mức độ 4 đảm bảo chỉ tiêu giao',
    'Triển khai giải quyết thủ tục hành chính trên môi trường điện tử.',
    'Thực hiện dịch vụ công trực tuyến và thanh toán trực tuyến trên Cổng Dịch vụ công tỉnh, Cổng Dịch vụ công Quốc gia.',
    'Đôn đốc triển khai và thực hiện kết nối, liên thông Hệ thống thông tin báo cáo của tỉnh với Hệ thống thông tin báo cáo do Văn phòng Chính phủ đang quản lý.',
    'Tổ chức thực hiện thanh toán trực tuyến nghĩa vụ tài chính (gồm cả phí, lệ phí) Cổng Dịch vụ công Quốc gia, Cổng Dịch vụ công tỉnh Hải Dương:',
    'Đồng bộ, xử lý 100% hồ sơ thủ tục hành chính đã tiếp nhận, giải quyết trên Hệ thống thông tin điện tử của tỉnh, Cổng Dịch vụ công tỉnh với Cổng Dịch vụ công Quốc gia.',
    '4. Công tác tuyên truyền hỗ trợ cải cách thủ tục hành chính',
    'Tuyên truyền về cải cách thủ tục hành chính, kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông, tiếp nhận, xử lý phản ánh, kiến nghị để tạo sự lan tỏa và đồng thuận trong xã hội.',
    'Theo dõi, tổng hợp và đề xuất phương án xử lý thông tin báo chí nêu liên quan đến tình hình, kết quả giải quyết thủ tục hành chính.',
    'III. KINH PHÍ THỰC HIỆN',
    '1. Kinh phí thực hiện Kế hoạch này được bố trí từ nguồn kinh phí UBND tỉnh cấp cho UBND xã theo phân bổ của UBND huyện năm 2021 và các nguồn kinh phí hợp pháp khác theo quy định của pháp luật hiện hành.',
    '2. Đối với kinh phí liên quan đến xây dựng phần mềm, ứng dụng công nghệ thông tin, triển khai thực hiện thủ tục hành chính trên môi trường điện tử, số hóa hồ sơ, kết quả thủ tục hành chính... được cấp theo kế hoạch ứng dụng công nghệ thông tin của tỉnh, của huyện và các nguồn kinh phí hợp pháp khác theo quy định của pháp luật hiện hành.',
    'IV. TỔ CHỨC THỰC HIỆN',
    '1. Quán triệt phương châm phát huy tối đa mặt tích cực, kết quả đã đạt được, khắc phục và có biện pháp phòng ngừa những hạn chế, bất cập tồn tại năm 2022, xây dựng Kế hoạch để thực hiện nhiệm vụ được giao bảo đảm kịp thời, đầy đủ, hiệu quả thực chất, không chạy theo thành tích. Chịu trách nhiệm trước Chủ tịch UBND huyện, UBND huyện đối với kết quả thực hiện nhiệm vụ được giao thuộc phạm vi, chức năng quản lý.',
    '2. Hợp đồng chức danh Văn hóa – TT, TDTT, trang thông tin điện tử, Đài truyền thanh xã thường xuyên, kịp thời tuyên truyền phổ biến quan điểm lãnh đạo, chỉ đạo của cấp trên và tình hình, kết quả cải cách thủ tục hành chính, kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính để người dân, doanh nghiệp tìm hiểu, tạo sự đồng thuận, thực hiện, giám sát, đánh giá việc giải quyết thủ tục hành chính của UBND xã.',
    '3. Công chức Tài chính – Kế toán có trách nhiệm phối hợp với Công chức Văn phòng – Thống kê tham mưu xây dựng dự toán kinh phí thực hiện kế hoạch kiểm soát thủ tục hành chính của UBND xã có hiệu quả, tiết kiệm.',
    '4. Giao Công chức Văn phòng – Thống kê tham mưu, theo dõi và tổ chức thực hiện Kế hoạch này và định kỳ báo cáo Chủ tịch UBND xã kết quả việc thực hiện kiểm soát thủ tục hành chính và báo cáo UBND huyện theo định kỳ.',
    'Trên đây là kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thôn của UBND xã năm 2022, UBND xã yêu cầu các công chức chuyên môn nghiêm túc triển khai thực hiện để kế hoạch đạt kết quả cao./.',
]


def seed000(split_heading: bool = False) -> list[Block]:
    """Seed 000 as the Sở typed it: header table, title, căn cứ, sections I–IV, Nơi nhận, signature."""
    blocks = [
        Block("header", left=["UBND TỈNH HẢI DƯƠNG", "SỞ CÔNG THƯƠNG", "Số:        /KH-SCT"],
              right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hải Dương, ngày       tháng 02 năm 2021"]),
        Block("center", "KẾ HOẠCH", bold=True),
        Block("center", "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,", bold=True),
        Block("center", "một cửa liên thông năm 2021", bold=True),
        *_body(SEED000_BODY),
        Block("signature", left=["Nơi nhận:", "- Văn phòng UBND tỉnh;", "- Lãnh đạo sở;", "- Các phòng thuộc Sở;",
                                 "- Trung tâm Xúc tiến thương mại;", "- Website Sở;", "- Lưu: VT, VP."],
              right=["GIÁM ĐỐC", "", "", "Phạm Thanh Hải"]),
    ]
    if split_heading:  # "IV. TỔ CHỨC THỰC" | page break | "HIỆN": a heading cut by the page end
        k = next(i for i, b in enumerate(blocks) if b.text == "IV. TỔ CHỨC THỰC HIỆN")
        blocks[k : k + 1] = [Block("heading", "IV. TỔ CHỨC THỰC", bold=True), Block("pagebreak"),
                             Block("heading", "HIỆN", bold=True)]
    return blocks


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


def seed004(ruled_appendix: bool = False) -> list[Block]:
    """Seed 004 as the commune typed it, with its appendix table (unruled, as the seed shows it)."""
    rows = [["Số TT", "Lĩnh vực", "Thời gian hoàn thành"]]
    rows += [[str(i), name, "Trước ngày 31/8/2022"] for i, name in enumerate(COMMUNE_FIELDS, start=1)]
    return [
        Block("header", left=["UỶ BAN NHÂN DÂN", "XÃ LÊ LỢI", "Số:        /KH-UBND"],
              right=["CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Lê Lợi, ngày   28  tháng 02 năm 2022"]),
        Block("center", "KẾ HOẠCH", bold=True),
        Block("center", "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,", bold=True),
        Block("center", "một cửa liên thông của UBND xã năm 2022", bold=True),
        *_body(SEED004_BODY),
        Block("signature", left=["Nơi nhận:", "- Văn phòng UBND huyện;", "- BTV Đảng uỷ, Để báo cáo", "- TT HĐND xã;",
                                 "- Lãnh đạo UBND xã;", "- Công chức UBND xã;", "- Lưu: VP."],
              right=["CHỦ TỊCH", "", "", "Đoàn Duy Việt"]),
        Block("pagebreak"),
        Block("center", "PHỤ LỤC", bold=True),
        Block("center", "Rà soát, đánh giá đơn giản hóa thủ tục hành chính năm 2022", bold=True),
        Block("center", "(Kèm theo Kế hoạch số       /KH-UBND ngày 28/02/2022 của UBND xã)"),
        Block("table", rows=rows, ruled=ruled_appendix, widths=[1, 6, 3], repeat=1),
    ]


# --------------------------------------------------------------------------- Word


def write_docx(path: Path, blocks: list[Block]) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Cm

    document = docx.Document()
    for block in blocks:
        if block.kind in ("header", "signature"):
            table = document.add_table(rows=1, cols=2)  # no style: borderless, as offices lay it out
            for cell, lines in zip(table.rows[0].cells, (block.left, block.right), strict=True):
                cell.text = "\n".join(lines)
                for p in cell.paragraphs:
                    if block.kind == "header":
                        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind == "center":
            p = document.add_paragraph()
            p.add_run(block.text).bold = block.bold
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif block.kind in ("heading", "p"):
            p = document.add_paragraph()
            p.add_run(block.text).bold = block.bold
            p.paragraph_format.first_line_indent = Cm(1)
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        elif block.kind == "pagebreak":
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif block.kind == "table":
            width = max(len(r) for r in block.rows)
            table = document.add_table(rows=len(block.rows), cols=width)
            if block.ruled:
                table.style = "Table Grid"
            for r, row in enumerate(block.rows):
                for c, text in enumerate(row):
                    table.cell(r, c).text = text
            for r0, c0, r1, c1 in block.spans:
                table.cell(r0, c0).merge(table.cell(r1, c1))
    document.save(path)
    return path


# --------------------------------------------------------------------------- PDF (reportlab)


def _fonts() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "TestSerif" in pdfmetrics.getRegisteredFontNames():
        return
    pdfmetrics.registerFont(TTFont("TestSerif", str(FONT_DIR / "LiberationSerif-Regular.ttf")))
    pdfmetrics.registerFont(TTFont("TestSerif-Bold", str(FONT_DIR / "LiberationSerif-Bold.ttf")))
    pdfmetrics.registerFont(TTFont("TestSerif-Italic", str(FONT_DIR / "LiberationSerif-Italic.ttf")))


def write_pdf(path: Path, blocks: list[Block], running_header: str = "", landscape: bool = False,
              font_size: float = 13, split_rows: bool = True) -> Path:
    """Draw the blocks as an ND30-like A4 document; from page 2 a page number (and optional
    running header) in the top margin, as the decree prints them."""
    from xml.sax.saxutils import escape

    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.pagesizes import landscape as land
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    _fonts()
    size = font_size
    base = ParagraphStyle("b", fontName="TestSerif", fontSize=size, leading=size * 1.25, alignment=TA_JUSTIFY,
                          firstLineIndent=10 * mm, spaceAfter=3)
    bold = ParagraphStyle("h", parent=base, fontName="TestSerif-Bold")
    center = ParagraphStyle("c", parent=base, alignment=TA_CENTER, firstLineIndent=0, spaceAfter=0)
    center_bold = ParagraphStyle("cb", parent=center, fontName="TestSerif-Bold")
    cell = ParagraphStyle("t", fontName="TestSerif", fontSize=size - 2, leading=(size - 2) * 1.2, alignment=TA_LEFT)
    pagesize = land(A4) if landscape else A4
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=30 * mm, rightMargin=15 * mm,
                            topMargin=20 * mm, bottomMargin=20 * mm)
    story: list = []
    for block in blocks:
        if block.kind in ("header", "signature"):
            small = ParagraphStyle("hs", parent=center, fontSize=size - 1, leading=(size - 1) * 1.2)
            st = small if block.kind == "header" else ParagraphStyle("s", parent=cell, fontSize=size - 1)
            left = Paragraph("<br/>".join(escape(x) for x in block.left), st)
            right = Paragraph("<br/>".join(escape(x) for x in block.right),
                              ParagraphStyle("hb", parent=small, fontName="TestSerif-Bold"))
            story.append(Table([[left, right]], colWidths=[doc.width * 0.42, doc.width * 0.58]))
        elif block.kind == "center":
            story.append(Paragraph(escape(block.text), center_bold if block.bold else center))
        elif block.kind == "heading":
            story.append(Paragraph(escape(block.text), bold))
        elif block.kind == "p":
            story.append(Paragraph(escape(block.text), base))
        elif block.kind == "pagebreak":
            story.append(PageBreak())
        elif block.kind == "table":
            total = sum(block.widths) or len(block.rows[0])
            widths = [doc.width * w / total for w in (block.widths or [1] * len(block.rows[0]))]
            data = [[Paragraph(escape(t).replace("\n", "<br/>"), cell) for t in row] for row in block.rows]
            style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
            if block.ruled:
                style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
                if block.repeat:  # drawn again under the header repeated on the next page
                    style.append(("LINEBELOW", (0, block.repeat - 1), (-1, block.repeat - 1), 0.5, colors.black))
            for r0, c0, r1, c1 in block.spans:
                style.append(("SPAN", (c0, r0), (c1, r1)))
            story.append(Table(data, colWidths=widths, repeatRows=block.repeat, style=TableStyle(style),
                               splitInRow=1 if split_rows else 0))

    def on_page(canvas, document) -> None:  # noqa: ANN001
        number = canvas.getPageNumber()
        if number < 2:
            return
        canvas.setFont("TestSerif", size)
        canvas.drawCentredString(pagesize[0] / 2, pagesize[1] - 12 * mm, str(number))
        if running_header:
            canvas.setFont("TestSerif-Italic", size - 3)
            canvas.drawString(30 * mm, pagesize[1] - 17 * mm, running_header)

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return path


def sheets_blocks(sheets: list) -> list[Block]:
    """Spreadsheet plans (fixtures.SheetSpec) as a printed document: title rows as centred lines,
    the table ruled with its merged cells; each sheet after the first on a new page."""
    blocks: list[Block] = []
    for n, spec in enumerate(sheets):
        if n:
            blocks.append(Block("pagebreak"))
        for row in spec.rows[: spec.header_start]:
            for text in dict.fromkeys(str(v) for v in row if v is not None):
                for line in text.split("\n"):
                    blocks.append(Block("center", line, bold=line.isupper()))
        body = [["" if v is None else str(v) for v in row] for row in spec.rows[spec.header_start :]]
        spans = [(r0 - spec.header_start, c0, r1 - spec.header_start, c1)
                 for r0, c0, r1, c1 in spec.merges if r0 >= spec.header_start]
        header_rows = 1
        while header_rows < len(body) and header_rows < 3 and not body[header_rows][0].strip("()1 "):
            header_rows += 1
        widths = [1] + [4] + [2] * (spec.width - 2) if spec.width > 3 else [1, 6, 3][: spec.width]
        blocks.append(Block("table", rows=body, spans=spans, widths=widths, repeat=header_rows))
    return blocks


SEED001_DECISION = [
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
    "Căn cứ Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ về kiểm soát thủ tục hành chính;",
    "Theo đề nghị của Chánh Văn phòng UBND tỉnh.",
    "QUYẾT ĐỊNH:",
    "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, "
    "một cửa liên thông trong giải quyết thủ tục hành chính năm 2021 trên địa bàn tỉnh Hải Dương.",
    "Điều 2. Tổ chức thực hiện",
    "1. Các sở, ban, ngành thuộc UBND tỉnh, UBND cấp huyện có trách nhiệm xây dựng kế hoạch của ngành, địa phương.",
    "2. Văn phòng UBND tỉnh chủ trì theo dõi, đôn đốc, hướng dẫn, kiểm tra việc triển khai thực hiện Kế hoạch này.",
    "Điều 3. Chánh Văn phòng UBND tỉnh, Thủ trưởng các sở, ban, ngành thuộc UBND tỉnh chịu trách nhiệm thi hành "
    "Quyết định này./.",
]
SEED001_PLAN = [
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Mục đích",
    "a) Tổ chức thực hiện đầy đủ, kịp thời, có hiệu quả nhiệm vụ về kiểm soát thủ tục hành chính.",
    "II. NỘI DUNG CÔNG VIỆC",
    "1. Hoàn thiện thể chế về kiểm soát thủ tục hành chính, thực hiện cơ chế một cửa, một cửa liên thông",
    "1.1. Nhiệm vụ tham mưu ban hành Quy chế về tổ chức và hoạt động của Bộ phận Một cửa giải quyết thủ tục "
    "hành chính trên địa bàn tỉnh Hải Dương.",
    "- a) Đơn vị chủ trì: Văn phòng UBND tỉnh.",
    "- b) Đơn vị phối hợp: Các cơ quan, đơn vị, địa phương có liên quan.",
    "- c) Thời gian hoàn thành: Xong trước tháng 6 năm 2021.",
    "- d) Sản phẩm dự kiến hoàn thành: Quyết định của UBND tỉnh.",
    "1.2. Xây dựng văn bản chỉ đạo của UBND tỉnh, Chủ tịch UBND tỉnh:",
    "- a) Đơn vị chủ trì: Văn phòng UBND tỉnh.",
    "- c) Thời gian hoàn thành: Thường xuyên năm 2021.",
    "2. Thẩm định, đánh giá tác động thủ tục hành chính",
    "a) Nội dung công việc:",
    "- Lấy ý kiến đánh giá tác động thủ tục hành chính trong dự thảo văn bản quy phạm pháp luật;",
    "b) Đơn vị chủ trì: Cơ quan được giao chủ trì soạn thảo văn bản quy phạm pháp luật.",
    "c) Đơn vị phối hợp: Văn phòng UBND tỉnh, Sở Tư pháp.",
    "d) Thời gian hoàn thành: Thường xuyên năm 2021.",
    "đ) Sản phẩm dự kiến hoàn thành: Báo cáo, văn bản hành chính.",
    "6. Kiểm tra kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông",
    "a) Đơn vị chủ trì: Văn phòng UBND tỉnh.",
    "b) Đơn vị phối hợp: Các cơ quan, đơn vị, địa phương được kiểm tra phối hợp thực hiện (Chi tiết, có Phụ lục "
    "II đính kèm).",
    "c) Thời gian hoàn thành: Từ tháng 4 đến tháng 11 năm 2021.",
    "III. KINH PHÍ THỰC HIỆN",
    "1. Kinh phí thực hiện Kế hoạch này được bố trí từ nguồn kinh phí ngân sách nhà nước cấp năm 2021.",
    "IV. TỔ CHỨC THỰC HIỆN",
    "5. Giao Văn phòng UBND tỉnh chủ trì, phối hợp hướng dẫn, đôn đốc, kiểm tra, giám sát việc thực hiện Kế hoạch.",
]


def seed001() -> list[Block]:
    """Seed 001 as the province sends it: the decision, then the plan it issues, then appendix I."""
    appendix = [["Stt", "Ngành/Lĩnh vực", "Thời gian hoàn thành"],
                ["1.", "Sở Công thương Thủ tục hành chính các lĩnh vực: Lưu thông hàng hóa trong nước.",
                 "Trước ngày 31/5/2021"],
                ["2.", "Sở Nội vụ Thủ tục hành chính các lĩnh vực: Tổ chức – Biên chế; lưu trữ.",
                 "Trước ngày 31/5/2021"]]
    return [
        Block("header", left=["ỦY BAN NHÂN DÂN", "TỈNH HẢI DƯƠNG", "Số: /QĐ-UBND"],
              right=["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                     "Hải Dương, ngày tháng 02 năm 2021"]),
        Block("center", "QUYẾT ĐỊNH", bold=True),
        Block("center", "Ban hành Kế hoạch kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên "
                        "thông năm 2021 trên địa bàn tỉnh Hải Dương", bold=True),
        Block("center", "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", bold=True),
        *[Block("p", text) for text in SEED001_DECISION],
        Block("signature", left=["Nơi nhận:", "- Như Điều 3;", "- Văn phòng Chính phủ;", "- Lưu: VT, KSTTHC."],
              right=["CHỦ TỊCH", "", "", "Nguyễn Dương Thái"]),
        Block("pagebreak"),
        Block("center", "KẾ HOẠCH", bold=True),
        Block("center", "Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa,", bold=True),
        Block("center", "một cửa liên thông năm 2021 trên địa bàn tỉnh Hải Dương", bold=True),
        Block("center", "(Ban hành kèm theo Quyết định số /QĐ-UBND"),
        Block("center", "ngày tháng 02 năm 2021 của Chủ tịch UBND tỉnh Hải Dương)"),
        *_body(SEED001_PLAN),
        Block("center", "CHỦ TỊCH", bold=True),
        Block("center", "Nguyễn Dương Thái", bold=True),
        Block("pagebreak"),
        Block("center", "PHỤ LỤC I:", bold=True),
        Block("center", "Rà soát, đánh giá thủ tục hành chính năm 2021", bold=True),
        Block("table", rows=appendix, widths=[1, 6, 3], repeat=1),
    ]
