"""The aidplan command line: turns flags into calls, prints results, exits. The only module that imports typer.

One boundary (`_Boundary.invoke`) turns every aidplan error of every command into its findings, a red message
and its exit code; commands themselves never catch. Choices of --format, --layout, --status and --orientation
are the keys of the registries in aidplan.commands.formats, aidplan.plan.kinds and aidplan.track.statuses.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

# aidplan uses no pydantic plugins; discovering them scans the entry points of every installed package
# (about 20 ms at each start). Set here, in the command's own process, and only if the user has not.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

if os.environ.get("_AIDPLAN_COMPLETE"):
    # a shell asking for completions (see `aidplan completion`): only then load typer's completion support, so
    # completion costs nothing at an ordinary start
    from typer._completion_classes import completion_init

    completion_init()
from typer.core import TyperGroup

from aidplan.commands.formats import (
    CALENDAR_FORMATS,
    CHECK_FORMATS,
    DEFAULT_RENDER_FORMATS,
    DUE_FORMATS,
    EXPORT_FORMATS,
    RENDER_FORMATS,
    STATUS_FORMATS,
    DocumentTarget,
    format_help,
)
from aidplan.errors import AidplanError, FindingsError, UsageError
from aidplan.files import shown
from aidplan.ingest.new import DEFAULT_PERIODS, PERIOD_KINDS

if TYPE_CHECKING:
    from aidplan.config import ProjectConfig
from aidplan.plan.kinds import KINDS, KINDS_HELP, ORIENTATIONS
from aidplan.publish.notifiers import NOTIFIERS, SECRET_ENV, URL_ENV
from aidplan.registry import Entry, Registry
from aidplan.track.statuses import STATUSES

DEFAULT_WITHIN = 14

# --- help texts -------------------------------------------------------------------------------------------------

APP_HELP = "Compile, check and track annual work plans (学生资助工作计划) kept as YAML files."
VERSION_HELP = "Print the version and exit."
PATHS_HELP = "Plan files or folders. Default: the config's plans, else plans/."
CHECK_PATHS_HELP = (
    "Plan files or folders to check (folders are searched for *.yaml/*.yml). Default: the config's plans, else plans/."
)
CHECK_FORMAT_HELP = f"{format_help(CHECK_FORMATS)}. Default: github when GITHUB_ACTIONS is set, else text."
STRICT_HELP = "Fail (exit 1) on warnings too."
QUIET_HELP = "Print only the problems: no summary line, nothing when clean."
RENDER_PATHS_HELP = "Plan files or folders of plans to render."
RENDER_FORMAT_HELP = (
    f"Output formats, comma-separated or repeated: {RENDER_FORMATS.listing()}. "
    f"Default: the format of -o's extension, else {','.join(DEFAULT_RENDER_FORMATS)}. pdf needs LibreOffice "
    "and writes build/PLAN.pdf (the DOCX converted)."
)
TABLE_KIND_HELP = f"{KINDS_HELP} Default: the plan's own."
OUT_DIR_HELP = "Folder for the outputs, named after each plan file."
OUTPUT_HELP = "Write to exactly this file (one plan, one format); - writes standard output (Markdown by default)."
TEMPLATES_HELP = "A folder of templates that override the shipped ones (copy templates/ to start)."
ORIENTATION_HELP = (
    "Page orientation of the table; landscape uses the margins of GB/T 9704 §8. Default: the plan's style, else "
    "portrait."
)
DOCX_TEMPLATE_HELP = (
    "An office's own Word template (a 通知 with the plan as its 附件) to fill instead of the bare table: Jinja2 tags "
    "typed in Word, and one paragraph {{p plan_table }} where the table goes. See templates/notice.docx."
)
DATE_HELP = "With --docx-template: the 成文日期 {{ date }} (ISO, 2020-02-10). Default: today."
PAGINATE_HELP = (
    "estimate: split long periods where aidplan's own layout ends the page (no LibreOffice needed); "
    "exact: convert with LibreOffice, and where its lines differ, split again by them and convert again."
)
NO_DOCX_TEMPLATE_HELP = "Print the bare table even when the project config names a docx_template."
SET_HELP = "With --docx-template: one more template variable, NAME=VALUE (repeatable), e.g. org=淮北市学生资助管理中心."
DATE_FORMS = "2020-05-10, 2020/5/10, 2020年5月10日, 5月10日 (in the plan's year), 今天, 昨天"
TODAY_HELP = f"Report as of this date instead of the real date: {DATE_FORMS}."
FAIL_ON_OVERDUE_HELP = "Exit 1 when anything is overdue (for scheduled CI reminders)."
PLAN_HELP = "The plan file the tasks belong to."
TASKS_HELP = "Task ids as due/status show them: 5.2, or 5.1@5-20 for one occurrence of a monthly duty."
ON_HELP = f"The date of the record: {DATE_FORMS}. Default: today."
BY_HELP = "Who did it or reports it."
NOTE_HELP = "A remark for the 台账."
STATUS_HELP = f"{', '.join(list(STATUSES)[:-1])} or {list(STATUSES)[-1]}."
WITHIN_HELP = "Also list what falls due in the next DAYS days. Default: the config's within, else 14."
DUE_FORMAT_HELP = f"{format_help(DUE_FORMATS)}."
WORKING_DAYS_HELP = "Count down in working days (official holidays and 调休 workdays counted) instead of calendar days."
STATUS_FORMAT_HELP = f"{format_help(STATUS_FORMATS)}."
STATUS_OUT_DIR_HELP = (
    "With docx/xlsx/html: folder for PLAN.status.docx or PLAN.status.xlsx (status.xlsx for several plans), "
    "or status.html."
)
STATUS_FORCE_HELP = (
    "With xlsx: write over the workbook even if staff filled in rows not yet imported (their edits are lost)."
)
STATUS_OUTPUT_HELP = (
    "With docx/xlsx/html: write to exactly this file (docx: one plan; xlsx: all the plans in one workbook; "
    "html: one dashboard for all the plans)."
)
STATUS_WITHIN_HELP = "With html: list what falls due in the next DAYS days."
STATUS_TEMPLATES_HELP = "With html: a folder whose status.html.j2 overrides the shipped one."
STATUS_ORIENTATION_HELP = "With docx: page orientation of the 台账 (four columns read best landscape)."
EXPORT_PATHS_HELP = "Plan files or folders of plans."
EXPORT_FORMAT_HELP = f"{format_help(EXPORT_FORMATS)}. Default: -o's extension, else ics."
EXPORT_OUTPUT_HELP = "Write all plans into this one file; - writes standard output."
EXPORT_OUT_DIR_HELP = "Folder for one file per plan, named after it."
EXPLAIN_CODE_HELP = "A finding code as check prints it (E205, W220). Without one, every code is listed."
REMIND_HELP = "With ics: a reminder this long before each deadline's day, e.g. 3d, 12h, 1w."
COMPLETION_SHELL_HELP = "The shell: bash, zsh or fish."
CALENDAR_YEAR_HELP = "The year to show, e.g. 2027."
CALENDAR_PATHS_HELP = (
    "Calendar files (*.calendar.yaml) or folders holding them. Default: the config's calendars, else the plans folder."
)
CALENDAR_FORMAT_HELP = f"{format_help(CALENDAR_FORMATS)}."
PROGRESS_APP_HELP = (
    "Progress records beyond done/mark: import the 台账 workbook staff fill in; re-point records after a plan edit."
)
REID_HELP = """After editing a plan (a task inserted or removed), point progress records back at their tasks' new ids.

