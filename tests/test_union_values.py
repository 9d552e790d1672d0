"""A value that fits no member of a union (`header: 123` is neither a text nor a list of texts) is one mistake:
one E110 at the value, named by its key, not one finding per member tried (“str”…, “list[str]”…)."""

from __future__ import annotations

from pathlib import Path

PLAN = """\
title: t
year: 2026
columns:
  - {header: 123, role: group}
  - {header: 内容, role: task}
groups:
  - label: 3月
    tasks: [a]
"""


def test_a_number_as_a_header_is_one_finding(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    check = cli("check", "plan.yaml")
    assert check.exit_code == 1
    assert check.stdout.splitlines() == [
        "plan.yaml:4:14: error[E110]: “header”应为文本，或文字的列表（每项以“- ”开头），实际是整数 123"
        '（数字样子的文字请加引号，如 "123"）'
    ]
    assert check.stderr.strip() == "检查了 1 个文件：1 个错误，0 个警告"
    english = cli("--lang", "en", "check", "-q", "plan.yaml").stdout.splitlines()
    assert len(english) == 1 and "a text or a list of texts" in english[0]


def test_a_list_of_numbers_as_two_header_rows_names_the_item(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN.replace("header: 123", "header: [完成情况, 1]"), encoding="utf-8")
    check = cli("check", "plan.yaml")
    assert check.stdout.splitlines() == [
        'plan.yaml:4:21: error[E110]: “header的第 2 项”应为文本，实际是整数 1（数字样子的文字请加引号，如 "1"）'
    ]
