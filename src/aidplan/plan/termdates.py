"""W227: a task's own date that lies outside its term plan's term (端午节前 read as next June in an autumn term,
暑假前 as the summer before it, 第一季度, the other season's 春季学期), and a month of `6月、9月` the term leaves out;
W228: a date in a task's text long before the group the task is printed in."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from aidplan.messages import tr
from aidplan.plan.periods import Span
from aidplan.plan.schedule import NEXT_YEAR_REACH, plan_term, task_deadline
from aidplan.plan.timeexpr import term_week_number
from aidplan.rules.plans import (
    DeadlineBeforePeriod,
    DeadlineOtherYear,
    DeadlineOutsideTerm,
    TaskOutsideTerm,
    TextDateBeforeGroup,
    UnsureDate,
)

if TYPE_CHECKING:
    from aidplan.plan.checks import CheckedPlan
    from aidplan.plan.findings import Finding
    from aidplan.plan.model import Plan
    from aidplan.plan.schedule import ScheduledPeriod
    from aidplan.plan.timeexpr import Term

# The holidays beside a term, where work planned for the break falls (春节前 after an autumn term, 开学前, 寒假,
# 8月25日前 before an autumn term): winter breaks run up to about seven weeks (春节 between 21 January and
# 20 February), summer breaks up to about nine.
WINTER_BREAK = timedelta(weeks=7)
SUMMER_BREAK = timedelta(weeks=9)
# school words that name the break beside the term, or the week before it starts: outside the term by design
_BESIDE_THE_TERM = ("寒假", "暑假", "开学前", "寒假期间", "暑假期间")
# words of the school calendar: a date they give outside the term is another term's (寒假前 in a spring term is
# the last day of the autumn term before it), even when it falls in the holidays beside this one
_SCHOOL = ("寒假", "暑假", "开学", "学期", "期中", "期末")


def _beside(span: Span, term: Term) -> bool:
    """Whether the dates lie in the holidays just before the term starts or just after it ends: the winter
    holidays run to the end of February at the latest, the summer holidays from July to August."""
    if term.autumn:
        first = max(term.start - SUMMER_BREAK, date(term.start.year, 7, 1))
        february = term.end.year if term.end.month <= 2 else term.end.year + 1
        last = min(term.end + WINTER_BREAK, date(february, 3, 1) - timedelta(days=1))
    else:
        first = term.start - WINTER_BREAK
        last = min(term.end + SUMMER_BREAK, date(term.end.year, 8, 31))
    return (first <= span.start and span.end < term.start) or (term.end < span.start and span.end <= last)


def _own_span(text: str, day: date, term: Term) -> Span:
    """The days a task's deadline text names (春季学期, 第一季度: a range due at its end), else its one day."""
    from aidplan.plan.periods import PeriodLabelError, parse_period_label

    for year in (day.year, day.year - 1):
        try:
            span = parse_period_label(text, year, term)
        except PeriodLabelError:
            return Span(day, day)
        if span.end == day:
            return span
    return Span(day, day)


def _in_week(item: ScheduledPeriod) -> bool:
    labels = [p.group.label for p in item.parents] + [item.period.label]
    return any(term_week_number(label) is not None for label in labels)


def _group_spans(item: ScheduledPeriod) -> list[Span]:
    spans = [p.span for p in item.parents if p.kind == "time" and p.span is not None]
    return spans + ([item.span] if item.span is not None else [])


def _dates(span: Span) -> str:
    if span.start == span.end:
        return span.start.isoformat()
    return tr("{start} 至 {end}", start=span.start.isoformat(), end=span.end.isoformat())


