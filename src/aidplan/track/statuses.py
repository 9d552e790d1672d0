"""The statuses a task can have in the progress file (and `aidplan mark --status`): written once, here.
An entry's help is the status's Chinese name, as reports and the 台账 print it."""

from __future__ import annotations

from aidplan.registry import Entry, Registry

STATUSES = Registry(
    "Status",
    Entry("todo", "未开始"),
    Entry("doing", "进行中"),
    Entry("done", "已完成"),
    Entry("dropped", "已取消"),
)
STATUS_NAMES = {entry.name: entry.help for entry in STATUSES.values()}
OPEN_STATUSES = ("todo", "doing")  # still to do: counted down, can be overdue
CLOSED_STATUSES = ("done", "dropped")
