from __future__ import annotations

from datetime import date

import pytest

from aidplan.plan.periods import PeriodLabelError, Span, format_month_label, parse_period_label


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("元月至2月份", date(2020, 1, 1), date(2020, 2, 29)),
        ("元月至二月份", date(2020, 1, 1), date(2020, 2, 29)),
        ("3月份", date(2020, 3, 1), date(2020, 3, 31)),
        ("三月份", date(2020, 3, 1), date(2020, 3, 31)),
        ("十一月", date(2020, 11, 1), date(2020, 11, 30)),
        ("7月份至8月份", date(2020, 7, 1), date(2020, 8, 31)),
        ("4~7月", date(2020, 4, 1), date(2020, 7, 31)),
        ("3-4月", date(2020, 3, 1), date(2020, 4, 30)),
        ("2、3月", date(2020, 2, 1), date(2020, 3, 31)),
        ("9月至10月", date(2020, 9, 1), date(2020, 10, 31)),
        ("11月至次年1月", date(2020, 11, 1), date(2021, 1, 31)),
        ("12月至2月", date(2020, 12, 1), date(2021, 2, 28)),
        ("全年", date(2020, 1, 1), date(2020, 12, 31)),
        ("上半年", date(2020, 1, 1), date(2020, 6, 30)),
        ("第三季度", date(2020, 7, 1), date(2020, 9, 30)),
        ("3月上旬", date(2020, 3, 1), date(2020, 3, 10)),
        ("2月下旬", date(2020, 2, 21), date(2020, 2, 29)),
        (" 7月份至\n8月份 ", date(2020, 7, 1), date(2020, 8, 31)),
    ],
)
def test_labels_seen_in_real_plans(label: str, start: date, end: date) -> None:
    assert parse_period_label(label, 2020) == Span(start, end)


def test_february_follows_the_plan_year() -> None:
    assert parse_period_label("元月至2月份", 2014).end == date(2014, 2, 28)


@pytest.mark.parametrize(
    ("label", "message"),
    [
        (
            "第一周",
            "时段“第一周”要按学期推算日期，但计划没有写学期；请写一次 term（如 term: {name: 2020-2021学年第二学期, "
            "start: 2021-03-01}），或用 span 写明起止日期",
        ),
        ("13月份", "时段“13月份”中的月份“13”不存在（应为 1 至 12 月）"),
        ("2、5月", "时段“2、5月”列出的月份不连续，无法作为一个时间段；请拆成几个时段，或用 span 写明起止日期"),
        ("3月至3月", "时段“3月至3月”的起止月份相同，请直接写成“三月”"),
        ("第五季度", "时段“第五季度”中的季度“五”不存在（应为 1 至 4 季度）"),
    ],
)
def test_unreadable_labels_say_why(label: str, message: str) -> None:
    with pytest.raises(PeriodLabelError) as caught:
        parse_period_label(label, 2020)
    assert str(caught.value) == message


def test_generated_labels_read_back_to_the_same_span() -> None:
    for span in [
        Span(date(2020, 3, 1), date(2020, 3, 31)),
        Span(date(2020, 7, 1), date(2020, 8, 31)),
        Span(date(2020, 11, 1), date(2021, 1, 31)),
    ]:
        assert parse_period_label(format_month_label(span), 2020) == span
