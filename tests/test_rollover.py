"""`aidplan new NEXT.yaml --from THIS.yaml`: next year's plan from this year's, edited in place of its values."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from aidplan.ingest.rollover import rolled_text, same_weekday_near

from .conftest import DATA, PLANS

SCHOOL = DATA / "rollover" / "2020-school.yaml"

# `new plans/NEXT.yaml --from plans/SEED.yaml`, exactly (tests/data/rollover/SEED.expected): the changed lines, the
# leap day, the checks of the result (Huaibei's weekend deadlines are 2021's), and why no unfinished task is listed.
# Yueyang 2014 → 2015: 26 lines, past references (2013年) and a school year (2014-2015学年度) moved.
SEEDS = [("2020-huaibei", "2021-huaibei"), ("2014-yueyang", "2015-yueyang")]


@pytest.fixture(autouse=True)
def _chinese() -> None:
    """The functions called directly here speak the default language, whatever an earlier test chose."""
    from aidplan.messages import set_language

    set_language("zh")


@pytest.fixture
def plans(in_tmp: Path) -> Path:
    shutil.copytree(PLANS, in_tmp / "plans")
    return in_tmp / "plans"


def _changed(stdout: str, target: str) -> dict[int, tuple[str, str]]:
    found = {}
    for line in stdout.splitlines():
        if line.startswith(f"{target}:"):
            number, _, change = line[len(target) + 1 :].partition(": ")
            if not number.isdigit():  # a finding: path:line:col: …
                continue
            old, new = change.split(" → ")
            found[int(number)] = (old, new)
    return found


def _only_listed_lines_differ(old_text: str, new_text: str, changed: dict[int, tuple[str, str]]) -> None:
    """Every line not listed is byte for byte the old one (comments, blank lines, layout); each listed line is
    the old line with exactly the change printed."""
    old_lines, new_lines = old_text.split("\n"), new_text.split("\n")
    assert len(old_lines) == len(new_lines)
    for number, (old, new) in enumerate(zip(old_lines, new_lines), start=1):
        if number in changed:
            assert (old.strip(), new.strip()) == changed[number]
            assert old[: len(old) - len(old.lstrip())] == new[: len(new) - len(new.lstrip())]  # same indentation
        else:
            assert old == new, number


@pytest.mark.parametrize(("source", "target"), SEEDS)
def test_next_years_plan_from_each_seed_plan(cli, plans: Path, source: str, target: str) -> None:
    expected = (DATA / "rollover" / f"{source}.expected").read_text(encoding="utf-8").splitlines()
    before = (plans / f"{source}.yaml").read_bytes()
    stamp = (plans / f"{source}.yaml").stat().st_mtime_ns
    result = cli("new", f"plans/{target}.yaml", "--from", f"plans/{source}.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == expected
    assert "error[" not in result.stdout  # the next year's plan checks clean
    # the old plan is never touched
    assert (plans / f"{source}.yaml").read_bytes() == before
    assert (plans / f"{source}.yaml").stat().st_mtime_ns == stamp
    new_text = (plans / f"{target}.yaml").read_text(encoding="utf-8")
    _only_listed_lines_differ(before.decode("utf-8"), new_text, _changed(result.stdout, f"plans/{target}.yaml"))
    assert not (plans / f"{target}.progress.yaml").exists()  # progress is not copied
    assert cli("check", f"plans/{target}.yaml").exit_code == 0
    rendered = cli("render", f"plans/{target}.yaml", "-f", "md", "-o", "-")
    assert rendered.exit_code == 0
    assert f"# {expected[1].split(' → title: ')[1]}" in rendered.stdout


SCHOOL_OUTPUT = [
    "已写入 b/2021-school.yaml：a/2020-school.yaml（2020 年）移到 2021 年，改了 15 行",
    'b/2021-school.yaml:3: title: "某中学2020-2021学年第一学期学生资助工作安排"   # quoted on purpose → '
    'title: "某中学2021-2022学年第一学期学生资助工作安排"   # quoted on purpose',
    "b/2021-school.yaml:4: year: 2020 → year: 2021",
    "b/2021-school.yaml:8: name: 2020—2021学年第一学期 → name: 2021—2022学年第一学期",
    "b/2021-school.yaml:9: start: 2020-08-31          # a Monday → start: 2021-08-30          # a Monday",
    "b/2021-school.yaml:12: - {date: 2020-09-28, name: 校庆日} → - {date: 2021-09-28, name: 校庆日}",
    "b/2021-school.yaml:13: workdays: [2020-10-10]     # a Saturday worked locally → "
    "workdays: []     # a Saturday worked locally",
    "b/2021-school.yaml:16: deadline: 2020-09-04 → deadline: 2021-09-04",
    "b/2021-school.yaml:18: - 开学初宣传2020年秋季学期资助政策，发放《致家长的一封信》（2019年12月31日印发的） → "
    "- 开学初宣传2021年秋季学期资助政策，发放《致家长的一封信》（2020年12月31日印发的）",
    "b/2021-school.yaml:19: - text: 认定2020级新生家庭经济困难学生 → - text: 认定2021级新生家庭经济困难学生",
    "b/2021-school.yaml:20: deadline: {text: 9月4日前, date: 2020-09-04} → "
    "deadline: {text: 9月4日前, date: 2021-09-04}",
    "b/2021-school.yaml:22: span: {start: 2020-10-12, end: 2020-10-16} → span: {start: 2021-10-11, end: 2021-10-15}",
    "b/2021-school.yaml:24: - 按2007年《普通高中国家助学金管理暂行办法》和二〇二〇年省厅通知迎接检查 → "
    "- 按2007年《普通高中国家助学金管理暂行办法》和二〇二一年省厅通知迎接检查",
    "b/2021-school.yaml:25: - 整理2020.9.1以来的资助台账 → - 整理2021.9.1以来的资助台账",
    "b/2021-school.yaml:29: - 填报2020—2021学年第一学期资助数据，2021年1月15日前报县资助中心 → "
    "- 填报2021—2022学年第一学期资助数据，2022年1月15日前报县资助中心",
    "b/2021-school.yaml:30: - 准备2月29日前（如有）的寒假走访 → - 准备2月28日前（如有）的寒假走访",
    "注意：第 9 行：学期的开始日 2020-08-31（星期一）改为 2021-08-30（星期一）：同是星期一，离 2021-08-31 最近；"
    "请按本年的校历核对",
    "注意：第 13 行：调休上班日 2020-10-10 是 2020 年的安排（每年随国务院办公厅的放假通知而定），没有移到 2021 年，"
    "已删去；2021 年的调休上班日请照当年的通知写进 calendar.workdays，或写进日历文件 2021.calendar.yaml"
    "（见 README 的“Next year's calendar”）",
    "注意：第 22 行：按周写的日期随学期移到新学期的同一周（星期不变），共 1 处，"
    "如“2020-10-12 至 2020-10-16”改为“2021-10-11 至 2021-10-15”；请按新的校历核对",
    "注意：第 24 行：“2007年”离原计划的年度 2020 年超过 2 年，当作引用的年份，没有改",
    "注意：第 30 行：2022 年不是闰年：“2月29日”改为“2月28日”",
    "注意：注释没有改：第 1 行的注释提到 2020 年，请按需修改",
    "检查 b/2021-school.yaml：",
    "b/2021-school.yaml:16:15: warning[W220]: 时段“第一周”的完成时间“2021年9月4日”（2021-09-04）是星期六，不是工作日；"
    "前一个工作日是9月3日（星期五）",
    "b/2021-school.yaml:20:19: warning[W220]: 任务 w1.2 的截止日期“9月4日前”（2021-09-04）是星期六，不是工作日；"
    "前一个工作日是9月3日（星期五）",
]


def test_every_kind_of_year_and_date_in_a_term_plan(cli, in_tmp: Path) -> None:
    """Quoted and flow values, a term start (same weekday), a local workday (same weekday), local holidays, spans
    and deadline dates (same month and day), 级, 学年 ranges with any dash, a past reference (2019年12月31日), a
    regulation's year (2007年, left), a year in Chinese numerals, a dotted date in text, and an autumn term's
    2月29日 (in 2022, not a leap year)."""
    (in_tmp / "a").mkdir()
    shutil.copy(SCHOOL, in_tmp / "a")
    result = cli("new", "b/2021-school.yaml", "--from", "a/2020-school.yaml")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[: len(SCHOOL_OUTPUT)] == SCHOOL_OUTPUT
    assert lines[-2:] == [
        "检查了 1 个文件：0 个错误，6 个警告",
        "2020 年未完成的任务：没有进度文件 a/2020-school.progress.yaml，不列出；进度记录没有复制到新计划",
    ]
    new_text = (in_tmp / "b" / "2021-school.yaml").read_text(encoding="utf-8")
    old_text = SCHOOL.read_text(encoding="utf-8")
    _only_listed_lines_differ(old_text, new_text, _changed(result.stdout, "b/2021-school.yaml"))
    # the schema modeline still reaches the same file from the new folder (both folders are as deep)
    assert "# yaml-language-server: $schema=../../../schema/plan.schema.json\n" in new_text


def test_unfinished_tasks_are_listed_from_the_old_plans_progress(cli, plans: Path) -> None:
    plan = "plans/2014-yueyang.yaml"
    assert cli("done", plan, "1.1", "1.2", "1.4", "1.5", "3.1", "3.2", "--on", "2014-03-20").exit_code == 0
    assert cli("mark", plan, "1.3", "--status", "doing", "--on", "2014-03-01").exit_code == 0
    assert cli("mark", plan, "3.3", "--status", "dropped", "--on", "2014-03-01").exit_code == 0
    progress = (plans / "2014-yueyang.progress.yaml").read_bytes()
    result = cli("new", "plans/2015-yueyang.yaml", "--from", plan)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = lines.index(
        "2014 年未完成的任务（plans/2014-yueyang.progress.yaml，共 52 项；进度记录没有复制到新计划，"
        "需要接着做的请写进新计划）："
    )
    assert lines[start + 1 : start + 5] == [
        "  1.3〔元月至2月份，进行中〕维护和审核全国中职学生信息管理系统中2月份资助信息数据",
        "  3.4〔3月份，未开始〕组织全市2013年学生资助论文评选",  # 3.1–3.2 done, 3.3 dropped
        "  3.5〔3月份，未开始〕召开2014年全市学生资助工作会",
        "  3.6〔3月份，未开始〕巡查2所中职学校和1所普通高中",
    ]
    assert len(lines) == start + 1 + 52
    assert (plans / "2014-yueyang.progress.yaml").read_bytes() == progress
    assert not (plans / "2015-yueyang.progress.yaml").exists()


def test_all_done_and_a_broken_progress_file_are_said(cli, plans: Path) -> None:
    (plans / "2014-yueyang.progress.yaml").write_text("- task: 1.1\n  status: finished\n", encoding="utf-8")
    broken = cli("new", "plans/a.yaml", "--from", "plans/2014-yueyang.yaml")
    assert broken.stdout.splitlines()[-1] == (
        "2014 年未完成的任务：进度文件有错误（运行 aidplan check 查看） plans/2014-yueyang.progress.yaml，不列出；"
        "进度记录没有复制到新计划"
    )
    (plans / "2014-yueyang.progress.yaml").unlink()
    tasks = [f"{p}.{n}" for p, count in ((1, 5), (3, 7)) for n in range(1, count + 1)]
    small = plans / "small.yaml"
    small.write_text(
        "title: 2014年计划\nyear: 2014\nperiods:\n  - label: 1月份\n    tasks: [甲, 乙, 丙, 丁, 戊]\n"
        "  - label: 3月份\n    tasks: [子, 丑, 寅, 卯, 辰, 巳, 午]\n",
        encoding="utf-8",
    )
    assert cli("done", small, *tasks[:-1], "--on", "2014-03-31").exit_code == 0
    assert cli("mark", small, tasks[-1], "--status", "dropped", "--on", "2014-03-31").exit_code == 0
    result = cli("new", "plans/small-2015.yaml", "--from", "plans/small.yaml")
    assert result.stdout.splitlines()[-1] == (
        "2014 年的任务都已完成或取消（plans/small.progress.yaml）；进度记录没有复制到新计划"
    )


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["new", "next.yaml", "--from", "nowhere.yaml"], 2, "找不到 nowhere.yaml"),
        (["new", "next.yaml", "--from", "plans/2020-huaibei.yaml", "--year", "2020"], 2,
         "plans/2020-huaibei.yaml 已经是 2020 年的计划；请用 --year 给出新的年度"),
        (["new", "next.yaml", "--from", "plans/2020-huaibei.yaml", "--periods", "weekly", "--title", "x"], 2,
         "--from 沿用原计划的时段，不能同时给 --periods"),
        (["new", "next.yaml", "--from", "plans/2020-huaibei.yaml", "--term-start", "2021-03-01"], 2,
         "plans/2020-huaibei.yaml 没有学期（term），也没有印出日期的“第一周”，--term-start 只用于学期计划和按周的计划"),
        (["new", "next.yaml", "--from", "plans/2020-huaibei.yaml", "--org", " "], 2,
         "--org 不能为空，也不能含换行或控制字符"),
        (["new", "plans/2014-yueyang.yaml", "--from", "plans/2020-huaibei.yaml"], 2,
         "plans/2014-yueyang.yaml 已经存在，没有改动它；要替换它请加 --force"),
        (["new", "plans/2020-huaibei.yaml", "--from", "plans/2020-huaibei.yaml", "--force"], 2,
         "不会写入 plans/2020-huaibei.yaml：它是这次读取的原计划；请换一个输出文件名"),
        (["new", "plans/../plans/2020-huaibei.yaml", "--from", "plans/2020-huaibei.yaml", "--force"], 2,
         "不会写入 plans/../plans/2020-huaibei.yaml：它是这次读取的原计划；请换一个输出文件名"),
        (["new", "next.yaml", "--from", "plans/2020-huaibei.yaml", "--year", "2200"], 2,
         "年度 2200 不在 1990 至 2100 之间"),
        # the old plan's progress file, one Tab away from it: never replaced, even with --force
        (["new", "plans/2020-huaibei.progress.yaml", "--from", "plans/2020-huaibei.yaml", "--force"], 2,
         "不会写入 plans/2020-huaibei.progress.yaml：以 .progress.yaml 结尾的是进度文件，不是计划；请换一个输出文件名"),
        (["new", "plans/2021.calendar.yaml", "--from", "plans/2020-huaibei.yaml"], 2,
         "不会写入 plans/2021.calendar.yaml：以 .calendar.yaml 结尾的是日历文件，不是计划；请换一个输出文件名"),
        (["new", "plans/x.progress.yaml"], 2,
         "不会写入 plans/x.progress.yaml：以 .progress.yaml 结尾的是进度文件，不是计划；请换一个输出文件名"),
    ],
)  # fmt: skip
def test_refusals_name_the_problem_and_touch_nothing(
    cli, plans: Path, args: list[str], code: int, message: str
) -> None:
    (plans / "2020-huaibei.progress.yaml").write_text("records: []\n", encoding="utf-8")
    before = {p.name: p.read_bytes() for p in plans.iterdir()}
    result = cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", f"aidplan: {message}\n")
    assert {p.name: p.read_bytes() for p in plans.iterdir()} == before
    assert not (plans.parent / "next.yaml").exists()


def test_an_old_plan_that_does_not_load_is_named_with_its_findings(cli, in_tmp: Path) -> None:
    (in_tmp / "old.yaml").write_text("title: 计划\nyear: 2020\nperiod: []\n", encoding="utf-8")
    result = cli("new", "new.yaml", "--from", "old.yaml")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "aidplan: old.yaml 有错误，没有写出新计划；请先改正它"
    assert "old.yaml:3:1: error[E110]: " in result.stderr
    assert not (in_tmp / "new.yaml").exists()


def test_force_replaces_an_older_draft_and_the_year_can_jump(cli, plans: Path) -> None:
    (plans / "2022.yaml").write_text("draft\n", encoding="utf-8")
    result = cli("new", "plans/2022.yaml", "--from", "plans/2020-huaibei.yaml", "--year", "2022", "--force")
    assert result.exit_code == 0
    text = (plans / "2022.yaml").read_text(encoding="utf-8")
    assert "title: 淮北市2022年度学生资助工作月计划\nyear: 2022\n" in text
    assert "    deadline: 2月28日\n" in text
    assert "注意：第 21 行：2022 年不是闰年：“2月29日”改为“2月28日”" in result.stdout.splitlines()


def test_a_leap_year_keeps_month_and_day(cli, plans: Path) -> None:
    """2月28日 stays 2月28日 in a leap year: deadlines keep their month and day."""
    cli("new", "plans/2021-huaibei.yaml", "--from", "plans/2020-huaibei.yaml")
    result = cli("new", "plans/2024-huaibei.yaml", "--from", "plans/2021-huaibei.yaml", "--year", "2024")
    assert result.exit_code == 0
    assert "    deadline: 2月28日\n" in (plans / "2024-huaibei.yaml").read_text(encoding="utf-8")
    assert not any("闰年" in line for line in result.stdout.splitlines())


def test_the_modeline_follows_the_new_plan_to_another_folder(cli, plans: Path) -> None:
    result = cli("new", "2021.yaml", "--from", "plans/2020-huaibei.yaml")
    assert result.exit_code == 0
    text = (plans.parent / "2021.yaml").read_text(encoding="utf-8")
    assert "# yaml-language-server: $schema=schema/plan.schema.json\n" in text
    assert "2021.yaml:4: # yaml-language-server: $schema=../schema/plan.schema.json → " in result.stdout


def test_bom_and_crlf_line_ends_are_kept(cli, plans: Path) -> None:
    source = (PLANS / "2014-yueyang.yaml").read_text(encoding="utf-8")
    (plans / "crlf.yaml").write_bytes(b"\xef\xbb\xbf" + source.replace("\n", "\r\n").encode("utf-8"))
    assert cli("new", "plans/crlf-2015.yaml", "--from", "plans/crlf.yaml").exit_code == 0
    written = (plans / "crlf-2015.yaml").read_bytes()
    assert written.startswith(b"\xef\xbb\xbf# ")
    assert written.count(b"\r\n") == source.count("\n") and b"\n" not in written.replace(b"\r\n", b"")
    assert "title: 2015年学生资助管理中心工作计划表\r\n" in written.decode("utf-8-sig")


@pytest.mark.parametrize(
    ("text", "year", "expected", "notes"),
    [
        ("a: 2020年2月29日\n", 2021, "a: 2021年2月28日\n",
         [(1, "2021 年不是闰年：“2020年2月29日”改为“2021年2月28日”")]),
        ("a: 二月二十九日\n", 2021, "a: 二月二十八日\n", [(1, "2021 年不是闰年：“二月二十九日”改为“二月二十八日”")]),
        ("a: 2月29日\n", 2024, "a: 2月29日\n", []),
        ("a: 整理2020-02-29的数据\n", 2021, "a: 整理2021-02-28的数据\n",
         [(1, "2021 年不是闰年：“2020-02-29”改为“2021-02-28”")]),
        ("a: 二○一九年、零二〇年\n", 2021, "a: 二○二○年、零二〇年\n", []),
        ("a: 补助2000元，2020人\n", 2021, "a: 补助2000元，2020人\n", []),
        ("a: 2020/13/40\n", 2021, "a: 2020/13/40\n", []),
        ("a: '2020年'\nb: \"2019至2020年\"\n", 2022, "a: '2022年'\nb: \"2021至2022年\"\n", []),
        ("d: 2020-3-1\n", 2021, "d: 2021-3-1\n", []),
        ("d: 2020-02-29\n", 2021, "d: 2021-02-28\n", [(1, "2021 年不是闰年：2020-02-29 改为 2021-02-28")]),
        ("a: >-\n  2020年\n  2020年\n", 2021, "a: >-\n  2021年\n  2021年\n", []),
        ("2020年: x\nyear: 2020\nn: 2020\n", 2021, "2020年: x\nyear: 2021\nn: 2020\n", []),
    ],
)  # fmt: skip
def test_text_rules(text: str, year: int, expected: str, notes: list) -> None:
    """Years and dates inside values; keys, plain numbers and non-dates are left alone."""
    assert rolled_text(text, 2020, year, autumn_term=False) == (expected, notes)


def test_same_weekday_near() -> None:
    monday = dt.date(2020, 8, 31)
    assert same_weekday_near(monday, 1) == dt.date(2021, 8, 30)  # 2021-08-31 is a Tuesday: one day back
    assert same_weekday_near(dt.date(2020, 9, 1), 1) == dt.date(2021, 8, 31)
    assert same_weekday_near(dt.date(2021, 3, 1), 1) == dt.date(2022, 2, 28)  # Monday 1 March → Monday 28 February
    assert same_weekday_near(dt.date(2020, 2, 29), 1).weekday() == dt.date(2020, 2, 29).weekday()
    for days in range(366):
        day = dt.date(2020, 1, 1) + dt.timedelta(days=days)
        moved = same_weekday_near(day, 1)
        assert moved.weekday() == day.weekday() and abs((moved - dt.date(2021, day.month, min(day.day, 28))).days) <= 4


def test_in_english(cli, plans: Path) -> None:
    result = cli("--lang", "en", "new", "plans/2021.yaml", "--from", "plans/2020-huaibei.yaml")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Wrote plans/2021.yaml: plans/2020-huaibei.yaml (2020) moved to 2021, 8 lines changed"
    assert lines[9:12] == [
        "Note: line 21: 2021 is not a leap year: “2月29日” changed to “2月28日”",
        "Note: comments are not changed: the comment on line 1 names 2020; edit it if needed",
        "Checking plans/2021.yaml:",
    ]
    assert lines[-1] == (
        "Unfinished tasks of 2020: no progress file plans/2020-huaibei.progress.yaml, none listed; "
        "progress records are not copied to the new plan"
    )


def test_a_week_printed_without_its_year_moves_to_the_same_weekdays() -> None:
    """3.9-3.15 ran Monday to Sunday in 2026; in a plan without a term it moves 52 weeks on, to Monday 3.8 to
    Sunday 3.14 of 2027, and so does a week into the next year (12.28-1.1); a range that is not a week (from a
    Tuesday to a Monday, three weeks and a day) is left as printed, and so are three weeks from a Monday to a
    Friday in a plan without a term (9月21日-10月9日: a span of days, not the term's weeks). Only where a table
    prints a week's dates (a time cell, a label, a deadline): a `text:` that is no task's keeps its days (a
    task's dates move with its week afterwards, below)."""
    text = (
        "- time: 3.9-3.15\n- deadline: 3月16日—22日\n- time: 3.10-3.16\n- time: 3.9-3.31\n"
        "- label: 第十八周（12.28-1.1）\n- deadline: {text: 3月30日-4月3日}\n"
        "- time: 9月21日-10月9日\n- text: 3月2日-6日开学督导\n"
    )
    assert rolled_text(text, 2026, 2027, autumn_term=False) == (
        "- time: 3.8-3.14\n- deadline: 3月15日—21日\n- time: 3.10-3.16\n- time: 3.9-3.31\n"
        "- label: 第十八周（12.27-12.31）\n- deadline: {text: 3月29日-4月2日}\n"
        "- time: 9月21日-10月9日\n- text: 3月2日-6日开学督导\n",
        [
            (
                1,
                "按周写的日期移到 2027 年星期相同的那一周（往后 52 周），共 4 处，如“3.9-3.15”改为“3.8-3.14”；"
                "计划没有写学期（term），请按新的校历核对",
            )
        ],
    )


def test_a_holiday_or_an_amount_that_looks_like_a_week_is_not_moved() -> None:
    """元旦 (1.1-1.3, Friday to Sunday in 2027) and 劳动节 (5.1-5.3) are on their dates every year; 3.2-3.6千元
    and 1.5-1.9% read as Monday-to-Friday weeks of 2026 but are amounts: all kept, with no note."""
    text = "- label: 元旦（1.1-1.3）\n- time: 5.1-5.3\n- time: 补助标准3.2-3.6千元\n- time: 比例为1.5-1.9%\n"
    assert rolled_text(text, 2026, 2027, autumn_term=True) == (text, [])


XSL = """\
title: 某某县第一中学2026-2027学年第一学期学生资助工作行事历
year: 2026
term:
  name: 2026-2027学年第一学期
  start: 2026-08-31
columns:
  - {header: 周次, role: group}
  - {header: 日期, role: time}
  - {header: 工作内容, role: task}
groups:
  - label: 第一周
    time: 8.31-9.4
    tasks: [开学资助政策宣传]
  - label: 第二周（9.7-9.11）
    tasks: [家庭经济困难学生认定申请]
  - label: 第十八周
    time: 12.28-1.1
    tasks:
      - {text: 寒假家访, deadline: 12月31日}
  - label: 第二十周
    time: 1.11-1.15
    tasks: [学期资助工作总结]
"""


def test_a_week_calendar_moves_its_printed_weeks_with_the_term(cli, in_tmp: Path) -> None:
    """A school's 行事历 moved to the term starting Monday 2027-08-30: each printed week (a time cell, a label's
    dates, a week into January) moves to the same week of the new term, so it runs Monday to Friday again and
    its tasks fall due on Fridays; every changed line is listed."""
    (in_tmp / "x.yaml").write_text(XSL, encoding="utf-8")
    result = cli("new", "x27.yaml", "--from", "x.yaml", "--term-start", "2027-08-30")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:12] == [
        "已写入 x27.yaml：x.yaml（2026 年）移到 2027 年，改了 8 行",
        "x27.yaml:1: title: 某某县第一中学2026-2027学年第一学期学生资助工作行事历 → "
        "title: 某某县第一中学2027-2028学年第一学期学生资助工作行事历",
        "x27.yaml:2: year: 2026 → year: 2027",
        "x27.yaml:4: name: 2026-2027学年第一学期 → name: 2027-2028学年第一学期",
        "x27.yaml:5: start: 2026-08-31 → start: 2027-08-30",
        "x27.yaml:12: time: 8.31-9.4 → time: 8.30-9.3",
        "x27.yaml:14: - label: 第二周（9.7-9.11） → - label: 第二周（9.6-9.10）",
        "x27.yaml:17: time: 12.28-1.1 → time: 12.27-12.31",
        "x27.yaml:21: time: 1.11-1.15 → time: 1.10-1.14",
        "注意：第 5 行：学期的开始日 2026-08-31 改为 2027-08-30（--term-start）",
        "注意：第 12 行：按周写的日期随学期移到新学期的同一周（星期不变），共 4 处，如“8.31-9.4”改为“8.30-9.3”；"
        "请按新的校历核对",
        "检查 x27.yaml：",
    ]
    # W221 (no 2027 holiday data) and the gaps the table leaves (W204, weeks 2-18 and 18-20); no Saturday (W220)
    assert "检查了 1 个文件：0 个错误，3 个警告" in result.stdout
    assert "W220" not in result.stdout
    tasks = cli("tasks", "x27.yaml", "-f", "json")
    import json

    rows = json.loads(tasks.stdout)["plans"][0]["tasks"]
    assert [(row["id"], row["start"], row["deadline"]) for row in rows] == [
        ("w1.1", "2027-08-30", "2027-09-03"),
        ("w2.1", "2027-09-06", "2027-09-10"),
        ("w18.1", "2027-12-27", "2027-12-31"),
        ("w20.1", "2028-01-10", "2028-01-14"),
    ]


DEYU = DATA / "corpus" / "2025-autumn-deyu.yaml"
SAFETY = DATA / "corpus" / "2026-autumn-safety.yaml"


def _without_w221(stdout: str) -> list[str]:
    """The output's lines but the one saying no holiday data for the new year is installed (it names the
    installed package's version)."""
    return [line for line in stdout.splitlines() if "warning[W221]" not in line]


def _dates(cli, plan: str) -> list[tuple[str, str, str]]:
    import json

    rows = json.loads(cli("tasks", plan, "-f", "json").stdout)["plans"][0]["tasks"]
    return [(row["id"], row["start"], row["deadline"]) for row in rows]


def test_dates_in_a_weeks_tasks_move_with_the_week(cli, in_tmp: Path) -> None:
    """A 行事历 (tests/data/rollover/week-text.yaml) moved to a term starting on Wednesday 2027-09-01: a range in a
    task that is its week's days becomes the new week's (8月31日—9月4日 → 9月1日—9月3日), a day or range inside a
    week moves with it and keeps its weekday (9月8日 → 9月7日, 1.18-1.20 → 1.17-1.19, 休业式 1月22日 → 1月21日),
    also another week's days (第三周9.14-9.18), a deadline on the week's last day (9月4日前 → 9月3日前) and one
    that prints its weekday (9月10日（星期四）前 → 9月9日（星期四）前); 教师节（9.10）, 国庆 and 元旦 keep their
    dates, amounts and article numbers are not dates. Each changed line is listed and counted with the cells in
    one note; what stays as printed though its week moved is named: a day the new week no longer holds (开学典礼
    9月1日 would be 8月31日, before the term), another deadline (8月31日前, before the new term: W224 too), a day
    in none of the plan's weeks (9月26日, a Saturday, now a Sunday), 中秋 (another day each year), a range
    running out of its week. The written YAML keeps comments, quoting, blank lines and layout."""
    shutil.copy(DATA / "rollover" / "week-text.yaml", in_tmp / "week-text.yaml")
    before = (in_tmp / "week-text.yaml").read_bytes()
    result = cli("new", "week-text.next.yaml", "--from", "week-text.yaml", "--term-start", "2027-09-01")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (
        _without_w221(result.stdout)
        == (DATA / "rollover" / "week-text.expected").read_text(encoding="utf-8").splitlines()
    )
    assert result.stdout.count("warning[W221]") == 1  # no holiday data for 2027 installed
    written = (in_tmp / "week-text.next.yaml").read_text(encoding="utf-8")
    assert written == (DATA / "rollover" / "week-text.next.expected").read_text(encoding="utf-8")
    _only_listed_lines_differ(before.decode("utf-8"), written, _changed(result.stdout, "week-text.next.yaml"))
    assert (in_tmp / "week-text.yaml").read_bytes() == before
    assert _dates(cli, "week-text.next.yaml") == [
        ("w1.1", "2027-09-01", "2027-09-03"),  # 9月1日—9月3日新生入学教育: the new week
        ("w1.2", "2027-09-01", "2027-09-03"),  # 9月4日前, the week's last day → 9月3日前, its new last day
        ("w1.3", "2027-09-01", "2027-08-31"),  # 8月31日前: a deadline keeps its month and day (named, W224)
        ("w1.4", "2027-09-01", "2027-09-01"),  # 于9月2日发放 (Wednesday) → 9月1日 (Wednesday)
        ("w2.1", "2027-09-06", "2027-09-09"),  # 9月10日（星期四）前 → 9月9日（星期四）前: its weekday printed
        ("w2.2", "2027-09-06", "2027-09-10"),
        ("w2.3", "2027-09-06", "2027-09-10"),  # 9月26日运动会 in no week of the plan: kept (named)
        ("w3.1", "2027-09-13", "2027-09-17"),
        ("w4.1", "2027-09-20", "2027-09-25"),  # 中秋 9月25日, as printed (named)
        ("w5.1", "2027-09-27", "2027-09-30"),  # 烈士纪念日 9月30日, the same day every year
        ("w5.2", "2027-09-27", "2027-10-01"),
        ("w18.1", "2027-12-27", "2027-12-31"),
        ("w18.2", "2027-12-27", "2028-01-05"),  # runs out of its week (named)
        ("w21.1", "2028-01-17", "2028-01-21"),  # 1月21日休业式, the new term's last day (a Friday)
    ]
    # without --term-start the term starts on Monday 2027-08-30: 开学典礼 moves with its week too
    plain = cli("new", "plain.yaml", "--from", "week-text.yaml")
    assert (
        "plain.yaml:14: - 9月1日开学典礼；8月31日—9月4日新生入学教育 → - 8月31日开学典礼；8月30日—9月3日新生入学教育"
        in (plain.stdout.splitlines())
    )
    assert "第 14 行" not in plain.stdout  # nothing left to name on that line


BY_MONTH_AND_WEEK = """\
title: 东山县2026年秋季学期学生资助工作安排
year: 2026
term: {name: 2026年秋季学期, start: 2026-08-31}
columns:
  - {header: 月份, role: group}
  - {header: 周次, role: group}
  - {header: 日期, role: time}
  - {header: 工作内容, role: task}
groups:
  - label: 九月
    groups:
      - label: 第一周
        tasks:
          - {text: 开学资助政策宣传，9月4日前向新生发放《致家长的一封信》, deadline: 8.31-9.4}
      - label: 第三周
        tasks:
          - {text: 各校完成认定，9月18日（星期五）前报送名单, deadline: 9.14-9.18}
  - label: 十月
    groups:
      - label: 第六周
        time: 10.8-10.9
        tasks: [国庆假后10月8日开展资助资金发放安全排查]
"""


def test_a_tasks_own_printed_week_moves_the_dates_of_its_text(cli, in_tmp: Path) -> None:
    """A 行事历 by month and week whose 日期 is printed for each task: the task's own week (8.31-9.4) moves, and so
    does a deadline in its text on that week's last day (9月4日前 → 9月3日前, a Friday again), a deadline printed
    with its weekday (9月18日（星期五）前 → 9月17日（星期五）前), and the days after 国庆 printed for 第六周
    (10.8-10.9, Thursday and Friday: part of a week, neither from its Monday nor to its Sunday) with the day in
    its task."""
    (in_tmp / "t.yaml").write_text(BY_MONTH_AND_WEEK, encoding="utf-8")
    result = cli("new", "t27.yaml", "--from", "t.yaml", "--term-start", "2027-08-30")
    assert result.stdout.splitlines()[:10] == [
        "已写入 t27.yaml：t.yaml（2026 年）移到 2027 年，改了 7 行",
        "t27.yaml:1: title: 东山县2026年秋季学期学生资助工作安排 → title: 东山县2027年秋季学期学生资助工作安排",
        "t27.yaml:2: year: 2026 → year: 2027",
        "t27.yaml:3: term: {name: 2026年秋季学期, start: 2026-08-31} → term: {name: 2027年秋季学期, start: 2027-08-30}",
        "t27.yaml:14: - {text: 开学资助政策宣传，9月4日前向新生发放《致家长的一封信》, deadline: 8.31-9.4} → "
        "- {text: 开学资助政策宣传，9月3日前向新生发放《致家长的一封信》, deadline: 8.30-9.3}",
        "t27.yaml:17: - {text: 各校完成认定，9月18日（星期五）前报送名单, deadline: 9.14-9.18} → "
        "- {text: 各校完成认定，9月17日（星期五）前报送名单, deadline: 9.13-9.17}",
        "t27.yaml:21: time: 10.8-10.9 → time: 10.7-10.8",
        "t27.yaml:22: tasks: [国庆假后10月8日开展资助资金发放安全排查] → "
        "tasks: [国庆假后10月7日开展资助资金发放安全排查]",
        "注意：第 3 行：学期的开始日 2026-08-31 改为 2027-08-30（--term-start）",
        "注意：第 14 行：按周写的日期随学期移到新学期的同一周（星期不变），共 6 处，如“8.31-9.4”改为“8.30-9.3”；"
        "请按新的校历核对",
    ]
    assert "检查了 1 个文件：0 个错误，1 个警告" in result.stdout  # the gap of week 2 (W204), as in the old plan
    assert _dates(cli, "t27.yaml") == [
        ("9.w1.1", "2027-08-30", "2027-09-03"),
        ("9.w3.1", "2027-09-13", "2027-09-17"),
        ("10.w6.1", "2027-10-07", "2027-10-07"),
    ]


def test_a_local_holiday_named_after_a_lunar_festival_moves_with_it(cli, in_tmp: Path) -> None:
    """calendar.holidays keep their month and day (校庆日), but a holiday named after 春节, 端午 or 中秋 moves with
    the festival, as many days from it as before (春节 2026-02-17 and its 初二 2026-02-18 → 2028-01-26 and 01-27;
    除夕 the day before 春节), and 清明 with the solar term (2026-04-05 → 2028-04-04); one whose day aidplan does
    not know (重阳) keeps its month and day and is named, to be set from the notice."""
    (in_tmp / "hol.yaml").write_text(
        "title: 某校2026年工作计划\nyear: 2026\ncalendar:\n  holidays:\n"
        "    - {date: 2026-02-16, name: 除夕}\n    - {date: 2026-02-17, name: 春节}\n"
        "    - {date: 2026-02-18, name: 春节假期}\n    - {date: 2026-06-19, name: 端午节}\n"
        "    - date: 2026-04-05\n      name: 清明节\n    - {date: 2026-09-28, name: 校庆日}\n"
        "    - {date: 2026-10-18, name: 重阳节敬老活动}\n"
        "periods:\n  - label: 2月\n    tasks: [春节前走访困难学生]\n",
        encoding="utf-8",
    )
    result = cli("new", "hol28.yaml", "--from", "hol.yaml", "--year", "2028")
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith(("hol28.yaml:", "注意")) and "warning[" not in line][2:] == [
        "hol28.yaml:5: - {date: 2026-02-16, name: 除夕} → - {date: 2028-01-25, name: 除夕}",
        "hol28.yaml:6: - {date: 2026-02-17, name: 春节} → - {date: 2028-01-26, name: 春节}",
        "hol28.yaml:7: - {date: 2026-02-18, name: 春节假期} → - {date: 2028-01-27, name: 春节假期}",
        "hol28.yaml:8: - {date: 2026-06-19, name: 端午节} → - {date: 2028-05-28, name: 端午节}",
        "hol28.yaml:9: - date: 2026-04-05 → - date: 2028-04-04",
        "hol28.yaml:11: - {date: 2026-09-28, name: 校庆日} → - {date: 2028-09-28, name: 校庆日}",
        "hol28.yaml:12: - {date: 2026-10-18, name: 重阳节敬老活动} → - {date: 2028-10-18, name: 重阳节敬老活动}",
        "注意：第 5 行：calendar.holidays 的“除夕” 2026-02-16 改为 2028-01-25：随春节移动（2028 年的春节是 2028-01-26）"
        "；请照 2028 年的放假通知核对",
        "注意：第 6 行：calendar.holidays 的“春节” 2026-02-17 改为 2028-01-26：随春节移动（2028 年的春节是 2028-01-26）"
        "；请照 2028 年的放假通知核对",
        "注意：第 7 行：calendar.holidays 的“春节假期” 2026-02-18 改为 2028-01-27：随春节移动（2028 年的春节是 "
        "2028-01-26）；请照 2028 年的放假通知核对",
        "注意：第 8 行：calendar.holidays 的“端午节” 2026-06-19 改为 2028-05-28：随端午移动（2028 年的端午是 "
        "2028-05-28）；请照 2028 年的放假通知核对",
        "注意：第 9 行：calendar.holidays 的“清明节” 2026-04-05 改为 2028-04-04：随清明移动（2028 年的清明是 "
        "2028-04-04）；请照 2028 年的放假通知核对",
        "注意：第 12 行：calendar.holidays 的“重阳节敬老活动”是农历节日：2026-10-18 按月日移到 2028-10-18，"
        "不是 2028 年的重阳节敬老活动；请照 2028 年的放假通知改这一天",
        "注意：新年度与原计划相隔 2 年：请逐项核对日期",
    ]


