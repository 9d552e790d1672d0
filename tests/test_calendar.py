"""The official calendar: holidays, 调休 workdays, years without data; and export to ICS and CSV."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
from pathlib import Path

import pytest

from aidplan.plan.workdays import WorkCalendar

from .conftest import SEED_PLANS


def test_official_days() -> None:
    calendar = WorkCalendar()
    assert calendar.info(dt.date(2020, 2, 29)).reason == "星期六"
    assert (calendar.info(dt.date(2020, 10, 1)).working, calendar.info(dt.date(2020, 10, 1)).reason) == (
        False,
        "国庆节",
    )
    assert (calendar.info(dt.date(2020, 9, 27)).working, calendar.info(dt.date(2020, 9, 27)).reason) == (
        True,
        "国庆节调休上班",
    )
    assert calendar.info(dt.date(2020, 1, 27)).reason == "春节"
    assert calendar.step(dt.date(2020, 10, 1), -1) == dt.date(2020, 9, 30)
    assert calendar.step(dt.date(2020, 10, 1), 1) == dt.date(2020, 10, 9)  # 10/8 was still off in 2020
    assert calendar.missing_years == set()


def test_a_year_without_data_falls_back_to_weekends() -> None:
    calendar = WorkCalendar()
    assert calendar.info(dt.date(2031, 10, 1)).working is True  # a Wednesday, guessed as a working day
    assert calendar.info(dt.date(2031, 10, 4)).reason == "星期六"
    assert calendar.missing_years == {2031}


def test_working_days_between() -> None:
    calendar = WorkCalendar()
    assert calendar.working_days_until(dt.date(2020, 9, 30), dt.date(2020, 10, 9)) == 1  # the whole holiday in between
    assert calendar.working_days_until(dt.date(2020, 10, 9), dt.date(2020, 9, 30)) == -1
    assert calendar.working_days_until(dt.date(2020, 5, 20), dt.date(2020, 5, 20)) == 0


PLAN = """title: 工作计划表
year: {year}
calendar:
  holidays:
    - {{date: {year}-03-10, name: 校庆日}}
  workdays: [{year}-03-14]
  shift: {shift}
periods:
  - label: 3月份
    tasks:
      - 每月14日前报送数据
      - text: 召开校庆筹备会
        deadline: 3月10日
      - 确保3月14日前完成资金发放
  - label: 十月份
    deadline: 10月1日
    tasks: [开展月巡视]
