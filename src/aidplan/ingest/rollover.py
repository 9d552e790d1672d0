"""Next year's plan from this year's (`aidplan new NEXT.yaml --from THIS.yaml`): the plan's text is edited at
the positions of its values, so its comments and layout stay as they were; the old plan is never touched.

What moves: `year:`; every year printed in a text value (title, labels, tasks, deadlines, notes, term name …)
that lies within YEAR_WINDOW years of the plan's year, by the same distance (2019-2020学年 → 2020-2021学年,
2019年12月31日印发的 → 2020年…); ISO dates (spans, local days, deadline dates) to the same month and day; the
term's first and last day to the same weekday nearest the same date (or as --term-start says). Make-up
workdays (calendar.workdays) are the old year's arrangement and are dropped, not moved. 2月29日 in a year that
has none becomes 2月28日. Each such change that is not plain arithmetic is said in `notes`, and so is a task
or week the moved term no longer holds. Dates printed in a task's own text move with its week afterwards
(aidplan.ingest.textdates), once the new plan's weeks are known.
"""

from __future__ import annotations

import calendar
import datetime as dt
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from aidplan.errors import FindingsError, UsageError
from aidplan.files import shown, write_atomic
from aidplan.ingest.new import refuse_existing, require_plan_year
from aidplan.messages import localized, tr
from aidplan.plan.workdays import WEEKDAYS
from aidplan.plan.years import DOCUMENT_NAME, as_cn_year, cn_year, near_century
from aidplan.plan.years import YEAR_TEXT as _TEXT

YEAR_WINDOW = 2  # years printed further than this from the plan's year are references (a 2007年 regulation)
MODELINE = re.compile(r"^(#\s*yaml-language-server:\s*\$schema=)(\S+)", re.M)
# locations of dates that must stay on their weekday: the first and last day of term (make-up workdays,
# calendar.workdays, are not moved at all: each year's are announced anew)
WEEKDAY_KEPT = (("term", "start"), ("term", "end"))

# a week printed without its year: 3.9-3.15, 3月9日-3月15日, 3月9日—15日, 12.28-1.1; not an amount or a ratio
# (补助标准3.2-3.6千元, 1.5-1.9%, 2.5-3.5万): a number with a unit after it
_UNIT = r"\s*(?:[千万亿元角%％‰个人名次倍项所家岁米亩吨斤件本份台套层级分秒]|小时|公里|平方|kg|km|cm|mm|m\b)"
_WEEK = re.compile(
    r"(?<![0-9.年])(?P<m1>[0-9]{1,2})(?P<u1>\.|月)(?P<d1>[0-9]{1,2})(?P<r1>日?)(?P<sep>\s*[-－—–~～至到]\s*)"
    rf"(?:(?P<m2>[0-9]{{1,2}})(?P<u2>\.|月))?(?P<d2>[0-9]{{1,2}})(?![0-9.])(?P<r2>日?)(?!(?<!日){_UNIT})"
)
# days a holiday always starts on (元旦, 劳动节, 国庆节): a range from one of them is the holiday, not a week
FIXED_HOLIDAYS = {(1, 1), (5, 1), (10, 1)}
# festivals of the lunar calendar (and 清明, a solar term): on another day each year
LUNAR = ("春节", "除夕", "元宵", "清明", "端午", "七夕", "中秋", "重阳", "腊八")
# where a table prints a week's dates: a group's label (第二周（9.7-9.11）) or time cell, a task's time cell
WEEK_PLACES = ("label", "time", "deadline")
MOST_WEEK_DAYS = 34  # a printed range of up to five weeks (第三至四周 3.8-3.21) moves as the weeks do


@dataclass(frozen=True)
class ChangedLine:
    line: int  # 1-based, the same in both files: values are edited within their line
    old: str
    new: str


@dataclass
class Rollover:
    """What `new --from` did: the lines it changed and what it wants the office to know."""

    source: Path
    target: Path
    old_year: int
    year: int
    changed: list[ChangedLine] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _leap(year: int) -> bool:
    return calendar.isleap(year)


def same_month_day(day: dt.date, year: int) -> dt.date:
    """The same month and day in `year` (29 February → 28 February when `year` has none)."""
    return dt.date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def same_weekday_near(day: dt.date, years: int) -> dt.date:
    """The day of the same weekday nearest the same date `years` on (a term starting on a Monday still does)."""
    target = same_month_day(day, day.year + years)
    back = (target.weekday() - day.weekday()) % 7
    return target - dt.timedelta(days=back) if back <= 3 else target + dt.timedelta(days=7 - back)


@dataclass
class _Weeks:
    """How the weeks of a plan move: by `shift` (whole weeks), the old term's first and last day to the new
    term's. `term`: whether the plan has a term (else the shift is that of the same weekday a year on)."""

    shift: dt.timedelta = dt.timedelta(weeks=52)
    term: bool = False
    old_start: dt.date | None = None
    new_start: dt.date | None = None
    old_end: dt.date | None = None
    new_end: dt.date | None = None

    def moved(self, start: dt.date, end: dt.date, printed: bool = False) -> tuple[dt.date, dt.date] | None:
        """A week's new first and last day; None when `start`–`end` is not printed as weeks are: from a Monday to
        a Friday, Saturday or Sunday (of the same week, or up to five weeks in a term plan), or part of one week
        from its Monday or to its Sunday (预备周 2.26-3.1; in a term plan any days of one week where a table prints
        a week's dates: `printed`), or from the first day of term or to its last."""
        length = (end - start).days
        if not 0 <= length <= MOST_WEEK_DAYS:
            return None
        # several weeks (第三至四周 3.8-3.21) only in a plan of the term's weeks: elsewhere 9月20日-10月8日 is a span
        # of days that happens to start on a Monday
        whole = start.weekday() == 0 and end.weekday() >= 4 and 4 <= length <= (MOST_WEEK_DAYS if self.term else 6)
        part = _monday(start) == _monday(end) and (start.weekday() == 0 or end.weekday() == 6) and length >= 2
        # in a term plan, days of one week where a week's dates are printed (第六周 10.8-10.9, Thursday and
        # Friday after 国庆) are that week's: they move with it
        part = part or (printed and self.term and _monday(start) == _monday(end) and length >= 1)
        term = (start == self.old_start or end == self.old_end) and _monday(start) == _monday(end)
        if not (whole or part or term):
            return None
        new_start = self.new_start if start == self.old_start and self.new_start else start + self.shift
        new_end = self.new_end if end == self.old_end and self.new_end else end + self.shift
        return new_start, new_end


