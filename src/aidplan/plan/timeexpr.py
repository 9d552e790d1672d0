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
from datetime import date, timedelta
from typing import Literal

from aidplan.messages import tr
from aidplan.patterns import lazy
from aidplan.plan.numerals import CHINESE_DIGITS, NUMBER_PATTERN, parse_number
from aidplan.plan.workdays import WEEKDAYS
from aidplan.values import frozen

TERM_WEEKS = 20  # a term stated by its start only runs 20 weeks (第一周 … 第二十周)
BREAK_WEEKS = {"寒假": 4, "暑假": 8}


class TimeError(ValueError):
    """Text that names no time aidplan can work out; the message says why, in the user's language. `unreadable`:
    nothing in it reads as a time at all (rather than a time that does not exist)."""

    def __init__(self, message: str, unreadable: bool = False, needs_term: bool = False) -> None:
        super().__init__(message)
        self.unreadable = unreadable
        self.needs_term = needs_term  # a school-calendar word in a plan that states no term


@frozen
class Term:
    """A school term as the plan states it once: its first day and (stated or 20 weeks on) its last."""

    start: date
    end: date
    name: str | None = None

    @property
    def autumn(self) -> bool:
        return self.start.month >= 7


@frozen
class TimeContext:
    """What a time expression is read in: the plan's year, and its term when it states one."""

    year: int
    term: Term | None = None


@frozen
class When:
    """A time expression, read. `kind` says which: a `day`, a `range` of days, a `recurring` day (every month's
    `monthday`, or every week's `weekday`, 0 = Monday) over start..end, or a term `week` (start..end)."""

    kind: Literal["day", "range", "recurring", "week"]
    start: date
    end: date
    monthday: int | None = None
    weekday: int | None = None
    months: tuple[int, ...] = ()  # a monthly day only in these months (每季度末: 3, 6, 9, 12; 6月、9月)
    weekdays: tuple[int, ...] = ()  # every weekday of a weekly duty when it names several (每周一、三)
    every: int = 1  # a weekly duty every `every` weeks (每两周: the Friday of every second week from `start`)

    def occurs_on(self, day: date) -> bool:
        """Whether a recurring time falls on `day` (a monthly day past a month's end is its last day)."""
        if self.weekday is not None:
            if day.weekday() not in (self.weekdays or (self.weekday,)):
                return False
            return (day - _monday(self.start)).days // 7 % self.every == self.every - 1
        if self.months and day.month not in self.months:
            return False
        return day.day == min(self.monthday or 1, calendar.monthrange(day.year, day.month)[1])


