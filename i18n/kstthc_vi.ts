<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>AboutDialog</name>
    <message>
        <source>window, tables, calendar, printing</source>
        <translation>cửa sổ, bảng, lịch, in ấn</translation>
    </message>
    <message>
        <source>Excel workbooks (.xlsx)</source>
        <translation>sổ tính Excel (.xlsx)</translation>
    </message>
    <message>
        <source>Excel and OpenDocument sheets (.xlsx, .xls, .ods)</source>
        <translation>bảng tính Excel và OpenDocument (.xlsx, .xls, .ods)</translation>
    </message>
    <message>
        <source>Word documents (.docx)</source>
        <translation>văn bản Word (.docx)</translation>
    </message>
    <message>
        <source>PDF reports</source>
        <translation>báo cáo PDF</translation>
    </message>
    <message>
        <source>report preview, text of PDF evidence for search</source>
        <translation>xem trước báo cáo, đọc nội dung tệp PDF minh chứng để tìm kiếm</translation>
    </message>
    <message>
        <source>full-text search</source>
        <translation>tìm kiếm toàn văn</translation>
    </message>
    <message>
        <source>used by sqlite-utils</source>
        <translation>thư viện sqlite-utils cần dùng</translation>
    </message>
    <message>
        <source>used by holidays and sqlite-utils</source>
        <translation>thư viện holidays và sqlite-utils cần dùng</translation>
    </message>
    <message>
        <source>images</source>
        <translation>hình ảnh</translation>
    </message>
    <message>
        <source>Vietnamese number formats</source>
        <translation>cách viết số kiểu Việt Nam</translation>
    </message>
    <message>
        <source>Vietnamese public holidays</source>
        <translation>ngày nghỉ lễ của Việt Nam</translation>
    </message>
    <message>
        <source>user data folders</source>
        <translation>thư mục dữ liệu của người dùng</translation>
    </message>
    <message>
        <source>safe XML reading</source>
        <translation>đọc XML an toàn</translation>
    </message>
    <message>
        <source>XML for Word documents</source>
        <translation>XML cho văn bản Word</translation>
    </message>
    <message>
        <source>XML for Excel workbooks</source>
        <translation>XML cho sổ tính Excel</translation>
    </message>
    <message>
        <source>About KSTTHC Desktop</source>
        <translation>Giới thiệu KSTTHC Desktop</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Phiên bản %1</translation>
    </message>
    <message>
        <source>Offline planner for the yearly plan of administrative-procedure control: import the superior plan, follow the tasks, keep the evidence, print the periodic report.</source>
        <translation>Phần mềm chạy không cần mạng để theo dõi kế hoạch kiểm soát thủ tục hành chính hằng năm: nhập kế hoạch cấp trên, theo dõi nhiệm vụ, lưu minh chứng, in báo cáo định kỳ.</translation>
    </message>
    <message>
        <source>Licence: MIT. The program is provided without warranty.</source>
        <translation>Giấy phép: MIT. Chương trình được cung cấp không kèm bảo hành.</translation>
    </message>
    <message>
        <source>Data file: %1</source>
        <translation>Tệp dữ liệu: %1</translation>
    </message>
    <message>
        <source>Third-party components</source>
        <translation>Thành phần của bên thứ ba</translation>
    </message>
    <message>
        <source>The licence file is missing: %1</source>
        <translation>Thiếu tệp giấy phép: %1</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>Giấy phép phông chữ</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>report font when Times New Roman is not installed</source>
        <translation>phông chữ báo cáo khi máy không có Times New Roman</translation>
    </message>
    <message>
        <source>KSTTHC Desktop is built on these free components, each under its own licence:</source>
        <translation>KSTTHC Desktop được xây dựng trên các thành phần tự do sau, mỗi thành phần theo giấy phép riêng:</translation>
    </message>
    <message>
        <source>Qt is used under the LGPL v3: its libraries are separate files in the installation folder and can be replaced by the user.</source>
        <translation>Qt được dùng theo giấy phép LGPL v3: các thư viện của Qt là những tệp riêng trong thư mục cài đặt và người dùng có thể thay thế.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Backing up before the upgrade…</source>
        <translation>Đang sao lưu trước khi nâng cấp tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Choose another file…</source>
        <translation>Chọn tệp khác…</translation>
    </message>
    <message>
        <source>Restore the newest backup</source>
        <translation>Khôi phục bản sao lưu gần nhất</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>SAMPLE DATA</source>
        <translation>DỮ LIỆU MẪU</translation>
    </message>
    <message>
        <source>Nothing was saved: the data file has not been created. The program needs the office&apos;s name and place for the header of its reports.</source>
        <translation>Chưa lưu gì: tệp dữ liệu chưa được tạo. Chương trình cần tên và địa danh của cơ quan để in phần đầu các báo cáo.</translation>
    </message>
    <message>
        <source>Enter them now, or quit: the next start asks again.</source>
        <translation>Hãy nhập ngay, hoặc thoát: lần mở sau chương trình sẽ hỏi lại.</translation>
    </message>
    <message>
        <source>Enter the office information</source>
        <translation>Nhập thông tin cơ quan</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>BackgroundTask</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Backing up…</source>
        <translation>Đang sao lưu…</translation>
    </message>
    <message>
        <source>Daily backup saved: %1</source>
        <translation>Đã sao lưu hằng ngày: %1</translation>
    </message>
    <message>
        <source>No backup of the data file has been made yet.</source>
        <translation>Tệp dữ liệu chưa có bản sao lưu nào.</translation>
    </message>
    <message>
        <source>No backup of the data file could be made for %1 days.</source>
        <translation>Đã %1 ngày chưa sao lưu được tệp dữ liệu.</translation>
    </message>
    <message>
        <source>Free some space on the disk, or back up to a USB stick now: if the computer fails, the work since the last backup is lost.</source>
        <translation>Hãy giải phóng chỗ trống trên ổ đĩa, hoặc sao lưu ra USB ngay: nếu máy tính hỏng, công việc từ lần sao lưu gần nhất sẽ bị mất.</translation>
    </message>
    <message>
        <source>Back up to a folder or USB…</source>
        <translation>Sao lưu ra thư mục hoặc USB…</translation>
    </message>
    <message>
        <source>Backup saved: %1</source>
        <translation>Đã sao lưu: %1</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Backup cancelled: nothing was written.</source>
        <translation>Đã hủy sao lưu: không có gì được ghi.</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Cut-off %1</source>
        <translation>Chốt số liệu %1</translation>
    </message>
    <message>
        <source>Report due %1</source>
        <translation>Hạn gửi BC %1</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 việc khác</translation>
    </message>
    <message>
        <source>Previous month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>Next month</source>
        <translation>Tháng sau</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Next 60 days</source>
        <translation>60 ngày tới</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Double-click a task to select it.</source>
        <translation>Nhấp đúp vào nhiệm vụ để chọn.</translation>
    </message>
    <message>
        <source>No plan yet. Import the superior plan or add tasks; their deadlines will appear on this calendar.</source>
        <translation>Chưa có kế hoạch. Hãy nhập kế hoạch cấp trên hoặc thêm nhiệm vụ; thời hạn sẽ hiện trên lịch này.</translation>
    </message>
    <message>
        <source>Report cut-off / deadline</source>
        <translation>Chốt số liệu / hạn gửi báo cáo</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Ngày lễ, nghỉ</translation>
    </message>
    <message>
        <source>Report cut-off: %1</source>
        <translation>Chốt số liệu báo cáo: %1</translation>
    </message>
    <message>
        <source>Report submission deadline: %1</source>
        <translation>Hạn gửi báo cáo: %1</translation>
    </message>
    <message>
        <source>occurrence %1 of %2</source>
        <translation>lần %1/%2</translation>
    </message>
    <message>
        <source>Nothing due on this day.</source>
        <translation>Không có việc đến hạn trong ngày này.</translation>
    </message>
    <message>
        <source>Nothing is due in the next 60 days.</source>
        <translation>Không có việc đến hạn trong 60 ngày tới.</translation>
    </message>
    <message>
        <source>Work calendar %1</source>
        <translation>Lịch công việc %1</translation>
    </message>
    <message>
        <source>Save the calendar as PDF</source>
        <translation>Lưu lịch ra PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>No plan yet. Import the superior plan (File → Import) or add tasks by hand; this page will then show what is overdue and what is due soon.</source>
        <translation>Chưa có kế hoạch. Hãy nhập kế hoạch cấp trên (Tệp → Nhập) hoặc tự thêm nhiệm vụ; trang này sẽ cho biết việc nào quá hạn, việc nào sắp đến hạn.</translation>
    </message>
    <message>
        <source>Whole plan year</source>
        <translation>Cả năm kế hoạch</translation>
    </message>
    <message>
        <source>What needs me now – %1</source>
        <translation>Việc cần làm ngay – %1</translation>
    </message>
    <message>
        <source>Report for %1: figures close on %2, send by %3</source>
        <translation>Báo cáo %1: chốt số liệu %2, hạn gửi %3</translation>
    </message>
    <message>
        <source>Current report period: %1 (%2)</source>
        <translation>Kỳ báo cáo hiện tại: %1 (%2)</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Due in the next 7 days</source>
        <translation>Đến hạn trong 7 ngày tới</translation>
    </message>
    <message>
        <source>Due in 8 to 30 days</source>
        <translation>Đến hạn trong 8–30 ngày</translation>
    </message>
    <message>
        <source>Recurring tasks due this month</source>
        <translation>Việc định kỳ đến hạn tháng này</translation>
    </message>
    <message>
        <source>On-demand tasks still open</source>
        <translation>Việc phát sinh chưa xong</translation>
    </message>
    <message>
        <source>No progress recorded for 30 days</source>
        <translation>30 ngày chưa cập nhật tiến độ</translation>
    </message>
    <message>
        <source>Nothing is overdue. Well done.</source>
        <translation>Không có việc quá hạn. Tốt lắm.</translation>
    </message>
    <message>
        <source>Nothing is due this week.</source>
        <translation>Tuần này không có việc đến hạn.</translation>
    </message>
    <message>
        <source>Nothing else is due this month.</source>
        <translation>Tháng này không còn việc đến hạn.</translation>
    </message>
    <message>
        <source>No recurring task is due this month.</source>
        <translation>Tháng này không có việc định kỳ đến hạn.</translation>
    </message>
    <message>
        <source>No on-demand task is open. Record progress when one arises.</source>
        <translation>Không có việc phát sinh đang mở. Khi có phát sinh, hãy ghi tiến độ.</translation>
    </message>
    <message>
        <source>Every open task has a recent update.</source>
        <translation>Mọi việc đang làm đều mới được cập nhật.</translation>
    </message>
    <message>
        <source>Import or create a plan first.</source>
        <translation>Hãy nhập hoặc tạo kế hoạch trước.</translation>
    </message>
    <message>
        <source>(+%1 more overdue)</source>
        <translation>(còn %1 việc quá hạn khác)</translation>
    </message>
    <message>
        <source>occurrence %1 of %2</source>
        <translation>lần %1/%2</translation>
    </message>
    <message>
        <source>Cause of the delay: %1</source>
        <translation>Nguyên nhân chậm: %1</translation>
    </message>
    <message>
        <source>No cause of the delay written yet.</source>
        <translation>Chưa ghi nguyên nhân chậm.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
    <message>
        <source>last update: %1</source>
        <translation>cập nhật lần cuối: %1</translation>
    </message>
    <message>
        <source>Write the cause…</source>
        <translation>Ghi nguyên nhân…</translation>
    </message>
    <message>
        <source>Why is it late? Printed in the report&apos;s part on shortcomings.</source>
        <translation>Vì sao chậm? Được in vào phần Tồn tại, hạn chế của báo cáo.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Không thực hiện được</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Lỗi ngoài dự kiến</translation>
    </message>
    <message>
        <source>Something went wrong inside the program. Your data is safe: every change was saved before this happened.</source>
        <translation>Chương trình gặp lỗi bên trong. Dữ liệu của bạn vẫn an toàn: mọi thay đổi đã được lưu trước khi lỗi xảy ra.</translation>
    </message>
    <message>
        <source>Details are in the log file: %1</source>
        <translation>Chi tiết ghi trong tệp nhật ký: %1</translation>
    </message>
