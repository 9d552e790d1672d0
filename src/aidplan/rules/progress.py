"""The progress file beside a plan (E301–E307). Detected in aidplan.track.progress and aidplan.commands.check;
a progress file's reading problems have the codes of E100–E109."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class ProgressNotAList(Rule):
    """进度文件不是记录的列表。

    示例（2020-huaibei.progress.yaml）::

        task: "5.1"
        status: done
        date: 2020-05-20

    消息::

        2020-huaibei.progress.yaml:1:1: error[E301]: 进度文件的顶层应为记录列表（每条以“- task: …”开头）

    改正：每条记录以“- ”开头，就像 `aidplan done` 写的那样。
    """

    code = "E301"
    name = "progress-not-a-list"
    severity = Severity.error


class ProgressSchemaError(Rule):
    """进度记录的结构错误：缺少键或有未知的键，或者值的类型不对。

    示例::

        - task: "5.1"
          status: finished
          date: 2020-05-20

    消息::

        2020-huaibei.progress.yaml:2:11: error[E302]: “status”的值不可用：“finished”；可选：“todo”、“doing”、“done”、“dropped”

    改正：照消息改；一条记录有 task、status（todo、doing、done 或 dropped）和 date，可以有 by 和 note。
    """

    code = "E302"
    name = "progress-schema"
    severity = Severity.error


class ProgressUnknownTask(Rule):
    """进度记录指向计划里没有的任务。

    示例：计划的 5月份 只有两个任务 5.1 和 5.2，却有任务 5.3 的记录（或者写记录之后计划重新编过号）::

        - task: "5.3"
          status: done
          date: 2020-05-20

    消息::

        2020-huaibei.progress.yaml:1:9: error[E303]: 计划里没有编号为“5.3”的任务；是不是 5.2、5.1？

    改正：改正 id（`aidplan due` 和 `aidplan status` 会显示 id），或者删掉这条记录。
    """

    code = "E303"
    name = "progress-unknown-task"
    severity = Severity.error


class ProgressWithoutPlan(Rule):
    """进度文件旁边没有计划。

    示例：计划改名或移走以后运行 `aidplan check 2020-huaibei.progress.yaml`。

    消息::

        2020-huaibei.progress.yaml:1:1: error[E304]: 找不到进度文件所属的计划 2020-huaibei.yaml

    改正：把 PLAN.progress.yaml 与 PLAN.yaml 放在同一文件夹、用同一个名字；计划改名时进度文件一起改。
    """

    code = "E304"
    name = "progress-without-plan"
    severity = Severity.error


class SharedProgressFile(Rule):
    """一个文件夹里有两份计划 a.yaml 和 a.yml：两者都会把记录存在 a.progress.yaml 里。

    示例：文件夹里有 2020-huaibei.yaml，还有另存的副本 2020-huaibei.yml。

    消息::

        2020-huaibei.yaml:1:1: error[E305]: 2020-huaibei.yaml 和 2020-huaibei.yml 会共用进度文件 2020-huaibei.progress.yaml，两个计划的记录会混在一起；请把其中一个改名（或移到别的目录）

    改正：给其中一份计划改名（或移到别的文件夹）；在那之前 done、mark、due 和 status 对两者都拒绝执行。
    """

    code = "E305"
    name = "shared-progress-file"
    severity = Severity.error


class RecordForAnotherTask(Rule):
    """按文本判断，进度记录的任务现在是另一个 id：它上面插入或删除了任务，记录会算到错的任务上。

    示例：`aidplan done plan.yaml 5.2` 为“开展资助大检查”写的记录，之后 5月份 最前面插入了一个新任务::

        - task: "5.2"
          status: done
          date: 2020-05-03
          text: "开展资助大检查"

    消息::

        plan.progress.yaml:1:9: warning[W306]: 记录“5.2”是为“开展资助大检查”写的，但现在 5.2 是“发放国家助学金”；任务编号像是变了，现在是 5.3；运行 aidplan progress reid 改正记录的编号

    改正：运行 `aidplan progress reid PLAN`（它改写 id，保留文件里的注释），或者手工改正 id。没有 `text:` 的记录无
    法跟随。
    """

    code = "W306"
    name = "record-for-another-task"
    severity = Severity.warning


class FutureRecord(Rule):
    """进度记录的日期在今天之后：按更早日期出的报表不理会它，而到了那一天它会压过所有更早的记录（把 2020 误写成 2030
    就会永远压过）。

    示例::

        - task: "5.1"
          status: done
          date: 2030-05-20

    消息::

        plan.progress.yaml:3:9: warning[W307]: 记录“5.1”的日期 2030-05-20 晚于今天；在那天之前它不计入报告，之后会压过更早日期的记录

    改正：改正进度文件里的日期。
    """

    code = "W307"
    name = "future-record"
    severity = Severity.warning