_DASH = r"(?:至|到|~|～|-|—|–|－|―|〜|——)"
_NEXT_YEAR = r"(?:次年|翌年|明年|下一年)"
_YEAR_DIGITS = "〇○" + CHINESE_DIGITS
_YEAR_PREFIX = lazy(
    rf"^(?:(?P<full>\d{{4}})|(?P<short>\d{{2}})|(?P<words>[{_YEAR_DIGITS}]{{2,4}}))年(?!度)|^(?P<next>{_NEXT_YEAR})"
)
_N = NUMBER_PATTERN
_BY = r"(?:前|之前|以前|止|截止|为止)?"
_DAY = lazy(rf"^(?P<m>{_N})月(?P<d>{_N})[日号]{_BY}$")
_ISO = lazy(r"^(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})$")
_MONTH_END = lazy(rf"^(?P<m>{_N})月份?(?P<end>底|末|末日){_BY}$")
_DOT = lazy(r"^(?P<m>\d{1,2})[.．](?P<d>\d{1,2})$")
_DAY_RANGE = lazy(
    rf"^(?P<m1>{_N})月(?P<d1>{_N})[日号]?{_DASH}(?:(?P<m2>{_N})月)?(?P<d2>{_N})[日号]{_BY}$"
    r"|^(?P<dm1>\d{1,2})[.．](?P<dd1>\d{1,2})" + _DASH + r"(?:(?P<dm2>\d{1,2})[.．])?(?P<dd2>\d{1,2})$"
)
_TERM_WEEK = lazy(rf"^第(?P<n>{_N})周(?:[（(](?P<dates>[^）)]+)[）)])?$")
# a run of weeks as school calendars print them: 第三至四周, 第5-6周, 第七、八周, 第9周—第10周
_WEEK_RANGE = lazy(rf"^第(?P<a>{_N})周?(?:{_DASH}|、|，|,)第?(?P<b>{_N})周$")
_PREP_WEEK = lazy(r"^预备周(?:[（(](?P<dates>[^）)]+)[）)])?$")
_MONTH_WEEK = lazy(rf"^(?P<m>{_N})月(?:份)?第(?P<n>{_N})周$")
_MONTHLY = lazy(rf"^每月(?P<d>{_N})[日号]{_BY}$")
# every month, due on its last day: 每月, 每个月, 每月底, 每月末, 每月月底前
_MONTH_ENDS = lazy(rf"^每个?月(?:份)?(?:月?(?:底|末))?{_BY}$")
# every quarter, due on its last day (3-31, 6-30, 9-30, 12-31): 每季度, 每个季度, 每季度末, 每季末
_QUARTER_ENDS = lazy(rf"^每个?季度?(?:末|底)?{_BY}$")
_QUARTER_END = lazy(rf"^第?(?P<q>{_N})季度(?:末|底){_BY}$")  # 第二季度末: its last day
_WEEKDAYS = "".join(name[-1] for name in WEEKDAYS)  # 一 … 日, Monday first
_DAY_NAME = r"(?:周|星期|礼拜)?[一二三四五六日天]"
# every week: 每周五, 每周五前, 每周一、三, 每周（周一、周三）; 每周 alone is due on Fridays; 每两周 every second Friday
_WEEKLY = lazy(
    rf"^每(?P<n>两|二|2)?(?:周|星期)[（(]?(?P<days>{_DAY_NAME}(?:[、，,和及]{_DAY_NAME})*)?[）)]?{_BY}$"
    r"|^(?P<other>隔周)$"
)
# a year printed at each end of a month range: 2026年9月至2027年1月
_YEARS_RANGE = lazy(rf"^(?P<m1>{_N})月份?{_DASH}(?P<y2>\d{{4}})年(?P<m2>{_N})月份?(?P<end>底|末)?{_BY}$")
# a time printed as offices type dates: 2026.6.30, 2026/6/30, 6/30, 6.30前, 6月30 (no 日)
_TYPED_YMD = lazy(r"^(?P<y>\d{4})[./／](?P<m>\d{1,2})[./／](?P<d>\d{1,2})(?P<by>前|之前|以前)?$")
_TYPED_MD = lazy(
    rf"^(?P<m>\d{{1,2}})[/／](?P<d>\d{{1,2}})(?P<by>前|之前|以前)?$"
    rf"|^(?P<dm>\d{{1,2}})[.．](?P<dd>\d{{1,2}})(?P<dby>前|之前|以前)$"
    rf"|^(?P<cm>{_N})月(?P<cd>\d{{1,2}})(?P<cby>前|之前|以前)?$"
)
_DASH_IN = lazy(r"(?:至|到|~|～|-|—|–|－|―|〜)")
_TYPED_YMD_IN = lazy(r"(?P<y>\d{4})[./／](?P<m>\d{1,2})[./／](?P<d>\d{1,2})")
_BOTH_YEARS = lazy(
    rf"^(?P<start>(?P<y1>\d{{4}})年(?P<m1>\d{{1,2}})月\d{{1,2}}日)(?P<dash>{_DASH})(?P<y2>\d{{4}})年"
    rf"(?P<end>(?P<m2>\d{{1,2}})月\d{{1,2}}日(?:前|之前|以前)?)$"
)
_EVERY_MONTH_NOTE = lazy(r"^全年[（(]每月[）)]$")
_FESTIVAL = lazy(r"^(?P<name>[\u4e00-\u9fff]{2,5}?)(?P<by>前|之前|以前)?$")
_SCHOOL_WORDS = ("开学前", "开学初", "开学一周内", "期中", "期末", "寒假", "暑假")
# 即时, 随时, 及时: done as things arise, the whole plan long
_WHOLE = {"全年", "常年", "全年度", "全学年", "长期", "持续推进", "年内", "即时", "随时", "及时"}
_WHOLE_TERM = {"全学期", "本学期", "学期"}
# office wording around a time that does not change it: a bracketed weekday (6月30日（星期二）前, （周二）, （礼拜二）)
# and a verb after 前 (6月30日前完成, 前办结, 前完成上报)
_WEEKDAY_NOTE = lazy(r"[（(](?:星期|周|礼拜)[一二三四五六日天][）)]")
_DONE_VERB = lazy(r"(前|之前|以前)(?:完成上报|完成|办结)$")
_PLAIN_FORMS = {
    "年底": "12月31日",
    "年底前": "12月31日",
    "年末": "12月31日",
    "年末前": "12月31日",
    "年中": "6月30日",
    "元旦前": "12月31日",  # before New Year's Day: by the last day of the plan's year
    "元旦之前": "12月31日",
    "元旦以前": "12月31日",
}