_QUOTED_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _timestamp(node) -> dt.date | None:
    """The day a scalar states: an ISO date, also quoted ('2026-08-31': the plan reads it as that day)."""
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        return None
    if node.tag.endswith(":str") and node.style in ("'", '"') and _QUOTED_DAY.fullmatch(node.value):
        try:
            return dt.date.fromisoformat(node.value)
        except ValueError:
            return None
    if not node.tag.endswith(":timestamp"):
        return None
    value = yaml.SafeLoader.construct_yaml_timestamp(yaml.SafeLoader(""), node)
    return None if isinstance(value, dt.datetime) else value


def _plan_weeks(
    root, old_year: int, year: int, term_start: dt.date | None, first_week: dt.date | None = None
) -> _Weeks:
    """The week move of a plan: a term plan's weeks go where the new term's are (--term-start, or its first
    day moved to the same weekday), any other plan's by whole weeks to the same weekdays (with --term-start, a
    plan without a term whose 第一周 starts on `first_week` moves it to the week of the new first day)."""
    _, term = _member(root, "term")
    old_start = _timestamp(_member(term, "start")[1])
    if old_start is None:
        if term_start is not None and first_week is not None:
            return _Weeks(_monday(term_start) - _monday(first_week))
        anchor = dt.date(old_year, 7, 1)
        return _Weeks(same_weekday_near(anchor, year - old_year) - anchor)
    new_start = term_start or same_weekday_near(old_start, year - old_year)
    shift = _monday(new_start) - _monday(old_start)
    old_end = _timestamp(_member(term, "end")[1])
    new_end = None if old_end is None else old_end + shift
    if old_end is not None and term_start is None:
        new_end = same_weekday_near(old_end, year - old_year)
    return _Weeks(shift, True, old_start, new_start, old_end, new_end)


def _week_spans(root, weeks: _Weeks) -> dict[int, tuple[dt.date, tuple[str, str] | None]]:
    """The new dates of each `span:` that is a week (迎检周 2020-10-12 to 10-16), by the id of its date nodes,
    with (old, new) on its start to list: such a span moves with the weeks as a printed week does."""
    import yaml

    moved: dict[int, tuple[dt.date, tuple[str, str] | None]] = {}

    def walk(node) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if key.value == "span" and isinstance(value, yaml.MappingNode):
                    start_node, end_node = _member(value, "start")[1], _member(value, "end")[1]
                    start, end = _timestamp(start_node), _timestamp(end_node)
                    week = None if start is None or end is None else weeks.moved(start, end)
                    if week is not None and week != (start, end):
                        assert start is not None and end is not None
                        old = tr("{start} 至 {end}", start=start.isoformat(), end=end.isoformat())
                        new = tr("{start} 至 {end}", start=week[0].isoformat(), end=week[1].isoformat())
                        moved[id(start_node)], moved[id(end_node)] = (week[0], (old, new)), (week[1], None)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                walk(value)

    walk(root)
    return moved