</context>
<context>
    <name>EvidenceInfoDialog</name>
    <message>
        <source>Document details</source>
        <translation>Thông tin văn bản</translation>
    </message>
    <message>
        <source>Document date</source>
        <translation>Ngày văn bản</translation>
    </message>
    <message>
        <source>e.g. Kế hoạch kiểm tra công tác KSTTHC năm 2026</source>
        <translation>ví dụ: Kế hoạch kiểm tra công tác KSTTHC năm 2026</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Number and symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Proves</source>
        <translation>Minh chứng cho</translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Task content</source>
        <translation>Nội dung nhiệm vụ</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ngày thêm</translation>
    </message>
</context>
<context>
    <name>EvidenceRegister</name>
    <message>
        <source>Filter documents…</source>
        <translation>Lọc tài liệu…</translation>
    </message>
    <message>
        <source>Export all to a folder…</source>
        <translation>Xuất tất cả ra thư mục…</translation>
    </message>
    <message>
        <source>Pack for inspection (ZIP)…</source>
        <translation>Đóng gói phục vụ kiểm tra (ZIP)…</translation>
    </message>
    <message>
        <source>No evidence yet. Select a task and drop files on its detail panel, or use &apos;Attach files…&apos;.</source>
        <translation>Chưa có tài liệu minh chứng. Chọn một nhiệm vụ rồi kéo thả tệp vào khung chi tiết, hoặc bấm &apos;Đính kèm tệp…&apos;.</translation>
    </message>
    <message>
        <source>⚠ %1 task(s) marked done without evidence: %2</source>
        <translation>⚠ %1 nhiệm vụ đã hoàn thành nhưng chưa có minh chứng: %2</translation>
    </message>
    <message>
        <source>Export evidence to</source>
        <translation>Xuất minh chứng vào</translation>
    </message>
    <message>
        <source>Exporting evidence…</source>
        <translation>Đang xuất minh chứng…</translation>
    </message>
    <message>
        <source>%1 files exported</source>
        <translation>Đã xuất %1 tệp</translation>
    </message>
    <message>
        <source>Pack for inspection</source>
        <translation>Đóng gói phục vụ kiểm tra</translation>
    </message>
    <message>
        <source>Packing evidence…</source>
        <translation>Đang đóng gói minh chứng…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Unit (lead or coordinating)</source>
        <translation>Đơn vị (chủ trì hoặc phối hợp)</translation>
    </message>
    <message>
        <source>Commune role</source>
        <translation>Vai trò của xã</translation>
    </message>
    <message>
        <source>All roles</source>
        <translation>Mọi vai trò</translation>
    </message>
    <message>
        <source>Commune leads</source>
        <translation>Xã chủ trì</translation>
    </message>
    <message>
        <source>Commune coordinates</source>
        <translation>Xã phối hợp</translation>
    </message>
    <message>
        <source>Commune not involved</source>
        <translation>Xã không tham gia</translation>
    </message>
    <message>
        <source>Report period (data window)</source>
        <translation>Kỳ báo cáo (thời gian chốt số liệu)</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Bỏ lọc</translation>
    </message>
    <message>
        <source>All sections</source>
        <translation>Mọi mục</translation>
    </message>
    <message>
        <source>All units</source>
        <translation>Mọi đơn vị</translation>
    </message>
    <message>
        <source>All periods</source>
        <translation>Mọi kỳ</translation>
    </message>
