"""Deadline cells as offices print them (年底前, 6月30日前完成, 6月30日（星期二）前, 6月中旬前, 6月1日前后, 长期,
每学期末 …): each reads as a date, and `aidplan tasks` shows the dates below (plans in tests/data/forms)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import DATA

FORMS = DATA / "forms"


def _rows(cli, name: str) -> dict[str, list[str]]:
    """The task text → [起止 start, end, 截止] of each `aidplan tasks` row."""
    out = cli("tasks", name).stdout.splitlines()[2:]
    rows = {}
    for line in out:
        cells = line.split()
        if cells[3] == "—":  # no span: 起止 and 起止来源 are dashes
            rows[cells[-1]] = ["—", "—", cells[5]]
        else:
            rows[cells[-1]] = [cells[3], cells[5], cells[7]]
    return rows


def test_office_deadlines_read_as_dates(cli, in_tmp: Path) -> None:
    shutil.copy(FORMS / "office-deadlines.yaml", in_tmp / "plan.yaml")
    check = cli("check", "plan.yaml")
    assert check.exit_code == 0
    assert (check.stdout, check.stderr.strip()) == ("", "检查了 1 个文件：0 个错误，0 个警告")
    assert _rows(cli, "plan.yaml") == {
        "资助政策宣传": ["2026-01-01", "2026-12-31", "2026-12-31"],  # 长期
        "资助育人活动": ["2026-01-01", "2026-12-31", "2026-12-31"],  # 持续推进
        "年度总结": ["—", "—", "2026-12-31"],  # 年底前
        "档案整理": ["—", "—", "2026-12-31"],  # 年底
        "资金发放": ["2026-01-01", "2026-12-31", "2026-12-31"],  # 年内
        "中期自查": ["—", "—", "2026-06-30"],  # 年中
        "贷款回执收集": ["—", "—", "2026-06-30"],  # 7月前
        "困难认定复核": ["2026-06-11", "2026-06-20", "2026-06-20"],  # 6月中旬前
        "毕业生信息确认": ["2026-06-01", "2026-06-10", "2026-06-10"],  # 6月上旬前
        "国家助学贷款还款确认": ["2026-06-21", "2026-06-30", "2026-06-30"],  # 6月下旬前
        "资助工作推进会": ["—", "—", "2026-06-01"],  # 6月1日前后
        "数据报送": ["—", "—", "2026-06-30"],  # 6月30日前完成
        "材料归档": ["—", "—", "2026-06-30"],  # 6月30日前办结
        "绩效评价": ["—", "—", "2026-06-30"],  # 6月30日前完成上报
        "诚信教育": ["—", "—", "2026-06-30"],  # 6月30日（星期二）前
        "学籍核对": ["—", "—", "2026-06-30"],  # 6月30日(周二)前
        "减免审核": ["—", "—", "2026-06-30"],  # 6月30日（礼拜二）前
    }
    # the printed word is kept as the deadline's source
    assert "任务截止“长期”" in cli("tasks", "plan.yaml").stdout


def test_before_a_month_is_the_last_day_of_the_month_before(cli, in_tmp: Path) -> None:
    plan = (FORMS / "office-deadlines.yaml").read_text(encoding="utf-8").replace("'7月前'", "'6月前'")
    (in_tmp / "plan.yaml").write_text(plan, encoding="utf-8")
    assert _rows(cli, "plan.yaml")["贷款回执收集"] == ["—", "—", "2026-05-31"]
    # 2026-05-31 is a Sunday: the usual working-day warning, not an unreadable date
    check = cli("check", "-q", "plan.yaml")
    assert "warning[W220]: 任务 c1.7 的截止日期“6月前”（2026-05-31）是星期日" in check.stdout
    assert "E205" not in check.stdout


def test_in_a_term_plan_the_whole_plan_and_term_end(cli, in_tmp: Path) -> None:
    shutil.copy(FORMS / "term-deadlines.yaml", in_tmp / "plan.yaml")
    check = cli("check", "plan.yaml")
    assert check.exit_code == 0
    assert (check.stdout, check.stderr.strip()) == ("", "检查了 1 个文件：0 个错误，0 个警告")
    assert _rows(cli, "plan.yaml") == {
        "资助政策宣传": ["2027-03-01", "2027-07-09", "2027-07-09"],  # 长期: the term
        "资助育人活动": ["2027-03-01", "2027-07-09", "2027-07-09"],  # 持续推进: the term
        "受助学生跟踪": ["2027-06-26", "2027-07-09", "2027-07-09"],  # 每学期末: 期末, due on the term's last day
        "资金发放": ["2027-01-01", "2027-12-31", "2027-12-31"],  # 年内: the calendar year
    }


BAD = """\
title: t
year: 2026
columns:
  - {header: 类, role: group}
  - {header: 内容, role: task}
  - {header: 时限, role: time}
groups:
  - label: 一、综合
    tasks:
      - {text: 任务1, deadline: '6月30日（星期三）前'}
      - {text: 任务2, deadline: '6月（星期三）前'}
      - {text: 任务3, deadline: '暑假前'}
"""


def test_a_wrong_weekday_and_a_term_word_without_a_term_are_errors(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(BAD, encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert check.exit_code == 1
    assert check.stdout.splitlines()[:3] == [
        "plan.yaml:10:31: error[E205]: 任务 c1.1 的截止日期“6月30日（星期三）前”"
        "括号中的星期与日期不符：6月30日是星期二",
        "plan.yaml:11:31: error[E205]: 任务 c1.2 的截止日期“6月（星期三）前”括号中的星期只能跟在一个日子后面",
        "plan.yaml:12:31: error[E205]: 任务 c1.3 的截止日期“暑假前”要按学期推算日期，但计划没有写学期：请直接写日期"
        "（如“7月10日前”），或在学期计划里写一次 term（如 term: {name: 2025-2026学年第二学期, start: 2026-03-02}）",
    ]
    english = cli("--lang", "en", "check", "-q", "plan.yaml").stdout
    assert "the weekday in brackets does not match the date" in english