class _Shifter:
    """Moves the years and dates of one plan's text by `delta` years, noting what is not plain arithmetic."""

    def __init__(self, old_year: int, year: int, autumn_term: bool, term_start: dt.date | None = None) -> None:
        self.old_year, self.year, self.delta = old_year, year, year - old_year
        self.february_year = year + 1 if autumn_term else year  # an autumn term's February is in the next year
        self.notes: list[tuple[int, str]] = []  # (line, note)
        self.line = 0
        self.term_start = term_start  # --term-start: the new first day of term, given
        self.term_shift: dt.timedelta | None = None  # how far that moved the term's first week
        self.weeks = _Weeks()  # how printed weeks move (set by rolled_text from the term)
        self.week_moves: list[tuple[int, str, str]] = []  # (line, old, new) of every printed week moved
        self.location: tuple = ()  # of the value being moved
        self.holiday: str | None = None  # the name of the calendar.holidays item whose date is being moved
        # the week a task's own 日期 cell (its deadline:) prints, by the task's location: old and new first and
        # last day (a date in the task's text is of that week)
        self.task_weeks: dict[tuple, tuple[tuple[dt.date, dt.date], tuple[dt.date, dt.date]]] = {}

    def near(self, year: int) -> bool:
        return abs(year - self.old_year) <= YEAR_WINDOW

    def _short(self, digits: str) -> int | None:
        """The year a two-digit year (20年) names when it is near the plan's year; None otherwise (a two-digit
        number far from it is a count, 工作15年, and left alone without a note)."""
        year = near_century(digits, self.old_year)
        return year if self.near(year) else None

    def _far(self, written: str) -> str:
        self.notes.append(
            (
                self.line,
                tr(
                    "“{written}”离原计划的年度 {year} 年超过 {window} 年，当作引用的年份，没有改",
                    written=written,
                    year=self.old_year,
                    window=YEAR_WINDOW,
                ),
            )
        )
        return written

    def _february(self, year: int, written: str, replacement: str) -> str:
        self.notes.append(
            (self.line, tr("{year} 年不是闰年：“{written}”改为“{new}”", year=year, written=written, new=replacement))
        )
        return replacement

    def text(self, value: str, weeks: bool = False) -> str:
        """The value with its years moved; a document's name in 《》 is a reference and keeps its years (moving
        《2024—2028年教育发展规划》 would name a document that does not exist), with a note. `weeks`: the value is
        where a table prints a week's dates (a label, a time or deadline cell), so its printed weeks move too."""
        parts = DOCUMENT_NAME.split(value)
        for index, part in enumerate(parts):
            if index % 2 == 0:
                parts[index] = self._dates(part) if weeks else _TEXT.sub(self._replace, part)
            elif _TEXT.search(part) and any(self._names_plan_year(m) for m in _TEXT.finditer(part)):
                self.notes.append(
                    (
                        self.line,
                        tr("{title}是文件名，其中的年份没有改；引用的若是新一年的文件，请改写", title=part),
                    )
                )
        return "".join(parts)

    def _dates(self, text: str) -> str:
        """The printed weeks of a text moved as weeks, its other years and dates as years."""
        pieces, at = [], 0
        for match in _WEEK.finditer(text):
            pieces += [_TEXT.sub(self._replace, text[at : match.start()]), self._week(match)]
            at = match.end()
        return "".join([*pieces, _TEXT.sub(self._replace, text[at:])])

    def _names_plan_year(self, match: re.Match[str]) -> bool:
        """Whether a match in a document's name is a year this rollover would have moved."""
        years = [int(match.group(name)) for name in ("r1", "h1", "iy", "y", "wy") if match.group(name)]
        if match.group("cy"):
            years.append(cn_year(match.group("cy")))
        return any(self.near(year) for year in years)

    def _week(self, match: re.Match[str]) -> str:
        """A printed week without its year (8.31-9.4, 3月9日-15日) moved to the same week of the new term (or,
        without a term, the week of the same weekdays nearest a year on), so it keeps its weekdays; any other
        range is left as printed."""
        group = match.group
        written = match.group(0)
        month, day = int(group("m1")), int(group("d1"))
        end_month, end_day = int(group("m2") or month), int(group("d2"))
        year = self.old_year + 1 if self.february_year > self.year and month < 7 else self.old_year
        try:
            start, end = dt.date(year, month, day), dt.date(year, end_month, end_day)
            if end < start:  # 12.28-1.1: into the next year
                end = dt.date(year + 1, end_month, end_day)
        except ValueError:
            return written
        if (month, day) in FIXED_HOLIDAYS:  # 元旦（1.1-1.3）: the holiday is on its date every year
            return written
        moved = self.weeks.moved(start, end, printed=True)
        if moved is None:
            return written
        new_start, new_end = moved
        unit, end_unit = group("u1"), group("u2") or group("u1")
        end_text = f"{new_end.day}"
        if group("m2") or new_end.month != new_start.month:
            end_text = f"{new_end.month}{end_unit}{new_end.day}"
        replacement = f"{new_start.month}{unit}{new_start.day}{group('r1')}{group('sep')}{end_text}{group('r2')}"
        if replacement != written:
            self.week_moves.append((self.line, written, replacement))
        task = _task_of(self.location)
        if task is not None:
            self.task_weeks[task] = ((start, end), moved)
        return replacement

    def week_note(self) -> tuple[int, str] | None:
        """One note for the printed weeks that moved (each changed line is listed anyway)."""
        if not self.week_moves:
            return None
        line, old, new = self.week_moves[0]
        if self.weeks.term:
            note = tr(
                "按周写的日期随学期移到新学期的同一周（星期不变），共 {count} 处，如“{old}”改为“{new}”；"
                "请按新的校历核对",
                count=len(self.week_moves),
                old=old,
                new=new,
            )
        elif self.term_start is not None:  # a plan of weeks without a term, given its new first day
            note = tr(
                "按周写的日期随 --term-start {start} 移到新学期的同一周（往后 {weeks} 周，星期不变），共 {count} 处，"
                "如“{old}”改为“{new}”；请按新的校历核对",
                start=self.term_start.isoformat(),
                weeks=self.weeks.shift.days // 7,
                count=len(self.week_moves),
                old=old,
                new=new,
            )
        else:
            note = tr(
                "按周写的日期移到 {year} 年星期相同的那一周（往后 {weeks} 周），共 {count} 处，如“{old}”改为“{new}”；"
                "计划没有写学期（term），请按新的校历核对",
                year=self.year,
                weeks=self.weeks.shift.days // 7,
                count=len(self.week_moves),
                old=old,
                new=new,
            )
        return line, note

    def _replace(self, match: re.Match[str]) -> str:
        group = match.group
        written = match.group(0)
        if group("r1"):
            first, second = int(group("r1")), int(group("r2"))
            if not (self.near(first) and self.near(second)):
                return self._far(written)
            return f"{first + self.delta}{group('rsep')}{second + self.delta}"
        if group("h1"):
            first = int(group("h1"))
            if int(group("h2")) != (first + 1) % 100:
                return written
            if not self.near(first):
                return self._far(written)
            return f"{first + self.delta}{group('hsep')}{(first + 1 + self.delta) % 100:02d}"
        if group("iy"):
            year = int(group("iy"))
            if not self.near(year):
                return self._far(written)
            month, day = int(group("im")), int(group("id"))
            new_year = year + self.delta
            try:
                dt.date(year, month, day)
            except ValueError:  # not a date (a version number, a total): left alone
                return written
            moved = same_month_day(dt.date(year, month, day), new_year)
            sep = group("isep")
            result = f"{new_year}{sep}{group('im')}{sep}{group('id')}"
            if moved.day != day:
                day_text = f"{moved.day:0{len(group('id'))}d}"
                return self._february(new_year, written, f"{new_year}{sep}{group('im')}{sep}{day_text}")
            return result
        if group("y"):
            year = int(group("y"))
            if not self.near(year):
                return self._far(written)
            new_year = year + self.delta
            result = f"{new_year}年"
            if group("m"):
                result += f"{group('m')}月"
                if group("d"):
                    if int(group("m")) == 2 and int(group("d")) == 29 and not _leap(new_year):
                        return self._february(new_year, written, f"{result}28日")
                    result += f"{group('d')}日"
            return result
        if group("cy"):
            year = cn_year(group("cy"))
            if not self.near(year):
                return self._far(written)
            return as_cn_year(year + self.delta, group("cy"))
        if group("wy"):
            year = int(group("wy"))
            return str(year + self.delta) if self.near(year) else self._far(written)
        if group("s1"):
            first, second = self._short(group("s1")), self._short(group("s2"))
            if first is None or second is None or second - first != 1:
                return written  # not a school year of this plan (a count, a range of something else)
            return f"{(first + self.delta) % 100:02d}{group('ssep')}{(second + self.delta) % 100:02d}"
        if group("sy"):
            year = self._short(group("sy"))
            return written if year is None else f"{(year + self.delta) % 100:02d}"
        if _leap(self.february_year):
            return written
        day = "28" if group("fd") == "29" else "二十八"
        return self._february(self.february_year, written, f"{group('fm')}月{day}日")

    def date(self, day: dt.date, location: tuple) -> dt.date:
        if self.term_start is not None and location[:2] in (("term", "start"), ("term", "end")):
            return self._given_term(day, location)
        if location == ("signature", "date"):
            moved = same_month_day(day, day.year + self.delta)
            self.notes.append(
                (
                    self.line,
                    tr(
                        "落款日期 {old} 改为 {new}（{weekday}）：请改成新计划的印发日期",
                        old=day.isoformat(),
                        new=moved.isoformat(),
                        weekday=localized(WEEKDAYS[moved.weekday()]),
                    ),
                )
            )
            return moved
        if location[:2] in WEEKDAY_KEPT:
            moved = same_weekday_near(day, self.delta)
            what = tr("学期的开始日") if location == ("term", "start") else tr("学期的结束日")
            weekday = localized(WEEKDAYS[day.weekday()])
            self.notes.append(
                (
                    self.line,
                    tr(
                        "{what} {old}（{weekday}）改为 {new}（{weekday}）：同是{weekday}，离 {same} 最近；"
                        "请按本年的校历核对",
                        what=what,
                        old=day.isoformat(),
                        new=moved.isoformat(),
                        weekday=weekday,
                        same=same_month_day(day, day.year + self.delta).isoformat(),
                    ),
                )
            )
            return moved
        moved = same_month_day(day, day.year + self.delta)
        festival = next((word for word in LUNAR if self.holiday and word in self.holiday), None)
        if festival is not None and location[:2] == ("calendar", "holidays"):
            return self._festival(day, moved, festival)
        if moved.day != day.day:
            self.notes.append(
                (
                    self.line,
                    tr(
                        "{year} 年不是闰年：{old} 改为 {new}",
                        year=moved.year,
                        old=day.isoformat(),
                        new=moved.isoformat(),
                    ),
                )
            )
        return moved

    def _festival(self, day: dt.date, moved: dt.date, festival: str) -> dt.date:
        """A local holiday named after a festival of the lunar calendar (or 清明, a solar term) moves with the
        festival, as many days from it as before (除夕 the day before 春节); one whose festival's day is not
        known (元宵, 重阳 …) keeps its month and day, which is not the festival's day in the new year: said, to be
        set from the new year's holiday notice."""
        from aidplan.plan.festivals import NAMES, festival_day

        key = "春节" if festival == "除夕" else NAMES.get(festival)
        old_day = None if key is None else festival_day(key, day.year)
        new_day = None if key is None else festival_day(key, moved.year)
        if old_day is not None and new_day is not None and abs((day - old_day).days) <= 10:
            new = new_day + (day - old_day)
            self.notes.append(
                (
                    self.line,
                    tr(
                        "calendar.holidays 的“{name}” {old} 改为 {new}：随{festival}移动（{year} 年的{festival}是 "
                        "{day}）；请照 {year} 年的放假通知核对",
                        name=self.holiday,
                        old=day.isoformat(),
                        new=new.isoformat(),
                        festival=key,
                        year=new_day.year,
                        day=new_day.isoformat(),
                    ),
                )
            )
            return new
        self.notes.append(
            (
                self.line,
                tr(
                    "calendar.holidays 的“{name}”是农历节日：{old} 按月日移到 {new}，不是 {year} 年的{name}；"
                    "请照 {year} 年的放假通知改这一天",
                    name=self.holiday,
                    old=day.isoformat(),
                    new=moved.isoformat(),
                    year=moved.year,
                ),
            )
        )
        return moved

    def _given_term(self, day: dt.date, location: tuple) -> dt.date:
        """The term's first day as --term-start gives it; its last day moved by as many whole weeks as the first
        week moved, so the term keeps its length and its last day its weekday."""
        assert self.term_start is not None
        if location[:2] == ("term", "start"):
            self.term_shift = _monday(self.term_start) - _monday(day)
            self.notes.append(
                (
                    self.line,
                    tr(
                        "学期的开始日 {old} 改为 {new}（--term-start）",
                        old=day.isoformat(),
                        new=self.term_start.isoformat(),
                    ),
                )
            )
            return self.term_start
        moved = day + (self.term_shift or dt.timedelta())
        self.notes.append(
            (
                self.line,
                tr(
                    "学期的结束日 {old}（{weekday}）改为 {new}（{weekday}）：学期的周数不变；请按本年的校历核对",
                    old=day.isoformat(),
                    new=moved.isoformat(),
                    weekday=localized(WEEKDAYS[day.weekday()]),
                ),
            )
        )
        return moved


