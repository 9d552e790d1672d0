"""Calendar files: a year's official days off and 调休 workdays, typed in from the notice (E401–E405). Detected
in aidplan.plan.calendar_files; a calendar file's reading and schema problems have the codes of E100–E110."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class OffAndWorked(Rule):
    """A day both off (in `holidays`) and worked (in `workdays`).

    Example (2027.calendar.yaml)::

        year: 2027
        holidays:
          - {name: 春节, start: 2027-02-06, end: 2027-02-14}
        workdays:
          - 2027-02-13

    Message::

        2027.calendar.yaml:5:5: error[E401]: 2027-02-13 既是放假日（春节，第 3 行）又是调休上班日；只能是其中一种

    Fix: check the notice: a day is either off or worked; correct the holiday's run or the workday.
    """

    code = "E401"
    name = "off-and-worked"
    severity = Severity.error


class WorkdayNotWeekend(Rule):
    """A make-up workday that is not a Saturday or Sunday.

    Example::

        year: 2027
        workdays:
          - 2027-02-19

    Message::

        2027.calendar.yaml:3:5: error[E402]: 调休上班日 2027-02-19 是星期五，本来就是工作日；workdays 只写调休上班的星期六、星期日

    Fix: write only the Saturdays and Sundays the notice says are worked; a typo in the day is the usual cause.
    """

    code = "E402"
    name = "workday-not-weekend"
    severity = Severity.error


class DateOutsideYear(Rule):
    """A date outside the file's `year`.

    Example::

        year: 2027
        holidays:
          - {name: 元旦, dates: [2026-01-01]}

    Message::

        2027.calendar.yaml:3:26: error[E403]: 日期 2026-01-01 不在本文件的年份 2027 年内；每年的安排写在各自的日历文件里

    Fix: correct the year of the date, or move the day to the calendar file of its own year.
    """

    code = "E403"
    name = "date-outside-year"
    severity = Severity.error


class HolidayWithoutDates(Rule):
    """A holiday with no dates (or a run with only `start` or only `end`, or ending before it starts).

    One meaning: the holiday's days off cannot be known; the message says which part is missing or wrong.

    Example::

        year: 2027
        holidays:
          - name: 中秋节

    Message::

        2027.calendar.yaml:3:11: error[E404]: 节日“中秋节”没有日期；写 dates: [2027-01-01] 或 start: 和 end:

    Fix: give the days off as `dates: [...]`, or as a run with both `start:` and `end:` in order.
    """

    code = "E404"
    name = "holiday-without-dates"
    severity = Severity.error


class YearGivenTwice(Rule):
    """A second calendar file for a year another file already gives.

    Example: 2027.calendar.yaml and 2027-again.calendar.yaml in one folder, both with `year: 2027`.

    Message::

        2027.calendar.yaml:1:1: error[E405]: 2027 年已经由 2027-again.calendar.yaml 给出；一年的安排只能写在一个日历文件里

    Fix: keep one file per year: merge the two, or delete the copy.
    """

    code = "E405"
    name = "year-given-twice"
    severity = Severity.error
