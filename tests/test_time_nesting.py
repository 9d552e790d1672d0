"""Time expressions read where they are written: sub-groups inside their parent's month (9月 > 上旬, 10月 > 第二周,
日常工作 > 每周一), dates in task text near their group (1月8日 in a 十二月 group is next January, W225), a printed
次年 counted once, and `due` naming each task's whole group path."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from aidplan.plan.periods import PeriodLabelError, Span, parse_period_label

NESTED = (Path(__file__).parent / "data" / "time" / "nested.yaml").read_text(encoding="utf-8")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sub_groups_are_read_in_their_parents_month(cli, in_tmp) -> None:
    _write(in_tmp, "plan.yaml", NESTED)
    assert cli("check", "plan.yaml").stdout == ""
    result = cli("tasks", "plan.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "2026年秋季学期工作安排（plan.yaml）：7 项任务",
        "  编号     序号  时段               起止                      起止来源  截止                 截止来源      "
        "    责任单位  任务",
        "  9.1.1    1、   9月 › 上旬         2026-09-01 至 2026-09-10  时段名称  2026-09-10           时段结束      "
        "    —         部署秋季学期资助工作",
        "  9.11.1   1、   9月 › 中下旬       2026-09-11 至 2026-09-30  时段名称  2026-09-30           时段结束      "
        "    —         指导各校开展认定",
        "  10.w2.1  1、   10月 › 第二周      2026-10-12 至 2026-10-18  时段名称  2026-10-18           时段结束      "
        "    —         公示受助学生名单",
        "  10.15.1  1、   10月 › 10月15日前  2026-10-15 至 2026-10-15  时段名称  2026-10-15           时段结束      "
        "    —         上报资助名单",
        "  10.19.1  1、   10月 › 19日—31日   2026-10-19 至 2026-10-31  时段名称  2026-10-31           时段结束      "
        "    —         开展资助政策宣传",
        "  11.c1.1  1、   11月 › 每周五      —                         —         2026-11-06 起 4 次   每周例行“每周"
        "五”  —         汇总各校资助工作周报",
        "  c1.c1.1  1、   日常工作 › 每周一  —                         —         2026-09-07 起 13 次  每周例行“每周"
        "一”  —         召开中心工作例会",
    ]


def test_a_weekly_group_runs_over_its_parent_or_the_plans_dated_months(cli, in_tmp) -> None:
    _write(in_tmp, "plan.yaml", NESTED)
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    fridays = next(row for row in rows if row["id"] == "11.c1.1")["occurrences"]
    mondays = next(row for row in rows if row["id"] == "c1.c1.1")["occurrences"]
    assert fridays == ["2026-11-06", "2026-11-13", "2026-11-20", "2026-11-27"]  # 11月 > 每周五: November only
    assert (mondays[0], mondays[-1], len(mondays)) == ("2026-09-07", "2026-11-30", 13)  # 9月 … 11月


def test_a_sub_group_that_cannot_be_dated_in_its_parent_is_E201_where_it_is_written(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2026年工作安排
year: 2026
columns:
  - {header: 月份, role: group}
  - {header: 时间, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 9—10月
    groups:
      - label: 上旬
        tasks: [部署秋季学期资助工作]
  - label: 日常工作
    groups:
      - label: 中旬
        tasks: [更新资助台账]
  - label: 11月
    groups:
      - label: 31日前
        tasks: [报送名单]
""",
    )
    result = cli("check", "-q", "plan.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "plan.yaml:10:16: error[E201]: 分组“上旬”要在所属分组“9—10月”的月份里推算日期，但“9—10月”不止一个月；"
        "请写明月份（如“9月上旬”）或用 span 写明起止日期",
        "plan.yaml:14:16: error[E201]: 分组“中旬”要在所属分组的月份里推算日期，但所属分组“日常工作”不是时间；"
        "请写明月份（如“9月中旬”）或用 span 写明起止日期",
        "plan.yaml:18:16: error[E201]: 时段“31日前”不存在：2026年11月只有30天",
    ]


