"""Task numbers as printed: every form, numbers that run on across groups, sub-headings with their own lists,
repeats and skips kept with a warning; the same printed text in Markdown, HTML and DOCX."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from aidplan.plan.model import Plan
from aidplan.plan.numbering import NUMBERING_FORMS, chinese_count, circled, format_number
from aidplan.plan.schedule import schedule

from .docx_reading import reading_order


@pytest.mark.parametrize(
    ("form", "printed"),
    [
        ("1、", ["1、", "9、", "10、", "21、"]),
        ("1.", ["1.", "9.", "10.", "21."]),
        ("1．", ["1．", "9．", "10．", "21．"]),
        ("(1)", ["(1)", "(9)", "(10)", "(21)"]),
        ("（1）", ["（1）", "（9）", "（10）", "（21）"]),
        ("1)", ["1)", "9)", "10)", "21)"]),
        ("1）", ["1）", "9）", "10）", "21）"]),
        ("01.", ["01.", "09.", "10.", "21."]),
        ("01、", ["01、", "09、", "10、", "21、"]),
        ("一、", ["一、", "九、", "十、", "二十一、"]),
        ("（一）", ["（一）", "（九）", "（十）", "（二十一）"]),
        ("①", ["①", "⑨", "⑩", "㉑"]),
        ("1", ["1", "9", "10", "21"]),
        ("none", ["", "", "", ""]),
    ],
)
def test_every_form_prints_numbers_as_offices_do(form: str, printed: list[str]) -> None:
    assert [format_number(n, form) for n in (1, 9, 10, 21)] == printed


def test_the_forms_tested_are_all_the_forms_a_plan_may_name() -> None:
    assert set(NUMBERING_FORMS) == {
        "1、",
        "1.",
        "1．",
        "(1)",
        "（1）",
        "1)",
        "1）",
        "01.",
        "01、",
        "一、",
        "（一）",
        "①",
        "1",
        "none",
    }


def test_circled_numbers_run_to_fifty_then_continue_in_brackets() -> None:
    assert [circled(n) for n in (1, 20, 21, 35, 36, 50, 51)] == ["①", "⑳", "㉑", "㉟", "㊱", "㊿", "(51)"]


def test_chinese_counting_numbers_past_ninety_nine() -> None:
    assert [chinese_count(n) for n in (1, 10, 11, 20, 99, 100, 101, 110, 112, 120, 1000, 1005, 1010)] == [
        "一",
        "十",
        "十一",
        "二十",
        "九十九",
        "一百",
        "一百零一",
        "一百一十",
        "一百一十二",
        "一百二十",
        "一千",
        "一千零五",
        "一千零一十",
    ]
    assert format_number(105, "01.") == "105."


CONTINUOUS = """title: 2021年5月学生资助工作安排
year: 2021
numbering: "01."
numbering_scope: plan
periods:
  - label: 5月上旬
    tasks: [启动国家助学金春季资格复核, 印发资助政策宣传提纲]
  - label: 5月中旬
    tasks: [组织诚信教育主题班会, 开展资助育人征文]
  - label: 5月下旬
    tasks: [报送资助资金发放台账]
"""

HEADINGS = """title: 2021年学生资助工作计划
year: 2021
numbering: "1."
layout: {layout}
periods:
  - label: 3月份
    tasks:
      - heading: （一）资助宣传
      - 印发资助政策简介
      - 开展“资助政策进校园”活动
      - heading: （二）资金发放
      - 发放国家助学金
      - text: 发放励志奖学金
        number: 2
      - 核对发放台账
