"""Headless commands (DESIGN.md §8): stable, scripted against. No Qt here.

Exit 0 on success, 2 on bad input with one line on stderr; the office file is never half-written
because every service write is one transaction.
"""

from __future__ import annotations

import argparse
import errno
import gc
import json
import os
import sqlite3
import sys
from datetime import date
from pathlib import Path

from .argparse_vi import Parser, parse_date, parse_id, parse_year
from .core.errors import KstthcError

OFFICE_HELP = "tệp dữ liệu của cơ quan (.kstthc)"
JSON_HELP = "in kết quả dạng JSON (cho máy đọc)"

EPILOG = """Ngày ghi dạng dd/mm/yyyy (14/09/2026) hoặc yyyy-mm-dd (2026-09-14).
Mã thoát: 0 thành công, 2 dữ liệu vào không hợp lệ (một dòng báo lỗi ở stderr).
Mỗi lệnh ghi là một giao dịch: tệp dữ liệu không bao giờ bị ghi dở."""


def _office(p: argparse.ArgumentParser) -> None:
    p.add_argument("--office", required=True, metavar="TỆP", help=OFFICE_HELP)


def _json(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help=JSON_HELP)


def _office_keys() -> list[str]:
    from .services.references import OFFICE_KEYS

    return list(OFFICE_KEYS)


