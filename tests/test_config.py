"""The project config: aidplan.toml or [tool.aidplan], found walking up; its keys, and its errors located."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from aidplan.config import key_positions

from .conftest import DATA, SEED_PLANS
from .test_render_docx import NS, _font_and_size, _runs_of, attr


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A repository: plans in plans/, a deep sub-folder to run from."""
    (in_tmp / "plans").mkdir()
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "plans" / "2020-huaibei.yaml")
    (in_tmp / "docs" / "notes").mkdir(parents=True)
    return in_tmp


def test_check_from_a_sub_folder_finds_the_config_and_its_plans(cli, project: Path, monkeypatch) -> None:
    (project / "aidplan.toml").write_text('plans = ["plans"]\n', encoding="utf-8")
    monkeypatch.chdir(project / "docs" / "notes")
    result = cli("check", "-q")
    assert result.exit_code == 0
    assert [line.split(": warning")[0] for line in result.stdout.splitlines()] == [
        "../../plans/2020-huaibei.yaml:21:15",
        "../../plans/2020-huaibei.yaml:38:15",
        "../../plans/2020-huaibei.yaml:72:15",
    ]


def test_without_a_config_a_sub_folder_has_no_plans(cli, project: Path, monkeypatch) -> None:
    monkeypatch.chdir(project / "docs")
    result = cli("check")
    assert (result.exit_code, result.stderr) == (2, "aidplan: 找不到 plans\n")


def test_pyproject_tool_aidplan_is_a_config_too(cli, project: Path, monkeypatch) -> None:
    (project / "plans").rename(project / "计划")
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.aidplan]\nplans = ["计划"]\nwithin = 3\n', encoding="utf-8"
    )
    monkeypatch.chdir(project / "docs")
    result = cli("due", "--today", "2020-05-20")
    assert result.stdout.splitlines()[:3] == [
        "今天：2020-05-20（3 天内到期的也列出）",
        "",
        "淮北市2020年度学生资助工作月计划（../计划/2020-huaibei.yaml）",
    ]
    assert "（5 天内到期的也列出）" in cli("due", "--today", "2020-05-20", "--within", "5").stdout  # the flag wins


def test_a_pyproject_without_the_table_is_passed_over(cli, project: Path, monkeypatch) -> None:
    (project / "aidplan.toml").write_text("within = 2\n", encoding="utf-8")
    (project / "docs" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 120\n", encoding="utf-8")
    monkeypatch.chdir(project / "docs")
    assert cli("due", "--today", "2020-05-20").stdout.startswith("今天：2020-05-20（2 天内到期的也列出）")


def test_unknown_keys_and_wrong_values_are_located_with_the_nearest_key(cli, project: Path) -> None:
    (project / "aidplan.toml").write_text(
        'plans = ["plans"]\nwithinn = 7\n\n[style]\ncel_font_size = "小四"\norientation = "sideways"\n',
        encoding="utf-8",
    )
    result = cli("check")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "aidplan.toml:2:1: error[E110]: 未知的键“withinn”；是不是“within”？",
        "aidplan.toml:5:1: error[E110]: 未知的键“cel_font_size”；是不是“cell_font_size”？",
        "aidplan.toml:6:1: error[E110]: “orientation”的值不可用：“sideways”；可选：“portrait”、“landscape”",
        "aidplan: 项目配置 aidplan.toml 有错误，没有执行任何操作",
    ]


def test_keys_in_pyproject_are_located_in_dotted_and_inline_forms(cli, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[tool.aidplan]\nstyle = { line_spacing = "x", cell_font_size = "小四" }\ntool_typo = 1\n', encoding="utf-8"
    )
    result = cli("check")
    assert result.stderr.splitlines()[:2] == [
        "pyproject.toml:2:11: error[E110]: “line_spacing”应为数字，实际是“x”",
        "pyproject.toml:3:1: error[E110]: 未知的键“tool_typo”；"
        "此处可用的键：plans、calendars、style、lang、within、docx_template",
    ]


def test_a_toml_syntax_error_is_located(cli, project: Path) -> None:
    (project / "aidplan.toml").write_text('plans = [\n  "plans",\n  plans\n]\n', encoding="utf-8")
    result = cli("due")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        "aidplan.toml:3:3: error[E120]: TOML 语法错误："
        '值写得不对：文字要加英文引号（如 "plans"），数字和 true/false 不加'
    )


def test_the_shared_style_applies_to_every_plan_and_a_plans_own_wins(cli, project: Path) -> None:
    (project / "aidplan.toml").write_text('[style]\ncell_font_size = "小四"\nline_spacing = 18\n', encoding="utf-8")
    plan = project / "plans" / "small.yaml"
    plan.write_text(
        "title: 工作计划表\nyear: 2024\nstyle:\n  line_spacing: 20\n"
        "periods:\n  - label: 3月份\n    tasks: [开展月巡视]\n",
        encoding="utf-8",
    )
    assert cli("render", plan, "-f", "docx", "-o", "small.docx").exit_code == 0
    (run,) = _runs_of((project / "small.docx").read_bytes(), "1、开展月巡视")
    assert _font_and_size(run)[1] == "24"  # 小四 (12 pt) from the config
    spacing = run.getparent().find("w:pPr/w:spacing", NS)
    assert attr(spacing, "line") == "400"  # 20 pt from the plan, not 18 from the config