"""


def write_plan(folder: Path, year: int = 2020, shift: str = "keep") -> Path:
    path = folder / "plan.yaml"
    path.write_text(PLAN.format(year=year, shift=shift), encoding="utf-8")
    return path


def test_check_names_holidays_local_days_and_the_day_before(cli, in_tmp: Path) -> None:
    write_plan(in_tmp)
    result = cli("check", "-q", "plan.yaml")
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        "plan.yaml:13:19: warning[W220]: 任务 3.2 的截止日期“3月10日”（2020-03-10）是校庆日，不是工作日；"
        "前一个工作日是3月9日（星期一）",
        "plan.yaml:15:12: warning[W204]: 第1个时段“3月份”（第9行）与第2个时段“十月份”之间有空档"
        "（2020-04-01 至 2020-09-30 没有安排）",
        "plan.yaml:16:15: warning[W220]: 时段“十月份”的完成时间“10月1日”（2020-10-01）是国庆节，不是工作日；"
        "前一个工作日是9月30日（星期三）",
    ]  # 3月14日 is a Saturday, but the plan makes it a working day


def test_a_year_beyond_the_data_checks_and_tracks_and_says_so(cli, in_tmp: Path) -> None:
    write_plan(in_tmp, year=2031)
    result = cli("check", "-q", "plan.yaml")
    assert result.exit_code == 0
    version = re.search(r"chinesecalendar [0-9.]+", result.stdout).group()
    assert (
        f"plan.yaml:2:7: warning[W221]: 已安装的节假日数据（{version}）没有 2031 年的官方安排，"
        "也没有 2031 年的日历文件："
        "只按周末判断工作日；国务院办公厅公布通知后，把放假和调休上班日期写进 2031.calendar.yaml"
        "（运行 aidplan calendar 2031 显示格式）" in result.stdout.splitlines()
    )
    due = cli("due", "plan.yaml", "--today", "2031-03-05", "--format", "json")
    assert due.exit_code == 0
    assert due.stderr.count("没有 2031 年的官方安排") == 1
    assert json.loads(due.stdout)["holiday_data_missing"] == [2031]
    assert cli("status", "plan.yaml", "--today", "2031-03-05").exit_code == 0
    assert cli("export", "plan.yaml").exit_code == 0


@pytest.mark.parametrize(
    ("shift", "expected"), [("keep", "2020-06-20"), ("previous", "2020-06-19"), ("next", "2020-06-22")]
)
def test_monthly_deadlines_on_days_off_follow_the_shift_policy(cli, in_tmp: Path, shift: str, expected: str) -> None:
    plan = shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    text = Path(plan).read_text(encoding="utf-8").replace("periods:\n", f"calendar:\n  shift: {shift}\nperiods:\n", 1)
    Path(plan).write_text(text, encoding="utf-8")
    items = {
        i["id"]: i for i in json.loads(cli("due", "h.yaml", "--today", "2020-06-01", "-f", "json").stdout)["items"]
    }
    assert items["6.1@6-20"]["deadline"] == expected  # 2020-06-20 was a Saturday
    assert items["6.1@6-28"]["deadline"] == "2020-06-28"  # a Sunday worked for 端午 (调休): never moved


def test_due_counts_working_days(cli, in_tmp: Path) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    result = cli("due", "h.yaml", "--today", "2020-09-28", "--within", "2", "--working-days")
    assert (
        "  9.4       2020-09-24  已逾期3个工作日   九月份        秋季建档立卡贫困家庭学生发放工作9月24日前完成；"
        in result.stdout.splitlines()
    )
    assert (
        "  9.2       2020-09-30  还有2个工作日     九月份        做好2020年生源地助学贷款的受理工作；"
        in result.stdout.splitlines()
    )


@pytest.fixture
def huaibei_ics(cli, in_tmp: Path) -> bytes:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    result = cli("export", "h.yaml", "--remind", "3d")
    assert (result.exit_code, result.stdout) == (0, "build/h.ics\n")
    return (in_tmp / "build" / "h.ics").read_bytes()


def test_ics_parses_back_with_one_all_day_event_per_deadline(huaibei_ics: bytes) -> None:
    from icalendar import Calendar

    calendar = Calendar.from_ical(huaibei_ics)
    assert (str(calendar["VERSION"]), str(calendar["PRODID"])) == ("2.0", "-//aidplan//学生资助工作计划//ZH")
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 60  # 36 single tasks + 24 monthly occurrences (4 in 元月至二月份, 2 in each other period)
    (first,) = [e for e in events if "\n编号：5.2\n" in str(e["DESCRIPTION"])]
    assert str(first["SUMMARY"]) == "[5.2] 发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日…"
    assert first.decoded("DTSTART") == dt.date(2020, 5, 25)
    assert first.decoded("DTEND") == dt.date(2020, 5, 26)
    assert "计划：淮北市2020年度学生资助工作月计划\n时段：五月份\n编号：5.2\n截止依据：文中日期" in str(
        first["DESCRIPTION"]
    )
    assert str(first["DESCRIPTION"]).startswith(
        "发放中职、普通高中学生，幼儿园国家助学金及建档立卡学生资助资金，确保5月25日前完成资金发放；"
    )
    (alarm,) = first.walk("VALARM")
    assert (str(alarm["ACTION"]), alarm.decoded("TRIGGER")) == ("DISPLAY", -dt.timedelta(days=3))
    starts = sorted(e.decoded("DTSTART") for e in events)
    assert starts[:4] == [dt.date(2020, 1, 20), dt.date(2020, 1, 28), dt.date(2020, 2, 20), dt.date(2020, 2, 28)]
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY"} <= set(event.keys())
        assert isinstance(event.decoded("DTSTART"), dt.date) and not isinstance(event.decoded("DTSTART"), dt.datetime)
        assert event.decoded("DTEND") - event.decoded("DTSTART") == dt.timedelta(days=1)


def test_ics_is_rfc5545_text(huaibei_ics: bytes) -> None:
    assert huaibei_ics.startswith(b"BEGIN:VCALENDAR\r\n") and huaibei_ics.endswith(b"END:VCALENDAR\r\n")
    lines = huaibei_ics.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # CRLF only
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets
    assert b"DTSTART;VALUE=DATE:20200525" in huaibei_ics


def test_uids_are_stable_and_unique(cli, huaibei_ics: bytes, in_tmp: Path) -> None:
    from icalendar import Calendar

    first = [str(e["UID"]) for e in Calendar.from_ical(huaibei_ics).walk("VEVENT")]
    assert len(set(first)) == len(first)
    assert cli("export", "h.yaml", "-o", "again.ics").exit_code == 0
    again = [str(e["UID"]) for e in Calendar.from_ical((in_tmp / "again.ics").read_bytes()).walk("VEVENT")]
    assert again == first


def test_csv_for_excel(cli, in_tmp: Path) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    assert cli("export", "h.yaml", "-f", "csv").exit_code == 0
    data = (in_tmp / "build" / "h.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["计划", "编号", "时段", "任务", "责任单位", "截止日期", "星期", "是否工作日", "截止依据"]
    assert len(rows) == 61
    assert rows[1][1:3] == ["1.1@1-20", "元月至二月份"]
    by_id = {row[1]: row for row in rows[1:]}
    assert by_id["1.2"][5:] == ["2020-02-29", "星期六", "否（星期六）", "时段完成时间"]
    assert data.count(b"\r\n") == 61


def test_bad_reminder(cli, in_tmp: Path) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    result = cli("export", "h.yaml", "--remind", "three days")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: --remind 的值“three days”看不懂；请写成 3d（天）、12h（小时）或 1w（周）\n",
    )
    assert cli("export", "h.yaml", "-f", "csv", "--remind", "3d").stderr == "aidplan: --remind 只用于 ics 格式\n"
