"""Calendar files: a year's official holidays and make-up workdays (调休), typed in from the State Council's
notice before any library has them, validated like plans and used by every plan beside them."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING

from aidplan.messages import language, localized, tr
from aidplan.plan.findings import Finding
from aidplan.plan.workdays import WEEKDAYS
from aidplan.rules.calendars import (
    DateOutsideYear,
    HolidayWithoutDates,
    OffAndWorked,
    WorkdayNotWeekend,
    YearGivenTwice,
)
from aidplan.rules.reading import NotOneDocument
from aidplan.values import frozen, mutable

if TYPE_CHECKING:
    from aidplan.plan.calendar_model import Holiday

CALENDAR_SUFFIX = ".calendar.yaml"


@frozen
class DayEntry:
    day: dt.date
    name: str
    position: tuple[int, int]


@mutable
class OfficialYear:
    """One calendar file's year, read: days off and days worked, each with where it is written."""

    year: int
    path: Path
    source: str | None
    holidays: dict[dt.date, DayEntry] = field(default_factory=dict)
    workdays: dict[dt.date, DayEntry] = field(default_factory=dict)


@mutable
class LoadedCalendar:
    path: Path
    year: OfficialYear | None  # None when the file has errors
    findings: list[Finding]


def is_calendar_file(path: Path) -> bool:
    return path.name.endswith(CALENDAR_SUFFIX)


def _dates_of(holiday: Holiday) -> list[tuple[dt.date, tuple]]:
    """Each day off of a holiday with the location it is written at."""
    days = [(day, ("dates", index)) for index, day in enumerate(holiday.dates)]
    if holiday.start is not None and holiday.end is not None:
        day = holiday.start
        while day <= holiday.end:
            days.append((day, ("start",)))
            day += dt.timedelta(days=1)
    return days


def load_calendar_file(path: Path) -> LoadedCalendar:
    """Read and validate a calendar file; every problem comes back as a located finding."""
    from pydantic import ValidationError

    from aidplan.plan.calendar_model import CalendarFile
    from aidplan.plan.loading import LoadFailure, read_document, validation_findings

    try:
        document = read_document(path, role=tr("日历文件"))
    except LoadFailure as failure:
        return LoadedCalendar(path, None, [failure.finding])
    if not isinstance(document.data, dict):
        finding = NotOneDocument.at(
            path,
            (1, 1),
            tr(
                "日历文件的顶层应为映射（year: …、holidays: …、workdays: …）；格式见 README“官方日历”",
            ),
        )
        return LoadedCalendar(path, None, [finding])
    try:
        calendar = CalendarFile.model_validate(document.data)
    except ValidationError as exc:
        return LoadedCalendar(path, None, validation_findings(document, exc, CalendarFile))
    findings: list[Finding] = []
    year = OfficialYear(calendar.year, path, calendar.source)

    def outside(day: dt.date, location: tuple) -> bool:
        if day.year == calendar.year:
            return False
        findings.append(
            DateOutsideYear.at(
                path,
                document.position(location),
                tr(
                    "日期 {day} 不在本文件的年份 {year} 年内；每年的安排写在各自的日历文件里",
                    day=day.isoformat(),
                    year=calendar.year,
                ),
            )
        )
        return True

    for index, holiday in enumerate(calendar.holidays):
        where = ("holidays", index)
        if (holiday.start is None) != (holiday.end is None):
            missing = "end" if holiday.end is None else "start"
            findings.append(
                HolidayWithoutDates.at(
                    path,
                    document.position(where + ("start" if holiday.start else "end",)),
                    tr(
                        "节日“{name}”的连续假期缺少“{missing}”；start 和 end 要一起写",
                        name=holiday.name,
                        missing=missing,
                    ),
                )
            )
            continue
        if holiday.start is not None and holiday.end is not None and holiday.end < holiday.start:
            findings.append(
                HolidayWithoutDates.at(
                    path,
                    document.position(where + ("end",)),
                    tr(
                        "节日“{name}”的最后一天 {end} 早于第一天 {start}",
                        name=holiday.name,
                        end=holiday.end.isoformat(),
                        start=holiday.start.isoformat(),
                    ),
                )
            )
            continue
        days = _dates_of(holiday)
        if not days:
            findings.append(
                HolidayWithoutDates.at(
                    path,
                    document.position(where + ("name",)),
                    tr(
                        "节日“{name}”没有日期；写 dates: [{year}-01-01] 或 start: 和 end:",
                        name=holiday.name,
                        year=calendar.year,
                    ),
                )
            )
            continue
        for day, location in days:
            if not outside(day, where + location):
                year.holidays.setdefault(day, DayEntry(day, holiday.name, document.position(where + location)))
    for index, entry in enumerate(calendar.workdays):
        where = ("workdays", index) if isinstance(entry, dt.date) else ("workdays", index, "date")
        day, name = (entry, None) if isinstance(entry, dt.date) else (entry.date, entry.name)
        position = document.position(where)
        if outside(day, where):
            continue
        if day.weekday() < 5:
            findings.append(
                WorkdayNotWeekend.at(
                    path,
                    position,
                    tr(
                        "调休上班日 {day} 是{weekday}，本来就是工作日；workdays 只写调休上班的星期六、星期日",
                        day=day.isoformat(),
                        weekday=localized(WEEKDAYS[day.weekday()]),
                    ),
                )
            )
            continue
        if day in year.holidays:
            first = year.holidays[day]
            findings.append(
                OffAndWorked.at(
                    path,
                    position,
                    tr(
                        "{day} 既是放假日（{name}，第 {position} 行）又是调休上班日；只能是其中一种",
                        day=day.isoformat(),
                        name=first.name,
                        position=first.position[0],
                    ),
                )
            )
            continue
        year.workdays[day] = DayEntry(day, f"{name}调休上班" if name else "调休上班", position)
    findings.sort(key=lambda f: (f.line, f.column))
    return LoadedCalendar(path, None if findings else year, findings)