def plain_form(text: str) -> str:
    """The form of `text` the grammar reads, without office wording that does not change its time: 年底(前) →
    12月31日, 年中 → 6月30日, 6月30日前完成 → 6月30日前, 6月中旬前 → 6月中旬
    (due at the end of that 旬), 6月1日前后 → 6月1日 (that day), 每学期末 → 期末. Whitespace is removed."""
    compact = re.sub(r"\s+", "", text)
    # each pattern only where the words it reads are there: a pattern is compiled the first time it is used
    if compact.endswith(("完成上报", "完成", "办结")):
        compact = _DONE_VERB.sub(r"\1", compact)
    if "旬" in compact:
        compact = re.sub(r"旬(?:前|之前|以前)$", "旬", compact)
    if compact.endswith("前后"):
        compact = re.sub(r"([日号])前后$", r"\1", compact)
    if "全年" in compact and _EVERY_MONTH_NOTE.match(compact):  # 全年（每月）: every month of the year
        return "每月"
    # a range of typed dates (2026.9.1-2026.10.31, 2026.9.1-10.31) and one printed with its year at both ends
    # (2026年9月1日—2026年10月31日, 2026年12月1日—2027年1月15日): the second year is dropped when the range reads the
    # same without it (the same year, or the next one for a range across New Year)
    if _DASH_IN.search(compact):
        compact = _TYPED_YMD_IN.sub(lambda m: f"{m['y']}年{int(m['m'])}月{int(m['d'])}日", compact)
        compact = re.sub(
            rf"(日{_DASH})(\d{{1,2}})[.．/](\d{{1,2}})$", lambda m: f"{m[1]}{int(m[2])}月{int(m[3])}日", compact
        )
        if both := _BOTH_YEARS.match(compact):
            first, second = int(both["y1"]), int(both["y2"])
            if second == first or (second == first + 1 and int(both["m2"]) < int(both["m1"])):
                compact = f"{both['start']}{both['dash']}{both['end']}"
    typed_date = "." in compact or "/" in compact or "／" in compact
    if typed_date and (typed := _TYPED_YMD.match(compact)):  # 2026.6.30, 2026/6/30
        return f"{typed['y']}年{int(typed['m'])}月{int(typed['d'])}日{typed['by'] or ''}"
    if (compact[-1:].isdigit() or compact.endswith("前")) and (typed := _TYPED_MD.match(compact)):  # 6/30, 6.30前
        month, day = typed["m"] or typed["dm"] or typed["cm"], typed["d"] or typed["dd"] or typed["cd"]
        return f"{month}月{int(day)}日{typed['by'] or typed['dby'] or typed['cby'] or ''}"
    if "年" in compact and (year_end := re.match(r"^(\d{4}年)(?:底|末)(前|之前|以前)?$", compact)):  # 2027年底
        return f"{year_end[1]}12月31日"
    return _PLAIN_FORMS.get(compact, compact)


# a time printed first and a note after it: 5.4 青年节, 9月10日 教师节
_WITH_NOTE = lazy(r"^(?P<time>\S+)\s+(?P<note>\S.*)$")


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
    match = _YEAR_PREFIX.match(text) if "年" in text else None  # every prefix ends in 年 (次年 too)
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
        ),
        needs_term=True,
    )