def _task_of(location: tuple) -> tuple | None:
    """The location of the task whose `deadline:` (or `deadline: {text:}`) is at `location`, else None."""
    for tail in (("deadline",), ("deadline", "text")):
        head = location[: -len(tail)]
        if location[-len(tail) :] == tail and len(head) >= 2 and head[-2] == "tasks" and isinstance(head[-1], int):
            return head
    return None


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def scalars(node, location: tuple = (), strings: bool = False):
    """Every scalar value (not key) of a composed YAML node, with its location; only text ones with `strings`."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from scalars(value, (*location, key.value), strings)
    elif isinstance(node, yaml.SequenceNode):
        for index, value in enumerate(node.value):
            yield from scalars(value, (*location, index), strings)
    elif isinstance(node, yaml.ScalarNode) and (not strings or node.tag.endswith(":str")):
        yield node, location


def _date_text(day: dt.date, written: str) -> str:
    if re.fullmatch(r"\d{4}-\d\d-\d\d", written):
        return day.isoformat()
    return f"{day.year}-{day.month}-{day.day}"


def _member(node, key: str):
    """The key and value nodes of `key` in a mapping node, or (None, None)."""
    import yaml

    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            if key_node.value == key:
                return key_node, value
    return None, None


def _dropped_workdays(text: str, root, old_year: int, year: int) -> tuple[list[tuple[int, int, str]], list[int], str]:
    """The edits that empty `calendar.workdays` (a make-up workday is that year's arrangement: moving it would
    invent one), the lines commented out, and the note. A flow list becomes `[]`; a block list becomes `[]`
    with its items kept as comments, so every line stays where it was."""
    import yaml

    key, workdays = _member(_member(root, "calendar")[1], "workdays")
    if not isinstance(workdays, yaml.SequenceNode) or not workdays.value:
        return [], [], ""
    days = tr("、").join(text[item.start_mark.index : item.end_mark.index] for item in workdays.value)
    note = tr(
        "调休上班日 {days} 是 {old_year} 年的安排（每年随国务院办公厅的放假通知而定），没有移到 {year} 年，已删去；"
        "{year} 年的调休上班日请照当年的通知写进 calendar.workdays，或写进日历文件 {year}.calendar.yaml"
        "（见 README 的“Next year's calendar”）",
        days=days,
        old_year=old_year,
        year=year,
    )
    if workdays.flow_style:
        return [(workdays.start_mark.index, workdays.end_mark.index, "[]")], [], note
    colon = text.index(":", key.end_mark.index)
    edits = [(colon + 1, colon + 1, " []")]
    lines = []
    # a block list ends where the next key starts: its last line is that of its last character
    first, last = workdays.start_mark.line, text.count("\n", 0, len(text[: workdays.end_mark.index].rstrip()))
    starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
    for line in range(first, last + 1):
        begin = starts[line]
        content = text[begin : starts[line + 1] if line + 1 < len(starts) else len(text)]
        if content.strip():
            indent = len(content) - len(content.lstrip(" "))
            edits.append((begin + indent, begin + indent, "# "))
            lines.append(line + 1)
    return edits, lines, note


def _holiday_names(root) -> dict[int, str]:
    """The name of each calendar.holidays item, by the id of its date node."""
    import yaml

    _, holidays = _member(_member(root, "calendar")[1], "holidays")
    names = {}
    for item in holidays.value if isinstance(holidays, yaml.SequenceNode) else []:
        _, date = _member(item, "date")
        _, name = _member(item, "name")
        if date is not None and isinstance(name, yaml.ScalarNode):
            names[id(date)] = name.value
    return names


def _key_line(root) -> int:
    """The line of `workdays:` in the plan's calendar."""
    key, _ = _member(_member(root, "calendar")[1], "workdays")
    return key.start_mark.line + 1