</context>
<context>
    <name>HandbackDialog</name>
    <message>
        <source>Fill results into the superior&apos;s file</source>
        <translation>Điền kết quả vào tệp của cấp trên</translation>
    </message>
    <message>
        <source>A copy of the plan file the superior sent is written with the results of each task in its own row (status, completion date, result, evidence). The superior&apos;s file itself is not changed.</source>
        <translation>Chương trình ghi một bản sao tệp kế hoạch cấp trên đã gửi, điền kết quả của từng nhiệm vụ vào đúng dòng của nó (tình trạng, ngày hoàn thành, kết quả, văn bản minh chứng). Tệp gốc của cấp trên không bị sửa.</translation>
    </message>
    <message>
        <source>Where to write the copy</source>
        <translation>Nơi lưu bản sao</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Results as of</source>
        <translation>Kết quả tính đến ngày</translation>
    </message>
    <message>
        <source>Save the copy as</source>
        <translation>Lưu bản sao thành</translation>
    </message>
    <message>
        <source>Write the copy</source>
        <translation>Ghi bản sao</translation>
    </message>
    <message>
        <source>Open the copy</source>
        <translation>Mở bản sao</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>No plan here keeps the superior&apos;s file. Import the superior&apos;s plan (File → Import superior plan): from now on its file is kept for this.</source>
        <translation>Chưa có kế hoạch nào lưu kèm tệp gốc của cấp trên. Hãy nhập kế hoạch cấp trên (Tệp → Nhập kế hoạch cấp trên): từ nay tệp gốc được lưu kèm để điền kết quả.</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Văn bản Word (*.docx)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the copy…</source>
        <translation>Đang ghi bản sao…</translation>
    </message>
    <message>
        <source>Filling in the results…</source>
        <translation>Đang điền kết quả…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Written: %1
Results filled in for %2 task(s).</source>
        <translation>Đã ghi: %1
Đã điền kết quả cho %2 nhiệm vụ.</translation>
    </message>
    <message>
        <source>Columns of the superior&apos;s file filled: %1</source>
        <translation>Cột có sẵn trong tệp cấp trên đã điền: %1</translation>
    </message>
    <message>
        <source>Columns added: %1</source>
        <translation>Cột thêm vào: %1</translation>
    </message>
    <message>
        <source>%1 task(s) added here by hand are not in the superior&apos;s file.</source>
        <translation>%1 nhiệm vụ do cơ quan tự thêm không có trong tệp của cấp trên (không điền).</translation>
    </message>
