"""Dates printed in a task's own text, on `new --from` (after the years and the printed weeks have moved).

A 行事历 prints its weeks' dates in a 日期 cell and again in the tasks: `8月31日—9月4日新生入学教育`,
`1月23日休业式`. When the week moves to the same week of the new term, a day or range of that week printed in a
task moves with it, keeping its weekday (`1月23日` → `1月22日`, both Fridays), and a range that is the week's own
days becomes the new week's days (`8月31日—9月4日` → `9月1日—9月3日` when the new term starts on a Wednesday).

What does not move, with the reason named where the office has to look:
- a deadline (`9月4日前`, `截止9月4日`): deadlines keep their month and day; named when it leaves its week (but
  a deadline that prints its weekday, `9月18日（星期五）前`, is that weekday's and moves with its week);
- a day that is the same every year (教师节 9.10, 国庆 10.1, a range from 1.1/5.1/10.1): kept; named when it
  leaves its week;
- a festival of the lunar calendar (中秋, 端午, 重阳 …): its date changes every year: always named;
- a day of the week that would move out of the new week (the new term starts later in that week): named;
- a range that runs out of its week: named;
- in a task that is not in a week, a range printed as a week (Monday to Friday: `宣传周（3.9-3.13）`): kept, and
  named with the same weekdays in the new year, since whether it is that week or those days only the office knows.
Single days elsewhere keep their month and day without a word, as deadlines do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from aidplan.ingest.rollover import _UNIT, _WEEK, FIXED_HOLIDAYS, LUNAR, _monday, _Weeks, same_month_day, scalars
from aidplan.messages import localized, tr
from aidplan.plan.workdays import WEEKDAYS

# one printed day without its year: 9月1日, 9.10; not 2026.9.1 (a year's), 第2.3条, 3.5万元
_DAY = re.compile(r"(?<![0-9.年/第])(?P<m>[0-9]{1,2})(?P<u>\.|月)(?P<d>[0-9]{1,2})(?![0-9.])(?P<r>日?)")
_NOT_A_DAY = re.compile(rf"{_UNIT}|\s*[条款章节版号册期]")
_WEEKDAY_AFTER = re.compile(r"\s*[（(](?:星期|周|礼拜)[一二三四五六日天][）)]")
_DEADLINE_AFTER = re.compile(r"(?:\s*[（(](?:星期|周|礼拜)[一二三四五六日天][）)])?\s*(?:前|以前|之前)")
_DEADLINE_BEFORE = re.compile(r"(?:截止|截至)\s*$")
_CLAUSE_END = "；;。，,\n"
# days that are the same every year, and the words a plan names them by
FIXED_DAYS: dict[tuple[int, int], tuple[str, ...]] = {
    (1, 1): ("元旦",),
    (3, 5): ("学雷锋", "雷锋"),
    (3, 8): ("妇女节", "三八"),
    (3, 12): ("植树节",),
    (3, 15): ("消费者权益",),
    (4, 15): ("国家安全教育日",),
    (4, 23): ("读书日",),
    (5, 1): ("劳动节", "五一"),
    (5, 4): ("青年节", "五四"),
    (5, 12): ("防灾减灾日",),
    (6, 1): ("儿童节", "六一"),
    (6, 5): ("环境日",),
    (6, 26): ("禁毒日",),
    (7, 1): ("建党", "七一"),
    (8, 1): ("建军节", "八一"),
    (9, 3): ("抗战胜利", "抗日战争胜利"),
    (9, 10): ("教师节",),
    (9, 18): ("九一八",),
    (9, 20): ("爱牙日",),
    (9, 30): ("烈士纪念日",),
    (10, 1): ("国庆",),
    (10, 13): ("建队日",),
    (11, 9): ("消防日",),
    (12, 1): ("艾滋病日",),
    (12, 2): ("交通安全日",),
    (12, 4): ("宪法",),
    (12, 9): ("一二·九", "一二九", "一二•九"),
    (12, 13): ("公祭日",),
}


@dataclass(frozen=True)
class WeekMove:
    """A week group's old and new first and last day."""

    label: str
    old: tuple[dt.date, dt.date]
    new: tuple[dt.date, dt.date]

    @property
    def shift(self) -> dt.timedelta:
        return _monday(self.new[0]) - _monday(self.old[0])

    def holds(self, start: dt.date, end: dt.date) -> bool:
        return self.old[0] <= start and end <= self.old[1]

    def new_holds(self, start: dt.date, end: dt.date) -> bool:
        return self.new[0] <= start and end <= self.new[1]


