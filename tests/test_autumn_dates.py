"""A date typed without its year (1月5日) in the 台账 workbook, `done --on` and `due --today` falls in the plan's
span: in an autumn-term plan (2026-09-01 .. 2027-01-22) January is January 2027, not January 2026."""

from __future__ import annotations

import shutil
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import DATA

PLAN = DATA / "forms" / "autumn-term-forms.yaml"


def test_the_ledger_reads_january_in_the_terms_year(cli, in_tmp: Path) -> None:
    shutil.copy(PLAN, in_tmp / "autumn.yaml")
    assert cli("status", "autumn.yaml", "-f", "xlsx", "-d", "build", "--today", "2027-01-10").exit_code == 0
    book = Path("build/autumn.status.xlsx")
    workbook = load_workbook(book)
    sheet = workbook["autumn"]
    row = next(cell.row for cell in sheet["A"] if cell.value == "c1.6")  # 寒假慰问
    sheet[f"F{row}"], sheet[f"G{row}"] = "已完成", "1月5日"
    workbook.save(book)
    result = cli("progress", "import", book, "--today", "2027-01-20")
    assert result.exit_code == 0, result.output
    assert f"第 {row} 行  c1.6：已完成（2027-01-05）" in result.stdout


def test_done_on_and_due_today_read_january_in_the_terms_year(cli, in_tmp: Path) -> None:
    shutil.copy(PLAN, in_tmp / "autumn.yaml")
    done = cli("done", "autumn.yaml", "c1.6", "--on", "1月5日")
    assert done.exit_code == 0
    assert done.stdout.startswith("已记录 c1.6：已完成（2027-01-05）")
    assert "date: 2027-01-05" in Path("autumn.progress.yaml").read_text(encoding="utf-8")
    # and a September day stays in 2026
    assert cli("done", "autumn.yaml", "c1.2", "--on", "9月28日").stdout.startswith("已记录 c1.2：已完成（2026-09-28）")
    due = cli("due", "autumn.yaml", "--today", "1月5日", "--color", "never")
    assert due.stdout.startswith("今天：2027-01-05")


def test_with_several_plans_of_one_year_the_year_is_theirs(cli, in_tmp: Path) -> None:
    shutil.copy(PLAN, in_tmp / "autumn.yaml")
    shutil.copy(DATA / "forms" / "forms.yaml", in_tmp / "forms.yaml")
    due = cli("due", "autumn.yaml", "forms.yaml", "--today", "1月5日", "--color", "never")
    assert due.stdout.startswith("今天：2026-01-05")
