"""The progress file beside a plan (E301–E307). Detected in aidplan.track.progress and aidplan.commands.check;
a progress file's reading problems have the codes of E100–E109."""

from __future__ import annotations

from aidplan.rules.base import Rule, Severity


class ProgressNotAList(Rule):
    """A progress file that is not a list of records.

    Example (2020-huaibei.progress.yaml)::

        task: "5.1"
        status: done
        date: 2020-05-20

    Message::

        2020-huaibei.progress.yaml:1:1: error[E301]: 进度文件的顶层应为记录列表（每条以“- task: …”开头）

    Fix: start each record with “- ”, as `aidplan done` writes them.
    """

    code = "E301"
    name = "progress-not-a-list"
    severity = Severity.error


class ProgressSchemaError(Rule):
    """A progress record with a schema error: a missing or unknown key, or a value of the wrong type.

    Example::

        - task: "5.1"
          status: finished
          date: 2020-05-20

    Message::

        2020-huaibei.progress.yaml:2:11: error[E302]: “status”的值不可用：“finished”；可选：“todo”、“doing”、“done”、“dropped”

    Fix: follow the message; a record has task, status (todo, doing, done or dropped) and date, and may
    have by and note.
    """

    code = "E302"
    name = "progress-schema"
    severity = Severity.error


class ProgressUnknownTask(Rule):
    """A progress record naming a task the plan does not have.

    Example: a record for task 5.3 when the plan's 5月份 has two tasks, 5.1 and 5.2 (or the plan was
    renumbered after the record was written)::

        - task: "5.3"
          status: done
          date: 2020-05-20

    Message::

        2020-huaibei.progress.yaml:1:9: error[E303]: 计划里没有编号为“5.3”的任务；是不是 5.2、5.1？

    Fix: correct the id (`aidplan due` and `aidplan status` show the ids), or delete the record.
    """

    code = "E303"
    name = "progress-unknown-task"
    severity = Severity.error


class ProgressWithoutPlan(Rule):
    """A progress file with no plan beside it.

    Example: `aidplan check 2020-huaibei.progress.yaml` after the plan was renamed or moved.

    Message::

        2020-huaibei.progress.yaml:1:1: error[E304]: 找不到进度文件所属的计划 2020-huaibei.yaml

    Fix: keep PLAN.progress.yaml in the same folder as PLAN.yaml, under the same name; rename the
    progress file with its plan.
    """

    code = "E304"
    name = "progress-without-plan"
    severity = Severity.error


class SharedProgressFile(Rule):
    """Two plans, a.yaml and a.yml, in one folder: both would keep their records in a.progress.yaml.

    Example: a folder holding 2020-huaibei.yaml and a copy saved as 2020-huaibei.yml.

    Message::

        2020-huaibei.yaml:1:1: error[E305]: 2020-huaibei.yaml 和 2020-huaibei.yml 会共用进度文件 2020-huaibei.progress.yaml，两个计划的记录会混在一起；请把其中一个改名（或移到别的目录）

    Fix: rename one of the plans (or move it to another folder); done, mark, due and status refuse both
    until then.
    """

    code = "E305"
    name = "shared-progress-file"
    severity = Severity.error


class RecordForAnotherTask(Rule):
    """A progress record whose task, judged by its text, now has another id: a task was inserted or removed
    above it, so the record would count for the wrong task.

    Example: a record written by `aidplan done plan.yaml 5.2` for 开展资助大检查, after a new first task was
    inserted into 5月份::

        - task: "5.2"
          status: done
          date: 2020-05-03
          text: "开展资助大检查"

    Message::

        plan.progress.yaml:1:9: warning[W306]: 记录“5.2”是为“开展资助大检查”写的，但现在 5.2 是“发放国家助学金”；任务编号像是变了，现在是 5.3；运行 aidplan progress reid 改正记录的编号

    Fix: run `aidplan progress reid PLAN` (it rewrites the ids, keeping the file's comments), or correct the
    id by hand. Records without `text:` cannot be followed.
    """

    code = "W306"
    name = "record-for-another-task"
    severity = Severity.warning


class FutureRecord(Rule):
    """A progress record dated after today: reports as of an earlier date ignore it, and once its date comes
    it wins over every earlier record (a typo such as 2030 for 2020 would win for ever).

    Example::

        - task: "5.1"
          status: done
          date: 2030-05-20

    Message::

        plan.progress.yaml:3:9: warning[W307]: 记录“5.1”的日期 2030-05-20 晚于今天；在那天之前它不计入报告，之后会压过更早日期的记录

    Fix: correct the date in the progress file.
    """

    code = "W307"
    name = "future-record"
    severity = Severity.warning