def test_comments_after_a_value_that_name_the_old_year_are_listed(cli, in_tmp: Path) -> None:
    """A comment after a value (`year: 2028   # 计划年度 2028`) is kept as written and listed like a whole-line
    one; “ #” inside a quoted value is no comment."""
    (in_tmp / "c.yaml").write_text(
        "# 2028年计划\ntitle: 某县2028年学生资助工作计划\nyear: 2028   # 计划年度 2028\nperiods:\n"
        "  - label: 四月份\n    tasks:\n      - 召开2028年全县资助工作会议  # 会议在2028年4月\n"
        '      - "发放 #2028 号文件"\n',
        encoding="utf-8",
    )
    result = cli("new", "c29.yaml", "--from", "c.yaml")
    assert "注意：注释没有改：第 1、3、7 行的注释提到 2028 年，请按需修改" in result.stdout.splitlines()
    written = (in_tmp / "c29.yaml").read_text(encoding="utf-8")
    assert "year: 2029   # 计划年度 2028\n" in written  # line 8's “ #2028” is in a value: not listed


def test_a_plan_by_the_week_without_a_term_takes_the_new_first_day(cli, in_tmp: Path) -> None:
    """A 行事历 that prints its weeks but states no term (corpus 2026-spring-weekly: 第一周 3.2-3.8) is given the
    new term's first day: every printed week moves to the same week of that term (53 weeks on, Monday 3.8 for
    第一周), with the days in its tasks; without --term-start it moves 52 weeks."""
    shutil.copy(DATA / "corpus" / "2026-spring-weekly.yaml", in_tmp / "sw.yaml")
    result = cli("new", "sw27.yaml", "--from", "sw.yaml", "--term-start", "2027-03-08")
    lines = result.stdout.splitlines()
    assert lines[3:6] == [
        "sw27.yaml:13: time: 2.26-3.1 → time: 3.4-3.7",
        "sw27.yaml:18: time: 3.2-3.8 → time: 3.8-3.14",
        "sw27.yaml:20: - {text: 3月2日学生报到、注册，发放新教材, owner: 教务处、各班主任} → "
        "- {text: 3月8日学生报到、注册，发放新教材, owner: 教务处、各班主任}",
    ]
    assert (
        "注意：第 13 行：按周写的日期随 --term-start 2027-03-08 移到新学期的同一周（往后 53 周，星期不变），共 24 处，"
        "如“2.26-3.1”改为“3.4-3.7”；请按新的校历核对"
    ) in lines
    assert "检查了 1 个文件：0 个错误，0 个警告" in lines
    assert "term:" not in (in_tmp / "sw27.yaml").read_text(encoding="utf-8")  # no term is added
    plain = cli("new", "sw27b.yaml", "--from", "sw.yaml").stdout.splitlines()
    assert "sw27b.yaml:18: time: 3.2-3.8 → time: 3.1-3.7" in plain