@dataclass
class Overrides:
    """What the command line says instead of the old plan: --title, --org, --term-start."""

    title: str | None = None
    organisation: str | None = None
    term_start: dt.date | None = None
    first_week: dt.date | None = None  # a plan without a term: the first day its 第一周 prints (set by rollover)


def _override_edits(text: str, root, overrides: Overrides) -> list[tuple[int, int, str]]:
    from aidplan.ingest.new import yaml_scalar

    edits = []
    newline = "\r\n" if "\r\n" in text else "\n"

    def scalar(value: str) -> str:
        """The value written for where it goes: in a flow mapping , [ ] { } end a plain value."""
        import json

        written = yaml_scalar(value)
        if root.flow_style and written == value and re.search(r"[,\[\]{}]", value):
            return json.dumps(value, ensure_ascii=False)
        return written

    for key, value in (("title", overrides.title), ("organisation", overrides.organisation)):
        if value is None:
            continue
        _, node = _member(root, key)
        if node is not None:
            # the whole value, whatever its form (a block list or block scalar over several lines ends where
            # the next key starts: its line ends are kept, as blank lines, so every later line stays where it was)
            start, end = node.start_mark.index, node.end_mark.index
            end = start + len(text[start:end].rstrip())
            lines = text.count("\n", start, end)
            edits.append((start, end, scalar(value) + newline * lines))
        elif root.flow_style:  # {title: …, year: …}: the key goes inside the braces, after the title
            _, title = _member(root, "title")
            at = title.end_mark.index if title is not None else root.start_mark.index + 1
            edits.append((at, at, f", {key}: {scalar(value)}" if title is not None else f"{key}: {scalar(value)}, "))
        else:  # a line of its own after the title's (or at the top): the one edit that adds a line
            _, title = _member(root, "title")
            at = text.find("\n", title.end_mark.index) + 1 if title is not None else 0
            edits.append((at, at, f"{key}: {scalar(value)}{newline}"))
    return edits


