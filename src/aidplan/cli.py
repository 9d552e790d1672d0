"""The aidplan command line: turns flags into calls, prints results, exits. The only module that imports typer."""

from __future__ import annotations

import enum
import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

# aidplan uses no pydantic plugins; discovering them scans the entry points of every installed package
# (about 20 ms at each start). Set here, in the command's own process, and only if the user has not.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from aidplan.errors import AidplanError

app = typer.Typer(
    name="aidplan",
    help="Compile, check and track annual work plans (学生资助工作计划) kept as YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: the rich renderer costs ~75 ms at every --help and we use no markup
    context_settings={"help_option_names": ["-h", "--help"]},
)

T = TypeVar("T")
DEFAULT_PLANS = [Path("plans")]


class CheckFormat(str, enum.Enum):
    text = "text"
    json = "json"
    github = "github"


def _fail(message: str, code: int) -> typer.Exit:
    typer.secho(f"aidplan: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def run(action: Callable[[], T]) -> T:
    """Run a core call; an aidplan error becomes a red message and its exit code, never a traceback."""
    try:
        return action()
    except AidplanError as exc:
        _print_findings(getattr(exc, "findings", []))
        raise _fail(str(exc), exc.exit_code) from None
    except KeyboardInterrupt:
        raise _fail("已中断", 130) from None


def _version(value: bool) -> None:
    if value:
        from aidplan import __version__

        typer.echo(f"aidplan {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Compile, check and track annual work plans (学生资助工作计划) kept as YAML files."""


@app.command()
def check(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan files or folders to check (folders are searched for *.yaml/*.yml). Default: plans/.",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="text: path:line:col lines; json: one object; github: workflow annotations. Default: github when GITHUB_ACTIONS is set, else text.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print only the problems: no summary line, nothing when clean.")
    ] = False,
) -> None:
    """Validate plan files: all problems of all files at once, each as path:line:col: severity[CODE]: message.

    Exit code 0 when clean, 1 when any plan has an error (with --strict, a warning too), 2 for usage errors.
    """
    from aidplan.commands.check import check_paths
    from aidplan.plan import findings as reporting
    from aidplan.plan.findings import has_errors

    files, findings = run(lambda: check_paths(paths or DEFAULT_PLANS))
    chosen = output_format or (CheckFormat.github if os.environ.get("GITHUB_ACTIONS") == "true" else CheckFormat.text)
    if chosen is CheckFormat.json:
        typer.echo(reporting.as_json(files, findings))
    elif chosen is CheckFormat.github:
        if findings:
            typer.echo(reporting.as_github(findings))
        if not quiet:
            typer.echo(reporting.summary(files, findings), err=True)
    else:
        colour = {"error": typer.colors.RED, "warning": typer.colors.YELLOW}
        for finding in findings:
            typer.secho(str(finding), fg=colour[finding.severity.value])
        if not quiet:
            typer.echo(reporting.summary(files, findings), err=True)
    raise typer.Exit(1 if has_errors(findings, strict) else 0)


class Layout(str, enum.Enum):
    by_task = "by-task"
    by_period = "by-period"


class Orientation(str, enum.Enum):
    portrait = "portrait"
    landscape = "landscape"


def _print_findings(findings) -> None:
    colour = {"error": typer.colors.RED, "warning": typer.colors.YELLOW}
    for finding in findings:
        typer.secho(str(finding), fg=colour[finding.severity.value], err=True)


@app.command()
def render(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of plans to render.", show_default=False)],
    formats: Annotated[
        list[str] | None,
        typer.Option(
            "--format",
            "-f",
            help="Output formats, comma-separated or repeated: docx, md, pdf. Default: docx,md. pdf needs LibreOffice.",
            show_default=False,
        ),
    ] = None,
    layout: Annotated[
        Layout | None,
        typer.Option(
            "--layout",
            "-l",
            help="by-task: a row per task, the period cell merged over its tasks; by-period: a row per period with a deadline column. Default: the plan's own.",
            show_default=False,
        ),
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out-dir", "-d", help="Folder for the outputs, named after each plan file.")
    ] = Path("build"),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to exactly this file (one plan, one format).", show_default=False),
    ] = None,
    templates: Annotated[
        Path | None,
        typer.Option(
            "--templates",
            help="A folder of templates that override the shipped ones (copy templates/ to start).",
            show_default=False,
        ),
    ] = None,
    orientation: Annotated[
        Orientation | None,
        typer.Option(
            "--orientation",
            help="Page orientation of the table; landscape uses the margins of GB/T 9704 §8. Default: the plan's style, else portrait.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render plans as the official 附件 table (GB/T 9704): DOCX, Markdown and PDF.

    Every file is written atomically; if any plan has an error, its problems are listed and nothing is written.
    """
    from aidplan.commands.render import render_plans

    result = run(
        lambda: render_plans(
            paths,
            formats,
            layout.value if layout else None,
            out_dir,
            output,
            templates,
            orientation.value if orientation else None,
        )
    )
    if result.warnings:
        typer.secho(
            f"注意：计划有 {len(result.warnings)} 个警告，运行 aidplan check 查看", fg=typer.colors.YELLOW, err=True
        )
    for path in result.written:
        typer.echo(str(path))


class ReportFormat(str, enum.Enum):
    text = "text"
    md = "md"
    json = "json"


class StatusFormat(str, enum.Enum):
    text = "text"
    md = "md"
    json = "json"
    docx = "docx"


class Status(str, enum.Enum):
    todo = "todo"
    doing = "doing"
    done = "done"
    dropped = "dropped"


_LINE_COLOURS = {
    "overdue": typer.colors.RED,
    "upcoming": typer.colors.YELLOW,
    "done": typer.colors.GREEN,
    "heading": typer.colors.BRIGHT_WHITE,
    "dim": typer.colors.BRIGHT_BLACK,
}
TodayOption = Annotated[
    str | None,
    typer.Option(
        "--today", help="Report as of this date (ISO, 2020-05-10) instead of the real date.", show_default=False
    ),
]
FailOnOverdue = Annotated[
    bool, typer.Option("--fail-on-overdue", help="Exit 1 when anything is overdue (for scheduled CI reminders).")
]


def _today(value: str | None):
    import datetime as dt

    from aidplan.commands.track import parse_date

    return run(lambda: parse_date(value, "--today")) if value else dt.date.today()


def _holiday_notice(years: list[int]) -> None:
    if years:
        from aidplan.plan.workdays import data_version

        listed = "、".join(str(y) for y in years)
        typer.secho(
            f"注意：已安装的节假日数据（{data_version()}）没有 {listed} 年的官方安排，这些年份只按周末计算工作日",
            fg=typer.colors.YELLOW,
            err=True,
        )


def _print_lines(lines) -> None:
    for line in lines:
        typer.secho(line.text, fg=_LINE_COLOURS.get(line.style), bold=line.style == "heading")


def _record(plan: Path, tasks: list[str], status: str, on: str | None, by: str | None, note: str | None) -> None:
    import datetime as dt

    from aidplan.commands.track import parse_date, record_progress
    from aidplan.track.progress import STATUS_NAMES

    day = run(lambda: parse_date(on, "--on")) if on else dt.date.today()
    path = run(lambda: record_progress(plan, tasks, status, day, by, note))
    who = f"，{by}" if by else ""
    typer.echo(f"已记录 {'、'.join(tasks)}：{STATUS_NAMES[status]}（{day.isoformat()}{who}）→ {path}")


PlanArgument = Annotated[Path, typer.Argument(help="The plan file the tasks belong to.", show_default=False)]
TasksArgument = Annotated[
    list[str],
    typer.Argument(
        help="Task ids as due/status show them: 5.2, or 5.1@5-20 for one occurrence of a monthly duty.",
        show_default=False,
    ),
]
OnOption = Annotated[
    str | None,
    typer.Option("--on", help="The date of the record (ISO, 2020-05-24). Default: today.", show_default=False),
]
ByOption = Annotated[str | None, typer.Option("--by", help="Who did it or reports it.", show_default=False)]
NoteOption = Annotated[str | None, typer.Option("--note", help="A remark for the 台账.", show_default=False)]


@app.command()
def done(
    plan: PlanArgument, tasks: TasksArgument, on: OnOption = None, by: ByOption = None, note: NoteOption = None
) -> None:
    """Record tasks as done, in the progress file beside the plan (PLAN.progress.yaml); the plan is not touched."""
    _record(plan, tasks, "done", on, by, note)


@app.command()
def mark(
    plan: PlanArgument,
    tasks: TasksArgument,
    status: Annotated[Status, typer.Option("--status", "-s", help="todo, doing, done or dropped.", show_default=False)],
    on: OnOption = None,
    by: ByOption = None,
    note: NoteOption = None,
) -> None:
    """Record another status for tasks (doing, dropped, or back to todo) in the plan's progress file."""
    _record(plan, tasks, status.value, on, by, note)


@app.command()
def due(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Plan files or folders. Default: plans/.", show_default=False)
    ] = None,
    today: TodayOption = None,
    within: Annotated[
        int, typer.Option("--within", "-w", help="Also list what falls due in the next DAYS days.", metavar="DAYS")
    ] = 14,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="text (grouped, coloured on a terminal), md or json.")
    ] = ReportFormat.text,
    working_days: Annotated[
        bool,
        typer.Option(
            "--working-days",
            help="Count down in working days (official holidays and 调休 workdays counted) instead of calendar days.",
        ),
    ] = False,
    fail_on_overdue: FailOnOverdue = False,
) -> None:
    """What is overdue, what falls due soon, and the tasks of the current period, with countdowns.

    A plan whose year is over is summarised by its unfinished count instead of listed row by row.
    """
    from aidplan.commands.track import due_report
    from aidplan.render import reports

    day = _today(today)
    report, _ = run(lambda: due_report(paths or DEFAULT_PLANS, day, within))  # warnings are check's to show
    _holiday_notice(report.missing_years)
    if output_format is ReportFormat.json:
        typer.echo(reports.due_json(report))
    elif output_format is ReportFormat.md:
        typer.echo(reports.due_markdown(report, working_days), nl=False)
    else:
        _print_lines(reports.due_lines(report, working_days))
    raise typer.Exit(1 if fail_on_overdue and report.overdue_count else 0)


@app.command()
def status(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Plan files or folders. Default: plans/.", show_default=False)
    ] = None,
    today: TodayOption = None,
    output_format: Annotated[
        StatusFormat,
        typer.Option("--format", "-f", help="text, md, json, or docx (the 台账 table in the official layout)."),
    ] = StatusFormat.text,
    out_dir: Annotated[Path, typer.Option("--out-dir", "-d", help="With docx: folder for PLAN.status.docx.")] = Path(
        "build"
    ),
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="With docx: write to exactly this file (one plan).", show_default=False),
    ] = None,
    orientation: Annotated[
        Orientation,
        typer.Option(
            "--orientation", help="With docx: page orientation of the 台账 (four columns read best landscape)."
        ),
    ] = Orientation.landscape,
    fail_on_overdue: FailOnOverdue = False,
) -> None:
    """How far each plan has got: done / total and percent, overdue items, per period and per owner."""
    from aidplan.commands.track import ledger_documents, status_reports
    from aidplan.render import reports

    day = _today(today)
    results, _ = run(lambda: status_reports(paths or DEFAULT_PLANS, day))  # warnings are check's to show
    statuses = [s for s, _ in results]
    if output_format is StatusFormat.json:
        typer.echo(reports.status_json(statuses, day))
    elif output_format is StatusFormat.md:
        typer.echo(reports.status_markdown(statuses, day), nl=False)
    elif output_format is StatusFormat.docx:
        for path in run(lambda: ledger_documents(results, day, out_dir, output, orientation.value)):
            typer.echo(str(path))
    else:
        _print_lines(reports.status_lines(statuses, day))
    raise typer.Exit(1 if fail_on_overdue and any(s.plan.overdue for s in statuses) else 0)


class ExportFormat(str, enum.Enum):
    ics = "ics"
    csv = "csv"


@app.command()
def export(
    paths: Annotated[list[Path], typer.Argument(help="Plan files or folders of plans.", show_default=False)],
    output_format: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="ics: all-day events for Outlook, phones and other calendars; csv: a table for Excel (UTF-8 with BOM).",
        ),
    ] = ExportFormat.ics,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write all plans into this one file.", show_default=False)
    ] = None,
    out_dir: Annotated[
        Path, typer.Option("--out-dir", "-d", help="Folder for one file per plan, named after it.")
    ] = Path("build"),
    remind: Annotated[
        str | None,
        typer.Option(
            "--remind",
            help="With ics: a reminder this long before each deadline's day, e.g. 3d, 12h, 1w.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Export every deadline (each monthly occurrence on its own) to a calendar (ICS) or a table (CSV).

    Events keep the same UID on every export, so importing again updates them instead of adding copies.
    """
    from aidplan.commands.track import export_files

    written, missing = run(lambda: export_files(paths, output_format.value, out_dir, output, remind))
    _holiday_notice(missing)
    for path in written:
        typer.echo(str(path))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors: # yaml-language-server: $schema=…)."""
    from aidplan.plan.schema import plan_schema_text

    typer.echo(plan_schema_text(), nl=False)


def entry() -> None:  # pragma: no cover - thin wrapper for python -m
    app(prog_name="aidplan")


if __name__ == "__main__":  # pragma: no cover
    entry()
