"""The output formats of each command, written once: the CLI's --format choices are these registries' keys.

Every writer of a family has the same signature, and is imported only when its format is asked for:
- render: the documents of a plan (the render command drives them; pdf is converted from the docx);
- check: (files, findings, quiet) -> lines to print;
- due: (report, working_days) -> text or lines; status: (statuses with their plans, today, DocumentTarget)
  -> text, lines, or the paths written;
- export: (items, calendar name, reminder, stamp) -> the bytes of the file;
- tasks: (plans' task rows) -> text or lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from aidplan.messages import Later, later, localized, tr
from aidplan.registry import Entry, Registry
from aidplan.values import frozen

if TYPE_CHECKING:
    from aidplan.plan.model import StyleOverrides

RENDER_FORMATS = Registry(
    "RenderFormat",
    Entry("docx", later("正式的表格，Word 文档"), "aidplan.render.docx:render_docx", ".docx"),
    Entry("md", later("Markdown 表格"), "aidplan.render.markdown:render_markdown", ".md"),
    Entry("html", later("一个独立的网页，可在 A4 纸上打印"), "aidplan.render.html:render_plan_html", ".html"),
    Entry("pdf", later("由 LibreOffice 转换的 DOCX"), "aidplan.render.pdf:convert_to_pdf", ".pdf"),
)
DEFAULT_RENDER_FORMATS = ("docx", "md")

CHECK_FORMATS = Registry(
    "CheckFormat",
    Entry("text", later("路径:行:列 的行"), "aidplan.commands.check:check_text"),
    Entry("json", later("一个 JSON 对象"), "aidplan.commands.check:check_json"),
    Entry("github", later("GitHub 工作流标注"), "aidplan.commands.check:check_github"),
)

DUE_FORMATS = Registry(
    "DueFormat",
    Entry("text", later("分组列出，在终端上着色"), "aidplan.commands.track:due_text"),
    Entry("md", later("Markdown"), "aidplan.commands.track:due_markdown"),
    Entry("json", later("一个 JSON 对象"), "aidplan.commands.track:due_json"),
)

STATUS_FORMATS = Registry(
    "StatusFormat",
    Entry("text", later("每个计划一段汇总"), "aidplan.commands.track:status_text", ".txt"),
    Entry("md", later("Markdown 表格"), "aidplan.commands.track:status_markdown", ".md"),
    Entry("json", later("一个 JSON 对象"), "aidplan.commands.track:status_json", ".json"),
    Entry("docx", later("正式版式的台账表格"), "aidplan.commands.track:status_docx", ".status.docx"),
    Entry(
        "xlsx",
        later("供工作人员填写的台账工作簿，由 progress import 读回"),
        "aidplan.commands.workbook:status_xlsx",
        ".status.xlsx",
    ),
    Entry("html", later("所有计划的一个总览网页"), "aidplan.commands.track:status_html", ".html"),
)

EXPORT_FORMATS = Registry(
    "ExportFormat",
    Entry("ics", later("全天事件，用于 Outlook、手机和其他日历"), "aidplan.publish.export:ics_bytes", ".ics"),
    Entry("csv", later("Excel 表格（带 BOM 的 UTF-8）"), "aidplan.publish.export:csv_bytes", ".csv"),
)

TASKS_FORMATS = Registry(
    "TasksFormat",
    Entry("text", later("每项任务一行，各列对齐"), "aidplan.commands.tasks:tasks_text"),
    Entry("json", later("一个 JSON 对象"), "aidplan.commands.tasks:tasks_json"),
    Entry(
        "csv", later("供 Excel 打开的表格（写入文件时为带 BOM 的 UTF-8）"), "aidplan.commands.tasks:tasks_csv", ".csv"
    ),
)

CALENDAR_FORMATS = Registry(
    "CalendarFormat",
    Entry("text", later("每天一行，注明来源"), "aidplan.commands.calendar:calendar_text"),
    Entry("json", later("一个 JSON 对象"), "aidplan.commands.calendar:calendar_json"),
)


@frozen
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


def format_help(registry: Registry) -> Later:
    """ "name：what it is；…" for --help, in the language it is localized in."""
    return Later(
        lambda: tr("；").join(tr("{name}：{help}", name=e.name, help=localized(e.help)) for e in registry.values())
    )
