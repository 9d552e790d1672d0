from __future__ import annotations

from datetime import date

import pytest

from aidplan.plan.deadlines import DeadlineError, dates_in_text, format_deadline, monthly_days, parse_deadline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2月29日", date(2020, 2, 29)),
        ("5月25日前", date(2020, 5, 25)),
        ("12月31日", date(2020, 12, 31)),
        ("2021年1月15日", date(2021, 1, 15)),
        ("2月底", date(2020, 2, 29)),
        ("三月十五日", date(2020, 3, 15)),
        ("9月24号之前", date(2020, 9, 24)),
    ],
)
def test_deadline_texts(text: str, expected: date) -> None:
    assert parse_deadline(text, 2020) == expected


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("2月29日", 2014, "日期“2月29日”不存在：2014年不是闰年，2月只有28天"),
        ("4月31日", 2020, "日期“4月31日”不存在：2020年4月只有30天"),
        ("13月1日", 2020, "日期“13月1日”中的月份“13”不存在"),
        ("月底前", 2020, "日期“月底前”无法读成日期（应写成“2月29日”“5月25日前”“2月底”“次年1月15日”或“2027-04-30”）"),
    ],
)
def test_deadlines_that_name_no_day(text: str, year: int, message: str) -> None:
    with pytest.raises(DeadlineError) as caught:
        parse_deadline(text, year)
    assert str(caught.value) == message


def test_dates_written_inside_task_text() -> None:
    found = dates_in_text("发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放；")
    assert [(d.month, d.day, d.text) for d in found] == [(5, 25, "5月25日")]
    assert [(d.month, d.day) for d in dates_in_text("秋季建档立卡贫困家庭学生发放工作9月24日前完成；")] == [(9, 24)]
    assert dates_in_text("每月20日前更新维护数据") == []


def test_monthly_duty_days() -> None:
    text = "每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；"
    assert monthly_days(text) == [20, 28]
    assert monthly_days("维护和审核全国中职学生信息管理系统中5月份资助信息数据") == []


def test_printed_deadlines_read_back() -> None:
    for day in [date(2020, 2, 29), date(2020, 12, 31), date(2020, 1, 1)]:
        assert parse_deadline(format_deadline(day), 2020) == day


def test_a_tasks_bad_deadline_comes_back_beside_its_fallback_and_check_reports_the_same_reading() -> None:
    from aidplan.plan.deadlines import read_deadline
    from aidplan.plan.model import Plan
    from aidplan.plan.schedule import schedule, task_deadline

    plan = Plan.model_validate(
        {
            "title": "工作计划表",
            "year": 2021,
            "periods": [{"label": "二月份", "tasks": [{"text": "发放资金", "deadline": "2月30日"}, "开展月巡视"]}],
        }
    )
    (period,) = schedule(plan)
    bad, plain = period.tasks
    found = task_deadline(plan, period, bad)
    assert (found.day, found.source, found.text) == (date(2021, 2, 28), "period-end", None)
    assert (found.problem.text, found.problem.reason) == ("2月30日", "不存在：2021年2月只有28天")
    own = period.deadline_of(bad)
    assert (own.day, str(own.problem)) == (None, str(read_deadline("2月30日", None, 2021).problem))
    assert task_deadline(plan, period, plain).problem is None
    assert read_deadline("2月30日", date(2021, 3, 1), 2021).day == date(2021, 3, 1)  # a written date wins
