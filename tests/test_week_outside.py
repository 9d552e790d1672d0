"""A week printed under a month it does not fall in, or numbered past the term, is warned (W223) where it is
written; a week across the month's edge and 寒假 outside the term are not."""

from __future__ import annotations

from pathlib import Path

TERM = """\
title: 2025—2026学年第一学期德育工作安排
year: 2025
term: {name: 2025—2026学年第一学期, start: 2025-09-01, end: 2026-01-23}
columns:
  - {header: 月份, role: group}
  - {header: 周次, role: group}
  - {header: 主要活动, role: task}
groups:
  - label: 九月
    groups:
      - {label: 第一周, tasks: [开学典礼]}
      - {label: 第五周, tasks: [国庆节前安全教育]}
  - label: 十月
    groups:
      - {label: 第二周, tasks: [主题班会]}
  - label: 一月
    groups:
      - {label: 第二十周, tasks: [期末考试]}
      - {label: 第二十一周, tasks: [休业式]}
"""


def _check(cli, folder: Path, text: str) -> list[str]:
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    return [line for line in cli("check", "-q", "plan.yaml").stdout.splitlines() if "W223" in line]


def test_a_week_of_october_dated_in_september_is_warned(cli, in_tmp: Path) -> None:
    # 第五周 (9-29..10-05) runs across the month's end: it shares days with 九月 and is not warned
    assert _check(cli, in_tmp, TERM) == [
        "plan.yaml:15:17: warning[W223]: 分组“第二周”的日期（2025-09-08 至 2025-09-14）不在它所属的分组“十月”"
        "（2025-10-01 至 2025-10-31）之内；请核对周次或所属分组，或给它写 span:"
    ]


def test_a_week_past_the_term_is_warned(cli, in_tmp: Path) -> None:
    plan = TERM.replace("{label: 第二周,", "{label: 第六周,").replace("第二十一周", "第二十五周")
    assert _check(cli, in_tmp, plan) == [
        "plan.yaml:19:17: warning[W223]: “第二十五周”（2026-02-16 至 2026-02-22）在学期（2025-09-01 至 2026-01-23）"
        "之外；请核对周次或 term 的起止日期"
    ]
