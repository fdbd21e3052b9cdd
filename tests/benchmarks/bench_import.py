"""Benchmark: preview of a 2,000-task workbook (budget < 2 s) beside a raw openpyxl load.

Run: python tests/benchmarks/bench_import.py   (not collected by pytest)
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from timing import median_time  # noqa: E402 - beside this script

BUDGET_S = 2.0
TASKS = 2000
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
DEADLINES = [
    "Thường xuyên năm 2026",
    "Trước ngày 31/8/2026",
    "Quý III năm 2026",
    "Từ tháng 4 đến tháng 11 năm 2026",
]


def write_workbook(path: Path) -> int:
    """A province-shaped plan: title block, two-row merged header, sections, 1 / 1.1 numbering."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Kế hoạch"
    ws.append(
        ["KẾ HOẠCH Kiểm soát thủ tục hành chính và thực hiện cơ chế một cửa, một cửa liên thông năm 2026"]
    )
    ws.merge_cells("A1:F1")
    ws.append(
        ["STT", "Nội dung công việc", "Đơn vị thực hiện", None, "Thời gian hoàn thành", "Sản phẩm dự kiến"]
    )
    ws.append([None, None, "Chủ trì", "Phối hợp", None, None])
    for col in "ABEF":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("C2:D2")
    ws.append(["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"])
    written = 0
    per_section = TASKS // len(ROMAN)
    for s, roman in enumerate(ROMAN):
        ws.append([f"{roman}. NHÓM NHIỆM VỤ SỐ {s + 1}"])
        row = ws.max_row
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
        parent = 0
        for i in range(per_section):
            if i % 5 == 0:
                parent += 1
                number = str(parent)
            else:
                number = f"{parent}.{i % 5}"
            ws.append(
                [
                    number,
                    f"Tổ chức rà soát, đánh giá thủ tục hành chính nhóm {s + 1}, việc {i + 1}\n- Báo cáo kết quả",
                    "Văn phòng UBND tỉnh; Sở Tư pháp",
                    "Các sở, ban, ngành thuộc UBND tỉnh, UBND cấp huyện, UBND cấp xã",
                    DEADLINES[i % len(DEADLINES)],
                    "Báo cáo, văn bản",
                ]
            )
            written += 1
    wb.save(path)
    return written


def main() -> int:
    import openpyxl

    from kstthc_desktop.importers import read_plan

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ke_hoach_2000.xlsx"
        written = write_workbook(path)
        plan = read_plan(path)
        found = sum(1 for _ in plan.iter_tasks())
        assert found == written, (found, written)

        def baseline() -> None:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                openpyxl.load_workbook(path, read_only=False, data_only=True).close()

        raw = median_time(baseline)
        preview = median_time(lambda: read_plan(path))
        size = path.stat().st_size
    print(f"workbook: {written} tasks, {size / 1024:.0f} KB")
    print(f"raw openpyxl.load_workbook (baseline): {raw * 1000:.0f} ms (median of 5)")
    print(f"read_plan (preview):                   {preview * 1000:.0f} ms (median of 5)")
    print(f"ratio read_plan / baseline:            {preview / raw:.2f}x")
    ok = preview < BUDGET_S
    print(f"budget < {BUDGET_S:.1f} s: {'OK' if ok else 'OVER BUDGET'}")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
