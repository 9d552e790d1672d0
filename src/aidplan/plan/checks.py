"""Rules a schema cannot express (period order, real dates, duplicates, numbering) → findings."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from aidplan.messages import localized, tr
from aidplan.patterns import lazy
from aidplan.plan.deadlines import MONTH_DAYS, DeadlineReading, monthly_days, names_year, needs_term_reason
from aidplan.plan.findings import Finding, Severity
from aidplan.plan.loading import Document, LoadedPlan
from aidplan.plan.model import DATE_WINDOW, MONTH_PLACEHOLDER, Deadline, Period, Plan, normalise_text, plan_tables
from aidplan.plan.periods import ROUTINE_LABELS, Span
from aidplan.plan.schedule import NEXT_YEAR_REACH, ScheduledPeriod, plan_term, schedule, whole_span
from aidplan.plan.timeexpr import Term, read_term_name
from aidplan.registry import Entry, Registry
from aidplan.rules.plans import (
    DateOutsidePlanYears,
    DeadlineBeforePeriod,
    DeadlineNotADate,
    DeadlineOnDayOff,
    DeadlineOtherYear,
    IdUsedTwice,
    MonthlyDayNotADay,
    MonthUnknown,
    NoHolidayData,
    NumbersAsPrinted,
    OwnerWithoutColumn,
    PeriodsGap,
    PeriodsOutOfOrder,
    PeriodsOverlap,
    PeriodWithoutDates,
    PeriodWithoutTasks,
    TaskOutsideTerm,
    TaskRepeated,
    TaskWithoutDate,
    TermNameMismatch,
    UnknownRecurring,
    UnsureDate,
    WeekOutsideGroup,
)
from aidplan.values import frozen

if TYPE_CHECKING:
    from aidplan.plan.calendar_files import OfficialCalendars


class CheckedPlan(NamedTuple):
    """What every checker is given: a plan that loaded, with its document (for positions) and its schedule."""

    path: Path
    plan: Plan
    document: Document
    periods: list[ScheduledPeriod]
    calendars: OfficialCalendars  # the calendar files the plan uses


# The checkers `check` (and every command that refuses a plan with errors) runs, in order. Each is
# (CheckedPlan, findings so far) -> findings, and creates them through the catalogue (aidplan.rules).
CHECKERS = Registry(
    "Checker",
    Entry(
        "periods", "period labels, order, overlaps and gaps; period deadlines", "aidplan.plan.checks:period_findings"
    ),
    Entry("tasks", "tasks, ids, numbers, recurring references; task deadlines", "aidplan.plan.checks:task_findings"),
    Entry("calendar", "deadlines on days off; years without holiday data", "aidplan.plan.checks:calendar_findings"),
    Entry("examples", "example tasks aidplan new wrote, not yet replaced", "aidplan.plan.examples:example_findings"),
    Entry("years", "a title or term of another year than year:", "aidplan.plan.titleyear:title_year_findings"),
    Entry("invisible", "zero-width characters that split words", "aidplan.plan.invisible:invisible_findings"),
    Entry("undated", "tasks that end up with no date at all", "aidplan.plan.checks:undated_findings"),
    Entry("outside", "groups dated outside their parent group or the term", "aidplan.plan.checks:outside_findings"),
    Entry(
        "term",
        "tasks dated outside the term (a week's; a deadline's festival, school word or quarter)",
        "aidplan.plan.checks:term_task_findings",
    ),
    Entry(
        "unsure",
        "dates read as the next year's; dates in task text that name no day",
        "aidplan.plan.checks:unsure_findings",
    ),
)


def _at(document: Document, *location: object) -> tuple[int, int]:
    return document.position(tuple(location))


def _term_findings(path: Path, plan: Plan, document: Document) -> list[Finding]:
    """A term whose printed name (2020-2021学年第二学期) and first day (start) disagree: every week and school
    word is worked out from the start, so one of the two is wrong."""
    term = plan.term
    named = read_term_name(term.name) if term is not None and term.name else None
    if term is None or named is None:
        return []
    first, last = named.window
    if first <= term.start <= last:
        return []
    season = tr("秋季学期（第一学期）") if named.autumn else tr("春季学期（第二学期）")
    return [
        TermNameMismatch.at(
            path,
            _at(document, "term", "start"),
            tr(
                "学期名称“{name}”是{season}，应在 {y1}年{m1}月至{y2}年{m2}月之间开学，但 start 写的是 {start}；"
                "请核对学期名称和开学日期",
                name=term.name,
                season=season,
                y1=first.year,
                m1=first.month,
                y2=last.year,
                m2=last.month,
                start=term.start.isoformat(),
            ),
        )
    ]


def period_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """Period labels, order, overlaps, gaps and empty periods; period deadlines."""
    path, plan, document, periods, _ = subject
    findings = _term_findings(path, plan, document)
    for item in periods:
        where = item.where
        if item.span_problem:
            findings.append(PeriodWithoutDates.at(path, _at(document, *where, "label"), item.span_problem))
        if not item.tasks and "tasks" not in item.period.model_fields_set:  # `tasks: []`: printed blank
            findings.append(
                PeriodWithoutTasks.at(path, _at(document, *where), tr("时段“{label}”没有任务", label=item.period.label))
            )
        if item.period.deadline is not None:
            reading = DeadlineReading(item.deadline, item.deadline_problem)
            what, written = tr("时段“{label}”的完成时间", label=item.period.label), item.period.deadline.text
            findings += _reading_findings(path, plan, document, item, where + ("deadline",), reading, what, written)
    for group in sibling_groups(periods):
        findings += order_findings(path, plan, document, group)
    return findings


@frozen
class Sibling:
    """A group among the groups printed beside it (a table's outermost groups, or one parent's sub-groups),
    whether it holds tasks or sub-groups: what the order checks compare."""

    number: int  # its place among them, from 1
    period: Period
    span: Span | None
    where: tuple
    kind: str


def sibling_groups(periods: list[ScheduledPeriod]) -> list[list[Sibling]]:
    """Every set of sibling groups, in printed order: each table's outermost groups, and each parent group's
    sub-groups (the months of 月份 > 周次 among themselves, the weeks of one month among themselves)."""
    found: dict[tuple, dict[tuple, tuple]] = {}
    for item in periods:
        for level, parent in enumerate(item.parents):
            key = (item.table, tuple(p.where for p in item.parents[:level]))
            found.setdefault(key, {}).setdefault(parent.where, (parent.group, parent.span, parent.kind))
        key = (item.table, tuple(p.where for p in item.parents))
        found.setdefault(key, {})[item.where] = (item.period, item.span, item.kind)
    return [
        [
            Sibling(number, group, span, where, kind)
            for number, (where, (group, span, kind)) in enumerate(nodes.items(), 1)
        ]
        for nodes in found.values()
    ]


_BREAKS = ("寒假", "暑假")


def is_time_group(item: Sibling) -> bool:
    """A group whose label, time cell or span names dates (a category group, with no dates of its own, is not)."""
    return item.kind == "time" and item.span is not None


_BY_DAY = lazy(r"(?:前|之前|以前|止|为止)$")


def _by_day(item: Sibling) -> bool:
    """A group labelled as a day things are due by (10月15日前): one day, which may fall inside a sibling week."""
    return item.span is not None and item.span.start == item.span.end and bool(_BY_DAY.search(item.period.label))


def _is_break(item: Sibling) -> bool:
    return re.sub(r"\s+", "", item.period.label).startswith(_BREAKS)


def _compared(item: Sibling, other: Sibling, term: Term | None) -> Span:
    """The dates `item` is compared on against `other`: in a term plan, a group beside a 寒假/暑假 group counts
    only within the term (一月 of an autumn term ends with the term, and 寒假 starts the day after)."""
    span = item.span
    assert span is not None
    if term is None or _is_break(item) or not _is_break(other):
        return span
    start, end = max(span.start, term.start), min(span.end, term.end)
    return Span(start, end) if start <= end else span


def order_findings(path: Path, plan: Plan, document: Document, periods: list[Sibling]) -> list[Finding]:
    """Every pair of time groups: a group that starts before an earlier-printed one (E202, once per group,
    against the first such group), a group whose dates meet an earlier one's (E203, every such pair) and a gap
    after all the earlier groups (W204). Whole-span groups (全年, 全学期) and category groups are not compared."""
    term = plan_term(plan)
    dated = [item for item in periods if is_time_group(item)]
    compared = [item for item in dated if not whole_span(plan.year, term, item.span)]  # type: ignore[arg-type]
    findings: list[Finding] = []

    def named(item: Sibling, extra: str = "") -> str:
        line = _at(document, *item.where, "label")[0]
        return tr(
            "第{index}个时段“{label}”（第{line}行{extra}）",
            index=item.number,
            label=item.period.label,
            line=line,
            extra=extra,
        )

    reach: date | None = None  # the last day any earlier compared group covers
    latest_start: date | None = None  # the latest first day of an earlier compared group
    for position, current in enumerate(compared):
        label_at = _at(document, *current.where, "label")
        this = tr("第{index}个时段“{label}”", index=current.number, label=current.period.label)
        earlier = compared[:position]
        later_start = (  # only when some group above starts later: a plan in order costs no scan
            next((e for e in earlier if current.span.start < e.span.start), None)  # type: ignore[union-attr]
            if latest_start is not None and current.span.start < latest_start  # type: ignore[union-attr]
            else None
        )
        if later_start is not None:
            assert later_start.span is not None and current.span is not None
            findings.append(
                PeriodsOutOfOrder.at(
                    path,
                    label_at,
                    tr(
                        "时段顺序不对：{this}（{start:%Y-%m-%d} 起）排在{named}之后",
                        this=this,
                        start=current.span.start,
                        named=named(later_start, tr("，{start:%Y-%m-%d} 起", start=later_start.span.start)),
                    ),
                )
            )
        for other in earlier:
            if other is later_start or other.span.end < current.span.start:  # type: ignore[union-attr]
                continue  # (clipping to the term only narrows: apart before, apart after)
            if _by_day(current) or _by_day(other):
                continue  # 10月 > 第二周, 10月15日前: a day things are due by, inside the week, is no overlap
            mine, theirs = _compared(current, other, term), _compared(other, current, term)
            start, end = max(mine.start, theirs.start), min(mine.end, theirs.end)
            if start <= end:
                findings.append(
                    PeriodsOverlap.at(
                        path,
                        label_at,
                        tr(
                            "{this}与{named}重叠（{start:%Y-%m-%d} 至 {end:%Y-%m-%d}）",
                            this=this,
                            named=named(other),
                            start=start,
                            end=end,
                        ),
                    )
                )
        assert current.span is not None
        # in a term plan weeks and months do not align (开学前 ends on Sunday 8月30日, 九月 starts on the 1st):
        # a gap of less than a week there is no gap
        least = timedelta(days=7 if term is not None else 1)
        if reach is not None and current.span.start > reach + least and later_start is None and not _by_day(current):
            previous = max(earlier, key=lambda e: (e.span.end, -e.number))  # type: ignore[union-attr]
            first, last = reach + timedelta(days=1), current.span.start - timedelta(days=1)
            findings.append(
                PeriodsGap.at(
                    path,
                    label_at,
                    tr(
                        "{named}与{this}之间有空档（{first:%Y-%m-%d} 至 {last:%Y-%m-%d} 没有安排）",
                        named=named(previous),
                        this=this,
                        first=first,
                        last=last,
                    ),
                )
            )
        reach = current.span.end if reach is None else max(reach, current.span.end)
        latest_start = current.span.start if latest_start is None else max(latest_start, current.span.start)
    return findings


def _reading_findings(
    path, plan, document, item: ScheduledPeriod, location, reading: DeadlineReading, what: str, written: str
) -> list[Finding]:
    """A deadline as the schedule read it: E205 when it names no real day, else the checks of its date.
    `what` names it (时段“五月份”的完成时间, 任务 5.2 的截止日期); `written` is its text as written."""
    if reading.problem is not None:
        problem = reading.problem
        reason = problem.reason
        if problem.needs_term:  # name a term that holds the plan's groups
            from aidplan.plan.termdates import suggested_term

            reason = needs_term_reason(suggested_term(plan, schedule(plan)))
        return [
            DeadlineNotADate.at(
                path,
                _at(document, *location),
                tr("{what}“{text}”{reason}", what=what, text=problem.text, reason=reason),
            )
        ]
    if reading.day is None:
        return []
    found = _deadline_findings(
        path, plan, document, item, location, reading.day, tr("{what}“{written}”", what=what, written=written), written
    )
    if reading.guessed_next_year:  # W225 says which year it was read in: W207 would only repeat it
        found = [f for f in found if f.code != DeadlineOtherYear.code]
        named = tr("{what}“{written}”", what=what, written=written)
        found.append(_next_year_finding(path, document, location, item, named, written, reading.day))
    return found


def _next_year_finding(path, document, location, item: ScheduledPeriod, what: str, text: str, day) -> Finding:
    return UnsureDate.at(
        path,
        _at(document, *location),
        tr(
            "{what}没有写年份，早于时段“{label}”的开始，按次年读作 {day:%Y-%m-%d}；如指次年，写成“次年{text}”"
            "可免此警告，如指别的年份请写明年份",
            what=what,
            text=text,
            label=item.period.label,
            day=day,
        ),
    )


def unsure_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """A date in a task's text read as the next year's (1月8日 in a 十二月 group), and a date in a task's text that
    names no real day (2月29日 in 2026): each warned where the task is written (W225); a date in a task's text more
    than three months before its group (W228)."""
    path, plan, document, periods, _ = subject
    from aidplan.plan.schedule import task_deadline

    findings = []
    for item in periods:
        for task in item.tasks:
            found = task_deadline(plan, item, task)
            where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
            if found.source == "text" and found.guessed_next_year and found.day is not None and found.text:
                what = tr("任务 {id} 文中的日期“{text}”", id=task.id, text=found.text)
                findings.append(_next_year_finding(path, document, where, item, what, found.text, found.day))
            elif (
                found.source == "text"
                and found.by
                and found.day is not None
                and item.span is not None
                and found.day < item.span.start - NEXT_YEAR_REACH
            ):  # far before its group (W228; see termdates.far_before_group)
                from aidplan.plan.termdates import before_group

                what = tr("任务 {id} 文中的日期“{text}”", id=task.id, text=found.text)
                findings.append(before_group(path, _at(document, *where), item, what, found.day))
            for _, reason in found.not_days:
                findings.append(
                    UnsureDate.at(
                        path,
                        _at(document, *where),
                        tr("任务 {id} 文中的日期{reason}，没有当作截止日期；请改正日期", id=task.id, reason=reason),
                    )
                )
    return findings


def _deadline_findings(
    path, plan, document, item: ScheduledPeriod, location, day, what: str, text: str
) -> list[Finding]:
    findings = []
    if item.span is not None and day < item.span.start:
        findings.append(
            DeadlineBeforePeriod.at(
                path,
                _at(document, *location),
                tr(
                    "{what}（{day:%Y-%m-%d}）早于时段“{label}”的开始（{start:%Y-%m-%d}）",
                    what=what,
                    day=day,
                    label=item.period.label,
                    start=item.span.start,
                ),
            )
        )
    if (
        day.year != plan.year
        and not names_year(text)
        and (item.span is None or day.year not in (item.span.start.year, item.span.end.year))
        and not ((term := plan_term(plan)) is not None and day.year in (term.start.year, term.end.year))
    ):  # a year printed in the deadline itself (次年1月15日, 2011年…) is what the office meant
        findings.append(
            DeadlineOtherYear.at(
                path,
                _at(document, *location),
                tr("{what}在 {year} 年，不在计划年度 {year2} 年", what=what, year=day.year, year2=plan.year),
            )
        )
    return findings


def _monthly_day_findings(path: Path, position: tuple[int, int], what: str, text: str) -> list[Finding]:
    """E215 for each day of a monthly duty that no month has (每月0日, 每月99日)."""
    return [
        MonthlyDayNotADay.at(
            path, position, tr("{what}写的是每月{day}日：每月的日子应在 1 至 31 日之间", what=what, day=day)
        )
        for day in monthly_days(text)
        if day not in MONTH_DAYS
    ]


def date_window_findings(subject: CheckedPlan) -> list[Finding]:
    """E216 for every date the plan writes out (spans, deadline dates, local days) more than DATE_WINDOW years
    from its year. Run before the other checkers: their arithmetic on 0001-01-01 or 9999-12-31 would overflow."""
    path, plan, document, _, _ = subject
    first, last = plan.year - DATE_WINDOW, plan.year + DATE_WINDOW
    dated: list[tuple[tuple, object]] = []
    groups = {parent.where: parent.group for item in subject.periods for parent in item.parents}
    groups.update({item.where: item.period for item in subject.periods})
    for where, period in sorted(groups.items(), key=lambda each: subject.document.position(each[0])):
        if period.span is not None:
            dated += [
                ((*where, "span", "start"), period.span.start),
                ((*where, "span", "end"), period.span.end),
            ]
        if period.deadline is not None and period.deadline.date is not None:
            dated.append(((*where, "deadline", "date"), period.deadline.date))
        for t, entry in enumerate(period.tasks):
            if entry.deadline is not None and entry.deadline.date is not None:
                dated.append(((*where, "tasks", t, "deadline", "date"), entry.deadline.date))
    dated += [(("calendar", "holidays", k, "date"), day.date) for k, day in enumerate(plan.calendar.holidays)]
    dated += [(("calendar", "workdays", k), day) for k, day in enumerate(plan.calendar.workdays)]
    return [
        DateOutsidePlanYears.at(
            path,
            _at(document, *location),
            tr(
                "日期 {day} 超出计划可用的年份：year 为 {year}，日期应在 {first} 年至 {last} 年之间",
                day=day.isoformat(),
                year=plan.year,
                first=first,
                last=last,
            ),
        )
        for location, day in dated
        if not first <= day.year <= last
    ]


def has_owner_column(plan: Plan, table: int = 0) -> bool:
    """Whether the printed table (of the plan's tables) has a column for owners (责任单位): a `role: owner`
    column in a column list, else `owners: true`."""
    columns = plan_tables(plan)[table].columns
    return any(column.role == "owner" for column in columns) if isinstance(columns, list) else plan.owners


def _owner_fix(plan: Plan, table: int) -> str:
    if isinstance(plan_tables(plan)[table].columns, list):
        return tr("请在 columns 里加一列 role: owner，或删去 owner")
    return tr("请写 owners: true 加上这一列，或删去 owner")


def owner_findings(path: Path, plan: Plan, document: Document, periods: list[ScheduledPeriod]) -> list[Finding]:
    """W218 for each owner (a task's, a group's, a recurring task's) written where the table it is printed in
    has no owner column to print it in."""
    findings = []
    tables_without = {item.table for item in periods if not has_owner_column(plan, item.table)}
    if not tables_without:
        return []
    printed_in = {task.recurring_id for item in periods if item.table in tables_without for task in item.tasks}
    for index, task in enumerate(plan.recurring):
        if task.owner is not None and task.id in printed_in:
            table = next(item.table for item in periods if item.table in tables_without)
            findings.append(
                OwnerWithoutColumn.at(
                    path,
                    _at(document, "recurring", index, "owner"),
                    tr(
                        "例行任务“{id}”写了责任单位“{owner}”，但表格没有责任单位列，不会印出；{fix}",
                        id=task.id,
                        owner=task.owner,
                        fix=_owner_fix(plan, table),
                    ),
                )
            )
    seen_groups: set[tuple] = set()
    for item in periods:
        if item.table not in tables_without:
            continue
        fix = _owner_fix(plan, item.table)
        for group, where in [(parent.group, parent.where) for parent in item.parents] + [(item.period, item.where)]:
            if group.owner is not None and where not in seen_groups:
                seen_groups.add(where)
                findings.append(
                    OwnerWithoutColumn.at(
                        path,
                        _at(document, *where, "owner"),
                        tr(
                            "分组“{label}”写了责任单位“{owner}”，但表格没有责任单位列，不会印出；{fix}",
                            label=group.label,
                            owner=group.owner,
                            fix=fix,
                        ),
                    )
                )
        for task in item.tasks:
            entry = item.period.tasks[task.entry_index] if task.entry_index is not None else None
            if entry is not None and entry.owner is not None:
                findings.append(
                    OwnerWithoutColumn.at(
                        path,
                        _at(document, *item.where, "tasks", task.entry_index, "owner"),
                        tr(
                            "任务 {id} 写了责任单位“{owner}”，但表格没有责任单位列，不会印出；{fix}",
                            id=task.id,
                            owner=entry.owner,
                            fix=fix,
                        ),
                    )
                )
    return findings


def task_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """Repeated tasks and ids, numbering, recurring references and {month}; task deadlines."""
    path, plan, document, periods, _ = subject
    findings = []
    recurring_ids = [task.id for task in plan.recurring]
    for index, task in enumerate(plan.recurring):
        if recurring_ids.index(task.id) != index:
            findings.append(
                IdUsedTwice.at(path, _at(document, "recurring", index, "id"), tr("例行任务 id“{id}”重复", id=task.id))
            )
    for index, task in enumerate(plan.recurring):
        findings += _monthly_day_findings(
            path, _at(document, "recurring", index, "text"), tr("例行任务“{id}”", id=task.id), task.text
        )
    findings += owner_findings(path, plan, document, periods)
    seen_ids: dict[str, str] = {}
    for item in periods:
        texts: dict[str, int] = {}
        listed: set[str] = set()
        for task in item.tasks:
            where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
            entry = item.period.tasks[task.entry_index] if task.entry_index is not None else None
            if entry is not None and entry.text is not None:
                findings += _monthly_day_findings(
                    path, _at(document, *where, "text"), tr("任务 {id} ", id=task.id), entry.text
                )
            if entry is not None and entry.recurring is not None:
                if entry.recurring not in recurring_ids:
                    known = tr("、").join(recurring_ids) or tr("（计划没有 recurring）")
                    findings.append(
                        UnknownRecurring.at(
                            path,
                            _at(document, *where, "recurring"),
                            tr(
                                "引用了不存在的例行任务“{recurring}”；已定义的：{known}",
                                recurring=entry.recurring,
                                known=known,
                            ),
                        )
                    )
                elif entry.recurring in listed:
                    findings.append(
                        TaskRepeated.at(
                            path,
                            _at(document, *where, "recurring"),
                            tr(
                                "时段“{label}”重复引用例行任务“{recurring}”",
                                label=item.period.label,
                                recurring=entry.recurring,
                            ),
                        )
                    )
                listed.add(entry.recurring)
                if MONTH_PLACEHOLDER in task.text:
                    findings.append(
                        MonthUnknown.at(
                            path,
                            _at(document, *where),
                            tr(
                                "无法确定例行任务“{recurring}”中的 {{month}}：请在此处写明 month",
                                recurring=entry.recurring,
                            ),
                        )
                    )
            if task.expected is not None:
                reason = tr("重复") if task.number < task.expected else tr("跳号")
                findings.append(
                    NumbersAsPrinted.at(
                        path,
                        _at(document, *where, "number"),
                        (
                            tr(
                                "分组“{label}”的任务编号{reason}："
                                "按顺序应为 {expected}，写的是 {number}（按所写的印出）",
                                label=item.period.label,
                                reason=reason,
                                expected=task.expected,
                                number=task.number,
                            )
                            if item.kind == "category"
                            else tr(
                                "时段“{label}”的任务编号{reason}："
                                "按顺序应为 {expected}，写的是 {number}（按所写的印出）",
                                label=item.period.label,
                                reason=reason,
                                expected=task.expected,
                                number=task.number,
                            )
                        ),
                    )
                )
            key = normalise_text(task.text)
            if key in texts:
                findings.append(
                    TaskRepeated.at(
                        path,
                        _at(document, *where),
                        tr(
                            "时段“{label}”的第 {number} 项与第 {texts} 项重复：“{text}”",
                            label=item.period.label,
                            number=task.number,
                            texts=texts[key],
                            text=task.text,
                        ),
                    )
                )
            else:
                texts[key] = task.number
            if task.id in seen_ids:
                findings.append(
                    IdUsedTwice.at(
                        path,
                        _at(document, *where),
                        tr(
                            "任务 id“{id}”重复（也用于时段“{seen_ids}”）；请给时段写 id，或给任务写 id",
                            id=task.id,
                            seen_ids=seen_ids[task.id],
                        ),
                    )
                )
            else:
                seen_ids.setdefault(task.id, item.period.label)
            reading = item.deadline_of(task)
            if reading is not None and task.deadline is not None:
                what, written = tr("任务 {id} 的截止日期", id=task.id), task.deadline.text
                findings += _reading_findings(path, plan, document, item, where + ("deadline",), reading, what, written)
    return findings


def _names_one_day(deadline: Deadline, year: int, term: Term | None) -> bool:
    """A deadline written as one day (5月31日, 10月30日前, 2027-04-30), not as a whole month, week or range
    (5月, 2026年10月, 3月第二周, 9月1日-9月7日, 全年): only a day is a written day things are due by; the end of
    a month or week is not."""
    if deadline.date is not None:
        return True
    from aidplan.plan.periods import PeriodLabelError, parse_period_label

    try:
        span = parse_period_label(deadline.text, year, term)
    except PeriodLabelError:
        return True
    return span.start == span.end


def calendar_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """Written deadlines on days nobody is at work, and a year the holiday data does not cover; only for a plan
    without errors (the dates of a plan with errors are not to be trusted)."""
    if any(f.severity is Severity.error for f in earlier):
        return []
    path, plan, document, periods, calendars = subject
    from aidplan.plan.schedule import task_deadline, work_calendar
    from aidplan.plan.workdays import data_version, describe

    calendar = work_calendar(plan, calendars)
    findings = []
    warn_days_off = plan.calendar.day_off_warnings

    def on_day_off(location: tuple, what: str, day) -> None:
        info = calendar.info(day)
        if warn_days_off and not info.working:
            before = calendar.step(day, -1)
            findings.append(
                DeadlineOnDayOff.at(
                    path,
                    _at(document, *location),
                    tr(
                        "{what}（{day:%Y-%m-%d}）是{reason}，不是工作日；前一个工作日是{describe}",
                        what=what,
                        day=day,
                        reason=localized(info.reason),
                        describe=describe(before),
                    ),
                )
            )

    term = plan_term(plan)
    for item in periods:
        if item.deadline is not None and _names_one_day(item.period.deadline, plan.year, term):
            on_day_off(
                (*item.where, "deadline"),
                tr("时段“{label}”的完成时间“{text}”", label=item.period.label, text=item.period.deadline.text),
                item.deadline,
            )
        for task in item.tasks:
            found = task_deadline(plan, item, task)  # a problem of its own deadline is E205
            day, source, text = found.day, found.source, found.text
            if day is None or source not in ("task", "text") or not found.by:  # an event's day may be a Saturday
                continue
            if source == "task" and not _names_one_day(task.deadline, plan.year, term):  # 5月, 3月第二周
                continue
            where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
            what = (
                tr("任务 {id} 的截止日期“{text}”", id=task.id, text=text)
                if source == "task"
                else tr("任务 {id} 文中的日期“{text}”", id=task.id, text=text)
            )
            on_day_off(where + (("deadline",) if source == "task" else ()), what, day)
    # a broken calendar file is reported on its own; W221 would wrongly say there is none
    for year in sorted(calendar.missing_years) if not calendars.findings else ():
        findings.append(
            NoHolidayData.at(
                path,
                _at(document, "year"),
                tr(
                    "已安装的节假日数据（{data_version}）没有 {year} 年的官方安排，也没有 {year} "
                    "年的日历文件：只按周末判断工作日；国务院办公厅公布通知后，把放假和调休上班日期写进"
                    " {suggested_file}（运行 aidplan calendar {year} 显示格式）",
                    data_version=data_version(),
                    year=year,
                    suggested_file=calendars.suggested_file(year),
                ),
            )
        )
    return findings


def _undated_reason(item: ScheduledPeriod, term: Term | None = None) -> tuple[str, str]:
    """Why a task's group gives it no dates, and what gives it one: a category written as such, a week of a term
    the plan does not state, or a label that does not read as a time (13月)."""
    from aidplan.plan.timeexpr import term_week_number

    if item.period.kind is None and term is None and term_week_number(item.period.label) is not None:
        return (
            tr("分组“{label}”是学期的周次，但计划没有写学期，推不出日期", label=item.period.label),
            tr("；或写一次 term（如 term: {example}，开学的日子），周次就从它推算", example="{start: 2021-03-01}"),
        )
    if item.period.kind == "category":
        return tr("分组“{label}”是类别（kind: category），不给日期", label=item.period.label), ""
    if re.sub(r"\s+", "", item.period.label) in ROUTINE_LABELS:
        return tr("分组“{label}”是日常工作，按类别处理，不给日期", label=item.period.label), ""
    return (
        tr("分组“{label}”读不成时间，按类别处理", label=item.period.label),
        tr("；分组名若本是时间，请改正写法（如“3月”“第一周”）"),
    )


def undated_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """A task with no date at all (no group dates, no time cell, no deadline, no date in its text) is listed by
    `aidplan tasks` but never by due, status or export: say so, where the task is written."""
    path, plan, document, periods, _ = subject
    from aidplan.plan.schedule import task_deadline

    findings = []
    from aidplan.plan.schedule import dated_window

    window = dated_window(periods, plan_term(plan), plan.year)
    for item in periods:
        if item.span is not None or item.span_problem is not None:  # a label that names no real day is E201
            continue
        for task in item.tasks:
            own = item.deadline_of(task)
            if own is not None and (own.recurring is not None or own.problem is not None):  # weekly; or E205
                continue
            if task_deadline(plan, item, task).day is not None:
                continue
            if window is not None and item.kind == "category" and any(d in MONTH_DAYS for d in monthly_days(task.text)):
                continue  # 日常工作 > 每月20日前报送…: tracked every month over the plan's dates
            where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
            if item.flat:  # a table with no grouping: only the task itself can give it a date
                message = tr(
                    "任务 {id}“{text}”没有日期：这张表不分组，任务也没有时间、截止日期或文中日期，"
                    "due、status、export 都不会列出它；请给任务写 deadline:（如“5月31日前”），即它的时间一格",
                    id=task.id,
                    text=task.text,
                )
                findings.append(TaskWithoutDate.at(path, _at(document, *where), message))
                continue
            reason, fix = _undated_reason(item, plan_term(plan))
            findings.append(
                TaskWithoutDate.at(
                    path,
                    _at(document, *where),
                    tr(
                        "任务 {id}“{text}”没有日期：{reason}，任务也没有时间、截止日期或文中日期，"
                        "due、status、export 都不会列出它；请给任务写 deadline:（如“5月31日前”）或给分组写 "
                        "time: / span:{fix}",
                        id=task.id,
                        text=task.text,
                        reason=reason,
                        fix=fix,
                    ),
                )
            )
    return findings


def _dates(span: Span) -> str:
    return tr("{start} 至 {end}", start=f"{span.start:%Y-%m-%d}", end=f"{span.end:%Y-%m-%d}")


def outside_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """A time group whose dates share no day with the time group it is printed under (十月 > 第二周 dated in
    September), or a week of the term that lies after the term ends or before it starts (第二十五周)."""
    path, plan, document, periods, _ = subject
    from aidplan.plan.timeexpr import term_week_number

    term = plan_term(plan)
    findings = []
    seen: set[tuple] = set()
    for item in periods:
        chain = [(p.group, p.kind, p.span, p.where) for p in item.parents]
        chain.append((item.period, item.kind, item.span, item.where))
        for depth, (group, kind, span, where) in enumerate(chain):
            if where in seen or kind != "time" or span is None:
                continue
            seen.add(where)
            parent = next((p for p in reversed(chain[:depth]) if p[1] == "time" and p[2] is not None), None)
            week = term_week_number(group.label) if term is not None else None
            # the 预备周 (week 0) is the week before the term starts by definition: only a date after the term warns
            if week is not None and (span.start > term.end or (span.end < term.start and week != 0)):
                message = tr(
                    "“{label}”（{dates}）在学期（{term_dates}）之外；请核对周次或 term 的起止日期",
                    label=group.label,
                    dates=_dates(span),
                    term_dates=_dates(Span(term.start, term.end)),
                )
            elif parent is not None and (span.end < parent[2].start or span.start > parent[2].end):
                message = tr(
                    "分组“{label}”的日期（{dates}）不在它所属的分组“{parent}”（{parent_dates}）之内；"
                    "请核对周次或所属分组，或给它写 span:",
                    label=group.label,
                    dates=_dates(span),
                    parent=parent[0].label,
                    parent_dates=_dates(parent[2]),
                )
            else:
                continue
            findings.append(WeekOutsideGroup.at(path, _at(document, *where, "label"), message))
    return findings


def own_dated_tasks(plan: Plan, periods: list[ScheduledPeriod], weeks_only: bool = False):
    """(group, task, day) of each task with a date of its own (its `deadline:` or a date in its text); with
    `weeks_only`, only those printed in a week of the term (第二十一周)."""
    from aidplan.plan.schedule import task_deadline
    from aidplan.plan.timeexpr import term_week_number

    for item in periods:
        labels = [p.group.label for p in item.parents] + [item.period.label]
        if weeks_only and not any(term_week_number(label) is not None for label in labels):
            continue
        for task in item.tasks:
            own = task_deadline(plan, item, task)
            if own.source in ("task", "text") and own.day is not None:
                yield item, task, own.day


def tasks_outside_term(plan: Plan, periods: list[ScheduledPeriod], weeks_only: bool = True):
    """(group, task, day) of each task whose own date lies outside the plan's term; with `weeks_only`, only the
    tasks printed in a week of the term, where a date outside the term is a mistake rather than work planned
    for the holidays."""
    term = plan_term(plan)
    if term is None:
        return
    for item, task, day in own_dated_tasks(plan, periods, weeks_only):
        if not term.start <= day <= term.end:
            yield item, task, day


def term_task_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """A task of a week of the term dated before the term starts or after it ends (W224)."""
    path, plan, document, periods, _ = subject
    term = plan_term(plan)
    findings = []
    for item, task, day in tasks_outside_term(plan, periods):
        assert term is not None
        where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
        message = tr(
            "任务 {id}“{text}”的日期 {day} 在学期（{term_dates}）之外；请核对任务的日期或 term 的起止日期",
            id=task.id,
            text=task.text,
            day=day.isoformat(),
            term_dates=_dates(Span(term.start, term.end)),
        )
        findings.append(TaskOutsideTerm.at(path, _at(document, *where), message))
    if term is not None:  # W227: the other tasks' deadlines (a plan without a term loads none of this)
        from aidplan.plan.termdates import deadline_term_findings

        findings += deadline_term_findings(subject, earlier + findings)
    return findings


def check_plan(loaded: LoadedPlan, calendar_places: Sequence[Path] | None = None) -> list[Finding]:
    """All findings of one loaded plan: its load/schema findings, then the rules, in file order; then the
    errors of the calendar files it uses (those in `calendar_places`, else those beside the plan)."""
    if loaded.plan is None or loaded.document is None:
        return loaded.findings
    from aidplan.plan.calendar_files import calendars_for

    calendars = calendars_for(loaded.path, calendar_places)
    subject = CheckedPlan(loaded.path, loaded.plan, loaded.document, schedule(loaded.plan), calendars)
    findings: list[Finding] = date_window_findings(subject)
    if findings:  # nothing else can be worked out from dates thousands of years away
        return sorted(findings, key=lambda f: (f.line, f.column, f.code)) + calendars.findings
    for name in CHECKERS:
        findings += CHECKERS.load(name)(subject, findings)
    return sorted(findings, key=lambda f: (f.line, f.column, f.code)) + calendars.findings