@pytest.mark.parametrize(
    ("label", "start", "end"),
    [
        ("次年1月15日前", "2027-01-15", "2027-01-15"),  # once: not 2028
        ("明年2月底前", "2027-02-28", "2027-02-28"),
        ("下一年3月", "2027-03-01", "2027-03-31"),
        ("2月底", "2026-02-21", "2026-02-28"),  # a time: the last days of February
        ("2月底前", "2026-02-28", "2026-02-28"),  # a day: by the last day of February
        ("3月—5月底", "2026-03-01", "2026-05-31"),  # as a range end: to the last day
        ("12月至2月底", "2026-12-01", "2027-02-28"),
        ("9月初至10月底", "2026-09-01", "2026-10-31"),
        ("9月中下旬", "2026-09-11", "2026-09-30"),
        ("9月上中旬", "2026-09-01", "2026-09-20"),
        ("9月下半月", "2026-09-16", "2026-09-30"),
        ("全年常规工作", "2026-01-01", "2026-12-31"),
    ],
)
def test_labels_offices_write(label: str, start: str, end: str) -> None:
    assert parse_period_label(label, 2026) == Span(date.fromisoformat(start), date.fromisoformat(end))


def test_an_unreadable_label_is_given_a_span_near_the_month_it_names() -> None:
    with pytest.raises(PeriodLabelError) as raised:
        parse_period_label("9月下旬开始", 2026)
    assert str(raised.value) == (
        "无法从时段名称“9月下旬开始”推出日期范围；请用 span 写明起止日期（如 span: {start: 2026-09-21, end: 2026-09-"
        "30}）"
    )
    with pytest.raises(PeriodLabelError) as raised:
        parse_period_label("迎检阶段", 2026)
    assert "span: {start: 2026-03-01, end: 2026-03-07}" in str(raised.value)