def _is_week(span) -> bool:
    return span is not None and (span.end - span.start).days <= 6 and _monday(span.start) == _monday(span.end)


def week_moves(old_periods, new_periods) -> dict[tuple, WeekMove]:
    """The week groups (a time group of at most one Monday-to-Sunday week) of the old plan and where each went in
    the new one, by the group's location in the YAML."""
    new_spans = {item.where: item.span for item in new_periods}
    moves = {}
    for item in old_periods:
        new = new_spans.get(item.where)
        if item.kind == "time" and _is_week(item.span) and _is_week(new):
            moves[item.where] = WeekMove(item.period.label, (item.span.start, item.span.end), (new.start, new.end))
    return moves


def _iso(days: tuple[dt.date, dt.date]) -> str:
    if days[0] == days[1]:
        return days[0].isoformat()
    return tr("{start} 至 {end}", start=days[0].isoformat(), end=days[1].isoformat())


def _weekdays(start: dt.date, end: dt.date) -> str:
    first = localized(WEEKDAYS[start.weekday()])
    return first if start == end else tr("{first}至{last}", first=first, last=localized(WEEKDAYS[end.weekday()]))


class TaskDates:
    """Moves or names the dates printed in task texts; `moves`: the week groups by location, `weeks`: how the
    plan's printed weeks move (for a range printed as a week in a task of no week)."""

    def __init__(
        self, moves: dict[tuple, WeekMove], old_periods, weeks: _Weeks, old_year: int, year: int, task_weeks=None
    ):
        self.moves = moves
        labels = {item.where: item.period.label for item in old_periods}
        # a task's own printed week (its 日期 cell) is its week rather than its group's
        self.task_weeks = {
            task: WeekMove(labels.get(task[:-2], ""), old, new) for task, (old, new) in (task_weeks or {}).items()
        }
        self.spans = {item.where: item.span for item in old_periods}
        self.weeks, self.old_year, self.year = weeks, old_year, year
        self.autumn = weeks.term and weeks.old_start is not None and weeks.old_start.month >= 7
        self.notes: list[tuple[int, str]] = []
        self.moved: list[tuple[int, str, str]] = []  # (line, old, new) of each date moved with its week
        self.line = 0

    def text(self, value: str, where: tuple, line: int, task: tuple = ()) -> str:
        """A task's text (as written in the YAML, quotes included) with the dates of its week moved; `where`: its
        group's location, `task`: its own."""
        self.line = line
        week = self.task_weeks.get(task) or self.moves.get(where)
        pieces, at = [], 0
        for match in _dates(value):
            replacement = self._date(value, match, week, self.spans.get(where))
            if replacement is not None:
                pieces += [value[at : match.start()], replacement]
                at = match.end()
        return "".join([*pieces, value[at:]])

    def _year(self, month: int, day: int, span) -> int:
        """The year a day printed without one is in: that of its group's dates nearest it, else the plan's (an
        autumn term's January to June in the next)."""
        if span is None:
            return self.old_year + 1 if self.autumn and month < 7 else self.old_year

        def distance(year: int) -> int:
            when = dt.date(year, month, min(day, 28))
            return 0 if when in span else min(abs((when - span.start).days), abs((when - span.end).days))

        return min(range(span.start.year - 1, span.end.year + 2), key=distance)

    def _date(self, text: str, match: re.Match[str], week: WeekMove | None, span) -> str | None:
        group = match.group
        written = group(0)
        ranged = "d2" in match.re.groupindex
        month = int(group("m1") if ranged else group("m"))
        day = int(group("d1") if ranged else group("d"))
        end_month = int(group("m2") or month) if ranged else month
        end_day = int(group("d2")) if ranged else day
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = self._year(month, day, span)
        try:
            start = dt.date(year, month, day)
            end = dt.date(year, end_month, end_day)
            if end < start:
                end = dt.date(year + 1, end_month, end_day)
        except ValueError:
            return None
        clause = _clause(text, match.start(), match.end())
        fixed = _fixed(start, clause)
        lunar = next((word for word in LUNAR if word in clause), None)
        deadline = not ranged and (
            _DEADLINE_AFTER.match(text, match.end()) or _DEADLINE_BEFORE.search(text, 0, match.start())
        )
        # a day printed with its weekday (9月18日（星期五）前) is that weekday's: it moves with its week even as a
        # deadline, so the printed weekday stays true
        weekday = not ranged and _WEEKDAY_AFTER.match(text, match.end())
        if lunar is not None and fixed is None:
            self._note(
                tr(
                    "任务文字中的“{written}”是{festival}的日期，每年不同，照印的保留；请按 {year} 年的日历核对",
                    written=written,
                    festival=lunar,
                    year=self.year,
                )
            )
            return None
        moves = list(self.moves.values())
        home = week if week is not None and (week.holds(start, end) or _overlaps(week, start, end)) else None
        if home is None:
            home = next((move for move in moves if move.holds(start, end)), None)
        if home is None:
            if fixed is not None or deadline:
                return None
            term_day = None if ranged else self._term_day(start)
            if term_day is not None:
                return self._moved(match, term_day, term_day)
            if week is not None and lunar is None:  # a week's task naming days of no week of the plan
                self._outside_weeks(match, start, end)
            elif ranged:
                self._week_shaped(match, start, end)
            return None
        delta = self.year - self.old_year
        kept = (same_day(start, delta), same_day(end, delta))
        if deadline and start == home.old[1]:  # 9月4日前 in a week printed 8.31-9.4: the week's last day
            return self._moved(match, home.new[1], home.new[1])
        if fixed is not None or (deadline and not weekday and home.holds(start, end)):
            if home.holds(start, end) and not home.new_holds(*kept):
                reason = (
                    tr("是{festival}，每年同一天", festival=fixed)
                    if fixed is not None
                    else tr("是截止日期，截止日期保留月日")
                )
                self._note(
                    tr(
                        "任务文字中的“{written}”{reason}，照印的保留；它已不在“{label}”的新日期（{new}）之内，请核对",
                        written=written,
                        reason=reason,
                        label=home.label,
                        new=_iso(home.new),
                    )
                )
            return None
        if not home.holds(start, end):  # runs out of its week
            self._note(
                tr(
                    "任务文字中的“{written}”跨出了“{label}”（{old}），没有随这一周移动，照印的保留；请按新的校历核对",
                    written=written,
                    label=home.label,
                    old=_iso(home.old),
                )
            )
            return None
        if (start, end) == home.old:
            new_start, new_end = home.new
        else:
            new_start, new_end = start + home.shift, end + home.shift
            if not home.new_holds(new_start, new_end):
                self._note(
                    tr(
                        "任务文字中的“{written}”在“{label}”（{old}）之内，随这一周移到 {moved} 就落在它的新日期"
                        "（{new}）之外，照印的保留；请按新的校历核对",
                        written=written,
                        label=home.label,
                        old=_iso(home.old),
                        moved=_iso((new_start, new_end)),
                        new=_iso(home.new),
                    )
                )
                return None
        return self._moved(match, new_start, new_end)

    def _moved(self, match: re.Match[str], start: dt.date, end: dt.date) -> str:
        ranged = "d2" in match.re.groupindex
        replacement = _printed(match, start, end) if ranged else _printed_day(match, start)
        if replacement != match.group(0):
            self.moved.append((self.line, match.group(0), replacement))
        return replacement

    def _term_day(self, day: dt.date) -> dt.date | None:
        """The new term's first or last day for the old term's printed in a task (1月22日休业式), else None."""
        weeks = self.weeks
        pairs = ((weeks.old_start, weeks.new_start), (weeks.old_end, weeks.new_end))
        return next((new for old, new in pairs if weeks.term and old == day and new is not None), None)

    def _outside_weeks(self, match: re.Match[str], start: dt.date, end: dt.date) -> None:
        """A day or range in a week's task that lies in no week of the plan (9月26日运动会 in 第二周's task, the
        week of 9月26日 not printed): kept, named with the days of the same weekdays."""
        delta = self.year - self.old_year
        new_start, new_end = same_day(start, delta), same_day(end, delta)
        if (new_start.weekday(), new_end.weekday()) == (start.weekday(), end.weekday()):
            return
        ranged = "d2" in match.re.groupindex
        shifted = (start + self.weeks.shift, end + self.weeks.shift)
        self._note(
            tr(
                "任务文字中的“{written}”不在计划列出的任何一周之内，照印的保留：它在 {old_year} 年是{old_days}，"
                "在 {year} 年是{new_days}；星期相同的日子是“{suggested}”，请核对",
                written=match.group(0),
                old_year=self.old_year,
                old_days=_weekdays(start, end),
                year=self.year,
                new_days=_weekdays(new_start, new_end),
                suggested=_printed(match, *shifted) if ranged else _printed_day(match, shifted[0]),
            )
        )

    def _week_shaped(self, match: re.Match[str], start: dt.date, end: dt.date) -> None:
        """A range in a task of no week: kept; named when it is printed as a week (Monday to Friday …), with the
        week of the same weekdays in the new year."""
        if _Weeks(term=False).moved(start, end) is None:
            return
        delta = self.year - self.old_year
        new_start, new_end = same_day(start, delta), same_day(end, delta)
        suggested = self.weeks.moved(start, end) or (start + self.weeks.shift, end + self.weeks.shift)
        written = match.group(0)
        self._note(
            tr(
                "任务文字中的“{written}”照印的保留：它在 {old_year} 年是{old_days}，在 {year} 年是{new_days}；"
                "若是按周安排的，星期相同的那一周是“{suggested}”，请核对",
                written=written,
                old_year=self.old_year,
                old_days=_weekdays(start, end),
                year=self.year,
                new_days=_weekdays(new_start, new_end),
                suggested=_printed(match, *suggested),
            )
        )

    def _note(self, note: str) -> None:
        self.notes.append((self.line, note))


