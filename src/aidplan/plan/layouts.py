"""The layouts a plan's table can take (the YAML key `layout:` and render's --layout): written once, here."""

from __future__ import annotations

from aidplan.registry import Entry, Registry

LAYOUTS = Registry(
    "Layout",
    Entry("by-task", "a row per task, the period cell spanning its tasks"),
    Entry("by-period", "a row per period, its tasks in one cell, with a deadline column"),
)
DEFAULT_LAYOUT = "by-task"
ORIENTATIONS = Registry(
    "Orientation",
    Entry("portrait", "the table on upright pages"),
    Entry("landscape", "the table on pages turned sideways, with the margins of GB/T 9704 §8"),
)
LAYOUTS_HELP = "; ".join(f"{entry.name}: {entry.help}" for entry in LAYOUTS.values()) + "."
