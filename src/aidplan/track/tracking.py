"""Progress + today → what is due, upcoming and overdue, and how far each plan and period has got."""

from __future__ import annotations

import calendar as calendar_module
import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from aidplan.messages import later, localized, tr
from aidplan.plan.calendar_files import calendars_for
from aidplan.plan.deadlines import MONTH_DAYS, monthly_days
from aidplan.plan.model import FLAT_LABEL, Plan, all_groups
from aidplan.plan.owners import split_owners
from aidplan.plan.periods import Span
from aidplan.plan.schedule import (
    dated_window,
    group_path,
    owner_of,
    plan_term,
    schedule,
    task_deadline,
    work_calendar,
)
from aidplan.plan.workdays import WorkCalendar
from aidplan.track.statuses import OPEN_STATUSES
from aidplan.values import frozen, mutable

if TYPE_CHECKING:
    from aidplan.track.progress import ProgressRecord

if TYPE_CHECKING:
    from collections.abc import Callable

UNASSIGNED = "（未指定）"  # the owner of tasks that name none, in the per-owner tallies
DEADLINE_SOURCES = {
    "task": "任务截止",
    "text": "文中日期",
    "monthly": "每月例行",
    "weekly": "每周例行",
    "recurring": "例行",
    "period": "时段完成时间",
    "period-end": "时段结束",
}


@frozen
class TrackedItem:
    """One thing to be done by one date: a task, or one occurrence of a monthly duty."""

    id: str  # 5.2, or 5.1@5-20 for the 20 May occurrence of task 5.1
    task_id: str
    period_index: int
    period: str
    text: str
    owner: str | None
    deadline: dt.date | None
    source: str  # a key of DEADLINE_SOURCES
    group: str = ""  # its group's label under those of the groups it is printed in: 10月 › 第二周 (as `tasks` shows)


def tracked_items(plan: Plan, calendar: WorkCalendar | None = None) -> list[TrackedItem]:
    """Every dated item of the plan, in printed order; monthly occurrences that fall on a non-working
    day are moved as the plan's calendar.shift says (when a calendar is given)."""
    items: list[TrackedItem] = []
    periods = schedule(plan)
    window = dated_window(periods, plan_term(plan), plan.year)  # a category's monthly duty runs over the plan's dates
    for period in periods:
        for task in period.tasks:

            def item(item_id: str, deadline: dt.date | None, source: str) -> TrackedItem:
                return TrackedItem(
                    item_id,
                    task.id,
                    period.index,
                    period.period.label,
                    task.text,
                    owner_of(period, task),
                    deadline,
                    source,
                    group_path(period),
                )

            days = [day for day in monthly_days(task.text) if day in MONTH_DAYS]  # check reports the others
            span = period.span or (window if period.kind == "category" else None)
            if task.deadline is None and days and span is not None:
                months = span.months
                # a span of more than 12 months meets a month twice: 9.1@2020-9-20 and 9.1@2021-9-20
                with_year = len({month for _, month in months}) < len(months)
                found = [
                    (year, month, day, dt.date(year, month, min(day, calendar_module.monthrange(year, month)[1])))
                    for year, month in months
                    for day in days
                ]
                # only the days within the group (全学期 from 8月31日: not 8月15日), unless none is
                within = [one for one in found if one[3] in span]
                for year, month, day, due in within or found:
                    if calendar is not None:
                        due = calendar.shift(due, plan.calendar.shift)
                    occurrence = f"{year}-{month}-{day}" if with_year else f"{month}-{day}"
                    items.append(item(f"{task.id}@{occurrence}", due, "monthly"))
                continue
            own = period.deadline_of(task)
            if own is not None and own.recurring is not None:  # deadline: 每月20日前 / 每周五
                when = own.recurring
                first = max(when.start, period.span.start) if period.span else when.start
                last = min(when.end, period.span.end) if period.span else when.end
                source = "weekly" if when.weekday is not None else "monthly" if not when.months else "recurring"
                days = [day for day in _days(first, last) if when.occurs_on(day)]
                if _month_end_cut(when, first, last, days):  # 每月 in a term ending 22 January: due on its last day
                    days.append(last)
                for day in days:
                    due = calendar.shift(day, plan.calendar.shift) if calendar is not None else day
                    items.append(item(f"{task.id}@{day.month}-{day.day}", due, source))
                continue
            found = task_deadline(plan, period, task)  # `check` reports a bad deadline
            deadline, source = found.day, found.source
            items.append(item(task.id, deadline, source))
    return items