def same_day(day: dt.date, years: int) -> dt.date:
    return same_month_day(day, day.year + years)


def _overlaps(week: WeekMove, start: dt.date, end: dt.date) -> bool:
    return not (end < week.old[0] or start > week.old[1])


def _fixed(start: dt.date, clause: str) -> str | None:
    """The name of the day that is the same every year this date is (a public holiday's first day, or a day the
    clause names: 教师节（9.10）), else None."""
    words = FIXED_DAYS.get((start.month, start.day))
    if words is None:
        return None
    named = next((word for word in words if word in clause), None)
    if named is not None:
        return named
    return words[0] if (start.month, start.day) in FIXED_HOLIDAYS else None


def _clause(text: str, start: int, end: int) -> str:
    """The part of the text around a date up to the nearest ；。， on each side."""
    before = max(text.rfind(mark, 0, start) for mark in _CLAUSE_END)
    after = [found for found in (text.find(mark, end) for mark in _CLAUSE_END) if found >= 0]
    return text[before + 1 : min(after) if after else len(text)]


def _dates(text: str):
    """The printed ranges (the week grammar) and single days of a text, in order, not overlapping."""
    ranges = [match for match in _WEEK.finditer(text)]
    taken = [(match.start(), match.end()) for match in ranges]
    days = [
        match
        for match in _DAY.finditer(text)
        if not any(start < match.end() and match.start() < end for start, end in taken)
        and not (match.group("u") == "." and _NOT_A_DAY.match(text, match.end()))
    ]
    return sorted([*ranges, *days], key=lambda match: match.start())