@pytest.mark.parametrize(
    ("old", "args", "new"),
    [
        # a title over two lines (a block list, a folded block): replaced whole, its other lines left blank
        ("title:\n  - 某县2026年\n  - 资助工作计划\nyear: 2026\n", ["--title", "某县2027年新计划"],
         "title:\n  某县2027年新计划\n\nyear: 2027\n"),
        ("title: >-\n  某县2026年\n  计划\nyear: 2026\n", ["--title", "某县2027年新计划"],
         "title: 某县2027年新计划\n\n\nyear: 2027\n"),
        ("title: 某县2026年计划\nyear: 2026\norganisation: |-\n  某县\n  资助中心\n", ["--org", "新单位"],
         "title: 某县2027年计划\nyear: 2027\norganisation: 新单位\n\n\n"),
        # a plan in flow style: the organisation goes inside the braces
        ("{title: 某县2026年计划, year: 2026, periods: [{label: 3月, tasks: [做好工作]}]}\n", ["--org", "新单位"],
         "{title: 某县2027年计划, organisation: 新单位, year: 2027, periods: [{label: 3月, tasks: [做好工作]}]}\n"),
        # in a flow plan a value with , [ ] { } is quoted
        ("{title: 某县2026年计划, year: 2026, periods: [{label: 3月, tasks: [做好工作]}]}\n",
         ["--title", "某县2027年计划, 修订"],
         '{title: "某县2027年计划, 修订", year: 2027, periods: [{label: 3月, tasks: [做好工作]}]}\n'),
        # a quoted term start is the day it says: --term-start is written, the weekday kept without it
        ("title: 某校2026年秋季学期计划\nyear: 2026\nterm: {start: '2026-08-31'}\n", ["--term-start", "2027-08-30"],
         "title: 某校2027年秋季学期计划\nyear: 2027\nterm: {start: '2027-08-30'}\n"),
        ('title: 某校2026年秋季学期计划\nyear: 2026\nterm: {start: "2026-08-31"}\n', [],
         'title: 某校2027年秋季学期计划\nyear: 2027\nterm: {start: "2027-08-30"}\n'),
        # the added line ends as the file's lines do
        ("title: 某县2026年计划\r\nyear: 2026\r\n", ["--org", "新单位"],
         "title: 某县2027年计划\r\norganisation: 新单位\r\nyear: 2027\r\n"),
        # a year written as text or a decimal moves too
        ('title: 某县2026年计划\nyear: "2026"\n', [], 'title: 某县2027年计划\nyear: "2027"\n'),
        ("title: 某县2026年计划\nyear: 2026.0\n", [], "title: 某县2027年计划\nyear: 2027.0\n"),
    ],
)  # fmt: skip
def test_title_and_org_replace_a_value_of_any_form(cli, in_tmp: Path, old: str, args: list[str], new: str) -> None:
    periods = "" if old.startswith("{") else "periods:\n  - label: 3月\n    tasks: [做好工作]\n"
    (in_tmp / "p.yaml").write_bytes((old + periods).encode("utf-8"))
    result = cli("new", "p27.yaml", "--from", "p.yaml", *args)
    assert (result.exit_code, result.stderr) == (0, "")
    written = (in_tmp / "p27.yaml").read_bytes().decode("utf-8")
    assert written.startswith(new)
    assert "检查了 1 个文件：0 个错误" in result.stdout


