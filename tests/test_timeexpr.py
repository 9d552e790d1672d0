"""The time grammar: every form offices print, read into days, ranges, recurring days and term weeks."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from aidplan.plan.deadlines import DeadlineError, parse_deadline
from aidplan.plan.periods import PeriodLabelError, parse_period_label
from aidplan.plan.timeexpr import Term, TimeContext, TimeError, read_time

# 2021-03-01 is a Monday: 第一周 is 3月1日-3月7日; 20 weeks end on Sunday 2021-07-18
SPRING = Term(date(2021, 3, 1), date(2021, 7, 18), "2020-2021学年第二学期")
AUTUMN = Term(date(2012, 9, 3), date(2013, 1, 20), "2012年秋季学期")


@pytest.mark.parametrize(
    ("text", "year", "start", "end"),
    [
        ("三月份", 2020, date(2020, 3, 1), date(2020, 3, 31)),
        ("3月", 2020, date(2020, 3, 1), date(2020, 3, 31)),
        ("2021年05月", 2020, date(2021, 5, 1), date(2021, 5, 31)),
        ("12年3月", 2020, date(2012, 3, 1), date(2012, 3, 31)),
        ("一二年一月", 2020, date(2012, 1, 1), date(2012, 1, 31)),
        ("二○一○年三月", 2020, date(2010, 3, 1), date(2010, 3, 31)),
        ("次年1月", 2012, date(2013, 1, 1), date(2013, 1, 31)),
        ("2月24日", 2020, date(2020, 2, 24), date(2020, 2, 24)),
        ("9月1日-9月7日", 2020, date(2020, 9, 1), date(2020, 9, 7)),
        ("6月28日—7月4日", 2020, date(2020, 6, 28), date(2020, 7, 4)),
        ("4.6-4.12", 2020, date(2020, 4, 6), date(2020, 4, 12)),
        ("2月26日至28日", 2020, date(2020, 2, 26), date(2020, 2, 28)),
        ("12月28日-1月3日", 2020, date(2020, 12, 28), date(2021, 1, 3)),
        ("11.9", 2020, date(2020, 11, 9), date(2020, 11, 9)),
        ("5.4 青年节", 2020, date(2020, 5, 4), date(2020, 5, 4)),
        ("3月上旬", 2020, date(2020, 3, 1), date(2020, 3, 10)),
        ("3月中旬", 2020, date(2020, 3, 11), date(2020, 3, 20)),
        ("2月下旬", 2020, date(2020, 2, 21), date(2020, 2, 29)),
        ("3月第二周", 2021, date(2021, 3, 8), date(2021, 3, 14)),
        ("第一周（9月1日-9月7日）", 2020, date(2020, 9, 1), date(2020, 9, 7)),
        ("全年", 2020, date(2020, 1, 1), date(2020, 12, 31)),
        ("常年", 2020, date(2020, 1, 1), date(2020, 12, 31)),
    ],
)
def test_labels_read_into_spans(text: str, year: int, start: date, end: date) -> None:
    span = parse_period_label(text, year)
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("第一周", date(2021, 3, 1), date(2021, 3, 7)),
        ("第十周", date(2021, 5, 3), date(2021, 5, 9)),
        ("第二十周", date(2021, 7, 12), date(2021, 7, 18)),
        ("预备周", date(2021, 2, 22), date(2021, 2, 28)),
        ("开学前", date(2021, 2, 22), date(2021, 2, 28)),
        ("开学初", date(2021, 3, 1), date(2021, 3, 7)),
        ("开学一周内", date(2021, 3, 1), date(2021, 3, 7)),
        ("期中", date(2021, 5, 3), date(2021, 5, 9)),
        ("期末", date(2021, 7, 5), date(2021, 7, 18)),
        ("寒假", date(2021, 2, 1), date(2021, 2, 28)),
        ("暑假", date(2021, 7, 19), date(2021, 9, 12)),
        ("全年", date(2021, 3, 1), date(2021, 7, 18)),
        ("本学期", date(2021, 3, 1), date(2021, 7, 18)),
    ],
)
def test_school_words_read_from_the_term(text: str, start: date, end: date) -> None:
    found = read_time(text, TimeContext(2021, SPRING))
    assert (found.start, found.end) == (start, end)
    assert parse_period_label(text, 2021, SPRING).end == end


def test_an_autumn_terms_winter_break_follows_it() -> None:
    found = read_time("寒假", TimeContext(2012, AUTUMN))
    assert (found.start, found.end) == (date(2013, 1, 21), date(2013, 2, 17))


def test_recurring_days() -> None:
    monthly = read_time("每月20日前", TimeContext(2020))
    assert (monthly.kind, monthly.monthday, monthly.start, monthly.end) == (
        "recurring",
        20,
        date(2020, 1, 1),
        date(2020, 12, 31),
    )
    weekly = read_time("每周五", TimeContext(2021, SPRING))
    assert (weekly.kind, weekly.weekday, weekly.start, weekly.end) == ("recurring", 4, SPRING.start, SPRING.end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("9月30日前", date(2020, 9, 30)),
        ("9月底", date(2020, 9, 30)),
        ("9月1日-9月7日", date(2020, 9, 7)),
        ("11.9", date(2020, 11, 9)),
        ("12年3月15日", date(2012, 3, 15)),
        ("明年1月15日", date(2021, 1, 15)),
        ("3月下旬", date(2020, 3, 31)),
    ],
)
def test_deadlines_read_through_the_same_grammar(text: str, expected: date) -> None:
    assert parse_deadline(text, 2020) == expected


def test_a_week_deadline_needs_the_term() -> None:
    assert parse_deadline("第三周", 2021, SPRING) == date(2021, 3, 21)
    with pytest.raises(DeadlineError) as caught:
        parse_deadline("期末", 2021)
    assert str(caught.value) == (
        "日期“期末”要按学期推算日期，但计划没有写学期：请直接写日期（如“7月10日前”），或在学期计划里写一次 term"
        "（如 term: {name: 2021-2022学年第一学期, start: 2021-09-01}）"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2月30日", "时段“2月30日”不存在：2020年2月只有29天"),
        ("3月第六周", "时段“3月第六周”：2021年3月没有第六周（按周一所在的月份数周）"),
        ("9月7日-9月1日", "时段“9月7日-9月1日”的结束日早于开始日"),
    ],
)
def test_times_that_name_no_day(text: str, message: str) -> None:
    with pytest.raises(PeriodLabelError) as caught:
        parse_period_label(text, 2021 if "第六周" in text else 2020)
    assert str(caught.value) == message
    with pytest.raises(TimeError):
        read_time(text, TimeContext(2021 if "第六周" in text else 2020))


AUTUMN_PLAN = """\
title: 2012年秋季学期学校安全工作计划
year: 2012
term: {name: 2012年秋季学期, start: 2012-09-03, end: 2013-01-20}
periods:
  - label: 九月
    tasks: [开学安全检查]
  - label: 十月至十二月
    tasks: [冬季防火安全教育]
  - label: 一月
    deadline: 1月18日
    tasks:
      - 寒假前安全教育
      - {text: 寒假安全值班, deadline: 寒假}
