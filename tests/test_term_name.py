"""The term's printed name is read (season and year) and cross-checked against its first day."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidplan.plan.timeexpr import TermName, read_term_name


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("2020-2021学年第二学期", TermName(autumn=False, year=2021)),
        ("2020-2021学年第一学期", TermName(autumn=True, year=2020)),
        ("2020—2021学年度第1学期", TermName(autumn=True, year=2020)),
        ("2020至2021学年下学期", TermName(autumn=False, year=2021)),
        ("2020～2021学年上学期", TermName(autumn=True, year=2020)),
        ("2012年秋季学期", TermName(autumn=True, year=2012)),
        ("2021年春季学期", TermName(autumn=False, year=2021)),
        ("2021春季学期", TermName(autumn=False, year=2021)),
        ("城关中学 2021 年 春季学期", TermName(autumn=False, year=2021)),
        ("2020-2022学年第一学期", None),  # no school year runs two years
        ("本学期", None),
        ("第二学期", None),
    ],
)
def test_a_term_name_states_its_season_and_year(name: str, read: TermName | None) -> None:
    assert read_term_name(name) == read


PLAN = """title: 学期计划
year: 2021
term:
  name: {name}
  start: {start}
periods:
  - label: 第一周
    tasks: [调整资助工作领导小组]
"""


@pytest.mark.parametrize(
    ("name", "start"),
    [
        ("2020-2021学年第二学期", "2021-03-01"),
        ("2020-2021学年第二学期", "2021-01-04"),
        ("2020-2021学年第二学期", "2021-04-30"),
        ("2021-2022学年第一学期", "2021-07-01"),
        ("2021-2022学年第一学期", "2021-09-01"),
        ("2021-2022学年第一学期", "2021-10-31"),
        ("2021年秋季学期", "2021-08-30"),
        ("资助工作学期", "2021-06-01"),  # no season or year in the name: not checked
    ],
)
def test_a_start_within_the_named_season_checks_clean(cli, tmp_path: Path, name: str, start: str) -> None:
    plan = tmp_path / "term.yaml"
    plan.write_text(PLAN.format(name=name, start=start), encoding="utf-8")
    result = cli("check", plan)
    assert "E219" not in result.stdout


@pytest.mark.parametrize(
    ("name", "start", "season", "window"),
    [
        ("2020-2021学年第二学期", "2021-05-01", "春季学期（第二学期）", "2021年1月至2021年4月"),
        ("2020-2021学年第二学期", "2020-09-01", "春季学期（第二学期）", "2021年1月至2021年4月"),
        ("2021-2022学年第一学期", "2022-02-28", "秋季学期（第一学期）", "2021年7月至2021年10月"),
        ("2021年秋季学期", "2021-06-30", "秋季学期（第一学期）", "2021年7月至2021年10月"),
        ("2021年春季学期", "2020-03-01", "春季学期（第二学期）", "2021年1月至2021年4月"),
    ],
)
def test_a_start_outside_the_named_season_is_an_error(
    cli, tmp_path: Path, name: str, start: str, season: str, window: str
) -> None:
    plan = tmp_path / "term.yaml"
    plan.write_text(PLAN.format(name=name, start=start), encoding="utf-8")
    result = cli("check", plan)
    assert result.exit_code == 1
    message = f"学期名称“{name}”是{season}，应在 {window}之间开学，但 start 写的是 {start}；请核对学期名称和开学日期"
    assert f"{plan}:5:10: error[E219]: {message}" in result.stdout.splitlines()
