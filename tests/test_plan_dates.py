"""The dates a reader sees in a plan: a deadline after the last period, a year printed in the text, an ISO
deadline, and which dates the day-off warning (W220) is about."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from aidplan.plan.deadlines import dates_in_text, parse_deadline
from aidplan.plan.model import Deadline

DECEMBER_2010 = """\
title: 2010年学生资助工作计划
year: 2010
periods:
  - label: 十一月
    tasks: [做好国家助学金评审工作]
  - label: 十二月
    tasks:
      - text: 汇总全年资助数据
        deadline: {text: 1月15日, date: 2011-01-15}
      - 次年1月15日前完成年度资助工作总结
"""


def _write(folder: Path, text: str, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_plan_ends_after_its_last_deadline_not_its_last_period(cli, in_tmp: Path) -> None:
    plan = _write(in_tmp, DECEMBER_2010)
    result = cli("due", plan, "--today", "2011-01-05", "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["plans"][0]["ended"] is False
    assert [(i["id"], i["deadline"], i["group"]) for i in payload["items"]] == [
        ("11.1", "2010-11-30", "overdue"),
        ("12.1", "2011-01-15", "upcoming"),
        ("12.2", "2011-01-15", "upcoming"),
    ]
    # --fail-on-overdue agrees with what is listed: 11.1 is overdue; once it is done, nothing is
    assert cli("due", plan, "--today", "2011-01-05", "--fail-on-overdue").exit_code == 1
    assert cli("done", plan, "11.1", "--on", "2010-11-28").exit_code == 0
    assert cli("due", plan, "--today", "2011-01-05", "--fail-on-overdue").exit_code == 0
    # the plan ends on 15 January: on the 16th it is summarised, and the open tasks count as overdue
    ended = json.loads(cli("due", plan, "--today", "2011-01-16", "--format", "json").stdout)
    assert ended["plans"][0]["ended"] is True
    assert cli("due", plan, "--today", "2011-01-16", "--fail-on-overdue").exit_code == 1


def test_a_year_printed_in_the_text_is_honoured(cli, in_tmp: Path) -> None:
    _write(in_tmp, DECEMBER_2010 + "      - {text: 报送年度统计表, deadline: 次年1月10日前}\n")
    # no W207 "not in the plan's year" for a deadline that prints its own year
    assert [line for line in cli("check", "plan.yaml").stdout.splitlines() if "W207" in line] == [
        "plan.yaml:9:19: warning[W207]: 任务 12.1 的截止日期“1月15日”在 2011 年，不在计划年度 2010 年"
    ]
    plan = in_tmp / "plan.yaml"
    assert cli("export", plan, "--format", "csv", "--output", "plan.csv").exit_code == 0
    csv = (in_tmp / "plan.csv").read_text(encoding="utf-8-sig")
    line = next(row for row in csv.splitlines() if "年度资助工作总结" in row)
    assert "2011-01-15" in line
    line = next(row for row in csv.splitlines() if "报送年度统计表" in row)
    assert "2011-01-10" in line
    assert [(d.year, d.next_year, d.month, d.day, d.text) for d in dates_in_text("次年1月15日前完成年度总结")] == [
        (None, True, 1, 15, "次年1月15日")
    ]
    assert [(d.year, d.text) for d in dates_in_text("2011年1月15日前报送")] == [(2011, "2011年1月15日")]
    assert parse_deadline("次年1月15日前", 2010) == date(2011, 1, 15)
    assert parse_deadline("明年3月底", 2010) == date(2011, 3, 31)


def test_an_iso_deadline_is_accepted(cli, in_tmp: Path) -> None:
    plan = _write(
        in_tmp,
        "title: 计划\nyear: 2027\nperiods:\n  - label: 四月\n    tasks:\n"
        "      - {text: 完成学年资助总结, deadline: 2027-04-30}\n"
        "      - {text: 上报资助数据, deadline: '2027-04-29'}\n",
    )
    result = cli("check", plan)
    assert result.exit_code == 0, result.output
    assert parse_deadline("2027-04-30", 2026) == date(2027, 4, 30)  # within the plan year ± 1 (E216 beyond)
    items = json.loads(cli("due", plan, "--today", "2027-04-20", "--format", "json").stdout)["items"]
    assert [(i["id"], i["deadline"]) for i in items] == [("4.2", "2027-04-29"), ("4.1", "2027-04-30")]
    # printed with its year, as written
    from aidplan.plan.loading import load_plan

    loaded = load_plan(plan).plan
    assert loaded is not None
    assert loaded.periods[0].tasks[0].deadline == Deadline(text="2027年4月30日", date=date(2027, 4, 30))


def test_a_deadline_that_names_no_day_says_what_to_write(cli, in_tmp: Path) -> None:
    _write(in_tmp, "title: 计划\nyear: 2027\nperiods:\n  - label: 四月\n    deadline: 月内\n    tasks: [a]\n")
    assert cli("check", "plan.yaml").stdout.splitlines()[0] == (
        "plan.yaml:5:15: error[E205]: 时段“四月”的完成时间“月内”无法读成日期（应写成“2月29日”“5月25日前”“2月底”"
        "“次年1月15日”或“2027-04-30”）"
    )


SCHOOL_WEEKS = """\
title: 2020年秋季学期德育工作安排
year: 2020
periods:
  - label: 第一周
    span: {start: 2020-08-31, end: 2020-09-06}
    tasks:
      - 9月5日（星期六）组织新生家长会
      - 9月6日前完成新生资助政策宣传
  - label: 第二周
    span: {start: 2020-09-07, end: 2020-09-13}
    tasks:
      - 开展“开学第一课”主题班会
