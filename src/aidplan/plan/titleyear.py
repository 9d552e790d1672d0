"""W226: the year a plan's title prints, the school year of its term and the year its term starts in, each
against `year:` — the year every month of the plan is read in."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aidplan.messages import tr
from aidplan.plan.schedule import plan_term
from aidplan.plan.timeexpr import read_term_name
from aidplan.rules.plans import TitleYear

if TYPE_CHECKING:
    from aidplan.plan.checks import CheckedPlan
    from aidplan.plan.findings import Finding
    from aidplan.plan.years import PrintedYears

REFERENCE_DISTANCE = 5  # a year printed further than this from year: is a reference (2035年远景目标), not the plan's


def _written(printed: PrintedYears) -> str:
    return printed.written + ("学年" if printed.school else "")


def title_year_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """W226 for a title that names no year of `year:` (or, in a term plan, another school year than the term's),
    and for a term that starts in another year than `year:`."""
    path, plan, document, _, _ = subject
    year = plan.year
    findings = []
    term = plan_term(plan)
    if term is None and _prints_the_year(plan.title, year):  # the common case, without the year grammar
        return findings
    from aidplan.plan.years import printed_years

    term_in_year = term is not None and term.start.year == year
    printed = [p for p in printed_years(plan.title, year) if abs(p.first - year) <= REFERENCE_DISTANCE]
    wrong: tuple[PrintedYears, str] | None = None
    if printed and not any(p.first <= year <= p.last for p in printed):
        first = printed[0]
        if first.school and term_in_year:
            fix = tr("把标题改成 {school}学年", school=_school_year(term.start))
        elif first.school:
            fix = tr("把标题改成含 {year} 年的学年", year=year)
        else:
            fix = tr("把标题改成 {year} 年", year=year)
        if first.last < year:
            fix = tr("{fix}，或用 aidplan new --from 生成下一年的计划", fix=fix)
        else:
            fix = tr("{fix}，或把 year: 改成 {year}", fix=fix, year=first.first)
        if first.first == first.last:
            message = tr("标题写的是 {title} 年，year: 是 {year}：{fix}", title=first.first, year=year, fix=fix)
        else:
            message = tr("标题写的是“{title}”，year: 是 {year}：{fix}", title=_written(first), year=year, fix=fix)
        wrong = first, message
    elif term_in_year:
        school = _school_year(term.start)
        for p in printed:
            if p.school and f"{p.first}-{p.last}" != school:
                message = tr(
                    "标题写的是“{title}”，学期从 {start} 开始，是 {school}学年：把标题改成 {school}学年",
                    title=_written(p),
                    start=term.start.isoformat(),
                    school=school,
                )
                wrong = p, message
                break
    if wrong is not None:
        line = plan.title.count("\n", 0, wrong[0].start)  # the line of a title printed on several lines
        position = document.position(("title", line))
        findings.append(TitleYear.at(path, position, wrong[1]))
    if term is not None and plan.term is not None and not term_in_year and not _misnamed(plan):
        message = tr(
            "学期从 {start} 开始，year: 是 {year}：时段的月份按 year: 算在 {year} 年，学期应在 {year} 年开学；"
            "把 year: 改成 {start_year}，或改正学期的日期",
            start=term.start.isoformat(),
            year=year,
            start_year=term.start.year,
        )
        findings.append(TitleYear.at(path, document.position(("term", "start")), message))
    return findings


def _prints_the_year(title: str, year: int) -> bool:
    """Whether the title prints `year` in digits, outside a document's name in 《》 and not inside a longer
    number: then some year it prints is year:, and without a term there is nothing else to compare."""
    text, start = "", 0
    while (opening := title.find("《", start)) >= 0 and (closing := title.find("》", opening)) >= 0:
        text, start = text + title[start:opening] + " ", closing + 1
    text += title[start:]
    digits = str(year)
    at = text.find(digits)
    while at >= 0:
        before = text[at - 1] if at else ""
        after = text[at + len(digits) : at + len(digits) + 1]
        if not (before.isdigit() or before == "." or after.isdigit()):
            return True
        at = text.find(digits, at + 1)
    return False


def _school_year(start) -> str:
    """The school year a term starting on `start` belongs to: an autumn term (from July) begins it."""
    first = start.year if start.month >= 7 else start.year - 1
    return f"{first}-{first + 1}"


def _misnamed(plan) -> bool:
    """Whether the term's name and start disagree (E219 says so; the year of the start is then not to be trusted)."""
    named = read_term_name(plan.term.name) if plan.term.name else None
    return named is not None and not named.window[0] <= plan.term.start <= named.window[1]