def test_routine_work_is_a_category_and_its_monthly_duties_run_over_the_plans_dates(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2026年学生资助工作计划
year: 2026
periods:
  - label: 9月初
    tasks: [开展新生资助政策宣传]
  - label: 9月中下旬
    tasks: [开展家庭经济困难学生认定]
  - label: 10月—12月底
    tasks: [发放秋季学期国家助学金]
  - label: 日常工作
    tasks: [每月20日前报送资助工作月报]
  - label: 常规工作
    tasks: [整理资助档案]
""",
    )
    result = cli("check", "-q", "plan.yaml")
    assert result.stdout.splitlines() == [
        "plan.yaml:13:13: warning[W222]: 任务 c2.1“整理资助档案”没有日期：分组“常规工作”是日常工作，按类别处理，不给"
        "日期，"
        "任务也没有时间、截止日期或文中日期，due、status、export 都不会列出它；请给任务写 deadline:（如“5月31日前”）"
        "或给分组写 time: / span:",
    ]
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    monthly = next(row for row in rows if row["id"] == "c1.1")
    assert monthly["occurrences"] == ["2026-09-20", "2026-10-20", "2026-11-20", "2026-12-20"]


YEARS = """\
title: 2010年计划
year: 2010
periods:
  - label: 十二月
    tasks:
      - 次年2月底前上报
      - 明年1月10日前上报
      - 下一年3月完成
      - 次年1月底前完成
      - 2011年1月8日前完成
      - 1月8日前完成
      - 于3.15前完成
      - 于12.18前完成
      - 12月20日至25日开展
      - 2月29日前完成
"""


def test_years_in_task_text_are_read_once_and_a_january_day_in_december_is_next_year(cli, in_tmp) -> None:
    _write(in_tmp, "plan.yaml", YEARS)
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    assert [(row["text"], row["deadline"], row["deadline_source"], row["deadline_text"]) for row in rows] == [
        ("次年2月底前上报", "2011-02-28", "text", "次年2月底"),
        ("明年1月10日前上报", "2011-01-10", "text", "明年1月10日"),
        ("下一年3月完成", "2011-03-31", "text", "下一年3月"),
        ("次年1月底前完成", "2011-01-31", "text", "次年1月底"),
        ("2011年1月8日前完成", "2011-01-08", "text", "2011年1月8日"),
        ("1月8日前完成", "2011-01-08", "text", "1月8日"),  # before its group: next January, warned
        ("于3.15前完成", "2011-03-15", "text", "3.15"),
        ("于12.18前完成", "2010-12-18", "text", "12.18"),
        ("12月20日至25日开展", "2010-12-25", "text", "12月20日至25日"),  # the end of the range
        ("2月29日前完成", "2010-12-31", "period-end", None),  # no such day in 2010: warned, not a deadline
    ]


def test_dates_read_as_next_years_and_days_that_do_not_exist_are_warned_where_written(cli, in_tmp) -> None:
    _write(in_tmp, "plan.yaml", YEARS)
    w225 = [line for line in cli("check", "-q", "plan.yaml").stdout.splitlines() if "W225" in line]
    assert w225 == [
        "plan.yaml:11:9: warning[W225]: 任务 12.6 文中的日期“1月8日”没有写年份，早于时段“十二月”的开始，按次年读作 "
        "2011-01-08；如指次年，写成“次年1月8日”可免此警告，如指别的年份请写明年份",
        "plan.yaml:12:9: warning[W225]: 任务 12.7 文中的日期“3.15”没有写年份，早于时段“十二月”的开始，按次年读作 "
        "2011-03-15；如指次年，写成“次年3.15”可免此警告，如指别的年份请写明年份",
        "plan.yaml:15:9: warning[W225]: 任务 12.10 文中的日期“2月29日”不存在：2010年不是闰年，2月只有28天，"
        "没有当作截止日期；请改正日期",
    ]


def test_a_task_deadline_without_a_year_before_its_group_is_next_years_and_warned_once(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2010年计划
year: 2010
periods:
  - label: 十二月
    tasks:
      - {text: 报送年度总结, deadline: 1月14日}
      - {text: 整理档案, deadline: 8月14日}
""",
    )
    result = cli("check", "-q", "plan.yaml")
    assert result.stdout.splitlines() == [
        "plan.yaml:6:34: warning[W225]: 任务 12.1 的截止日期“1月14日”没有写年份，早于时段“十二月”的开始，按次年读作 "
        "2011-01-14；如指次年，写成“次年1月14日”可免此警告，如指别的年份请写明年份",
        "plan.yaml:7:32: error[E206]: 任务 12.2 的截止日期“8月14日”（2010-08-14）早于时段“十二月”的开始（2010-12-01）",
    ]


def test_a_week_out_of_order_does_not_move_the_other_months_into_another_year(cli) -> None:
    mw = Path(__file__).parent / "data" / "time" / "week-out-of-order.yaml"
    result = cli("check", "-q", mw)
    lines = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert lines == [
        "warning[W204]: 第1个时段“第一周”（第11行）与第2个时段“第十二周”之间有空档（2025-09-08 至 2025-11-16 没有安"
        "排）",
        "warning[W223]: 分组“第十二周”的日期（2025-11-17 至 2025-11-23）不在它所属的分组“九月”（2025-09-01 至 "
        "2025-09-30）之内；请核对周次或所属分组，或给它写 span:",
        "error[E202]: 时段顺序不对：第3个时段“第二周”（2025-09-08 起）排在第2个时段“第十二周”（第13行，2025-11-17 起"
        "）之后",
        "warning[W223]: 分组“第二周”的日期（2025-09-08 至 2025-09-14）不在它所属的分组“十月”（2025-10-01 至 "
        "2025-10-31）之内；请核对周次或所属分组，或给它写 span:",
        "warning[W204]: 第2个时段“十月”（第17行）与第3个时段“一月”之间有空档（2025-11-01 至 2025-12-31 没有安排）",
        "warning[W204]: 第1个时段“第二十周”（第23行）与第2个时段“第二十五周”之间有空档（2026-01-19 至 2026-02-15 没"
        "有安排）",
        "warning[W223]: “第二十五周”（2026-02-16 至 2026-02-22）在学期（2025-09-01 至 2026-01-23）之外；"
        "请核对周次或 term 的起止日期",
    ]