def test_calendar_files_where_the_config_says(cli, project: Path) -> None:
    (project / "calendars").mkdir()
    shutil.copy(DATA / "calendar-2027" / "2027.calendar.yaml", project / "calendars")
    shutil.copy(DATA / "calendar-2027" / "plan.yaml", project / "plans" / "2027.yaml")
    (project / "aidplan.toml").write_text('calendars = ["calendars"]\n', encoding="utf-8")
    check = cli("check", "-q", "plans/2027.yaml")
    assert "是端午节，不是工作日" in check.stdout
    assert (
        cli("calendar", "2027").stdout.splitlines()[0] == "2027年的放假和调休上班（来自 calendars/2027.calendar.yaml）"
    )


def test_key_positions_follow_tables_dotted_keys_and_skip_multiline_strings() -> None:
    text = 'a = 1\nnote = """\nfake = 2\n"""\n[tool.aidplan]\nstyle.orientation = "x"\n  within = 3\n'
    positions = key_positions(text)
    assert positions[("a",)] == (1, 1)
    assert ("fake",) not in positions
    assert positions[("tool", "aidplan", "style", "orientation")] == (6, 1)
    assert positions[("tool", "aidplan", "within")] == (7, 3)


def test_a_config_that_says_lang_en_states_its_own_errors_in_english(cli, project: Path) -> None:
    """The config's errors stop every command before it runs; with lang = "en" in the same file they are stated
    in English (newuser: they stayed Chinese). --lang still wins."""
    (project / "aidplan.toml").write_text('lang = "en"\nwithinn = 3\n', encoding="utf-8")
    result = cli("check")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan.toml:2:1: error[E110]: unknown key “withinn”; did you mean “within”?\n"
        "aidplan: the project config aidplan.toml has errors; nothing was done\n",
    )
    chinese = cli("--lang", "zh", "check")
    assert chinese.stderr.splitlines()[0] == "aidplan.toml:2:1: error[E110]: 未知的键“withinn”；是不是“within”？"
    # a syntax error elsewhere in the file leaves the lang line readable
    (project / "aidplan.toml").write_text('lang = "en"\nplans = [plans]\n', encoding="utf-8")
    broken = cli("due")
    assert broken.stderr.splitlines() == [
        "aidplan.toml:2:10: error[E120]: TOML syntax error: invalid value: "
        'text needs straight quotes (such as "plans"); numbers and true/false do not',
        "aidplan: the project config aidplan.toml has errors; nothing was done",
    ]


TOML_PROBLEMS = [
    (
        'a = "x\n',
        "1:7",
        "字符串没有结束（缺少后面的引号）",
        "a string is not terminated (its closing quote is missing)",
    ),
    ("a = 1\na = 2\n", "2:6", "同一个键写了两次", "the same key is written twice"),
    (
        "a = 1 b\n",
        "1:7",
        "一行只能写一个“键 = 值”；多余的内容请删去或加 #",
        "one “key = value” a line: delete what follows it or start it with #",
    ),
    ("[tool.aidplan]\n[tool.aidplan]\n", "2:14", "tool.aidplan 写了两次", "tool.aidplan is declared twice"),
    ("x = {a = 1, a = 2}\n", "1:18", "花括号表里的键 'a' 写了两次", "the key 'a' is written twice in an inline table"),
    ("[style\n", "1:7", "表名的后面缺少“]”", "“]” is missing after the table's name"),
    (
        "a = {b = 1\n",
        "1:11",
        "花括号表没有闭合（缺少“}”），或项与项之间缺少英文逗号“,”",
        "an inline table is not closed (“}” is missing), or a “,” is missing between its items",
    ),
    ("= 1\n", "1:1", "这一行既不是“键 = 值”，也不是 [表名]", "this line is neither “key = value” nor a [table]"),
    ("a b = 1\n", "1:3", "键的后面缺少“=”", "“=” is missing after the key"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "at", "chinese", "english"), TOML_PROBLEMS, ids=[t[2] for t in TOML_PROBLEMS])
def test_toml_problems_are_named_in_the_message_language(
    cli, project: Path, text: str, at: str, chinese: str, english: str
) -> None:
    (project / "aidplan.toml").write_text(text, encoding="utf-8")
    assert cli("check").stderr.splitlines()[0] == f"aidplan.toml:{at}: error[E120]: TOML 语法错误：{chinese}"
    assert cli("--lang", "en", "check").stderr.splitlines()[0] == (
        f"aidplan.toml:{at}: error[E120]: TOML syntax error: {english}"
    )
