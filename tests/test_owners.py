"""Owner cells written as lists (学生处、团委): printed as written, counted for each owner in `status`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aidplan.plan.owners import split_owners


@pytest.mark.parametrize(
    ("cell", "owners"),
    [
        ("学生处、团委", ("学生处", "团委")),
        ("各县区资助中心、各学校", ("各县区资助中心", "各学校")),
        ("教务处/学生处", ("教务处", "学生处")),
        ("教务处／学生处", ("教务处", "学生处")),
        ("学生处和团委", ("学生处", "团委")),
        ("A和B", ("A", "B")),
        ("校团委及各学院", ("校团委", "各学院")),
        ("教育局与财政局", ("教育局", "财政局")),
        ("班主任和辅导员", ("班主任", "辅导员")),
        ("学生处，财务处；后勤处", ("学生处", "财务处", "后勤处")),
        (" 学生处 、 团委 ", ("学生处", "团委")),
        ("学生处、学生处", ("学生处",)),
        # one office whose name holds 和: not cut
        ("人力资源和社会保障局", ("人力资源和社会保障局",)),
        ("住房和城乡建设局、财政局", ("住房和城乡建设局", "财政局")),
        ("工业和信息化局及财政局", ("工业和信息化局", "财政局")),
        # nothing is cut inside brackets
        ("学生处（资助中心、团委）", ("学生处（资助中心、团委）",)),
        ("资助中心", ("资助中心",)),
        ("", ()),
        (None, ()),
    ],
)
def test_split_owners(cell: str | None, owners: tuple[str, ...]) -> None:
    assert split_owners(cell) == owners


PLAN = """\
title: 2021年春季学期学生资助工作安排
year: 2021
owners: true
periods:
  - label: 3月份
    tasks:
      - {text: 开展资助政策宣传, owner: 学生处、团委}
      - {text: 认定家庭经济困难学生, owner: 学生处}
      - {text: 发放国家助学金, owner: 教务处/学生处}
      - {text: 开展诚信教育, owner: 人力资源和社会保障局}
      - 整理资助档案