"""


def test_day_off_warnings_are_for_deadlines_not_events_or_week_ends(cli, in_tmp: Path) -> None:
    _write(in_tmp, SCHOOL_WEEKS)
    result = cli("check", "plan.yaml")
    # the parents' meeting on Saturday 5 September is an event, the weeks end on Sundays: only the deadline warns
    assert [line for line in result.stdout.splitlines() if "W220" in line] == [
        "plan.yaml:8:9: warning[W220]: 任务 w1.2 文中的日期“9月6日”（2020-09-06）是星期日，不是工作日；"
        "前一个工作日是9月4日（星期五）"
    ]


def test_a_plan_can_turn_day_off_warnings_off(cli, in_tmp: Path) -> None:
    plan = _write(in_tmp, SCHOOL_WEEKS + "calendar:\n  day_off_warnings: false\n")
    result = cli("check", plan)
    assert result.exit_code == 0
    assert "W220" not in result.stdout


TWO_TERMS = """\
title: 2026—2027学年学生资助工作计划
year: 2026
term: {name: 2026-2027学年, start: 2026-09-01, end: 2027-07-10}
tables:
  - heading: 一、第一学期
    columns: [{header: 时间, role: group}, {header: 工作内容, role: task}]
    groups:
      - {label: 九月, tasks: [开展新生认定]}
      - {label: 十二月, tasks: [开展资助工作自查]}
  - heading: 二、第二学期
    columns: [{header: 时间, role: group}, {header: 工作内容, role: task}]
    groups:
      - {label: 二月, tasks: [核查受助学生在校情况]}
      - {label: 七月, tasks: [撰写学年资助工作总结]}
"""


def test_a_school_years_second_table_runs_on_into_the_next_year(cli, tmp_path: Path) -> None:
    """The months of a second table continue the first table's: 二月 after 十二月 is February of 2027, with a
    term; and after a group printed with its year (2027年1月) the months are that year's without one."""
    plan = _write(tmp_path, TWO_TERMS)
    listed = json.loads(cli("tasks", "-f", "json", str(plan)).stdout)
    ends = {task["id"]: task["deadline"] for task in listed["plans"][0]["tasks"]}
    assert ends == {"9.1": "2026-09-30", "12.1": "2026-12-31", "2.1": "2027-02-28", "7.1": "2027-07-31"}
    printed = _write(
        tmp_path,
        TWO_TERMS.replace("term: {name: 2026-2027学年, start: 2026-09-01, end: 2027-07-10}\n", "").replace(
            "label: 十二月", "label: 2027年1月"
        ),
        "printed.yaml",
    )
    listed = json.loads(cli("tasks", "-f", "json", str(printed)).stdout)
    ends = {task["id"]: task["deadline"] for task in listed["plans"][0]["tasks"]}
    assert ends == {"9.1": "2026-09-30", "1.1": "2027-01-31", "2.1": "2027-02-28", "7.1": "2027-07-31"}


MONTH_AND_WEEK_CELLS = """\
title: 2026年学生资助工作要点任务分解表
year: 2026
columns:
  - {header: 工作类别, role: group}
  - {header: 工作任务, role: task}
  - {header: 完成时限, role: time}
groups:
  - label: 一、加强资助育人
    tasks:
      - {text: 开展“诚信校园行”主题教育活动, deadline: 5月}
      - {text: 开展学生资助资金专项检查, deadline: 2026年10月}
      - {text: 召开资助工作推进会, deadline: 3月第二周}
      - {text: 组织新生资助政策宣讲, deadline: 9月1日-9月6日}
      - {text: 完成年度资助档案整理, deadline: 10月31日前}
"""


def test_a_month_week_or_range_time_cell_is_not_a_day_deadline(cli, in_tmp: Path) -> None:
    # 5-31 and 3-15 and 9-06 are Sundays, 10-31 a Saturday: only the day written as one (10月31日前) warns
    _write(in_tmp, MONTH_AND_WEEK_CELLS)
    result = cli("check", "-q", "plan.yaml")
    assert result.stdout.splitlines() == [
        "plan.yaml:14:38: warning[W220]: 任务 c1.5 的截止日期“10月31日前”（2026-10-31）是星期六，不是工作日；"
        "前一个工作日是10月30日（星期五）"
    ]
    # the dates themselves are kept: a whole month is due on its last day
    rows = cli("tasks", "plan.yaml", "-f", "csv").stdout
    assert "2026-05-31" in rows and "2026-10-31" in rows and "2026-03-15" in rows


def test_a_group_deadline_of_a_whole_month_does_not_warn(cli, in_tmp: Path) -> None:
    plan = "title: t\nyear: 2026\nperiods:\n  - {label: 一月, deadline: 1月31日, tasks: [a]}\n"
    plan += "  - {label: 二至五月, deadline: 5月, tasks: [b]}\n"
    _write(in_tmp, plan)
    assert cli("check", "-q", "plan.yaml").stdout.splitlines() == [
        "plan.yaml:4:27: warning[W220]: 时段“一月”的完成时间“1月31日”（2026-01-31）是星期六，不是工作日；"
        "前一个工作日是1月30日（星期五）"
    ]