def rolled_text(
    text: str, old_year: int, year: int, autumn_term: bool, overrides: Overrides | None = None
) -> tuple[str, list[tuple[int, str]]]:
    """The plan's text with its years and dates moved to `year`, and the notes (line, note) of what was not
    plain arithmetic. Only the characters of values change: comments, keys, quoting and layout stay (an
    --org for a plan without `organisation:` adds its line)."""
    text, notes, shifter = _rolled(text, old_year, year, autumn_term, overrides)
    week_note = shifter.week_note()
    return text, notes + ([week_note] if week_note else [])


def _rolled(
    text: str, old_year: int, year: int, autumn_term: bool, overrides: Overrides | None = None
) -> tuple[str, list[tuple[int, str]], _Shifter]:
    """rolled_text's text and notes, but for the note on the printed weeks: the shifter that keeps them (the
    dates in task texts move with their weeks afterwards, and are counted in it)."""
    import yaml

    overrides = overrides or Overrides()
    shifter = _Shifter(old_year, year, autumn_term, overrides.term_start)
    edits: list[tuple[int, int, str]] = []
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    shifter.weeks = _plan_weeks(root, old_year, year, overrides.term_start, overrides.first_week)
    week_spans = _week_spans(root, shifter.weeks)
    holiday_names = _holiday_names(root)
    dropped, _, note = _dropped_workdays(text, root, old_year, year)
    if note:
        _, workdays = _member(_member(root, "calendar")[1], "workdays")
        shifter.notes.append((workdays.start_mark.line + 1 if workdays.flow_style else _key_line(root), note))
    edits += dropped
    edits += _override_edits(text, root, overrides)
    overridden = {("title",)} if overrides.title is not None else set()
    if overrides.organisation is not None:
        overridden.add(("organisation",))
    for node, location in scalars(root):
        if (location[:2] == ("calendar", "workdays") and dropped) or location[:1] in overridden:
            continue
        start, end = node.start_mark.index, node.end_mark.index
        written = text[start:end]
        shifter.line = node.start_mark.line + 1
        shifter.location = location
        shifter.holiday = holiday_names.get(id(node))
        if node.tag.endswith(":int") and location == ("year",):
            replacement = str(year)
        elif location == ("year",) and str(old_year) in written:  # year: "2026", year: 2026.0
            replacement = written.replace(str(old_year), str(year), 1)
        elif node.tag.endswith(":timestamp") or (
            location[-1:] in (("start",), ("end",), ("date",)) and _timestamp(node)
        ):
            value = _timestamp(node)
            if value is None:  # a date and time
                continue
            quote = written[0] if written[:1] in ("'", '"') else ""
            written = written[len(quote) : len(written) - len(quote)]
            start, end = start + len(quote), end - len(quote)
            if id(node) in week_spans:
                day, listed = week_spans[id(node)]
                replacement = _date_text(day, written)
                if listed is not None:
                    shifter.week_moves.append((shifter.line, *listed))
            else:
                replacement = _date_text(shifter.date(value, location), written)
        elif node.tag.endswith(":str"):
            weeks = bool(location) and (location[-1] in WEEK_PLACES or location[-2:] == ("deadline", "text"))
            replacement = shifter.text(written, weeks)
            if location == ("signature", "date") and replacement != written:  # 2026年2月27日, as printed
                shifter.notes.append(
                    (
                        shifter.line,
                        tr("落款日期“{old}”改为“{new}”：请改成新计划的印发日期", old=written, new=replacement),
                    )
                )
        else:
            continue
        if replacement != written:
            edits.append((start, end, replacement))
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1]), reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, shifter.notes, shifter


def _modeline(text: str, source: Path, target: Path) -> str:
    """The schema modeline's relative path, made relative to where the new plan is written."""
    found = MODELINE.search(text)
    if found is None or "://" in found.group(2) or os.path.isabs(found.group(2)):
        return text
    schema = os.path.normpath(os.path.join(source.resolve().parent, found.group(2)))
    moved = Path(os.path.relpath(schema, target.resolve().parent)).as_posix()
    return text[: found.start(2)] + moved + text[found.end(2) :]


def _comment_lines(text: str, year: int, skipped: set[int]) -> list[int]:
    """Lines with a comment that names the year (a whole-line comment, or one after a value: `year: 2029   # 计划
    年度 2028`): kept as written, listed for the office to look at. The comments `aidplan import` wrote at the
    top (where the plan came from, its guesses) and the lines commented out here (`skipped`) describe the old
    plan and are not listed."""
    lines = text.splitlines()
    imported = 0
    if lines and lines[0].startswith("#") and "aidplan import" in lines[0]:
        while imported < len(lines) and lines[imported].lstrip().startswith("#"):
            imported += 1
    comments = _comments(text)
    return [
        number
        for number, line in enumerate(lines, start=1)
        if number > imported
        and number not in skipped
        and str(year) in comments.get(number, "")
        and "yaml-language-server" not in comments.get(number, "")
    ]


