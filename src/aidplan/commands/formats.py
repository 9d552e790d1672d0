"""The output formats of each command, written once: the CLI's --format choices are these registries' keys.

Every writer of a family has the same signature, and is imported only when its format is asked for:
- render: the documents of a plan (the render command drives them; pdf is converted from the docx);
- check: (files, findings, quiet) -> lines to print;
- due: (report, working_days) -> text or lines; status: (statuses with their plans, today, DocumentTarget)
  -> text, lines, or the paths written;
- export: (items, calendar name, reminder, stamp) -> the bytes of the file.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from aidplan.registry import Entry, Registry

if TYPE_CHECKING:
    from aidplan.plan.model import StyleOverrides

RENDER_FORMATS = Registry(
    "RenderFormat",
    Entry("docx", "the official table as Word document", "aidplan.render.docx:render_docx", ".docx"),
    Entry("md", "the table as Markdown", "aidplan.render.markdown:render_markdown", ".md"),
    Entry("html", "one self-contained web page that prints on A4", "aidplan.render.html:render_plan_html", ".html"),
    Entry("pdf", "the DOCX converted by LibreOffice", "aidplan.render.pdf:convert_to_pdf", ".pdf"),
)
DEFAULT_RENDER_FORMATS = ("docx", "md")

CHECK_FORMATS = Registry(
    "CheckFormat",
    Entry("text", "path:line:col lines", "aidplan.commands.check:check_text"),
    Entry("json", "one object", "aidplan.commands.check:check_json"),
    Entry("github", "workflow annotations", "aidplan.commands.check:check_github"),
)

DUE_FORMATS = Registry(
    "DueFormat",
    Entry("text", "grouped, coloured on a terminal", "aidplan.commands.track:due_text"),
    Entry("md", "Markdown", "aidplan.commands.track:due_markdown"),
    Entry("json", "one object", "aidplan.commands.track:due_json"),
)

STATUS_FORMATS = Registry(
    "StatusFormat",
    Entry("text", "a summary per plan", "aidplan.commands.track:status_text"),
    Entry("md", "Markdown tables", "aidplan.commands.track:status_markdown"),
    Entry("json", "one object", "aidplan.commands.track:status_json"),
    Entry("docx", "the 台账 table in the official layout", "aidplan.commands.track:status_docx", ".status.docx"),
    Entry(
        "xlsx",
        "the 台账 as a workbook staff fill in, read back by progress import",
        "aidplan.commands.workbook:status_xlsx",
        ".status.xlsx",
    ),
    Entry("html", "one dashboard page for all the plans", "aidplan.commands.track:status_html", ".html"),
)

EXPORT_FORMATS = Registry(
    "ExportFormat",
    Entry("ics", "all-day events for Outlook, phones and other calendars", "aidplan.publish.export:ics_bytes", ".ics"),
    Entry("csv", "a table for Excel (UTF-8 with BOM)", "aidplan.publish.export:csv_bytes", ".csv"),
)

CALENDAR_FORMATS = Registry(
    "CalendarFormat",
    Entry("text", "a line per day with its source", "aidplan.commands.calendar:calendar_text"),
    Entry("json", "one object", "aidplan.commands.calendar:calendar_json"),
)


@dataclass(frozen=True)
class DocumentTarget:
    """Where a format that writes documents puts them: one file per plan in out_dir, or exactly `output`."""

    out_dir: Path
    output: Path | None
    orientation: str | None
    style: StyleOverrides | None = None  # the project config's shared style; a plan's own wins
    templates: Path | None = None  # a folder of templates that win over the shipped ones (html)
    within: int = 14  # the dashboard lists what falls due in this many days (html)
    calendar_places: Sequence[Path] | None = None  # the project config's calendar files (html)
    force: bool = False  # xlsx: write over a workbook even if staff filled in what is not imported yet


def format_help(registry: Registry) -> str:
    """ "name: what it is; …" for --help."""
    return "; ".join(f"{entry.name}: {entry.help}" for entry in registry.values())
