"""The rules of a plan that a schema cannot express (E201–W230): periods, deadlines, tasks and the working-day
calendar. Detected in aidplan.plan.checks."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class PeriodWithoutDates(Rule):
    """时段名称没有说明日期（请写 `span:`），或者写了不存在的月份。

    同一个意思：从所写的内容无法知道时段的日期。消息说明是名称里根本没有月份，还是月份不在 1–12 之内。

    示例::

        periods:
          - label: 迎检阶段
            tasks: [开展月巡视]

    消息::

        plan.yaml:2:12: error[E201]: 无法从时段名称“迎检阶段”推出日期范围；请用 span 写明起止日期（如 span: {start: 2020-03-01, end: 2020-03-07}）

    改正：写出时段的日期：`span: {start: 2020-03-01, end: 2020-03-07}`，或者改正名称里的月份。
    """

    code = "E201"
    name = "period-without-dates"
    severity = Severity.error


class PeriodsOutOfOrder(Rule):
    """时段顺序颠倒。

    时间时段开始得比排在它上面的某个时段早：每两个时段都比较，不只是相邻的；一个时段只报告一次，对着它上面第一个这
    样的时段。

    示例::

        periods:
          - label: 4月份
            tasks: [开展月巡视]
          - label: 3月份
            tasks: [审核名单]

    消息::

        plan.yaml:4:12: error[E202]: 时段顺序不对：第2个时段“3月份”（2020-03-01 起）排在第1个时段“4月份”（第2行，2020-04-01 起）之后

    改正：按日期顺序排列时段。
    """

    code = "E202"
    name = "periods-out-of-order"
    severity = Severity.error


class PeriodsOverlap(Rule):
    """时段互相重叠。

    每两个时间时段都比较，不只是相邻的。覆盖计划全程的时段（全年、常年、全学期，或者写出相同日期的）可以与其他时段
    重叠；学期计划里，寒假和暑假只在学期之内与其他时段相遇（一月随秋季学期结束，寒假在它之后开始）。

    示例::

        periods:
          - label: 3-4月
            tasks: [开展月巡视]
          - label: 四月份
            tasks: [审核名单]

    消息::

        plan.yaml:4:12: error[E203]: 第2个时段“四月份”与第1个时段“3-4月”（第2行）重叠（2020-04-01 至 2020-04-30）

    改正：让时段首尾相接：缩短其中一个（改名称或 `span:`），或者合并两个。
    """

    code = "E203"
    name = "periods-overlap"
    severity = Severity.error


class PeriodsGap(Rule):
    """时段之间有空档（是警告：有的计划跳过一月）。

    时段的开始比它上面所有时段的最后一天晚一天以上；学期计划里是晚一周或更多（周和月对不齐：开学前在星期日结束，九
    月从 1 日开始）。

    示例::

        periods:
          - label: 3月份
            tasks: [开展月巡视]
          - label: 5月份
            tasks: [审核名单]

    消息::

        plan.yaml:4:12: warning[W204]: 第1个时段“3月份”（第2行）与第2个时段“5月份”之间有空档（2020-04-01 至 2020-04-30 没有安排）

    改正：补上缺少的时段，或者放宽相邻时段的 `span:`；如果计划那段时间确实没有任务，就保留（`check --strict` 会因此
    失败）。
    """

    code = "W204"
    name = "periods-gap"
    severity = Severity.warning


class DeadlineNotADate(Rule):
    """截止日期不是真实的日期（`2014年2月29日`、`4月31日`）或读不出来。

    同一个意思：截止日期没有给出日期。包括时段的 `deadline:` 和任务的截止日期，消息说明是这一天不存在，还是文本读不
    成日期。

    示例::

        year: 2014
        periods:
          - label: 元月至2月份
            deadline: 2月29日
            tasks: [印发工作要点]

    消息::

        plan.yaml:4:15: error[E205]: 时段“元月至2月份”的完成时间“2月29日”不存在：2014年不是闰年，2月只有28天

    改正：写存在的日子，用 aidplan 读得懂的写法：“5月25日”“5月25日前”“2月底”。
    """

    code = "E205"
    name = "deadline-not-a-date"
    severity = Severity.error


class DeadlineBeforePeriod(Rule):
    """截止日期早于时段开始。

    示例::

        periods:
          - label: 五月份
            deadline: 4月30日
            tasks: [开展月巡视]

    消息::

        plan.yaml:3:15: error[E206]: 时段“五月份”的完成时间“4月30日”（2020-04-30）早于时段“五月份”的开始（2020-05-01）

    改正：改正截止日期，或者把任务移到它所属的时段。
    """

    code = "E206"
    name = "deadline-before-period"
    severity = Severity.error


class DeadlineOtherYear(Rule):
    """截止日期不在计划的年份。

    示例::

        year: 2020
        periods:
          - label: 十二月
            tasks:
              - text: 做好年度总结
                deadline: {text: 1月15日, date: 2021-01-15}

    消息::

        plan.yaml:6:11: warning[W207]: 任务 12.1 的截止日期“1月15日”在 2021 年，不在计划年度 2020 年

    改正：年份是笔误就改正；确实在下一年的截止日期可以保留（这是警告）。
    """

    code = "W207"
    name = "deadline-other-year"
    severity = Severity.warning


class TaskRepeated(Rule):
    """时段里有重复的任务（不计空白）。

    同一个意思：同一个任务在一个时段里出现两次，不论是写了两遍，还是同一个每月任务被引用两次。

    示例::

        periods:
          - label: 3月份
            tasks:
              - 开展月巡视
              - 审核名单
              - 开展 月巡视

    消息::

        plan.yaml:6:9: error[E208]: 时段“3月份”的第 3 项与第 1 项重复：“开展 月巡视”

    改正：删掉重复的任务；如果两个其实是不同的任务，就改写其中一个。
    """

    code = "E208"
    name = "task-repeated"
    severity = Severity.error


class PeriodWithoutTasks(Rule):
    """时段里没有任务（印出来留空的一行写 `tasks: []`）。

    示例::

        periods:
          - label: 3月份
          - label: 4月份
            tasks: [开展月巡视]

    消息::

        plan.yaml:2:5: error[E209]: 时段“3月份”没有任务

    改正：在 `tasks:` 下写出时段的任务，或者删掉这个时段；表格里印出来却没有任务的一行（行事历里没有安排的一周），
    写 `tasks: []`。
    """

    code = "E209"
    name = "period-without-tasks"
    severity = Severity.error


class UnknownRecurring(Rule):
    """引用的每月任务不存在。

    示例::

        recurring:
          - {id: monthly-data, text: 每月20日前更新数据, placement: listed}
        periods:
          - label: 3月份
            tasks:
              - recurring: monthly

    消息::

        plan.yaml:6:20: error[E211]: 引用了不存在的例行任务“monthly”；已定义的：monthly-data

    改正：用 `recurring:` 下列出的 id 之一，或者定义这个每月任务。
    """

    code = "E211"
    name = "unknown-recurring"
    severity = Severity.error


class IdUsedTwice(Rule):
    """任务 id 或每月任务 id 用了两次。

    同一个意思：一个 id 只能指一件事，`done`、`due` 和台账才能引用它；包括任务的 id 和每月任务的 id。

    示例::

        periods:
          - label: 三月份
            id: spring
            tasks: [开展月巡视]
          - label: 四月份
            id: spring
            tasks: [审核名单]

    消息::

        plan.yaml:7:13: error[E212]: 任务 id“spring.1”重复（也用于时段“三月份”）；请给时段写 id，或给任务写 id

    默认 id 不会冲突（三月开始的第二个分组是 3-2）；只有手写的 id 会。

    改正：给其中一个时段另一个 `id:`，或者给任务写自己的 `id:`。
    """

    code = "E212"
    name = "id-used-twice"
    severity = Severity.error


class MonthUnknown(Rule):
    """每月任务的 `{month}` 无法填写（请给 `month:`）。

    它与 E201 一起出现：日期未知的时段没有月份可以写进每月任务的文本。

    示例::

        recurring:
          - {id: monthly-data, text: 每月20日前更新{month}月数据, placement: listed}
        periods:
          - label: 开学前
            tasks:
              - recurring: monthly-data

    消息::

        plan.yaml:6:9: error[E214]: 无法确定例行任务“monthly-data”中的 {month}：请在此处写明 month

    改正：在用到任务的地方写出月份（`- {recurring: monthly-data, month: 8}`），或者给时段写 `span:`。
    """

    code = "E214"
    name = "month-unknown"
    severity = Severity.error


class MonthlyDayNotADay(Rule):
    """每月任务的日子是任何月份都没有的（`每月0日前`、`每月99日前`）。

    超过小月月底的日子（四月里的 `每月31日前`）表示当月最后一天；0 日或超过 31 日哪个月都没有，跟踪它会数一个不存在
    的日子。

    示例::

        periods:
          - label: 3月份
            tasks:
              - 每月0日前上报资助数据。

    消息::

        plan.yaml:6:9: error[E215]: 任务 3.1 写的是每月0日：每月的日子应在 1 至 31 日之间

    改正：写想要的日子（`每月10日前`），或者用 `每月底前` 表示每月最后一天。
    """

    code = "E215"
    name = "monthly-day-not-a-day"
    severity = Severity.error


class DateOutsidePlanYears(Rule):
    """日期离计划的 `year` 超过一年（时段范围、截止日期或本地假日）。

    计划讲的是它那一年：日期可以延伸到前一年和后一年（学年、`次年1月15日`），不能更远。0001-01-01 或 9999-12-31 这
    样的日期是输入错误，日历和报表也用不了。

    示例::

        year: 2020
        periods:
          - label: 全程
            span: {start: 2020-01-01, end: 9999-12-31}
            tasks:
              - 做好资助工作。

    消息::

        plan.yaml:5:36: error[E216]: 日期 9999-12-31 超出计划可用的年份：year 为 2020，日期应在 2019 年至 2021 年之间

    改正：改正年份，或者把计划的 `year` 设为计划所属的年份。
    """

    code = "E216"
    name = "date-outside-plan-years"
    severity = Severity.error


class NumbersAsPrinted(Rule):
    """任务编号重复或跳号：照写的印出，因为发布的计划就是这样印的。

    同一个意思：`number:` 与顺数应得的编号不同（前一个任务的下一个号；分组开头或小标题之后是 1；`numbering_scope:
    plan` 时是前一个分组最后一个任务的下一个号）。计划照常检查、生成和跟踪；警告只是问一下原件是否真这样印。id 仍然唯
    一：印了两次的编号得到 3.1 和 3.1-2。

    示例::

        periods:
          - label: 3月份
            tasks:
              - {text: 开展月巡视, number: 1}
              - {text: 审核名单, number: 3}

    消息::

        plan.yaml:5:32: warning[W217]: 时段“3月份”的任务编号跳号：按顺序应为 2，写的是 3（按所写的印出）

    改正：原件就这样编号时什么也不用做；否则改正 `number:`，或者不写它，让 aidplan 来数。
    """

    code = "W217"
    name = "numbers-as-printed"
    severity = Severity.warning


class OwnerWithoutColumn(Rule):
    """写了责任单位，但表格没有责任单位列：不会印出来。

    任务或每月任务的 `owner:` 印在“责任单位”列；没有这一列时（`owners: false`，默认），表格里悄悄不印责任单位，尽管
    `due` 和 `status` 仍然用它。

    示例::

        owners: false
        periods:
          - label: 三月份
            tasks:
              - {text: 开展资助政策宣传, owner: 学生处、团委}

    消息::

        plan.yaml:5:33: warning[W218]: 任务 3.1 写了责任单位“学生处、团委”，但表格没有责任单位列，不会印出；请写 owners: true 加上这一列，或删去 owner

    改正：印出的计划有这一列时加上它（`owners: true`），否则删掉 `owner:`。
    """

    code = "W218"
    name = "owner-without-column"
    severity = Severity.warning


class TermNameMismatch(Rule):
    """学期名称与第一天对不上。

    同一个意思：`term.name` 说明了季节和年份（2020-2021学年第二学期、2012年秋季学期、上学期/下学期），而
    `term.start` 不在这种学期开始的月份里（秋季或第一学期：学年第一年的七月到十月；春季或第二学期：第二年的一月到四月
    ）。每一周（第三周）和学校用语（开学初、期末）都从开始日算出，所以两者必有一个错了。

    示例::

        term:
          name: 2020-2021学年第二学期
          start: 2020-09-01

    消息::

        plan.yaml:5:10: error[E219]: 学期名称“2020-2021学年第二学期”是春季学期（第二学期），应在 2021年1月至2021年4月之间开学，但 start 写的是 2020-09-01；请核对学期名称和开学日期

    改正：改正开始日（2021-03-01）或名称（2020-2021学年第一学期）。
    """

    code = "E219"
    name = "term-name-mismatch"
    severity = Severity.error


class DeadlineOnDayOff(Rule):
    """写出的截止日期是休息日：周末、法定节假日或本地假日。消息给出这一天和之前最近的工作日。

    示例::

        year: 2020
        periods:
          - label: 五月份
            deadline: 5月31日
            tasks: [开展月巡视]

    消息::

        plan.yaml:4:15: warning[W220]: 时段“五月份”的完成时间“5月31日”（2020-05-31）是星期日，不是工作日；前一个工作日是5月29日（星期五）

    只有写成某一天的截止日期会警告：写明一天的 `deadline:` 或时间单元格（5月31日、10月31日前），或者任务文本里作为
    截止印出的日期（9月6日前…）；文本里活动的日子（9月5日组织…）、时段的结束，以及写成整月、整周或一段时间的截止日期或
    时间单元格（5月、2026年10月、3月第二周）不会。

    改正：如果那天单位不上班，把截止日期提前到消息给出的工作日；照发布原样保留的截止日期可以不改（这是警告）。本地
    假日写在 `calendar: {holidays: [...]}` 下；周末截止本来就是有意的计划，可以用 `calendar: {day_off_warnings:
    false}` 关掉这个警告。
    """

    code = "W220"
    name = "deadline-on-day-off"
    severity = Severity.warning


class NoHolidayData(Rule):
    """安装的节假日数据没有计划年份的官方安排，所以只把周末算作休息日。

    示例：国务院还没有公布放假安排的年份的计划，或者比安装的 chinesecalendar 包更新的年份。

    消息::

        plan.yaml:2:7: warning[W221]: 已安装的节假日数据（chinesecalendar 1.11.0）没有 2099 年的官方安排，也没有 2099 年的日历文件：只按周末判断工作日；国务院办公厅公布通知后，把放假和调休上班日期写进 2099.calendar.yaml（运行 aidplan calendar 2099 显示格式）

    改正：国务院公布当年通知后，把放假日和调休上班日录入消息所说的日历文件（`aidplan calendar YEAR` 显示格式），或
    者等 chinesecalendar 收录后升级它；在那之前只算周末。
    """

    code = "W221"
    name = "no-holiday-data"
    severity = Severity.warning


class TaskWithoutDate(Rule):
    """最后完全没有日期的任务：它的分组是类别（或者名称读不成时间，比如类别表格中的 13月），任务也没有时间单元格、截止
    日期或文中日期。`aidplan tasks` 会列出它（没有日期）；`due`、`status` 和 `export` 列不出：它永远不会到期。

    示例::

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

    消息::

        plan.yaml:11:9: warning[W222]: 任务 c1.2“开展资助政策宣传”没有日期：分组“宣传教育”读不成时间，按类别处理，任务也没有时间、截止日期或文中日期，due、status、export 都不会列出它；请给任务写 deadline:（如“5月31日前”）或给分组写 time: / span:；分组名若本是时间，请改正写法（如“3月”“第一周”）

    改正：给任务写 `deadline:`（或填上它的时间单元格），给分组写 `time:` 或 `span:`，或者在分组名本意是时间时改正写
    法（13月 → 3月；`kind: category` 只用于不是时间的分组）。
    """

    code = "W222"
    name = "undated-task"
    severity = Severity.warning


class WeekOutsideGroup(Rule):
    """时间分组的日期不在它所属的时间分组之内（十月下面落在九月的一周），或者学期的某一周在学期结束之后或开始之前（20
    周的学期里的第二十五周）。

    示例::

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

    消息::

        plan.yaml:11:16: warning[W223]: 分组“第二周”的日期（2025-09-08 至 2025-09-14）不在它所属的分组“十月”（2025-10-01 至 2025-10-31）之内；请核对周次或所属分组，或给它写 span:

    超出学期的周会这样说明：`“第二十二周”（2026-01-26 至 2026-02-01）在学期（2025-09-01 至 2026-01-23）之外`。跨过
    月份第一天或最后一天的周（十月下面的 9月29日-10月5日）与该月有共同的日子，不警告；寒假/暑假本来就在学期之外，也不
    警告。

    改正：改正周次（第二周 → 第六周），或者把它移到它所在的月份下面；周次超出学期，说明周次或学期的 `start`/`end`
    写错了。
    """

    code = "W223"
    name = "week-outside-group"
    severity = Severity.warning


class TaskOutsideTerm(Rule):
    """学期的某一周里的任务，日期却在学期开始之前或结束之后：第二十一周的“1月23日休业式”，而学期 1月22日就结束了。
    一般是学期的起止日期或任务的日期有一个写错了（用去年的计划写今年的计划时，学期的最后一天常常挪到了前一天）。

    示例::

        year: 2026
        term: {start: 2026-08-31, end: 2027-01-22}
        groups:
          - label: 第二十一周
            tasks:
              - 1月23日休业式

    消息::

        plan.yaml:6:9: warning[W224]: 任务 w21.1“1月23日休业式”的日期 2027-01-23 在学期（2026-08-31 至 2027-01-22）之外；请核对任务的日期或 term 的起止日期

    只看写在学期的周（第一周、第二十一周……）里的任务，日期是任务自己的（`deadline:` 或文中的日期）；月份和类别下面的
    任务（寒假里的家访、暑假前的报送）不警告。

    改正：改正任务的日期，或者把 `term` 的 `start`/`end` 改成校历上的日子。
    """

    code = "W224"
    name = "task-outside-term"
    severity = Severity.warning


class UnsureDate(Rule):
    """日期读不准：没写年份、早于所在时段的日子按次年读了，或者文中的日期不存在。

    一个十二月的时段里写“1月8日前完成”，按十二月所在的年份读就早于时段十一个月；aidplan 把没写年份、早于时段开始、
    又落在时段结束后三个月之内的日子按次年读（1月8日 → 次年1月8日），并在这里说明。文中写了不存在的日子（非闰年的
    2月29日）时，这个日期不当作截止日期，也在这里说明。

    示例::

        year: 2010
        periods:
          - label: 十二月
            tasks:
              - 1月7日前完成年度总结

    消息::

        plan.yaml:5:9: warning[W225]: 任务 12.1 文中的日期“1月7日”没有写年份，早于时段“十二月”的开始，按次年读作 2011-01-07；如指次年，写成“次年1月7日”可免此警告，如指别的年份请写明年份

    改正：写明年份（“次年1月8日”“2011年1月8日”），或者把任务移到它所属的时段；不存在的日子改成存在的日子。
    """

    code = "W225"
    name = "unsure-date"
    severity = Severity.warning


class TitleYear(Rule):
    """标题或学期写的年份与 `year:` 不符。

    计划的月份（九月、3月15日前）都按 `year:` 算年份，标题印在文件上。把去年的计划复制一份、只改了 `year:`，标题还写着
    去年，印出来的就是旧年份；反过来，标题和学期改成了新一年而 `year:` 没改，每个日期都差一年。检查三处：标题里的年份
    （2026年、2026-2027学年、2026/2027年度；《》里的文件名和离 `year:` 超过 5 年的年份不算）要含 `year:`；学期计划的
    标题写学年时，要是学期所在的学年（秋季学期从 2026 年开学是 2026-2027学年，春季学期从 2027 年开学也是）；`term.start`
    要在 `year:` 那一年，因为时段的月份按 `year:` 算。

    示例::

        title: 某县2026年学生资助工作计划
        year: 2027

    消息::

        plan.yaml:1:8: warning[W226]: 标题写的是 2026 年，year: 是 2027：把标题改成 2027 年，或用 aidplan new --from 生成下一年的计划

    改正：改标题或 `year:`，让两者一致；要从今年的计划做下一年的，用 `aidplan new 新计划.yaml --from 本计划.yaml
    --year 2027`，它把标题、学期和文中的年份一起改好。
    """

    code = "W226"
    name = "title-year"
    severity = Severity.warning


class DeadlineOutsideTerm(Rule):
    """学期计划里任务的截止日期落在学期之外：节日、季度和学校的字眼按学期推算，算出来却不在这个学期。

    学期计划里的“端午节前”“清明节前”按学期所在的年份推算，秋季学期的端午节在学期结束之后；“暑假前”是暑假之前的
    那一天，在秋季学期里是上一个学期的最后几天；“第一季度”“春季学期”也都不在秋季学期之内。写“6月、9月”的任务，学期
    里只有 9 月，6 月那一次不排进日程。这些日期照样列进 due、status、export，却多半不是这个学期的事。

    示例::

        year: 2026
        term: {name: 2026年秋季学期, start: 2026-08-31, end: 2027-01-22}
        columns: [{header: 类别, role: group}, {header: 工作内容, role: task}, {header: 完成时限, role: time}]
        groups:
          - label: 一、资助工作
            tasks:
              - {text: 开展资助政策宣传, deadline: 端午节前}

    消息::

        plan.yaml:7:36: warning[W227]: 任务 c1.1 的截止日期“端午节前”读作 2027-06-08，在学期（2026-08-31 至 2027-01-22）之外；请核对，或直接写明日期

    学期前后的假期（寒假、暑假、开学前，以及落在假期里的春节前、8月25日前这样的日子）不警告：假期里的工作本来就排在
    学期之外；写在学期的周里的任务由 W224 说明，写在假期分组（寒假、七月）里、日期在分组之内的任务也不警告。
    学期计划里排在一月之后的“八月”按次年读，在学期和假期之外，也在这里说明（时段“八月”读作 2027-08-01 至 2027-08-31）。

    改正：写明日期（“2027年1月15日前”），或者把这项任务移到它所属的学期的计划里；“6月、9月”只写本学期的月份。
    """

    code = "W227"
    name = "deadline-outside-term"
    severity = Severity.warning


class TextDateBeforeGroup(Rule):
    """任务文中的截止日期比它所在的时段早三个多月：十一月、十二月的任务写着“2026年3月5日前报送总结”。

    文中写明年份的日期按所写的年份读，没写年份、又不在时段之后三个月之内的按时段的年份读；早于时段开始三个多月，
    多半是从别的计划或文件里抄来、没改的日期（`deadline:` 早于时段开始是 E206）。

    示例::

        year: 2026
        periods:
          - label: 11—12月
            tasks:
              - 2026年3月5日前报送总结

    消息::

        plan.yaml:5:9: warning[W228]: 任务 11.1 文中的日期“2026年3月5日”（2026-03-05）早于时段“11—12月”的开始（2026-11-01）8 个月；如是别处的日期不必理会，如是本时段的截止日期，请改正年份或月份

    改正：改正日期的年份或月份；日期说的若是别的事（文件印发的日子），写成“按2026年3月5日印发的通知…”之类，不带“前”“完成”。
    """

    code = "W228"
    name = "text-date-before-group"
    severity = Severity.warning


class ExampleTask(Rule):
    """`aidplan new` 写的示例任务，还没有换成本单位的任务。

    `aidplan new` 在每个时段写一个示例任务（示例文本以【示例】开头），让新计划马上能检查和生成；在每个示例被替换或
    删掉之前，警告一直在。

    示例::

        periods:
          - label: 1月份
            tasks:
              - 【示例】写下本时段的工作任务，一项一行

    消息::

        plan.yaml:4:9: warning[W230]: 示例任务尚未替换：时段“1月份”的第 1 项“【示例】写下本时段的工作任务，一项一行”

    改正：在原处写本单位自己的任务（不带【示例】），或者删掉这一行。
    """

    code = "W230"
    name = "example-task"
    severity = Severity.warning


class InvisibleCharacter(Rule):
    """文字里有看不见的零宽字符。

    网页和公众号文章常在字词中间夹着零宽空格（U+200B）、零宽连接符、方向标记或软连字符。印出来看不见，但“每<U+200B>月
    20日前”就不再是“每月20日前”：例行的截止日期读不出来，任务只按时段结束跟踪，别的检查也不会说为什么。

    示例::

        tasks:
          - 每<U+200B>月20日前更新维护学生资助系统数据

    消息::

        plan.yaml:5:9: warning[W231]: 文字里有 1 个看不见的字符（第一个是 U+200B，在“每”之后）：它把字词隔开，“每月”“20日前”这样的写法就读不出来；请删除它（aidplan import 导入时会自动删除）

    改正：删掉这个字符（编辑器不显示它时，把那几个字重新输入一遍）；`aidplan import` 导入网页文字时会自动删除它们。
    """

    code = "W231"
    name = "invisible-character"
    severity = Severity.warning
