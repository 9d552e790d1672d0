"""Every deadline form of the samplers in tests/data/forms (forms.yaml: a calendar-year plan; spring-term-forms.yaml
and autumn-term-forms.yaml: term plans) reads as the dates its .expected file lists, and the forms that need a
school calendar are refused in a plan with no term with a message that says what to write."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import DATA

FORMS = DATA / "forms"


def _dates(cli, name: str) -> list[str]:
    """`deadline text | task span | due (or every occurrence)` for each task, as the .expected files write them."""
    rows = json.loads(cli("tasks", "-f", "json", name).stdout)["plans"][0]["tasks"]
    lines = []
    for row in rows:
        span = f"{row['start']}..{row['end']}" if row["span_source"] == "task" else "—"
        lines.append(f"{row['deadline_text']} | {span} | {row['deadline'] or ' '.join(row['occurrences'])}")
    return lines


@pytest.mark.parametrize("name", ["forms", "spring-term-forms", "autumn-term-forms"])
def test_every_printed_form_gives_the_dates_a_reader_would(cli, in_tmp: Path, name: str) -> None:
    shutil.copy(FORMS / f"{name}.yaml", in_tmp / "plan.yaml")
    check = cli("check", "-q", "plan.yaml")
    assert check.exit_code == 0, check.stdout
    assert "E205" not in check.stdout
    expected = (FORMS / f"{name}.expected").read_text(encoding="utf-8").splitlines()[1:]
    assert _dates(cli, "plan.yaml") == expected


def test_the_sampler_warns_only_what_is_true(cli, in_tmp: Path) -> None:
    shutil.copy(FORMS / "forms.yaml", in_tmp / "plan.yaml")
    found = [line.split(": ", 1)[1] for line in cli("check", "-q", "plan.yaml").stdout.splitlines()]
    assert [line[:13] for line in found] == ["warning[W221]"] + ["warning[W220]", "warning[W207]"] + [
        "warning[W220]"
    ] * 4
    assert found[1:] == [
        "warning[W220]: 任务 c1.7 的截止日期“6月前”（2026-05-31）是星期日，不是工作日；前一个工作日是5月29日（星期五）",
        "warning[W207]: 任务 c1.36 的截止日期“秋季学期”在 2027 年，不在计划年度 2026 年",
        "warning[W220]: 任务 c1.48 的截止日期“五月三十一日前”（2026-05-31）是星期日，不是工作日；"
        "前一个工作日是5月29日（星期五）",
        # 春节前 is 2月16日, inside the holiday: the warning names the last working day before it (a 调休 Saturday)
        "warning[W220]: 任务 c1.57 的截止日期“春节前”（2026-02-16）是春节，不是工作日；前一个工作日是2月14日（星期六）",
        "warning[W220]: 任务 c1.67 的截止日期“清明节前”（2026-04-04）是清明，不是工作日；"
        "前一个工作日是4月3日（星期五）",
        "warning[W220]: 任务 c1.79 的截止日期“中秋节”（2026-09-25）是中秋，不是工作日；前一个工作日是9月24日（星期四）",
    ]


def test_school_words_without_a_term_say_what_to_write(cli, in_tmp: Path) -> None:
    shutil.copy(FORMS / "need-term.yaml", in_tmp / "plan.yaml")
    check = cli("check", "-q", "plan.yaml")
    assert check.exit_code == 1
    hint = (
        "要按学期推算日期，但计划没有写学期：请直接写日期（如“7月10日前”），或在学期计划里写一次 term"
        "（如 term: {name: 2025-2026学年第二学期, start: 2026-03-02}）"
    )
    assert check.stdout.splitlines() == [
        f"plan.yaml:{line}:31: error[E205]: 任务 c1.{n} 的截止日期“{text}”{hint}"
        for n, (line, text) in enumerate(
            [(10, "春季开学后"), (11, "暑假前"), (12, "寒假前"), (13, "开学后"), (14, "期中考试前")], 1
        )
    ]
    english = cli("--lang", "en", "check", "-q", "plan.yaml").stdout
    assert "needs the school term" in english


def test_a_term_word_for_the_other_season_is_refused(cli, in_tmp: Path) -> None:
    plan = (FORMS / "spring-term-forms.yaml").read_text(encoding="utf-8").replace("'春季开学后'", "'秋季开学后'")
    (in_tmp / "plan.yaml").write_text(plan, encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert check.exit_code == 1
    assert (
        "plan.yaml:12:34: error[E205]: 任务 c1.2 的截止日期“秋季开学后”说的是另一个学期的开学，计划的学期是春季学期；"
        "请写明日期（如“3月10日前”）" in check.stdout
    )


def test_a_festival_outside_the_lunar_table_is_refused(cli, in_tmp: Path) -> None:
    plan = (FORMS / "need-term.yaml").read_text(encoding="utf-8").replace("year: 2026", "year: 2070")
    plan = plan.replace("'春季开学后'", "'春节前'")
    (in_tmp / "plan.yaml").write_text(plan, encoding="utf-8")
    check = cli("check", "-q", "plan.yaml")
    assert (
        "plan.yaml:10:31: error[E205]: 任务 c1.1 的截止日期“春节前”：aidplan 只知道 2000 至 2060 年的春节日期；"
        "请写明日期（如“2月5日前”）" in check.stdout
    )


def test_the_lunar_table_agrees_with_the_official_holidays() -> None:
    """春节, 端午 and 中秋 of every year the holiday data covers fall on one of their official holidays (端午 and
    中秋 are holidays from 2008; 中秋 2020 fell on 国庆, 2012's 端午 on a Saturday before its holiday Monday)."""
    from chinese_calendar import constants

    from aidplan.plan.festivals import festival_day

    names = {"春节": "Spring Festival", "端午": "Dragon Boat Festival", "中秋": "Mid-autumn Festival"}
    wrong = []
    for year in range(2008, 2027):
        for key, name in names.items():
            day = festival_day(key, year)
            if constants.holidays.get(day) != name and (key, year) not in {("中秋", 2020), ("端午", 2012)}:
                wrong.append((key, day))
    assert wrong == []
    assert festival_day("春节", 2027).isoformat() == "2027-02-06"
    assert festival_day("清明", 2027).isoformat() == "2027-04-05"
