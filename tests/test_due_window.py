"""`due` lists under 本期任务 only the current occurrences of a monthly duty in a 全年 group, not all twelve."""

from __future__ import annotations

import json
from pathlib import Path

COUNTY = """\
title: 2026年学生资助工作计划
year: 2026
periods:
  - label: 全年
    tasks:
      - 每月20日前更新维护学生资助管理信息系统数据
      - 全面落实各项学生资助政策
  - label: 2月
    tasks:
      - 2月20日前完成春季学期资助资金预算
  - label: 3-12月
    tasks:
      - 做好各学段资助工作
"""


def _items(cli, folder: Path, today: str) -> list[tuple[str, str, str]]:
    (folder / "county.yaml").write_text(COUNTY, encoding="utf-8")
    result = cli("due", "county.yaml", "--today", today, "-f", "json")
    return [(i["id"], i["deadline"], i["group"]) for i in json.loads(result.stdout)["items"]]


def test_the_next_occurrence_is_due_soon_and_the_other_eleven_stay_out(cli, in_tmp: Path) -> None:
    assert _items(cli, in_tmp, "2026-01-15") == [
        ("1.1@1-20", "2026-01-20", "upcoming"),
        ("1.2", "2026-12-31", "current"),
    ]
    text = cli("due", "county.yaml", "--today", "2026-01-15").stdout
    assert "1.1@2-20" not in text and "1.1@12-20" not in text
    assert " 本期任务：全年（1）" in text


def test_after_this_month_s_day_the_next_month_s_is_the_current_one(cli, in_tmp: Path) -> None:
    assert _items(cli, in_tmp, "2026-01-25") == [
        ("1.1@1-20", "2026-01-20", "overdue"),
        ("1.1@2-20", "2026-02-20", "current"),
        ("1.2", "2026-12-31", "current"),
    ]
    # once done, this month's occurrence leaves the list; next month's stays the only one
    (in_tmp / "county.progress.yaml").write_text("- {task: 1.1@1-20, status: done, date: 2026-01-20}\n", "utf-8")
    assert _items(cli, in_tmp, "2026-01-25") == [
        ("1.1@2-20", "2026-02-20", "current"),
        ("1.2", "2026-12-31", "current"),
    ]