Each record written by done/mark keeps the start of its task's text; a record whose text now belongs to exactly
one other id gets that id (check warns W306 when this is needed). The progress file is rewritten under the same
lock as done, atomically, with its comments kept.
"""
REID_DRY_RUN_HELP = "Show what would change; write nothing."
IMPORT_HELP = """Record what staff filled in a 台账 workbook (made by status -f xlsx), beside each plan.

Each row whose status, date, by or note differ from the record in force becomes one record, appended with the
same locked, atomic writer as done; importing the same workbook again adds nothing. Problems are listed as
BOOK.xlsx!Sheet!F12: message, and nothing is written while any row is wrong (unless --skip-bad). Rows added or
deleted by hand are reported, not guessed.
"""
IMPORT_BOOK_HELP = "The filled-in workbook (.xlsx)."
SKIP_BAD_HELP = "Leave out the rows with errors and record the others."
IMPORT_DRY_RUN_HELP = "List the records without writing them."
IMPORT_PLAN_HELP = "The plan file, when it cannot be found from where the workbook was written (one-plan workbooks)."
IMPORT_TODAY_HELP = "The date given to rows left without one (ISO, 2020-05-27). Default: today."
REMIND_COMMAND_HELP = f"""Post what is overdue and due soon to a group chat robot: {NOTIFIERS.listing()}.