"""


def test_a_task_with_two_owners_counts_for_each(cli, in_tmp: Path) -> None:
    (in_tmp / "p.yaml").write_text(PLAN, encoding="utf-8")
    cli("done", "p.yaml", "3.1", "3.3", "--on", "2021-03-20")
    payload = json.loads(cli("status", "p.yaml", "--today", "2021-04-02", "-f", "json").stdout)["plans"][0]
    assert (payload["done"], payload["total"]) == (2, 5)  # the plan counts each task once
    assert [(o["owner"], o["done"], o["total"], o["overdue"]) for o in payload["owners"]] == [
        ("学生处", 2, 3, 1),
        ("团委", 1, 1, 0),
        ("教务处", 1, 1, 0),
        ("人力资源和社会保障局", 0, 1, 1),
        ("（未指定）", 0, 1, 1),
    ]
    text = cli("status", "p.yaml", "--today", "2021-04-02").stdout.splitlines()
    assert text[text.index(" 按责任单位") :] == [
        " 按责任单位",
        "  学生处                2/3（67%），逾期 1",
        "  团委                  1/1（100%）",
        "  教务处                1/1（100%）",
        "  人力资源和社会保障局  0/1（0%），逾期 1",
        "  （未指定）            0/1（0%），逾期 1",
    ]
    markdown = cli("status", "p.yaml", "--today", "2021-04-02", "-f", "md").stdout
    assert "| 学生处 | 2 | 3 | 67% | 1 |\n| 团委 | 1 | 1 | 100% | 0 |\n| 教务处 | 1 | 1 | 100% | 0 |" in markdown


def test_owner_lists_are_printed_as_written(cli, in_tmp: Path) -> None:
    (in_tmp / "p.yaml").write_text(PLAN, encoding="utf-8")
    table = cli("render", "p.yaml", "-o", "-").stdout
    assert "| 1、开展资助政策宣传 | 学生处、团委 |" in table
    assert "| 3、发放国家助学金 | 教务处/学生处 |" in table
    due = json.loads(cli("due", "p.yaml", "--today", "2021-03-10", "-f", "json").stdout)["items"]
    assert [item["owner"] for item in due][:3] == ["学生处、团委", "学生处", "教务处/学生处"]


def test_the_dashboard_breaks_owner_lists_down(cli, in_tmp: Path) -> None:
    (in_tmp / "p.yaml").write_text(PLAN, encoding="utf-8")
    cli("status", "p.yaml", "--today", "2021-04-02", "-f", "html", "-o", "s.html")
    page = (in_tmp / "s.html").read_text(encoding="utf-8")
    breakdown = page[page.index("按责任单位</caption>") :]
    rows = [row for row in breakdown.split('<th scope="row">')[1:6]]
    assert [row.split("</th>")[0] for row in rows] == ["学生处", "团委", "教务处", "人力资源和社会保障局", "（未指定）"]
    assert '<td class="owner">学生处、团委</td>' in page  # the task's own row prints the cell as written


def test_the_workbook_counts_each_owner_by_formula_over_what_staff_fill_in(cli, in_tmp: Path) -> None:
    """status -f xlsx: a sheet 按责任单位 whose counts follow the plan sheet's status cells; a row of 学生处、团委
    counts for both. Recalculated by LibreOffice Calc, the numbers are those of `status`."""
    import os
    import shutil
    import subprocess

    from openpyxl import load_workbook

    (in_tmp / "p.yaml").write_text(PLAN, encoding="utf-8")
    cli("done", "p.yaml", "3.1", "3.3", "--on", "2021-03-20")
    assert cli("status", "p.yaml", "--today", "2021-04-02", "-f", "xlsx", "-o", "s.xlsx").exit_code == 0
    book = load_workbook(in_tmp / "s.xlsx")
    assert book.sheetnames == ["p", "按责任单位", "aidplan", "aidplan-rows"]
    rows = [list(row) for row in book["按责任单位"].iter_rows(values_only=True)]
    assert rows[0] == ["计划", "责任单位", "总数", "已完成", "完成率", "逾期未完成", "已取消"]
    assert [row[1] for row in rows[1:]] == ["学生处", "团委", "教务处", "人力资源和社会保障局", "（未指定）"]
    rows_of = "ISNUMBER(MATCH(ROW('p'!$F$2:$F$6),{2,3,4},0))"  # 学生处: its own row, 学生处、团委, 教务处/学生处
    assert rows[1][2:4] == [
        f"=3-SUMPRODUCT(('p'!$F$2:$F$6=\"已取消\")*{rows_of})",
        f"=SUMPRODUCT(('p'!$F$2:$F$6=\"已完成\")*{rows_of})",
    ]
    soffice = shutil.which("soffice")
    if soffice is None and not os.environ.get("CI"):
        pytest.skip("LibreOffice not installed")
    filter_options = "csv:Text - txt - csv (StarCalc):44,34,UTF8,1,,0,false,true,false,false,false,2"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{in_tmp}/profile", "--headless", "--convert-to", filter_options,
         "--outdir", str(in_tmp / "csv"), str(in_tmp / "s.xlsx")],
        capture_output=True, timeout=180, check=False,
    )  # fmt: skip
    computed = in_tmp / "csv" / "s-按责任单位.csv"
    if not computed.exists():
        if os.environ.get("CI"):
            raise AssertionError("CI must recalculate the workbook: install libreoffice-calc-nogui")
        pytest.skip("LibreOffice Calc not installed (libreoffice-calc-nogui)")
    counts = [line.split(",")[1:] for line in computed.read_text(encoding="utf-8").splitlines()[1:]]
    # TODAY() is today, long after these 2021 deadlines: every open item is overdue, as `status` says on 2021-04-02
    assert [(owner, total, done, overdue, dropped) for owner, total, done, _, overdue, dropped in counts] == [
        ("学生处", "3", "2", "1", "0"),
        ("团委", "1", "1", "0", "0"),
        ("教务处", "1", "1", "0", "0"),
        ("人力资源和社会保障局", "1", "0", "1", "0"),
        ("（未指定）", "1", "0", "1", "0"),
    ]
