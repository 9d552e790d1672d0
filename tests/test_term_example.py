"""E205 for a school word in a plan without a term names a term that holds the plan's groups: following the
message gives a plan that checks clean and dates each task within its group."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

AUTUMN = """title: 某校2025年秋季学期学生资助工作安排
year: 2025
periods:
  - label: 九月
    tasks:
      - {text: 开展新生资助政策宣传, deadline: 开学初}
      - {text: 核对家庭经济困难学生信息, deadline: 开学后}
  - label: 十月
    tasks:
      - {text: 完成国家助学金评审, deadline: 期中考试前}
  - label: 十一月至十二月
    tasks:
      - 发放国家助学金
  - label: 一月
    tasks:
      - {text: 做好本学期资助工作总结, deadline: 期末}
"""

SPRING = """title: 某校2026年春季学期学生资助工作安排
year: 2026
periods:
  - label: 三月
    tasks:
      - {text: 开展资助政策宣传, deadline: 开学初}
  - label: 四月至五月
    tasks:
      - {text: 完成国家助学金评审, deadline: 期中考试}
  - label: 六月至七月
    tasks:
      - {text: 做好毕业生资助工作, deadline: 暑假前}
"""

HINT = re.compile(r"或在学期计划里写一次 term（如 (term: \{[^}]*\})）$")


def _follow(cli, plan: Path) -> str:
    """The term the E205 findings name (the same in each), written into the plan after `year:`."""
    check = cli("check", "-q", plan)
    assert check.exit_code == 1
    named = {HINT.search(line)[1] for line in check.stdout.splitlines() if "E205" in line}
    assert len(named) == 1, check.stdout
    term = named.pop()
    text = plan.read_text(encoding="utf-8")
    plan.write_text(re.sub(r"(?m)^(year: \d+\n)", rf"\g<1>{term}\n", text), encoding="utf-8")
    return term


def _due_within_groups(cli, plan: Path) -> dict[str, str]:
    rows = json.loads(cli("tasks", "-f", "json", plan).stdout)["plans"][0]["tasks"]
    spans = {row["group"]: (row["start"], row["end"]) for row in rows if row["span_source"] != "task"}
    found = {}
    for row in rows:
        label = row["group"]
        months = re.findall(r"[一二三四五六七八九十]+(?=月)", label)
        found[row["id"]] = row["deadline"]
        if label in spans:
            start, end = spans[label]
            assert start <= row["deadline"] <= end, (row["id"], row["deadline"], spans[label])
        assert months, label
    return found


def test_an_autumn_plan_is_told_its_autumn_term_and_following_it_dates_each_task_in_its_group(cli, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(AUTUMN, encoding="utf-8")
    assert _follow(cli, plan) == "term: {name: 2025-2026学年第一学期, start: 2025-09-01}"
    assert cli("check", "-q", plan).stdout == ""
    assert _due_within_groups(cli, plan) == {
        "9.1": "2025-09-07",
        "9.2": "2025-09-07",
        "10.1": "2025-10-31",
        "11.1": "2025-12-31",
        "1.1": "2026-01-18",
    }


def test_a_spring_plan_is_told_its_spring_term(cli, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(SPRING, encoding="utf-8")
    assert _follow(cli, plan) == "term: {name: 2025-2026学年第二学期, start: 2026-03-02}"  # 3月1日 is a Sunday
    assert cli("check", "-q", plan).stdout == ""
    due = _due_within_groups(cli, plan)
    assert due["3.1"] == "2026-03-08"
    assert date.fromisoformat(due["6.1"]).month in (6, 7)


def test_the_plan_of_review4_is_told_the_autumn_term_of_its_year(cli, tmp_path):
    """A 2026 plan with 九月 and 十月 groups was told to write a spring term of 2027, which dated its 九月 task
    in February 2027."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: t\nyear: 2026\nperiods:\n  - label: 九月\n    tasks:\n      - {text: a, deadline: 开学初}\n"
        "  - label: 十月\n    tasks:\n      - {text: b, deadline: 开学后}\n",
        encoding="utf-8",
    )
    assert cli("check", "-q", plan).stdout.splitlines()[0] == (
        f"{plan}:6:29: error[E205]: 任务 9.1 的截止日期“开学初”要按学期推算日期，但计划没有写学期：请直接写日期"
        "（如“7月10日前”），或在学期计划里写一次 term（如 term: {name: 2026-2027学年第一学期, start: 2026-09-01}）"
    )


def test_a_plan_whose_groups_span_two_terms_is_told_to_write_the_date(cli, tmp_path):
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "title: t\nyear: 2026\nperiods:\n  - label: 三月\n    tasks:\n      - {text: a, deadline: 开学初}\n"
        "  - label: 十月\n    tasks:\n      - b\n",
        encoding="utf-8",
    )
    found = [line for line in cli("check", "-q", plan).stdout.splitlines() if "E205" in line]
    assert found == [
        f"{plan}:6:29: error[E205]: 任务 3.1 的截止日期“开学初”要按学期推算日期，但计划没有写学期，它的时段也不在"
        "同一个学期里：请直接写日期（如“7月10日前”）"
    ]
    english = cli("--lang", "en", "check", "-q", plan).stdout
    assert "and its periods do not lie in one term: write a date" in english
