"""Guarantees about values, dates, templates and output: each test starts from a command a user ran and what
they saw (a hang, a traceback, a wrong date), and pins what aidplan does instead."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import random
import zipfile
from pathlib import Path

import pytest

from aidplan.plan.workdays import WorkCalendar

from .conftest import SEED_PLANS


def write(folder: Path, text: str, name: str = "plan.yaml") -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def plan_text(tasks: list[str], year: int = 2020, label: str = "3月份", extra: str = "") -> str:
    lines = [f"title: 工作计划表\nyear: {year}\n{extra}periods:\n  - label: {label}\n    tasks:"]
    lines += [f"      - {json.dumps(task, ensure_ascii=False)}" for task in tasks]
    return "\n".join(lines) + "\n"


# --- item 7: working days are counted in closed form, never one day at a time ---------------------------------


def test_working_days_agree_with_counting_day_by_day() -> None:
    calendar = WorkCalendar({dt.date(2020, 3, 10): "校庆日", dt.date(2020, 3, 14): "运动会"}, {dt.date(2020, 3, 15)})

    def one_by_one(start: dt.date, end: dt.date) -> int:
        sign, (low, high) = (1, (start, end)) if end >= start else (-1, (end, start))
        return sign * sum(calendar.is_working(low + dt.timedelta(days=n)) for n in range(1, (high - low).days + 1))

    draw = random.Random(9)
    for _ in range(400):
        start = dt.date(2002, 1, 1) + dt.timedelta(days=draw.randrange(9500))
        end = start + dt.timedelta(days=draw.randrange(-900, 900))
        assert calendar.working_days_until(start, end) == one_by_one(start, end), (start, end)


def test_working_days_across_the_whole_calendar_return_at_once() -> None:
    # counted day by day this was 3.65 million lookups: `due --today 0001-01-01 --within 99999999` never ended
    calendar = WorkCalendar()
    days = calendar.working_days_until(dt.date(1, 1, 1), dt.date(9999, 12, 31))
    assert 2_600_000 < days < 2_610_000
    assert calendar.missing_years == {9998, 9999}  # only the years next to the deadline are reported as guessed
    assert calendar.working_days_until(dt.date(9999, 12, 31), dt.date(1, 1, 1)) == -days


def test_due_far_from_the_plan_year_answers(cli, in_tmp: Path) -> None:
    write(in_tmp, SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8"), "h.yaml")
    result = cli("due", "h.yaml", "--today", "2100-01-01", "--working-days")
    assert result.exit_code == 0
    assert "2020 年的计划已结束：共 60 项，60 项未完成" in result.stdout
    early = cli("due", "h.yaml", "--today", "1990-01-01", "--within", "99999999", "-f", "json")
    assert early.exit_code == 0
    items = json.loads(early.stdout)["items"]
    assert len(items) == 60 and {i["group"] for i in items} == {"upcoming"}


@pytest.mark.parametrize("option", ["--today", "--on"])
@pytest.mark.parametrize("value", ["9999-12-31", "0001-01-01"])
def test_dates_no_plan_can_have_are_refused(cli, in_tmp: Path, option: str, value: str) -> None:
    write(in_tmp, SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8"), "h.yaml")
    args = ("due", "h.yaml", option, value) if option == "--today" else ("done", "h.yaml", "5.2", option, value)
    result = cli(*args)
    assert (result.exit_code, result.stderr) == (
        2,
        f"aidplan: {option} 的日期 {value} 不在 aidplan 支持的年份内（1900 年至 2199 年）\n",
    )
    assert not (in_tmp / "h.progress.yaml").exists()


def test_an_empty_today_is_refused_not_replaced_by_the_real_date(cli, in_tmp: Path) -> None:
    write(in_tmp, SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8"), "h.yaml")
    for command in ("due", "status"):
        result = cli(command, "h.yaml", "--today", "")
        assert (result.exit_code, result.stderr) == (
            2,
            "aidplan: --today 的日期“”看不懂；可以写 2020-05-20、2020/5/20、2020年5月20日、5月20日、今天或昨天\n",
        )


# --- item 17: dates quoted in task text ------------------------------------------------------------------------


def test_dates_of_other_years_and_of_issuing_are_not_deadlines(cli, in_tmp: Path) -> None:
    write(
        in_tmp,
        plan_text(
            [
                "学习贯彻2019年12月31日印发的《资助工作规范》；",
                "落实自2016年9月1日起施行的管理办法；",
                "总结2月1日以来的工作；",
                "确保3月25日前完成资金发放；",
                "2020年3月20日前上报名单。",
            ]
        ),
    )
    items = json.loads(cli("due", "plan.yaml", "--today", "2020-03-01", "-f", "json").stdout)["items"]
    deadlines = {i["id"]: i["deadline"] for i in items}
    assert deadlines == {
        "3.1": "2020-03-31",  # the period's end, not 2020-12-31
        "3.2": "2020-03-31",  # not 2020-09-01
        "3.3": "2020-03-31",
        "3.4": "2020-03-25",
        "3.5": "2020-03-20",
    }


# --- item 18: occurrence ids are unique -------------------------------------------------------------------------


def test_a_span_longer_than_a_year_gives_each_occurrence_its_own_id(cli, in_tmp: Path) -> None:
    write(
        in_tmp,
        "title: 工作计划表\nyear: 2020\nperiods:\n  - label: 学年\n    span: {start: 2020-09-01, end: 2021-09-30}\n"
        "    tasks:\n      - 每月20日前更新资助系统数据。\n",
    )
    items = json.loads(cli("due", "plan.yaml", "--today", "2020-09-01", "-f", "json", "-w", "999").stdout)["items"]
    ids = [i["id"] for i in items]
    assert len(ids) == len(set(ids)) == 13
    assert {"9.1@2020-9-20", "9.1@2021-9-20", "9.1@2021-1-20"} <= set(ids)
    assert cli("done", "plan.yaml", "9.1@2020-9-20", "--on", "2020-09-18").exit_code == 0
    again = cli("due", "plan.yaml", "--today", "2020-09-19", "-f", "json", "-w", "999")
    status = {i["id"]: i["status"] for i in json.loads(again.stdout)["items"]}
    assert status["9.1@2020-9-20"] == "done" and status["9.1@2021-9-20"] == "todo"
    assert cli("export", "plan.yaml").exit_code == 0
    ics = (in_tmp / "build" / "plan.ics").read_text(encoding="utf-8")
    uids = [line for line in ics.splitlines() if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == 13


def test_a_span_across_new_year_keeps_short_ids(cli, in_tmp: Path) -> None:
    write(in_tmp, plan_text(["每月20日前更新资助系统数据。"], label="11月至次年1月"))
    items = json.loads(cli("due", "plan.yaml", "--today", "2020-11-01", "-f", "json", "-w", "999").stdout)["items"]
    assert [i["id"] for i in items] == ["11.1@11-20", "11.1@12-20", "11.1@1-20"]


# --- item 10, 23: DOCX properties and page numbers ---------------------------------------------------------------


def test_a_title_longer_than_a_document_property_still_renders(cli, in_tmp: Path) -> None:
    title = "关于做好学生资助工作的计划" * 25  # 325 characters; document properties hold 255
    write(in_tmp, plan_text(["做好资助工作。"]).replace("工作计划表", title) + f"organisation: {'某' * 300}\n")
    assert cli("check", "-q", "plan.yaml").exit_code == 0
    result = cli("render", "plan.yaml", "-f", "docx")
    assert result.exit_code == 0, result.stderr
    core = zipfile.ZipFile(in_tmp / "build" / "plan.docx").read("docProps/core.xml").decode("utf-8")
    assert f"<dc:title>{title[:254]}…</dc:title>" in core
    assert f"<dc:creator>{'某' * 254}…</dc:creator>" in core
    document = zipfile.ZipFile(in_tmp / "build" / "plan.docx").read("word/document.xml").decode("utf-8")
    assert title in document  # the printed title is whole
    status = cli("status", "plan.yaml", "--today", "2020-03-05", "-f", "docx")
    assert status.exit_code == 0, status.stderr


def test_page_number_start_is_bounded(cli, in_tmp: Path) -> None:
    write(in_tmp, plan_text(["做好资助工作。"], extra="style:\n  page_number_start: 99999999999999999999\n"))
    result = cli("render", "plan.yaml", "-f", "docx")
    assert result.exit_code == 1
    assert "plan.yaml:4:22: error[E110]: “page_number_start”应不大于 9999，实际是整数 99999999999999999999" in (
        result.stdout + result.stderr
    )
    assert not (in_tmp / "build").exists()


# --- item 24: CSV cells Excel would run as formulas --------------------------------------------------------------


def test_csv_cells_that_look_like_formulas_are_neutralised(cli, in_tmp: Path) -> None:
    tasks = ['=HYPERLINK("http://x","点我")', "+1 做好资助", "-2 做好资助", "@SUM(A1)", "\t制表开头", "普通任务"]
    write(in_tmp, plan_text(tasks, extra="owners: true\n"))
    assert cli("export", "plan.yaml", "-f", "csv").exit_code == 0
    rows = list(csv.reader(io.StringIO((in_tmp / "build" / "plan.csv").read_bytes().decode("utf-8-sig"))))
    texts = [row[3] for row in rows[1:]]
    assert texts == ["'" + tasks[0], "'+1 做好资助", "'-2 做好资助", "'@SUM(A1)", "'\t制表开头", "普通任务"]
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


# --- item 16: user templates -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "{% macro m() %}{{ m() }}{% endmacro %}\n{{ m() }}",
            "模板有错：mine/plan.md.j2:1: 无限递归（宏调用了自己，或模板 include 了自己）",
        ),
        (
            'ok\n{% include "plan.md.j2" %}',
            "模板有错：mine/plan.md.j2:2: 无限递归（宏调用了自己，或模板 include 了自己）",
        ),
        ("ok\n\n{{ 1/0 }}", "模板有错：mine/plan.md.j2:3: 除以零"),
        (
            "{{ plan.periods + 1 }}",
            '模板有错：mine/plan.md.j2:1: 类型不对（can only concatenate list (not "int") to list）',
        ),
        (
            '{{ "x" * 10**11 }}',
            "模板有错：mine/plan.md.j2:1: 沙箱不允许：重复得到的内容过长（1 × 100000000000）；"
            "模板最多生成 10,000,000 个字符",
        ),
        ("{{ range(10**9) | list }}", "模板有错：mine/plan.md.j2:1: range() 过大：沙箱里的 range 最多 100,000 项"),
        (
            "x\n{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "模板有错：mine/plan.md.j2:2: 沙箱不允许：循环合计超过 1,000,000 次",
        ),
        (
            "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
            "模板有错：mine/plan.md.j2:1: 沙箱不允许：access to attribute '__init__' of 'type' object is unsafe.",
        ),
        (
            'x\n{% include "/etc/passwd" %}',
            "mine/plan.md.j2:2: 找不到模板 /etc/passwd（在 mine 中）；模板名是模板目录里的相对路径",
        ),
    ],
)
def test_template_errors_name_template_line_and_cause(cli, in_tmp: Path, template: str, message: str) -> None:
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "plan.md.j2").write_text(template, encoding="utf-8")
    result = cli("render", SEED_PLANS["2014-yueyang"], "-f", "md", "--templates", "mine")
    assert (result.exit_code, result.stderr) == (2, f"aidplan: {message}\n")
    assert not (in_tmp / "build").exists()


def test_a_template_that_is_not_utf8(cli, in_tmp: Path) -> None:
    (in_tmp / "mine").mkdir()
    (in_tmp / "mine" / "plan.md.j2").write_bytes("# {{ layout.title }}（标题）\n".encode("gb18030"))
    result = cli("render", SEED_PLANS["2014-yueyang"], "-f", "md", "--templates", "mine")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: 模板 mine/plan.md.j2 不是 UTF-8 文本；请另存为 UTF-8\n",
    )


# --- item 14: consoles that cannot show every character -----------------------------------------------------------


def _run(args: list[str], cwd: Path, encoding: str):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONIOENCODING=encoding)
    env.pop("PYTHONUTF8", None)
    aidplan = Path(sys.executable).parent / "aidplan"
    return subprocess.run([str(aidplan), *args], cwd=cwd, env=env, capture_output=True, timeout=120)


def test_a_gbk_console_gets_escapes_for_what_gbk_lacks(in_tmp: Path) -> None:
    text = SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8")
    text = text.replace("谋划本年度工作。", "谋划😀本年度\u00a0工作€ñ•。")
    write(in_tmp, text, "h.yaml")
    result = _run(["due", "h.yaml", "--today", "2020-02-01"], in_tmp, "gbk")
    assert result.returncode == 0, result.stderr.decode("gbk", "replace")
    assert "谋划\\U0001f600本年度\\xa0工作\\u20ac\\xf1\\u2022。" in result.stdout.decode("gbk")
    assert result.stderr == b""


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
@pytest.mark.parametrize(
    "command",
    [
        ["check", "h.yaml"],
        ["due", "h.yaml", "--today", "2020-05-10"],
        ["status", "h.yaml", "--today", "2020-05-10"],
        ["check", "missing.yaml"],
        ["--help"],
    ],
)
def test_a_latin_console_never_crashes(in_tmp: Path, encoding: str, command: list[str]) -> None:
    write(in_tmp, SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8"), "h.yaml")
    result = _run(command, in_tmp, encoding)
    assert result.returncode in (0, 2)
    assert b"Traceback" not in result.stderr and b"UnicodeEncodeError" not in result.stderr
    output = (result.stdout + result.stderr).decode(encoding)
    if command[0] == "check" and command[1] == "h.yaml":
        assert "\\u68c0\\u67e5\\u4e86 1 \\u4e2a\\u6587\\u4ef6" in output  # 检查了 1 个文件


# --- items 11, 12, 13: days and years a plan may use -------------------------------------------------------------


def test_a_monthly_day_no_month_has_is_an_error_not_a_crash(cli, in_tmp: Path) -> None:
    write(in_tmp, plan_text(["每月0日前上报资助数据。", "每月99日前更新系统。"]))
    check = cli("check", "-q", "plan.yaml")
    assert (check.exit_code, check.stdout) == (
        1,
        "plan.yaml:6:9: error[E215]: 任务 3.1 写的是每月0日：每月的日子应在 1 至 31 日之间\n"
        "plan.yaml:7:9: error[E215]: 任务 3.2 写的是每月99日：每月的日子应在 1 至 31 日之间\n",
    )
    for command in (("due", "--today", "2020-03-01"), ("status", "--today", "2020-03-01"), ("export",)):
        result = cli(command[0], "plan.yaml", *command[1:])
        assert result.exit_code == 1, result.output
        assert "error[E215]" in result.stderr
        assert not (in_tmp / "build").exists()


def test_a_recurring_task_with_a_day_no_month_has(cli, in_tmp: Path) -> None:
    write(
        in_tmp,
        "title: 计划\nyear: 2020\nrecurring:\n  - {id: m, text: 每月32日前上报}\n"
        "periods:\n  - label: 3月份\n    tasks: [做好资助]\n",
    )
    check = cli("check", "-q", "plan.yaml")
    assert check.stdout == "plan.yaml:4:19: error[E215]: 例行任务“m”写的是每月32日：每月的日子应在 1 至 31 日之间\n"


@pytest.mark.parametrize(
    ("deadline", "message"),
    [
        ("0000年3月1日", "“0000年3月1日”在 0000 年，超出计划可用的年份（2019 年至 2021 年）"),
        ("9999年12月31日", "“9999年12月31日”在 9999 年，超出计划可用的年份（2019 年至 2021 年）"),
        ("2月0日", "“2月0日”不存在：每月从1日起，没有0日"),
    ],
)
def test_deadline_texts_outside_the_plan_years(cli, in_tmp: Path, deadline: str, message: str) -> None:
    write(
        in_tmp,
        plan_text(["做好资助工作。"], label="2月份").replace("    tasks:", f"    deadline: {deadline}\n    tasks:"),
    )
    check = cli("check", "-q", "plan.yaml")
    assert (check.exit_code, check.stdout) == (1, f"plan.yaml:5:15: error[E205]: 时段“2月份”的完成时间{message}\n")


def test_dates_thousands_of_years_away_are_located_errors_everywhere(cli, in_tmp: Path) -> None:
    write(
        in_tmp,
        "title: 计划\nyear: 2020\ncalendar:\n  holidays: [{date: 0001-01-01, name: 元旦}]\nperiods:\n"
        "  - label: 全程\n    span: {start: 0001-01-01, end: 9999-12-31}\n"
        "    deadline: {text: 年底, date: 0001-01-01}\n"
        "    tasks:\n      - 每月20日前更新资助系统数据。\n",
    )
    check = cli("check", "-q", "plan.yaml")
    window = "超出计划可用的年份：year 为 2020，日期应在 2019 年至 2021 年之间"
    assert (check.exit_code, check.stdout.splitlines()) == (
        1,
        [
            f"plan.yaml:4:21: error[E216]: 日期 0001-01-01 {window}",
            f"plan.yaml:7:19: error[E216]: 日期 0001-01-01 {window}",
            f"plan.yaml:7:36: error[E216]: 日期 9999-12-31 {window}",
            f"plan.yaml:8:32: error[E216]: 日期 0001-01-01 {window}",
        ],
    )
    for command in (("export",), ("export", "-f", "csv"), ("due", "--today", "2020-03-01"), ("render", "-f", "md")):
        result = cli(command[0], "plan.yaml", *command[1:])
        assert result.exit_code == 1 and "error[E216]" in result.stderr, result.output


# --- items 8, 9: values under explicit tags, in plans and in progress files ------------------------------------


TAGGED = [
    ("!!bool maybe", "标签 !!bool 的值“maybe”不是布尔值（true 或 false）；请改正，或去掉标签 !!bool"),
    ("!!timestamp hello", "标签 !!timestamp 的值“hello”不是日期（如 2020-03-01）；请改正，或去掉标签 !!timestamp"),
    ('!!int ""', "标签 !!int 的值“”不是整数；请改正，或去掉标签 !!int"),
    ('!!float ""', "标签 !!float 的值“”不是数字；请改正，或去掉标签 !!float"),
    ("!!int +", "标签 !!int 的值“+”不是整数；请改正，或去掉标签 !!int"),
    ('!<tag:yaml.org,2002:bool> ""', "标签 !!bool 的值“”不是布尔值（true 或 false）；请改正，或去掉标签 !!bool"),
    ("!!binary YQdi", "不支持 !!binary（二进制）值；计划里只能写文字，请把内容直接写出来"),
]


@pytest.mark.parametrize(("value", "message"), TAGGED)
def test_malformed_tagged_values_in_a_plan(cli, in_tmp: Path, value: str, message: str) -> None:
    write(in_tmp, f"title: 计划\nyear: {value}\nperiods:\n  - label: 3月份\n    tasks: [做好资助]\n")
    result = cli("check", "-q", "plan.yaml")
    assert (result.exit_code, result.stdout) == (1, f"plan.yaml:2:7: error[E110]: {message}\n")


@pytest.mark.parametrize(("value", "message"), TAGGED)
def test_malformed_tagged_values_in_a_progress_file(cli, in_tmp: Path, value: str, message: str) -> None:
    write(in_tmp, SEED_PLANS["2020-huaibei"].read_text(encoding="utf-8"), "h.yaml")
    write(in_tmp, f'- task: "5.2"\n  status: done\n  date: {value}\n', "h.progress.yaml")
    for command in (("due", "--today", "2020-05-10"), ("status", "--today", "2020-05-10"), ("done", "5.3")):
        result = cli(command[0], "h.yaml", *command[1:])
        assert result.exit_code == 1, result.output
        assert f"h.progress.yaml:3:9: error[E110]: {message}" in result.stderr


def test_binary_text_cannot_carry_a_control_character_past_check(cli, in_tmp: Path) -> None:
    write(in_tmp, "title: !!binary YQdi\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks: [做好资助]\n")
    assert cli("render", "plan.yaml", "-f", "docx").exit_code == 1
    assert not (in_tmp / "build").exists()


# --- messages -----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the quoting hint names the value as written (5.10), not the number YAML read (5.1)
        (
            "title: 计划\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks:\n      - {text: 做好, id: 5.10}\n",
            '6:24: error[E110]: “id”应为文本，实际是数字 5.1（数字样子的文字请加引号，如 "5.10"）',
        ),
        (
            "title: 计划\nyear: 2020\n<<: {a: 1}\nperiods: []\n",
            "3:1: error[E101]: YAML 语法错误：不支持合并键“<<”；请把内容直接写出来",
        ),
        (
            "title: 计划\n...\nyear: 2020\n",
            "3:1: error[E101]: YAML 语法错误：文件的结构不对：顶层映射（或“...”）之后还有内容；请检查缩进",
        ),
        (
            "title: 计划\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks: [5]\n",
            "5:13: error[E110]: “tasks的第 1 项”应为映射（key: value），实际是整数 5",
        ),
        # YAML breaks lines at U+2028 and U+0085 too; editors do not, and the position is the editor's
        (
            "title: 计划\u2028说明\nyear: 2020\nperiods:\n  - label: 3月份\n    tasks: [做好]\n",
            "2:1: error[E101]: YAML 语法错误：缺少“: ”（键和值之间要用英文冒号加空格）",
        ),
        (
            "title: a\u0085b\u0085c\u0085d\nyear: 2020\n",
            "1:12: error[E101]: YAML 语法错误：缺少“: ”（键和值之间要用英文冒号加空格）",
        ),
    ],
)
def test_messages_say_what_the_author_wrote_where_the_editor_shows_it(
    cli, in_tmp: Path, text: str, expected: str
) -> None:
    write(in_tmp, text)
    result = cli("check", "-q", "plan.yaml")
    assert (result.exit_code, result.stdout) == (1, f"plan.yaml:{expected}\n")


def test_every_libyaml_problem_has_a_chinese_message() -> None:
    import re

    import yaml

    from aidplan.plan.loading import _translate_yaml_problem

    messages = re.compile(rb"\x00((?:did not|found|could not|mapping|block sequence|control) [a-z][ -~]{3,80}?)\x00")
    problems = set()
    for module in Path(yaml.__file__).parent.glob("_yaml*.so"):  # libyaml and PyYAML's C composer
        problems |= {m.decode() for m in messages.findall(module.read_bytes()) if b"&" not in m}
    assert len(problems) >= 40, "the C loader's messages were not found"
    untranslated = sorted(p for p in problems if _translate_yaml_problem(p) == p)
    assert untranslated == []


def test_utf16_without_bom_is_named_as_an_encoding(cli, in_tmp: Path) -> None:
    text = SEED_PLANS["2014-yueyang"].read_text(encoding="utf-8")
    (in_tmp / "le.yaml").write_bytes(text.encode("utf-16-le"))
    result = cli("check", "-q", "le.yaml")
    assert result.stdout == (
        "le.yaml:1:1: error[E103]: 文件是 UTF-16LE 编码（没有 BOM）；请另存为 UTF-8（记事本“另存为”→ 编码选 UTF-8）\n"
    )


def test_the_iconv_hint_is_quoted_for_the_shell(cli, in_tmp: Path) -> None:
    (in_tmp / "it's plan.yaml").write_bytes("title: 计划\nyear: 2020\n".encode("gb18030"))
    result = cli("check", "-q", "it's plan.yaml")
    assert result.stdout.endswith("""iconv -f GB18030 -t UTF-8 'it'"'"'s plan.yaml' > 新文件.yaml\n""")


def test_a_note_of_dashes_stays_text_in_markdown(cli, in_tmp: Path) -> None:
    write(in_tmp, plan_text(["做好资助工作。"]) + 'notes: ["---", "- 不是列表", "1. 也不是"]\n')
    assert cli("render", "plan.yaml", "-f", "md").exit_code == 0
    markdown = (in_tmp / "build" / "plan.md").read_text(encoding="utf-8")
    assert markdown.endswith("\n\\---\n\n\\- 不是列表\n\n1\\. 也不是\n")
