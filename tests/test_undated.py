"""A task that ends up with no date at all is never silent: `check` warns (W222) where it is written, and
`aidplan tasks` still lists it (with no dates)."""

from __future__ import annotations

from pathlib import Path

TYPO_IN_SECOND_TABLE = """\
title: t
year: 2026
tables:
  - groups: [{label: 3月, tasks: [开展资助政策宣传]}]
    columns: [{header: 工作内容, role: task}]
  - heading: 二、其他工作
    groups: [{label: 13月, tasks: [汇总资助数据]}]
"""

CATEGORIES = """\
title: t
year: 2026
columns:
  - {header: 月, role: group}
  - {header: 内容, role: task}
  - {header: 时间, role: time}
groups:
  - {label: 综合, kind: category, tasks: [{text: 印发简明读本, deadline: 3月}, 5月20日前完成数据核对]}
  - {label: 3月, kind: category, tasks: [组织政策宣传]}
"""

HINT = "请给任务写 deadline:（如“5月31日前”）或给分组写 time: / span:"


def _check(cli, folder: Path, text: str) -> list[str]:
    (folder / "plan.yaml").write_text(text, encoding="utf-8")
    result = cli("check", "-q", "plan.yaml")
    assert result.exit_code == 0, result.stdout
    return result.stdout.splitlines()


def test_a_label_typo_read_as_a_category_is_warned_at_the_task(cli, in_tmp: Path) -> None:
    assert _check(cli, in_tmp, TYPO_IN_SECOND_TABLE) == [
        "plan.yaml:7:35: warning[W222]: 任务 c1.1“汇总资助数据”没有日期：分组“13月”读不成时间，按类别处理，"
        "任务也没有时间、截止日期或文中日期，due、status、export 都不会列出它；" + HINT + "；分组名若本是时间，"
        "请改正写法（如“3月”“第一周”）"
    ]
    listed = cli("tasks", "plan.yaml").stdout
    assert "汇总资助数据" in listed


def test_a_category_written_as_such_names_kind_and_only_undated_tasks_warn(cli, in_tmp: Path) -> None:
    # 印发简明读本 has its time cell, 5月20日前… its date in the text: only 组织政策宣传 has none
    assert _check(cli, in_tmp, CATEGORIES) == [
        "plan.yaml:9:41: warning[W222]: 任务 c2.1“组织政策宣传”没有日期：分组“3月”是类别（kind: category），"
        "不给日期，任务也没有时间、截止日期或文中日期，due、status、export 都不会列出它；" + HINT
    ]
    csv = cli("tasks", "plan.yaml", "-f", "csv").stdout
    assert "组织政策宣传" in csv


def test_a_dated_plan_gets_no_w222(cli, in_tmp: Path) -> None:
    plan = CATEGORIES.replace("[组织政策宣传]", "[{text: 组织政策宣传, deadline: 3月20日前}]")
    assert _check(cli, in_tmp, plan) == []
