"""Write the committed legacy-format fixtures (.xls) from the same specs the tests use.

Python cannot write .xls with the project's own dependencies (python-calamine only reads), so
the .xls files in this folder are generated once with xlwt and committed:

    pip install xlwt   # only for this script
    python tests/data/make_fixtures.py

The .ods fixtures need no committed file: tests write them (fixtures.write_ods).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.unit.importers.fixtures import (  # noqa: E402
    SheetSpec,
    commune_appendix,
    commune_main,
    province_appendix,
    province_main,
)


def write_xls(path: Path, sheets: list[SheetSpec]) -> None:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for spec in sheets:
        ws = book.add_sheet(spec.name)
        merged_origin = {(r0, c0): (r0, c0, r1, c1) for r0, c0, r1, c1 in spec.merges}
        covered = {
            (r, c)
            for r0, c0, r1, c1 in spec.merges
            for r in range(r0, r1 + 1)
            for c in range(c0, c1 + 1)
            if (r, c) != (r0, c0)
        }
        for r, row in enumerate(spec.rows):
            for c, value in enumerate(row):
                if (r, c) in covered:
                    continue
                if (r, c) in merged_origin:
                    r0, c0, r1, c1 = merged_origin[(r, c)]
                    ws.write_merge(r0, r1, c0, c1, "" if value is None else value)
                elif value is not None:
                    ws.write(r, c, value)
    book.save(str(path))


def main() -> None:
    here = Path(__file__).resolve().parent
    write_xls(here / "plan_province.xls", [province_main(), province_appendix()])
    write_xls(here / "plan_commune.xls", [commune_main(), commune_appendix()])
    print("written:", *sorted(p.name for p in here.glob("*.xls")))


if __name__ == "__main__":
    main()