def _plan_keys() -> list[str]:
    from .services.references import PLAN_KEYS

    return list(PLAN_KEYS)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = Parser(prog="kstthc", description="KSTTHC Desktop – các lệnh không cần giao diện: nhập kế hoạch, "
               "ghi tiến độ, đính kèm minh chứng, xuất báo cáo, sao lưu.", epilog=EPILOG,
               formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"kstthc {__version__}",
                   help="in số phiên bản rồi thoát")
    sub = p.add_subparsers(dest="command", metavar="LỆNH")

    s = sub.add_parser("schedule", help="phân tích một cụm thời hạn", description="Phân tích một cụm thời hạn "
                       "như trong kế hoạch (\"Quý III năm 2026\", \"Trước ngày 15/6\"…) thành các ngày.")
    s.add_argument("text", metavar="CỤM_THỜI_HẠN", help="cụm thời hạn, đặt trong ngoặc kép")
    s.add_argument("--year", type=parse_year, metavar="NĂM", help="năm của kế hoạch (điền vào chỗ thiếu năm)")
    _json(s)

    s = sub.add_parser("import", help="đọc (và lưu) kế hoạch cấp trên",
                       description="Đọc kế hoạch cấp trên từ tệp .xlsx, .xls, .ods, .docx hoặc .pdf "
                       "(bảng nhiệm vụ hoặc văn bản có các đoạn đánh số); "
                       "không có --dry-run thì lưu vào tệp dữ liệu (sao lưu trước).")
    s.add_argument("file", metavar="TỆP_KẾ_HOẠCH", help="tệp kế hoạch cấp trên")
    _office(s)
    s.add_argument("--year", type=parse_year, metavar="NĂM", help="năm của kế hoạch, khi tệp không ghi rõ")
    s.add_argument("--dry-run", action="store_true", help="chỉ đọc và in kết quả, không lưu gì")
    s.add_argument("--only-ours", action="store_true", help="chỉ giữ nhiệm vụ của cơ quan mình (theo tên cơ quan và "
                   "cấp trong tệp dữ liệu; giữ cả mục cha để đọc cho rõ), như nút \"chỉ giữ nhiệm vụ của cơ quan\"")
    _json(s)

    s = sub.add_parser("demo", help="tạo tệp dữ liệu mẫu", description="Tạo một tệp dữ liệu mẫu (xã Lê Lợi) "
                       "để thử chương trình.")
    s.add_argument("--office", required=True, metavar="TỆP", help="tệp dữ liệu mẫu sẽ tạo (.kstthc)")

    s = sub.add_parser("tasks", help="liệt kê nhiệm vụ", description="Liệt kê nhiệm vụ của kế hoạch đang dùng "
                       "với tình trạng tại một ngày.")
    _office(s)
    s.add_argument("--as-of", type=parse_date, metavar="NGÀY", help="đánh giá tình trạng tại ngày này "
                   "(mặc định: hôm nay)")
    _json(s)

    s = sub.add_parser("progress", help="ghi tiến độ một nhiệm vụ", description="Ghi một lần cập nhật tiến độ "
                       "cho một nhiệm vụ (mã nhiệm vụ xem bằng lệnh tasks).")
    _office(s)
    s.add_argument("--task", type=parse_id, required=True, metavar="MÃ", help="mã nhiệm vụ")
    s.add_argument("--percent", type=int, metavar="N", help="tỷ lệ hoàn thành, 0–100")
    s.add_argument("--done", action="store_true", help="đánh dấu đã hoàn thành (vào ngày --date)")
    s.add_argument("--date", type=parse_date, metavar="NGÀY", help="ngày thực hiện (mặc định: hôm nay)")
    s.add_argument("--note", default="", metavar="VĂN_BẢN", help="kết quả thực hiện, ví dụ văn bản đã ban hành")
    s.add_argument("--occurrence", type=int, metavar="LẦN", help="lần thực hiện (nhiệm vụ định kỳ), đếm từ 0")
    _json(s)

    s = sub.add_parser("evidence", help="tài liệu minh chứng", description="Đính kèm, xuất hoặc đóng gói tài liệu "
                       "minh chứng.")
    esub = s.add_subparsers(dest="evidence_command", required=True, metavar="VIỆC")
    e = esub.add_parser("add", help="đính kèm tệp vào một nhiệm vụ", description="Lưu tệp vào tệp dữ liệu và gắn "
                        "với một nhiệm vụ.")
    _office(e)
    e.add_argument("--task", type=parse_id, required=True, metavar="MÃ", help="mã nhiệm vụ")
    e.add_argument("--number", default="", metavar="SỐ", help="số, ký hiệu văn bản, ví dụ 12/KH-UBND")
    e.add_argument("--doc-date", type=parse_date, metavar="NGÀY", help="ngày ban hành văn bản")
    e.add_argument("--summary", default="", metavar="TRÍCH_YẾU", help="trích yếu văn bản")
    e.add_argument("files", nargs="+", metavar="TỆP", help="một hoặc nhiều tệp")
    _json(e)
    e = esub.add_parser("export", help="xuất tài liệu ra thư mục", description="Ghi các tệp minh chứng ra thư mục, "
                        "mỗi nhiệm vụ một thư mục con; không ghi đè tệp có sẵn.")
    _office(e)
    e.add_argument("--to", required=True, metavar="THƯ_MỤC", help="thư mục đích")
    e.add_argument("--period", metavar="KỲ", help="chỉ tài liệu trong kỳ báo cáo này, ví dụ 2026-Q3")
    _json(e)
    e = esub.add_parser("pack", help="đóng gói ZIP phục vụ kiểm tra", description="Một tệp ZIP gồm tài liệu theo "
                        "nhiệm vụ và bảng danh mục minh chứng (.xlsx).")
    _office(e)
    e.add_argument("--out", required=True, metavar="TỆP_ZIP", help="tệp .zip sẽ ghi")
    e.add_argument("--period", metavar="KỲ", help="chỉ tài liệu trong kỳ báo cáo này, ví dụ 2026-Q3")
    _json(e)

    s = sub.add_parser("report", help="xuất báo cáo định kỳ", description="Xuất báo cáo định kỳ đúng thể thức "
                       "Nghị định 30/2020 ra PDF hoặc Word.")
    _office(s)
    s.add_argument("--period", required=True, metavar="KỲ",
                   help="kỳ báo cáo: 2026-Q1, 2026-Q2, 2026-Q3, 2026-Q4, 2026-H1, 2026-9M, 2026-Y")
    s.add_argument("--out", required=True, metavar="TỆP", help="tệp .pdf hoặc .docx sẽ ghi")
    s.add_argument("--as-of", type=parse_date, metavar="NGÀY", help="số liệu tính đến ngày này (mặc định: "
                   "hết kỳ hoặc hôm nay)")
    s.add_argument("--number", default="", metavar="SỐ", help="số báo cáo, ví dụ 05")
    s.add_argument("--date", type=parse_date, metavar="NGÀY", help="ngày ký báo cáo (để trống: chừa chỗ điền tay)")
    s.add_argument("--form06a", metavar="TỆP", help="số liệu Biểu 06a: tệp .json dạng {\"rows\": [{\"field\": "
                   "\"Hộ tịch\", \"c3\": 120, …}]} hoặc tệp .xlsx theo mẫu (lệnh form06a)")
    s.add_argument("--issue", action="store_true", help="ban hành (khóa) báo cáo: lưu bản PDF không sửa được; cần "
                   "--number và kỳ báo cáo đã kết thúc")
    _json(s)

    s = sub.add_parser("form06a", help="tạo mẫu Excel để nhập số liệu Biểu 06a",
                       description="Ghi tệp .xlsx theo mẫu Biểu 06a/VPCP/KSTT (mỗi lĩnh vực một dòng, cột 3–13) để "
                       "điền rồi đưa vào báo cáo bằng --form06a.")
    s.add_argument("--out", required=True, metavar="TỆP", help="tệp .xlsx sẽ ghi")
    s.add_argument("--office", metavar="TỆP", help="tệp dữ liệu (.kstthc): điền sẵn lĩnh vực và cột (6) từ kỳ trước")
    s.add_argument("--period", metavar="KỲ", help="kỳ báo cáo, ví dụ 2026-Q1 (để chuyển số hồ sơ kỳ trước sang)")

    s = sub.add_parser("office", help="xem hoặc sửa thông tin cơ quan",
                       description="In thông tin cơ quan (tên, cấp, địa danh, ký hiệu, người ký, nơi nhận…); với --set "
                       "thì sửa rồi in lại. Các khóa: " + ", ".join(_office_keys()) + ".")
    _office(s)
    s.add_argument("--set", action="append", default=[], metavar="KHÓA=GIÁ_TRỊ",
                   help="sửa một thông tin, ví dụ level=department hoặc name='SỞ TƯ PHÁP'; dùng nhiều lần được")
    _json(s)

    s = sub.add_parser("plan", help="xem hoặc sửa số, ngày của kế hoạch và kế hoạch cấp trên",
                       description="In số, ngày, cơ quan ban hành của kế hoạch đang dùng và của kế hoạch cấp trên mà "
                       "báo cáo trích dẫn; với --set thì sửa. Các khóa: " + ", ".join(_plan_keys()) + ".")
    _office(s)
    s.add_argument("--set", action="append", default=[], metavar="KHÓA=GIÁ_TRỊ",
                   help="sửa một thông tin, ví dụ source_number=12/KH-UBND hoặc source_date=05/01/2026")
    s.add_argument("--plan-id", type=parse_id, metavar="MÃ", help="mã kế hoạch (mặc định: kế hoạch đang dùng)")
    _json(s)

    s = sub.add_parser("plan-document", help="xuất văn bản kế hoạch của cơ quan",
                       description="Xuất Kế hoạch kiểm soát TTHC của cơ quan (kèm Phụ lục) đúng thể thức Nghị định "
                       "30/2020 ra PDF hoặc Word.")
    _office(s)
    s.add_argument("--out", required=True, metavar="TỆP", help="tệp .pdf hoặc .docx sẽ ghi")
    s.add_argument("--date", type=parse_date, metavar="NGÀY", help="ngày ban hành (mặc định: ngày của kế hoạch)")
    _json(s)

    s = sub.add_parser("handback", help="điền kết quả vào tệp kế hoạch của cấp trên",
                       description="Ghi một bản sao tệp kế hoạch cấp trên đã nhập (.xlsx; .xls/.ods thành .xlsx; "
                       ".docx) với các cột kết quả thực hiện được điền đúng dòng từng nhiệm vụ. Tệp gốc không "
                       "bị sửa.")
    _office(s)
    s.add_argument("--out", required=True, metavar="TỆP", help="tệp sẽ ghi: .xlsx (hoặc .docx khi cấp trên gửi "
                   "tệp Word)")
    s.add_argument("--plan", type=parse_id, metavar="MÃ", help="mã kế hoạch (mặc định: kế hoạch đang dùng)")
    s.add_argument("--as-of", type=parse_date, metavar="NGÀY", help="kết quả tính đến ngày này (mặc định: hôm nay)")
    _json(s)

    s = sub.add_parser("rollup", help="tổng hợp báo cáo của nhiều cơ quan",
                       description="Đọc các báo cáo đã ban hành (.pdf có dữ liệu đính kèm hoặc .json) trong một thư "
                       "mục, kiểm tra từng tệp và ghi bảng tổng hợp (.xlsx) hoặc báo cáo tổng hợp (.pdf). "
                       "Không cần tệp dữ liệu của cơ quan.")
    s.add_argument("folder", metavar="THƯ_MỤC", help="thư mục chứa các báo cáo (.pdf, .json), kể cả thư mục con")
    s.add_argument("--out", required=True, metavar="TỆP", help="tệp tổng hợp sẽ ghi: .xlsx (bảng) hoặc .pdf "
                   "(báo cáo theo Nghị định 30)")
    s.add_argument("--period", metavar="KỲ", help="kỳ cần tổng hợp, ví dụ 2026-Q3 (mặc định: kỳ có nhiều báo cáo "
                   "nhất)")
    s.add_argument("--expect", metavar="DANH_SÁCH", help="tệp danh sách cơ quan phải báo cáo (.txt mỗi dòng một "
                   "cơ quan, hoặc .xlsx cột đầu) để biết cơ quan nào chưa gửi")
    s.add_argument("--office", metavar="TỆP", help="tệp dữ liệu của cơ quan tổng hợp, để lấy tên cơ quan, người ký "
                   "cho báo cáo .pdf (không bắt buộc)")
    _json(s)

    s = sub.add_parser("backup", help="sao lưu tệp dữ liệu", description="Sao lưu tệp dữ liệu (mặc định vào thư "
                       "mục sao lưu bên cạnh tệp).")
    _office(s)
    s.add_argument("--to", metavar="THƯ_MỤC", help="thư mục đích, ví dụ ổ USB (bản sao nằm trong thư mục "
                   "<tên tệp>-saoluu ở đó)")
    _json(s)

    s = sub.add_parser("check", help="kiểm tra tính toàn vẹn của tệp dữ liệu",
                       description="Kiểm tra tệp dữ liệu: cấu trúc SQLite, liên kết, khóa báo cáo đã ban hành, "
                       "mã SHA-256 của từng báo cáo và tài liệu minh chứng; mã thoát 1 khi phát hiện lỗi. Chỉ mục "
                       "tìm kiếm lệch với dữ liệu thì được dựng lại.")
    _office(s)
    s.add_argument("--quick", action="store_true", help="chỉ kiểm tra nhanh phần cấu trúc (như khi mở tệp)")
    _json(s)

    s = sub.add_parser("search", help="tìm trong nhiệm vụ, tiến độ và tài liệu minh chứng",
                       description="Tìm mọi nhiệm vụ, lần cập nhật tiến độ và tài liệu minh chứng (cả nội dung "
                       "tệp PDF, Word, Excel) có đủ các từ đã gõ; không phân biệt dấu, hoa thường, đ/d. "
                       "Số văn bản như 418/QĐ-UBND được tìm nguyên cụm.")
    _office(s)
    s.add_argument("query", nargs="+", metavar="TỪ_KHÓA", help="các từ cần tìm, ví dụ: quyết định kiện toàn")
    s.add_argument("--plan", type=int, metavar="MÃ", help="chỉ tìm trong kế hoạch có mã này (mặc định: mọi kế hoạch)")
    s.add_argument("--limit", type=int, default=20, metavar="N", help="số kết quả tối đa mỗi nhóm (mặc định 20)")
    s.add_argument("--no-index", action="store_true", help="tìm ngay, không đọc trước nội dung các tệp minh chứng "
                   "mới đính kèm")
    _json(s)
    return p


