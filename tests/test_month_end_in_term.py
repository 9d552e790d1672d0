"""A duty due at each month's end in a term that ends before its last month does (每月 in an autumn term ending
on 23 January): that month's occurrence is due on the term's last day; a duty due on a named day (每月25日前)
only when the day falls within the term."""

from __future__ import annotations

import json
from pathlib import Path

PLAN = """title: 某校2025年秋季学期资助工作安排
year: 2025
term: {name: 2025年秋季学期, start: 2025-09-01, end: 2026-01-23}
columns:
  - {header: 类别, role: group}
  - {header: 工作内容, role: task}
  - {header: 完成时限, role: time}
groups:
  - label: 一、日常工作
    tasks:
      - {text: 更新资助信息系统, deadline: 每月}
      - {text: 报送资金发放月报, deadline: 每月20日前}
      - {text: 报送资助统计月报, deadline: 每月25日前}
      - {text: 报送季度进展, deadline: 每季度末}
"""


def _occurrences(cli, plan: str) -> dict[str, list[str]]:
    rows = json.loads(cli("tasks", "-f", "json", plan).stdout)["plans"][0]["tasks"]
    return {row["id"]: row["occurrences"] for row in rows}


def test_the_last_month_of_the_term_has_its_month_end_duty_on_the_terms_last_day(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    assert cli("check", "-q", "plan.yaml").stdout == ""
    assert _occurrences(cli, "plan.yaml") == {
        "c1.1": ["2025-09-30", "2025-10-31", "2025-11-30", "2025-12-31", "2026-01-23"],
        "c1.2": ["2025-09-20", "2025-10-20", "2025-11-20", "2025-12-20", "2026-01-20"],
        "c1.3": ["2025-09-25", "2025-10-25", "2025-11-25", "2025-12-25"],  # 1月25日 is after the term
        "c1.4": ["2025-09-30", "2025-12-31"],  # no quarter ends in January
    }
    due = cli("due", "plan.yaml", "--today", "2026-01-19", "--within", "7").stdout.splitlines()
    assert due[due.index(" 即将到期（2）") :] == [
        " 即将到期（2）",
        "  c1.2@1-20   2026-01-20  还有1天       一、日常工作  报送资金发放月报",
        "  c1.1@1-23   2026-01-23  还有4天       一、日常工作  更新资助信息系统",
    ]
    assert cli("export", "plan.yaml", "-f", "csv", "-o", "plan.csv").exit_code == 0
    rows = (in_tmp / "plan.csv").read_text(encoding="utf-8-sig").splitlines()
    assert (
        "某校2025年秋季学期资助工作安排,c1.1@1-23,一、日常工作,更新资助信息系统,,2026-01-23,星期五,是,每月例行" in rows
    )
    done = cli("done", "plan.yaml", "c1.1", "--on", "2026-01-21")
    assert "  c1.1 是例行任务：这条记录只记 c1.1@1-23 这一次" in done.stdout.splitlines()


def test_a_spring_term_ending_in_july_and_a_month_group_ending_at_the_months_end(cli, in_tmp: Path) -> None:
    spring = PLAN.replace("2025年秋季学期", "2026年春季学期").replace("year: 2025", "year: 2026")
    spring = spring.replace("start: 2025-09-01, end: 2026-01-23", "start: 2026-03-02, end: 2026-07-10")
    (in_tmp / "plan.yaml").write_text(spring, encoding="utf-8")
    found = _occurrences(cli, "plan.yaml")
    assert found["c1.1"] == ["2026-03-31", "2026-04-30", "2026-05-31", "2026-06-30", "2026-07-10"]
    assert found["c1.4"] == ["2026-03-31", "2026-06-30"]
    # a plan without a term: every month's end, as before
    year = spring.replace("term: {name: 2026年春季学期, start: 2026-03-02, end: 2026-07-10}\n", "")
    (in_tmp / "plan.yaml").write_text(year, encoding="utf-8")
    assert _occurrences(cli, "plan.yaml")["c1.1"][-2:] == ["2026-11-30", "2026-12-31"]