</context>
<context>
    <name>Health</name>
    <message>
        <source>Checking the data file…</source>
        <translation>Đang kiểm tra tệp dữ liệu…</translation>
    </message>
    <message>
        <source>Check the data file</source>
        <translation>Kiểm tra tệp dữ liệu</translation>
    </message>
    <message>
        <source>The data file is sound: %1 documents and %2 issued reports checked.</source>
        <translation>Tệp dữ liệu bình thường: đã kiểm tra %1 tài liệu minh chứng và %2 báo cáo đã ban hành.</translation>
    </message>
    <message>
        <source>The check found problems in the data file.</source>
        <translation>Kiểm tra phát hiện lỗi trong tệp dữ liệu.</translation>
    </message>
    <message>
        <source>The backup &apos;%1&apos; does not have these problems. Restoring it keeps the current file beside it, so nothing is lost.</source>
        <translation>Bản sao lưu &apos;%1&apos; không có các lỗi này. Khi khôi phục, tệp hiện tại được giữ lại bên cạnh nên không mất gì.</translation>
    </message>
    <message>
        <source>Restore that backup</source>
        <translation>Khôi phục bản sao lưu đó</translation>
    </message>
    <message>
        <source>No backup without these problems was found. Keep working and make a copy of the file to a USB stick.</source>
        <translation>Không tìm thấy bản sao lưu nào không có các lỗi này. Hãy tiếp tục làm việc và sao lưu tệp ra ổ USB.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import the superior plan</source>
        <translation>Nhập kế hoạch cấp trên</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Tiếp &gt;</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>from the file</source>
        <translation>theo tệp</translation>
    </message>
    <message>
        <source>Plan year</source>
        <translation>Năm kế hoạch</translation>
    </message>
    <message>
        <source>Keep only tasks that concern this office</source>
        <translation>Chỉ giữ nhiệm vụ liên quan đến cơ quan mình</translation>
    </message>
    <message>
        <source>Keep all</source>
        <translation>Giữ tất cả</translation>
    </message>
    <message>
        <source>Keep none</source>
        <translation>Bỏ chọn tất cả</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Deadline (as written)</source>
        <translation>Thời hạn (nguyên văn)</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Cơ quan mình</translation>
    </message>
    <message>
        <source>Source row</source>
        <translation>Dòng nguồn</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Columns (fix them if the program guessed wrong)</source>
        <translation>Các cột (sửa nếu chương trình nhận sai)</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Header ends at row</source>
        <translation>Tiêu đề kết thúc ở dòng</translation>
    </message>
    <message>
        <source>Read again with these columns</source>
        <translation>Đọc lại theo các cột này</translation>
    </message>
    <message>
        <source>Read the file &gt;</source>
        <translation>Đọc tệp &gt;</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Nhập</translation>
    </message>
    <message>
        <source>Choose the plan file</source>
        <translation>Chọn tệp kế hoạch</translation>
    </message>
    <message>
        <source>Reading the plan…</source>
        <translation>Đang đọc kế hoạch…</translation>
    </message>
    <message>
        <source>Reading again…</source>
        <translation>Đang đọc lại…</translation>
    </message>
    <message>
        <source>Choose the plan file your superior level sent (Excel .xlsx/.xls/.ods, Word .docx or PDF). The program reads its table; nothing is saved until you confirm.</source>
        <translation>Chọn tệp kế hoạch cấp trên gửi (Excel .xlsx/.xls/.ods, Word .docx hoặc PDF). Chương trình đọc bảng và các đoạn nhiệm vụ; chưa lưu gì cho đến khi anh/chị xác nhận.</translation>
    </message>
    <message>
        <source>e.g. 12/KH-UBND</source>
        <translation>ví dụ 12/KH-UBND</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>chưa rõ</translation>
    </message>
    <message>
        <source>Number/symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Issue date</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên văn bản</translation>
    </message>
    <message>
        <source>Read again with this year</source>
        <translation>Đọc lại theo năm này</translation>
    </message>
    <message>
        <source>Document (number, date, issuer)</source>
        <translation>Văn bản gốc (số, ngày, cơ quan)</translation>
    </message>
    <message>
        <source>Paragraphs of the plan&apos;s sections. Tick &quot;Not a task&quot; for a paragraph that is only explanation, untick it for one that is a task, then read again.</source>
        <translation>Các đoạn trong các mục của kế hoạch. Đánh dấu &quot;Không phải nhiệm vụ&quot; cho đoạn chỉ là lời giải thích, bỏ dấu cho đoạn là nhiệm vụ, rồi bấm đọc lại.</translation>
    </message>
    <message>
        <source>Not a task</source>
        <translation>Không phải nhiệm vụ</translation>
    </message>
    <message>
        <source>Paragraph</source>
        <translation>Đoạn</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>Read again with these choices</source>
        <translation>Đọc lại theo lựa chọn này</translation>
    </message>
    <message>
        <source>Paragraphs</source>
        <translation>Đoạn văn</translation>
    </message>
    <message>
        <source>%1, paragraph %2</source>
        <translation>%1, đoạn %2</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1, dòng %2</translation>
    </message>
    <message>
        <source>page %1</source>
        <translation>trang %1</translation>
    </message>
    <message>
        <source>Written in the document: %1</source>
        <translation>Văn bản ghi: %1</translation>
    </message>
    <message>
        <source>%1 (page %2)</source>
        <translation>%1 (trang %2)</translation>
    </message>
    <message>
        <source>Is this file a revised version of a plan you already have, or a new plan?</source>
        <translation>Tệp này là bản sửa đổi của kế hoạch đã có, hay kế hoạch mới?</translation>
    </message>
    <message>
        <source>Revised version of:</source>
        <translation>Bản sửa đổi của kế hoạch:</translation>
    </message>
    <message>
        <source>A new plan (the plans you have stay as they are)</source>
        <translation>Kế hoạch mới (các kế hoạch đang có giữ nguyên)</translation>
    </message>
    <message>
        <source>Plans (*.xlsx *.xlsm *.xls *.ods *.docx *.pdf);;All files (*)</source>
        <translation>Kế hoạch (*.xlsx *.xlsm *.xls *.ods *.docx *.pdf);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Warnings (%1)</source>
        <translation>Cảnh báo (%1)</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>chủ trì</translation>
    </message>
    <message>
        <source>coordinates</source>
        <translation>phối hợp</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Cột %1</translation>
    </message>
    <message>
        <source>%1 — %2 tasks read, %3 concern this office, %4 chosen, %5 warnings.</source>
        <translation>%1 — đọc được %2 nhiệm vụ, %3 liên quan đến cơ quan mình, đã chọn %4, %5 cảnh báo.</translation>
    </message>
    <message>
        <source>Keep only tasks that concern this office (%1)</source>
        <translation>Chỉ giữ nhiệm vụ liên quan đến cơ quan (%1)</translation>
    </message>
    <message>
        <source>Keep all (%1)</source>
        <translation>Giữ tất cả (%1)</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>không ghi</translation>
    </message>
    <message>
        <source>The file: &quot;%1&quot;, year %2, issued by %3.</source>
        <translation>Tệp: &quot;%1&quot;, năm %2, cơ quan ban hành: %3.</translation>
    </message>
    <message>
        <source>same file name</source>
        <translation>cùng tên tệp</translation>
    </message>
    <message>
        <source>same year and title</source>
        <translation>cùng năm và cùng tên kế hoạch</translation>
    </message>
    <message>
        <source>It looks like a revised version of &quot;%1&quot; (%2).</source>
        <translation>Chương trình đoán đây là bản sửa đổi của &quot;%1&quot; (%2).</translation>
    </message>
    <message>
        <source>It looks like a new plan.</source>
        <translation>Chương trình đoán đây là kế hoạch mới.</translation>
    </message>
    <message>
        <source>superior&apos;s plan</source>
        <translation>kế hoạch cấp trên</translation>
    </message>
    <message>
        <source>own plan</source>
        <translation>kế hoạch của cơ quan</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Thay đổi</translation>
    </message>
    <message>
        <source>No longer in the plan</source>
        <translation>Không còn trong kế hoạch</translation>
    </message>
    <message>
        <source>No longer in the plan, kept (has progress or evidence)</source>
        <translation>Không còn trong kế hoạch, vẫn giữ (đã có tiến độ hoặc minh chứng)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Ready to import.&lt;/b&gt; %1 new, %2 changed, %3 no longer in the superior plan (kept if they have progress or evidence). A backup is taken first; you can undo the import with Ctrl+Z.</source>
        <translation>&lt;b&gt;Sẵn sàng nhập.&lt;/b&gt; %1 mới, %2 thay đổi, %3 không còn trong kế hoạch cấp trên (được giữ lại nếu đã có tiến độ hoặc minh chứng). Chương trình sao lưu trước khi nhập; có thể hoàn tác bằng Ctrl+Z.</translation>
    </message>
    <message>
        <source>Backing up before the import…</source>
        <translation>Đang sao lưu trước khi nhập…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Import superior plan…</source>
        <translation>&amp;Nhập kế hoạch cấp trên…</translation>
    </message>
    <message>
        <source>Office &amp;information…</source>
        <translation>&amp;Thông tin cơ quan…</translation>
    </message>
    <message>
        <source>Plan re&amp;ferences…</source>
        <translation>Thông t&amp;in kế hoạch…</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Cài đặt…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Sao lưu ngay</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>T&amp;hoát</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Hoàn tác</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Làm lại</translation>
    </message>
    <message>
        <source>&amp;New task</source>
        <translation>&amp;Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>New &amp;subtask</source>
        <translation>Thêm nhiệm vụ &amp;con</translation>
    </message>
    <message>
        <source>New s&amp;ection…</source>
        <translation>Thêm &amp;mục…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Sửa…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Xóa</translation>
    </message>
    <message>
        <source>Move &amp;up</source>
        <translation>Chuyển &amp;lên</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>Chuyển x&amp;uống</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Tìm</translation>
    </message>
    <message>
        <source>superior&apos;s plan</source>
        <translation>kế hoạch cấp trên</translation>
    </message>
    <message>
        <source>own plan</source>
        <translation>kế hoạch của cơ quan</translation>
    </message>
    <message>
        <source>revision %1</source>
        <translation>bản sửa đổi %1</translation>
    </message>
    <message>
        <source>revises &quot;%1&quot;</source>
        <translation>sửa đổi &quot;%1&quot;</translation>
    </message>
    <message>
        <source>sample</source>
        <translation>dữ liệu mẫu</translation>
    </message>
    <message>
        <source>(untitled plan)</source>
        <translation>(kế hoạch chưa có tên)</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>The plan shown in every tab; the file keeps all of them.</source>
        <translation>Kế hoạch đang xem ở mọi thẻ; tệp dữ liệu giữ tất cả các kế hoạch.</translation>
    </message>
    <message>
        <source>Plan:</source>
        <translation>Kế hoạch:</translation>
    </message>
    <message>
        <source>Import plan…</source>
        <translation>Nhập kế hoạch…</translation>
    </message>
    <message>
        <source>Export the office&apos;s &amp;plan document…</source>
        <translation>Xuất &amp;văn bản kế hoạch của cơ quan…</translation>
    </message>
    <message>
        <source>Export the table view to &amp;Excel…</source>
        <translation>Xuất bảng đang xem ra &amp;Excel…</translation>
    </message>
    <message>
        <source>Back up to a folder or &amp;USB…</source>
        <translation>Sao lưu ra thư mục hoặc &amp;USB…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>&amp;Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>C&amp;heck the data file…</source>
        <translation>Kiểm tra tệp &amp;dữ liệu…</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Hoàn tác</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Làm lại</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>&amp;Record progress…</source>
        <translation>&amp;Ghi tiến độ…</translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation>Ghi tiến độ…</translation>
    </message>
    <message>
        <source>&amp;Mark done</source>
        <translation>Đánh dấu &amp;hoàn thành</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>Đính &amp;kèm tệp…</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>&amp;Periodic report…</source>
        <translation>&amp;Báo cáo định kỳ…</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Báo cáo…</translation>
    </message>
    <message>
        <source>(no plan yet)</source>
        <translation>(chưa có kế hoạch)</translation>
    </message>
    <message>
        <source>Fill results into the superior&apos;s file…</source>
        <translation>Điền kết quả vào tệp của cấp trên…</translation>
    </message>
    <message>
        <source>Roll up reports of many offices…</source>
        <translation>Tổng hợp báo cáo của các cơ quan, đơn vị…</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Giới thiệu</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sửa</translation>
    </message>
    <message>
        <source>&amp;Task</source>
        <translation>&amp;Nhiệm vụ</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>&amp;Kế hoạch</translation>
    </message>
    <message>
        <source>&amp;Report</source>
        <translation>&amp;Báo cáo</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Trợ &amp;giúp</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Thanh công cụ chính</translation>
    </message>
    <message>
        <source>What needs me now</source>
        <translation>Việc cần làm ngay</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Bảng</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Dòng thời gian</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Lịch</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>Deleted. Press Ctrl+Z to undo.</source>
        <translation>Đã xóa. Bấm Ctrl+Z để hoàn tác.</translation>
    </message>
    <message>
        <source>Delete task</source>
        <translation>Xóa nhiệm vụ</translation>
    </message>
    <message>
        <source>This task has %1 evidence file(s). They are deleted with the task (Ctrl+Z brings everything back).</source>
        <translation>Nhiệm vụ này có %1 tệp minh chứng. Các tệp sẽ bị xóa cùng nhiệm vụ (Ctrl+Z khôi phục lại tất cả).</translation>
    </message>
    <message>
        <source>Delete with the evidence</source>
        <translation>Xóa cả minh chứng</translation>
    </message>
    <message>
        <source>Save the evidence to a folder first…</source>
        <translation>Lưu minh chứng ra thư mục trước…</translation>
    </message>
    <message>
        <source>Save the evidence to</source>
        <translation>Lưu minh chứng vào</translation>
    </message>
    <message>
        <source>Attaching files…</source>
        <translation>Đang đính kèm tệp…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Export plan document</source>
        <translation>Xuất văn bản kế hoạch</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Word (*.docx)</source>
        <translation>PDF (*.pdf);;Word (*.docx)</translation>
    </message>
    <message>
        <source>Writing the plan document…</source>
        <translation>Đang tạo văn bản kế hoạch…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Sao lưu vào</translation>
    </message>
    <message>
        <source>Choose a backup</source>
        <translation>Chọn bản sao lưu</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>Khôi phục từ bản sao lưu</translation>
    </message>
    <message>
        <source>Replace the data with the backup &apos;%1&apos;? The current data file is kept beside it (…-truoc-khoi-phuc-….kstthc), so nothing is lost.</source>
        <translation>Thay dữ liệu hiện tại bằng bản sao lưu &apos;%1&apos;? Tệp dữ liệu hiện tại được giữ lại bên cạnh (…-truoc-khoi-phuc-….kstthc), không mất gì.</translation>
    </message>
    <message>
        <source>Please wait: a task is still running.</source>
        <translation>Vui lòng chờ: một công việc đang chạy.</translation>
    </message>