def deadline_term_findings(subject: CheckedPlan, earlier: list[Finding]) -> list[Finding]:
    """W227 for each task of a term plan whose own date (its deadline, or a date in its text) lies outside the
    term, neither in the holidays beside it nor within the task's own group (a task of a week of the term is
    W224's, a date read as the next year's W225's, a date far before its group W228's)."""
    path, plan, document, periods, _ = subject
    term = plan_term(plan)
    findings: list[Finding] = []
    if term is None or term.start.year != plan.year:  # a term in another year than year: is W226's
        return findings
    # a date another finding already names at the same place (in another year, before its period, read as the
    # next year's, outside the term in a week of it)
    said = {rule.code for rule in (DeadlineOtherYear, DeadlineBeforePeriod, UnsureDate, TaskOutsideTerm)}
    taken = {(f.line, f.column) for f in earlier if f.code in said}
    findings += _groups_outside(subject, term)
    for item in periods:
        if _in_week(item):  # a week of the term: W224
            continue
        for task in item.tasks:
            where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
            if task.deadline is not None and not task.deadline.date:
                findings += _left_out_months(subject, item, task, where, term)
            found = task_deadline(plan, item, task)
            if found.day is None or found.source not in ("task", "text") or found.guessed_next_year:
                continue
            location = (*where, "deadline") if found.source == "task" else where
            position = document.position(location)
            if position in taken:
                continue
            text = found.text or ""
            if found.source == "text":
                what = tr("任务 {id} 文中的日期“{text}”", id=task.id, text=text)
                if far_before_group(item, found.day, found.by):  # W228 (unsure_findings)
                    continue
            else:
                what = tr("任务 {id} 的截止日期“{text}”", id=task.id, text=text)
            span = _own_span(text, found.day, term) if found.source == "task" else Span(found.day, found.day)
            if span.start <= term.end and span.end >= term.start:
                continue
            if any(span.start >= group.start and span.end <= group.end for group in _group_spans(item)):
                continue  # a group planned for the holidays (寒假, 七月): its dates are the group's
            compact = "".join(text.split())
            school = any(word in compact for word in _SCHOOL)
            if compact in _BESIDE_THE_TERM or (not school and _beside(span, term)):
                continue
            findings.append(
                DeadlineOutsideTerm.at(
                    path,
                    position,
                    tr(
                        "{what}读作 {dates}，在学期（{term}）之外；请核对，或直接写明日期",
                        what=what,
                        dates=_dates(span),
                        term=_dates(Span(term.start, term.end)),
                    ),
                )
            )
    return findings


def _groups_outside(subject: CheckedPlan, term: Term) -> list[Finding]:
    """W227 for a time group of a term plan dated outside the term and the holidays beside it (an autumn term's
    八月 printed after its 一月, read as the August after the term); weeks are W223's. The year offered is the
    one that puts the month beside the term (2026年8月)."""
    path, _, document, periods, _ = subject
    findings = []
    seen: set[tuple] = set()
    for item in periods:
        chain = [(p.group, p.kind, p.span, p.where) for p in item.parents]
        chain.append((item.period, item.kind, item.span, item.where))
        for group, kind, span, where in chain:
            if where in seen or kind != "time" or span is None or term_week_number(group.label) is not None:
                continue
            seen.add(where)
            if (span.start <= term.end and span.end >= term.start) or _beside(span, term):
                continue
            delta = -1 if span.start > term.end else 1
            try:
                moved = Span(
                    span.start.replace(year=span.start.year + delta), span.end.replace(year=span.end.year + delta)
                )
            except ValueError:  # 2月29日
                moved = None
            inside = moved is not None and moved.start <= term.end and moved.end >= term.start
            if moved is not None and (inside or _beside(moved, term)):
                message = tr(
                    "时段“{label}”读作 {dates}，在学期（{term}）之外；"
                    "请核对时段的顺序或写明年份（如“{year}年{month}月”）",
                    label=group.label,
                    dates=_dates(span),
                    term=_dates(Span(term.start, term.end)),
                    year=moved.start.year,  # the year that puts it in the term, or beside it
                    month=span.start.month,
                )
            else:  # no year puts it in the term (1月 in a spring term): only its place can be wrong
                message = tr(
                    "时段“{label}”读作 {dates}，在学期（{term}）之外，哪一年都不在学期里；请核对时段的顺序",
                    label=group.label,
                    dates=_dates(span),
                    term=_dates(Span(term.start, term.end)),
                )
            findings.append(DeadlineOutsideTerm.at(path, document.position((*where, "label")), message))
    return findings


def far_before_group(item: ScheduledPeriod, day: date, by: bool) -> bool:
    """Whether a date in a task's text, printed as a deadline, lies more than three months before its group."""
    return by and item.span is not None and day < item.span.start - NEXT_YEAR_REACH


