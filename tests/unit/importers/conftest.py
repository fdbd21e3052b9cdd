"""Plan files written once per test session (writing them is the slow part)."""

from __future__ import annotations

from pathlib import Path

import pytest

from . import fixtures as fx

DATA = Path(__file__).resolve().parents[2] / "data"


@pytest.fixture(scope="session")
def plan_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plans")


@pytest.fixture(scope="session")
def province_files(plan_dir: Path) -> dict[str, Path]:
    sheets = [fx.province_main(), fx.province_appendix()]
    return {
        "xlsx": fx.write_xlsx(plan_dir / "ke_hoach_tinh.xlsx", sheets),
        "docx": fx.write_docx(plan_dir / "ke_hoach_tinh.docx", sheets, split_after={"Phụ lục I": 10}),
        "ods": fx.write_ods(plan_dir / "ke_hoach_tinh.ods", sheets),
        "xls": DATA / "plan_province.xls",
    }


@pytest.fixture(scope="session")
def commune_files(plan_dir: Path) -> dict[str, Path]:
    sheets = [fx.commune_main(), fx.commune_appendix()]
    return {
        "xlsx": fx.write_xlsx(plan_dir / "ke_hoach_xa.xlsx", sheets),
        "docx": fx.write_docx(plan_dir / "ke_hoach_xa.docx", sheets),
        "ods": fx.write_ods(plan_dir / "ke_hoach_xa.ods", sheets),
        "xls": DATA / "plan_commune.xls",
    }
