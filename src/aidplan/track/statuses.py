"""The statuses a task can have in the progress file (and `aidplan mark --status`): written once, here.
An entry's help is the status's Chinese name, as the 台账 prints it (reports show it in the user's language:
`messages.shown`)."""

from __future__ import annotations

from aidplan.messages import later
from aidplan.registry import Entry, Registry

STATUSES = Registry(
    "Status",
    Entry("todo", later("未开始")),
    Entry("doing", later("进行中")),
    Entry("done", later("已完成")),
    Entry("dropped", later("已取消")),
)
STATUS_NAMES = {entry.name: entry.help for entry in STATUSES.values()}
OPEN_STATUSES = ("todo", "doing")  # still to do: counted down, can be overdue
CLOSED_STATUSES = ("done", "dropped")