def test_dates_in_the_tasks_of_a_plan_without_weeks_keep_month_and_day(cli, in_tmp: Path) -> None:
    """A monthly plan (tests/data/rollover/monthly-text.yaml): dates in task texts keep their month and day, as
    deadlines do; a range printed as a week (宣传周（3.9-3.13）, Monday to Friday in 2026, Tuesday to Saturday in
    2027) is named with the week of the same weekdays, to be checked; 端午 is named; the amounts (3.2-3.6千元,
    1.5-1.9%) are not dates and are kept without a word; a weekday printed after a day that keeps its month and
    day is made true again (6月30日（星期二）前 → （星期三）, or check would refuse it: E205), and named."""
    shutil.copy(DATA / "rollover" / "monthly-text.yaml", in_tmp / "monthly-text.yaml")
    before = (in_tmp / "monthly-text.yaml").read_text(encoding="utf-8")
    result = cli("new", "monthly-text.next.yaml", "--from", "monthly-text.yaml")
    assert (result.exit_code, result.stderr) == (0, "")
    assert (
        _without_w221(result.stdout)
        == (DATA / "rollover" / "monthly-text.expected").read_text(encoding="utf-8").splitlines()
    )
    written = (in_tmp / "monthly-text.next.yaml").read_text(encoding="utf-8")
    assert written == (DATA / "rollover" / "monthly-text.next.expected").read_text(encoding="utf-8")
    assert written == before.replace("2026", "2027").replace("（星期二）", "（星期三）")  # years and the weekday
    assert _dates(cli, "monthly-text.next.yaml") == [
        ("3.1", "2027-03-01", "2027-03-31"),
        ("3.2", "2027-03-01", "2027-03-31"),
        ("3.3", "2027-03-01", "2027-03-20"),  # 3月20日前: its month and day, a Saturday now (W220)
        ("6.1", "2027-06-01", "2027-06-30"),
        ("6.2", "2027-06-01", "2027-06-30"),
        ("6.3", "2027-06-01", "2027-06-30"),
    ]