"""


def test_an_autumn_term_runs_into_january_without_a_written_span(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(AUTUMN_PLAN, encoding="utf-8")
    result = cli("check", "plan.yaml")
    assert result.exit_code == 0, result.stdout
    assert "error" not in result.stdout and "W20" not in result.stdout
    payload = json.loads(cli("due", "plan.yaml", "--today", "2013-01-10", "--format", "json").stdout)
    assert [(i["id"], i["deadline"]) for i in payload["items"] if i["group"] != "overdue"] == [
        ("1.1", "2013-01-18"),
        ("1.2", "2013-02-17"),
    ]


def test_week_labels_in_a_term_plan(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(
        "title: 2020-2021学年第二学期德育工作安排\nyear: 2021\n"
        "term: {name: 2020-2021学年第二学期, start: 2021-03-01}\nperiods:\n"
        "  - label: 预备周\n    tasks: [制订班主任工作计划]\n"
        "  - label: 第一周\n    tasks: [开学典礼]\n"
        "  - label: 第二周\n    tasks: [学雷锋主题班会]\n",
        encoding="utf-8",
    )
    assert cli("check", "plan.yaml").exit_code == 0
    payload = json.loads(cli("due", "plan.yaml", "--today", "2021-03-02", "--format", "json").stdout)
    assert [(i["id"], i["deadline"], i["group"]) for i in payload["items"]] == [
        ("w0.1", "2021-02-28", "overdue"),
        ("w1.1", "2021-03-07", "upcoming"),
        ("w2.1", "2021-03-14", "upcoming"),
    ]


def test_recurring_deadlines_are_tracked_per_occurrence(cli, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "plan.yaml").write_text(
        "title: 2021年3月工作安排\nyear: 2021\nperiods:\n  - label: 三月\n    tasks:\n"
        "      - {text: 上报周报, deadline: 每周五}\n"
        "      - {text: 更新资助数据, deadline: 每月20日前}\n",
        encoding="utf-8",
    )
    result = cli("check", "plan.yaml")
    assert result.exit_code == 0, result.stdout
    assert "W220" not in result.stdout
    assert cli("export", "plan.yaml", "--format", "csv", "--output", "plan.csv").exit_code == 0
    rows = (tmp_path / "plan.csv").read_text(encoding="utf-8-sig").splitlines()
    assert [row.split(",")[1] + " " + row.split(",")[5] for row in rows[1:]] == [
        "3.1@3-5 2021-03-05",
        "3.1@3-12 2021-03-12",
        "3.1@3-19 2021-03-19",
        "3.1@3-26 2021-03-26",
        "3.2@3-20 2021-03-20",
    ]
