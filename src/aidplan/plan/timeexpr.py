"""The one reading of the time expressions offices print, for period labels, deadlines and dates in task text.

A text is read into a small typed value (`When`): a day, a range of days, a recurring day (每月20日前, 每周五)
or a term-relative week (第三周), in a context: the plan's year, and the term when the plan states one.
Month labels (三月份, 元月至2月份, 第二季度 …) keep their rules in aidplan.plan.periods; this module adds what
comes before and around them: a printed year (2021年05月, 12年3月, 一二年一月, 次年), single days, day ranges
in any dash, dot dates, weeks of a term or of a month, and the school-calendar words.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from aidplan.messages import tr
from aidplan.plan.numerals import CHINESE_DIGITS, NUMBER_PATTERN, parse_number
from aidplan.plan.workdays import WEEKDAYS

TERM_WEEKS = 20  # a term stated by its start only runs 20 weeks (第一周 … 第二十周)
BREAK_WEEKS = {"寒假": 4, "暑假": 8}


class TimeError(ValueError):
    """Text that names no time aidplan can work out; the message says why, in the user's language. `unreadable`:
    nothing in it reads as a time at all (rather than a time that does not exist)."""

    def __init__(self, message: str, unreadable: bool = False) -> None:
        super().__init__(message)
        self.unreadable = unreadable


@dataclass(frozen=True)
class Term:
    """A school term as the plan states it once: its first day and (stated or 20 weeks on) its last."""

    start: date
    end: date
    name: str | None = None

    @property
    def autumn(self) -> bool:
        return self.start.month >= 7


@dataclass(frozen=True)
class TimeContext:
    """What a time expression is read in: the plan's year, and its term when it states one."""

    year: int
    term: Term | None = None


@dataclass(frozen=True)
class When:
    """A time expression, read. `kind` says which: a `day`, a `range` of days, a `recurring` day (every month's
    `monthday`, or every week's `weekday`, 0 = Monday) over start..end, or a term `week` (start..end)."""

    kind: Literal["day", "range", "recurring", "week"]
    start: date
    end: date
    monthday: int | None = None
    weekday: int | None = None


