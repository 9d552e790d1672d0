"""The rules of a plan that a schema cannot express (E201–W230): periods, deadlines, tasks and the working-day
calendar. Detected in aidplan.plan.checks."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class PeriodWithoutDates(Rule):
    """A period label that names no dates (give `span:`), or names a month that does not exist.

    One meaning: the period's dates cannot be known from what is written. The message says whether the
    label names no month at all or a month outside 1–12.

    Example::

        periods:
          - label: 迎检阶段
            tasks: [开展月巡视]

    Message::

        plan.yaml:2:12: error[E201]: 无法从时段名称“迎检阶段”推出日期范围；请用 span 写明起止日期（如 span: {start: 2020-03-01, end: 2020-03-07}）

    Fix: write the dates the period covers: `span: {start: 2020-03-01, end: 2020-03-07}`, or correct the
    month in the label.
    """

    code = "E201"
    name = "period-without-dates"
    severity = Severity.error


class PeriodsOutOfOrder(Rule):
    """Periods out of order.

    A time period that starts before one printed above it: every pair is compared, not only neighbours, and a
    period is reported once, against the first such period above it.

    Example::

        periods:
          - label: 4月份
            tasks: [开展月巡视]
          - label: 3月份
            tasks: [审核名单]

    Message::

        plan.yaml:4:12: error[E202]: 时段顺序不对：第2个时段“3月份”（2020-03-01 起）排在第1个时段“4月份”（第2行，2020-04-01 起）之后

    Fix: list the periods in the order of their dates.
    """

    code = "E202"
    name = "periods-out-of-order"
    severity = Severity.error


class PeriodsOverlap(Rule):
    """Periods that overlap.

    Every pair of time periods is compared, not only neighbours. A period over the plan's whole span (全年,
    常年, 全学期, or the same dates written out) may overlap the others; in a term plan, 寒假 and 暑假 meet the
    other periods only within the term (一月 ends with an autumn term, 寒假 starts after it).

    Example::

        periods:
          - label: 3-4月
            tasks: [开展月巡视]
          - label: 四月份
            tasks: [审核名单]

    Message::

        plan.yaml:4:12: error[E203]: 第2个时段“四月份”与第1个时段“3-4月”（第2行）重叠（2020-04-01 至 2020-04-30）

    Fix: make the periods follow each other: shorten one (its label or `span:`), or merge the two.
    """

    code = "E203"
    name = "periods-overlap"
    severity = Severity.error


class PeriodsGap(Rule):
    """A gap between periods (a warning: some plans skip January).

    A period that starts more than a day after the last day of every period above it; in a term plan, a
    week or more after it (weeks and months do not align: 开学前 ends on a Sunday, 九月 starts on the 1st).

    Example::

        periods:
          - label: 3月份
            tasks: [开展月巡视]
          - label: 5月份
            tasks: [审核名单]

    Message::

        plan.yaml:4:12: warning[W204]: 第1个时段“3月份”（第2行）与第2个时段“5月份”之间有空档（2020-04-01 至 2020-04-30 没有安排）

    Fix: add the missing period, or widen a neighbour's `span:`; if the plan really has nothing then,
    leave it (`check --strict` fails on it).
    """

    code = "W204"
    name = "periods-gap"
    severity = Severity.warning


class DeadlineNotADate(Rule):
    """A deadline that is not a real date (`2014年2月29日`, `4月31日`) or cannot be read.

    One meaning: the deadline gives no date. It covers a period's `deadline:` and a task's, and the message
    says whether the day does not exist or the text cannot be read as a date.

    Example::

        year: 2014
        periods:
          - label: 元月至2月份
            deadline: 2月29日
            tasks: [印发工作要点]

    Message::

        plan.yaml:4:15: error[E205]: 时段“元月至2月份”的完成时间“2月29日”不存在：2014年不是闰年，2月只有28天

    Fix: write a day that exists, in a form aidplan reads: “5月25日”, “5月25日前”, “2月底”.
    """

    code = "E205"
    name = "deadline-not-a-date"
    severity = Severity.error


class DeadlineBeforePeriod(Rule):
    """A deadline before its period starts.

    Example::

        periods:
          - label: 五月份
            deadline: 4月30日
            tasks: [开展月巡视]

    Message::

        plan.yaml:3:15: error[E206]: 时段“五月份”的完成时间“4月30日”（2020-04-30）早于时段“五月份”的开始（2020-05-01）

    Fix: correct the deadline or move the task to the period it belongs to.
    """

    code = "E206"
    name = "deadline-before-period"
    severity = Severity.error


class DeadlineOtherYear(Rule):
    """A deadline in a year other than the plan's.

    Example::

        year: 2020
        periods:
          - label: 十二月
            tasks:
              - text: 做好年度总结
                deadline: {text: 1月15日, date: 2021-01-15}

    Message::

        plan.yaml:6:11: warning[W207]: 任务 12.1 的截止日期“1月15日”在 2021 年，不在计划年度 2020 年

    Fix: if the year is a typo, correct it; a deadline that really falls next year can stay (it is a
    warning).
    """

    code = "W207"
    name = "deadline-other-year"
    severity = Severity.warning


class TaskRepeated(Rule):
    """A task repeated in a period (white space ignored).

    One meaning: the same task twice in one period, whether written out twice or as the same recurring
    task referenced twice.

    Example::

        periods:
          - label: 3月份
            tasks:
              - 开展月巡视
              - 审核名单
              - 开展 月巡视

    Message::

        plan.yaml:6:9: error[E208]: 时段“3月份”的第 3 项与第 1 项重复：“开展 月巡视”

    Fix: delete the repeated task, or reword it if the two are different tasks.
    """

    code = "E208"
    name = "task-repeated"
    severity = Severity.error


class PeriodWithoutTasks(Rule):
    """A period with no tasks.

    Example::

        periods:
          - label: 3月份
          - label: 4月份
            tasks: [开展月巡视]

    Message::

        plan.yaml:2:5: error[E209]: 时段“3月份”没有任务

    Fix: write the period's tasks under `tasks:`, or delete the period.
    """

    code = "E209"
    name = "period-without-tasks"
    severity = Severity.error


class UnknownRecurring(Rule):
    """A reference to a recurring task that does not exist.

    Example::

        recurring:
          - {id: monthly-data, text: 每月20日前更新数据, placement: listed}
        periods:
          - label: 3月份
            tasks:
              - recurring: monthly

    Message::

        plan.yaml:6:20: error[E211]: 引用了不存在的例行任务“monthly”；已定义的：monthly-data

    Fix: use one of the ids listed under `recurring:`, or define the recurring task.
    """

    code = "E211"
    name = "unknown-recurring"
    severity = Severity.error


class IdUsedTwice(Rule):
    """A task id or recurring id used twice.

    One meaning: an id must name one thing, so `done`, `due` and the 台账 can refer to it; it covers the
    ids of tasks and the ids of recurring tasks.

    Example::

        periods:
          - label: 三月份
            id: spring
            tasks: [开展月巡视]
          - label: 四月份
            id: spring
            tasks: [审核名单]

    Message::

        plan.yaml:7:13: error[E212]: 任务 id“spring.1”重复（也用于时段“三月份”）；请给时段写 id，或给任务写 id

    Default ids never collide (a second group starting in March is 3-2); only ids written by hand can.

    Fix: give one of the periods another `id:`, or give the task its own `id:`.
    """

    code = "E212"
    name = "id-used-twice"
    severity = Severity.error


class MonthUnknown(Rule):
    """A recurring `{month}` that cannot be filled (give `month:`).

    It comes with E201: a period whose dates are unknown has no month to write into the recurring task's
    text.

    Example::

        recurring:
          - {id: monthly-data, text: 每月20日前更新{month}月数据, placement: listed}
        periods:
          - label: 开学前
            tasks:
              - recurring: monthly-data

    Message::

        plan.yaml:6:9: error[E214]: 无法确定例行任务“monthly-data”中的 {month}：请在此处写明 month

    Fix: write the month where the task is used (`- {recurring: monthly-data, month: 8}`), or give the
    period a `span:`.
    """

    code = "E214"
    name = "month-unknown"
    severity = Severity.error


class MonthlyDayNotADay(Rule):
    """A monthly duty on a day no month has (`每月0日前`, `每月99日前`).

    A day after the end of a short month (`每月31日前` in April) means that month's last day; a day of 0 or
    beyond 31 means none, and tracking it would count a day that does not exist.

    Example::

        periods:
          - label: 3月份
            tasks:
              - 每月0日前上报资助数据。

    Message::

        plan.yaml:6:9: error[E215]: 任务 3.1 写的是每月0日：每月的日子应在 1 至 31 日之间

    Fix: write the day meant (`每月10日前`), or `每月底前` for the last day of every month.
    """

    code = "E215"
    name = "monthly-day-not-a-day"
    severity = Severity.error


class DateOutsidePlanYears(Rule):
    """A date more than a year away from the plan's `year` (a span, a deadline's date or a local day).

    A plan is about its year: its dates may reach into the year before and the year after (a school year,
    `次年1月15日`), no further. A date such as 0001-01-01 or 9999-12-31 is a typing error, and calendars
    and reports could not use it.

    Example::

        year: 2020
        periods:
          - label: 全程
            span: {start: 2020-01-01, end: 9999-12-31}
            tasks:
              - 做好资助工作。

    Message::

        plan.yaml:5:36: error[E216]: 日期 9999-12-31 超出计划可用的年份：year 为 2020，日期应在 2019 年至 2021 年之间

    Fix: correct the year, or set the plan's `year` to the year the plan is for.
    """

    code = "E216"
    name = "date-outside-plan-years"
    severity = Severity.error


class NumbersAsPrinted(Rule):
    """Task numbers that repeat or skip: printed as written, since the published plan prints them so.

    One meaning: a `number:` differs from the one counting would give (the number after the task before it;
    1 at the start of a group or after a sub-heading; with `numbering_scope: plan`, the number after the last
    task of the group before). The plan still checks, renders and tracks; the warning asks whether the
    source really prints it so. Ids stay unique: a number printed twice gives 3.1 and 3.1-2.

    Example::

        periods:
          - label: 3月份
            tasks:
              - {text: 开展月巡视, number: 1}
              - {text: 审核名单, number: 3}

    Message::

        plan.yaml:5:32: warning[W217]: 时段“3月份”的任务编号跳号：按顺序应为 2，写的是 3（按所写的印出）

    Fix: nothing, when the source prints the numbers so; otherwise correct `number:` or leave it out and let
    aidplan count.
    """

    code = "W217"
    name = "numbers-as-printed"
    severity = Severity.warning


class OwnerWithoutColumn(Rule):
    """An owner given while the table has no owner column: it would not be printed.

    A task's or recurring task's `owner:` is printed in the 责任单位 column; without that column (`owners:
    false`, the default) the owner is silently left out of the table, though `due` and `status` still use it.

    Example::

        owners: false
        periods:
          - label: 三月份
            tasks:
              - {text: 开展资助政策宣传, owner: 学生处、团委}

    Message::

        plan.yaml:5:33: warning[W218]: 任务 3.1 写了责任单位“学生处、团委”，但表格没有责任单位列，不会印出；请写 owners: true 加上这一列，或删去 owner

    Fix: add the column (`owners: true`) when the printed plan has it, or remove the `owner:`.
    """

    code = "W218"
    name = "owner-without-column"
    severity = Severity.warning


class TermNameMismatch(Rule):
    """A term whose printed name and first day disagree.

    One meaning: `term.name` states a season and year (2020-2021学年第二学期, 2012年秋季学期, 上学期/下学期)
    and `term.start` lies outside the months such a term starts in (an autumn or first term: July to
    October of the school year's first year; a spring or second term: January to April of its second). Every
    week (第三周) and school word (开学初, 期末) is worked out from the start, so one of the two is wrong.

    Example::

        term:
          name: 2020-2021学年第二学期
          start: 2020-09-01

    Message::

        plan.yaml:5:10: error[E219]: 学期名称“2020-2021学年第二学期”是春季学期（第二学期），应在 2021年1月至2021年4月之间开学，但 start 写的是 2020-09-01；请核对学期名称和开学日期

    Fix: correct the start (2021-03-01) or the name (2020-2021学年第一学期).
    """

    code = "E219"
    name = "term-name-mismatch"
    severity = Severity.error


class DeadlineOnDayOff(Rule):
    """A written deadline on a day off: a weekend, a statutory holiday or a local holiday. The message names
    the day and the nearest earlier working day.

    Example::

        year: 2020
        periods:
          - label: 五月份
            deadline: 5月31日
            tasks: [开展月巡视]

    Message::

        plan.yaml:4:15: warning[W220]: 时段“五月份”的完成时间“5月31日”（2020-05-31）是星期日，不是工作日；前一个工作日是5月29日（星期五）

    Only deadlines written as a day warn: a `deadline:` or time cell naming one day (5月31日, 10月31日前), or a
    date in a task's text printed as one (9月6日前…); the day of an event in the text (9月5日组织…), the end of
    a period, and a deadline or time cell written as a whole month, week or range (5月, 2026年10月, 3月第二周)
    do not.

    Fix: if the office is closed that day, move the deadline to the working day named; a deadline kept as
    published can stay (it is a warning). Local holidays go under `calendar: {holidays: [...]}`; a plan whose
    weekend deadlines are meant turns the warning off with `calendar: {day_off_warnings: false}`.
    """

    code = "W220"
    name = "deadline-on-day-off"
    severity = Severity.warning


class NoHolidayData(Rule):
    """The installed holiday data has no official schedule for the plan's year, so only weekends count as
    days off.

    Example: a plan for a year whose 放假安排 the State Council has not yet published, or one newer than the
    installed chinesecalendar package.

    Message::

        plan.yaml:2:7: warning[W221]: 已安装的节假日数据（chinesecalendar 1.11.0）没有 2099 年的官方安排，也没有 2099 年的日历文件：只按周末判断工作日；国务院办公厅公布通知后，把放假和调休上班日期写进 2099.calendar.yaml（运行 aidplan calendar 2099 显示格式）

    Fix: once the State Council publishes the year's notice, type its days off and 调休 workdays into the
    calendar file named (`aidplan calendar YEAR` shows the format), or upgrade chinesecalendar when it has
    them; until then weekends alone count.
    """

    code = "W221"
    name = "no-holiday-data"
    severity = Severity.warning


class TaskWithoutDate(Rule):
    """A task that ends up with no date at all: its group is a category (or a label that does not read as a
    time, such as 13月 among category tables), and the task has no time cell, no deadline and no date in its
    text. `aidplan tasks` lists it with no dates; `due`, `status` and `export` cannot: it would never come due.

    Example::

        year: 2026
        columns:
          - {header: 项目, role: group}
          - {header: 工作内容, role: task}
          - {header: 完成时间, role: time}
        groups:
          - label: 宣传教育
            tasks:
              - {text: 印发资助政策简明读本, deadline: 3月}
              - 开展资助政策宣传

    Message::

        plan.yaml:11:9: warning[W222]: 任务 c1.2“开展资助政策宣传”没有日期：分组“宣传教育”读不成时间，按类别处理，任务也没有时间、截止日期或文中日期，due、status、export 都不会列出它；请给任务写 deadline:（如“5月31日前”）或给分组写 time: / span:；分组名若本是时间，请改正写法（如“3月”“第一周”）

    Fix: give the task a `deadline:` (or fill its time cell), give the group `time:` or `span:`, or correct
    the group's label when it was meant as a time (13月 → 3月; `kind: category` only for groups that are not
    times).
    """

    code = "W222"
    name = "undated-task"
    severity = Severity.warning


class WeekOutsideGroup(Rule):
    """A time group dated outside the time group it is printed under (a week of 十月 that falls in September),
    or a week of the term after the term's end or before its start (第二十五周 of a 20-week term).

    Example::

        year: 2025
        term: {start: 2025-09-01, end: 2026-01-23}
        columns:
          - {header: 月份, role: group}
          - {header: 周次, role: group}
          - {header: 主要活动, role: task}
        groups:
          - label: 十月
            groups:
              - label: 第二周
                tasks: [开展主题班会]

    Message::

        plan.yaml:11:16: warning[W223]: 分组“第二周”的日期（2025-09-08 至 2025-09-14）不在它所属的分组“十月”（2025-10-01 至 2025-10-31）之内；请核对周次或所属分组，或给它写 span:

    A week past the term says so: `“第二十二周”（2026-01-26 至 2026-02-01）在学期（2025-09-01 至 2026-01-23）之外`.
    A week that runs across the month's first or last day (9月29日-10月5日 under 十月) shares days with it and
    is not warned; nor are 寒假/暑假, which lie outside the term by nature.

    Fix: correct the week's number (第二周 → 第六周) or move it under the month it falls in; a week numbered
    past the term means the week or the term's `start`/`end` is wrong.
    """

    code = "W223"
    name = "week-outside-group"
    severity = Severity.warning


class ExampleTask(Rule):
    """An example task written by `aidplan new`, not yet replaced by a task of the office.

    `aidplan new` writes one example task in each period (and the example text starts with 【示例】), so that
    the new plan checks and renders at once; the warning stays until each is replaced or deleted.

    Example::

        periods:
          - label: 1月份
            tasks:
              - 【示例】写下本时段的工作任务，一项一行

    Message::

        plan.yaml:4:9: warning[W230]: 示例任务尚未替换：时段“1月份”的第 1 项“【示例】写下本时段的工作任务，一项一行”

    Fix: write the office's own task in its place (without 【示例】), or delete the line.
    """

    code = "W230"
    name = "example-task"
    severity = Severity.warning
