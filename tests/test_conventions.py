"""Conventions users know from ruff, yamllint and pandoc: -V, readable --help, completion, - for standard
input and output, the format from -o's extension, dates typed the ways people type them."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aidplan.commands.track import parse_date
from aidplan.errors import UsageError

from .conftest import ROOT, SEED_PLANS


def test_dash_v_prints_the_version(cli) -> None:
    from aidplan import __version__

    assert cli("-V").stdout == f"aidplan {__version__}\n"


@pytest.mark.parametrize(
    ("command", "usage", "argument", "english"),
    [
        (
            "check",
            "aidplan check [OPTIONS] [PATH]...",
            "  PATH...  要检查的计划文件或文件夹",
            "  PATH...  Plan files or folders to check",
        ),
        (
            "done",
            "aidplan done [OPTIONS] PLAN TASK...",
            "  TASK...  due/status 显示的任务编号",
            "  TASK...  Task ids as due/status show them",
        ),
        (
            "calendar",
            "aidplan calendar [OPTIONS] YEAR [PATH]...",
            "  PATH...  日历文件",
            "  PATH...  Calendar files",
        ),
    ],
)
def test_help_names_arguments_as_people_write_them(cli, command: str, usage: str, argument: str, english: str) -> None:
    """In Chinese by default, in English with --lang en (which may follow the command, as here)."""
    for args, prefix, expected in (
        ((command, "--help"), "用法：", argument),
        ((command, "--help", "--lang", "en"), "Usage: ", english),
    ):
        text = cli(*args).stdout
        assert text.splitlines()[0] == prefix + usage
        assert any(line.startswith(expected) for line in text.splitlines()), text
        assert "<list[" not in text and "<path>" not in text


def test_completion_prints_a_script_and_answers_the_shell() -> None:
    run = [sys.executable, "-m", "aidplan"]
    script = subprocess.run([*run, "completion", "bash"], capture_output=True, text=True, cwd=ROOT).stdout
    assert "_AIDPLAN_COMPLETE=complete_bash" in script and "complete -o default -F _aidplan_completion" in script
    for shell in ("zsh", "fish"):
        assert "_AIDPLAN_COMPLETE" in subprocess.run([*run, "completion", shell], capture_output=True, text=True).stdout
    env = dict(os.environ, _AIDPLAN_COMPLETE="complete_bash", COMP_WORDS="aidplan due --format ", COMP_CWORD="3")
    answer = subprocess.run([*run], capture_output=True, text=True, env=env, cwd=ROOT)
    assert answer.stdout.split() == ["text", "md", "json", "html"] or answer.stdout.split()[:3] == [
        "text",
        "md",
        "json",
    ]
    env.update(COMP_WORDS="aidplan cal", COMP_CWORD="1")
    assert subprocess.run([*run], capture_output=True, text=True, env=env).stdout.split() == ["calendar"]


def test_check_and_due_read_a_plan_from_standard_input(cli, in_tmp: Path) -> None:
    text = SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8")
    from typer.testing import CliRunner

    from aidplan.cli import app

    runner = CliRunner()
    check = runner.invoke(app, ["check", "-q", "-"], input=text)
    assert check.stdout.splitlines()[0].startswith("-:21:15: warning[W220]: 时段“元月至二月份”的完成时间")
    due = runner.invoke(app, ["due", "-", "--today", "2020-05-20", "--within", "0"], input=text)
    assert due.stdout.splitlines()[2] == "淮北市2020年度学生资助工作月计划（-）"


def test_dash_o_dash_writes_standard_output_and_nothing_else(cli, in_tmp: Path) -> None:
    markdown = cli("render", SEED_PLANS["2014-yueyang"], "-o", "-")
    assert markdown.stdout == (ROOT / "tests" / "golden" / "2014-yueyang.md").read_text(encoding="utf-8")
    ics = cli("export", SEED_PLANS["2020-huaibei"], "-o", "-")
    assert ics.stdout_bytes.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert list(in_tmp.iterdir()) == []


def test_the_format_comes_from_the_output_extension(cli, in_tmp: Path) -> None:
    assert cli("render", SEED_PLANS["2014-yueyang"], "-o", "附件.md").stdout == "附件.md\n"
    assert (in_tmp / "附件.md").read_text(encoding="utf-8").startswith("**附件：**")
    assert cli("export", SEED_PLANS["2020-huaibei"], "-o", "截止日期.csv").exit_code == 0
    assert (in_tmp / "截止日期.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # the CSV, not an ICS
    unknown = cli("render", SEED_PLANS["2014-yueyang"], "-o", "附件.txt")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "aidplan: -o/--output 的文件名“附件.txt”看不出格式（可用扩展名：.docx、.md、.html、.pdf）；请用 -f 指定格式\n",
    )


def test_status_takes_the_format_from_the_output_extension(cli, in_tmp: Path) -> None:
    """status -o infers its format as render and export do: documents by extension (a plain .docx is the 台账
    too, not only PLAN.status.docx), and the text formats are written to the file instead of printed."""
    plan = SEED_PLANS["2020-huaibei"]
    day = ("--today", "2020-05-20")
    for name, start in (
        ("台账.docx", b"PK"),
        ("进度.xlsx", b"PK"),
        ("总览.html", b"<!doctype html>"),
        ("进度.md", "# 完成情况（截至 2020-05-20）\n".encode()),
        ("进度.json", b"{"),
        ("进度.txt", "截至 2020-05-20\n".encode()),
    ):
        result = cli("status", plan, *day, "-o", name)
        assert (result.exit_code, result.stdout) == (0, f"{name}\n"), name
        assert (in_tmp / name).read_bytes().lower().startswith(start.lower()), name
    assert json.loads((in_tmp / "进度.json").read_text(encoding="utf-8"))["plans"][0]["done"] == 0
    text = (in_tmp / "进度.txt").read_text(encoding="utf-8")
    assert "\x1b" not in text and "完成 0/60（0%），逾期 16" in text
    # -f still wins over the extension; -o - prints
    assert cli("status", plan, *day, "-f", "md", "-o", "表.txt").exit_code == 0
    assert (in_tmp / "表.txt").read_text(encoding="utf-8").startswith("# 完成情况")
    assert cli("status", plan, *day, "-o", "-").stdout.startswith("截至 2020-05-20\n")
    unknown = cli("status", plan, *day, "-o", "进度.pdf")
    assert (unknown.exit_code, unknown.stderr) == (
        2,
        "aidplan: -o/--output 的文件名“进度.pdf”看不出格式（可用扩展名：.txt、.md、.json、.docx、.xlsx、.html）；"
        "请用 -f 指定格式\n",
    )
    assert not (in_tmp / "进度.pdf").exists()
    refused = cli("status", plan, *day, "-f", "md", "-o", plan)
    assert refused.exit_code == 2 and "不会写入" in refused.stderr  # never over the plan it reads


@pytest.mark.parametrize(
    "text", ["2020-05-20", "2020/5/20", "2020.5.20", "2020年5月20日", "2020 年 5 月 20 日", "5月20日", "5月20"]
)
def test_dates_as_people_type_them(text: str) -> None:
    assert parse_date(text, "--today", 2020) == dt.date(2020, 5, 20)


def test_relative_days() -> None:
    today = dt.date(2020, 3, 1)
    assert [parse_date(t, "--on", today=today) for t in ("今天", "昨天", "前天")] == [
        dt.date(2020, 3, 1),
        dt.date(2020, 2, 29),
        dt.date(2020, 2, 28),
    ]


@pytest.mark.parametrize(
    ("text", "year", "message"),
    [
        ("2月30日", 2020, "--today 的日期“2月30日”不存在（2020年2月没有30日）"),
        ("5月20日", None, "--today 的日期“5月20日”没有年份；请写完整日期，如 2020-05-20"),
        (
            "下周一",
            2020,
            "--today 的日期“下周一”看不懂；可以写 2020-05-20、2020/5/20、2020年5月20日、5月20日、今天或昨天",
        ),
    ],
)
def test_dates_that_cannot_be_read_say_how_to_write_them(text: str, year: int | None, message: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_date(text, "--today", year)
    assert str(caught.value) == message


def test_a_month_and_day_fall_in_the_plans_year(cli, in_tmp: Path) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "h.yaml")
    due = cli("due", "h.yaml", "--today", "5月20日", "--within", "0")
    assert due.stdout.splitlines()[0] == "今天：2020-05-20（0 天内到期的也列出）"
    done = cli("done", "h.yaml", "5.2", "--on", "5月24日")
    assert done.stdout == "已记录 5.2：已完成（2020-05-24）→ h.progress.yaml\n"
    shutil.copy(SEED_PLANS["2014-yueyang"], in_tmp / "y.yaml")
    mixed = cli("due", ".", "--today", "5月20日")
    assert mixed.stderr == "aidplan: --today 的日期没有年份，而计划的年份是 2014、2020；请写完整日期，如 2020-05-20\n"


def test_every_option_value_is_named_as_people_write_it(cli) -> None:
    """No option of any command shows typer's type names (<str>, <path>, <int>, <float>, <list[str]>) in --help,
    in either language; choices keep their <a|b|c>."""
    from aidplan.cli import app

    commands = [name for name in (c.name or c.callback.__name__.replace("_", "-") for c in app.registered_commands)]
    commands += ["progress import", "progress reid"]
    for command in commands:
        for lang in ("zh", "en"):
            text = cli(*command.split(), "--help", "--lang", lang).stdout
            assert text.startswith({"zh": "用法：", "en": "Usage: "}[lang]), command
            leftovers = re.findall(r"<(?:str|path|int|float|list\[[a-z]+\])>", text)
            assert leftovers == [], (command, leftovers)
    render = cli("render", "--help").stdout
    assert "-f, --format FORMAT[,FORMAT...]" in render and "-d, --out-dir DIR" in render
