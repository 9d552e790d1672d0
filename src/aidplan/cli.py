"""The aidplan command line: turns flags into calls, prints results, exits. The only module that imports typer."""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, TypeVar

import typer

from .errors import AidplanError

app = typer.Typer(
    name="aidplan",
    help="Compile, check and track annual work plans (学生资助工作计划) kept as YAML files.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
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
        from . import __version__

        typer.echo(f"aidplan {__version__}")
        raise typer.Exit(0)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")] = False,
) -> None:
    """Compile, check and track annual work plans (学生资助工作计划) kept as YAML files."""


@app.command()
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help="Plan files or folders to check (folders are searched for *.yaml/*.yml). Default: plans/.", show_default=False)] = None,
    output_format: Annotated[CheckFormat | None, typer.Option("--format", "-f", help="text: path:line:col lines; json: one object; github: workflow annotations. Default: github when GITHUB_ACTIONS is set, else text.", show_default=False)] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Fail (exit 1) on warnings too.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print only the problems: no summary line, nothing when clean.")] = False,
) -> None:
    """Validate plan files: all problems of all files at once, each as path:line:col: severity[CODE]: message.

    Exit code 0 when clean, 1 when any plan has an error (with --strict, a warning too), 2 for usage errors.
    """
    from . import reporting
    from .checks import check_paths
    from .findings import has_errors

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
    formats: Annotated[list[str] | None, typer.Option("--format", "-f", help="Output formats, comma-separated or repeated: docx, md, pdf. Default: docx,md. pdf needs LibreOffice.", show_default=False)] = None,
    layout: Annotated[Layout | None, typer.Option("--layout", "-l", help="by-task: a row per task, the period cell merged over its tasks; by-period: a row per period with a deadline column. Default: the plan's own.", show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("--out-dir", "-d", help="Folder for the outputs, named after each plan file.")] = Path("build"),
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to exactly this file (one plan, one format).", show_default=False)] = None,
    templates: Annotated[Path | None, typer.Option("--templates", help="A folder of templates that override the shipped ones (copy templates/ to start).", show_default=False)] = None,
    orientation: Annotated[Orientation | None, typer.Option("--orientation", help="Page orientation of the table; landscape uses the margins of GB/T 9704 §8. Default: the plan's style, else portrait.", show_default=False)] = None,
) -> None:
    """Render plans as the official 附件 table (GB/T 9704): DOCX, Markdown and PDF.

    Every file is written atomically; if any plan has an error, its problems are listed and nothing is written.
    """
    from .build import render_plans

    result = run(
        lambda: render_plans(
            paths, formats, layout.value if layout else None, out_dir, output, templates,
            orientation.value if orientation else None,
        )
    )
    _print_findings(result.warnings)
    for path in result.written:
        typer.echo(str(path))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the plan format (for editors: # yaml-language-server: $schema=…)."""
    from .schema import plan_schema_text

    typer.echo(plan_schema_text(), nl=False)


def entry() -> None:  # pragma: no cover - thin wrapper for python -m
    app(prog_name="aidplan")


if __name__ == "__main__":  # pragma: no cover
    entry()