def _printed(match: re.Match[str], start: dt.date, end: dt.date) -> str:
    """A range printed in the same form as `match` (. or 月, 日, the dash; the end's month where it was or where
    the range now ends in another month)."""
    group = match.group
    unit, end_unit = group("u1"), group("u2") or group("u1")
    end_text = f"{end.day}"
    if group("m2") or end.month != start.month:
        end_text = f"{end.month}{end_unit}{end.day}"
    return f"{start.month}{unit}{start.day}{group('r1')}{group('sep')}{end_text}{group('r2')}"


def _printed_day(match: re.Match[str], day: dt.date) -> str:
    return f"{day.month}{match.group('u')}{day.day}{match.group('r')}"


def task_text_locations(root):
    """Each task text of a composed plan: (scalar node, the location of its group, the task's): a string item of
    a `tasks:` list, or the `text:` of a task written as a mapping."""
    for node, location in scalars(root, strings=True):
        if len(location) >= 2 and location[-2] == "tasks" and isinstance(location[-1], int):
            yield node, location[:-2], location
        elif len(location) >= 3 and location[-1] == "text" and location[-3] == "tasks":
            yield node, location[:-3], location[:-1]


def moved_task_dates(text: str, dates: TaskDates) -> str:
    """The plan's text with the dates of its task texts moved (only inside those values: layout and comments
    stay); `dates` keeps what it moved and its notes (lines of this text)."""
    import yaml

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits = []
    for node, where, task in task_text_locations(root):
        start, end = node.start_mark.index, node.end_mark.index
        written = text[start:end]
        replacement = dates.text(written, where, node.start_mark.line + 1, task)
        if replacement != written:
            edits.append((start, end, replacement))
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


