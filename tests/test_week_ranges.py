"""Weeks as school 行事历 print them: a run of weeks (第三至四周) is the span of those weeks of the term, and the
预备周 (the week before 第一周) is not warned as lying before the term."""

from __future__ import annotations

from pathlib import Path

PLAN = """\
title: 2026—2027学年第二学期工作安排
year: 2027
term: {name: 2026—2027学年第二学期, start: 2027-02-22}
periods:
  - {label: 预备周, tasks: [a]}
  - {label: 第1周, tasks: [b]}
  - {label: 第2周, tasks: [b2]}
  - {label: 第三至四周, tasks: [c]}
  - {label: 第5-6周, tasks: [d]}
  - {label: 第七、八周, tasks: [e]}
  - {label: 第9周—第10周, tasks: [f]}
"""


def test_week_runs_are_read_and_the_prep_week_is_not_warned(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    check = cli("check", "plan.yaml")
    assert check.exit_code == 0
    assert "E201" not in check.stdout and "W223" not in check.stdout and "W204" not in check.stdout
    rows = {line.split()[2]: line.split()[3:6] for line in cli("tasks", "plan.yaml").stdout.splitlines()[2:]}
    assert rows["预备周"] == ["2027-02-15", "至", "2027-02-21"]
    assert rows["第三至四周"] == ["2027-03-08", "至", "2027-03-21"]
    assert rows["第5-6周"] == ["2027-03-22", "至", "2027-04-04"]
    assert rows["第七、八周"] == ["2027-04-05", "至", "2027-04-18"]
    assert rows["第9周—第10周"] == ["2027-04-19", "至", "2027-05-02"]


def test_a_week_run_backwards_is_an_error(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN.replace("第5-6周", "第6-5周"), encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert check.exit_code == 1
    assert "“第6-5周”的周次无法读出" in check.stdout