</context>
<context>
    <name>OccurrenceCombo</name>
    <message>
        <source>Whole task</source>
        <translation>Cả nhiệm vụ</translation>
    </message>
    <message>
        <source>Occurrence due %1</source>
        <translation>Lần có hạn %1</translation>
    </message>
</context>
<context>
    <name>OfficeSetupDialog</name>
    <message>
        <source>Office information</source>
        <translation>Thông tin cơ quan</translation>
    </message>
    <message>
        <source>These lines are printed at the top of every report and plan. You can change them later (File → Office information).</source>
        <translation>Các dòng này được in ở đầu mọi báo cáo và kế hoạch. Có thể sửa lại sau (Tệp → Thông tin cơ quan).</translation>
    </message>
    <message>
        <source>(optional) e.g. UBND TỈNH …</source>
        <translation>(nếu có) ví dụ: UBND TỈNH …</translation>
    </message>
    <message>
        <source>Commune / ward</source>
        <translation>Xã / phường / đặc khu</translation>
    </message>
    <message>
        <source>Department (Sở)</source>
        <translation>Sở, ban, ngành</translation>
    </message>
    <message>
        <source>Province</source>
        <translation>Tỉnh / thành phố</translation>
    </message>
    <message>
        <source>District (before 7/2025)</source>
        <translation>Huyện (trước 7/2025)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>with KT.: e.g. PHÓ CHỦ TỊCH</source>
        <translation>khi ký thay: ví dụ PHÓ CHỦ TỊCH</translation>
    </message>
    <message>
        <source>Office name (one line each)</source>
        <translation>Tên cơ quan (mỗi dòng một cấp)</translation>
    </message>
    <message>
        <source>Parent agency</source>
        <translation>Cơ quan chủ quản</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Cấp</translation>
    </message>
    <message>
        <source>Place name for the date line</source>
        <translation>Địa danh ghi ở dòng ngày tháng</translation>
    </message>
    <message>
        <source>Symbol in document numbers</source>
        <translation>Ký hiệu trong số văn bản</translation>
    </message>
    <message>
        <source>Superior agency</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>Reports go to (Kính gửi)</source>
        <translation>Báo cáo gửi (Kính gửi)</translation>
    </message>
    <message>
        <source>Signing authority</source>
        <translation>Thẩm quyền ký</translation>
    </message>
    <message>
        <source>Collective (after TM.)</source>
        <translation>Tập thể (sau TM.)</translation>
    </message>
    <message>
        <source>Title of the signer</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Deputy title</source>
        <translation>Chức vụ người ký thay</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <source>Default recipients (Nơi nhận)</source>
        <translation>Nơi nhận mặc định</translation>
    </message>
</context>
<context>
    <name>OverdueCauseDialog</name>
    <message>
        <source>Cause of the delay</source>
        <translation>Nguyên nhân chậm</translation>
    </message>
    <message>
        <source>Deadline (as written): %1</source>
        <translation>Thời hạn (nguyên văn): %1</translation>
    </message>
    <message>
        <source>Why is this task late? It is printed as written in the report&apos;s part on shortcomings (Tồn tại, hạn chế).</source>
        <translation>Vì sao nhiệm vụ này chậm? Nội dung được in nguyên văn vào phần Tồn tại, hạn chế của báo cáo.</translation>
    </message>
    <message>
        <source>e.g. Waiting for the guidance of the superior level</source>
        <translation>ví dụ: Chờ hướng dẫn của cấp trên</translation>
    </message>
</context>
<context>
    <name>PlanInfoDialog</name>
    <message>
        <source>Plan references</source>
        <translation>Thông tin kế hoạch</translation>
    </message>
    <message>
        <source>Every report cites these documents. What is left empty is printed as dots (số …/KH-UBND ngày … tháng … năm …) to fill in by hand.</source>
        <translation>Mọi báo cáo đều trích dẫn các văn bản này. Thông tin để trống sẽ in thành dấu chấm (số …/KH-UBND ngày … tháng … năm …) để điền tay.</translation>
    </message>
    <message>
        <source>This office&apos;s plan</source>
        <translation>Kế hoạch của cơ quan</translation>
    </message>
    <message>
        <source>e.g. 05/KH-UBND</source>
        <translation>ví dụ 05/KH-UBND</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>e.g. UBND xã Lê Lợi</source>
        <translation>ví dụ UBND xã Lê Lợi</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Issued on</source>
        <translation>Ngày ban hành</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>The superior&apos;s plan it carries out</source>
        <translation>Kế hoạch cấp trên mà kế hoạch này thực hiện</translation>
    </message>
    <message>
        <source>e.g. 12/KH-UBND</source>
        <translation>ví dụ 12/KH-UBND</translation>
    </message>
    <message>
        <source>e.g. UBND tỉnh Hải Dương</source>
        <translation>ví dụ UBND tỉnh Hải Dương</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Trích yếu</translation>
    </message>
