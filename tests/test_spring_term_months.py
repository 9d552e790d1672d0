"""A month group after week groups in a spring term is that spring's month: the year rolls over only into a month
that lies in the term (an autumn term's 一月), never out of it (a spring term's 4月 is not next April)."""

from __future__ import annotations

from pathlib import Path

PLAN = """\
title: 2026—2027学年第二学期工作安排
year: {year}
term: {{name: 2026—2027学年第二学期, start: 2027-02-20, end: 2027-07-10}}
columns:
  - {{header: 周次, role: group}}
  - {{header: 工作内容, role: task}}
groups:
{weeks}  - label: 4月
    tasks: [资助政策宣传月]
"""
NUMBERS = "一二三四五六七八九十"


def _plan(year: int, weeks: int) -> str:
    listed = "".join(f"  - label: 第{NUMBERS[n]}周\n    tasks: [第{n + 1}周工作]\n" for n in range(weeks))
    return PLAN.format(year=year, weeks=listed)


def _row(cli, label: str) -> list[str]:
    line = next(line for line in cli("tasks", "plan.yaml").stdout.splitlines() if f" {label} " in line)
    return line.split()[3:6]


def test_april_after_five_weeks_is_this_april(cli, in_tmp: Path) -> None:
    for year in (2027, 2026):  # the plan's year as the spring's, or as the school year's first
        (in_tmp / "plan.yaml").write_text(_plan(year, 5), encoding="utf-8")
        assert cli("check", "-q", "plan.yaml").stdout.count("error") == 0
        assert _row(cli, "4月") == ["2027-04-01", "至", "2027-04-30"]


def test_april_after_weeks_that_reach_april_is_out_of_order_not_next_year(cli, in_tmp: Path) -> None:
    # 第八周 is 2027-04-05..11: 4月 printed after it overlaps it; before, it became April 2028 with only a W204 gap
    (in_tmp / "plan.yaml").write_text(_plan(2027, 8), encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert check.exit_code == 1
    assert check.stdout.splitlines() == [
        "plan.yaml:24:12: error[E202]: 时段顺序不对：第9个时段“4月”（2027-04-01 起）排在第8个时段“第八周”"
        "（第22行，2027-04-05 起）之后",
        "plan.yaml:24:12: error[E203]: 第9个时段“4月”与第7个时段“第七周”（第20行）重叠（2027-04-01 至 2027-04-04）",
    ]
    assert "2028" not in check.stdout


def test_a_month_after_the_term_does_not_roll_into_the_year_after(cli, in_tmp: Path) -> None:
    # 1月 after 4月 in a spring term: January 2028 lies outside the term too, so it stays 2027's and is out of order
    plan = _plan(2027, 2).replace(
        "  - label: 4月\n    tasks: [资助政策宣传月]\n",
        "  - label: 4月\n    tasks: [a]\n  - label: 1月\n    tasks: [b]\n",
    )
    (in_tmp / "plan.yaml").write_text(plan, encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert (
        "error[E202]: 时段顺序不对：第4个时段“1月”（2027-01-01 起）排在第1个时段“第一周”（第8行，2027-02-15 起）之后"
        in check.stdout
    )
    assert "2028" not in check.stdout