def before_group(path, position: tuple[int, int], item: ScheduledPeriod, what: str, day: date) -> Finding:
    """W228 for a date in a task's text far before its group (see far_before_group)."""
    assert item.span is not None
    start = item.span.start
    return TextDateBeforeGroup.at(
        path,
        position,
        tr(
            "{what}（{day}）早于时段“{label}”的开始（{start}）{months} 个月；如是别处的日期不必理会，"
            "如是本时段的截止日期，请改正年份或月份",
            what=what,
            day=day.isoformat(),
            label=item.period.label,
            start=start.isoformat(),
            months=(start.year - day.year) * 12 + start.month - day.month,
        ),
    )


def _left_out_months(subject: CheckedPlan, item: ScheduledPeriod, task, where: tuple, term: Term) -> list[Finding]:
    """W227 for each month a deadline lists (6月、9月) that has no day within the term (or the task's group)."""
    from aidplan.plan.deadlines import listed_months

    assert task.deadline is not None
    months = listed_months(task.deadline.text)
    reading = item.deadline_of(task)
    if months is None or reading is None or reading.recurring is None:
        return []
    when = reading.recurring
    first = max(when.start, item.span.start) if item.span else when.start
    last = min(when.end, item.span.end) if item.span else when.end
    kept = {month for _, month in Span(first, last).months} if first <= last else set()
    left = [month for month in months if month not in kept]
    if not left:
        return []
    if item.span is None:
        window = tr("学期（{dates}）", dates=_dates(Span(term.start, term.end)))
    else:  # the days of the group within the term (the group's own, when it lies outside the term)
        shown_span = Span(first, last) if first <= last else item.span
        window = tr("时段“{label}”（{dates}）", label=item.period.label, dates=_dates(shown_span))
    names = tr("、").join(tr("{month}月", month=month) for month in left)
    shown = [month for month in months if month in kept]
    rest = (
        tr("只排了{months}的一次", months=tr("、").join(tr("{month}月", month=month) for month in shown))
        if shown
        else tr("一次也没有排")
    )
    return [
        DeadlineOutsideTerm.at(
            subject.path,
            subject.document.position((*where, "deadline")),
            tr(
                "任务 {id} 的截止日期“{text}”中的{names}不在{window}之内，{rest}；如{names}是别的学期的事，"
                "请写进那个学期的计划，或直接写明日期",
                id=task.id,
                text=task.deadline.text,
                names=names,
                window=window,
                rest=rest,
            ),
        )
    ]


def suggested_term(plan: Plan, periods: list[ScheduledPeriod]) -> str | None:
    """The `term:` to suggest to a plan that uses school words without one: the autumn term of its year when its
    dated groups lie from August to January (九月, 十月 … 一月), its spring term when they lie from February to
    August; with no dated groups, the season most of its words name (春季开学后, 暑假前: spring), else autumn.
    None when its groups span two terms (a calendar-year plan): no one term holds them."""
    from aidplan.plan.deadlines import term_example

    year = plan.year
    spans = [p.span for item in periods for p in item.parents if p.kind == "time" and p.span is not None]
    spans += [item.span for item in periods if item.kind == "time" and item.span is not None]
    spans = [s for s in spans if (s.start, s.end) != (date(year, 1, 1), date(year, 12, 31))]  # 全年 beside them
    months = {(month if y == year else month + 12 * (y - year)) for s in spans for y, month in s.months}
    if not months:
        words = [t.deadline.text for item in periods for t in item.tasks if t.deadline is not None]
        # 春季开学后, 暑假前 (the summer follows a spring term) against 秋季开学后, 寒假前
        spring = sum(("春" in text or "暑假" in text) - ("秋" in text or "寒假" in text) for text in words)
        return term_example(year, spring <= 0)
    # an autumn term's January is printed with no year after its December: read in year:, it is this January
    autumn = {month if month != 1 else 13 for month in months}
    if all(8 <= month <= 13 for month in autumn):
        return term_example(year, True)
    if all(2 <= month <= 8 for month in months):
        return term_example(year, False, date(year, 2, 20) if 2 in months else None)
    return None