def _days(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def _month_end_cut(when, first: dt.date, last: dt.date, days: list[dt.date]) -> bool:
    """Whether a duty due at each month's end (每月, 每月底, 每季度末, 6月、9月) runs over a window that stops before
    the end of its last month (an autumn term ending on 22 January): that month's occurrence is then due on the
    window's last day, else the month would have none. A duty due on a named day (每月20日前) is due only when
    that day falls within the window."""
    if when.weekday is not None or when.monthday != 31 or last < first:
        return False
    month_end = calendar_module.monthrange(last.year, last.month)[1]
    if last.day == month_end or (when.months and last.month not in when.months):
        return False
    return not any((day.year, day.month) == (last.year, last.month) for day in days)


def known_ids(items: list[TrackedItem]) -> set[str]:
    """Ids a progress record may name: each item, and each task (a record for a task covers all its items)."""
    return set(id_texts(items))


def id_texts(items: list[TrackedItem]) -> dict[str, str]:
    """Every id a progress record may name (each item, and each task) with its task's text."""
    texts = {i.id: i.text for i in items}
    texts.update((i.task_id, i.text) for i in items)
    return texts


def _latest(records: list[ProgressRecord], today: dt.date) -> dict[str, tuple[int, ProgressRecord]]:
    """The record in force per id as of `today` (see latest_status); no records need no record machinery."""
    if not records:
        return {}
    from aidplan.track.progress import latest_status

    return latest_status(records, as_of=today)


def occurrences_by_task(items: list[TrackedItem]) -> dict[str, list[TrackedItem]]:
    """The occurrences of each recurring task (5.1 → 5.1@5-20, 5.1@6-20 …), in date order."""
    found: dict[str, list[TrackedItem]] = {}
    for item in items:
        if item.id != item.task_id:
            found.setdefault(item.task_id, []).append(item)
    return found


def _same_window(item: TrackedItem, day: dt.date) -> bool:
    """Whether `day` falls in the week (每周) or the month (every other recurrence) an occurrence is due in."""
    if item.deadline is None:
        return False
    if item.source == "weekly":
        return item.deadline.isocalendar()[:2] == day.isocalendar()[:2]
    return (item.deadline.year, item.deadline.month) == (day.year, day.month)


def covered(day: dt.date, siblings: list[TrackedItem]) -> list[TrackedItem]:
    """The one occurrence of a recurring task that a record for its plain id made on `day` is for: the one due in
    the day's week (每周) or month (每月 and the others), the first due on or after the day when the window has two
    (每月20日、28日), else its last; when none is due there, the next one due; after the last, the last. Earlier
    occurrences are not covered: a check done this week does not say the weeks before were done."""
    dated = sorted((s for s in siblings if s.deadline is not None), key=lambda s: s.deadline)  # type: ignore[arg-type, return-value]
    if not dated:
        return []
    window = [s for s in dated if _same_window(s, day)]
    if window:
        return [next((s for s in window if s.deadline >= day), window[-1])]  # type: ignore[operator]
    later = [s for s in dated if s.deadline > day]  # type: ignore[operator]
    return [later[0] if later else dated[-1]]


def status_of(
    item: TrackedItem,
    latest: dict[str, tuple[int, ProgressRecord]],
    occurrences: dict[str, list[TrackedItem]] | None = None,
) -> tuple[str, ProgressRecord | None]:
    """An item's status: the later of its own latest record and its task's (by date, then by line), else todo.
    For an occurrence of a recurring task (with `occurrences`, see occurrences_by_task), its task's record is the
    latest one that covers it (see covered)."""
    task = latest.get(item.task_id)
    history = getattr(latest, "history", None)
    if item.id != item.task_id and occurrences is not None and history is not None:
        siblings = occurrences.get(item.task_id, [item])
        task = next(
            (found for found in reversed(history.get(item.task_id, [])) if item in covered(found[1].date, siblings)),
            None,
        )
    candidates = [found for found in (latest.get(item.id), task) if found is not None]
    if not candidates:
        return "todo", None
    _, record = max(candidates, key=lambda found: (found[1].date, found[0]))
    return record.status, record


def countdown(days_left: int, unit: str = later("天")) -> str:
    """还有3天 / 今天到期 / 已逾期2天 (unit 个工作日 for working days)."""
    if days_left > 0:
        return tr("还有{days_left}{unit}", days_left=days_left, unit=localized(unit))
    if days_left == 0:
        return tr("今天到期")
    return tr("已逾期{value}{unit}", value=-days_left, unit=localized(unit))


@frozen
class DueEntry:
    item: TrackedItem
    status: str
    record: ProgressRecord | None
    group: str  # overdue | upcoming | current
    days_left: int | None
    working_days_left: int | None = None

    @property
    def overdue(self) -> bool:
        return self.group == "overdue"


@mutable
class PlanDue:
    path: Path
    title: str
    year: int
    ended: bool  # today is after the plan's last day: summarised, not listed
    current_periods: list[str]
    entries: list[DueEntry] = field(default_factory=list)
    unfinished: int = 0
    total: int = 0


@mutable
class DueReport:
    today: dt.date
    within: int
    plans: list[PlanDue]
    missing_years: list[int] = field(default_factory=list)  # years the holiday data does not cover

    @property
    def overdue_count(self) -> int:
        return sum(1 for plan in self.plans for entry in plan.entries if entry.overdue) + sum(
            plan.unfinished for plan in self.plans if plan.ended
        )


def year_in_plan(plan: Plan) -> Callable[[int, int], int]:
    """The year a month and day typed without one (1月5日 in the 台账, `--on 1月5日`) falls in: the plan's year, or
    the year after or before when that puts the day nearer the plan's days (within its first and last day, as its
    labels are read): an autumn term's 1月5日 is next January."""
    span = plan_span(plan)

    def year(month: int, day: int) -> int:
        if span is None:
            return plan.year
        distances = []
        for each in (plan.year, plan.year + 1, plan.year - 1):
            try:
                found = dt.date(each, month, day)
            except ValueError:
                continue
            distances.append((max((span.start - found).days, (found - span.end).days, 0), each))
        return min(distances, key=lambda pair: pair[0])[1] if distances else plan.year

    return year


def plan_span(plan: Plan, items: list[TrackedItem] | None = None) -> Span | None:
    """The plan's first and last day: from its periods' spans to its last date of any kind (a task's deadline
    in January after a 十二月 period ends the plan then, not on 31 December)."""
    periods = schedule(plan)
    spans = [p.span for p in periods if p.span is not None]
    days = [p.deadline for p in periods if p.deadline is not None]
    days += [i.deadline for i in (tracked_items(plan) if items is None else items) if i.deadline is not None]
    if not spans and not days:
        return None
    starts = [s.start for s in spans] or days
    return Span(min(starts), max([s.end for s in spans] + days))


def _next_occurrences(items: list[TrackedItem], today: dt.date) -> dict[str, TrackedItem]:
    """Each recurring task's next occurrence: the first due today or later."""
    nexts: dict[str, TrackedItem] = {}
    for item in items:
        if item.id == item.task_id or item.deadline is None or item.deadline < today:
            continue
        if item.task_id not in nexts or item.deadline < nexts[item.task_id].deadline:
            nexts[item.task_id] = item
    return nexts


def _in_window(item: TrackedItem, nexts: dict[str, TrackedItem]) -> bool:
    """Whether an item belongs under 本期任务: a single task always; of a recurring task (每月20日前 in a 全年
    group) only the occurrences in the month (每月) or week (每周) of its next one, not all twelve."""
    if item.id == item.task_id or item.deadline is None:
        return True
    following = nexts.get(item.task_id)
    if following is None:
        return False
    if item.source == "weekly":
        return item.deadline.isocalendar()[:2] == following.deadline.isocalendar()[:2]
    return (item.deadline.year, item.deadline.month) == (following.deadline.year, following.deadline.month)


def due_for_plan(
    path: Path,
    plan: Plan,
    records: list[ProgressRecord],
    today: dt.date,
    within: int,
    calendar: WorkCalendar | None = None,
) -> PlanDue:
    """Overdue items, items due within `within` days, and the rest of the current period's items."""
    calendar = calendar or work_calendar(plan, calendars_for(path))
    items = tracked_items(plan, calendar)
    latest = _latest(records, today)
    span = plan_span(plan, items)
    periods = schedule(plan)
    current = {p.index for p in periods if p.span is not None and today in p.span}
    result = PlanDue(
        path,
        plan.name,
        plan.year,
        span is not None and today > span.end,
        [p.period.label for p in periods if p.index in current],
    )
    nexts = _next_occurrences(items, today)
    occurrences = occurrences_by_task(items)
    for item in items:
        status, record = status_of(item, latest, occurrences)
        open_item = status in OPEN_STATUSES
        result.total += status != "dropped"
        result.unfinished += open_item
        days_left = (item.deadline - today).days if item.deadline is not None else None
        if open_item and days_left is not None and days_left < 0:
            group = "overdue"
        elif open_item and days_left is not None and days_left <= within:
            group = "upcoming"
        elif item.period_index in current and _in_window(item, nexts):
            group = "current"
        else:
            continue
        working = calendar.working_days_until(today, item.deadline) if item.deadline is not None and open_item else None
        result.entries.append(DueEntry(item, status, record, group, days_left, working))
    if result.ended:
        result.entries = []
    order = {"overdue": 0, "upcoming": 1, "current": 2}
    result.entries.sort(key=lambda e: (order[e.group], e.item.deadline or dt.date.max, e.item.period_index))
    return result


@mutable
class Tally:
    name: str
    done: int = 0
    total: int = 0  # dropped items do not count
    overdue: int = 0
    dropped: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100

    def add(self, status: str, overdue: bool) -> None:
        if status == "dropped":
            self.dropped += 1
            return
        self.total += 1
        self.done += status == "done"
        self.overdue += overdue


@mutable
class PlanStatus:
    path: Path
    title: str
    plan: Tally
    periods: list[Tally]  # one per group; none for a table with no grouping (`tasks:`)
    owners: list[Tally]  # one per owner named (a task of 学生处、团委 counts for both), in order of appearance
    rows: list[tuple[TrackedItem, str, ProgressRecord | None, bool]]  # item, status, record, overdue

    @property
    def owner_breakdown(self) -> list[Tally]:
        """The per-owner tallies, or none when no task names an owner."""
        return [] if all(owner.name == UNASSIGNED for owner in self.owners) else self.owners


def status_for_plan(
    path: Path, plan: Plan, records: list[ProgressRecord], today: dt.date, calendar: WorkCalendar | None = None
) -> PlanStatus:
    items = tracked_items(plan, calendar or work_calendar(plan, calendars_for(path)))
    latest = _latest(records, today)
    whole = Tally(plan.name)
    periods = [Tally(p.label) for p in all_groups(plan)]
    owners: dict[str, Tally] = {}
    rows = []
    counted: set[int] = set()  # groups with something to count: a week printed blank (`tasks: []`) has not
    occurrences = occurrences_by_task(items)
    for item in items:
        status, record = status_of(item, latest, occurrences)
        overdue = status in OPEN_STATUSES and item.deadline is not None and item.deadline < today
        whole.add(status, overdue)
        periods[item.period_index].add(status, overdue)
        counted.add(item.period_index)
        for owner in split_owners(item.owner) or (UNASSIGNED,):  # 学生处、团委: counted for each of them
            owners.setdefault(owner, Tally(owner)).add(status, overdue)
        rows.append((item, status, record, overdue))
    grouped = [
        tally
        for index, (tally, group) in enumerate(zip(periods, all_groups(plan)))
        if group.label != FLAT_LABEL and index in counted
    ]
    return PlanStatus(path, plan.title, whole, grouped, list(owners.values()), rows)