def test_a_day_of_a_week_the_term_computes_moves_with_it(cli, in_tmp: Path) -> None:
    """The autumn term of 2025 ends on Friday 2026-01-23, the day of its 休业式 (第二十一周, whose dates are
    printed nowhere: the term gives them); moved to 2026 the term ends on Friday 2027-01-22 and the 休业式 moves
    with its week to 1月22日, as 11月7日's drill moves to 11月6日 (both Fridays); 重阳 (10月29日 in 2025) is
    another day in 2026 and named; 烈士纪念日 9月30日, 建队日 10月13日 and 宪法日 12月4日 keep theirs. The new plan
    checks clean."""
    shutil.copy(DEYU, in_tmp / "deyu.yaml")
    result = cli("new", "deyu26.yaml", "--from", "deyu.yaml")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert [line for line in lines if line.startswith("deyu26.yaml:") and "任务" not in line][3:] == [
        "deyu26.yaml:69: - 11月7日开展消防应急疏散演练 → - 11月6日开展消防应急疏散演练",
        "deyu26.yaml:123: - 1月23日休业式 → - 1月22日休业式",
    ]
    assert [line for line in lines if line.startswith("注意：第 6") or "任务文字" in line] == [
        "注意：第 62 行：任务文字中的“10月29日”是重阳的日期，每年不同，照印的保留；请按 2026 年的日历核对",
        "注意：第 69 行：按周写的日期随学期移到新学期的同一周（星期不变），共 2 处，如“11月7日”改为“11月6日”；"
        "请按新的校历核对",
    ]
    assert "检查了 1 个文件：0 个错误，0 个警告" in lines
    assert cli("check", "-q", "deyu.yaml").stdout == ""