def _comments(text: str) -> dict[int, str]:
    """The comment of each line that has one, by line number: from a # at the line's start or after a space that
    is inside no value (a quoted value may hold “ #”)."""
    import yaml

    spans = []

    def walk(node) -> None:
        if isinstance(node, yaml.ScalarNode):
            spans.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key)
                walk(value)
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                walk(value)

    try:
        walk(yaml.compose(text, Loader=yaml.SafeLoader))
    except yaml.YAMLError:  # not YAML (check says why): the whole-line comments only
        return {n: line.strip() for n, line in enumerate(text.splitlines(), start=1) if line.lstrip().startswith("#")}
    found, at = {}, 0
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        for index, character in enumerate(line):
            where = at + index
            if (
                character == "#"
                and (index == 0 or line[index - 1] in " \t")
                and not any(start <= where < end for start, end in spans)
            ):
                found[number] = line[index:].rstrip("\r\n")
                break
        at += len(line)
    return found


def _changed_lines(old_text: str, new_text: str, inserted: int | None) -> list[ChangedLine]:
    """The lines that differ, numbered in the new file; `inserted`: the index of a line --org added (listed
    with an empty old line), after which the lines are one further down."""
    new_lines = new_text.splitlines()
    changed = []
    if inserted is not None:
        changed.append(ChangedLine(inserted + 1, "", new_lines[inserted].strip()))
        del new_lines[inserted]
    for index, (old, new) in enumerate(zip(old_text.splitlines(), new_lines)):
        if old != new:
            number = index + 1 + (1 if inserted is not None and index >= inserted else 0)
            changed.append(ChangedLine(number, old.strip(), new.strip()))
    return sorted(changed, key=lambda change: change.line)


def _plan_of(path: Path, text: str):
    """The plan the new text states, scheduled; None when it does not load (check then says why)."""
    from pydantic import ValidationError

    from aidplan.plan.loading import LoadFailure, parse_document
    from aidplan.plan.model import Plan
    from aidplan.plan.schedule import schedule

    try:
        document = parse_document(path, text)
        plan = Plan.model_validate(document.data)
        return plan, document, schedule(plan)
    except (LoadFailure, ValidationError, ValueError):
        return None


def _term_notes(old, new) -> list[tuple[int, str]]:
    """What the moved term leaves outside it that the old term held: a task's own date (休业式 on 1月23日, now a
    day after the term), or a group's dates (a week now past the term's end)."""
    from aidplan.plan.checks import own_dated_tasks, tasks_outside_term
    from aidplan.plan.schedule import plan_term

    old_plan, _, old_periods = old
    plan, document, periods = new
    term, old_term = plan_term(plan), plan_term(old_plan)
    if term is None or old_term is None:
        return []
    term_dates = tr("{start} 至 {end}", start=term.start.isoformat(), end=term.end.isoformat())
    inside_before = {
        (item.where, task.id)
        for item, task, day in own_dated_tasks(old_plan, old_periods)
        if old_term.start <= day <= old_term.end
    }
    notes = []
    for item, task, day in tasks_outside_term(plan, periods, False):
        if (item.where, task.id) not in inside_before:  # outside already, or with no date of its own before
            continue
        where = (*item.where, "tasks", task.entry_index) if task.entry_index is not None else (*item.where, "label")
        notes.append(
            (
                document.position(where)[0],
                tr(
                    "任务 {id}“{text}”的日期 {day} 在新学期（{term_dates}）之外，原计划中在学期之内；"
                    "请按新的校历核对任务的日期或学期的起止日期",
                    id=task.id,
                    text=task.text,
                    day=day.isoformat(),
                    term_dates=term_dates,
                ),
            )
        )
    old_spans = {item.where: item.span for item in old_periods}
    for item in periods:
        span, old_span = item.span, old_spans.get(item.where)
        if span is None or old_span is None or item.kind != "time":
            continue
        was_inside = old_term.start <= old_span.start and old_span.end <= old_term.end
        was_touching = not (old_span.start > old_term.end or old_span.end < old_term.start)
        inside = term.start <= span.start and span.end <= term.end
        touching = not (span.start > term.end or span.end < term.start)
        if (was_inside and not inside) or (was_touching and not touching):
            notes.append(
                (
                    document.position((*item.where, "label"))[0],
                    tr(
                        "“{label}”（{start} 至 {end}）超出了新学期（{term_dates}），原计划中在学期之内；"
                        "请按新的校历核对",
                        label=item.period.label,
                        start=span.start.isoformat(),
                        end=span.end.isoformat(),
                        term_dates=term_dates,
                    ),
                )
            )
    return notes