def _out(args: argparse.Namespace, data: object, text: str) -> None:
    """Print the result. A reader that went away (closed pipe) does not turn a committed write
    into a failure: a script that sees exit 1 would retry and record it twice."""
    _say(json.dumps(data, ensure_ascii=False, indent=1) if getattr(args, "json", False) else text)


def _say(text: str) -> None:
    if sys.stdout is None:  # started with stdout closed
        return
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except (BrokenPipeError, ValueError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError) and exc.errno not in (
                errno.EPIPE, errno.EINVAL, errno.EBADF):
            raise
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at the null device so the final flush at exit cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        sys.stdout = None  # type: ignore[assignment]


def _environment_error(exc: BaseException) -> str | None:
    """The disk's or the system's refusals, as one Vietnamese line (None: a bug, let it show)."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "full" in text:
            return "ổ đĩa đã đầy: thay đổi chưa được ghi, dữ liệu cũ vẫn nguyên vẹn. Hãy giải phóng dung lượng rồi làm lại."
        if "readonly" in text or "read-only" in text:
            return "tệp hoặc ổ đĩa chỉ cho đọc. Hãy sao chép tệp vào thư mục của bạn rồi làm lại."
        if "locked" in text or "busy" in text:
            return "tệp dữ liệu đang bận (chương trình khác đang ghi). Hãy đợi một lát rồi làm lại."
        if "disk i/o" in text or "unable to open" in text:
            return "lỗi đọc/ghi ổ đĩa. Hãy kiểm tra ổ đĩa (ổ USB có thể đã bị rút) rồi làm lại."
        return None
    if isinstance(exc, OSError) and exc.errno is not None:
        from .storage.atomic import write_error

        return str(write_error(Path(exc.filename or "tệp"), exc))
    return None


def _open(path: str, create: bool = False):  # noqa: ANN202
    from .services import OfficeService

    def said_first(job):  # noqa: ANN001, ANN202 - a year's documents: seconds of copying (stdout stays clean)
        sys.stderr.write("Tệp dữ liệu sẽ được nâng cấp lên định dạng mới; đang sao lưu trước khi nâng cấp…\n")
        sys.stderr.flush()
        return job()

    return OfficeService.open(path, create=create, run_upgrade_backup=said_first)


def cmd_schedule(args: argparse.Namespace) -> int:
    from .core.schedule import describe_schedule, parse_schedule

    sched = parse_schedule(args.text, args.year)
    _out(args, sched.to_json(), describe_schedule(sched))
    return 0


def _task_json(v) -> dict:  # noqa: ANN001 - services.TaskView
    t = v.task
    return {"id": t.id, "number": t.number, "content": t.content, "lead": t.lead_units,
            "coordinating": t.coordinating_units, "deadline_text": t.deadline_text,
            "due": v.due.isoformat() if v.due else None, "status": v.status.value,
            "percent": v.percent, "evidence": v.evidence_count, "commune_role": t.commune_role.value,
            "children": [_task_json(c) for c in v.children]}


def cmd_tasks(args: argparse.Namespace) -> int:
    from .core.model import STATUS_LABELS_VI

    with _open(args.office) as svc:
        plan = svc.current_plan()
        out: list[dict] = []
        lines: list[str] = []
        if plan is not None:
            for section, roots in svc.task_tree(plan.id, args.as_of):
                for v in roots:
                    item = _task_json(v)
                    item["section"] = f"{section.number} {section.title}".strip() if section else ""
                    out.append(item)

            def walk(v, depth: int) -> None:  # noqa: ANN001
                lines.append(f"{'  ' * depth}[{v.task.id}] {v.task.number} {v.task.content[:70]} — "
                             f"{STATUS_LABELS_VI[v.status]}")
                for c in v.children:
                    walk(c, depth + 1)

            for _, roots in svc.task_tree(plan.id, args.as_of):
                for v in roots:
                    walk(v, 0)
        _out(args, {"plan": plan.title if plan else None, "year": plan.year if plan else None, "tasks": out},
             "\n".join(lines) or "Chưa có nhiệm vụ nào.")
    return 0


def cmd_progress(args: argparse.Namespace) -> int:
    from .core.model import ProgressEntry

    if args.percent is None and not args.done and not args.note:
        raise KstthcError("Chưa có gì để ghi.", "Hãy dùng --percent, --done hoặc --note.")
    with _open(args.office) as svc:
        entry = ProgressEntry(task_id=args.task, occurrence=args.occurrence, on=args.date or date.today(),
                              percent=args.percent if args.percent is not None else (100 if args.done else 0),
                              note=args.note, done=args.done)
        entry_id, _ = svc.add_progress(entry)
        _out(args, {"id": entry_id, "task": args.task}, f"Đã ghi tiến độ #{entry_id} cho nhiệm vụ {args.task}.")
    return 0


def cmd_evidence(args: argparse.Namespace) -> int:
    with _open(args.office) as svc:
        if args.evidence_command == "add":
            ids = []
            for f in args.files:
                eid, _ = svc.add_evidence(args.task, f, doc_number=args.number, doc_date=args.doc_date,
                                          summary=args.summary)
                ids.append(eid)
            _out(args, {"ids": ids}, f"Đã đính kèm {len(ids)} tệp vào nhiệm vụ {args.task}.")
        elif args.evidence_command == "export":
            written = svc.export_evidence(args.to, period_code=args.period)
            _out(args, {"files": [str(p) for p in written]}, f"Đã xuất {len(written)} tệp vào {args.to}.")
        else:
            path = svc.pack_for_inspection(args.out, period_code=args.period)
            _out(args, {"out": str(path)}, f"Đã đóng gói minh chứng: {path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from .importers import read_plan

    imported = read_plan(args.file, year=args.year)
    data = imported.to_json()
    if args.dry_run and not args.only_ours:
        ref = imported.reference
        cited = ""
        if not ref.is_empty():
            when = ref.date.strftime("%d/%m/%Y") if ref.date else ref.date_text
            cited = "\nVăn bản: " + " ".join(
                part for part in (ref.title or ref.kind, f"số {ref.number}" if ref.number else "", when,
                                  f"của {ref.issuer}" if ref.issuer else "") if part)
        _out(args, data, f"Đọc được {sum(1 for _ in imported.iter_tasks())} nhiệm vụ, "
                         f"{len(imported.warnings)} cảnh báo (chưa lưu).{cited}")
        return 0
    if not args.dry_run and not imported.year:  # refused before the office file is even created
        raise KstthcError("Chưa xác định được năm của kế hoạch nên chưa lưu.", "Hãy thêm --year NĂM rồi chạy lại.")
    with _open(args.office, create=not args.dry_run) as svc:
        selected = None
        if args.only_ours:
            from .importers import ours_indices

            if not svc.has_office():
                raise KstthcError("Tệp dữ liệu chưa có thông tin cơ quan nên không biết nhiệm vụ nào của mình.",
                                  "Hãy nhập trước: kstthc office --office TỆP --set name=… --set level=…")
            mine = svc.assign_office_roles(imported)
            selected = ours_indices(imported)
            data = imported.to_json()
            data["ours"] = sorted(selected)
            if not mine:
                raise KstthcError("Không thấy nhiệm vụ nào ghi tên cơ quan mình trong cột đơn vị chủ trì, phối hợp.",
                                  "Hãy kiểm tra tên cơ quan (kstthc office) hoặc nhập không có --only-ours.")
        if args.dry_run:
            _out(args, data, f"Đọc được {sum(1 for _ in imported.iter_tasks())} nhiệm vụ, "
                             f"{len(selected or [])} của cơ quan mình (chưa lưu).")
            return 0
        result = svc.apply_import(imported, selected)
    data["stored"] = {"plan_id": result.plan_id, "added": result.added, "changed": result.changed,
                      "removed": result.removed, "kept": result.kept}
    _out(args, data, f"Đã lưu kế hoạch: thêm {result.added}, sửa {result.changed}, bỏ {result.removed} nhiệm vụ.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import create_demo

    path = create_demo(args.office)
    _say(f"Đã tạo dữ liệu mẫu: {path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise KstthcError(f"Không xuất được '{out.name}'.", "Tên tệp phải có đuôi .pdf hoặc .docx.")
    rows = None
    if args.form06a:
        from .reports.form_io import read_rows

        rows = read_rows(args.form06a)
    if args.issue and not args.number.strip():
        raise KstthcError("Báo cáo ban hành phải có số.", "Hãy thêm --number, ví dụ --number 05.")
    with _open(args.office) as svc:
        from .core.periods import parse_period

        parse_period(args.period)
        content = svc.report_content(args.period, number=args.number, on=args.date, as_of=args.as_of,
                                     statistics_rows=rows)
        data: dict = {"out": str(out), "draft": content.draft, "as_of": content.as_of.isoformat()
                      if content.as_of else None, "counts": {s.value: n for s, n in content.counts.items()},
                      "total": content.total_tasks, "started": content.started_tasks, "warnings": content.warnings}
        if args.issue:
            report_id, _ = svc.issue_report(args.period, args.number, args.date or date.today(),
                                            statistics_rows=rows if rows is not None else content.statistics_rows,
                                            as_of=args.as_of)
            if out.suffix.lower() == ".pdf":  # the frozen PDF byte for byte, its data JSON beside it
                data["json"] = str(svc.export_issued_report(report_id, out)[1] or "")
            else:
                svc.render_report(content, out)
            data["issued"] = report_id
            _out(args, data, f"Đã ban hành báo cáo số {args.number} (mã {report_id}) và xuất: {out}")
        else:
            path = svc.render_report(content, out)
            _out(args, data, f"Đã xuất {'dự thảo ' if content.draft else ''}báo cáo: {path}")
    for warning in content.warnings:  # written, then said: what the signer must know (a failure stays one line)
        sys.stderr.write(f"kstthc: lưu ý: {warning}\n")
    return 0


def cmd_form06a(args: argparse.Namespace) -> int:
    from .services import OfficeService

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise KstthcError(f"Không ghi được '{out.name}'.", "Tên tệp mẫu phải có đuôi .xlsx.")
    rows: list[dict] = []
    suffix = ""
    if args.office:
        with _open(args.office) as svc:
            if args.period:
                from .core.periods import parse_period

                suffix = parse_period(args.period).label
                rows = svc.carried_statistics(args.period)
    OfficeService.write_form06a_template(out, rows, suffix)
    _say(f"Đã ghi mẫu Biểu 06a: {out}")
    return 0


def _set_pairs(args: argparse.Namespace) -> dict[str, str]:
    from .services.references import parse_assignments

    return parse_assignments(args.set)


def cmd_office(args: argparse.Namespace) -> int:
    from .services.references import office_json

    changes = _set_pairs(args)
    with _open(args.office, create=bool(changes)) as svc:
        office = svc.set_office_fields(changes)[0] if changes else svc.office()
        data = office_json(office)
    text = "\n".join(f"{k}: {v}" for k, v in data.items()) or "Tệp dữ liệu chưa có thông tin cơ quan."
    _out(args, data, ("Đã lưu.\n" if changes else "") + text)
    return 0


def cmd_plan(args: argparse.Namespace) -> int:
    from .services.references import plan_json

    changes = _set_pairs(args)
    with _open(args.office) as svc:
        if changes:
            plan = svc.set_plan_fields(changes, args.plan_id)[0]
        else:
            plan = svc.plan(args.plan_id) if args.plan_id is not None else svc.current_plan()
        if plan is None:
            raise KstthcError("Tệp dữ liệu chưa có kế hoạch nào.", "Hãy nhập kế hoạch bằng lệnh import.")
        data = plan_json(plan)
    _out(args, data, ("Đã lưu.\n" if changes else "") + "\n".join(f"{k}: {v}" for k, v in data.items()))
    return 0


def cmd_plan_document(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise KstthcError(f"Không xuất được '{out.name}'.", "Tên tệp phải có đuôi .pdf hoặc .docx.")
    with _open(args.office) as svc:
        path = svc.export_plan_document(out, on=args.date)
    _out(args, {"out": str(path)}, f"Đã xuất kế hoạch: {path}")
    return 0


def cmd_handback(args: argparse.Namespace) -> int:
    with _open(args.office) as svc:
        summary = svc.handback(args.out, plan_id=args.plan, as_of=args.as_of)
    data = {"out": str(summary.out), "rows_written": summary.rows_written, "filled": summary.filled,
            "added": summary.added, "missing_rows": [list(x) for x in summary.missing_rows],
            "tasks_without_row": summary.tasks_without_row, "converted_from": summary.converted_from}
    text = f"Đã điền kết quả {summary.rows_written} nhiệm vụ vào bản sao: {summary.out}"
    if summary.tasks_without_row:
        text += f"\n{summary.tasks_without_row} nhiệm vụ tự thêm không có trong tệp của cấp trên (không điền)."
    _out(args, data, text)
    return 0


def cmd_rollup(args: argparse.Namespace) -> int:
    from .services.rollup import read_office_list, roll_up_folder, write_rollup

    out = Path(args.out)
    if out.suffix.lower() not in (".xlsx", ".pdf"):
        raise KstthcError(f"Không ghi được '{out.name}'.", "Tên tệp tổng hợp phải có đuôi .xlsx hoặc .pdf.")
    expected = read_office_list(args.expect) if args.expect else []
    office = None
    if args.office:
        with _open(args.office) as svc:
            office = svc.office()
    rollup = roll_up_folder(args.folder, period=args.period, expected=expected)
    path = write_rollup(rollup, out, office=office, on=date.today())
    data = rollup.to_json()
    data["out"] = str(path)
    lines = [f"Đã tổng hợp {len(rollup.offices)} báo cáo {rollup.period_label}: {path}"]
    lines += [f"Bỏ qua {p.file}: {p.reason}" for p in rollup.problems]
    if rollup.missing:
        lines.append("Chưa gửi báo cáo: " + "; ".join(rollup.missing))
    _out(args, data, "\n".join(lines))
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args.office) as svc:
        path = svc.backup(args.to)
        _out(args, {"backup": str(path)}, f"Đã sao lưu: {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from .core.errors import OfficeFileError
    from .services import OfficeService

    # read-only, no lock, no migration: a damaged file is described, not refused
    report = OfficeService.check_path(args.office, full=not args.quick)
    index = None
    if report.ok and not args.quick:  # the search index is derived data: rebuilt when it drifted
        try:
            with _open(args.office) as svc:
                index = svc.check_search_index(repair=True)
        except OfficeFileError as exc:  # read-only, full or held elsewhere: the file itself was checked
            report.parts.append(_index_part(None, str(exc)))
        else:
            report.parts.append(_index_part(index))
    data = report.to_json()
    if index is not None and not index.ok:
        data["search_index"] = {"repaired": index.repaired, "drifted": index.drifted, "details": index.details}
    if report.ok:
        text = "Tệp dữ liệu bình thường."
        if index is not None and not index.ok:
            text += f" Chỉ mục tìm kiếm lệch với dữ liệu ({', '.join(index.drifted)}) nên đã được dựng lại."
    else:
        lines = []
        for part in report.parts:
            lines.append(f"{part.label}: {'bình thường' if part.ok else 'CÓ LỖI'} ({part.checked} mục)")
            lines.extend(f"  - {msg}" for msg in part.problems)
        lines.append(f"Tệp có lỗi ({len(report.problems())}). Hãy khôi phục từ bản sao lưu gần nhất còn tốt.")
        text = "\n".join(lines)
    _out(args, data, text)
    return 0 if report.ok else 1


def _index_part(index, skipped: str = ""):  # noqa: ANN001, ANN202 - storage.search.IndexCheck → CheckPart
    """The search index as one named part of the check: a drift is rebuilt, so it is a note."""
    from .storage.integrity import CheckPart

    part = CheckPart("search_index", "Chỉ mục tìm kiếm")
    if index is None:
        part.notes.append(f"chưa kiểm tra: {skipped}")
    elif not index.ok:
        part.notes.append(f"lệch với dữ liệu ({', '.join(index.drifted)}), đã được dựng lại")
    return part

class _StderrProgress:
    """File-reading progress for the terminal: one line per file, on stderr (stdout stays clean)."""

    cancelled = False

    def report(self, done: int, total: int, message: str = "") -> None:
        if message:
            sys.stderr.write(f"Đang đọc nội dung tệp {done + 1}/{total}: {message}\n")
            sys.stderr.flush()


_FIELD_VI = {"content": "nội dung", "units": "đơn vị", "deadline": "thời hạn", "products": "sản phẩm",
             "notes": "ghi chú", "note": "kết quả", "date": "ngày", "doc_number": "số, ký hiệu", "name": "tên tệp",
             "summary": "trích yếu", "file": "trong tệp"}


def _hit_json(h) -> dict:  # noqa: ANN001 - core.search.SearchHit
    return {"kind": h.kind, "task_id": h.task_id, "item_id": h.item_id, "plan_id": h.plan_id,
            "task_number": h.task_number, "task_content": h.task_content, "field": h.field, "title": h.title,
            "page": h.page, "snippet": h.snippet.text, "marks": [list(m) for m in h.snippet.marks],
            "score": round(h.score, 4)}


def cmd_search(args: argparse.Namespace) -> int:
    from .storage.search import match_expression

    text = " ".join(args.query).strip()
    if match_expression(text + " ") is None:
        raise KstthcError(f"Không có từ nào để tìm trong '{text}'.", "Hãy gõ chữ hoặc số, ví dụ: quyết định.")
    if not 1 <= args.limit <= 500:
        raise KstthcError("Số kết quả mỗi nhóm phải từ 1 đến 500.", "Hãy sửa --limit.")
    with _open(args.office) as svc:
        if not args.no_index and svc.pending_file_count():
            svc.index_pending_files(_StderrProgress())
        results = svc.search(text + " ", plan_id=args.plan, limit=args.limit)
    groups = {"task": "Nhiệm vụ", "progress": "Tiến độ", "evidence": "Tài liệu minh chứng"}
    data = {"query": text, "counts": results.counts, "at_least": sorted(results.at_least),
            "pending_files": results.pending_files,
            **{key: [_hit_json(h) for h in hits]
               for key, (_, hits) in zip(("tasks", "progress", "evidence"), results.groups(), strict=True)}}
    lines: list[str] = [] if len(results) else [f"Không tìm thấy '{text}'."]
    for kind, hits in results.groups():
        total = results.counts.get(kind, 0)
        if not total:
            continue
        more = "+" if kind in results.at_least else ""
        lines.append(f"{groups[kind]} ({total}{more}{f', hiện {len(hits)}' if len(hits) < total else ''}):")
        for h in hits:
            where = _FIELD_VI[h.field] + (f", trang {h.page}" if h.page else "")
            head = f"NV {h.task_number}".strip() if h.task_number else f"NV #{h.task_id}"
            name = f" {h.title}" if h.title else ""
            if h.kind == "task" and h.field != "content":
                name = f" {h.task_content[:60]}{'…' if len(h.task_content) > 60 else ''}"
            lines.append(f"  [{h.item_id or h.task_id}] {head}{name} – {where}: {h.snippet.marked()}")
    if results.pending_files:
        lines.append(f"(Còn {results.pending_files} tệp minh chứng chưa đọc nội dung.)")
    _out(args, data, "\n".join(lines))
    return 0


COMMANDS = {"schedule": cmd_schedule, "tasks": cmd_tasks, "progress": cmd_progress, "evidence": cmd_evidence,
            "import": cmd_import, "demo": cmd_demo, "report": cmd_report, "backup": cmd_backup, "check": cmd_check,
            "form06a": cmd_form06a, "office": cmd_office, "plan": cmd_plan, "plan-document": cmd_plan_document,
            "handback": cmd_handback, "rollup": cmd_rollup, "search": cmd_search}


# A command is a short process that allocates a great deal and keeps most of it (modules, the report's
# pages) until it ends. At Python's default (a collection per 700 new objects) looking for garbage
# cycles cost a year report ~8 ms; every 100,000 keeps the memory of a long command bounded. And when
# the command is over, the interpreter's shutdown collected everything once more (~30 ms after a
# report, a fifth of it): gc.freeze() leaves what is alive then to the operating system. Files and the
# office file are closed by then (every write is a `with` block), and atexit handlers still run.
CLI_GC_THRESHOLD = (100_000, 50, 50)


def main(argv: list[str] | None = None) -> int:
    standalone = argv is None  # the program itself (console script, python -m, frozen kstthc), not a test
    if standalone:
        gc.set_threshold(*CLI_GC_THRESHOLD)
    try:
        return _run(argv)
    finally:
        if standalone:
            gc.freeze()


def _run(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # `kstthc` alone: say what it can do
        parser.print_help()
        return 0
    from .services import OfficeService

    OfficeService.set_holder_name("kstthc (dòng lệnh)")
    try:
        return COMMANDS[args.command](args)
    except KstthcError as exc:
        return _fail(str(exc))
    except KeyboardInterrupt:
        return _fail("đã dừng.", 130)
    except (OSError, sqlite3.OperationalError) as exc:
        line = _environment_error(exc)
        if line is None:
            raise  # a bug: the traceback is what we need to see
        return _fail(line)


def _fail(line: str, code: int = 2) -> int:
    """One line on stderr (newlines inside a message would break scripts reading it)."""
    text = " ".join(str(line).split())
    try:
        sys.stderr.write(f"kstthc: {text}\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        pass
    return code


if __name__ == "__main__":
    raise SystemExit(main())