</context>
<context>
    <name>ProgressEntryDialog</name>
    <message>
        <source>Record progress</source>
        <translation>Ghi tiến độ</translation>
    </message>
    <message>
        <source>Done (completed on this date)</source>
        <translation>Đã hoàn thành (vào ngày này)</translation>
    </message>
    <message>
        <source>Result (kết quả thực hiện), e.g. the document issued</source>
        <translation>Kết quả thực hiện, ví dụ văn bản đã ban hành</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Áp dụng cho</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Result note</source>
        <translation>Kết quả thực hiện</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Periodic report</source>
        <translation>Báo cáo định kỳ</translation>
    </message>
    <message>
        <source>e.g. 05 (left blank: filled in by hand)</source>
        <translation>ví dụ 05 (để trống: điền tay khi vào sổ)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>with KT.: e.g. PHÓ CHỦ TỊCH</source>
        <translation>khi ký thay: ví dụ PHÓ CHỦ TỊCH</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày báo cáo</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Người ký</translation>
    </message>
    <message>
        <source>Name of the signer</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <source>Recipients (Nơi nhận)</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Restore the program&apos;s draft</source>
        <translation>Lấy lại bản dự thảo của chương trình</translation>
    </message>
    <message>
        <source>Form 06a: dossiers per field. Column (6) is carried over from the last issued report.</source>
        <translation>Biểu 06a: số hồ sơ theo lĩnh vực. Cột (6) lấy từ báo cáo đã ban hành kỳ trước.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Lĩnh vực</translation>
    </message>
    <message>
        <source>Add row</source>
        <translation>Thêm dòng</translation>
    </message>
    <message>
        <source>Remove row</source>
        <translation>Xóa dòng</translation>
    </message>
    <message>
        <source>Read from Excel…</source>
        <translation>Đọc từ Excel…</translation>
    </message>
    <message>
        <source>Save an Excel template…</source>
        <translation>Lưu mẫu Excel…</translation>
    </message>
    <message>
        <source>Form 06a</source>
        <translation>Biểu 06a</translation>
    </message>
    <message>
        <source>Overdue tasks: write why each is late. The cause is printed in part II of the report; nothing is invented when it is left empty.</source>
        <translation>Nhiệm vụ quá hạn: ghi nguyên nhân chậm của từng nhiệm vụ. Nguyên nhân được in ở mục II của báo cáo; để trống thì báo cáo để chỗ chấm, không tự viết thay.</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Cause of the delay</source>
        <translation>Nguyên nhân chậm</translation>
    </message>
    <message>
        <source>Overdue causes</source>
        <translation>Nguyên nhân quá hạn</translation>
    </message>
    <message>
        <source>Plan references…</source>
        <translation>Thông tin kế hoạch…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Xuất PDF…</translation>
    </message>
    <message>
        <source>Export Word…</source>
        <translation>Xuất Word…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Issue (freeze)…</source>
        <translation>Ban hành (khóa)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Smaller pages (Ctrl+minus)</source>
        <translation>Thu nhỏ trang (Ctrl+dấu trừ)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Thu nhỏ</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Vừa khung</translation>
    </message>
    <message>
        <source>Pages as wide as this pane (Ctrl+0)</source>
        <translation>Trang rộng vừa khung xem trước (Ctrl+0)</translation>
    </message>
    <message>
        <source>Larger pages, for detail (Ctrl+plus)</source>
        <translation>Phóng to trang để xem chi tiết (Ctrl+dấu cộng)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Phóng to</translation>
    </message>
    <message>
        <source>Draft a corrected version</source>
        <translation>Soạn bản sửa đổi</translation>
    </message>
    <message>
        <source>Open the issued PDF</source>
        <translation>Mở bản PDF đã ban hành</translation>
    </message>
    <message>
        <source>Issued on %1 (number %2). Issued reports are kept unchanged in the data file.</source>
        <translation>Đã ban hành lúc %1 (số %2). Báo cáo đã ban hành được giữ nguyên trong tệp dữ liệu.</translation>
    </message>
    <message>
        <source>The period is not over yet: the report is a draft.</source>
        <translation>Kỳ báo cáo chưa kết thúc: báo cáo còn là dự thảo.</translation>
    </message>
    <message>
        <source>Overdue causes (%1)</source>
        <translation>Nguyên nhân quá hạn (%1)</translation>
    </message>
    <message>
        <source>Read form 06a figures</source>
        <translation>Đọc số liệu Biểu 06a</translation>
    </message>
    <message>
        <source>Save a form 06a template</source>
        <translation>Lưu mẫu Biểu 06a</translation>
    </message>
    <message>
        <source>Since report %1 (%2): %3 task(s) completed, %4 became overdue, %5 new, %6 removed.</source>
        <translation>So với báo cáo số %1 (%2): thêm %3 nhiệm vụ hoàn thành, %4 nhiệm vụ chuyển sang quá hạn, %5 nhiệm vụ mới, %6 nhiệm vụ bị bỏ.</translation>
    </message>
    <message>
        <source>Column %1, row %2: type a whole number of dossiers.</source>
        <translation>Cột %1, dòng %2: hãy nhập số hồ sơ là số nguyên.</translation>
    </message>
    <message>
        <source>Updating the preview…</source>
        <translation>Đang cập nhật bản xem trước…</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Đang chuẩn bị báo cáo</translation>
    </message>
    <message>
        <source>Preview: %1 pages</source>
        <translation>Xem trước: %1 trang</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Xuất báo cáo</translation>
    </message>
    <message>
        <source>Before it is signed, note:</source>
        <translation>Trước khi trình ký, xin lưu ý:</translation>
    </message>
    <message>
        <source>Export anyway?</source>
        <translation>Vẫn xuất báo cáo?</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Đang ghi báo cáo…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
    <message>
        <source>Issue the report</source>
        <translation>Ban hành báo cáo</translation>
    </message>
    <message>
        <source>Type the report&apos;s number first (the number given by the clerk).</source>
        <translation>Hãy nhập số báo cáo trước (số do văn thư cấp).</translation>
    </message>
    <message>
        <source>Issuing freezes this report: its text and PDF are kept unchanged in the data file and cannot be edited afterwards. Issue it now?</source>
        <translation>Ban hành sẽ khóa báo cáo: nội dung và tệp PDF được lưu nguyên trong tệp dữ liệu, không sửa được nữa. Ban hành ngay?</translation>
    </message>
    <message>
        <source>Issuing the report…</source>
        <translation>Đang ban hành báo cáo…</translation>
    </message>
    <message>
        <source>Issuing cancelled: nothing was issued.</source>
        <translation>Đã hủy ban hành: chưa có báo cáo nào được ban hành.</translation>
    </message>
</context>
<context>
    <name>RollupDialog</name>
    <message>
        <source>Roll up reports</source>
        <translation>Tổng hợp báo cáo</translation>
    </message>
    <message>
        <source>Folder with the offices&apos; reports (.pdf, .json)</source>
        <translation>Thư mục chứa báo cáo của các cơ quan (.pdf, .json)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Optional: list of offices that must report (.txt or .xlsx)</source>
        <translation>Không bắt buộc: danh sách cơ quan phải báo cáo (.txt hoặc .xlsx)</translation>
    </message>
    <message>
        <source>The period most reports are for</source>
        <translation>Kỳ có nhiều báo cáo nhất</translation>
    </message>
    <message>
        <source>Roll up</source>
        <translation>Tổng hợp</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Expected offices</source>
        <translation>Cơ quan phải báo cáo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Cơ quan, đơn vị</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Số, ngày báo cáo</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Số nhiệm vụ</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tỷ lệ hoàn thành</translation>
    </message>
    <message>
        <source>Checked</source>
        <translation>Kiểm tra</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>File or office</source>
        <translation>Tệp hoặc cơ quan</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Lý do không đưa vào tổng hợp</translation>
    </message>
    <message>
        <source>By office</source>
        <translation>Theo cơ quan</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Nhiệm vụ quá hạn</translation>
    </message>
    <message>
        <source>Files left out, offices missing</source>
        <translation>Tệp bị loại, cơ quan chưa gửi</translation>
    </message>
    <message>
        <source>Save as Excel…</source>
        <translation>Lưu ra Excel…</translation>
    </message>
    <message>
        <source>Save the summary report (PDF)…</source>
        <translation>Lưu báo cáo tổng hợp (PDF)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Folder with the offices&apos; reports</source>
        <translation>Thư mục chứa báo cáo của các cơ quan</translation>
    </message>
    <message>
        <source>List of offices</source>
        <translation>Danh sách cơ quan</translation>
    </message>
    <message>
        <source>List (*.txt *.csv *.xlsx)</source>
        <translation>Danh sách (*.txt *.csv *.xlsx)</translation>
    </message>
    <message>
        <source>Reading the reports…</source>
        <translation>Đang đọc các báo cáo…</translation>
    </message>
    <message>
        <source>Rolling up the reports…</source>
        <translation>Đang tổng hợp báo cáo…</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>%1: %2 report(s) rolled up, %3 file(s) left out, %4 office(s) missing. %5 tasks, %6 done (%7), %8 overdue.</source>
        <translation>%1: đã tổng hợp %2 báo cáo, loại %3 tệp, %4 cơ quan chưa gửi. %5 nhiệm vụ, hoàn thành %6 (%7), quá hạn %8.</translation>
    </message>
    <message>
        <source>PDF checked</source>
        <translation>Đã đối chiếu PDF</translation>
    </message>
    <message>
        <source>JSON only</source>
        <translation>Chỉ có .json</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Has not sent a report</source>
        <translation>Chưa gửi báo cáo</translation>
    </message>
    <message>
        <source>Files left out, offices missing (%1)</source>
        <translation>Tệp bị loại, cơ quan chưa gửi (%1)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the roll-up</source>
        <translation>Lưu bảng tổng hợp</translation>
    </message>
    <message>
        <source>Writing the roll-up…</source>
        <translation>Đang ghi tổng hợp…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search everything (Ctrl+F)…</source>
        <translation>Tìm mọi nơi (Ctrl+F)…</translation>
    </message>
    <message>
        <source>Tasks, progress notes, evidence details and the text inside PDF, Word and Excel files. Accents do not matter; document numbers like 418/QĐ-UBND are found whole.</source>
        <translation>Tìm trong nhiệm vụ, ghi chép tiến độ, thông tin tài liệu minh chứng và nội dung tệp PDF, Word, Excel. Gõ có dấu hay không dấu đều được; số văn bản như 418/QĐ-UBND được tìm nguyên cụm.</translation>
    </message>
    <message>
        <source>Search everything</source>
        <translation>Tìm mọi nơi</translation>
    </message>
    <message>
        <source>Reading the text of evidence files for search: %1 of %2…</source>
        <translation>Đang đọc nội dung tệp minh chứng để tìm kiếm: tệp %1/%2…</translation>
    </message>
    <message>
        <source>%1 evidence file(s) not read yet: results may grow.</source>
        <translation>Còn %1 tệp minh chứng chưa đọc nội dung: kết quả có thể còn thêm.</translation>
    </message>