def rollover(
    source: Path,
    target: Path,
    year: int | None = None,
    force: bool = False,
    overrides: Overrides | None = None,
) -> Rollover:
    """Write next year's plan at `target` from the plan at `source`; returns what changed. The source is read,
    never written; the target is written atomically, and an existing target only with `force`."""
    from aidplan.ingest.new import require_term_year
    from aidplan.plan.loading import load_plan, read_text

    overrides = overrides or Overrides()
    refuse_existing(target, force)
    if not source.exists():
        raise UsageError(tr("找不到 {path}", path=shown(source)))
    loaded = load_plan(source)
    if loaded.plan is None:
        raise FindingsError(loaded.findings, tr("{path} 有错误，没有写出新计划；请先改正它", path=shown(source)))
    plan = loaded.plan
    if overrides.term_start is not None:
        if plan.term is None:
            overrides.first_week = _first_week(plan)
        if plan.term is None and overrides.first_week is None:
            raise UsageError(
                tr(
                    "{path} 没有学期（term），也没有印出日期的“第一周”，--term-start 只用于学期计划和按周的计划",
                    path=shown(source),
                )
            )
        if year is None:
            year = overrides.term_start.year
        require_term_year(year, overrides.term_start)
    year = plan.year + 1 if year is None else year
    from aidplan.plan.model import DATE_WINDOW

    require_plan_year(year)
    if year == plan.year:
        raise UsageError(tr("{path} 已经是 {year} 年的计划；请用 --year 给出新的年度", path=shown(source), year=year))
    text = read_text(source, role="原计划")
    autumn = plan.term is not None and plan.term.start.month >= 7
    new_text, notes, shifter = _rolled(text, plan.year, year, autumn, overrides)
    inserted = None  # the index of the line --org adds after the title, when the plan has no organisation
    if len(new_text.splitlines()) > len(text.splitlines()):
        inserted = _title_end_line(text) + 1
        notes = [(line + 1 if line > inserted else line, note) for line, note in notes]
        shifter.week_moves = [(line + 1 if line > inserted else line, *rest) for line, *rest in shifter.week_moves]
    new_text = _modeline(new_text, source, target)
    moved = _plan_of(target, new_text)
    old_periods = _schedule(plan)
    new_text, text_notes = _task_texts(new_text, old_periods, moved, shifter, plan.year, year)
    notes += text_notes
    import yaml

    from aidplan.ingest.textdates import printed_weekdays

    try:
        new_text, weekday_notes = printed_weekdays(new_text, plan.year, year, autumn)
        notes += weekday_notes
    except yaml.YAMLError:  # the text so far is not YAML: check says why
        pass
    moved = _plan_of(target, new_text)
    week_note = shifter.week_note()
    if week_note is not None:
        notes.append(week_note)
    if moved is not None and loaded.document is not None:
        notes += _term_notes((plan, loaded.document, old_periods), moved)
    bom = b"\xef\xbb\xbf" if source.read_bytes().startswith(b"\xef\xbb\xbf") else b""
    write_atomic(target, bom + new_text.encode("utf-8"))
    result = Rollover(source, target, plan.year, year)
    result.changed = _changed_lines(text, new_text, inserted)
    result.notes = [
        tr("第 {line} 行：{note}", line=line, note=note) for line, note in sorted(notes, key=lambda n: n[0])
    ]
    commented = {change.line for change in result.changed if change.new.startswith("#")}
    comments = _comment_lines(new_text, plan.year, commented)
    if comments:
        listed = tr("、").join(str(n) for n in comments)
        result.notes.append(
            tr("注释没有改：第 {lines} 行的注释提到 {year} 年，请按需修改", lines=listed, year=plan.year)
        )
    if abs(year - plan.year) > DATE_WINDOW:
        result.notes.append(tr("新年度与原计划相隔 {years} 年：请逐项核对日期", years=abs(year - plan.year)))
    return result


def _task_texts(text: str, old_periods, moved, shifter: _Shifter, old_year: int, year: int):
    """The text with the dates printed in task texts moved with their weeks (and the notes on those left as
    printed); `moved`: the new plan as the text so far states it, scheduled (None: it does not load, and no
    week is known to have moved)."""
    import yaml

    from aidplan.ingest.textdates import TaskDates, moved_task_dates, week_moves

    moves = {} if moved is None else week_moves(old_periods, moved[2])
    dates = TaskDates(moves, old_periods, shifter.weeks, old_year, year, shifter.task_weeks)
    try:
        text = moved_task_dates(text, dates)
    except yaml.YAMLError:  # the text so far is not YAML (check says why): nothing more is moved
        return text, []
    shifter.week_moves += dates.moved
    shifter.week_moves.sort(key=lambda move: move[0])
    return text, dates.notes


def _first_week(plan) -> dt.date | None:
    """The first day of the week labelled 第一周 (第1周) in a plan without a term, from its printed dates."""
    for item in _schedule(plan):
        label = item.period.label.strip()
        if item.span is not None and item.kind == "time" and re.match(r"第\s*(?:一|1)\s*周", label):
            return item.span.start
    return None


def _title_end_line(text: str) -> int:
    """The index of the line the title's value ends on (-1: no title; --org's line then goes first)."""
    import yaml

    _, title = _member(yaml.compose(text, Loader=yaml.SafeLoader), "title")
    return -1 if title is None else text.count("\n", 0, title.end_mark.index)


def _schedule(plan):
    from aidplan.plan.schedule import schedule

    return schedule(plan)


@dataclass(frozen=True)
class Unfinished:
    """A task of the old plan still open in its progress file, as `status` would show it."""

    id: str
    period: str
    text: str
    status: str


def unfinished_tasks(source: Path, today: dt.date) -> tuple[Path, list[Unfinished] | None, str | None]:
    """The progress file beside the old plan and its tasks still to do or in progress as of `today` (monthly and
    weekly occurrences aside: the duty itself is in the new plan); None with the reason when they cannot be
    listed."""
    from aidplan.plan.loading import load_plan
    from aidplan.track.paths import progress_path
    from aidplan.track.progress import load_progress
    from aidplan.track.statuses import OPEN_STATUSES
    from aidplan.track.tracking import status_for_plan

    progress = progress_path(source)
    if not progress.exists():
        return progress, None, tr("没有进度文件")
    loaded = load_progress(progress)
    if loaded.findings:
        return progress, None, tr("进度文件有错误（运行 aidplan check 查看）")
    plan = load_plan(source).plan
    assert plan is not None  # rollover refused a plan that does not load
    report = status_for_plan(source, plan, loaded.records, today)
    return (
        progress,
        [
            Unfinished(item.id, item.period, item.text, status)
            for item, status, _, _ in report.rows
            if status in OPEN_STATUSES and item.source not in ("monthly", "weekly", "recurring")
        ],
        None,
    )
