"""In an autumn term running into next year, a category's month-day without a year falls inside the term, and
deadlines in the term's years (期末) or printing their year (次年1月, 12月至次年1月) are not W207."""

from __future__ import annotations

from pathlib import Path

TERM = """\
title: 某中学2026年秋季学期资助工作要点
year: 2026
term: {name: 2026年秋季学期, start: 2026-09-01, end: 2027-01-22}
columns:
  - {header: 项目, role: group}
  - {header: 工作内容, role: task}
  - {header: 时间, role: time}
groups:
  - label: 一、认定
    tasks:
      - {text: 新生认定, deadline: 9月30日前}
      - {text: 动态复核, deadline: 1月}
  - label: 二、发放
    tasks:
      - {text: 寒假慰问, deadline: 1月15日前}
      - {text: 学期总结, deadline: 期末}
"""

YEAR = """\
title: 2026年工作要点
year: 2026
periods:
  - label: 十二月
    tasks:
      - {text: 甲, deadline: 次年1月}
      - {text: 乙, deadline: 12月至次年1月}
"""


def test_a_category_month_in_an_autumn_term_is_next_january(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(TERM, encoding="utf-8")
    check = cli("check", "plan.yaml")
    assert "W207" not in check.stdout and "W225" not in check.stdout
    rows = {line.split()[-1]: line.split()[3:7] for line in cli("tasks", "plan.yaml").stdout.splitlines()[2:]}
    assert rows["动态复核"] == ["2027-01-01", "至", "2027-01-31", "任务时间"]
    assert rows["寒假慰问"][:1] == ["—"]
    assert "2027-01-15" in cli("tasks", "plan.yaml").stdout.split("寒假慰问")[0].splitlines()[-1]
    assert rows["学期总结"] == ["2027-01-09", "至", "2027-01-22", "任务时间"]


def test_a_deadline_printing_next_year_is_not_w207(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(YEAR, encoding="utf-8")
    check = cli("check", "plan.yaml")
    assert check.stdout == ""
    assert "检查了 1 个文件：0 个错误，0 个警告" in check.stderr
