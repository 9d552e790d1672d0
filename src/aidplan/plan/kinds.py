"""The choices of a plan's table, written once: its kind (by-task or by-period; the YAML key `layout:` and
render's --layout) and its page orientation. In the code a table's kind is always `kind`; "layout" is the
laid-out table (aidplan.render.layout.TableLayout)."""

from __future__ import annotations

from aidplan.registry import Entry, Registry

KINDS = Registry(
    "TableKind",
    Entry("by-task", "a row per task, the period cell spanning its tasks"),
    Entry("by-period", "a row per period, its tasks in one cell, with a deadline column"),
)
DEFAULT_KIND = "by-task"
ORIENTATIONS = Registry(
    "Orientation",
    Entry("portrait", "the table on upright pages"),
    Entry("landscape", "the table on pages turned sideways, with the margins of GB/T 9704 §8"),
)
KINDS_HELP = "; ".join(f"{entry.name}: {entry.help}" for entry in KINDS.values()) + "."

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
