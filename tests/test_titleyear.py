"""W226: a title or a term of another year than `year:` (a plan copied to the next year by changing `year:`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidplan.plan.years import PrintedYears, printed_years

from .conftest import DATA, ROOT


def _check(cli, tmp_path: Path, text: str) -> list[str]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    result = cli("check", plan)
    return [line.removeprefix(f"{plan}:") for line in result.stdout.splitlines() if "W226" in line]


def test_the_years_a_title_prints_skip_document_names_and_counts() -> None:
    assert printed_years("关于落实《2024—2028年规划》的2026年计划", 2026) == [
        PrintedYears("2026年", 2026, 2026, False, 19)
    ]
    assert printed_years("2026—27学年第一学期", 2026) == [PrintedYears("2026—27", 2026, 2027, True, 0)]
    assert printed_years("25-26学年", 2026) == [PrintedYears("25-26", 2025, 2026, True, 0)]
    assert printed_years("二〇二六年工作要点（2026/2027年度）", 2026) == [
        PrintedYears("二〇二六", 2026, 2026, False, 0),
        PrintedYears("2026/2027", 2026, 2027, False, 10),
    ]
    assert printed_years("从事资助工作25年的经验", 2026) == []


def test_a_title_left_at_last_year_is_named_with_what_to_change(cli, tmp_path: Path) -> None:
    found = _check(
        cli, tmp_path, "title: 某县2026年学生资助工作计划\nyear: 2027\nperiods:\n  - label: 一月\n    tasks: [a]\n"
    )
    assert found == [
        "1:8: warning[W226]: 标题写的是 2026 年，year: 是 2027：把标题改成 2027 年，"
        "或用 aidplan new --from 生成下一年的计划"
    ]


def test_a_school_year_title_against_year_without_a_term(cli, tmp_path: Path) -> None:
    found = _check(
        cli, tmp_path, "title: 2025-2026学年资助工作安排\nyear: 2027\nperiods:\n  - label: 九月\n    tasks: [a]\n"
    )
    assert found == [
        "1:8: warning[W226]: 标题写的是“2025-2026学年”，year: 是 2027：把标题改成含 2027 年的学年，"
        "或用 aidplan new --from 生成下一年的计划"
    ]


@pytest.mark.parametrize(
    "title, year, term",
    [
        ("2026-2027学年第一学期学生资助工作安排", 2026, "{start: 2026-08-31}"),  # an autumn term's school year
        ("2026-2027学年第二学期学生资助工作安排", 2027, "{start: 2027-03-01}"),  # a spring term's
        ("2026年秋季学期至2027年春季学期工作安排", 2026, "{start: 2026-08-31}"),  # years the term runs over
        ("2026-2027学年资助工作安排", 2026, None),  # a school-year plan
        ("2026-2027学年资助工作安排", 2027, None),
        ("落实《2021—2025年教育规划》的2027年工作计划", 2027, None),  # a document's name
        ("贯彻2035年远景目标的2027年工作计划", 2027, None),  # a year far from the plan's: a reference
        ("学生资助工作计划", 2027, None),  # no year at all
    ],
)
def test_no_false_alarm(cli, tmp_path: Path, title: str, year: int, term: str | None) -> None:
    text = f"title: {title}\nyear: {year}\n" + (f"term: {term}\n" if term else "")
    assert _check(cli, tmp_path, text + "periods:\n  - label: 十月\n    tasks: [a]\n") == []


def test_a_spring_term_a_year_after_year_is_named_at_its_start(cli, tmp_path: Path) -> None:
    """Its months are read in year: (三月 = 2026-03, a year before the term) — silent before W226."""
    text = "title: 学生资助工作安排\nyear: 2026\nterm: {start: 2027-03-01}\nperiods:\n  - label: 三月\n    tasks: [a]\n"
    assert _check(cli, tmp_path, text) == [
        "3:15: warning[W226]: 学期从 2027-03-01 开始，year: 是 2026：时段的月份按 year: 算在 2026 年，"
        "学期应在 2026 年开学；把 year: 改成 2027，或改正学期的日期"
    ]


def test_a_misnamed_term_is_e219s_alone(cli) -> None:
    result = cli("check", DATA / "invalid" / "E219-term-name-mismatch.yaml")
    assert "E219" in result.stdout and "W226" not in result.stdout


@pytest.mark.parametrize(
    "source", [ROOT / "plans" / "2020-huaibei.yaml", ROOT / "plans" / "2014-yueyang.yaml", *DATA.glob("corpus/*.yaml")]
)
def test_next_years_plan_from_new_from_never_has_it(cli, tmp_path: Path, source: Path) -> None:
    year = next(
        int(line.split(":")[1]) for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("year:")
    )
    assert cli("check", source).stdout.count("W226") == 0
    target = tmp_path / "next.yaml"
    assert cli("new", target, "--from", source, "--year", year + 1).exit_code == 0
    assert "W226" not in cli("check", target).stdout
