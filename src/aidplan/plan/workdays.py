"""Working days on the official Chinese calendar: statutory holidays, make-up workdays (调休), local days.

Named workdays, not calendar, so it never shadows the standard library's calendar module.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from dataclasses import field
from typing import TYPE_CHECKING

from aidplan.messages import later, localized, tr
from aidplan.values import frozen, mutable

if TYPE_CHECKING:
    from aidplan.plan.calendar_files import OfficialYear

# Chinese as plans, documents and the holiday data name them; messages show them in the user's language
# (`messages.localized`)
WEEKDAYS = (
    later("星期一"),
    later("星期二"),
    later("星期三"),
    later("星期四"),
    later("星期五"),
    later("星期六"),
    later("星期日"),
)


@frozen
class DayInfo:
    day: dt.date
    working: bool
    reason: str  # 星期六, 国庆节, 调休上班, a local holiday's name, or the weekday
    source: str = ""  # where the answer comes from: 计划, a calendar file's path:line:col, the library, 周末


@functools.lru_cache(maxsize=4096)
def _official(day: dt.date) -> tuple[bool, str | None] | None:
    """(is_holiday, Chinese holiday name or None) from chinesecalendar, or None when the year is not in its data.

    Cached: chinesecalendar scans its whole table on every call, and plans ask about the same days again."""
    import chinese_calendar

    try:
        on_holiday, name = chinese_calendar.get_holiday_detail(day)
    except NotImplementedError:  # "no available data for year N": the State Council has not published it here
        return None
    if name is not None:
        try:
            name = chinese_calendar.Holiday(name).chinese
        except ValueError:
            pass
    return on_holiday, name


@functools.cache
def _official_exceptions() -> list[dt.date]:
    """Every day of the official table (holidays and make-up workdays), sorted: the only days whose working
    status can differ from their weekday's."""
    from chinese_calendar import constants

    return sorted({*constants.holidays, *constants.workdays})


def weekdays_after(start: dt.date, end: dt.date) -> int:
    """Monday-to-Friday days after start up to and including end (end >= start), by arithmetic."""
    weeks, rest = divmod((end - start).days, 7)
    first = start.weekday()
    return 5 * weeks + sum(1 for n in range(1, rest + 1) if (first + n) % 7 < 5)


@functools.cache
def data_version() -> str:
    """The holiday library and its version, as every answer from it names its source. The package's own
    __version__ (importlib.metadata would cost about 20 ms of the command's start)."""
    import chinese_calendar

    found = getattr(chinese_calendar, "__version__", None)
    if found is None:  # pragma: no cover - a release without it
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("chinesecalendar")
        except PackageNotFoundError:
            return "chinesecalendar"
    return f"chinesecalendar {found}"


@mutable
class WorkCalendar:
    """Answers whether a day is a working day; remembers the years it had to guess (weekends only)."""

    local_holidays: dict[dt.date, str] = field(default_factory=dict)
    local_workdays: set[dt.date] = field(default_factory=set)
    missing_years: set[int] = field(default_factory=set)
    # years typed in from the State Council's notice (calendar files); they win over the library
    files: dict[int, OfficialYear] = field(default_factory=dict)

    def info(self, day: dt.date) -> DayInfo:
        """Precedence: the plan's own days, then the calendar files, then the library, then weekends."""
        weekday = WEEKDAYS[day.weekday()]
        if day in self.local_workdays:
            return DayInfo(day, True, "本地安排上班", "计划")
        if day in self.local_holidays:
            return DayInfo(day, False, self.local_holidays[day], "计划")
        year = self.files.get(day.year)
        if year is not None:
            if day in year.holidays:
                entry = year.holidays[day]
                return DayInfo(day, False, entry.name, f"{year.path}:{entry.position[0]}:{entry.position[1]}")
            if day in year.workdays:
                entry = year.workdays[day]
                return DayInfo(day, True, entry.name, f"{year.path}:{entry.position[0]}:{entry.position[1]}")
            return DayInfo(day, day.weekday() < 5, weekday, str(year.path))
        official = _official(day)
        if official is None:
            self.missing_years.add(day.year)
            return DayInfo(day, day.weekday() < 5, weekday, "周末")
        on_holiday, name = official
        if on_holiday:
            return DayInfo(day, False, name or weekday, data_version())
        if day.weekday() >= 5:
            return DayInfo(day, True, f"{name + '调休' if name else '调休'}上班", data_version())
        return DayInfo(day, True, weekday, data_version())

    def is_working(self, day: dt.date) -> bool:
        return self.info(day).working

    def step(self, day: dt.date, direction: int) -> dt.date:
        """The nearest working day before (direction -1) or after (+1) the given day."""
        current = day + dt.timedelta(days=direction)
        for _ in range(60):  # the longest official break is 8 days; local days could add a few
            if self.is_working(current):
                return current
            current += dt.timedelta(days=direction)
        return current

    def shift(self, day: dt.date, policy: str) -> dt.date:
        """A deadline moved off a non-working day: keep, previous or next working day."""
        if policy == "keep" or self.is_working(day):
            return day
        return self.step(day, -1 if policy == "previous" else 1)

    def working_days_until(self, today: dt.date, deadline: dt.date) -> int:
        """Working days after today up to and including the deadline (negative when it has passed).

        Closed form: the weekdays of the range by arithmetic, then corrected for each day the official
        table or the plan's local days treat differently from its weekday. The cost does not grow with the
        distance, so `due --today 9999-12-31` is as quick as `--today 2020-05-10`."""
        if deadline == today:
            return 0
        sign = 1 if deadline > today else -1
        start, end = (today, deadline) if sign > 0 else (deadline, today)
        count = weekdays_after(start, end)
        exceptions = _official_exceptions()
        low, high = bisect.bisect_right(exceptions, start), bisect.bisect_right(exceptions, end)
        special = set(exceptions[low:high])
        special |= {d for d in (*self.local_holidays, *self.local_workdays) if start < d <= end}
        for year in self.files.values():
            special |= {d for d in (*year.holidays, *year.workdays) if start < d <= end}
        for day in special:
            count += self.is_working(day) - (day.weekday() < 5)
        first, last = _official_exceptions()[0].year, _official_exceptions()[-1].year
        for year in range(max(start.year, deadline.year - 1), min(end.year, deadline.year + 1) + 1):
            if (
                not first <= year <= last and year not in self.files
            ):  # counted by weekends only; said once (not for every year of a huge range)
                self.missing_years.add(year)
        return sign * count


def describe(day: dt.date) -> str:
    """2月28日（星期五）, in the user's language."""
    return tr("{month}月{day}日（{weekday}）", month=day.month, day=day.day, weekday=localized(WEEKDAYS[day.weekday()]))