def test_a_task_with_no_date_has_no_deadline_source_either(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2026年学生资助工作要点
year: 2026
columns:
  - {header: 类别, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 一、宣传教育
    tasks:
      - 开展资助政策宣传
      - 5月20日前印发资助政策简明读本
""",
    )
    assert cli("tasks", "plan.yaml").stdout.splitlines()[1:] == [
        "  编号  序号  时段          起止  起止来源  截止        截止来源           责任单位  任务",
        "  c1.1  1、   一、宣传教育  —     —         —           —                  —         开展资助政策宣传",
        "  c1.2  2、   一、宣传教育  —     —         2026-05-20  文中日期“5月20日”  —         5月20日前印发资助政策"
        "简明读本",
    ]
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    assert (rows[0]["deadline"], rows[0]["deadline_source"]) == (None, None)


WEEKS = """\
title: 2026年秋季学期工作安排
year: 2026
columns:
  - {header: 月份, role: group}
  - {header: 周次, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 9月
    groups:
      - label: 第二周
        tasks: [开展新生资助政策宣传]
  - label: 10月
    groups:
      - label: 第二周
        tasks: [公示受助学生名单]
"""


def test_due_names_each_tasks_whole_group_path(cli, in_tmp) -> None:
    _write(in_tmp, "plan.yaml", WEEKS)
    text = cli("due", "plan.yaml", "--today", "2026-10-12").stdout.splitlines()
    assert text[3:7] == [
        " 已逾期（1）",
        "  9.w2.1   2026-09-20  已逾期22天    9月 › 第二周   开展新生资助政策宣传",
        " 即将到期（1）",
        "  10.w2.1  2026-10-18  还有6天       10月 › 第二周  公示受助学生名单",
    ]
    markdown = cli("due", "plan.yaml", "--today", "2026-10-12", "-f", "md").stdout.splitlines()
    assert "| 9.w2.1 | 9月 › 第二周 | 开展新生资助政策宣传 |  | 2026-09-20 | 已逾期22天 |" in markdown
    assert "| 10.w2.1 | 10月 › 第二周 | 公示受助学生名单 |  | 2026-10-18 | 还有6天 |" in markdown
    items = json.loads(cli("due", "plan.yaml", "--today", "2026-10-12", "-f", "json").stdout)["items"]
    assert [(item["id"], item["period"]) for item in items] == [
        ("9.w2.1", "9月 › 第二周"),
        ("10.w2.1", "10月 › 第二周"),
    ]


def test_weeks_past_any_months_are_the_terms_and_without_a_term_they_say_so(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2021年春季学期德育工作安排
year: 2021
columns:
  - {header: 月份, role: group}
  - {header: 周次, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 三月
    groups:
      - label: 第一周
        tasks: [开学典礼暨国旗下讲话]
  - label: 四月
    groups:
      - label: 第六周
        tasks: [清明节缅怀先烈主题班会]
""",
    )
    lines = cli("check", "-q", "plan.yaml").stdout.splitlines()
    assert [line.split(": ", 1)[0] for line in lines] == ["plan.yaml:11:17", "plan.yaml:15:17"]
    assert lines[1] == (
        "plan.yaml:15:17: warning[W222]: 任务 4.c1.1“清明节缅怀先烈主题班会”没有日期：分组“第六周”是学期的周次，"
        "但计划没有写学期，推不出日期，任务也没有时间、截止日期或文中日期，due、status、export 都不会列出它；"
        "请给任务写 deadline:（如“5月31日前”）或给分组写 time: / span:；或写一次 term（如 term: {start: "
        "2021-03-01}，开学的日子），周次就从它推算"
    )


def test_a_weekday_under_a_week_and_a_category_under_a_month_take_their_dates_from_it(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2026年秋季学期工作安排
year: 2026
columns:
  - {header: 月份, role: group}
  - {header: 分项, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 3月
    groups:
      - label: 第一周
        groups:
          - label: 周一
            tasks: [召开开学工作会议]
  - label: 9月
    groups:
      - label: 宣传发动
        tasks: [开展资助政策宣传, 9月15日前印发资助政策简明读本]
""",
    )
    assert cli("check", "-q", "plan.yaml").stdout == (  # the months between are a gap; nothing is undated
        "plan.yaml:14:12: warning[W204]: 第1个时段“3月”（第8行）与第2个时段“9月”之间有空档"
        "（2026-04-01 至 2026-08-31 没有安排）\n"
    )
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    assert [(r["id"], r["group"], r["start"], r["end"], r["span_source"], r["deadline"]) for r in rows] == [
        ("3.w1.d1.1", "3月 › 第一周 › 周一", "2026-03-02", "2026-03-02", "label", "2026-03-02"),
        ("9.c1.1", "9月 › 宣传发动", "2026-09-01", "2026-09-30", "parent", "2026-09-30"),
        ("9.c1.2", "9月 › 宣传发动", "2026-09-01", "2026-09-30", "parent", "2026-09-15"),
    ]
    csv_lines = cli("export", "-f", "csv", "-o", "-", "plan.yaml").stdout.splitlines()
    assert csv_lines[2].split(",")[1:4] == ["9.c1.1", "9月 › 宣传发动", "开展资助政策宣传"]


def test_next_year_printed_in_an_autumn_terms_january_is_the_year_after_the_plans(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2026年秋季学期学生资助工作计划
year: 2026
term: {name: 2026-2027学年第一学期, start: 2026-08-31, end: 2027-01-22}
periods:
  - label: 十二月
    tasks: [开展资助工作专项检查]
  - label: 一月
    tasks:
      - 次年1月15日前完成年度总结
      - {text: 报送资助档案, deadline: 次年1月20日}
      - 1月18日前完成期末资助工作检查
""",
    )
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    assert [row["deadline"] for row in rows] == ["2026-12-31", "2027-01-15", "2027-01-20", "2027-01-18"]


def test_days_of_a_month_and_a_monthly_group_inside_it(cli, in_tmp) -> None:
    _write(
        in_tmp,
        "plan.yaml",
        """\
title: 2026年工作安排
year: 2026
columns:
  - {header: 月份, role: group}
  - {header: 时间, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 3月
    groups:
      - label: 1日—7日
        tasks: [核对学籍信息]
      - label: 15日前
        tasks: [报送资助名单]
      - label: 下半月
        tasks: [开展资助政策宣传]
      - label: 每月20日前
        tasks: [更新资助信息系统数据]
""",
    )
    assert cli("check", "plan.yaml").stdout == ""  # a day things are due by (15日前) leaves no gap before it
    rows = json.loads(cli("tasks", "plan.yaml", "-f", "json").stdout)["plans"][0]["tasks"]
    assert [(r["id"], r["start"], r["end"], r["deadline"], r["deadline_source"], r["deadline_text"]) for r in rows] == [
        ("3.1.1", "2026-03-01", "2026-03-07", "2026-03-07", "period-end", None),
        ("3.15.1", "2026-03-15", "2026-03-15", "2026-03-15", "period-end", None),
        ("3.16.1", "2026-03-16", "2026-03-31", "2026-03-31", "period-end", None),
        ("3.c1.1", None, None, None, "monthly", "每月20日前"),  # a recurrence: its days are its occurrences
    ]
    assert rows[3]["occurrences"] == ["2026-03-20"]  # the 20th of March only: it runs within 3月
