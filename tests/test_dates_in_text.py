"""Dates inside a task's text are found and read by the one time grammar (aidplan.plan.timeexpr): days, ranges
(due on their last day), a month's end, dot dates printed as deadlines, printed years in any form."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from aidplan.plan.deadlines import dates_in_text


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("确保5月25日前完成资金发放", [("5月25日", 5, None, False, True, date(2021, 5, 25))]),
        ("9月1日-9月7日开展安全教育周活动", [("9月1日-9月7日", 9, None, False, False, date(2021, 9, 7))]),
        ("6月28日—7月4日组织暑期家访", [("6月28日—7月4日", 6, None, False, False, date(2021, 7, 4))]),
        ("2月26日至28日完成资格复核", [("2月26日至28日", 2, None, False, True, date(2021, 2, 28))]),
        ("12月28日至1月3日完成寒假前排查", [("12月28日至1月3日", 12, None, False, True, date(2022, 1, 3))]),
        ("3月底前完成家庭经济困难学生认定", [("3月底", 3, None, False, True, date(2021, 3, 31))]),
        ("2月末完成", [("2月末", 2, None, False, True, date(2021, 2, 28))]),
        ("11.9前上报消防演练总结", [("11.9", 11, None, False, True, date(2021, 11, 9))]),
        ("二〇二一年3月5日前报送名单", [("二〇二一年3月5日", 3, 2021, False, True, date(2021, 3, 5))]),
        ("12年3月5日前报送名单", [("12年3月5日", 3, 2012, False, True, date(2021, 3, 5))]),
        ("次年1月15日前完成", [("次年1月15日", 1, None, True, True, date(2021, 1, 15))]),
        ("2011年1月15日前完成", [("2011年1月15日", 1, 2011, False, True, date(2021, 1, 15))]),
    ],
)
def test_a_time_in_the_text_is_found_with_its_year_and_read_by_the_grammar(text: str, found: list) -> None:
    got = dates_in_text(text)
    assert [(d.text, d.month, d.year, d.next_year, d.by, d.date_in(2021)) for d in got] == found


@pytest.mark.parametrize(
    "text",
    [
        "每月20日前更新维护学生资助管理信息系统数据",  # a monthly duty, not a date
        "资助金额提高到2.5万元前后",  # an amount
        "增长1.5倍",
        "自2016年9月1日起施行",  # a date something began
        "学习2019年12月31日印发的文件",
        "每月末上报报表",
    ],
)
def test_what_is_no_date_in_the_text_is_left_alone(text: str) -> None:
    assert dates_in_text(text) == []


PLAN = """title: 2021年学生资助工作计划
year: 2021
periods:
  - label: 2月份
    tasks:
      - 3月底前完成家庭经济困难学生认定
  - label: 9月份
    tasks:
      - 9月1日-9月7日开展资助政策宣传周活动
      - 9.25前上报秋季学期资助名单
  - label: 12月份
    tasks:
      - 12月28日至1月3日完成寒假前安全排查
      - 二〇二一年12月10日前完成国家奖学金评审
"""


def test_task_deadlines_from_times_in_the_text(cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    result = cli("tasks", plan, "--format", "json")
    assert result.exit_code == 0, result.stdout
    tasks = json.loads(result.stdout)["plans"][0]["tasks"]
    assert [(t["id"], t["deadline"], t["deadline_source"]) for t in tasks] == [
        ("2.1", "2021-03-31", "text"),
        ("9.1", "2021-09-07", "text"),
        ("9.2", "2021-09-25", "text"),
        ("12.1", "2022-01-03", "text"),
        ("12.2", "2021-12-10", "text"),
    ]


WEEKLY = """title: 2026年秋季学期安全工作计划
year: 2026
term: {name: 2026-2027学年第一学期, start: 2026-08-31, end: 2026-10-04}
periods:
  - label: 全学期
    tasks:
      - 每周五放学前开展校园安全隐患排查，填写排查台账
      - 每周一次召开班主任例会
      - 每周一至周五值班巡查
      - 每周二、四开展课间巡查
"""


def test_a_weekly_duty_in_the_text_is_tracked_every_week_of_its_group(cli, tmp_path: Path) -> None:
    plan = tmp_path / "weekly.yaml"
    plan.write_text(WEEKLY, encoding="utf-8")
    result = cli("due", plan, "--today", "2026-08-31", "--within", "60", "--format", "json")
    assert result.exit_code == 0, result.stdout
    items = [(item["id"], item["deadline"]) for item in json.loads(result.stdout)["items"]]
    assert items == [
        ("8.1@9-4", "2026-09-04"),
        ("8.1@9-11", "2026-09-11"),
        ("8.1@9-18", "2026-09-18"),
        ("8.1@9-25", "2026-09-25"),
        ("8.1@10-2", "2026-10-02"),
        # 每周一次, 每周一至周五 and 每周二、四 name no single weekday: due when the group ends
        ("8.2", "2026-10-04"),
        ("8.3", "2026-10-04"),
        ("8.4", "2026-10-04"),
    ]