def term_week_number(label: str) -> int | None:
    """The week a label names (第三周 → 3, 第三周（3月15日-3月21日） → 3, 预备周 → 0), else None."""
    compact = re.sub(r"\s+", "", label)
    if "周" not in compact:
        return None
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
    bracketed = "（" in text or "(" in text  # 6月30日（星期二）前: the weekday must be the day's
    if bracketed and len(_WEEKDAY_NOTE.findall(text)) > 1:  # 9月1日（周二）—30日（周三）: a weekday beside each end
        return read_time(_WEEKDAY_NOTE.sub("", text), context)
    if bracketed and (printed := _WEEKDAY_NOTE.search(text)) and not text.lstrip().startswith("每"):
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
    if len(text.split(None, 1)) == 2 and (note := _WITH_NOTE.match(text.strip())):
        try:
            return read_time(note["time"], context)
        except TimeError:
            pass
    term = context.term
    if "-" in compact and (iso := _ISO.match(compact)):
        day = _real(int(iso["y"]), int(iso["m"]), int(iso["d"]), text)
        return When("day", day, day)
    year, rest, printed_year = split_year(compact, context.year)
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
    # 暑假前, 寒假前: the day before it; 期中考试前: the Friday before
    if rest.endswith("前") and (before := _BEFORE_SCHOOL_WORD.match(rest)):
        if term is None:
            raise _needs_term(text)
        first = school_word(_SCHOOL_EXAMS.get(before["word"], before["word"]), term)[0]
        day = first - timedelta(days=3 if first.weekday() == 0 else 1)
        return When("day", day, day)
    if rest in _SCHOOL_EXAMS:  # 期中考试, 期末考试: 期中, 期末
        if term is None:
            raise _needs_term(text)
        start, end = school_word(_SCHOOL_EXAMS[rest], term)
        return When("range", start, end)
    if (found := _term_time(rest, text, year, term)) is not None:
        return found
    if (found := _festival(rest, text, year, term, printed_year)) is not None:
        return found
    weeks_named = "周" in rest  # the week forms are tried only then, and the recurring ones only after 每
    each = rest.startswith("每")
    if weeks_named and (week := _TERM_WEEK.match(rest) or _PREP_WEEK.match(rest)):
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
    if weeks_named and (weeks := _WEEK_RANGE.match(rest)):
        first, last = parse_number(weeks["a"]), parse_number(weeks["b"])
        if first is None or last is None or not 0 < first < last <= 30:
            raise TimeError(tr("“{text}”的周次无法读出", text=text))
        if term is None:
            raise _needs_term(text)
        return When("range", term_week(term, first)[0], term_week(term, last)[1])
    if weeks_named and (week := _MONTH_WEEK.match(rest)):
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
    if each and (monthly := _MONTHLY.match(rest)):
        day = parse_number(monthly["d"])
        if day is None or not 1 <= day <= 31:
            raise TimeError(tr("“{text}”中的日子不存在", text=text))
        start, end = (term.start, term.end) if term else (date(year, 1, 1), date(year, 12, 31))
        return When("recurring", start, end, monthday=day)
    if (each or rest == "隔周") and (weekly := _WEEKLY.match(rest)):
        names = re.findall(r"[一二三四五六日天]", weekly["days"] or "五")  # 每周 alone: by each Friday
        weekdays = tuple(sorted({_WEEKDAYS.index("日" if name == "天" else name) for name in names}))
        start, end = (term.start, term.end) if term else (date(year, 1, 1), date(year, 12, 31))
        every = 2 if weekly["n"] or weekly["other"] else 1
        return When(
            "recurring", start, end, weekday=weekdays[0], weekdays=weekdays if len(weekdays) > 1 else (), every=every
        )
    if each and (_MONTH_ENDS.match(rest) or _QUARTER_ENDS.match(rest)):
        start, end = (term.start, term.end) if term else (date(year, 1, 1), date(year, 12, 31))
        months = () if _MONTH_ENDS.match(rest) else (3, 6, 9, 12)
        return When("recurring", start, end, monthday=31, months=months)
    if "季度" in rest and (quarter := _QUARTER_END.match(rest)):
        number = parse_number(quarter["q"])
        if number is None or not 1 <= number <= 4:
            raise TimeError(tr("“{text}”中的季度不存在（应为 1 至 4 季度）", text=text))
        found = _real(year, 3 * number, 31 if number in (1, 4) else 30, text)
        return When("day", found, found)
    if "年" in rest and (ranged := _YEARS_RANGE.match(rest)):  # 2026年9月至2027年1月
        first, last = parse_number(ranged["m1"]), parse_number(ranged["m2"])
        start = _real(year, first, 1, text)
        last_year = int(ranged["y2"])
        end = _real(last_year, last, calendar.monthrange(last_year, last)[1] if last and 1 <= last <= 12 else 1, text)
        if end < start:
            raise TimeError(tr("“{text}”的结束日早于开始日", text=text))
        return When("range", start, end)
    if day := ("月" in rest and _DAY.match(rest)) or (("." in rest or "．" in rest) and _DOT.match(rest)):
        found = _real(year, parse_number(day["m"]), parse_number(day["d"]), text)
        return When("day", found, found)
    if "月" in rest and (end := _MONTH_END.match(rest)):
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


