"""The first and last day of term as a plan prints them in its text: 桃源镇中心学校's autumn safety plan prints
“9月1日上好‘开学安全第一课’” (the first day of school) and “1月22日休业式上…” (the closing ceremony, the last day),
so its import reads the term 2026-09-01 to 2027-01-22 from them and says where each came from; a day printed
nowhere is guessed, and the guess says what was assumed and how to give it (--term-start, --term-end)."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import DATA

CORPUS = DATA / "corpus"
SAFETY = CORPUS / "2026-autumn-safety.yaml"
READ_START = (
    "学期（term:）：标题写了学期“2026年秋季学期”；开学日 2026-09-01（星期二）取自“9月1日上好“开学安全第一课””："
    "第一周是它所在的那一周，各周的日期都从它算起，请按校历核对"
)
READ_END = "学期结束日（term.end）2027-01-22（星期五）取自“1月22日休业式上进行寒假安全教育”，请按校历核对"


def _guesses(output: str) -> list[str]:
    return [line.removeprefix("  推测：") for line in output.splitlines() if line.startswith("  推测：")]


def _tasks(cli, plan: str | Path) -> list[dict]:
    result = cli("tasks", plan, "-f", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["plans"][0]["tasks"]


def test_the_autumn_safety_transcription_reads_its_term_from_the_first_lesson_and_the_closing_ceremony(cli, in_tmp):
    result = cli("import", CORPUS / "2026-autumn-safety.txt", "-o", "as.yaml")
    assert result.exit_code == 0, result.output
    guesses = _guesses(result.output)
    assert guesses[-2:] == [READ_START, READ_END]
    text = (in_tmp / "as.yaml").read_text(encoding="utf-8")
    assert "term:\n  name: 2026年秋季学期\n  start: 2026-09-01\n  end: 2027-01-22\n" in text
    imported, original = _tasks(cli, "as.yaml"), _tasks(cli, SAFETY)
    by_text = {task["text"]: task for task in imported}
    # the weekly check runs to the 休业式's week (21 Fridays, as in the corpus plan; was 20, to 2027-01-17)
    weekly = by_text["每周五放学前开展校园安全隐患排查，填写排查台账"]
    assert (weekly["end"], len(weekly["occurrences"]), weekly["occurrences"][-1]) == ("2027-01-22", 21, "2027-01-22")
    assert by_text["上下学时段落实护学岗制度，值周教师在校门口值守"]["deadline"] == "2027-01-22"  # was 01-17
    # every task of the months and the holiday is dated as in the corpus plan
    months = [(t["start"], t["end"], t["deadline"]) for t in imported if t["group"] not in ("全学期", "开学前")]
    assert months == [(t["start"], t["end"], t["deadline"]) for t in original if t["group"] not in ("全学期", "开学前")]
    # the corpus plan's term starts on Monday 2026-08-31, printed nowhere: 全学期 starts on the printed 9月1日 (ids
    # 9.x, so 九月's are 9-2.x), and --term-start gives the plan's own day (its ids, every date as the corpus plan's)
    assert [t["id"] for t in imported[:6]] == ["9.1", "9.2", "9.3", "8.1", "8.2", "9-2.1"]
    assert [t["id"] for t in original[:6]] == ["8.1", "8.2", "8.3", "8-2.1", "8-2.2", "9.1"]
    again = cli("import", CORPUS / "2026-autumn-safety.txt", "-o", "as2.yaml", "--term-start", "2026-08-31")
    assert _guesses(again.output)[-2:] == [READ_END, "学期 2026-08-31 起取自 --term-start"]
    assert [(t["id"], t["start"], t["end"], t["deadline"], t["occurrences"]) for t in _tasks(cli, "as2.yaml")] == [
        (t["id"], t["start"], t["end"], t["deadline"], t["occurrences"]) for t in original
    ]


def test_the_rendered_docx_and_markdown_of_the_plan_read_the_same_term(cli, in_tmp) -> None:
    assert cli("render", SAFETY, "-f", "docx,md", "-d", "out").exit_code == 0
    for name in ("2026-autumn-safety.docx", "2026-autumn-safety.md"):
        result = cli("import", in_tmp / "out" / name, "-o", "p.yaml", "--force")
        assert result.exit_code == 0, result.output
        assert _guesses(result.output)[-2:] == [READ_START, READ_END], name
        assert "  start: 2026-09-01\n  end: 2027-01-22\n" in (in_tmp / "p.yaml").read_text(encoding="utf-8")


def test_a_spring_term_printed_in_the_preamble_and_a_closing_ceremony(cli, in_tmp) -> None:
    (in_tmp / "春.txt").write_text(
        "城关小学2027年春季学期学生资助工作安排\n"
        "本学期2027年2月22日开学，共19周。\n"
        "时间\t工作内容\n"
        "三月\t1.完成家庭经济困难学生认定\n"
        "六月\t2.整理资助档案\n"
        "七月\t3.7月2日举行散学典礼，开展暑假安全教育\n",
        encoding="utf-8",
    )
    result = cli("import", "春.txt", "-o", "c.yaml")
    assert result.exit_code == 0, result.output
    assert _guesses(result.output)[-2:] == [
        "学期（term:）：标题写了学期“2027年春季学期”；开学日 2027-02-22（星期一）取自“2027年2月22日开学”：第一周是它"
        "所在的那一周，各周的日期都从它算起，请按校历核对",
        "学期结束日（term.end）2027-07-02（星期五）取自“7月2日举行散学典礼”，请按校历核对",
    ]


def test_days_before_after_or_about_the_start_of_term_are_not_its_first_day(cli, in_tmp) -> None:
    """开学前, 8月28日前…, 开学绿色通道, 9月1日—9月5日开学… and 1月23日放寒假 (the day after the last) say no day
    of term: the guesses say what is assumed and how to give the days, in both languages."""
    (in_tmp / "秋.txt").write_text(
        "某中学2026年秋季学期学生资助工作安排\n"
        "时间\t工作内容\n"
        "开学前\t1.8月28日前开学准备工作检查\n"
        "九月\t2.9月5日开学绿色通道接待新生\n"
        "\t3.9月1日—9月5日开学资助政策宣传\n"
        "一月\t4.1月23日放寒假，做好资助档案整理\n",
        encoding="utf-8",
    )
    result = cli("import", "秋.txt", "-o", "q.yaml")
    assert result.exit_code == 0, result.output
    assert _guesses(result.output)[-2:] == [
        "学期（term:）：标题写了学期“2026年秋季学期”；开学日 2026-09-01（星期二）是推测的（秋季学期按 9月1日），"
        "表格里没有写：第一周是它所在的那一周，各周的日期都从它算起；请按校历改正 term.start，或导入时加 "
        "--term-start 日期",
        "学期结束日（term.end）2027-01-17（星期日）是推测的，表格里没有写：从开学那一周起满 20 周，计划里不写 "
        "term.end；请按校历补上 term.end，或导入时加 --term-end 日期",
    ]
    assert "  end:" not in (in_tmp / "q.yaml").read_text(encoding="utf-8")
    english = cli("--lang", "en", "import", "秋.txt", "-o", "q.yaml", "--force")
    assert [line for line in english.output.splitlines() if line.startswith("  guessed: ")][-2:] == [
        "  guessed: term (term:): the title names the term “2026年秋季学期”; the first day of term 2026-09-01 "
        "(Tuesday) is a guess (an autumn term from 1 September), printed nowhere: week 1 is the week it falls in, "
        "and every week is dated from it; correct term.start from the school calendar, or import with --term-start "
        "DATE",
        "  guessed: last day of term (term.end) 2027-01-17 (Sunday) is a guess, printed nowhere: 20 weeks from the "
        "first week of term, with no term.end written in the plan; add term.end from the school calendar, or "
        "import with --term-end DATE",
    ]
    given = cli("import", "秋.txt", "-o", "q.yaml", "--force", "--term-start", "2026-08-31")
    assert _guesses(given.output)[-2:] == [
        "学期 2026-08-31 起取自 --term-start",
        "学期结束日（term.end）2027-01-17（星期日）是推测的，表格里没有写：从开学那一周起满 20 周，计划里不写 "
        "term.end；请按校历补上 term.end，或导入时加 --term-end 日期",
    ]
    both = cli("import", "秋.txt", "-o", "q.yaml", "--force", "--term-start", "2026-08-31", "--term-end", "2027-01-22")
    assert _guesses(both.output)[-1] == "学期 2026-08-31 至 2027-01-22 取自 --term-start 和 --term-end"
    assert not [guess for guess in _guesses(both.output) if guess.startswith("学期结束日")]
