"""The two real plans carry exactly the wording of the published documents."""

from __future__ import annotations

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text

from .conftest import DATA, SEED_PLANS


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_plan_text_equals_the_published_text(name: str) -> None:
    loaded = load_plan(SEED_PLANS[name])
    assert loaded.findings == []
    published = normalise_text((DATA / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
    assert reading_text(build_layout(loaded.plan)) == published


def test_yueyang_recurring_duty_prints_where_the_seed_prints_it() -> None:
    from aidplan.plan.schedule import schedule

    periods = schedule(load_plan(SEED_PLANS["2014-yueyang"]).plan)
    placed = {p.period.label: [(t.number, t.text) for t in p.tasks if t.recurring_id] for p in periods}
    assert placed["元月至2月份"] == [(3, "维护和审核全国中职学生信息管理系统中2月份资助信息数据")]
    assert placed["7月份至8月份"] == [(4, "维护和审核全国中职学生信息管理系统中7月份资助信息数据")]
    assert placed["11月份"] == [(1, "维护和审核全国中职学生信息管理系统中11月份资助信息数据")]
    assert placed["3月份"] == []  # printed there with its own wording (2014年春季信息数据)


def test_huaibei_monthly_duty_is_written_once_and_printed_first_in_every_period() -> None:
    from aidplan.plan.schedule import schedule

    text = SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8")
    assert text.count("每月20日前更新维护") == 1
    periods = schedule(load_plan(SEED_PLANS["2020-huaibei"]).plan)
    assert len(periods) == 11
    for period in periods:
        assert period.tasks[0].recurring_id == "monthly-data"
        assert period.tasks[0].text.startswith("每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报")


def test_huaibei_period_spans_and_deadlines() -> None:
    from aidplan.plan.schedule import schedule

    periods = schedule(load_plan(SEED_PLANS["2020-huaibei"]).plan)
    first, last = periods[0], periods[-1]
    assert (first.period.label, str(first.span.start), str(first.span.end), str(first.deadline)) == (
        "元月至二月份",
        "2020-01-01",
        "2020-02-29",
        "2020-02-29",
    )
    assert (last.period.label, str(last.span.start), str(last.deadline)) == ("十二月", "2020-12-01", "2020-12-31")
    assert [p.key for p in periods] == ["1", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]
