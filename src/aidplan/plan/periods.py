"""Turn period labels such as 元月至2月份, 三月份, 4~7月, 2、3月 or 十一月 into date spans."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from aidplan.messages import tr
from aidplan.plan.numerals import NUMBER_PATTERN, chinese_month, parse_number
from aidplan.plan.timeexpr import Term, TimeContext, TimeError, read_time, split_year


@dataclass(frozen=True)
class Span:
    """The first and last day a period covers, both included."""

    start: date
    end: date

    def __contains__(self, day: date) -> bool:
        return self.start <= day <= self.end

    @property
    def months(self) -> list[tuple[int, int]]:
        """(year, month) of every month the span touches, in order."""
        result = []
        year, month = self.start.year, self.start.month
        while (year, month) <= (self.end.year, self.end.month):
            result.append((year, month))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        return result


class PeriodLabelError(ValueError):
    """A label names a month that does not exist, or says nothing aidplan can read as dates (`unreadable`)."""

    def __init__(self, message: str, unreadable: bool = False) -> None:
        super().__init__(message)
        self.unreadable = unreadable


_NEXT_YEAR = r"(?:次年|翌年|明年|下一年)"


def _month_pattern(name: str) -> str:
    return rf"(?P<{name}_next>{_NEXT_YEAR})?(?P<{name}>{NUMBER_PATTERN})"


_RANGE_SEPARATORS = r"(?:至|到|~|～|-|—|–|－|―|〜)"
_LIST_SEPARATORS = r"[、，,和及]"
_PART_OF_MONTH = r"(?P<part>上旬|中旬|下旬|初|底|末|中)?"

_WHOLE_YEAR = {"全年", "全年度", "全年工作", "常年", "年度", "全学年"}
_HALF_YEARS = {"上半年": (1, 6), "下半年": (7, 12)}
_SINGLE = re.compile(rf"^{_month_pattern('a')}月份?{_PART_OF_MONTH}$")
_RANGE = re.compile(rf"^{_month_pattern('a')}(?:月份?)?{_RANGE_SEPARATORS}{_month_pattern('b')}月份?$")
_LIST = re.compile(rf"^{NUMBER_PATTERN}(?:月份?)?(?:{_LIST_SEPARATORS}{NUMBER_PATTERN}(?:月份?)?)+$")
_QUARTER = re.compile(rf"^第?(?P<q>{NUMBER_PATTERN})季度$")


def _month(text: str, label: str) -> int:
    value = parse_number(text)
    if value is None or not 1 <= value <= 12:
        raise PeriodLabelError(tr("时段“{label}”中的月份“{text}”不存在（应为 1 至 12 月）", label=label, text=text))
    return value


def _last_day(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _month_span(year: int, first: int, last: int, last_year: int | None = None) -> Span:
    end_year = year if last_year is None else last_year
    return Span(date(year, first, 1), date(end_year, last, _last_day(end_year, last)))


def parse_period_label(label: str, year: int, term: Term | None = None) -> Span:
    """The span of a period label in the plan's year (or the year it prints: 2021年05月, 12年3月, 一二年一月);
    raises PeriodLabelError when it cannot be read. Labels that are not months (9月1日-9月7日, 第三周, 开学初,
    5.4 青年节) are read by aidplan.plan.timeexpr, in the plan's term when it states one.

    A range whose end month comes before its start month (11月至次年1月, 12月至2月) ends in the next year.
    """
    text = re.sub(r"\s+", "", label)
    if text == f"{year}年" or text == f"{year}年度":
        return Span(date(year, 1, 1), date(year, 12, 31))
    if text in _WHOLE_YEAR and term is not None and text != "全年度":
        return Span(term.start, term.end)
    year, text, _ = split_year(text, year)
    if text in _WHOLE_YEAR:
        return Span(date(year, 1, 1), date(year, 12, 31))
    if text in _HALF_YEARS:
        return _month_span(year, *_HALF_YEARS[text])
    if quarter := _QUARTER.match(text):
        number = parse_number(quarter["q"])
        if number is None or not 1 <= number <= 4:
            raise PeriodLabelError(
                tr("时段“{label}”中的季度“{quarter}”不存在（应为 1 至 4 季度）", label=label, quarter=quarter["q"])
            )
        return _month_span(year, 3 * number - 2, 3 * number)
    if single := _SINGLE.match(text):
        month_year = year + 1 if single["a_next"] else year
        month = _month(single["a"], label)
        last = _last_day(month_year, month)
        days = {
            None: (1, last),
            "上旬": (1, 10),
            "初": (1, 10),
            "中旬": (11, 20),
            "中": (11, 20),
            "下旬": (21, last),
            "底": (21, last),
            "末": (21, last),
        }[single["part"]]
        return Span(date(month_year, month, days[0]), date(month_year, month, days[1]))
    if ranged := _RANGE.match(text):
        first, last = _month(ranged["a"], label), _month(ranged["b"], label)
        first_year = year + 1 if ranged["a_next"] else year
        last_year = first_year + 1 if ranged["b_next"] and not ranged["a_next"] else first_year
        if (last_year, last) < (first_year, first):
            last_year += 1
        if (last_year, last) == (first_year, first):
            raise PeriodLabelError(
                tr(
                    "时段“{label}”的起止月份相同，请直接写成“{chinese_month}月”",
                    label=label,
                    chinese_month=chinese_month(first),
                )
            )
        start = date(first_year, first, 1)
        return Span(start, date(last_year, last, _last_day(last_year, last)))
    if _LIST.match(text):
        months = [_month(item, label) for item in re.findall(NUMBER_PATTERN, text)]
        if months != list(range(months[0], months[0] + len(months))):
            raise PeriodLabelError(
                tr(
                    "时段“{label}”列出的月份不连续，无法作为一个时间段；请拆成几个时段，或用 span 写明起止日期",
                    label=label,
                )
            )
        return _month_span(year, months[0], months[-1])
    try:
        found = read_time(label, TimeContext(year, term))
    except TimeError as exc:
        if not exc.unreadable:
            raise PeriodLabelError(tr("时段{exc}", exc=exc)) from None
    else:
        if found.kind != "recurring":
            return Span(found.start, found.end)
    raise PeriodLabelError(
        tr(
            "无法从时段名称“{label}”推出日期范围；请用 span 写明起止日期（如 span: {{start: "
            "{year}-03-01, end: {year}-03-07}}）",
            label=label,
            year=year,
        ),
        unreadable=True,
    )


def format_month_label(span: Span) -> str:
    """A label for a span of whole months, as plans write it: 3月份, 7月份至8月份 (for generated plans)."""
    if span.start.month == span.end.month and span.start.year == span.end.year:
        return f"{span.start.month}月份"
    prefix = "次年" if span.end.year > span.start.year else ""
    return f"{span.start.month}月份至{prefix}{span.end.month}月份"