def test_the_old_terms_last_day_printed_in_a_task_is_the_new_terms(cli, in_tmp: Path) -> None:
    """In a term plan by months, 1月22日休业式 is the term's last day (Friday 2027-01-22); the new term ends on
    Friday 2028-01-21, and the 休业式 goes with it (listed, counted in the note), so it stays inside the term."""
    shutil.copy(SAFETY, in_tmp / "safety.yaml")
    result = cli("new", "safety27.yaml", "--from", "safety.yaml")
    lines = result.stdout.splitlines()
    assert (
        "safety27.yaml:42: - {text: 1月22日休业式上进行寒假安全教育，发放《寒假致家长的一封信》, "
        "owner: 政教处、各班主任} → - {text: 1月21日休业式上进行寒假安全教育，发放《寒假致家长的一封信》, "
        "owner: 政教处、各班主任}"
    ) in lines
    assert "W224" not in result.stdout
    assert ("1.2", "2028-01-21") in [(row[0], row[2]) for row in _dates(cli, "safety27.yaml")]


def test_a_task_the_moved_term_no_longer_holds_is_named(cli, in_tmp: Path) -> None:
    """A term moved a week earlier (--term-start 2027-08-23: it ends on Friday 2028-01-14) no longer holds a
    task's own date in January (1月19日, kept on its month and day in a month group): said in the output."""
    (in_tmp / "t.yaml").write_text(
        "title: 某校2026年秋季学期资助工作安排\nyear: 2026\nterm: {start: 2026-08-31, end: 2027-01-22}\n"
        "periods:\n  - label: 九月\n    tasks: [开学资助宣传]\n  - label: 一月\n    tasks: [1月19日寒假家访]\n",
        encoding="utf-8",
    )
    result = cli("new", "t27.yaml", "--from", "t.yaml", "--term-start", "2027-08-23")
    lines = result.stdout.splitlines()
    assert (
        "注意：第 8 行：任务 1.1“1月19日寒假家访”的日期 2028-01-19 在新学期（2027-08-23 至 2028-01-14）之外，"
        "原计划中在学期之内；请按新的校历核对任务的日期或学期的起止日期"
    ) in lines