def find_calendar_files(paths: Iterable[Path]) -> list[Path]:
    """The calendar files named, and the *.calendar.yaml files in named folders (not below them), sorted."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob(f"*{CALENDAR_SUFFIX}") if p.is_file()))
        elif path.is_file():
            found.append(path)
    return list(dict.fromkeys(found))


@mutable
class OfficialCalendars:
    """The repository's calendar files, read: the years they give, and the problems they have."""

    years: dict[int, OfficialYear]
    findings: list[Finding]
    places: tuple[Path, ...] = ()  # where calendar files are looked for

    def suggested_file(self, year: int) -> Path:
        """Where a calendar file for `year` would be found: in the first folder looked in that exists, else in
        the first place named (a folder to create, or the folder of a calendar file named)."""
        folder = next((p for p in self.places if p.is_dir()), None)
        if folder is None and self.places:
            first = self.places[0]
            folder = first.parent if first.name.endswith(CALENDAR_SUFFIX) or first.is_file() else first
        return (folder or Path()) / f"{year}{CALENDAR_SUFFIX}"


@functools.lru_cache(maxsize=64)
def _load_set(files: tuple[Path, ...], _stamps: tuple[tuple[str, int, int], ...], _lang: str) -> OfficialCalendars:
    """Read once per set of files; `_stamps` (absolute path, mtime, size) makes an edited or moved file read anew,
    and `_lang` a run in another language (the findings' messages are in it)."""
    years: dict[int, OfficialYear] = {}
    findings: list[Finding] = []
    for path in files:
        loaded = load_calendar_file(path)
        findings += loaded.findings
        if loaded.year is None:
            continue
        if loaded.year.year in years:
            first = years[loaded.year.year].path
            findings.append(
                YearGivenTwice.at(
                    path,
                    (1, 1),
                    tr(
                        "{year} 年已经由 {first} 给出；一年的安排只能写在一个日历文件里",
                        year=loaded.year.year,
                        first=first,
                    ),
                )
            )
            continue
        years[loaded.year.year] = loaded.year
    return OfficialCalendars(years, findings)


def official_calendars(places: Sequence[Path]) -> OfficialCalendars:
    """The calendar files found in `places` (files or folders), read once per process."""
    files = tuple(find_calendar_files(places))
    stamps = []
    for path in files:
        stat = path.stat()
        stamps.append((str(path.resolve()), stat.st_mtime_ns, stat.st_size))
    loaded = _load_set(files, tuple(stamps), language())
    return OfficialCalendars(loaded.years, loaded.findings, tuple(places))


def template(year: int, path: Path) -> str:
    """A calendar file to fill in, as the error for a year without data shows it."""
    return (
        f"# {path}\n"
        f"year: {year}\n"
        f"source: 国务院办公厅关于{year}年部分节假日安排的通知\n"
        "holidays:\n"
        f"  - {{name: 元旦, dates: [{year}-01-01]}}\n"
        f"  - {{name: 春节, start: {year}-MM-DD, end: {year}-MM-DD}}\n"
        "workdays:                       # 调休上班的星期六、星期日\n"
        f"  - {{date: {year}-MM-DD, name: 春节}}\n"
    )


def calendars_for(plan_path: Path, places: Sequence[Path] | None = None) -> OfficialCalendars:
    """The calendar files a plan uses: those of the project config (`places`), else those beside the plan."""
    return official_calendars(places if places is not None else [plan_path.parent])