Long lists are split into several messages within the platform's size limit. Nothing is posted when nothing is
due (unless --always). The URL and the secret may come from {URL_ENV} and {SECRET_ENV}; neither the secret nor
the URL's token is ever printed. Exit code 1 when the platform refuses the message or cannot be reached.
"""
WEBHOOK_HELP = "The robot's webhook URL."
PLATFORM_HELP = f"{format_help(NOTIFIERS)}. Default: inferred from the URL's host."
SECRET_HELP = "The robot's signing secret (钉钉 加签, 飞书 签名校验); 企业微信 robots have none."
REMIND_WITHIN_HELP = "Also remind of what falls due in the next DAYS days."
DRY_RUN_HELP = "Print the message(s) as JSON instead of posting them."
ALWAYS_HELP = "Post even when nothing is due (a message saying so)."
TEXT_HELP = "Send plain text instead of Markdown."
TIMEOUT_HELP = "Seconds to wait for each answer."
RETRIES_HELP = "How many times to try again after 5xx answers, timeouts and network errors (waiting 1 s, 2 s, 4 s…)."

# --- the boundary -----------------------------------------------------------------------------------------------

_COLOURS = {
    "error": typer.colors.RED,
    "warning": typer.colors.YELLOW,
    "overdue": typer.colors.RED,
    "upcoming": typer.colors.YELLOW,
    "done": typer.colors.GREEN,
    "heading": typer.colors.BRIGHT_WHITE,
    "dim": typer.colors.BRIGHT_BLACK,
}


# --color for this invocation: auto (colour only on a terminal, and not with NO_COLOR or TERM=dumb) | always | never
_COLOUR_CHOICE = {"value": "auto"}


def _colour(err: bool = False) -> bool:
    """Whether to colour output to standard output (or, with err, standard error) in this invocation."""
    choice = _COLOUR_CHOICE["value"]
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return _is_terminal(err)


def _is_terminal(err: bool = False) -> bool:
    stream = sys.stderr if err else sys.stdout
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _secho(message: str, **style: Any) -> None:
    """typer.secho, coloured only when _colour says so: never escape codes in pipes and files by default."""
    typer.secho(message, color=_colour(style.get("err", False)), **style)


def _fail(message: str, code: int) -> typer.Exit:
    _secho(f"aidplan: {message}", fg=typer.colors.RED, err=True)
    return typer.Exit(code)


def _degrade_output() -> None:
    """A console that cannot show a character (GBK lacks 😀 and €, latin-1 lacks every 汉字) gets an escape
    such as \\U0001f600 in its place instead of a UnicodeEncodeError: output degrades, it never crashes."""
    import sys

    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - a stream already written to in another way
                pass


class _Boundary(TyperGroup):
    """Runs every command: an aidplan error becomes its findings, a red message and its exit code, never a
    traceback; Ctrl-C exits 130."""

    def main(self, *args: Any, **kwargs: Any) -> Any:
        _degrade_output()
        return super().main(*args, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        _COLOUR_CHOICE["value"] = "auto"  # tests run many invocations in one process
        from aidplan.files import forget_inputs

        forget_inputs()  # each command protects what it reads (several commands may run in one process)
        try:
            return super().invoke(ctx)
        except AidplanError as exc:
            if isinstance(exc, FindingsError):
                from aidplan.plan.findings import Finding, as_text

                for finding in exc.findings:
                    text = as_text(finding) if isinstance(finding, Finding) else str(finding)
                    _secho(text, fg=_COLOURS[finding.severity.value], err=True)
            raise _fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise _fail("已中断", 130) from None

    def get_command(self, ctx: Any, name: str) -> Any:
        command = super().get_command(ctx, name)
        if command is not None:
            _readable_arguments(command)
        return command


def _readable_arguments(command: Any) -> None:
    """Arguments shown as people write them in --help: PATH..., TASK..., YEAR, not `paths... <list[Path]>`."""
    for param in command.params:
        if getattr(param, "param_type_name", "") != "argument":
            continue
        if param.metavar is None:
            name = param.name.upper()
            param.metavar = name[:-1] if param.nargs != 1 and name.endswith("S") else name
        shown = param.metavar + ("..." if param.nargs != 1 else "")
        param._rich_display_name = lambda shown=shown: shown
        param.display_type_rich = lambda ctx: None


app = typer.Typer(
    name="aidplan",
    cls=_Boundary,
    help=APP_HELP,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: the rich renderer costs ~75 ms at every --help and we use no markup
    context_settings={"help_option_names": ["-h", "--help"]},
)

CheckFormat = CHECK_FORMATS.choices()
TableKind = KINDS.choices()
Orientation = ORIENTATIONS.choices()
DueFormat = DUE_FORMATS.choices()
StatusFormat = STATUS_FORMATS.choices()
ExportFormat = EXPORT_FORMATS.choices()
CalendarFormat = CALENDAR_FORMATS.choices()
Status = STATUSES.choices()
COLOR_CHOICES = Registry(
    "Color",
    Entry("auto", "colour on a terminal, unless NO_COLOR is set or TERM=dumb"),
    Entry("always", "colour even in pipes and files"),
    Entry("never", "no colour"),
)
Color = COLOR_CHOICES.choices()
SHELLS = Registry(
    "Shell",
    Entry("bash", "bash 4.4 or later"),
    Entry("zsh", "zsh"),
    Entry("fish", "fish"),
)
Shell = SHELLS.choices()
PeriodKind = PERIOD_KINDS.choices()
ColorOption = Annotated[Color, typer.Option("--color", help=f"{format_help(COLOR_CHOICES)}.")]


def _use_colour(choice: Any) -> None:
    _COLOUR_CHOICE["value"] = Color(choice).value


class _Bar:
    """The Meter the user sees: a bar on standard error, only on a terminal; rich is imported when a stage starts."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._task: Any = None

    def start(self, description: str, total: int | None = None) -> None:
        if not (_is_terminal(err=True) and os.environ.get("TERM") != "dumb"):
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

            console = Console(stderr=True, color_system="auto" if _colour(err=True) else None)
            columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
            self._progress = Progress(*columns, console=console, transient=True)
            self._progress.start()
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(description, total=total)

    def advance(self, steps: int = 1) -> None:
        if self._progress is not None:
            self._progress.advance(self._task, steps)

    def stop(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress, self._task = None, None


def _tables_fit() -> bool:
    """Tables for a person at a terminal; pipes, files and TERM=dumb get plain lines, one item a line."""
    return _is_terminal() and os.environ.get("TERM") != "dumb"


def _print_rich(renderables: list[Any]) -> None:
    """Rich tables to standard output (a terminal): wrapped by display width to the terminal's width."""
    from rich.console import Console

    console = Console(color_system="auto" if _colour() else None, highlight=False, emoji=False)
    for renderable in renderables:
        console.print(renderable)


Platform = NOTIFIERS.choices()


def _emit(output: Any) -> None:
    """Print what a writer gave: text as it is, lines in their colours, written paths one a line."""
    if isinstance(output, str):
        typer.echo(output, nl=False)
        return
    for item in output:
        if isinstance(item, Path):
            typer.echo(shown(item))
        else:
            _secho(item.text, fg=_COLOURS.get(item.style), bold=item.style == "heading", err=item.err)


def _config() -> ProjectConfig:
    """The project config in effect here (aidplan.toml or [tool.aidplan], walking up), or the defaults."""
    from aidplan.config import load_config

    return load_config()


def _version(value: bool) -> None:
    if value:
        from aidplan import __version__

        typer.echo(f"aidplan {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[
        bool, typer.Option("--version", "-V", callback=_version, is_eager=True, help=VERSION_HELP)
    ] = False,
) -> None:
    """Compile, check and track annual work plans (学生资助工作计划) kept as YAML files."""


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help=CHECK_PATHS_HELP, show_default=False)] = None,
    output_format: Annotated[
        CheckFormat | None, typer.Option("--format", "-f", help=CHECK_FORMAT_HELP, show_default=False)
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=STRICT_HELP)] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
    color: ColorOption = "auto",
) -> None:
    """Validate plan files: all problems of all files at once, each as path:line:col: severity[CODE]: message.

    Exit code 0 when clean, 1 when any plan has an error (with --strict, a warning too), 2 for usage errors.
    """
    from aidplan.commands.check import check_paths
    from aidplan.plan.findings import has_errors

    _use_colour(color)
    config = _config()
    bar = _Bar()
    try:
        plans = paths or config.plan_paths()
        files, findings = check_paths(plans, config.calendar_places(), config.docx_template(), meter=bar)
    finally:
        bar.stop()
    chosen = (
        output_format.value if output_format else ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    )
    _emit(CHECK_FORMATS.load(chosen)(files, findings, quiet))
    raise typer.Exit(1 if has_errors(findings, strict) else 0)


