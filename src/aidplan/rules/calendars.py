"""Calendar files: a year's official days off and 调休 workdays, typed in from the notice (E401–E405). Detected
in aidplan.plan.calendar_files; a calendar file's reading and schema problems have the codes of E100–E110."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class OffAndWorked(Rule):
    """某一天既是放假日（在 `holidays` 里）又是上班日（在 `workdays` 里）。

    示例（2027.calendar.yaml）::

        year: 2027
        holidays:
          - {name: 春节, start: 2027-02-06, end: 2027-02-14}
        workdays:
          - 2027-02-13

    消息::

        2027.calendar.yaml:5:5: error[E401]: 2027-02-13 既是放假日（春节，第 3 行）又是调休上班日；只能是其中一种

    改正：核对通知：一天要么放假要么上班；改正假期的起止或调休上班日。
    """

    code = "E401"
    name = "off-and-worked"
    severity = Severity.error


class WorkdayNotWeekend(Rule):
    """调休上班日不是星期六或星期日。

    示例::

        year: 2027
        workdays:
          - 2027-02-19

    消息::

        2027.calendar.yaml:3:5: error[E402]: 调休上班日 2027-02-19 是星期五，本来就是工作日；workdays 只写调休上班的星期六、星期日

    改正：只写通知说要上班的星期六和星期日；通常是日子写错了。
    """

    code = "E402"
    name = "workday-not-weekend"
    severity = Severity.error


class DateOutsideYear(Rule):
    """日期不在文件的 `year` 之内。

    示例::

        year: 2027
        holidays:
          - {name: 元旦, dates: [2026-01-01]}

    消息::

        2027.calendar.yaml:3:26: error[E403]: 日期 2026-01-01 不在本文件的年份 2027 年内；每年的安排写在各自的日历文件里

    改正：改正日期的年份，或者把这一天移到它所在年份的日历文件里。
    """

    code = "E403"
    name = "date-outside-year"
    severity = Severity.error


class HolidayWithoutDates(Rule):
    """假期没有日期（或者起止只有 `start` 或只有 `end`，或者结束早于开始）。

    同一个意思：无法知道假期放哪几天；消息说明哪一部分缺少或写错了。

    示例::

        year: 2027
        holidays:
          - name: 中秋节

    消息::

        2027.calendar.yaml:3:11: error[E404]: 节日“中秋节”没有日期；写 dates: [2027-01-01] 或 start: 和 end:

    改正：用 `dates: [...]` 给出放假的日子，或者写出起止，`start:` 和 `end:` 都要有且先后正确。
    """

    code = "E404"
    name = "holiday-without-dates"
    severity = Severity.error


class YearGivenTwice(Rule):
    """同一年份已经有另一个日历文件。

    示例：一个文件夹里有 2027.calendar.yaml 和 2027-again.calendar.yaml，都写着 `year: 2027`。

    消息::

        2027.calendar.yaml:1:1: error[E405]: 2027 年已经由 2027-again.calendar.yaml 给出；一年的安排只能写在一个日历文件里

    改正：每年只留一个文件：合并两个，或者删掉副本。
    """

    code = "E405"
    name = "year-given-twice"
    severity = Severity.error