# a day printed with its weekday in brackets: 6月30日（星期二）前, 2027年1月15日(周五), 9.18（礼拜五）
_DATED_WEEKDAY = re.compile(
    r"(?:(?P<y>[0-9]{4})年|(?P<next>次年))?(?<![0-9.])(?P<m>[0-9]{1,2})(?:月|\.)(?P<d>[0-9]{1,2})日?\s*"
    r"[（(](?P<p>星期|周|礼拜)(?P<w>[一二三四五六日天])[）)]"
)
_WEEKDAY_CHARS = "一二三四五六日"


def printed_weekdays(text: str, old_year: int, year: int, autumn: bool) -> tuple[str, list[tuple[int, str]]]:
    """The new plan's text with each weekday printed in brackets after a day made true again where the day kept
    its month and day (6月30日（星期二）前: a Tuesday in 2026, a Wednesday in 2027 → （星期三）), and a note for each:
    `check` would refuse the old weekday (E205). A weekday that was wrong in the old plan is left to `check`."""
    import yaml

    root = yaml.compose(text, Loader=yaml.SafeLoader)
    edits, notes = [], []
    for node, _ in scalars(root, strings=True):
        start, end = node.start_mark.index, node.end_mark.index
        for match in _DATED_WEEKDAY.finditer(text, start, end):
            month, day = int(match.group("m")), int(match.group("d"))
            new_year = int(match.group("y")) if match.group("y") else year + (1 if autumn and month < 7 else 0)
            new_year += 1 if match.group("next") else 0
            try:
                new = dt.date(new_year, month, day)
                old = dt.date(new_year - (year - old_year), month, day)
            except ValueError:
                continue
            printed = _WEEKDAY_CHARS.index("日" if match.group("w") == "天" else match.group("w"))
            if printed == new.weekday() or printed != old.weekday():
                continue
            character = _WEEKDAY_CHARS[new.weekday()]
            if match.group("w") == "天" and character == "日":
                character = "天"
            edits.append((match.start("w"), match.end("w"), character))
            written = match.group(0)
            shown = written[: match.start("w") - match.start()] + character + written[match.end("w") - match.start() :]
            notes.append(
                (
                    text.count("\n", 0, match.start()) + 1,
                    tr(
                        "“{written}”的日期在 {year} 年是{weekday}：括号中的星期改为“{new}”；请核对这个日期",
                        written=written,
                        year=new_year,
                        weekday=localized(WEEKDAYS[new.weekday()]),
                        new=shown,
                    ),
                )
            )
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text, notes