</context>
<context>
    <name>SearchPopup</name>
    <message>
        <source>Search results</source>
        <translation>Kết quả tìm kiếm</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Tài liệu minh chứng</translation>
    </message>
    <message>
        <source>%1 (%2, best %3 shown)</source>
        <translation>%1 (%2, hiện %3 kết quả phù hợp nhất)</translation>
    </message>
    <message>
        <source>Nothing found for “%1”.</source>
        <translation>Không tìm thấy “%1”.</translation>
    </message>
    <message>
        <source>Type a word to search for.</source>
        <translation>Hãy gõ từ cần tìm.</translation>
    </message>
    <message>
        <source>Enter: open the task · Ctrl+Enter: open the file · Esc: close</source>
        <translation>Enter: mở nhiệm vụ · Ctrl+Enter: mở tệp · Esc: đóng</translation>
    </message>
    <message>
        <source>Units</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Sản phẩm</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>In the file</source>
        <translation>Trong tệp</translation>
    </message>
    <message>
        <source>In the file, page %1</source>
        <translation>Trong tệp, trang %1</translation>
    </message>
</context>
<context>
    <name>SectionDialog</name>
    <message>
        <source>Section</source>
        <translation>Mục</translation>
    </message>
    <message>
        <source>This is an appendix (Phụ lục)</source>
        <translation>Đây là phụ lục</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số mục</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tên mục</translation>
    </message>
    <message>
        <source>The section title cannot be empty.</source>
        <translation>Tên mục không được để trống.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>Language (after restart)</source>
        <translation>Ngôn ngữ (sau khi mở lại)</translation>
    </message>
    <message>
        <source>Largest evidence file</source>
        <translation>Dung lượng tối đa mỗi tệp minh chứng</translation>
    </message>
    <message>
        <source>working days after the cut-off</source>
        <translation>ngày làm việc sau ngày chốt số liệu</translation>
    </message>
    <message>
        <source>fixed day of the month</source>
        <translation>ngày cố định trong tháng</translation>
    </message>
    <message>
        <source>Report due</source>
        <translation>Hạn gửi báo cáo</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Chung</translation>
    </message>
    <message>
        <source>Public holidays (Tết from the lunar calendar) are known. Add the days off and make-up working Saturdays decided each year.</source>
        <translation>Chương trình đã biết các ngày lễ (kể cả Tết âm lịch). Hãy thêm ngày nghỉ và ngày thứ Bảy làm bù theo quyết định hằng năm.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>Ngày nghỉ</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Thêm</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Ngày làm việc</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Ngôn ngữ</translation>
    </message>
    <message>
        <source>The program speaks the chosen language from its next start: close it and open it again.</source>
        <translation>Ngôn ngữ mới có hiệu lực từ lần mở chương trình sau: hãy đóng rồi mở lại chương trình.</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>This office has no plan yet</source>
        <translation>Cơ quan chưa có kế hoạch</translation>
    </message>
    <message>
        <source>Start from the plan your superior level sent you (Excel or Word), type the tasks yourself, or look around with sample data first.</source>
        <translation>Bắt đầu từ kế hoạch cấp trên gửi (Excel hoặc Word), tự nhập nhiệm vụ, hoặc xem thử với dữ liệu mẫu.</translation>
    </message>
    <message>
        <source>Import the superior plan…</source>
        <translation>Nhập kế hoạch cấp trên…</translation>
    </message>
    <message>
        <source>Add tasks by hand</source>
        <translation>Tự thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>Open sample data</source>
        <translation>Mở dữ liệu mẫu</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Done on time</source>
        <translation>Hoàn thành đúng hạn</translation>
    </message>
    <message>
        <source>Done late</source>
        <translation>Hoàn thành quá hạn</translation>
    </message>
    <message>
        <source>In progress, within the deadline</source>
        <translation>Đang thực hiện trong hạn</translation>
    </message>
    <message>
        <source>In progress, overdue</source>
        <translation>Đang thực hiện quá hạn</translation>
    </message>
    <message>
        <source>Not arisen / no deadline</source>
        <translation>Chưa phát sinh / không xác định hạn</translation>
    </message>
</context>
<context>
    <name>TableView</name>
    <message>
        <source>Plan tasks</source>
        <translation>Nhiệm vụ của kế hoạch</translation>
    </message>
    <message>
        <source>Filter the table…</source>
        <translation>Lọc bảng theo chữ…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Mọi tình trạng</translation>
    </message>
    <message>
        <source>%1 of %2 tasks</source>
        <translation>%1 / %2 nhiệm vụ</translation>
    </message>
    <message>
        <source>Search: &quot;%1&quot;</source>
        <translation>Tìm: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Status as of %1</source>
        <translation>Tình trạng tính đến %1</translation>
    </message>
    <message>
        <source>All tasks</source>
        <translation>Tất cả nhiệm vụ</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Bộ lọc</translation>
    </message>
    <message>
        <source>Export the table view to Excel</source>
        <translation>Xuất bảng đang xem ra Excel</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Bảng tính Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>Đang ghi tệp Excel…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Đã lưu %1</translation>
    </message>
</context>
<context>
    <name>TaskDetailPanel</name>
    <message>
        <source>Write the cause…</source>
        <translation>Ghi nguyên nhân…</translation>
    </message>
    <message>
        <source>Why is it late? Printed in the report&apos;s part on shortcomings.</source>
        <translation>Vì sao chậm? Được in vào phần Tồn tại, hạn chế của báo cáo.</translation>
    </message>
    <message>
        <source>Progress log</source>
        <translation>Tiến độ thực hiện</translation>
    </message>
    <message>
        <source>Record progress…</source>
        <translation>Ghi tiến độ…</translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation>Đánh dấu hoàn thành</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Evidence (drop files here)</source>
        <translation>Minh chứng (kéo thả tệp vào đây)</translation>
    </message>
    <message>
        <source>Attach files…</source>
        <translation>Đính kèm tệp…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Mở</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>Lưu bản sao…</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Thông tin…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Gỡ bỏ</translation>
    </message>
    <message>
        <source>Overdue: no cause of the delay written yet.</source>
        <translation>Quá hạn, chưa ghi nguyên nhân chậm.</translation>
    </message>
    <message>
        <source>Edit the cause…</source>
        <translation>Sửa nguyên nhân…</translation>
    </message>
    <message>
        <source>Select a task to see its details.</source>
        <translation>Chọn một nhiệm vụ để xem chi tiết.</translation>
    </message>
    <message>
        <source>Cause of the delay</source>
        <translation>Nguyên nhân chậm</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Deadline (as written)</source>
        <translation>Thời hạn (nguyên văn)</translation>
    </message>
    <message>
        <source>Understood as</source>
        <translation>Chương trình hiểu là</translation>
    </message>
    <message>
        <source>Expected products</source>
        <translation>Sản phẩm dự kiến</translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn</translation>
    </message>
    <message>
        <source>Attach evidence</source>
        <translation>Đính kèm minh chứng</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Lưu bản sao</translation>
    </message>
