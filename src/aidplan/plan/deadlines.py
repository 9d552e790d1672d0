"""Turn deadline text into dates: 2月29日, 5月25日前, 2020年2月29日, 2月底, and the monthly 每月20日前."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from aidplan.messages import tr
from aidplan.patterns import any_of, lazy
from aidplan.plan.model import DATE_WINDOW
from aidplan.plan.numerals import NUMBER_PATTERN, parse_number
from aidplan.plan.timeexpr import Term, TimeContext, TimeError, When, plain_form, read_time, split_year
from aidplan.values import frozen


class DeadlineError(ValueError):
    """Deadline text that names no real day; `reason` says why, after the text itself."""

    def __init__(self, text: str, reason: str, needs_term: bool = False) -> None:
        super().__init__(tr("日期“{text}”{reason}", text=text, reason=reason))
        self.text = text
        self.reason = reason
        self.needs_term = needs_term  # a school word in a plan that states no term: `check` names a term to write


def needs_term_reason(example: str | None) -> str:
    """Why a school word (暑假前, 开学后) names no day in a plan without a term, and what to write instead: a date,
    or the term `example` gives (one that holds the plan's groups); None when no term holds them all."""
    if example is None:
        return tr("要按学期推算日期，但计划没有写学期，它的时段也不在同一个学期里：请直接写日期（如“7月10日前”）")
    return tr(
        "要按学期推算日期，但计划没有写学期：请直接写日期（如“7月10日前”），或在学期计划里写一次 term（如 {example}）",
        example=example,
    )


def term_example(year: int, autumn: bool, start: date | None = None) -> str:
    """A term to write in a plan of `year`: its autumn term (from 1 September) or its spring term (from 1 March),
    or from `start`; a weekend start moves to the Monday after. Named as a school calendar names it."""
    if autumn:
        name, start = f"{year}-{year + 1}学年第一学期", start or date(year, 9, 1)
    else:
        name, start = f"{year - 1}-{year}学年第二学期", start or date(year, 3, 1)
    start += timedelta(days=(7 - start.weekday()) % 7 if start.weekday() >= 5 else 0)  # a weekend: the Monday after
    return f"term: {{name: {name}, start: {start.isoformat()}}}"


_NEXT_YEAR = r"(?:次年|翌年|明年|下一年)"
_DASH = r"(?:至|到|~|～|-|—|–|－|―|〜|——)"
_ISO = lazy(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
_DATE = lazy(
    rf"^(?:(?P<year>\d{{4}})年|(?P<next>{_NEXT_YEAR}))?(?P<month>{NUMBER_PATTERN})月(?:(?P<day>{NUMBER_PATTERN})[日号]|(?P<end>底|末|末日))"
    r"(?:前|之前|以前|止|截止)?$"
)
# A time inside a sentence, found here and read by the one grammar (aidplan.plan.timeexpr): a month and day
# (确保5月25日前完成), a range of days (9月1日-9月7日, 12月28日至1月3日: due on its last day), a month's end
# (3月底前), a month printed as a deadline (3月前, 下一年3月完成: by its last day), a dot date printed as a
# deadline (11.9前), each with the year when one is printed before it
# (2019年…, 12年…, 二〇二一年…, or 次年/明年 for the year after). The month must not follow 每 (每月20日).
# (Classes of scattered Chinese characters are written as alternations, `(?<!每|\d|\.|．{1})` for [每\d.．]:
# the same characters, cheaper to compile; see aidplan.patterns.any_of.)
_YEAR_IN_TEXT = rf"(?:\d{{4}}|\d{{2}}|{any_of('〇○零一二三四五六七八九')}{{2,4}})年(?!度)|{_NEXT_YEAR}"
_DATE_IN_TEXT = lazy(
    rf"(?P<year>{_YEAR_IN_TEXT})?(?<!每|\d|\.|．{{1}})(?P<time>"
    rf"(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})[日号](?:{_DASH}(?:\d{{1,2}}月)?\d{{1,2}}[日号])?"
    rf"|(?P<end_month>\d{{1,2}})月(?:底|末)"
    rf"|(?P<whole_month>\d{{1,2}})月份?(?=\s*(?:前|之前|以前|止|截止|完成|结束))"
    rf"|(?P<ymd_y>\d{{4}})(?:\.|/|／{{1}})(?P<ymd_m>\d{{1,2}})(?:\.|/|／{{1}})(?P<ymd_d>\d{{1,2}})(?=\s*(?:前|之前|以前|止|截止))"
    rf"|(?P<dot_month>\d{{1,2}})[.．](?P<dot_day>\d{{1,2}})(?!\d|\.|．|%|万|元{{1}})(?=\s*(?:前|之前|以前|止|截止))"
    rf"|(?P<sl_month>\d{{1,2}})(?:/|／{{1}})(?P<sl_day>\d{{1,2}})(?!\d|/|／{{1}})(?=\s*(?:前|之前|以前|止|截止))"
    rf"|(?P<festival>春节|元旦|国庆节?|中秋节?|端午节?|清明节?|五一|劳动节)(?=\s*(?:前|之前|以前))"
    rf")(?P<after>(?:(?!，|。|；|,|;{{1}})[\s\S]){{0,4}})"
)
# A date that starts something or names when a document was issued is not a deadline: 自2016年9月1日起施行,
# 2019年12月31日印发的, 2月1日以来 (words just before it, after spaces; words just after it, after spaces).
_NOT_A_DEADLINE_BEFORE = ("自", "从")
_NOT_A_DEADLINE_AFTER = (
    *("起", "开始", "以来", "以后", "之后", "后", "印发", "发布", "颁布", "施行", "实施", "出台", "下发", "公布"),
    *("召开", "签署", "通过", "成立", "举行", "发出", "出版"),
)
# A date in the text is a deadline (things are due by it) when it is followed by one of these; otherwise it is
# the day of an event (9月5日组织新生家长会), which may well be a Saturday.
_BY = ("前", "之前", "以前", "止", "截止", "完成", "结束")
_MONTHLY_FIRST = lazy(r"每月(?P<day>\d{1,2})[日号]")
# Further days of the same monthly duty: 每月20日前更新…，28日前上报… (a day with no month before it).
_MONTHLY_MORE = lazy(r"(?<![月\d])(?P<day>\d{1,2})[日号](?:前|之前|以前)")


@frozen
class DateInText:
    """A month and day written inside a task's text (and its year, when written), as it stands there:
    `next_year` for 次年/明年…; `by` when it is printed as a deadline (…前, …止, …完成) rather than as the day
    of an event (9月5日组织…)."""

    month: int
    day: int
    text: str
    year: int | None = None
    next_year: bool = False
    by: bool = False
    time: str = ""  # the time itself, without the year printed before it: read by timeexpr in the year worked out

    def date_in(self, year: int, term: Term | None = None) -> date:
        """The day it is due in `year` (the last day of a range or a month); raises TimeError for no such day.
        A festival (春节前) in a term plan is the one nearest the term, as a deadline's is."""
        return read_time(self.time or self.text, TimeContext(year, term)).end


def real_date(year: int, month: int, day: int, written: str) -> date:
    """The date, or a DeadlineError that says in Chinese why it does not exist."""
    if not 1 <= month <= 12:
        raise DeadlineError(written, tr("中的月份 {month} 不存在", month=month))
    if day < 1:
        raise DeadlineError(written, tr("不存在：每月从1日起，没有{day}日", day=day))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        if month == 2 and day == 29:
            raise DeadlineError(written, tr("不存在：{year}年不是闰年，2月只有28天", year=year))
        raise DeadlineError(written, tr("不存在：{year}年{month}月只有{last}天", year=year, month=month, last=last))
    return date(year, month, day)


def _within_window(written: int, as_written: str, year: int, text: str) -> int:
    """A year a deadline writes out, if it lies within the plan's year ± DATE_WINDOW; else a DeadlineError."""
    if abs(written - year) > DATE_WINDOW:
        raise DeadlineError(
            text,
            tr(
                "在 {as_written} 年，超出计划可用的年份（{year} 年至 {year2} 年）",
                as_written=as_written,
                year=year - DATE_WINDOW,
                year2=year + DATE_WINDOW,
            ),
        )
    return written


def parse_deadline(text: str, year: int, term: Term | None = None) -> date:
    """The date a deadline text names in `year` (or its own year, when it writes one: 2021年…, 次年…, or an
    ISO date 2027-04-30)."""
    compact = re.sub(r"\s+", "", text)
    if "-" in compact and (iso := _ISO.match(compact)):
        written = _within_window(int(iso["year"]), iso["year"], year, text)
        return real_date(written, int(iso["month"]), int(iso["day"]), text)
    match = _DATE.match(compact) if "月" in compact else None
    if match is None:
        from aidplan.plan.periods import PeriodLabelError, parse_period_label

        try:  # the rest of the time grammar: a span ends the deadline (9月1日-9月7日, 3月下旬, 第三周, 期末)
            return parse_period_label(text, year, term).end
        except PeriodLabelError as exc:
            if exc.needs_term:  # 暑假前, 开学后 in a plan with no term: a date is what most plans can write
                # (check names a term that holds the plan's groups; here, the autumn term of its year)
                raise DeadlineError(text, needs_term_reason(term_example(year, True)), needs_term=True) from None
            if not exc.unreadable:
                raise DeadlineError(text, str(exc).split("”", 1)[1]) from None
        raise DeadlineError(text, tr("无法读成日期（应写成“2月29日”“5月25日前”“2月底”“次年1月15日”或“2027-04-30”）"))
    if match["year"]:
        year = _within_window(int(match["year"]), match["year"], year, text)
    elif match["next"]:
        year += 1
    month = parse_number(match["month"])
    if month is None or not 1 <= month <= 12:
        raise DeadlineError(text, tr("中的月份“{match}”不存在", match=match["month"]))
    if match["end"]:
        return date(year, month, calendar.monthrange(year, month)[1])
    day = parse_number(match["day"])
    if day is None:
        raise DeadlineError(text, tr("无法读成日期"))
    return real_date(year, month, day, text)


def names_year(text: str) -> bool:
    """Whether a deadline's text prints its own year (2011年1月15日, 次年1月15日前, 2027-04-30)."""
    compact = re.sub(r"\s+", "", text)
    if "年" in compact and re.search(r"\d{4}年|次年|翌年|明年|下一年", compact):  # 12月至次年1月, 2026年12月-2027年1月
        return True
    if "-" in compact and _ISO.match(compact):
        return True
    return "月" in compact and bool((found := _DATE.match(compact)) and (found["year"] or found["next"]))


@frozen
class DeadlineReading:
    """A plan's deadline, read: its date, or the problem that it names no real day (exactly one of the two), or
    neither for a recurring deadline (每月20日前, 每周五), which `recurring` then holds."""

    day: date | None
    problem: DeadlineError | None
    recurring: When | None = None
    # written with no year and before its group, read as the next year's (1月8日 in a 十二月 group): check warns
    guessed_next_year: bool = False


def read_deadline(text: str, written: date | None, year: int, term: Term | None = None) -> DeadlineReading:
    """The one reading of a period's or a task's deadline: the date written beside it, else its text parsed in
    the plan's year. A problem is returned alongside, never raised and never dropped: the schedule keeps it
    with the period or task, and `check` reports it (E205)."""
    if written is not None:
        return DeadlineReading(written, None)
    if (months := listed_months(text)) is not None:  # 6月、9月: due at the end of each month listed
        start, end = (term.start, term.end) if term is not None else (date(year, 1, 1), date(year, 12, 31))
        return DeadlineReading(None, None, When("recurring", start, end, monthday=31, months=months))
    if text.lstrip().startswith("每") or plain_form(text).startswith("每"):  # 每月20日前; 全年（每月）
        try:
            when = read_time(text, TimeContext(year, term))
        except TimeError:
            pass
        else:
            if when.kind == "recurring":
                return DeadlineReading(None, None, when)
    try:
        return DeadlineReading(parse_deadline(text, year, term), None)
    except DeadlineError as exc:
        return DeadlineReading(None, exc)


_MONTH_LIST = lazy(rf"^(?:{NUMBER_PATTERN})月份?(?:[、，,和及](?:{NUMBER_PATTERN})月份?)+$")


def listed_months(text: str) -> tuple[int, ...] | None:
    """The months a deadline lists when they do not follow each other (6月、9月: a task due at the end of each);
    None for other texts (6、7月 and 6月、7月 are one span, due at its end)."""
    compact = re.sub(r"\s+", "", text)
    if not any(separator in compact for separator in "、，,和及") or not _MONTH_LIST.match(compact):
        return None
    months = [parse_number(item) for item in re.findall(NUMBER_PATTERN, compact)]
    if any(month is None or not 1 <= month <= 12 for month in months):
        return None
    if months == list(range(months[0], months[0] + len(months))):  # type: ignore[operator]
        return None
    return tuple(sorted(set(months)))  # type: ignore[arg-type]


_FESTIVAL_WORDS = ("春节", "元旦", "国庆", "中秋", "端午", "清明", "五一", "劳动节")


def dates_in_text(text: str) -> list[DateInText]:
    """Every month-and-day a task's text names as a time to finish by (确保5月25日前完成资金发放 → 5月25日).

    Dates that say when something began or was issued (自2016年9月1日起施行, 2019年12月31日印发的,
    以来) are left out: they are not deadlines."""
    found = []
    if not any(mark in text for mark in "月.．/／") and not any(word in text for word in _FESTIVAL_WORDS):
        return found  # every form names a month, is a typed date (11.9前, 3/15前) or names a festival (春节前)
    for m in _DATE_IN_TEXT.finditer(text):
        after = m["after"].lstrip()
        if text[: m.start()].rstrip().endswith(_NOT_A_DEADLINE_BEFORE) or after.startswith(_NOT_A_DEADLINE_AFTER):
            continue
        written = m.group(0)[: len(m.group(0)) - len(m["after"])]
        month = m["month"] or m["end_month"] or m["dot_month"] or m["whole_month"] or m["ymd_m"] or m["sl_month"] or 1
        year, next_year = None, False
        time = f"{month}月底" if m["whole_month"] else m["time"]  # 下一年3月完成: by the end of March
        if m["festival"]:
            time = written = m["festival"] + "前"  # 春节前: the day before it, in the year it is read in
        if m["ymd_y"]:  # 2026.3.15前: the year is printed in the date
            year = int(m["ymd_y"])
        elif m["year"]:
            if re.fullmatch(_NEXT_YEAR, m["year"]):
                next_year = True
            else:
                year = split_year(m["year"] + m["time"], 0)[0]
        found.append(
            DateInText(
                int(month),
                int(m["day"] or m["dot_day"] or m["ymd_d"] or m["sl_day"] or 1),
                written,
                year,
                next_year,
                (after.startswith(_BY) or m["dot_month"] is not None) and not m["whole_month"],
                time,
            )
        )
    return found


# A weekly duty printed in a task's text (每周五放学前开展排查): one weekday, not 每周一次, 每周一至周五, 每周二、四
_WEEKLY_IN_TEXT = lazy(r"每(?:周|星期)(?P<w>[一二三四五六日天])(?![次至到~～\-—、,，和及与])")


def weekly_in_text(text: str, year: int, term: Term | None = None) -> DeadlineReading | None:
    """A task whose text names a weekly duty (每周五…), or a quarterly or month-end one (每季度末…, 每月底…), and no
    date nor monthly day: read by the grammar as the recurring deadline `deadline: 每周五` would be, so the task is
    tracked once a week (quarter, month); else None."""
    found = _WEEKLY_IN_TEXT.search(text) if "每周" in text or "每星期" in text else None
    other = None if found is not None or "每" not in text else _RECURRING_IN_TEXT.search(text)
    if (found is None and other is None) or dates_in_text(text) or ("每月" in text and _MONTHLY_FIRST.search(text)):
        return None
    if other is not None:  # 每季度末报送季报, 每月底前报送月报: as `deadline: 每季度末` would be
        return DeadlineReading(None, None, read_time(other[0], TimeContext(year, term)))
    return DeadlineReading(None, None, read_time("每周" + found["w"], TimeContext(year, term)))


# a quarterly or month-end duty printed in a task's text: 每季度末, 每个季度, 每月底, 每月末
_RECURRING_IN_TEXT = lazy(r"每个?季度(?:末|底)?|每个?月(?:月?底|月?末)")


MONTH_DAYS = range(1, 32)  # a monthly day beyond a month's end (每月31日 in April) means its last day


def monthly_days(text: str) -> list[int]:
    """The days of the month a recurring duty names: 每月20日前…，28日前… → [20, 28]. Days no month has
    (每月0日, 每月99日) are returned too: `check` reports them (E215), and a plan with them is not tracked."""
    first = _MONTHLY_FIRST.search(text) if "每月" in text else None
    if first is None:
        return []
    days = [int(first["day"])]
    for more in _MONTHLY_MORE.finditer(text, first.end()):
        day = int(more["day"])
        if day not in days:
            days.append(day)
    return days


def format_deadline(day: date) -> str:
    """How plans print a deadline: 2月29日 (the parse of this gives the same date back)."""
    return f"{day.month}月{day.day}日"
