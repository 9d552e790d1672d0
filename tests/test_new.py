"""`aidplan new`: a commented plan to fill in, for each way of dividing the year, that checks and renders."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from aidplan.ingest.new import plan_text

from .conftest import DATA

NEW = DATA / "new"

# each golden file is what `new` writes with these options (into a folder with no schema/ above it)
CASES = {
    "monthly": ["--year", "2027", "--org", "淮北市学生资助管理中心"],
    "bimonthly": ["--periods", "bimonthly", "--year", "2027"],
    "quarterly": ["--periods", "quarterly", "--year", "2027", "--title", "2027年度学生资助工作季度计划"],
    "weekly": ["--periods", "weekly", "--term-start", "2021-03-01"],
}
PERIODS = {"monthly": 12, "bimonthly": 6, "quarterly": 4, "weekly": 20}
FIRST_LABELS = {"monthly": "1月份", "bimonthly": "1-2月", "quarterly": "第一季度", "weekly": "第一周"}
YEARS = {"monthly": 2027, "bimonthly": 2027, "quarterly": 2027, "weekly": 2021}
EXAMPLE = "【示例】写下本时段的工作任务，一项一行"


@pytest.mark.parametrize("kind", CASES)
def test_new_check_render_for_each_kind_of_periods(cli, in_tmp: Path, kind: str) -> None:
    result = cli("new", f"{kind}.yaml", *CASES[kind])
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        f"已写入 {kind}.yaml：{YEARS[kind]} 年的计划，{PERIODS[kind]} 个时段，每个时段一个“【示例】”任务\n"
        f"下一步：把示例任务换成本单位的任务，再运行 aidplan check {kind}.yaml\n"
    )
    written = (in_tmp / f"{kind}.yaml").read_text(encoding="utf-8")
    assert written == (NEW / f"{kind}.yaml").read_text(encoding="utf-8")

    checked = cli("check", f"{kind}.yaml")
    assert checked.exit_code == 0  # warnings only: the example tasks
    lines = checked.stdout.splitlines()
    assert len(lines) == PERIODS[kind]
    assert all("warning[W230]: 示例任务尚未替换：" in line for line in lines)
    assert lines[0].endswith(f"时段“{FIRST_LABELS[kind]}”的第 1 项“{EXAMPLE}”")
    assert checked.stderr == f"检查了 1 个文件：0 个错误，{PERIODS[kind]} 个警告\n"

    rendered = cli("render", f"{kind}.yaml", "-f", "md,docx", "-d", "out")
    assert rendered.exit_code == 0, rendered.stderr
    assert rendered.stderr == f"注意：计划有 {PERIODS[kind]} 个警告，运行 aidplan check 查看\n"
    markdown = (in_tmp / "out" / f"{kind}.md").read_text(encoding="utf-8")
    assert markdown.count(f"1、{EXAMPLE}") == PERIODS[kind]
    assert f"| {FIRST_LABELS[kind]} | 1、{EXAMPLE} |" in markdown
    assert (in_tmp / "out" / f"{kind}.docx").stat().st_size > 0


@pytest.mark.parametrize("kind", CASES)
def test_replacing_the_examples_and_uncommenting_every_field_checks_clean(cli, in_tmp: Path, kind: str) -> None:
    """What a user does next: uncomment the commented fields (recurring, notes, style, calendar, the example
    deadline and task mapping), replace every example; the plan then has no finding at all. (2025: a year the
    installed holiday data covers, else W221 says it does not.)"""
    cli("new", "plan.yaml", *[arg.replace("2027", "2025") for arg in CASES[kind]])  # the title's year too (W226)
    text = (in_tmp / "plan.yaml").read_text(encoding="utf-8")
    lines = []
    for number, line in enumerate(text.splitlines()):
        stripped = line.lstrip()
        if number >= 5 and stripped.startswith("# ") and ":" in stripped and not stripped.startswith("# notes"):
            line = line.replace("# ", "", 1)
        lines.append(line)
    text = "\n".join(lines).replace("# notes:", "notes:").replace("#   - 注", "  - 注")
    text = text.replace("owners: false", "owners: true", 1)  # an owner is printed only in a 责任单位 column (W218)
    count = iter(range(1, 100))
    while EXAMPLE in text:
        text = text.replace(EXAMPLE, f"开展第{next(count)}项工作", 1)
    (in_tmp / "plan.yaml").write_text(text, encoding="utf-8")
    checked = cli("check", "plan.yaml")
    assert (checked.exit_code, checked.stdout, checked.stderr) == (0, "", "检查了 1 个文件：0 个错误，0 个警告\n")
    import yaml

    plan = yaml.safe_load(text)
    assert {"recurring", "notes", "style", "calendar"} <= plan.keys()
    assert plan["periods"][0]["deadline"] and plan["periods"][0]["tasks"][1]["owner"] == "资助中心"


def test_weekly_needs_the_first_day_of_term(cli, in_tmp: Path) -> None:
    result = cli("new", "plan.yaml", "--periods", "weekly")
    assert result.exit_code == 2
    assert result.stderr == (
        "aidplan: --periods weekly 按学期的周排时段，需要开学日期：请加 --term-start（如 --term-start 2021-03-01）\n"
    )
    assert not (in_tmp / "plan.yaml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--term-start", "2021-03-01"], "--term-start 只用于 --periods weekly"),
        (
            ["--periods", "weekly", "--term-start", "2021/3/1", "--year", "2025"],
            "--year 2025 与开学日期 2021-03-01 不一致：学期计划的年度是开学的那一年（2021）；"
            "请去掉 --year，或写 --year 2021",
        ),
        (
            ["--periods", "weekly", "--year", "2027", "--term-start", "2026-09-01"],
            "--year 2027 与开学日期 2026-09-01 不一致：学期计划的年度是开学的那一年（2026）；"
            "请去掉 --year，或写 --year 2026",
        ),
        (
            ["--periods", "weekly", "--term-start", "3月32日", "--year", "2021"],
            "--term-start 的日期“3月32日”不存在（2021年3月没有32日）",
        ),
        (["--year", "1800"], "年度 1800 不在 1990 至 2100 之间"),
        (["--title", " "], "--title 不能为空，也不能含换行或控制字符"),
        (["--org", "资助\n中心"], "--org 不能为空，也不能含换行或控制字符"),
    ],
)
def test_bad_options_are_named_and_nothing_is_written(cli, in_tmp: Path, args: list[str], message: str) -> None:
    result = cli("new", "plan.yaml", *args)
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"aidplan: {message}\n")
    assert list(in_tmp.iterdir()) == []


def test_an_unknown_kind_of_periods_is_refused_by_the_option(cli, in_tmp: Path) -> None:
    result = cli("new", "plan.yaml", "--periods", "daily")
    assert result.exit_code == 2
    assert "'daily' 不是可选的值之一：'monthly', 'bimonthly', 'quarterly', 'weekly'。" in result.stderr


def test_an_existing_file_is_replaced_only_with_force(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text("title: 我的计划\n", encoding="utf-8")
    refused = cli("new", "plan.yaml", "--year", "2027")
    assert (refused.exit_code, refused.stderr) == (2, "aidplan: plan.yaml 已经存在，没有改动它；要替换它请加 --force\n")
    assert (in_tmp / "plan.yaml").read_text(encoding="utf-8") == "title: 我的计划\n"
    forced = cli("new", "plan.yaml", "--year", "2027", "--force")
    assert forced.exit_code == 0
    assert (in_tmp / "plan.yaml").read_text(encoding="utf-8").startswith("# 2027年学生资助工作计划表：")
    assert [p.name for p in in_tmp.iterdir()] == ["plan.yaml"]  # no temporary file left beside it


def test_a_dangling_symlink_counts_as_existing(cli, in_tmp: Path) -> None:
    os.symlink(in_tmp / "elsewhere.yaml", in_tmp / "plan.yaml")
    result = cli("new", "plan.yaml")
    assert (result.exit_code, result.stderr) == (2, "aidplan: plan.yaml 已经存在，没有改动它；要替换它请加 --force\n")


def test_the_file_name_must_be_a_plan_name(cli, in_tmp: Path) -> None:
    result = cli("new", "plan.txt")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 计划文件名应以 .yaml 或 .yml 结尾：plan.txt\n")


def test_the_folder_is_created_and_a_read_only_file_is_not_replaced(cli, in_tmp: Path) -> None:
    assert cli("new", "计划/2027.yaml", "--year", "2027").exit_code == 0
    assert (in_tmp / "计划" / "2027.yaml").is_file()
    (in_tmp / "计划" / "2027.yaml").chmod(0o444)
    result = cli("new", "计划/2027.yaml", "--year", "2028", "--force")
    assert result.exit_code == 1
    assert result.stderr.startswith("aidplan: 不会替换 计划/2027.yaml：这个文件是只读的；")


def test_title_and_organisation_are_quoted_when_yaml_would_read_them_otherwise(cli, in_tmp: Path) -> None:
    assert cli("new", "plan.yaml", "--title", "计划: #1", "--org", "'中心'", "--year", "2027").exit_code == 0
    text = (in_tmp / "plan.yaml").read_text(encoding="utf-8")
    assert 'title: "计划: #1"' in text and "organisation: \"'中心'\"" in text
    import yaml

    loaded = yaml.safe_load(text)
    assert (loaded["title"], loaded["organisation"]) == ("计划: #1", "'中心'")
    assert cli("check", "plan.yaml").exit_code == 0


def test_the_schema_modeline_points_at_the_schema_of_the_plans_repository(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "plan.schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "plans" / "2027").mkdir(parents=True)
    modeline = "# yaml-language-server: $schema="
    assert f"{modeline}../schema/plan.schema.json\n" in plan_text(tmp_path / "plans" / "x.yaml", 2027)
    assert f"{modeline}../../schema/plan.schema.json\n" in plan_text(tmp_path / "plans" / "2027" / "x.yaml", 2027)
    assert f"{modeline}schema/plan.schema.json\n" in plan_text(tmp_path / "x.yaml", 2027)


def test_the_example_deadline_is_the_first_periods_last_working_day() -> None:
    """January 2027 ends on a Sunday and the 2023 Spring Festival holiday ends on Jan 27: neither is offered."""
    assert "    # deadline: 1月29日 " in plan_text(Path("x.yaml"), 2027)
    assert "    # deadline: 1月31日 " in plan_text(Path("x.yaml"), 2023)
    assert "    # deadline: 3月31日 " in plan_text(Path("x.yaml"), 2027, "quarterly")


def test_an_example_task_in_a_nested_group_is_found_at_its_line(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(
        "title: 2021年春季学期德育工作安排\n"
        "year: 2021\n"
        "term: {name: 2020-2021学年第二学期, start: 2021-03-01}\n"
        "columns:\n"
        "  - {header: 月份, role: group}\n"
        "  - {header: 周次, role: group}\n"
        "  - {header: 工作内容, role: task}\n"
        "groups:\n"
        "  - label: 三月\n"
        "    groups:\n"
        "      - label: 第一周\n"
        "        tasks:\n"
        "          - 开学典礼暨国旗下讲话\n"
        f"          - {EXAMPLE}\n",
        encoding="utf-8",
    )
    result = cli("check", "-q", "plan.yaml")
    assert result.stdout == f"plan.yaml:14:13: warning[W230]: 示例任务尚未替换：时段“第一周”的第 2 项“{EXAMPLE}”\n"


def test_in_english_the_comments_are_english_and_the_plan_text_stays_as_printed(cli, in_tmp: Path) -> None:
    """--lang en writes every comment in English. The plan's own text stays Chinese: the title, the labels, the
    header cells and the example tasks are what the printed (Chinese) table shows, and W230 finds the examples by
    their 【示例】 mark."""
    result = cli("--lang", "en", "new", "plan.yaml", "--year", "2027")
    assert result.exit_code == 0
    assert result.stdout == (
        "Wrote plan.yaml: a plan for 2027, 12 periods, each with one “【示例】” task\n"
        "Next: replace the example tasks with your office's, then run aidplan check plan.yaml\n"
    )
    lines = (in_tmp / "plan.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[:8] == [
        "# 2027年学生资助工作计划表: a new plan written by aidplan new (12 periods: 1月份 … 12月份).",
        "# Replace each task starting with “【示例】” by a task of your office (aidplan check warns W230 for each "
        "until then),",
        "# delete the periods you do not need, and write the period names as printed. aidplan check checks, "
        "aidplan render makes the table.",
        "# Every field is described in README, “The plan format”; lines starting with # are comments: remove the "
        "# to use them.",
        "# yaml-language-server: $schema=../schema/plan.schema.json",
        "title: 2027年学生资助工作计划表          # the table's title, as printed",
        "year: 2027                               # the plan's year: dates written without a year are in it",
        "# organisation: 某某市学生资助管理中心   # the issuing office (not printed in the table)",
    ]
    assert "      - 【示例】写下本时段的工作任务，一项一行" in lines
    assert "      #   owner: 资助中心                # this task's owner" in lines
    # every comment is English but for the plan words it names (the table's own text, quoted from it)
    named = ("2027年学生资助工作计划表", "1月份", "12月份", "【示例】", "附件：", "附件1", "1、", "（1）", "责任单位")
    uncommented = [line.strip().lstrip("#") for line in lines[4:]]
    comments = lines[:4] + [line.split(" # ", 1)[1] for line in uncommented if " # " in line]
    assert len(comments) == 4 + 29
    for comment in comments:
        for word in named:
            comment = comment.replace(word, "")
        assert not re.search(r"[\u4e00-\u9fff]", comment), comment
    checked = cli("--lang", "en", "check", "plan.yaml")
    assert checked.exit_code == 0
    assert checked.stdout.count("warning[W230]: example task not replaced yet") == 12