@app.command()
def render(
    paths: Annotated[list[Path], typer.Argument(help=RENDER_PATHS_HELP, show_default=False)],
    formats: Annotated[
        list[str] | None, typer.Option("--format", "-f", help=RENDER_FORMAT_HELP, show_default=False)
    ] = None,
    kind: Annotated[TableKind | None, typer.Option("--layout", "-l", help=TABLE_KIND_HELP, show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("--out-dir", "-d", help=OUT_DIR_HELP)] = Path("build"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help=OUTPUT_HELP, show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option("--templates", help=TEMPLATES_HELP, show_default=False)] = None,
    orientation: Annotated[
        Orientation | None, typer.Option("--orientation", help=ORIENTATION_HELP, show_default=False)
    ] = None,
    docx_template: Annotated[
        Path | None, typer.Option("--docx-template", help=DOCX_TEMPLATE_HELP, show_default=False, metavar="NOTICE.docx")
    ] = None,
    date: Annotated[str | None, typer.Option("--date", help=DATE_HELP, show_default=False, metavar="DATE")] = None,
    values: Annotated[
        list[str] | None, typer.Option("--set", help=SET_HELP, show_default=False, metavar="NAME=VALUE")
    ] = None,
    no_docx_template: Annotated[bool, typer.Option("--no-docx-template", help=NO_DOCX_TEMPLATE_HELP)] = False,
    paginate: Annotated[str, typer.Option("--paginate", help=PAGINATE_HELP)] = "estimate",
) -> None:
    """Render plans as the official 附件 table (GB/T 9704): DOCX, Markdown, HTML and PDF.

    Every file is written atomically; if any plan has an error, its problems are listed and nothing is written.
    """
    from aidplan.commands.render import NoticeOptions, parse_values, render_plans

    config = _config()
    notice = None
    template = None if no_docx_template else docx_template or config.docx_template()
    if template is not None:
        from aidplan.commands.track import parse_date

        day = parse_date(date, "--date") if date is not None else None
        notice = NoticeOptions(template, day, parse_values(values or []))
    elif date or values:
        raise UsageError("--date 和 --set 只用于通知模板（--docx-template，或项目配置里的 docx_template）")
    bar = _Bar()
    try:
        result = render_plans(
            paths,
            formats,
            kind.value if kind else None,
            out_dir,
            output,
            templates,
            orientation.value if orientation else None,
            config.settings.style,
            config.calendar_places(),
            notice,
            meter=bar,
            paginate=paginate,
        )
    finally:
        bar.stop()
    if result.warnings:
        _secho(f"注意：计划有 {len(result.warnings)} 个警告，运行 aidplan check 查看", fg=typer.colors.YELLOW, err=True)
    if result.stdout is not None:
        typer.echo(result.stdout, nl=False)
    _emit(result.written)


IMPORT_PLAN_HELP = """Turn a plan an office already has into a plan file: Word (.docx; .doc, .wps, .rtf and .odt through
LibreOffice), Excel (.xlsx), CSV (UTF-8 or GB18030), Markdown or text copied from a web page or a PDF (.txt, or - for
standard input).

The plan is written beside each file as NAME.yaml (or to -o), with comments saying where it came from, every guess
made and what could not be placed; it is checked with the same rules as check. An existing file is never written
over without --force.
"""
IMPORT_FILES_HELP = "The files to import; - reads text from standard input."
IMPORT_OUTPUT_HELP = (
    "Write the plan to this file (one input only); - writes standard output. Default: NAME.yaml beside it."
)
IMPORT_YEAR_HELP = "The plan's year, when the title does not say it (or says another)."
IMPORT_ORG_HELP = "The issuing office (organisation:), which the table itself does not print."
IMPORT_FORCE_HELP = "Write over a plan file that already exists."


@app.command("import", help=IMPORT_PLAN_HELP)
def import_command(
    files: Annotated[list[Path], typer.Argument(help=IMPORT_FILES_HELP, show_default=False, metavar="FILE...")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=IMPORT_OUTPUT_HELP, show_default=False, metavar="PLAN.yaml")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=IMPORT_YEAR_HELP, show_default=False)] = None,
    org: Annotated[str | None, typer.Option("--org", help=IMPORT_ORG_HELP, show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help=IMPORT_FORCE_HELP)] = False,
) -> None:
    from aidplan.commands.ingest import STDIN, import_plans
    from aidplan.plan.findings import as_text, has_errors

    bar = _Bar()
    try:
        results = import_plans(files, output, year, org, force, meter=bar)
    finally:
        bar.stop()
    to_stdout = any(result.target == STDIN for result in results)
    for result in results:
        if result.target == STDIN:
            typer.echo(result.text, nl=False)
        source = "标准输入" if result.source == STDIN else shown(result.source)
        target = "标准输出" if result.target == STDIN else shown(result.target)
        typer.echo(f"{source} → {target}：{result.periods} 个时段，{result.tasks} 项任务", err=to_stdout)
        for guess in result.guesses:
            typer.echo(f"  推测：{guess}", err=to_stdout)
        for item in result.unplaced:
            _secho(f"  没能放进计划：{item}", fg=typer.colors.YELLOW, err=to_stdout)
        for finding in result.findings:
            typer.echo(as_text(finding), err=to_stdout)
    findings = [f for result in results for f in result.findings]
    if has_errors(findings):
        raise _fail("导入的计划有错误（见上）；请按提示改正后运行 aidplan check", 1)