# school-term words a plan with no term still dates, by the months terms keep (see README): terms end in January
# and July and start in February/March and September
_SCHOOL_EXAMS = {"期中考试": "期中", "期末考试": "期末"}
_BEFORE_SCHOOL_WORD = lazy(r"^(?P<word>暑假|寒假|期中考试|期中|期末考试|期末)(?:前|之前|以前)$")
_TERM_ENDS = {"每学期", "每学期末", "每学期结束前", "每个学期", "每个学期末"}
_TERM_STARTS = {"每学期初", "每个学期初", "每学期开学初"}
_SEASONS = {"春季学期": False, "春学期": False, "春季": False, "秋季学期": True, "秋学期": True, "秋季": True}
_TERM_STARTED = {"开学后": None, "春季开学后": False, "秋季开学后": True}


def _term_time(rest: str, text: str, year: int, term: Term | None) -> When | None:
    """每学期(末), 每学期初, 春季学期, 秋季学期, 开学后 (春季开学后); None for other texts."""
    if rest in _TERM_ENDS:
        if term is None:  # twice a year: the months terms end in
            return When("recurring", date(year, 1, 1), date(year, 12, 31), monthday=31, months=(1, 7))
        if rest.endswith("学期"):
            return When("range", term.start, term.end)
        start, end = school_word("期末", term)
        return When("range", start, end)
    if rest in _TERM_STARTS:
        if term is None:  # the first whole months of the spring and the autumn term
            return When("recurring", date(year, 1, 1), date(year, 12, 31), monthday=31, months=(3, 9))
        start, end = school_word("开学初", term)
        return When("range", start, end)
    if rest in _SEASONS:
        autumn = _SEASONS[rest]
        if term is not None and term.autumn == autumn:
            return When("range", term.start, term.end)
        if term is not None:  # the other season: the term after this one (a spring plan's 秋季学期)
            year = term.start.year + (1 if term.autumn else 0)
        if autumn:  # September to January
            return When("range", date(year, 9, 1), date(year + 1, 1, 31))
        return When("range", date(year, 2, 1), date(year, 7, 31))  # February to July
    if rest in _TERM_STARTED:
        season = _TERM_STARTED[rest]
        if term is None:
            raise _needs_term(text)
        if season is not None and season != term.autumn:
            raise TimeError(
                tr(
                    "“{text}”说的是另一个学期的开学，计划的学期是{season}学期；请写明日期（如“3月10日前”）",
                    text=text,
                    season=tr("秋季") if term.autumn else tr("春季"),
                )
            )
        start, end = school_word("开学初", term)
        return When("range", start, end)
    return None


def _festival(rest: str, text: str, year: int, term: Term | None, printed_year: bool) -> When | None:
    """春节前, 国庆节前, 清明节前, 五一前, 端午节前, 中秋节前 (the day before the festival) and the festival's day
    itself, in the plan's year; in a term plan, in the term's year that puts it nearest the term (an autumn
    term's 春节 is next year's). None for other texts."""
    if not 2 <= len(rest) <= 8 or any(not "\u4e00" <= ch <= "\u9fff" for ch in rest):
        return None  # a festival's name is two to five Chinese characters (and 前): no need to load the tables
    from aidplan.plan.festivals import FIRST_YEAR, LAST_YEAR, NAMES, festival_day

    found = _FESTIVAL.match(rest)
    if found is None or found["name"] not in NAMES:
        return None
    key = NAMES[found["name"]]
    if term is not None and not printed_year:
        years = [term.start.year, term.start.year + 1]
        days = [festival_day(key, each) for each in years]
        year = next(
            (each for each, day in zip(years, days) if day is not None and day >= term.start - timedelta(days=31)),
            term.start.year,
        )
    day = festival_day(key, year)
    if day is None:
        raise TimeError(
            tr(
                "“{text}”：aidplan 只知道 {first} 至 {last} 年的{name}日期；请写明日期（如“2月5日前”）",
                text=text,
                first=FIRST_YEAR,
                last=LAST_YEAR,
                name=key,
            )
        )
    if found["by"]:
        day -= timedelta(days=1)
    return When("day", day, day)


_TERM_NAME = lazy(
    r"(?P<y1>\d{4})\s*(?:" + _DASH + r")\s*(?P<y2>\d{4})\s*学年度?\s*(?:第(?P<n>[一二12])|(?P<half>[上下]))学期"
    r"|(?P<y>\d{4})\s*年?\s*(?P<season>春|秋)季?学期"
)


@frozen
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