</context>
<context>
    <name>TaskEditorDialog</name>
    <message>
        <source>Edit task</source>
        <translation>Sửa nhiệm vụ</translation>
    </message>
    <message>
        <source>New task</source>
        <translation>Nhiệm vụ mới</translation>
    </message>
    <message>
        <source>(no section)</source>
        <translation>(không thuộc mục nào)</translation>
    </message>
    <message>
        <source>as written, e.g. Trước ngày 15/9/2026, Quý III năm 2026</source>
        <translation>ghi nguyên văn, ví dụ: Trước ngày 15/9/2026, Quý III năm 2026</translation>
    </message>
    <message>
        <source>Set the due dates by hand</source>
        <translation>Tự đặt ngày đến hạn</translation>
    </message>
    <message>
        <source>once</source>
        <translation>một lần</translation>
    </message>
    <message>
        <source>every month</source>
        <translation>hằng tháng</translation>
    </message>
    <message>
        <source>every quarter</source>
        <translation>hằng quý</translation>
    </message>
    <message>
        <source>every 6 months</source>
        <translation>6 tháng một lần</translation>
    </message>
    <message>
        <source>once a year</source>
        <translation>hằng năm</translation>
    </message>
    <message>
        <source>due dates, e.g. 31/3/2026, 30/6/2026</source>
        <translation>các ngày đến hạn, ví dụ 31/3/2026, 30/6/2026</translation>
    </message>
    <message>
        <source>Add this date</source>
        <translation>Thêm ngày này</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Not concerned</source>
        <translation>Không liên quan</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <translation>Tự động: %1</translation>
    </message>
    <message>
        <source>Where the report tells this task (Thông tư 01/2020 outline).</source>
        <translation>Mục của báo cáo nêu nhiệm vụ này (theo đề cương Thông tư 01/2020).</translation>
    </message>
    <message>
        <source>why it is late, printed in the report (left empty: dots to fill in)</source>
        <translation>lý do chậm, in trong báo cáo (để trống: in dấu chấm để điền tay)</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Thuộc mục</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số thứ tự</translation>
    </message>
    <message>
        <source>Task content</source>
        <translation>Nội dung nhiệm vụ</translation>
    </message>
    <message>
        <source>Lead units (one per line)</source>
        <translation>Đơn vị chủ trì (mỗi dòng một đơn vị)</translation>
    </message>
    <message>
        <source>Coordinating units</source>
        <translation>Đơn vị phối hợp</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Pick a date</source>
        <translation>Chọn ngày</translation>
    </message>
    <message>
        <source>Due dates set by hand</source>
        <translation>Ngày đến hạn tự đặt</translation>
    </message>
    <message>
        <source>Expected products</source>
        <translation>Sản phẩm dự kiến</translation>
    </message>
    <message>
        <source>Officer in charge</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Report topic</source>
        <translation>Mục báo cáo</translation>
    </message>
    <message>
        <source>Role of this office</source>
        <translation>Vai trò của cơ quan mình</translation>
    </message>
    <message>
        <source>Cause of delay</source>
        <translation>Nguyên nhân chậm</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Set by hand: no due date yet.</source>
        <translation>Tự đặt: chưa có ngày đến hạn.</translation>
    </message>
    <message>
        <source>Set by hand: %1</source>
        <translation>Tự đặt: %1</translation>
    </message>
    <message>
        <source>No deadline: the task counts as &apos;no deadline&apos;.</source>
        <translation>Không có thời hạn: nhiệm vụ được tính là &apos;không xác định hạn&apos;.</translation>
    </message>
    <message>
        <source>A due date is not valid: write them like 31/3/2026, 30/6/2026.</source>
        <translation>Có ngày đến hạn không hợp lệ: hãy viết như 31/3/2026, 30/6/2026.</translation>
    </message>
    <message>
        <source>The task content cannot be empty.</source>
        <translation>Nội dung nhiệm vụ không được để trống.</translation>
    </message>
</context>
<context>
    <name>TaskTreeModel</name>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nhiệm vụ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Deadline (as written)</source>
        <translation>Thời hạn (nguyên văn)</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Chủ trì</translation>
    </message>
    <message>
        <source>Coordinating</source>
        <translation>Phối hợp</translation>
    </message>
    <message>
        <source>Expected products</source>
        <translation>Sản phẩm dự kiến</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Minh chứng</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Cơ quan mình</translation>
    </message>
    <message>
        <source>Marked done but no evidence is attached</source>
        <translation>Đã hoàn thành nhưng chưa có minh chứng</translation>
    </message>
</context>
<context>
    <name>TimelineCanvas</name>
    <message>
        <source>Quarter %1</source>
        <translation>Quý %1</translation>
    </message>
    <message>
        <source>Month %1</source>
        <translation>Tháng %1</translation>
    </message>
    <message>
        <source>M%1</source>
        <translation>T%1</translation>
    </message>
    <message>
        <source>Cut-off %1</source>
        <translation>Chốt số liệu %1</translation>
    </message>
    <message>
        <source>Today %1</source>
        <translation>Hôm nay %1</translation>
    </message>
    <message>
        <source>Plan %1</source>
        <translation>Kế hoạch %1</translation>
    </message>
    <message>
        <source>No. and task</source>
        <translation>STT và nhiệm vụ</translation>
    </message>
    <message>
        <source>Make-up working day</source>
        <translation>Ngày làm bù</translation>
    </message>
    <message>
        <source>Report cut-off: %1</source>
        <translation>Chốt số liệu báo cáo: %1</translation>
    </message>
    <message>
        <source>Deadline as written: %1</source>
        <translation>Thời hạn ghi trong kế hoạch: %1</translation>
    </message>
    <message>
        <source>Occurrence %1 of %2: %3 – %4</source>
        <translation>Lần %1/%2: %3 – %4</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>No plan yet. Import the superior plan or add tasks; they will appear here on the time axis.</source>
        <translation>Chưa có kế hoạch. Hãy nhập kế hoạch cấp trên hoặc thêm nhiệm vụ; chúng sẽ hiện trên trục thời gian này.</translation>
    </message>
    <message>
        <source>Zoom:</source>
        <translation>Thu phóng:</translation>
    </message>
    <message>
        <source>Whole year</source>
        <translation>Cả năm</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quý</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel or the + and − keys also zoom</source>
        <translation>Ctrl + con lăn chuột hoặc phím + và − cũng thu phóng</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hôm nay</translation>
    </message>
    <message>
        <source>Report cut-off (14th)</source>
        <translation>Chốt số liệu báo cáo (ngày 14)</translation>
    </message>
    <message>
        <source>Public holiday</source>
        <translation>Ngày lễ, nghỉ</translation>
    </message>
    <message>
        <source>When it arises</source>
        <translation>Khi có phát sinh</translation>
    </message>
    <message>
        <source>Under a separate plan</source>
        <translation>Theo kế hoạch riêng</translation>
    </message>
    <message>
        <source>Deadline unclear</source>
        <translation>Chưa rõ hạn</translation>
    </message>
</context>
<context>
    <name>Windows</name>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
    <message>
        <source>Restore cancelled: the office file is unchanged.</source>
        <translation>Đã hủy khôi phục: tệp dữ liệu giữ nguyên.</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Đang kiểm tra bản sao lưu…</translation>
    </message>
</context>
</TS>
