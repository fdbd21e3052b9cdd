"""Headless commands (DESIGN.md §8): stable, scripted against. No Qt here.

Exit 0 on success, 2 on bad input with one line on stderr; the office file is never half-written
because every service write is one transaction.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path

from .core.errors import KstthcError


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, as for every bad input
        sys.stderr.write(f"kstthc: {message}\n")
        raise SystemExit(2)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ngày không hợp lệ '{text}' (dạng YYYY-MM-DD)") from None


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog="kstthc", description="KSTTHC Desktop – lệnh không giao diện")
    sub = p.add_subparsers(dest="command", required=True, parser_class=_Parser)

    s = sub.add_parser("schedule", help="phân tích một cụm thời hạn")
    s.add_argument("text")
    s.add_argument("--year", type=int)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("import", help="đọc (và lưu) kế hoạch cấp trên")
    s.add_argument("file")
    s.add_argument("--office", required=True)
    s.add_argument("--year", type=int)
    s.add_argument("--dry-run", action="store_true")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("demo", help="tạo tệp dữ liệu mẫu")
    s.add_argument("--office", required=True)

    s = sub.add_parser("tasks", help="liệt kê nhiệm vụ")
    s.add_argument("--office", required=True)
    s.add_argument("--as-of", type=_date)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("progress", help="ghi tiến độ một nhiệm vụ")
    s.add_argument("--office", required=True)
    s.add_argument("--task", type=int, required=True)
    s.add_argument("--percent", type=int)
    s.add_argument("--done", action="store_true")
    s.add_argument("--date", type=_date)
    s.add_argument("--note", default="")
    s.add_argument("--occurrence", type=int)
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("evidence", help="tài liệu minh chứng")
    esub = s.add_subparsers(dest="evidence_command", required=True, parser_class=_Parser)
    e = esub.add_parser("add")
    e.add_argument("--office", required=True)
    e.add_argument("--task", type=int, required=True)
    e.add_argument("--number", default="")
    e.add_argument("--doc-date", type=_date)
    e.add_argument("--summary", default="")
    e.add_argument("files", nargs="+")
    e.add_argument("--json", action="store_true")
    e = esub.add_parser("export")
    e.add_argument("--office", required=True)
    e.add_argument("--to", required=True)
    e.add_argument("--period", help="only evidence dated in this report period, e.g. 2026-Q3")
    e.add_argument("--json", action="store_true")
    e = esub.add_parser("pack", help="ZIP for inspection, with an index workbook")
    e.add_argument("--office", required=True)
    e.add_argument("--out", required=True)
    e.add_argument("--period")
    e.add_argument("--json", action="store_true")

    s = sub.add_parser("report", help="xuất báo cáo định kỳ")
    s.add_argument("--office", required=True)
    s.add_argument("--period", required=True)
    s.add_argument("--out", required=True)
    s.add_argument("--as-of", type=_date)
    s.add_argument("--number", default="")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("backup", help="sao lưu tệp dữ liệu")
    s.add_argument("--office", required=True)
    s.add_argument("--to")
    s.add_argument("--json", action="store_true")

    s = sub.add_parser("check", help="kiểm tra tính toàn vẹn của tệp dữ liệu")
    s.add_argument("--office", required=True)
    s.add_argument("--json", action="store_true")
    return p


def _out(args: argparse.Namespace, data: object, text: str) -> None:
    if getattr(args, "json", False):
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        print(text)


def _open(path: str, create: bool = False):  # noqa: ANN202
    from .services import OfficeService

    return OfficeService.open(path, create=create)


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
    if args.dry_run:
        _out(args, data, f"Đọc được {sum(1 for _ in imported.iter_tasks())} nhiệm vụ, "
                         f"{len(imported.warnings)} cảnh báo (chưa lưu).")
        return 0
    with _open(args.office, create=True) as svc:
        result = svc.apply_import(imported)
    data["stored"] = {"plan_id": result.plan_id, "added": result.added, "changed": result.changed,
                      "removed": result.removed, "kept": result.kept}
    _out(args, data, f"Đã lưu kế hoạch: thêm {result.added}, sửa {result.changed}, bỏ {result.removed} nhiệm vụ.")
    return 0


def cmd_demo(args: argparse.Namespace) -> int:
    from .services.demo import create_demo

    path = create_demo(args.office)
    print(f"Đã tạo dữ liệu mẫu: {path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    out = Path(args.out)
    if out.suffix.lower() not in (".pdf", ".docx"):
        raise KstthcError(f"Không xuất được '{out.name}'.", "Tên tệp phải có đuôi .pdf hoặc .docx.")
    with _open(args.office) as svc:
        path = svc.export_report(args.period, out, number=args.number, as_of=args.as_of)
        _out(args, {"out": str(path)}, f"Đã xuất báo cáo: {path}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    with _open(args.office) as svc:
        path = svc.backup(args.to)
        _out(args, {"backup": str(path)}, f"Đã sao lưu: {path}")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    with _open(args.office) as svc:
        problem = svc.check()
    if problem:
        _out(args, {"ok": False, "problem": problem}, f"Tệp có lỗi: {problem}")
        return 1
    _out(args, {"ok": True}, "Tệp dữ liệu bình thường.")
    return 0


COMMANDS = {"schedule": cmd_schedule, "tasks": cmd_tasks, "progress": cmd_progress, "evidence": cmd_evidence,
            "import": cmd_import, "demo": cmd_demo, "report": cmd_report, "backup": cmd_backup, "check": cmd_check}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KstthcError as exc:
        sys.stderr.write(f"kstthc: {exc}\n")
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("kstthc: đã dừng.\n")
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