TodayOption = Annotated[str | None, typer.Option("--today", help=TODAY_HELP, show_default=False)]
FailOnOverdue = Annotated[bool, typer.Option("--fail-on-overdue", help=FAIL_ON_OVERDUE_HELP)]
PathsArgument = Annotated[list[Path] | None, typer.Argument(help=PATHS_HELP, show_default=False)]
PlanArgument = Annotated[Path, typer.Argument(help=PLAN_HELP, show_default=False)]
TasksArgument = Annotated[list[str], typer.Argument(help=TASKS_HELP, show_default=False)]
OnOption = Annotated[str | None, typer.Option("--on", help=ON_HELP, show_default=False)]
ByOption = Annotated[str | None, typer.Option("--by", help=BY_HELP, show_default=False)]
NoteOption = Annotated[str | None, typer.Option("--note", help=NOTE_HELP, show_default=False)]


def _today(value: str | None, paths: list[Path] | None = None):
    """--today as typed; 5月20日 falls in the year of the plans under `paths`."""
    import datetime as dt

    from aidplan.commands.track import parse_date, plans_year

    if value is None:
        return dt.date.today()
    return parse_date(value, "--today", (lambda: plans_year(paths or _config().plan_paths(), "--today")))


def _holiday_notice(years: list[int]) -> None:
    if years:
        from aidplan.plan.workdays import data_version

        listed = "、".join(str(y) for y in years)
        _secho(
            f"注意：已安装的节假日数据（{data_version()}）没有 {listed} 年的官方安排，也没有这些年份的日历文件，"
            f"只按周末计算工作日；运行 aidplan calendar {years[0]} 查看如何添加",
            fg=typer.colors.YELLOW,
            err=True,
        )