"""


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_numbers_run_on_across_groups_with_numbering_scope_plan(cli, tmp_path: Path) -> None:
    plan = _write(tmp_path, "may.yaml", CONTINUOUS)
    assert cli("check", plan).exit_code == 0
    assert cli("render", plan, "-f", "md,html,docx", "-d", tmp_path).exit_code == 0
    markdown = (tmp_path / "may.md").read_text(encoding="utf-8")
    assert [line for line in markdown.splitlines() if line.startswith("|") and "." in line] == [
        "| 5月上旬 | 01.启动国家助学金春季资格复核 |",
        "|  | 02.印发资助政策宣传提纲 |",
        "| 5月中旬 | 03.组织诚信教育主题班会 |",
        "|  | 04.开展资助育人征文 |",
        "| 5月下旬 | 05.报送资助资金发放台账 |",
    ]
    cells = reading_order((tmp_path / "may.docx").read_bytes())
    assert [c for c in cells if re.match(r"\d\d\.", c)] == [
        "01.启动国家助学金春季资格复核",
        "02.印发资助政策宣传提纲",
        "03.组织诚信教育主题班会",
        "04.开展资助育人征文",
        "05.报送资助资金发放台账",
    ]
    page = (tmp_path / "may.html").read_text(encoding="utf-8")
    assert '<td class="tasks">03.组织诚信教育主题班会</td>' in page
    # default ids follow the printed numbers, so they stay unique across groups
    ids = [task.id for item in schedule(Plan.model_validate(_yaml(CONTINUOUS))) for task in item.tasks]
    assert ids == ["5.1", "5.2", "5-2.3", "5-2.4", "5-3.5"]


def _yaml(text: str) -> dict:
    import yaml

    return yaml.safe_load(text)


def test_a_sub_heading_starts_its_own_list_in_the_task_cell_by_task(cli, tmp_path: Path) -> None:
    plan = _write(tmp_path, "headings.yaml", HEADINGS.format(layout="by-task"))
    result = cli("check", plan)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert cli("render", plan, "-f", "md,html,docx", "-d", tmp_path).exit_code == 0
    cells = reading_order((tmp_path / "headings.docx").read_bytes())
    assert cells[cells.index("3月份") + 1 :] == [
        "（一）资助宣传\n1.印发资助政策简介",
        "2.开展“资助政策进校园”活动",
        "（二）资金发放\n1.发放国家助学金",
        "2.发放励志奖学金",
        "3.核对发放台账",
    ]
    markdown = (tmp_path / "headings.md").read_text(encoding="utf-8")
    assert "| 3月份 | （一）资助宣传<br>1.印发资助政策简介 |" in markdown
    page = (tmp_path / "headings.html").read_text(encoding="utf-8")
    assert '<td class="tasks"><p>（二）资金发放</p><p>1.发放国家助学金</p></td>' in html.unescape(page)
    ids = [
        task.id
        for item in schedule(Plan.model_validate(_yaml(HEADINGS.format(layout="by-task"))))
        for task in item.tasks
    ]
    assert ids == ["3.1", "3.2", "3.1-2", "3.2-2", "3.3"]


def test_a_sub_heading_is_a_paragraph_of_the_period_cell_by_period(cli, tmp_path: Path) -> None:
    plan = _write(tmp_path, "headings.yaml", HEADINGS.format(layout="by-period"))
    assert cli("render", plan, "-f", "docx", "-d", tmp_path).exit_code == 0
    cells = reading_order((tmp_path / "headings.docx").read_bytes())
    assert cells[cells.index("3月份") + 1] == (
        "（一）资助宣传\n1.印发资助政策简介\n2.开展“资助政策进校园”活动\n"
        "（二）资金发放\n1.发放国家助学金\n2.发放励志奖学金\n3.核对发放台账"
    )


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "{heading: （一）资助宣传, owner: 学生处}",
            "heading（小标题）只写标题本身，不能同时写 owner；小标题下的任务另起一项",
        ),
        (
            "{heading: （一）资助宣传, text: 印发简介, number: 2}",
            "heading（小标题）只写标题本身，不能同时写 text、number；小标题下的任务另起一项",
        ),
    ],
)
def test_a_heading_holds_only_its_own_text(cli, tmp_path: Path, entry: str, message: str) -> None:
    plan = _write(
        tmp_path,
        "bad.yaml",
        f"title: 计划\nyear: 2021\nperiods:\n  - label: 3月份\n    tasks:\n      - {entry}\n      - 发放助学金\n",
    )
    result = cli("check", plan)
    assert result.exit_code == 1
    assert result.stdout == f"{plan}:6:9: error[E110]: {message}\n"


def test_a_heading_with_no_task_under_it_is_refused(cli, tmp_path: Path) -> None:
    plan = _write(
        tmp_path,
        "bad.yaml",
        "title: 计划\nyear: 2021\nperiods:\n  - label: 3月份\n    tasks:\n"
        "      - 发放助学金\n      - heading: （二）宣传\n",
    )
    result = cli("check", plan)
    assert result.exit_code == 1
    assert result.stdout == f"{plan}:4:5: error[E110]: 时段“3月份”的最后一项是小标题“（二）宣传”，它下面没有任务\n"


def test_numbers_printed_twice_or_skipped_are_kept_with_a_warning(cli, tmp_path: Path) -> None:
    plan = _write(
        tmp_path,
        "skips.yaml",
        """title: 计划
year: 2021
numbering: 一、
periods:
  - label: 3月份
    tasks:
      - 发放助学金
      - {text: 审核名单, number: 3}
      - 公示名单
      - {text: 归档材料, number: 4}
""",
    )
    result = cli("check", plan)
    assert result.exit_code == 0
    assert result.stdout.splitlines() == [
        f"{plan}:8:30: warning[W217]: 时段“3月份”的任务编号跳号：按顺序应为 2，写的是 3（按所写的印出）",
        f"{plan}:10:30: warning[W217]: 时段“3月份”的任务编号重复：按顺序应为 5，写的是 4（按所写的印出）",
    ]
    assert cli("render", plan, "-f", "md", "-d", tmp_path).exit_code == 0
    rows = [line for line in (tmp_path / "skips.md").read_text(encoding="utf-8").splitlines() if "、" in line]
    assert rows == ["| 3月份 | 一、发放助学金 |", "|  | 三、审核名单 |", "|  | 四、公示名单 |", "|  | 四、归档材料 |"]
    due = cli("due", plan, "--today", "2021-03-01", "--within", "60", "--format", "json")
    assert due.exit_code == 0
    assert re.findall(r'"id": "([^"]+)"', due.stdout) == ["3.1", "3.3", "3.4", "3.4-2"]


def test_a_group_that_restarts_where_numbers_run_on_is_warned(cli, tmp_path: Path) -> None:
    plan = _write(
        tmp_path,
        "restart.yaml",
        CONTINUOUS.replace("[组织诚信教育主题班会,", "[{text: 组织诚信教育主题班会, number: 1},"),
    )
    result = cli("check", plan)
    assert result.exit_code == 0
    assert result.stdout == (
        f"{plan}:9:40: warning[W217]: 时段“5月中旬”的任务编号重复：按顺序应为 3，写的是 1（按所写的印出）\n"
    )


def test_a_skip_in_a_category_group_names_the_group_not_a_period(cli, tmp_path: Path) -> None:
    plan = _write(
        tmp_path,
        "categories.yaml",
        "title: 计划\nyear: 2021\nperiods:\n  - label: 一、宣传发动\n    kind: category\n    tasks:\n"
        "      - 3月10日前印发宣传提纲\n      - {text: 召开宣传会议, number: 3, deadline: 3月19日}\n",
    )
    result = cli("check", plan)
    assert result.stdout == (
        f"{plan}:8:32: warning[W217]: 分组“一、宣传发动”的任务编号跳号：按顺序应为 2，写的是 3（按所写的印出）\n"
    )