def test_a_week_the_moved_term_no_longer_holds_is_named(cli, in_tmp: Path) -> None:
    """A term whose end moves back two days leaves a span that is not a week (Wednesday and Thursday, within the
    old term, kept on its month and day) outside; a span that is a week moves with the term."""
    (in_tmp / "w.yaml").write_text(
        "title: 2020年春季学期周计划\nyear: 2020\nterm: {start: 2020-02-17, end: 2020-02-28}\n"
        "periods:\n  - label: 第一周\n    span: {start: 2020-02-17, end: 2020-02-21}\n    tasks: [开学]\n"
        "  - label: 考试\n    span: {start: 2020-02-26, end: 2020-02-27}\n    tasks: [休业]\n",
        encoding="utf-8",
    )
    result = cli("new", "w21.yaml", "--from", "w.yaml")
    lines = result.stdout.splitlines()
    moved = "w21.yaml:6: span: {start: 2020-02-17, end: 2020-02-21} → span: {start: 2021-02-15, end: 2021-02-19}"
    assert moved in lines
    assert (
        "注意：第 8 行：“考试”（2021-02-26 至 2021-02-27）超出了新学期（2021-02-15 至 2021-02-26），"
        "原计划中在学期之内；请按新的校历核对"
    ) in lines


WORKDAYS = """\
# 2020年的计划
title: 某校2020年春季学期资助工作周计划
year: 2020
term:
  name: 2019-2020学年第二学期
  start: 2020-02-17
  end: 2020-07-10
calendar:
  workdays:   # 调休
    - 2020-04-26
    - 2020-05-09
  holidays:
    - {date: 2020-03-10, name: 校庆日}
periods:
  - label: 第一周
    tasks: [19-20学年第二学期开学工作, 20年3月前报送, 工作20年以上的教师, 19级学生]
"""


def test_make_up_workdays_are_dropped_and_the_options_override_the_old_plan(cli, in_tmp: Path) -> None:
    """A block list of 调休 days is emptied with its items kept as comments (every line stays where it was);
    --title, --org (added after the title) and --term-start (the end keeps the term's length) replace the old
    plan's; two-digit years move, a count of years does not."""
    (in_tmp / "old.yaml").write_text(WORKDAYS, encoding="utf-8")
    result = cli(
        "new", "new.yaml", "--from", "old.yaml", "--org", "某县资助中心", "--term-start", "2021-03-01",
        "--title", "某校2021年春季学期资助工作周计划（修订）",
    )  # fmt: skip
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:16] == [
        "已写入 new.yaml：old.yaml（2020 年）移到 2021 年，改了 11 行",
        "new.yaml:2: title: 某校2020年春季学期资助工作周计划 → title: 某校2021年春季学期资助工作周计划（修订）",
        "new.yaml:3: + organisation: 某县资助中心",
        "new.yaml:4: year: 2020 → year: 2021",
        "new.yaml:6: name: 2019-2020学年第二学期 → name: 2020-2021学年第二学期",
        "new.yaml:7: start: 2020-02-17 → start: 2021-03-01",
        "new.yaml:8: end: 2020-07-10 → end: 2021-07-23",
        "new.yaml:10: workdays:   # 调休 → workdays: []   # 调休",
        "new.yaml:11: - 2020-04-26 → # - 2020-04-26",
        "new.yaml:12: - 2020-05-09 → # - 2020-05-09",
        "new.yaml:14: - {date: 2020-03-10, name: 校庆日} → - {date: 2021-03-10, name: 校庆日}",
        "new.yaml:17: tasks: [19-20学年第二学期开学工作, 20年3月前报送, 工作20年以上的教师, 19级学生] → "
        "tasks: [20-21学年第二学期开学工作, 21年3月前报送, 工作20年以上的教师, 20级学生]",
        "注意：第 7 行：学期的开始日 2020-02-17 改为 2021-03-01（--term-start）",
        "注意：第 8 行：学期的结束日 2020-07-10（星期五）改为 2021-07-23（星期五）：学期的周数不变；请按本年的校历核对",
        "注意：第 10 行：调休上班日 2020-04-26、2020-05-09 是 2020 年的安排（每年随国务院办公厅的放假通知而定），"
        "没有移到 2021 年，已删去；2021 年的调休上班日请照当年的通知写进 calendar.workdays，"
        "或写进日历文件 2021.calendar.yaml（见 README 的“Next year's calendar”）",
        "注意：注释没有改：第 1 行的注释提到 2020 年，请按需修改",  # not the lines commented out
    ]
    text = (in_tmp / "new.yaml").read_text(encoding="utf-8")
    assert "calendar:\n  workdays: []   # 调休\n    # - 2020-04-26\n    # - 2020-05-09\n  holidays:\n" in text
    assert "检查了 1 个文件：0 个错误" in result.stdout


def test_a_year_and_a_term_start_that_disagree_are_refused(cli, in_tmp: Path) -> None:
    (in_tmp / "old.yaml").write_text(WORKDAYS, encoding="utf-8")
    result = cli("new", "new.yaml", "--from", "old.yaml", "--year", "2022", "--term-start", "2021-03-01")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: --year 2022 与开学日期 2021-03-01 不一致：学期计划的年度是开学的那一年（2021）；"
        "请去掉 --year，或写 --year 2021\n",
    )
    assert not (in_tmp / "new.yaml").exists()