def _record(plan: Path, tasks: list[str], status: str, on: str | None, by: str | None, note: str | None) -> None:
    import datetime as dt

    from aidplan.commands.track import parse_date, plans_year, record_progress
    from aidplan.track.statuses import STATUS_NAMES

    day = parse_date(on, "--on", lambda: plans_year([plan], "--on")) if on is not None else dt.date.today()
    path = record_progress(plan, tasks, status, day, by, note, _config().calendar_places())
    who = f"，{by}" if by else ""
    typer.echo(f"已记录 {'、'.join(tasks)}：{STATUS_NAMES[status]}（{day.isoformat()}{who}）→ {shown(path)}")
    if day > dt.date.today():
        typer.secho(
            f"注意：记录日期 {day.isoformat()} 晚于今天（{dt.date.today().isoformat()}）；"
            "在那天之前它不计入 due/status，之后会压过日期更早的记录；如果写错了，请在进度文件里改正这一行",
            fg=typer.colors.YELLOW,
            err=True,
        )


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
    status: Annotated[Status, typer.Option("--status", "-s", help=STATUS_HELP, show_default=False)],
    on: OnOption = None,
    by: ByOption = None,
    note: NoteOption = None,
) -> None:
    """Record another status for tasks (doing, dropped, or back to todo) in the plan's progress file."""
    _record(plan, tasks, status.value, on, by, note)


@app.command()
def due(
    paths: PathsArgument = None,
    today: TodayOption = None,
    within: Annotated[
        int | None, typer.Option("--within", "-w", help=WITHIN_HELP, metavar="DAYS", show_default=False)
    ] = None,
    output_format: Annotated[DueFormat, typer.Option("--format", "-f", help=DUE_FORMAT_HELP)] = "text",
    working_days: Annotated[bool, typer.Option("--working-days", help=WORKING_DAYS_HELP)] = False,
    fail_on_overdue: FailOnOverdue = False,
    color: ColorOption = "auto",
) -> None:
    """What is overdue, what falls due soon, and the tasks of the current period, with countdowns.

    A plan whose year is over is summarised by its unfinished count instead of listed row by row.
    """
    from aidplan.commands.track import due_report

    _use_colour(color)
    day = _today(today, paths)
    config = _config()
    if within is None:
        within = config.settings.within if config.settings.within is not None else DEFAULT_WITHIN
    report, _ = due_report(paths or config.plan_paths(), day, within, config.calendar_places())  # warnings: check's
    _holiday_notice(report.missing_years)
    chosen = DueFormat(output_format).value
    if chosen == "text" and _tables_fit():
        from aidplan.render.terminal import due_tables

        _print_rich(due_tables(report, working_days))
    else:
        _emit(DUE_FORMATS.load(chosen)(report, working_days))
    raise typer.Exit(1 if fail_on_overdue and report.overdue_count else 0)


@app.command()
def status(
    paths: PathsArgument = None,
    today: TodayOption = None,
    output_format: Annotated[StatusFormat, typer.Option("--format", "-f", help=STATUS_FORMAT_HELP)] = "text",
    out_dir: Annotated[Path, typer.Option("--out-dir", "-d", help=STATUS_OUT_DIR_HELP)] = Path("build"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help=STATUS_OUTPUT_HELP, show_default=False)] = None,
    orientation: Annotated[Orientation, typer.Option("--orientation", help=STATUS_ORIENTATION_HELP)] = "landscape",
    within: Annotated[int, typer.Option("--within", "-w", help=STATUS_WITHIN_HELP, metavar="DAYS")] = 14,
    templates: Annotated[
        Path | None, typer.Option("--templates", help=STATUS_TEMPLATES_HELP, show_default=False)
    ] = None,
    fail_on_overdue: FailOnOverdue = False,
    color: ColorOption = "auto",
    force: Annotated[bool, typer.Option("--force", help=STATUS_FORCE_HELP)] = False,
) -> None:
    """How far each plan has got: done / total and percent, overdue items, per period and per owner."""
    from aidplan.commands.track import status_reports

    _use_colour(color)
    day = _today(today)
    config = _config()
    places = config.calendar_places()
    results, _ = status_reports(paths or config.plan_paths(), day, places)  # warnings: check's
    orientation_value = Orientation(orientation).value
    target = DocumentTarget(
        out_dir, output, orientation_value, config.settings.style, templates, within, places, force=force
    )
    chosen = StatusFormat(output_format).value
    if chosen == "text" and _tables_fit():
        from aidplan.render.terminal import status_tables

        _print_rich(status_tables([s for s, _ in results], day))
    else:
        _emit(STATUS_FORMATS.load(chosen)(results, day, target))
    raise typer.Exit(1 if fail_on_overdue and any(s.plan.overdue for s, _ in results) else 0)


@app.command()
def export(
    paths: Annotated[list[Path], typer.Argument(help=EXPORT_PATHS_HELP, show_default=False)],
    output_format: Annotated[
        ExportFormat | None, typer.Option("--format", "-f", help=EXPORT_FORMAT_HELP, show_default=False)
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=EXPORT_OUTPUT_HELP, show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("--out-dir", "-d", help=EXPORT_OUT_DIR_HELP)] = Path("build"),
    remind: Annotated[str | None, typer.Option("--remind", help=REMIND_HELP, show_default=False)] = None,
) -> None:
    """Export every deadline (each monthly occurrence on its own) to a calendar (ICS) or a table (CSV).

    Events keep the same UID on every export, so importing again updates them instead of adding copies.
    """
    from aidplan.commands.track import export_files

    chosen = ExportFormat(output_format).value if output_format else None
    written, missing, data = export_files(paths, chosen, out_dir, output, remind, _config().calendar_places())
    _holiday_notice(missing)
    if data is not None:
        typer.echo(data, nl=False)
    _emit(written)


