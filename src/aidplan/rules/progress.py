"""The progress file beside a plan (E301–E304). Detected in aidplan.track.progress and aidplan.commands.check;
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
