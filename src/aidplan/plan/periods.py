"""Turn period labels such as 元月至2月份, 三月份, 4~7月, 2、3月 or 十一月 into date spans."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from aidplan.messages import tr
from aidplan.patterns import lazy
from aidplan.plan.numerals import NUMBER_PATTERN, chinese_month, parse_number
from aidplan.plan.timeexpr import Term, TimeContext, TimeError, plain_form, read_time, split_year
from aidplan.values import frozen


@frozen
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

    def __init__(self, message: str, unreadable: bool = False, needs_term: bool = False) -> None:
        super().__init__(message)
        self.unreadable = unreadable
        self.needs_term = needs_term  # a school-calendar word in a plan that states no term


_NEXT_YEAR = r"(?:次年|翌年|明年|下一年)"


def _month_pattern(name: str) -> str:
    return rf"(?P<{name}_next>{_NEXT_YEAR})?(?P<{name}>{NUMBER_PATTERN})"


_RANGE_SEPARATORS = r"(?:至|到|~|～|-|—|–|－|―|〜)"
_LIST_SEPARATORS = r"[、，,和及]"
_PARTS = r"中下旬|上中旬|上旬|中旬|下旬|上半月|下半月|初|底|末|中"
_PART_OF_MONTH = rf"(?P<part>{_PARTS})?"
# the days of a month each part names: 上旬 1–10, 中旬 11–20, 下旬 (and 底/末, a month's end as a time) 21 to the
# last day; 中下旬 11 to the last, 上中旬 1–20; 上半月 1–15, 下半月 16 to the last (None: the month's last day)
PART_DAYS: dict[str | None, tuple[int, int | None]] = {
    None: (1, None),
    "上旬": (1, 10),
    "初": (1, 10),
    "中旬": (11, 20),
    "中": (11, 20),
    "下旬": (21, None),
    "底": (21, None),
    "末": (21, None),
    "中下旬": (11, None),
    "上中旬": (1, 20),
    "上半月": (1, 15),
    "下半月": (16, None),
}

_BEFORE_MONTH = lazy(rf"^(?P<m>{NUMBER_PATTERN})月份?(?:前|之前|以前)$")
_WHOLE_YEAR = {
    "全年",
    "全年度",
    "全年工作",
    "常年",
    "年度",
    "全学年",
    "全年常规工作",
    "全年日常工作",
    "常年性工作",
    "长期",
    "持续推进",
    "年内",
}
# routine work printed as a group of its own: a category, not a time (its tasks are dated by their own time cells,
# dates in their text or a weekly/monthly recurrence such as a 每周一 sub-group)
ROUTINE_LABELS = {"日常工作", "常规工作", "日常性工作", "经常性工作", "常规性工作"}
_HALF_YEARS = {"上半年": (1, 6), "下半年": (7, 12)}
_SINGLE = lazy(rf"^{_month_pattern('a')}月份?{_PART_OF_MONTH}$")
_RANGE = lazy(
    rf"^{_month_pattern('a')}(?:月份?(?P<pa>初|上旬|中旬|下旬|中)?)?{_RANGE_SEPARATORS}{_month_pattern('b')}月份?"
    r"(?P<pb>底|末|上旬|中旬|下旬)?$"
)
_LIST = lazy(rf"^{NUMBER_PATTERN}(?:月份?)?(?:{_LIST_SEPARATORS}{NUMBER_PATTERN}(?:月份?)?)+$")
_QUARTER = lazy(rf"^第?(?P<q>{NUMBER_PATTERN})季度$")


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
    text = plain_form(label)
    plan_year = year
    if text == f"{year}年" or text == f"{year}年度":
        return Span(date(year, 1, 1), date(year, 12, 31))
    if text in _WHOLE_YEAR and term is not None and text not in ("全年度", "年内"):
        return Span(term.start, term.end)
    year, text, _ = split_year(text, year)
    if text in _WHOLE_YEAR:
        return Span(date(year, 1, 1), date(year, 12, 31))
    # each form is tried only when the text holds a word it needs: a pattern is compiled the first time it is used
    if "前" in text and (before := _BEFORE_MONTH.match(text)):  # 6月前: by the end of May
        month = _month(before["m"], label)
        return Span(date(year, month, 1) - timedelta(days=1), date(year, month, 1) - timedelta(days=1))
    if text in _HALF_YEARS:
        return _month_span(year, *_HALF_YEARS[text])
    if "季度" in text and (quarter := _QUARTER.match(text)):
        number = parse_number(quarter["q"])
        if number is None or not 1 <= number <= 4:
            raise PeriodLabelError(
                tr("时段“{label}”中的季度“{quarter}”不存在（应为 1 至 4 季度）", label=label, quarter=quarter["q"])
            )
        return _month_span(year, 3 * number - 2, 3 * number)
    if "月" in text and (single := _SINGLE.match(text)):
        month_year = year + 1 if single["a_next"] else year
        month = _month(single["a"], label)
        first_day, last_day = PART_DAYS[single["part"]]
        return Span(
            date(month_year, month, first_day), date(month_year, month, last_day or _last_day(month_year, month))
        )
    if "月" in text and (ranged := _RANGE.match(text)):
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
        start = date(first_year, first, PART_DAYS[ranged["pa"]][0])
        end_day = PART_DAYS[ranged["pb"]][1] if ranged["pb"] else None  # 3月—5月底: to 31 May
        return Span(start, date(last_year, last, end_day or _last_day(last_year, last)))
    if any(separator in text for separator in "、，,和及") and _LIST.match(text):
        months = [_month(item, label) for item in re.findall(NUMBER_PATTERN, text)]
        if months != list(range(months[0], months[0] + len(months))):
            raise PeriodLabelError(
                tr(
                    "时段“{label}”列出的月份不连续，无法作为一个时间段；请拆成几个时段，或用 span 写明起止日期",
                    label=label,
                )
            )
        return _month_span(year, months[0], months[-1])
    try:  # the label as written, in the plan's year: a year it prints (次年…) is read there once
        found = read_time(label, TimeContext(plan_year, term))
    except TimeError as exc:
        if not exc.unreadable:
            raise PeriodLabelError(tr("时段{exc}", exc=exc), needs_term=exc.needs_term) from None
    else:
        if found.kind != "recurring":
            return Span(found.start, found.end)
    hint = _hint(text, year)
    raise PeriodLabelError(
        tr(
            "无法从时段名称“{label}”推出日期范围；请用 span 写明起止日期（如 span: {{start: {start}, end: {end}}}）",
            label=label,
            start=hint.start.isoformat(),
            end=hint.end.isoformat(),
        ),
        unreadable=True,
    )


_MONTH_IN_LABEL = lazy(rf"(?P<m>{NUMBER_PATTERN})月份?(?P<part>{_PARTS})?")


def _hint(text: str, year: int) -> Span:
    """A span to suggest for a label that cannot be read: the month (and part of it) the label names when it
    names one (9月中下旬开展 → 9月11日 to 30日), else the first week of March."""
    for found in _MONTH_IN_LABEL.finditer(text):
        month = parse_number(found["m"])
        if month is not None and 1 <= month <= 12:
            first_day, last_day = PART_DAYS[found["part"]]
            return Span(date(year, month, first_day), date(year, month, last_day or _last_day(year, month)))
    return Span(date(year, 3, 1), date(year, 3, 7))


def format_month_label(span: Span) -> str:
    """A label for a span of whole months, as plans write it: 3月份, 7月份至8月份 (for generated plans)."""
    if span.start.month == span.end.month and span.start.year == span.end.year:
        return f"{span.start.month}月份"
    prefix = "次年" if span.end.year > span.start.year else ""
    return f"{span.start.month}月份至{prefix}{span.end.month}月份"
