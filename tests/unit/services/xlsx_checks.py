"""Reading back an xlsx the program wrote, at the XML level, to prove no cell is a formula."""

from __future__ import annotations

import io
import re
import zipfile

# Excel turns these into formulas (at once, or when the cell is edited). Kept here, not imported
# from the code under test, so a test cannot agree with a bug in it.
FORMULA_STARTS = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def assert_no_formulas(data: bytes) -> list[str]:
    """No ``<f>`` element in any sheet; every formula-like text has Excel's quote prefix.
    Returns the texts of all cells (for the caller's own checks)."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                xml = zf.read(name).decode("utf-8")
                assert not re.search(r"<f[\s>]", xml), f"{name} holds a formula"
                assert 't="f"' not in xml and "t=\"e\"" not in xml
    wb = load_workbook(io.BytesIO(data))
    texts: list[str] = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    assert cell.data_type != "f"
                    if cell.value.startswith(FORMULA_STARTS):
                        assert cell.quotePrefix, f"{cell.coordinate} {cell.value!r} could become a formula"
                    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", cell.value)
    return texts
