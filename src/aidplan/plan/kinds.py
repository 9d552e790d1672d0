"""The choices of a plan's table, written once: its kind (by-task or by-period; the YAML key `layout:` and
render's --layout) and its page orientation. In the code a table's kind is always `kind`; "layout" is the
laid-out table (aidplan.render.layout.TableLayout)."""

from __future__ import annotations

from aidplan.messages import Later, later, localized, tr
from aidplan.registry import Entry, Registry

KINDS = Registry(
    "TableKind",
    Entry("by-task", later("每个任务一行，时段单元格跨越它的任务")),
    Entry("by-period", later("每个时段一行，任务写在一个单元格里，另有完成时限列")),
)
DEFAULT_KIND = "by-task"
ORIENTATIONS = Registry(
    "Orientation",
    Entry("portrait", later("表格排在竖放的页面上")),
    Entry("landscape", later("表格排在横放的页面上，使用 GB/T 9704 第 8 章的页边距")),
)
# the plan format's JSON Schema is documented in English, like every description of the model
KINDS_DESCRIPTION = (
    "by-task: a row per task, the period cell spanning its tasks; "
    "by-period: a row per period, its tasks in one cell, with a deadline column."
)
KINDS_HELP = Later(
    lambda: tr("；").join(tr("{name}：{help}", name=e.name, help=localized(e.help)) for e in KINDS.values()) + tr("。")
)

# 字号 → points, as every 公文 guide and Word's Chinese size list give them.
FONT_SIZES = {
    "初号": 42,
    "小初": 36,
    "一号": 26,
    "小一": 24,
    "二号": 22,
    "小二": 18,
    "三号": 16,
    "小三": 15,
    "四号": 14,
    "小四": 12,
    "五号": 10.5,
    "小五": 9,
    "六号": 7.5,
}
# the sizes a plan may choose for its table cells (style.cell_font_size), largest first
CELL_FONT_SIZES = ("三号", "小三", "四号", "小四", "五号")
