"""The printed forms are read wherever a date is printed: in task text (2026.3.15前, 3/15前, 春节前, 每季度末…) as in
deadline cells, and ranges printed with their year at both ends (2026年9月1日—2026年10月31日, 2026.9.1-10.31)."""

from __future__ import annotations

import json
from pathlib import Path

TEXT = """\
title: 某县2026年学生资助工作计划
year: 2026
periods:
  - label: 一至二月
    tasks:
      - 春节前完成困难学生走访慰问
  - label: 三月
    tasks:
      - 2026.3.16前报送名单
      - 3/16前报送名单
      - 2026/3/16前报送名单
      - 发放补助资金10.5万元
  - label: 四至十二月
    tasks:
      - 国庆节前完成新生资助政策宣传
"""

CATEGORIES = """\
title: 某县2026年学生资助工作要点
year: 2026
columns:
  - {header: 类别, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 一、资金管理
    tasks:
      - 每月20日前报送资金发放进度
      - 每季度末报送季报
      - 每月底前报送月报
"""

RANGES = """\
title: t
year: 2026
columns:
  - {header: 类, role: group}
  - {header: 内容, role: task}
  - {header: 时限, role: time}
groups:
  - label: 一、综合
    tasks:
      - {text: a1, deadline: '2026年9月1日—2026年10月31日'}
      - {text: a2, deadline: '2026年9月1日至2026年10月31日'}
      - {text: a3, deadline: '2026.9.1-2026.10.31'}
      - {text: a4, deadline: '2026.9.1-10.31'}
      - {text: a5, deadline: '2026年12月1日—2027年1月15日'}
      - {text: a6, deadline: '2026年秋季'}
      - {text: a7, deadline: '全年（每月）'}
      - {text: a8, deadline: '9月1日（周二）—30日（周三）'}
"""


def _rows(cli) -> list[tuple]:
    rows = json.loads(cli("tasks", "-f", "json", "plan.yaml").stdout)["plans"][0]["tasks"]
    return [
        (row["id"], row["start"], row["end"], row["deadline"] or row["occurrences"][:2], row["deadline_source"])
        for row in rows
    ]


def test_dates_in_task_text(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(TEXT, encoding="utf-8")
    assert cli("check", "-q", "plan.yaml").stdout.count("error") == 0
    assert [(row[0], row[3], row[4]) for row in _rows(cli)] == [
        ("1.1", "2026-02-16", "text"),  # the day before 春节 (2026-02-17)
        ("3.1", "2026-03-16", "text"),
        ("3.2", "2026-03-16", "text"),
        ("3.3", "2026-03-16", "text"),
        ("3.4", "2026-03-31", "period-end"),  # 10.5万元 is an amount, not a date
        ("4.1", "2026-09-30", "text"),
    ]
    assert "文中日期“春节前”" in cli("tasks", "plan.yaml").stdout


def test_duties_in_the_text_of_a_plan_of_categories(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(CATEGORIES, encoding="utf-8")
    check = cli("check", "plan.yaml")
    assert (check.stdout, check.stderr.strip()) == ("", "检查了 1 个文件：0 个错误，0 个警告")  # no W222
    assert [(row[0], row[3], row[4]) for row in _rows(cli)] == [
        ("c1.1", ["2026-01-20", "2026-02-20"], "monthly"),
        ("c1.2", ["2026-03-31", "2026-06-30"], "recurring"),
        ("c1.3", ["2026-01-31", "2026-02-28"], "monthly"),
    ]


def test_ranges_printed_with_their_years(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(RANGES, encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert check.stdout == ""
    assert [row[1:4] for row in _rows(cli)] == [
        ("2026-09-01", "2026-10-31", "2026-10-31"),
        ("2026-09-01", "2026-10-31", "2026-10-31"),
        ("2026-09-01", "2026-10-31", "2026-10-31"),
        ("2026-09-01", "2026-10-31", "2026-10-31"),
        ("2026-12-01", "2027-01-15", "2027-01-15"),
        ("2026-09-01", "2027-01-31", "2027-01-31"),  # 秋季: September to January
        (None, None, ["2026-01-31", "2026-02-28"]),  # 全年（每月）: every month
        ("2026-09-01", "2026-09-30", "2026-09-30"),
    ]
