"""A record for a recurring task's plain id (`done PLAN 1.1`) is for one occurrence: the one of its week (每周) or
month (每月), or else the next one due; never the whole year, nor the weeks before. `done` says which one, lists the
earlier ones still open, and refuses a date before the plan's first day."""

from __future__ import annotations

from pathlib import Path

PLAN = """\
title: 某县2027年学生资助工作计划
year: 2027
columns:
  - {header: 时间, role: group}
  - {header: 工作内容, role: task}
groups:
  - label: 全年
    tasks:
      - 每月20日前更新全国学生资助管理信息系统数据
      - 每周五前报送资助工作周报
  - label: 3月
    tasks:
      - 开展春季学期资助工作
  - label: 一、日常工作
    tasks:
      - {text: 报送工作进展, deadline: 每季度末}
"""


def _status_lines(cli, today: str) -> list[str]:
    return cli("status", "plan.yaml", "--today", today, "--color", "never").stdout.splitlines()


def test_a_record_on_19_january_is_januarys_occurrence_only(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    done = cli("done", "plan.yaml", "1.1", "1.2", "c1.1", "--on", "2027-01-19")
    assert done.exit_code == 0
    assert done.stdout.splitlines() == [
        "已记录 1.1、1.2、c1.1：已完成（2027-01-19）→ plan.progress.yaml",
        "  1.1 是例行任务：这条记录只记 1.1@1-20 这一次",
        "  1.2 是例行任务：这条记录只记 1.2@1-22 这一次",  # 19 January is a Tuesday: that week's Friday
        "  之前还有 3 次未完成：1.2@1-1、1.2@1-8、1.2@1-15；完成了的请逐次记录，如 aidplan done plan.yaml 1.2@1-1",
        "  c1.1 是例行任务：这条记录只记 c1.1@3-31 这一次",  # none due in January: the next one
    ]
    due = "\n".join(
        " ".join(line.split())
        for line in cli("due", "plan.yaml", "--today", "2027-02-15", "--color", "never").stdout.splitlines()
    )
    assert "1.1@2-20 2027-02-20 还有5天" in due  # February's update is still to do
    assert "1.1@1-20" not in due and "1.2@1-22" not in due
    assert "1.2@1-15 2027-01-15 已逾期31天" in due  # the weeks before stay open
    assert "1.2@1-29 2027-01-29 已逾期17天" in due


def test_a_later_record_is_for_its_own_month_and_a_later_one_does_not_reopen_an_earlier(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    cli("done", "plan.yaml", "1.1", "--on", "2027-01-19")
    later = cli("mark", "plan.yaml", "1.1", "--status", "doing", "--on", "2027-03-25")
    assert later.stdout.splitlines()[1:] == [
        "  1.1 是例行任务：这条记录只记 1.1@3-20 这一次",
        "  之前还有 1 次未完成：1.1@2-20；完成了的请逐次记录，如 aidplan done plan.yaml 1.1@2-20",
    ]
    due = cli("due", "plan.yaml", "--today", "2027-03-26", "--color", "never").stdout
    due = "\n".join(" ".join(line.split()) for line in due.splitlines())
    assert "1.1@1-20" not in due  # January's done record still holds: March's record is not January's
    assert "1.1@2-20 2027-02-20 已逾期34天" in due
    assert "1.1@3-20 2027-03-20 已逾期6天 全年 每月20日前更新全国学生资助管理信息系统数据（进行中）" in due


def test_a_record_before_the_plan_begins_is_refused(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN, encoding="utf-8")
    refused = cli("done", "plan.yaml", "1.1", "--on", "2026-11-25")
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        "aidplan: 记录日期 2026-11-25 早于计划的第一天 2027-01-01，没有写入任何记录；"
        "请用 --on 写完成那天的日期（如 --on 2027-01-01）"
    )
    assert not (in_tmp / "plan.progress.yaml").exists()
    english = cli("--lang", "en", "done", "plan.yaml", "1.1", "--on", "2026-11-25").stderr
    assert "before the plan's first day" in english
    covered = cli("--lang", "en", "done", "plan.yaml", "1.1", "--on", "2027-01-19").stdout
    assert "1.1 is a recurring task: this record is for 1.1@1-20 only" in covered