def test_the_comments_an_import_wrote_are_not_listed(cli, in_tmp: Path) -> None:
    """The block `aidplan import` writes at the top (where the plan came from, its guesses) names the old year;
    it describes the old plan, and is not listed as a comment to edit. A comment after it still is."""
    imported = cli("import", str(DATA / "seeds" / "2020-huaibei.txt"), "-o", "huaibei.yaml")
    assert imported.exit_code == 0
    text = (in_tmp / "huaibei.yaml").read_text(encoding="utf-8")
    assert text.startswith("# 由 aidplan import 从 ") and "年份 2020 取自标题" in text
    result = cli("new", "h21.yaml", "--from", "huaibei.yaml")
    assert result.exit_code == 0
    assert not any(line.startswith("注意：注释没有改") for line in result.stdout.splitlines())
    (in_tmp / "huaibei.yaml").write_text(text.replace("\nyear:", "\n# 2020年修订\nyear:", 1), encoding="utf-8")
    again = cli("new", "h21.yaml", "--from", "huaibei.yaml", "--force")
    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith("year:"))) + 1
    assert f"注意：注释没有改：第 {line} 行的注释提到 2020 年，请按需修改" in again.stdout.splitlines()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 19-20学年、19—20年度\n", "a: 20-21学年、20—21年度\n"),
        ("a: 20年3月、20年春季、19级、20届\n", "a: 21年3月、21年春季、20级、21届\n"),
        ("a: 工作20年来、近20年、满20年、20年以上、20年内、15年、补助20元、10-20学年\n",
         "a: 工作20年来、近20年、满20年、20年以上、20年内、15年、补助20元、10-20学年\n"),
    ],
)  # fmt: skip
def test_two_digit_years(text: str, expected: str) -> None:
    """Two-digit years move like four-digit ones; counts of years and numbers far from the plan's year do not."""
    assert rolled_text(text, 2020, 2021, autumn_term=False) == (expected, [])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 做好2026/2027年度预算\n", "a: 做好2027/2028年度预算\n"),
        ("a: 做好2026、2027两年预算\n", "a: 做好2027、2028两年预算\n"),
        ("a: 2026-27学年、2026—27年度\n", "a: 2027-28学年、2027—28年度\n"),
        ("a: 2026-28学年\n", "a: 2026-28学年\n"),  # not a school year: left
    ],
)
def test_pairs_of_years_move_together(text: str, expected: str) -> None:
    """Both years of a pair move (2026/2027年度 never becomes the impossible 2027/2027)."""
    assert rolled_text(text, 2026, 2027, autumn_term=False) == (expected, [])


def test_a_documents_name_keeps_its_years_and_is_named() -> None:
    """《2024—2028年教育发展规划》 is a document that exists; moving its years would name one that does not."""
    text = "a: 落实《2024—2028年教育发展规划》，做好2026年工作\nb: 按《2007年办法》\n"
    assert rolled_text(text, 2026, 2027, autumn_term=False) == (
        "a: 落实《2024—2028年教育发展规划》，做好2027年工作\nb: 按《2007年办法》\n",
        [(1, "《2024—2028年教育发展规划》是文件名，其中的年份没有改；引用的若是新一年的文件，请改写")],
    )


def test_a_signature_date_written_as_printed_is_moved_and_named(cli, in_tmp: Path) -> None:
    """README: the 落款's date moves with a note to change it to the day the new plan is issued, also when it is
    written as printed (2026年2月27日), not as an ISO date."""
    shutil.copy(DATA / "corpus" / "2026-preamble-signature.yaml", in_tmp / "ps.yaml")
    result = cli("new", "ps27.yaml", "--from", "ps.yaml", "--year", "2027")
    assert result.exit_code == 0
    assert "注意：第 59 行：落款日期“2026年2月27日”改为“2027年2月27日”：请改成新计划的印发日期" in result.stdout
    assert "date: 2027年2月27日" in (in_tmp / "ps27.yaml").read_text(encoding="utf-8")


def test_the_signatures_date_is_moved_and_named(cli, in_tmp: Path) -> None:
    shutil.copy(DATA / "parts" / "preamble-signature.yaml", in_tmp / "ps.yaml")
    result = cli("new", "ps22.yaml", "--from", "ps.yaml")
    assert result.exit_code == 0
    assert "注意：第 25 行：落款日期 2021-02-26 改为 2022-02-26（星期六）：请改成新计划的印发日期" in result.stdout
    english = cli("--lang", "en", "new", "ps22.yaml", "--from", "ps.yaml", "--force")
    assert (
        "Note: line 25: the signature's date 2021-02-26 changed to 2022-02-26 (Saturday): change it to the day the "
        "new plan is issued"
    ) in english.stdout.splitlines()


def test_the_new_notes_and_refusals_in_english(cli, in_tmp: Path) -> None:
    (in_tmp / "old.yaml").write_text(WORKDAYS, encoding="utf-8")
    result = cli("--lang", "en", "new", "new.yaml", "--from", "old.yaml", "--term-start", "2021-03-01")
    assert result.exit_code == 0
    notes = [line for line in result.stdout.splitlines() if line.startswith("Note: ")]
    assert notes[:3] == [
        "Note: line 6: the first day of term 2020-02-17 changed to 2021-03-01 (--term-start)",
        "Note: line 7: the last day of term 2020-07-10 (Friday) changed to 2021-07-23 (Friday): the term keeps its "
        "number of weeks; compare with this year's school calendar",
        "Note: line 9: the make-up workdays 2020-04-26, 2020-05-09 are 2020's arrangement (set each year with the "
        "State Council's holiday notice): not moved to 2021, removed; write 2021's make-up workdays from that "
        "year's notice in calendar.workdays or in the calendar file 2021.calendar.yaml (see README, “Next year's "
        "calendar”)",
    ]
    shutil.copy(DATA / "rollover" / "week-text.yaml", in_tmp / "week-text.yaml")
    weeks = cli("--lang", "en", "new", "week-text.next.yaml", "--from", "week-text.yaml", "--term-start", "2027-09-01")
    assert [line for line in weeks.stdout.splitlines() if "task's text" in line][:2] == [
        "Note: line 14: “9月1日” in a task's text lies within “第一周” (2026-08-31 to 2026-09-04); moved with that "
        "week it would be 2027-08-31, outside the week's new dates (2027-09-01 to 2027-09-03), so it is kept as "
        "printed: check it against the new school calendar",
        "Note: line 16: “8月31日” in a task's text is a deadline, and deadlines keep their month and day: kept as "
        "printed; it is no longer within the new dates of “第一周” (2027-09-01 to 2027-09-03), please check it",
    ]
    shutil.copy(DATA / "rollover" / "monthly-text.yaml", in_tmp / "monthly-text.yaml")
    monthly = cli("--lang", "en", "new", "monthly-text.next.yaml", "--from", "monthly-text.yaml")
    assert (
        "Note: line 8: “3.9-3.13” in a task's text is kept as printed: it ran Monday to Friday in 2026 and runs "
        "Tuesday to Saturday in 2027; if it is meant as a week, the week of the same weekdays is “3.8-3.12”: "
        "please check it"
    ) in monthly.stdout.splitlines()
    assert (
        "Note: line 14: the day of “6月30日（星期二）” is a Wednesday in 2027: the weekday in brackets changed to "
        "“6月30日（星期三）”; check the date"
    ) in monthly.stdout.splitlines()
    for args, message in (
        (["--periods", "weekly"], "--from keeps the old plan's periods; --periods cannot be given with it"),
        (["--year", "2022", "--term-start", "2021-03-01"],
         "--year 2022 disagrees with the term start 2021-03-01: a term plan's year is the year its term starts "
         "(2021); leave out --year or write --year 2021"),
    ):  # fmt: skip
        refused = cli("--lang", "en", "new", "x.yaml", "--from", "old.yaml", *args)
        assert (refused.exit_code, refused.stderr) == (2, f"aidplan: {message}\n")
    (in_tmp / "monthly.yaml").write_text("title: 2020年计划\nyear: 2020\nperiods:\n  - label: 1月\n    tasks: [甲]\n")
    no_term = cli("--lang", "en", "new", "x.yaml", "--from", "monthly.yaml", "--term-start", "2021-03-01")
    assert no_term.stderr == (
        "aidplan: monthly.yaml has no term and no 第一周 printed with its dates; --term-start is for term plans and "
        "plans by the week\n"
    )