_DASH = r"(?:至|到|~|～|-|—|–|－|―|〜|——)"
_NEXT_YEAR = r"(?:次年|翌年|明年|下一年)"
_YEAR_DIGITS = "〇○" + CHINESE_DIGITS
_YEAR_PREFIX = re.compile(
    rf"^(?:(?P<full>\d{{4}})|(?P<short>\d{{2}})|(?P<words>[{_YEAR_DIGITS}]{{2,4}}))年(?!度)|^(?P<next>{_NEXT_YEAR})"
)
_N = NUMBER_PATTERN
_BY = r"(?:前|之前|以前|止|截止|为止)?"
_DAY = re.compile(rf"^(?P<m>{_N})月(?P<d>{_N})[日号]{_BY}$")
_ISO = re.compile(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_MONTH_END = re.compile(rf"^(?P<m>{_N})月份?(?P<end>底|末|末日){_BY}$")
_DOT = re.compile(r"^(?P<m>\d{1,2})[.．](?P<d>\d{1,2})$")
_DAY_RANGE = re.compile(
    rf"^(?P<m1>{_N})月(?P<d1>{_N})[日号]?{_DASH}(?:(?P<m2>{_N})月)?(?P<d2>{_N})[日号]{_BY}$"
    r"|^(?P<dm1>\d{1,2})[.．](?P<dd1>\d{1,2})" + _DASH + r"(?:(?P<dm2>\d{1,2})[.．])?(?P<dd2>\d{1,2})$"
)
_TERM_WEEK = re.compile(rf"^第(?P<n>{_N})周(?:[（(](?P<dates>[^）)]+)[）)])?$")
# a run of weeks as school calendars print them: 第三至四周, 第5-6周, 第七、八周, 第9周—第10周
_WEEK_RANGE = re.compile(rf"^第(?P<a>{_N})周?(?:{_DASH}|、|，|,)第?(?P<b>{_N})周$")
_PREP_WEEK = re.compile(r"^预备周(?:[（(](?P<dates>[^）)]+)[）)])?$")
_MONTH_WEEK = re.compile(rf"^(?P<m>{_N})月(?:份)?第(?P<n>{_N})周$")
_MONTHLY = re.compile(rf"^每月(?P<d>{_N})[日号]{_BY}$")
_WEEKDAYS = "".join(name[-1] for name in WEEKDAYS)  # 一 … 日, Monday first
_WEEKLY = re.compile(r"^每(?:周|星期)(?P<w>[一二三四五六日天])$")
_SCHOOL_WORDS = ("开学前", "开学初", "开学一周内", "期中", "期末", "寒假", "暑假")
_WHOLE = {"全年", "常年", "全年度", "全学年", "长期", "持续推进", "年内"}
_WHOLE_TERM = {"全学期", "本学期", "学期"}
# office wording around a time that does not change it: a bracketed weekday (6月30日（星期二）前, （周二）, （礼拜二）)
# and a verb after 前 (6月30日前完成, 前办结, 前完成上报)
_WEEKDAY_NOTE = re.compile(r"[（(](?:星期|周|礼拜)[一二三四五六日天][）)]")
_DONE_VERB = re.compile(r"(前|之前|以前)(?:完成上报|完成|办结)$")
_PLAIN_FORMS = {
    "年底": "12月31日",
    "年底前": "12月31日",
    "年末": "12月31日",
    "年末前": "12月31日",
    "年中": "6月30日",
    "每学期末": "期末",
}


def plain_form(text: str) -> str:
    """The form of `text` the grammar reads, without office wording that does not change its time: 年底(前) →
    12月31日, 年中 → 6月30日, 6月30日前完成 → 6月30日前, 6月中旬前 → 6月中旬
    (due at the end of that 旬), 6月1日前后 → 6月1日 (that day), 每学期末 → 期末. Whitespace is removed."""
    compact = _DONE_VERB.sub(r"\1", re.sub(r"\s+", "", text))
    compact = re.sub(r"旬(?:前|之前|以前)$", "旬", compact)
    compact = re.sub(r"([日号])前后$", r"\1", compact)
    return _PLAIN_FORMS.get(compact, compact)


# a time printed first and a note after it: 5.4 青年节, 9月10日 教师节
_WITH_NOTE = re.compile(r"^(?P<time>\S+)\s+(?P<note>\S.*)$")


def year_of_prefix(match: re.Match[str], year: int) -> int:
    """The year a printed prefix names: 2021年, 12年 (2012), 一二年 or 二○一○年, 次年 (the year after `year`)."""
    if match["next"]:
        return year + 1
    if match["full"]:
        return int(match["full"])
    if match["short"]:
        return 2000 + int(match["short"])
    digits = "".join(str(max(_YEAR_DIGITS.index(ch) - 2, 0)) for ch in match["words"])
    return 2000 + int(digits) if len(digits) == 2 else int(digits)


def split_year(text: str, year: int) -> tuple[int, str, bool]:
    """The year printed before a time expression (or `year`), the rest of the text, and whether one was printed."""
    match = _YEAR_PREFIX.match(text)
    if match is None or match.end() == len(text):
        return year, text, False
    return year_of_prefix(match, year), text[match.end() :], True


def _real(year: int, month: int | None, day: int | None, text: str) -> date:
    if month is None or not 1 <= month <= 12:
        raise TimeError(tr("“{text}”中的月份不存在（应为 1 至 12 月）", text=text))
    last = calendar.monthrange(year, month)[1]
    if day is None or not 1 <= day <= last:
        if month == 2 and day == 29:
            raise TimeError(tr("“{text}”不存在：{year}年不是闰年，2月只有28天", text=text, year=year))
        raise TimeError(
            tr("“{text}”不存在：{year}年{month}月只有{last}天", text=text, year=year, month=month, last=last)
        )
    return date(year, month, day)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _needs_term(text: str) -> TimeError:
    return TimeError(
        tr(
            "“{text}”要按学期推算日期，但计划没有写学期；请写一次 term（如 term: {{name: "
            "2020-2021学年第二学期, start: 2021-03-01}}），或用 span 写明起止日期",
            text=text,
        )
    )


def term_week_number(label: str) -> int | None:
    """The week a label names (第三周 → 3, 第三周（3月15日-3月21日） → 3, 预备周 → 0), else None."""
    compact = re.sub(r"\s+", "", label)
    if _PREP_WEEK.match(compact):
        return 0
    week = _TERM_WEEK.match(compact)
    return parse_number(week["n"]) if week else None


def term_week(term: Term, number: int) -> tuple[date, date]:
    """Week `number` of the term, Monday to Sunday; week 1 is the week the term starts in, 0 the 预备周."""
    monday = _monday(term.start) + timedelta(weeks=number - 1)
    return monday, monday + timedelta(days=6)


def school_word(word: str, term: Term) -> tuple[date, date]:
    """The days a school-calendar word covers in `term` (see README, 学期和周次)."""
    if word == "开学前":
        return term.start - timedelta(days=7), term.start - timedelta(days=1)
    if word in ("开学初", "开学一周内"):
        return term.start, term.start + timedelta(days=6)
    if word == "期中":
        middle = term.start + (term.end - term.start) / 2
        return _monday(middle), _monday(middle) + timedelta(days=6)
    if word == "期末":
        return term.end - timedelta(days=13), term.end
    weeks = BREAK_WEEKS[word]
    # the break that follows the term (寒假 after an autumn term, 暑假 after a spring term), else the one before it
    if (word == "寒假") == term.autumn:
        return term.end + timedelta(days=1), term.end + timedelta(weeks=weeks)
    return term.start - timedelta(weeks=weeks), term.start - timedelta(days=1)


def _printed_dates(text: str, year: int, whole: str) -> tuple[date, date]:
    found = read_time(text, TimeContext(year))
    if found.kind not in ("range", "day"):
        raise TimeError(tr("“{whole}”括号中的日期无法读成日期范围", whole=whole))
    return found.start, found.end


def read_time(text: str, context: TimeContext) -> When:
    """The time `text` names; raises TimeError. Month labels (三月份, 元月至2月份) are left to the caller:
    a text this grammar does not know raises TimeError too (see `is_month_label`)."""
    if printed := _WEEKDAY_NOTE.search(text):  # 6月30日（星期二）前: the weekday must be the day's
        try:
            found = read_time(_WEEKDAY_NOTE.sub("", text), context)
        except TimeError as exc:
            if not exc.unreadable:
                raise
            raise TimeError(tr("“{text}”括号中的星期只能跟在一个日子后面", text=text)) from None
        weekday = _WEEKDAYS.index("日" if printed[0][-2] == "天" else printed[0][-2])
        if found.kind != "day" or found.start.weekday() != weekday:
            actual = f"星期{_WEEKDAYS[found.start.weekday()]}" if found.kind == "day" else ""
            raise TimeError(
                tr(
                    "“{text}”括号中的星期与日期不符：{day}是{actual}",
                    text=text,
                    day=f"{found.start.month}月{found.start.day}日",
                    actual=actual,
                )
                if actual
                else tr("“{text}”括号中的星期只能跟在一个日子后面", text=text)
            )
        return found
    compact = plain_form(text)
    if note := _WITH_NOTE.match(text.strip()):
        try:
            return read_time(note["time"], context)
        except TimeError:
            pass
    term = context.term
    if iso := _ISO.match(compact):
        day = _real(int(iso["y"]), int(iso["m"]), int(iso["d"]), text)
        return When("day", day, day)
    year, rest, _ = split_year(compact, context.year)
    if rest in _WHOLE:
        if term is not None and rest not in ("全年度", "年内"):
            return When("range", term.start, term.end)
        return When("range", date(year, 1, 1), date(year, 12, 31))
    if rest in _WHOLE_TERM:
        if term is None:
            raise _needs_term(text)
        return When("range", term.start, term.end)
    if rest in _SCHOOL_WORDS:
        if term is None:
            raise _needs_term(text)
        start, end = school_word(rest, term)
        return When("range", start, end)
    if week := _TERM_WEEK.match(rest) or _PREP_WEEK.match(rest):
        number = parse_number(week["n"]) if "n" in week.groupdict() else 0
        if number is None or not 0 <= number <= 30:
            raise TimeError(tr("“{text}”的周次无法读出", text=text))
        if week["dates"]:
            start, end = _printed_dates(week["dates"], year, text)
        elif term is None:
            raise _needs_term(text)
        else:
            start, end = term_week(term, number)
        return When("week", start, end)
    if weeks := _WEEK_RANGE.match(rest):
        first, last = parse_number(weeks["a"]), parse_number(weeks["b"])
        if first is None or last is None or not 0 < first < last <= 30:
            raise TimeError(tr("“{text}”的周次无法读出", text=text))
        if term is None:
            raise _needs_term(text)
        return When("range", term_week(term, first)[0], term_week(term, last)[1])
    if week := _MONTH_WEEK.match(rest):
        month, number = parse_number(week["m"]), parse_number(week["n"])
        first = _real(year, month, 1, text)
        monday = first + timedelta(days=(7 - first.weekday()) % 7)  # the first week whose Monday is in the month
        start = monday + timedelta(weeks=(number or 0) - 1)
        if not number or start.month != first.month:
            raise TimeError(
                tr(
                    "“{text}”：{year}年{month}月没有第{week}周（按周一所在的月份数周）",
                    text=text,
                    year=year,
                    month=month,
                    week=week["n"],
                )
            )
        return When("week", start, start + timedelta(days=6))
    if monthly := _MONTHLY.match(rest):
        day = parse_number(monthly["d"])
        if day is None or not 1 <= day <= 31:
            raise TimeError(tr("“{text}”中的日子不存在", text=text))
        start, end = (term.start, term.end) if term else (date(year, 1, 1), date(year, 12, 31))
        return When("recurring", start, end, monthday=day)
    if weekly := _WEEKLY.match(rest):
        weekday = _WEEKDAYS.index("日" if weekly["w"] == "天" else weekly["w"])
        start, end = (term.start, term.end) if term else (date(year, 1, 1), date(year, 12, 31))
        return When("recurring", start, end, weekday=weekday)
    if day := _DAY.match(rest) or _DOT.match(rest):
        found = _real(year, parse_number(day["m"]), parse_number(day["d"]), text)
        return When("day", found, found)
    if end := _MONTH_END.match(rest):
        month = parse_number(end["m"])
        found = _real(year, month, calendar.monthrange(year, month)[1] if month and 1 <= month <= 12 else 1, text)
        return When("day", found, found)
    if ranged := _DAY_RANGE.match(rest):
        if ranged["m1"]:
            m1, d1 = parse_number(ranged["m1"]), parse_number(ranged["d1"])
            m2 = parse_number(ranged["m2"]) if ranged["m2"] else m1
            d2 = parse_number(ranged["d2"])
        else:
            m1, d1 = int(ranged["dm1"]), int(ranged["dd1"])
            m2 = int(ranged["dm2"]) if ranged["dm2"] else m1
            d2 = int(ranged["dd2"])
        start = _real(year, m1, d1, text)
        end_year = year + 1 if m2 is not None and m1 is not None and m2 < m1 else year  # 12月28日-1月3日
        end = _real(end_year, m2, d2, text)
        if end < start:
            raise TimeError(tr("“{text}”的结束日早于开始日", text=text))
        return When("range", start, end)
    raise TimeError(tr("无法读出“{text}”所指的日期", text=text), unreadable=True)


_TERM_NAME = re.compile(
    r"(?P<y1>\d{4})\s*(?:" + _DASH + r")\s*(?P<y2>\d{4})\s*学年度?\s*(?:第(?P<n>[一二12])|(?P<half>[上下]))学期"
    r"|(?P<y>\d{4})\s*年?\s*(?P<season>春|秋)季?学期"
)


@dataclass(frozen=True)
class TermName:
    """What a printed term name says about the term: autumn (第一学期, 上学期, 秋季) or spring, and the calendar
    year it starts in (2020-2021学年第二学期 starts in 2021, 2012年秋季学期 in 2012)."""

    autumn: bool
    year: int

    @property
    def window(self) -> tuple[date, date]:
        """The days such a term may start on: an autumn term from July to October, a spring one from January
        to April (schools start between late August and September, and between February and March)."""
        if self.autumn:
            return date(self.year, 7, 1), date(self.year, 10, 31)
        return date(self.year, 1, 1), date(self.year, 4, 30)


def read_term_name(name: str) -> TermName | None:
    """The season and year a term's printed name states (2020-2021学年第二学期, 2020—2021学年上学期,
    2012年秋季学期, 2021春季学期), or None when it names none in these forms."""
    match = _TERM_NAME.search(re.sub(r"\s+", "", name))
    if match is None:
        return None
    if match["y"]:
        return TermName(match["season"] == "秋", int(match["y"]))
    first, second = int(match["y1"]), int(match["y2"])
    if second != first + 1:
        return None  # 2020-2022学年 names no school year; the check leaves it alone
    autumn = match["n"] in ("一", "1") or match["half"] == "上"
    return TermName(autumn, first if autumn else second)
