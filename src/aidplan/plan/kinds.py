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