progress_app = typer.Typer(
    cls=_Boundary,
    help=PROGRESS_APP_HELP,
    no_args_is_help=True,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(progress_app, name="progress")


@progress_app.command("import", help=IMPORT_HELP)
def progress_import(
    book: Annotated[Path, typer.Argument(help=IMPORT_BOOK_HELP, show_default=False)],
    skip_bad: Annotated[bool, typer.Option("--skip-bad", help=SKIP_BAD_HELP)] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=IMPORT_DRY_RUN_HELP)] = False,
    plan: Annotated[Path | None, typer.Option("--plan", help=IMPORT_PLAN_HELP, show_default=False)] = None,
    today: Annotated[str | None, typer.Option("--today", help=IMPORT_TODAY_HELP, show_default=False)] = None,
) -> None:
    from aidplan.commands.workbook import import_workbook
    from aidplan.track.statuses import STATUS_NAMES

    result = import_workbook(book, _today(today), skip_bad, dry_run, plan)
    for problem in result.problems:
        skipped = problem.severity.value == "error"
        _secho(f"{problem}" + ("（已跳过这一行）" if skipped else ""), fg=_COLOURS[problem.severity.value], err=True)
    for entry in result.plans:
        if not entry.changes:
            typer.echo(f"{entry.plan_path}（工作表 {entry.sheet}）：没有新的变化")
            continue
        target = "（--dry-run，没有写入）" if dry_run else f" → {entry.written}"
        typer.echo(f"{entry.plan_path}（工作表 {entry.sheet}）：{len(entry.changes)} 条记录{target}")
        for change in entry.changes:
            record = change.record
            details = "，".join(v for v in (record.date.isoformat(), record.by, record.note) if v)
            typer.echo(f"  第 {change.row} 行  {record.task}：{STATUS_NAMES[record.status]}（{details}）")


@progress_app.command("reid", help=REID_HELP)
def progress_reid(
    plan: PlanArgument,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help=REID_DRY_RUN_HELP)] = False,
) -> None:
    from aidplan.commands.track import reid_progress

    result = reid_progress(plan, dry_run, _config().calendar_places())
    verb = "将改为" if dry_run else "→"
    for _, old, new in result.changed:
        typer.echo(f"{old} {verb} {new}")
    for _, old in result.unsure:
        typer.secho(
            f"注意：记录“{old}”的任务内容在计划里找不到唯一的对应任务，没有改动；请手工核对",
            fg=typer.colors.YELLOW,
            err=True,
        )
    if not result.changed:
        typer.echo(f"{shown(result.path)}：没有需要改动的编号")
    elif dry_run:
        typer.echo(f"（--dry-run：{shown(result.path)} 没有改动）")
    else:
        typer.echo(f"已改正 {len(result.changed)} 条记录的编号 → {shown(result.path)}")


@app.command(help=REMIND_COMMAND_HELP)
def remind(
    paths: PathsArgument = None,
    webhook: Annotated[
        str | None, typer.Option("--webhook", envvar=URL_ENV, help=WEBHOOK_HELP, show_default=False)
    ] = None,
    platform: Annotated[Platform | None, typer.Option("--kind", help=PLATFORM_HELP, show_default=False)] = None,
    secret: Annotated[
        str | None, typer.Option("--secret", envvar=SECRET_ENV, help=SECRET_HELP, show_default=False)
    ] = None,
    within: Annotated[int, typer.Option("--within", "-w", help=REMIND_WITHIN_HELP, metavar="DAYS")] = 7,
    today: TodayOption = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help=DRY_RUN_HELP)] = False,
    always: Annotated[bool, typer.Option("--always", help=ALWAYS_HELP)] = False,
    text: Annotated[bool, typer.Option("--text", help=TEXT_HELP)] = False,
    timeout: Annotated[float, typer.Option("--timeout", help=TIMEOUT_HELP)] = 10,
    retries: Annotated[int, typer.Option("--retries", help=RETRIES_HELP)] = 3,
) -> None:
    from aidplan.commands.remind import remind as post_reminder

    result = post_reminder(
        paths or _config().plan_paths(),
        webhook,
        Platform(platform).value if platform else None,
        secret,
        _today(today),
        within,
        dry_run=dry_run,
        always=always,
        markdown=not text,
        timeout=timeout,
        retries=retries,
    )
    counts = f"逾期 {result.overdue} 项，{within} 天内到期 {result.upcoming} 项"
    if not result.payloads:
        typer.echo("没有逾期或即将到期的任务，没有发送（要照常发送请加 --always）")
        return
    if dry_run:
        typer.echo(result.dry_run_text)
        typer.echo(f"{counts}；{len(result.payloads)} 条{result.kind}消息（--dry-run，没有发送）", err=True)
        return
    for attempt in result.retried or []:
        _secho(f"注意：{attempt}，已重试", fg=typer.colors.YELLOW, err=True)
    typer.echo(f"已发送 {result.sent} 条消息到{result.kind}（{result.target}）：{counts}")


NEW_PATH_HELP = "The plan file to write (.yaml or .yml)."
NEW_YEAR_HELP = "The plan's year. Default: the term start's year with --term-start, else this year."
NEW_TITLE_HELP = "The table's title as printed. Default: YEAR年学生资助工作计划表 (weekly: the term's name)."
NEW_ORG_HELP = "The issuing office (organisation:), e.g. 淮北市学生资助管理中心."
NEW_PERIODS_HELP = f"{format_help(PERIOD_KINDS)}."
NEW_TERM_START_HELP = f"With --periods weekly: the first day of the term (开学), {DATE_FORMS}."
NEW_FORCE_HELP = "Replace the file if it exists."


@app.command("new")
def new_command(
    path: Annotated[Path, typer.Argument(help=NEW_PATH_HELP, show_default=False)],
    year: Annotated[int | None, typer.Option("--year", help=NEW_YEAR_HELP, show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", help=NEW_TITLE_HELP, show_default=False)] = None,
    org: Annotated[str | None, typer.Option("--org", help=NEW_ORG_HELP, show_default=False)] = None,
    periods: Annotated[PeriodKind, typer.Option("--periods", help=NEW_PERIODS_HELP)] = DEFAULT_PERIODS,
    term_start: Annotated[
        str | None, typer.Option("--term-start", help=NEW_TERM_START_HELP, show_default=False, metavar="DATE")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=NEW_FORCE_HELP)] = False,
) -> None:
    """Write a new plan to fill in: every field with a comment saying what it is, and an example task in each
    period that check flags (W230) until it is replaced. The file is written atomically and never replaces
    an existing one without --force."""
    from aidplan.commands.track import parse_date
    from aidplan.ingest.new import new_plan

    start = parse_date(term_start, "--term-start", year) if term_start is not None else None
    made = new_plan(path, year, PeriodKind(periods).value, title, org, start, force)
    typer.echo(f"已写入 {shown(made.path)}：{made.year} 年的计划，{made.periods} 个时段，每个时段一个“【示例】”任务")
    typer.echo(f"下一步：把示例任务换成本单位的任务，再运行 aidplan check {shown(made.path)}")


@app.command()
def explain(code: Annotated[str | None, typer.Argument(help=EXPLAIN_CODE_HELP, show_default=False)] = None) -> None:
    """What a finding code means, with a failing example, its message and the fix; without a code, all codes."""
    from aidplan.rules import ordered, rule_for

    if code is None:
        for rule in ordered():
            typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity.value:<8} {rule.summary()}")
        return
    rule = rule_for(code)
    if rule is None:
        raise UsageError(f"没有代码为“{code}”的检查；运行 aidplan explain 列出全部代码")
    typer.echo(rule.explanation(), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors: # yaml-language-server: $schema=…)."""
    from aidplan.plan.schema import plan_schema_text

    typer.echo(plan_schema_text(), nl=False)


@app.command()
def completion(
    shell: Annotated[Shell, typer.Argument(help=COMPLETION_SHELL_HELP, show_default=False)],
) -> None:
    """Print the shell completion script for aidplan: commands, options, choices and file names.

    bash:  aidplan completion bash > ~/.local/share/bash-completion/completions/aidplan
    zsh:   aidplan completion zsh > "${fpath[1]}/_aidplan"
    fish:  aidplan completion fish > ~/.config/fish/completions/aidplan.fish
    """
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    value = Shell(shell).value
    typer.echo(get_completion_script(prog_name="aidplan", complete_var="_AIDPLAN_COMPLETE", shell=value))


@app.command("calendar")
def calendar_command(
    year: Annotated[int, typer.Argument(help=CALENDAR_YEAR_HELP, metavar="YEAR", show_default=False)],
    paths: Annotated[
        list[Path] | None, typer.Argument(help=CALENDAR_PATHS_HELP, metavar="PATH", show_default=False)
    ] = None,
    output_format: Annotated[CalendarFormat, typer.Option("--format", "-f", help=CALENDAR_FORMAT_HELP)] = "text",
    color: ColorOption = "auto",
) -> None:
    """The year's days off and make-up workdays (调休), each with where it comes from: a calendar file or the library.

    For a year no library has yet, type the State Council's notice into a calendar file; the message says how.
    """
    from aidplan.commands.calendar import calendar_year

    _use_colour(color)
    config = _config()
    report = calendar_year(year, paths or config.calendar_places() or config.plan_paths())
    _emit(CALENDAR_FORMATS.load(CalendarFormat(output_format).value)(report))


def entry() -> None:  # pragma: no cover - thin wrapper for python -m
    app(prog_name="aidplan")


if __name__ == "__main__":  # pragma: no cover
    entry()
