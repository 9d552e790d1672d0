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

from aidplan.messages import LANGUAGES, language, language_from_environment, later, localized, set_language, tr, tr_text

# aidplan uses no pydantic plugins; discovering them scans the entry points of every installed package
# (about 20 ms at each start). Set here, in the command's own process, and only if the user has not.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
if os.environ["PYDANTIC_DISABLE_PLUGINS"] in ("__all__", "1", "true") and "pydantic.plugin._loader" not in sys.modules:
    # With plugins switched off, pydantic's loader finds none (its get_plugins() returns () at once), yet importing
    # it imports importlib.metadata for the entry points it will not read: about 20 ms of every start. The same
    # answer, without that import. (tests/test_cli.py::test_start_up_reads_no_package_metadata)
    import types

    _no_plugins = types.ModuleType("pydantic.plugin._loader")
    _no_plugins.get_plugins = lambda: ()  # type: ignore[attr-defined]
    sys.modules["pydantic.plugin._loader"] = _no_plugins

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
    TASKS_FORMATS,
    DocumentTarget,
    format_help,
)
from aidplan.errors import AidplanError, FindingsError, UsageError
from aidplan.files import shown
from aidplan.ingest.new import DEFAULT_PERIODS, PERIOD_KINDS

if TYPE_CHECKING:
    from collections.abc import Callable

    from aidplan.config import ProjectConfig
from aidplan.plan.kinds import KINDS, KINDS_HELP, ORIENTATIONS
from aidplan.publish.notifiers import NOTIFIERS, SECRET_ENV, URL_ENV
from aidplan.registry import Entry, Registry
from aidplan.track.statuses import STATUSES

DEFAULT_WITHIN = 14

# --- help texts -------------------------------------------------------------------------------------------------

APP_HELP = later("编制、检查和跟踪以 YAML 文件保存的学生资助年度工作计划。")
VERSION_HELP = later("显示版本号后退出。")
LANG_HELP = later(
    "消息的语言：zh（中文，默认）或 en（English）。可写在任何命令后面；默认：项目配置的"
    " lang，否则看 LANGUAGE/LC_ALL/LC_MESSAGES/LANG（en_* 为英文）。",
)
PATHS_HELP = later("计划文件或文件夹。默认：项目配置的 plans，否则为 plans/。")
CHECK_PATHS_HELP = later(
    "要检查的计划文件或文件夹（文件夹里找 *.yaml/*.yml）。默认：项目配置的 plans，否则为 plans/。",
)
CHECK_FORMAT_HELP = later(
    "{formats}。默认：设置了 GITHUB_ACTIONS 时为 github，否则为 text。",
    formats=format_help(CHECK_FORMATS),
)
STRICT_HELP = later("有警告时也判为失败（退出码 1）。")
QUIET_HELP = later("只显示问题：不显示汇总行，没有问题时什么也不显示。")
RENDER_PATHS_HELP = later("要生成文档的计划文件或计划文件夹。")
RENDER_FORMAT_HELP = later(
    "输出格式，用逗号分隔或重复给出：{formats}。默认：-o 的扩展名对应的格式，否则为 "
    "{default}。pdf 需要 LibreOffice，写出 build/PLAN.pdf（由 DOCX 转换）。",
    formats=RENDER_FORMATS.listing(),
    default=",".join(DEFAULT_RENDER_FORMATS),
)
TABLE_KIND_HELP = later(
    "{kinds} 默认：计划自己的设置。",
    kinds=KINDS_HELP,
)
OUT_DIR_HELP = later("输出文件所在的文件夹，文件以计划文件命名。")
OUTPUT_HELP = later(
    "写到这个文件（一个计划、一种格式）；- 表示写到标准输出（默认为 Markdown）。",
)
TEMPLATES_HELP = later(
    "一个模板文件夹，其中的模板代替自带的模板（可复制 templates/ 作为起点）。",
)
ORIENTATION_HELP = later(
    "表格的页面方向；横向使用 GB/T 9704 第 8 章的页边距。默认：计划的 style，否则为纵向。",
)
DOCX_TEMPLATE_HELP = later(
    "单位自己的 Word 模板（以计划为附件的通知），用它代替单独的表格：在 Word 里输入 "
    "Jinja2 标签，并在放表格的地方单独一段写 {{p plan_table }}。见 "
    "templates/notice.docx。",
)
DATE_HELP = later(
    "与 --docx-template 一起用：成文日期 {{ date }}（ISO 格式，如 2020-02-10）。默认：今天。",
)
PAGINATE_HELP = later(
    "estimate：在 aidplan 自己的排版算出的页尾处拆分长时段（不需要 LibreOffice）；exact"
    "：用 LibreOffice 转换，行位置不同时按它的分页重新拆分并再转换一次。",
)
NO_DOCX_TEMPLATE_HELP = later("即使项目配置指定了 docx_template，也只输出单独的表格。")
SET_HELP = later(
    "与 --docx-template 一起用：再给一个模板变量，NAME=VALUE（可重复），如 org=淮北市学生资助管理中心。",
)
DATE_FORMS = later(
    "2020-05-10、2020/5/10、2020年5月10日、5月10日（计划的日期范围内）、今天、昨天",
)
TODAY_HELP = later(
    "按这一天而不是真实的今天来报告：{forms}。",
    forms=DATE_FORMS,
)
FAIL_ON_OVERDUE_HELP = later("有逾期任务时退出码为 1（用于定时的 CI 提醒）。")
PLAN_HELP = later("任务所属的计划文件。")
TASKS_HELP = later("due/status 显示的任务编号：5.2，或 5.1@5-20 表示每月任务的某一次。")
ON_HELP = later(
    "记录的日期：{forms}。默认：今天。",
    forms=DATE_FORMS,
)
BY_HELP = later("完成或报告的人。")
NOTE_HELP = later("写进台账的备注。")
STATUS_HELP = later(
    "{first} 或 {last}。",
    first=", ".join(list(STATUSES)[:-1]),
    last=list(STATUSES)[-1],
)
WITHIN_HELP = later("同时列出今后 DAYS 天内到期的任务。默认：项目配置的 within，否则为 14。")
DUE_FORMAT_HELP = later(
    "{formats}。",
    formats=format_help(DUE_FORMATS),
)
WORKING_DAYS_HELP = later("按工作日倒计时（算入法定节假日和调休上班日），而不是按自然日。")
STATUS_FORMAT_HELP = later(
    "{formats}。默认：-o 的扩展名对应的格式，否则为 text。",
    formats=format_help(STATUS_FORMATS),
)
STATUS_OUT_DIR_HELP = later(
    "用于 docx/xlsx/html：PLAN.status.docx 或 PLAN.status.xlsx（多个计划时为 "
    "status.xlsx）或 status.html 所在的文件夹。",
)
STATUS_FORCE_HELP = later(
    "用于 xlsx：即使工作人员填写的行还没有导入，也覆盖工作簿（这些填写会丢失）。",
)
STATUS_OUTPUT_HELP = later(
    "写到这个文件（docx：一个计划；xlsx：所有计划放在一个工作簿里；html：所有计划一个总览页；"
    "text、md、json：写成文本文件）。没有 -f 时按它的扩展名选格式：.docx .xlsx .html .md .json .txt。",
)
STATUS_WITHIN_HELP = later("用于 html：列出今后 DAYS 天内到期的任务。")
STATUS_TEMPLATES_HELP = later("用于 html：一个文件夹，其中的 status.html.j2 代替自带的模板。")
STATUS_ORIENTATION_HELP = later("用于 docx：台账的页面方向（四列的表格横向最好读）。")
EXPORT_PATHS_HELP = later("计划文件或计划文件夹。")
EXPORT_FORMAT_HELP = later(
    "{formats}。默认：-o 的扩展名对应的格式，否则为 ics。",
    formats=format_help(EXPORT_FORMATS),
)
EXPORT_OUTPUT_HELP = later("把所有计划写进这一个文件；- 表示写到标准输出。")
EXPORT_OUT_DIR_HELP = later("每个计划一个文件，以计划命名，放在这个文件夹里。")
TASKS_PATHS_HELP = later("计划文件或计划文件夹。默认：项目配置的 plans，否则为 plans/。")
TASKS_FORMAT_HELP = later("{formats}。", formats=format_help(TASKS_FORMATS))
TASKS_OUTPUT_HELP = later("把清单写进这个文件，而不是标准输出（csv 带 BOM，供 Excel 打开）。")
TASKS_COMMAND_HELP = later(
    "列出每项任务的编号、印出的序号、所在分组、日期（开始、结束、截止）和责任单位。\n\n"
    "每个日期都注明来源：开始和结束来自分组名称、计划的学期、写明的 span 或时间单元格；截止来自任务自己的"
    "截止时间、任务文中的日期、每月或每周的例行规则、分组的完成时间或分组的最后一天。编号就是 done、mark "
    "和进度文件用的编号。",
)
EXPLAIN_CODE_HELP = later("check 显示的检查代码（E205、W220）。不给时列出全部代码。")
REMIND_HELP = later("用于 ics：在每个截止日之前这么久提醒，如 3d、12h、1w。")
COMPLETION_SHELL_HELP = later("shell：bash、zsh 或 fish。")
CALENDAR_YEAR_HELP = later("要显示的年份，如 2027。")
CALENDAR_PATHS_HELP = later(
    "日历文件（*.calendar.yaml）或存放它们的文件夹。默认：项目配置的 calendars，否则为计划所在的文件夹。",
)
CALENDAR_FORMAT_HELP = later(
    "{formats}。",
    formats=format_help(CALENDAR_FORMATS),
)
PROGRESS_APP_HELP = later(
    "done/mark 之外的进度记录：导入工作人员填写的台账工作簿；修改计划后重新对应记录的编号。",
)
REID_HELP = later(
    "修改计划（插入或删除任务）之后，让进度记录重新指向任务的新编号。\n"
    "\n"
    "每条由 done/mark 写下的记录都保存着任务内容的开头；"
    "如果这段内容现在只属于另一个编号，记录就改用那个编号（需要这样做时 check 会给出 "
    "W306 警告）。进度文件在与 done 相同的锁下原子地重写，注释保留。\n",
)
REID_DRY_RUN_HELP = later("只显示会改动什么；什么也不写。")
IMPORT_HELP = later(
    "把工作人员在台账工作簿（由 status -f xlsx 生成）"
    "里填写的内容记录到各计划旁边的进度文件。\n"
    "\n"
    "状态、日期、完成人或备注与现行记录不同的每一行成为一条记录，用与 done 相同的加锁、"
    "原子写入方式追加；同一个工作簿再导入一次不会增加记录。问题以 BOOK.xlsx!工作表!F12:"
    " 消息 的形式列出；只要有一行有错，就什么也不写（除非给了 --skip-bad）。"
    "手工增删的行会报告出来，不会去猜。\n",
)
IMPORT_BOOK_HELP = later("填好的工作簿（.xlsx）。")
SKIP_BAD_HELP = later("略过有错的行，记录其余的行。")
IMPORT_DRY_RUN_HELP = later("列出记录但不写入。")
IMPORT_PLAN_HELP = later("计划文件，在无法从工作簿写出的位置找到它时使用（单个计划的工作簿）。")
IMPORT_TODAY_HELP = later("没有填日期的行使用的日期：{forms}。默认：今天。", forms=DATE_FORMS)
REMIND_COMMAND_HELP = later(
    "把逾期和即将到期的任务发到群聊机器人：{kinds}。\n"
    "\n"
    "长列表会按平台的长度限制拆成几条消息。没有到期任务时不发送（除非给了 --always）。"
    "URL 和密钥也可以来自 {url_env} 和 {secret_env}；密钥和 URL 里的令牌从不显示。"
    "平台拒收或无法连接时退出码为 1。\n",
    kinds=NOTIFIERS.listing(),
    url_env=URL_ENV,
    secret_env=SECRET_ENV,
)
WEBHOOK_HELP = later("机器人的 webhook URL。")
PLATFORM_HELP = later(
    "{kinds}。默认：从 URL 的主机名推断。",
    kinds=format_help(NOTIFIERS),
)
SECRET_HELP = later("机器人的签名密钥（钉钉加签、飞书签名校验）；企业微信的机器人没有密钥。")
REMIND_WITHIN_HELP = later("同时提醒今后 DAYS 天内到期的任务。")
DRY_RUN_HELP = later("把消息以 JSON 显示出来，不发送。")
ALWAYS_HELP = later("没有到期任务时也发送（一条说明没有到期任务的消息）。")
TEXT_HELP = later("发送纯文本而不是 Markdown。")
TIMEOUT_HELP = later("每次等待回应的秒数。")
RETRIES_HELP = later(
    "遇到 5xx 回应、超时和网络错误后重试的次数（依次等待 1 秒、2 秒、4 秒……）。",
)
CHECK_HELP = later(
    "检查计划文件：一次列出所有文件的所有问题，每个问题一行：路径:行:列: 级别[代码]: "
    "消息。\n"
    "\n"
    "没有问题时退出码为 0，有计划出错时为 1（加 --strict 时警告也算），用法错误为 2。\n",
)
RENDER_HELP = later(
    "把计划生成为正式的附件表格（GB/T 9704）：DOCX、Markdown、HTML 和 PDF。\n"
    "\n"
    "每个文件都原子地写入；只要有计划出错，就列出它的问题，什么也不写。\n",
)
DONE_HELP = later(
    "在计划旁边的进度文件（PLAN.progress.yaml）里把任务记为已完成；计划本身不改动。",
)
MARK_HELP = later("在计划的进度文件里给任务记录别的状态（doing、dropped，或改回 todo）。")
DUE_HELP = later(
    "哪些任务已逾期、哪些即将到期、本期有哪些任务，并倒计时。\n\n已经结束的年度计划只汇总未完成的数目，不逐行列出。\n",
)
STATUS_COMMAND_HELP = later("每个计划的进展：完成数/总数和百分比、逾期项，按时段和按责任单位。")
EXPORT_HELP = later(
    "把每个截止日期（每月任务的每一次单独算）导出为日历（ICS）或表格（CSV）。\n"
    "\n"
    "每次导出的事件 UID 不变，所以再次导入会更新事件，而不是添加副本。\n",
)
EXPLAIN_HELP = later("检查代码的含义、出错的例子、消息和改法；不给代码时列出全部代码。")
SCHEMA_HELP = later(
    "输出计划格式的 JSON Schema（供编辑器使用：# yaml-language-server: $schema=…）。",
)
COMPLETION_HELP = later(
    "输出 aidplan 的 shell 补全脚本：命令、选项、选项值和文件名。\n"
    "\n"
    "bash:  aidplan completion bash > "
    "~/.local/share/bash-completion/completions/aidplan\n"
    'zsh:   aidplan completion zsh > "${fpath[1]}/_aidplan"\n'
    "fish:  aidplan completion fish > ~/.config/fish/completions/aidplan.fish\n",
)
CALENDAR_HELP = later(
    "一年的放假日和调休上班日，每一天都注明来源：日历文件或节假日库。\n"
    "\n"
    "对还没有库收录的年份，把国务院办公厅的通知录入一个日历文件；消息会说明怎么做。\n",
)

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

    def main(self, args: Any = None, *rest: Any, **kwargs: Any) -> Any:
        _degrade_output()
        arguments = list(sys.argv[1:] if args is None else args)
        _CONFIG.clear()  # tests run many invocations in one process
        try:
            arguments, chosen = _take_lang(arguments)
        except UsageError as exc:
            set_language(language_from_environment())
            raise SystemExit(_fail(str(exc), exc.exit_code).exit_code) from None
        _LANG_CHOICE["value"] = chosen
        set_language(chosen or language_from_environment())
        from aidplan.messages.framework import install

        install()  # click's own words (Usage:, Options:, its errors) follow the language too
        return super().main(arguments, *rest, **kwargs)

    def invoke(self, ctx: Any) -> Any:
        _COLOUR_CHOICE["value"] = "auto"  # tests run many invocations in one process
        from aidplan.files import forget_inputs

        forget_inputs()  # each command protects what it reads (several commands may run in one process)
        try:
            _config_language()
            return super().invoke(ctx)
        except AidplanError as exc:
            if isinstance(exc, FindingsError):
                from aidplan.plan.findings import Finding, as_text

                for finding in exc.findings:
                    text = as_text(finding) if isinstance(finding, Finding) else str(finding)
                    _secho(text, fg=_COLOURS[finding.severity.value], err=True)
            raise _fail(str(exc), exc.exit_code) from None
        except KeyboardInterrupt:
            raise _fail(tr("已中断"), 130) from None
        except (OSError, RuntimeError) as exc:
            message = _path_problem(exc)
            if message is None:
                raise
            raise _fail(message, 2) from None

    def get_command(self, ctx: Any, name: str) -> Any:
        command = super().get_command(ctx, name)
        if command is not None:
            _readable_arguments(command)
            _help_in_language(command)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _help_in_language(self)
        super().format_help(ctx, formatter)


def _path_problem(exc: OSError | RuntimeError) -> str | None:
    """What a path the system cannot take says, wherever a command meets it (a file name over 255 bytes: an
    office names its file after a notice's whole title; a symbolic link that leads back to itself); None for
    any other error, which stays a bug to fix."""
    import errno

    if isinstance(exc, OSError) and exc.errno == errno.ENAMETOOLONG:
        name = os.fsdecode(exc.filename) if exc.filename is not None else ""
        return tr(
            "文件名太长（超过系统允许的 255 字节）：{name}；请把文件名改短后再试", name=os.path.basename(name) or name
        )
    looping = isinstance(exc, OSError) and exc.errno == errno.ELOOP
    if looping or (isinstance(exc, RuntimeError) and str(exc).startswith("Symlink loop")):
        where = (
            os.fsdecode(exc.filename)
            if isinstance(exc, OSError) and exc.filename
            else str(exc).split("from ")[-1].strip("'")
        )
        return tr("路径里的符号链接绕成了一个圈，找不到真正的文件或文件夹：{where}", where=where)
    return None


# --lang of this invocation (None: not given), and the project config once read (or the error reading it)
_LANG_CHOICE: dict[str, str | None] = {"value": None}
_CONFIG: dict[str, Any] = {}


def _take_lang(arguments: list[str]) -> tuple[list[str], str | None]:
    """The arguments without `--lang X` / `--lang=X` (before any `--`), and X: it may follow any command."""
    rest: list[str] = []
    chosen = None
    index = 0
    while index < len(arguments):
        argument = arguments[index]
        if argument == "--":
            rest += arguments[index:]
            break
        if argument == "--lang" or argument.startswith("--lang="):
            if argument == "--lang":
                if index + 1 >= len(arguments):
                    raise UsageError(tr("--lang 需要一个值：zh 或 en"))
                value, index = arguments[index + 1], index + 2
            else:
                value, index = argument.partition("=")[2], index + 1
            chosen = value.strip().lower()
            if chosen not in LANGUAGES:
                raise UsageError(tr("--lang 只能是 zh 或 en，不能是“{value}”", value=value))
            continue
        rest.append(argument)
        index += 1
    return rest, chosen


def _config_language() -> None:
    """Without --lang, the project config's lang wins over the environment. A config that cannot be read is
    reported by the command that reads it (messages until then follow the environment)."""
    if _LANG_CHOICE["value"] is not None:
        return
    try:
        config = _config()
    except AidplanError as exc:
        wanted = getattr(exc, "lang", None)  # a config with errors that says lang = "en": its errors in English
        if wanted is not None and wanted != language():
            set_language(wanted)
            _CONFIG.clear()  # read again, so that its findings are stated in that language
        return
    if config.settings.lang is not None:
        set_language(config.settings.lang)


def _help_in_language(command: Any) -> None:
    """--help in the language in force: help texts are written in Chinese and translated where shown."""
    if language() == "zh":
        return
    command.help = localized(command.help)
    command.short_help = localized(command.short_help)
    for param in command.params:
        param.help = localized(getattr(param, "help", None))


# what an option's value is, named as people write it in --help (typer would show <str>, <path>, <list[str]>)
_OPTION_METAVARS = {
    "formats": "FORMAT[,FORMAT...]",
    "out_dir": "DIR",
    "templates": "DIR",
    "output": "FILE",
    "plan": "PLAN",
    "paginate": "estimate|exact",
    "today": "DATE",
    "on": "DATE",
    "term_start": "DATE",
    "by": "NAME",
    "org": "NAME",
    "note": "TEXT",
    "title": "TEXT",
    "remind": "3d|12h|1w",
    "webhook": "URL",
    "secret": "SECRET",
    "timeout": "SECONDS",
    "retries": "N",
    "year": "YEAR",
}


def _readable_arguments(command: Any) -> None:
    """Arguments and option values shown as people write them in --help: PATH..., TASK..., YEAR, --out-dir DIR,
    -f FORMAT[,FORMAT...], not `paths... <list[Path]>` or `<path>`; choices keep their <a|b|c>."""
    for param in command.params:
        if getattr(param, "param_type_name", "") == "option":
            if param.metavar is None and not param.is_flag and param.name in _OPTION_METAVARS:
                param.metavar = _OPTION_METAVARS[param.name]
            continue
        if getattr(param, "param_type_name", "") != "argument":
            continue
        if param.metavar is None:
            name = param.name.upper()
            param.metavar = name[:-1] if param.nargs != 1 and name.endswith("S") else name
        if param.nargs != 1:
            param.metavar = param.metavar.removesuffix("...")
        shown = param.metavar + ("..." if param.nargs != 1 else "")
        usage = shown if param.required else f"[{param.metavar}]" + shown[len(param.metavar) :]
        param._rich_display_name = lambda shown=shown: shown
        param._usage_display_name = lambda usage=usage: usage  # typer writes {PATH}... for a required one
        param.get_error_hint = lambda shown=shown: f"'{shown}'"
        param.display_type_rich = lambda ctx: None


class _App(typer.Typer):
    """The app, built for the one command being run. typer turns the signature of every command into click
    parameters at each start (evaluating each annotation), about 2 ms a command; `aidplan check` needs one of
    them. --help, completion, no command and an unknown name (for click's message) still get them all."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        arguments = kwargs.get("args", args[0] if args else None)
        name = (
            None
            if os.environ.get("_AIDPLAN_COMPLETE")
            else _invoked_name(sys.argv[1:] if arguments is None else arguments)
        )
        commands, groups = self.registered_commands, self.registered_groups
        chosen = [c for c in commands if _command_name(c) == name]
        chosen_groups = [g for g in groups if g.name == name]
        if chosen or chosen_groups:
            self.registered_commands, self.registered_groups = chosen, chosen_groups
        try:
            return super().__call__(*args, **kwargs)
        finally:
            self.registered_commands, self.registered_groups = commands, groups


def _invoked_name(arguments: list[str]) -> str | None:
    """The command's name: the first argument that is no option (--lang takes a value); None with --help/-V."""
    skip = False
    for argument in arguments:
        if skip:
            skip = False
        elif argument == "--lang":
            skip = True
        elif argument in ("-h", "--help", "-V", "--version", "--"):
            return None
        elif not argument.startswith("-"):
            return argument
    return None


def _command_name(command: Any) -> str:
    return command.name or command.callback.__name__.replace("_", "-")


app = _App(
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
TasksFormat = TASKS_FORMATS.choices()
CalendarFormat = CALENDAR_FORMATS.choices()
Status = STATUSES.choices()
COLOR_CHOICES = Registry(
    "Color",
    Entry("auto", later("在终端上着色，除非设置了 NO_COLOR 或 TERM=dumb")),
    Entry("always", later("在管道和文件里也着色")),
    Entry("never", later("不着色")),
)
Color = COLOR_CHOICES.choices()
SHELLS = Registry(
    "Shell",
    Entry("bash", later("bash 4.4 或更新的版本")),
    Entry("zsh", "zsh"),
    Entry("fish", "fish"),
)
Shell = SHELLS.choices()
PeriodKind = PERIOD_KINDS.choices()
COLOR_HELP = later(
    "{choices}。",
    choices=format_help(COLOR_CHOICES),
)
ColorOption = Annotated[Color, typer.Option("--color", help=COLOR_HELP)]


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
    if "config" not in _CONFIG:
        from aidplan.config import load_config

        try:
            _CONFIG["config"] = load_config()
        except AidplanError as exc:
            _CONFIG["config"] = exc
    found = _CONFIG["config"]
    if isinstance(found, AidplanError):
        raise found
    return found


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
    lang: Annotated[str | None, typer.Option("--lang", help=LANG_HELP, metavar="zh|en", show_default=False)] = None,
) -> None:
    """The options before any command (the help shown is APP_HELP). --lang is taken out of the arguments before
    they are parsed, so that it may follow any command (see _Boundary.main): declared here for --help."""


@app.command(help=CHECK_HELP)
def check(
    paths: Annotated[list[Path] | None, typer.Argument(help=CHECK_PATHS_HELP, show_default=False)] = None,
    output_format: Annotated[
        CheckFormat | None, typer.Option("--format", "-f", help=CHECK_FORMAT_HELP, show_default=False)
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help=STRICT_HELP)] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=QUIET_HELP)] = False,
    color: ColorOption = "auto",
) -> None:
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


@app.command(help=RENDER_HELP)
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
    from aidplan.commands.render import NoticeOptions, parse_values, render_plans

    config = _config()
    notice = None
    template = None if no_docx_template else docx_template or config.docx_template()
    if template is not None:
        from aidplan.commands.track import parse_date

        day = parse_date(date, "--date") if date is not None else None
        notice = NoticeOptions(template, day, parse_values(values or []))
    elif date or values:
        raise UsageError(tr("--date 和 --set 只用于通知模板（--docx-template，或项目配置里的 docx_template）"))
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
    for note in result.notes:
        _secho(tr("注意：{note}", note=note), fg=typer.colors.YELLOW, err=True)
    if result.warnings:
        _secho(
            tr("注意：计划有 {count} 个警告，运行 aidplan check 查看", count=len(result.warnings)),
            fg=typer.colors.YELLOW,
            err=True,
        )
    if result.stdout is not None:
        typer.echo(result.stdout, nl=False)
    _emit(result.written)


IMPORT_COMMAND_HELP = later(
    "把单位已有的计划转成计划文件：Word（.docx；.doc、.wps、.rtf、.odt 和网页 .html 经 LibreOffice"
    " 转换）、Excel（.xlsx；.xls、.et 和 .ods 经 LibreOffice 转换）、CSV（UTF-8 或 GB18030）、Markdown，或从网页、PDF "
    "复制的文本（.txt，或用 - 读标准输入）。\n"
    "\n"
    "计划写在每个文件旁边，名为 NAME.yaml（或写到 -o），带注释说明它从哪里来、"
    "做了哪些推测、哪些内容没能放进去；写出后按 check 的规则检查。已有的文件没有 "
    "--force 时从不覆盖。\n",
)
IMPORT_FILES_HELP = later("要导入的文件；- 读标准输入的文本。")
IMPORT_OUTPUT_HELP = later(
    "把计划写到这个文件（只能有一个输入）；- 写到标准输出。默认：输入文件旁边的 NAME.yaml。",
)
IMPORT_YEAR_HELP = later("计划年度，在标题没有写出年份（或写的是别的年份）时使用。")
IMPORT_ORG_HELP = later("发文单位（organisation:），表格本身不印。")
IMPORT_FORCE_HELP = later("覆盖已经存在的计划文件。")
IMPORT_TERM_START_HELP = later(
    "学期的第一天（开学），写进 term:。计划按学期的周次（第三周）、开学初、期末排时间时需要它，表格里不印。"
)
IMPORT_TERM_END_HELP = later("学期的最后一天，写进 term:。默认：第二十周的星期日。")


@app.command("import", help=IMPORT_COMMAND_HELP)
def import_command(
    files: Annotated[list[Path], typer.Argument(help=IMPORT_FILES_HELP, show_default=False, metavar="FILE...")],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help=IMPORT_OUTPUT_HELP, show_default=False, metavar="PLAN.yaml")
    ] = None,
    year: Annotated[int | None, typer.Option("--year", help=IMPORT_YEAR_HELP, show_default=False)] = None,
    org: Annotated[str | None, typer.Option("--org", help=IMPORT_ORG_HELP, show_default=False)] = None,
    force: Annotated[bool, typer.Option("--force", help=IMPORT_FORCE_HELP)] = False,
    term_start: Annotated[
        str | None, typer.Option("--term-start", help=IMPORT_TERM_START_HELP, show_default=False, metavar="DATE")
    ] = None,
    term_end: Annotated[
        str | None, typer.Option("--term-end", help=IMPORT_TERM_END_HELP, show_default=False, metavar="DATE")
    ] = None,
) -> None:
    from aidplan.commands.ingest import STDIN, import_plans, lock_file_note
    from aidplan.commands.track import parse_date
    from aidplan.plan.findings import as_text, has_errors

    if term_end is not None and term_start is None:
        raise UsageError(tr("--term-end 要和 --term-start 一起给"))
    term = None
    if term_start is not None:
        start = parse_date(term_start, "--term-start", year)
        term = (start, parse_date(term_end, "--term-end", start.year) if term_end is not None else None)
    for note in filter(None, map(lock_file_note, files)):
        typer.echo(note, err=True)
    bar = _Bar()
    try:
        results = import_plans(files, output, year, org, force, meter=bar, term=term)
    finally:
        bar.stop()
    to_stdout = any(result.target == STDIN for result in results)
    for result in results:
        if result.target == STDIN:
            typer.echo(result.text, nl=False)
        source = tr("标准输入") if result.source == STDIN else shown(result.source)
        target = tr("标准输出") if result.target == STDIN else shown(result.target)
        counts = {"source": source, "target": target, "groups": result.periods, "tasks": result.tasks}
        summary = {
            "periods": tr("{source} → {target}：{groups} 个时段，{tasks} 项任务", **counts),
            "groups": tr("{source} → {target}：{groups} 个分组，{tasks} 项任务", **counts),
            "tasks": tr("{source} → {target}：{tasks} 项任务（不分组）", **counts),
        }
        typer.echo(summary[result.shape], err=to_stdout)
        for guess in result.guesses:
            typer.echo(tr("  推测：{guess}", guess=localized(guess)), err=to_stdout)
        for item in result.unplaced:
            _secho(tr("  没能放进计划：{item}", item=localized(item)), fg=typer.colors.YELLOW, err=to_stdout)
        for finding in result.findings:
            typer.echo(as_text(finding), err=to_stdout)
    findings = [f for result in results for f in result.findings]
    if has_errors(findings):
        raise _fail(tr("导入的计划有错误（见上）；请按提示改正后运行 aidplan check"), 1)


TodayOption = Annotated[str | None, typer.Option("--today", help=TODAY_HELP, show_default=False)]
FailOnOverdue = Annotated[bool, typer.Option("--fail-on-overdue", help=FAIL_ON_OVERDUE_HELP)]
PathsArgument = Annotated[list[Path] | None, typer.Argument(help=PATHS_HELP, show_default=False)]
PlanArgument = Annotated[Path, typer.Argument(help=PLAN_HELP, show_default=False)]
TasksArgument = Annotated[list[str], typer.Argument(help=TASKS_HELP, show_default=False)]
OnOption = Annotated[str | None, typer.Option("--on", help=ON_HELP, show_default=False)]
ByOption = Annotated[str | None, typer.Option("--by", help=BY_HELP, show_default=False)]
NoteOption = Annotated[str | None, typer.Option("--note", help=NOTE_HELP, show_default=False)]


def _today(value: str | None, paths: list[Path] | Callable[[], list[Path]] | None = None):
    """--today as typed; 5月20日 falls in the year of the plans under `paths` (a callable is asked only then)."""
    import datetime as dt

    from aidplan.commands.track import parse_date, plans_year

    if value is None:
        return dt.date.today()

    def year():  # the year of 5月20日, or a function of the month and day (one plan: its span)
        given = paths() if callable(paths) else paths
        return plans_year(given or _config().plan_paths(), "--today")

    return parse_date(value, "--today", year)


def _holiday_notice(years: list[int]) -> None:
    if years:
        from aidplan.plan.workdays import data_version

        listed = tr("、").join(str(y) for y in years)
        _secho(
            tr(
                "注意：已安装的节假日数据（{data_version}）没有 {listed} 年的官方安排，"
                "也没有这些年份的日历文件，只按周末计算工作日；运行 aidplan calendar {years} "
                "查看如何添加",
                data_version=data_version(),
                listed=listed,
                years=years[0],
            ),
            fg=typer.colors.YELLOW,
            err=True,
        )


def _record(plan: Path, tasks: list[str], status: str, on: str | None, by: str | None, note: str | None) -> None:
    import datetime as dt

    from aidplan.commands.track import parse_date, plans_year, record_progress
    from aidplan.track.statuses import STATUS_NAMES

    day = parse_date(on, "--on", lambda: plans_year([plan], "--on")) if on is not None else dt.date.today()
    path, coverage = record_progress(plan, tasks, status, day, by, note, _config().calendar_places())
    who = tr("，{by}", by=by) if by else ""
    typer.echo(
        tr(
            "已记录 {tasks}：{status}（{day}{who}）→ {path}",
            tasks=tr("、").join(tasks),
            status=localized(STATUS_NAMES[status]),
            day=day.isoformat(),
            who=who,
            path=shown(path),
        )
    )
    for one, before in coverage:  # a recurring task's plain id: the occurrence the record is for
        typer.echo(tr("  {task} 是例行任务：这条记录只记 {item} 这一次", task=one.task_id, item=one.id))
        if before:
            listed = tr("、").join(item.id for item in before[:3]) + (tr(" 等") if len(before) > 3 else "")
            typer.echo(
                tr(
                    "  之前还有 {count} 次未完成：{listed}；完成了的请逐次记录，如 aidplan done {plan} {first}",
                    count=len(before),
                    listed=listed,
                    plan=shown(plan),
                    first=before[0].id,
                )
            )
    if day > dt.date.today():
        typer.secho(
            tr(
                "注意：记录日期 {day} 晚于今天（{today}）；在那天之前它不计入 due/status，"
                "之后会压过日期更早的记录；如果写错了，请在进度文件里改正这一行",
                day=day.isoformat(),
                today=dt.date.today().isoformat(),
            ),
            fg=typer.colors.YELLOW,
            err=True,
        )


@app.command(help=DONE_HELP)
def done(
    plan: PlanArgument, tasks: TasksArgument, on: OnOption = None, by: ByOption = None, note: NoteOption = None
) -> None:
    _record(plan, tasks, "done", on, by, note)


@app.command(help=MARK_HELP)
def mark(
    plan: PlanArgument,
    tasks: TasksArgument,
    status: Annotated[Status, typer.Option("--status", "-s", help=STATUS_HELP, show_default=False)],
    on: OnOption = None,
    by: ByOption = None,
    note: NoteOption = None,
) -> None:
    _record(plan, tasks, status.value, on, by, note)


@app.command(help=DUE_HELP)
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


@app.command(help=STATUS_COMMAND_HELP)
def status(
    paths: PathsArgument = None,
    today: TodayOption = None,
    output_format: Annotated[
        StatusFormat | None, typer.Option("--format", "-f", help=STATUS_FORMAT_HELP, show_default=False)
    ] = None,
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
    from aidplan.commands.track import status_format, status_reports, write_status_text

    _use_colour(color)
    day = _today(today)
    config = _config()
    places = config.calendar_places()
    results, _ = status_reports(paths or config.plan_paths(), day, places)  # warnings: check's
    orientation_value = Orientation(orientation).value
    target = DocumentTarget(
        out_dir, output, orientation_value, config.settings.style, templates, within, places, force=force
    )
    chosen = status_format(StatusFormat(output_format).value if output_format else None, output)
    to_file = output is not None and output != Path("-") and chosen in ("text", "md", "json")
    if chosen == "text" and _tables_fit() and not to_file:
        from aidplan.render.terminal import status_tables

        _print_rich(status_tables([s for s, _ in results], day))
    elif to_file:
        _emit(write_status_text(output, STATUS_FORMATS.load(chosen)(results, day, target)))  # type: ignore[arg-type]
    else:
        _emit(STATUS_FORMATS.load(chosen)(results, day, target))
    raise typer.Exit(1 if fail_on_overdue and any(s.plan.overdue for s, _ in results) else 0)


@app.command(help=EXPORT_HELP)
def export(
    paths: Annotated[list[Path], typer.Argument(help=EXPORT_PATHS_HELP, show_default=False)],
    output_format: Annotated[
        ExportFormat | None, typer.Option("--format", "-f", help=EXPORT_FORMAT_HELP, show_default=False)
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help=EXPORT_OUTPUT_HELP, show_default=False)] = None,
    out_dir: Annotated[Path, typer.Option("--out-dir", "-d", help=EXPORT_OUT_DIR_HELP)] = Path("build"),
    remind: Annotated[str | None, typer.Option("--remind", help=REMIND_HELP, show_default=False)] = None,
) -> None:
    from aidplan.commands.track import export_files

    chosen = ExportFormat(output_format).value if output_format else None
    written, missing, data = export_files(paths, chosen, out_dir, output, remind, _config().calendar_places())
    _holiday_notice(missing)
    if data is not None:
        typer.echo(data, nl=False)
    _emit(written)


@app.command("tasks", help=TASKS_COMMAND_HELP)
def tasks_command(
    paths: Annotated[list[Path] | None, typer.Argument(help=TASKS_PATHS_HELP, show_default=False)] = None,
    output_format: Annotated[TasksFormat, typer.Option("--format", "-f", help=TASKS_FORMAT_HELP)] = "text",
    output: Annotated[Path | None, typer.Option("--output", "-o", help=TASKS_OUTPUT_HELP, show_default=False)] = None,
) -> None:
    from aidplan.commands.tasks import task_listing, write_listing

    config = _config()
    chosen = TasksFormat(output_format).value
    listed, _ = task_listing(paths or config.plan_paths(), config.calendar_places())  # warnings: check's
    result = TASKS_FORMATS.load(chosen)(listed)
    _emit([write_listing(result, chosen, output)] if output is not None else result)


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
    from aidplan.commands.workbook import import_workbook, workbook_plans
    from aidplan.track.statuses import STATUS_NAMES

    result = import_workbook(book, _today(today, lambda: workbook_plans(book, plan)), skip_bad, dry_run, plan)
    for problem in result.problems:
        skipped = problem.severity.value == "error"
        _secho(
            f"{problem}" + (tr("（已跳过这一行）") if skipped else ""), fg=_COLOURS[problem.severity.value], err=True
        )
    for entry in result.plans:
        if not entry.changes:
            typer.echo(tr("{plan_path}（工作表 {sheet}）：没有新的变化", plan_path=entry.plan_path, sheet=entry.sheet))
            continue
        target = tr("（--dry-run，没有写入）") if dry_run else f" → {entry.written}"
        typer.echo(
            tr(
                "{plan_path}（工作表 {sheet}）：{count} 条记录{target}",
                plan_path=entry.plan_path,
                sheet=entry.sheet,
                count=len(entry.changes),
                target=target,
            )
        )
        for change in entry.changes:
            record = change.record
            details = tr("，").join(v for v in (record.date.isoformat(), record.by, record.note) if v)
            typer.echo(
                tr(
                    "  第 {row} 行  {task}：{status}（{details}）",
                    row=change.row,
                    task=record.task,
                    status=localized(STATUS_NAMES[record.status]),
                    details=details,
                )
            )


@progress_app.command("reid", help=REID_HELP)
def progress_reid(
    plan: PlanArgument,
    dry_run: Annotated[bool, typer.Option("--dry-run", "-n", help=REID_DRY_RUN_HELP)] = False,
) -> None:
    from aidplan.commands.track import reid_progress

    result = reid_progress(plan, dry_run, _config().calendar_places())
    verb = tr("将改为") if dry_run else "→"
    for _, old, new in result.changed:
        typer.echo(f"{old} {verb} {new}")
    for _, old in result.unsure:
        typer.secho(
            tr("注意：记录“{old}”的任务内容在计划里找不到唯一的对应任务，没有改动；请手工核对", old=old),
            fg=typer.colors.YELLOW,
            err=True,
        )
    if not result.changed:
        typer.echo(tr("{path}：没有需要改动的编号", path=shown(result.path)))
    elif dry_run:
        typer.echo(tr("（--dry-run：{path} 没有改动）", path=shown(result.path)))
    else:
        typer.echo(tr("已改正 {count} 条记录的编号 → {path}", count=len(result.changed), path=shown(result.path)))


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
    counts = tr(
        "逾期 {overdue} 项，{within} 天内到期 {upcoming} 项",
        overdue=result.overdue,
        within=within,
        upcoming=result.upcoming,
    )
    if not result.payloads:
        typer.echo(tr("没有逾期或即将到期的任务，没有发送（要照常发送请加 --always）"))
        return
    if dry_run:
        typer.echo(result.dry_run_text)
        typer.echo(
            tr(
                "{counts}；{count} 条{kind}消息（--dry-run，没有发送）",
                counts=counts,
                count=len(result.payloads),
                kind=result.kind,
            ),
            err=True,
        )
        return
    for attempt in result.retried or []:
        _secho(tr("注意：{attempt}，已重试", attempt=attempt), fg=typer.colors.YELLOW, err=True)
    typer.echo(
        tr(
            "已发送 {sent} 条消息到{kind}（{target}）：{counts}",
            sent=result.sent,
            kind=result.kind,
            target=result.target,
            counts=counts,
        )
    )


NEW_PATH_HELP = later("要写出的计划文件（.yaml 或 .yml）。")
NEW_YEAR_HELP = later(
    "计划年度。默认：给了 --from 时为原计划的年度加一，给了 --term-start 时为开学日期所在的年份，否则为今年。"
)
NEW_TITLE_HELP = later(
    "表格标题，照印发的写。默认：YEAR年学生资助工作计划表（weekly：学期的名称）；"
    "给了 --from 时为原计划的标题移到新年度。"
)
NEW_ORG_HELP = later("发文单位（organisation:），如 淮北市学生资助管理中心；给了 --from 时替换原计划的。")
NEW_PERIODS_HELP = later("{kinds}。", kinds=format_help(PERIOD_KINDS))
NEW_TERM_START_HELP = later(
    "用于 --periods weekly：学期的第一天（开学），{forms}；给了 --from 时是新学期的第一天（学期的周数不变）。",
    forms=DATE_FORMS,
)
NEW_FORCE_HELP = later("文件已存在时替换它（--from 的原计划除外）。")
NEW_FROM_HELP = later(
    "从这份计划开始（用今年的计划写明年的）：年份和日期移到 --year，注释和排版不变；列出改动的每一行，"
    "检查新计划，并按原计划的进度文件列出没有完成的任务。原计划不会被改动。"
)


NEW_HELP = later(
    "写出一份待填写的新计划：每个字段都带注释说明它是什么，每个时段有一项示例任务，"
    "替换之前 check 会提示（W230）；给了 --from 时，用今年的计划写出明年的计划。"
    "文件原子地写入，没有 --force 时从不替换已有的文件。",
)


@app.command("new", help=NEW_HELP)
def new_command(
    path: Annotated[Path, typer.Argument(help=NEW_PATH_HELP, show_default=False)],
    year: Annotated[int | None, typer.Option("--year", help=NEW_YEAR_HELP, show_default=False)] = None,
    title: Annotated[str | None, typer.Option("--title", help=NEW_TITLE_HELP, show_default=False)] = None,
    org: Annotated[str | None, typer.Option("--org", help=NEW_ORG_HELP, show_default=False)] = None,
    periods: Annotated[PeriodKind | None, typer.Option("--periods", help=NEW_PERIODS_HELP, show_default=False)] = None,
    term_start: Annotated[
        str | None, typer.Option("--term-start", help=NEW_TERM_START_HELP, show_default=False, metavar="DATE")
    ] = None,
    source: Annotated[
        Path | None, typer.Option("--from", help=NEW_FROM_HELP, show_default=False, metavar="PLAN.yaml")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help=NEW_FORCE_HELP)] = False,
) -> None:
    from aidplan.commands.track import parse_date

    start = parse_date(term_start, "--term-start", year) if term_start is not None else None
    if source is not None:
        if periods is not None:
            raise UsageError(tr("--from 沿用原计划的时段，不能同时给 --periods"))
        from aidplan.ingest.new import check_option_text
        from aidplan.ingest.rollover import Overrides

        check_option_text(title, org)
        _roll_over(source, path, year, force, Overrides(title, org, start))
        return
    from aidplan.ingest.new import new_plan

    kind = PeriodKind(periods).value if periods is not None else DEFAULT_PERIODS
    made = new_plan(path, year, kind, title, org, start, force)
    typer.echo(
        tr(
            "已写入 {path}：{year} 年的计划，{periods} 个时段，每个时段一个“【示例】”任务",
            path=shown(made.path),
            year=made.year,
            periods=made.periods,
        )
    )
    typer.echo(tr("下一步：把示例任务换成本单位的任务，再运行 aidplan check {path}", path=shown(made.path)))


def _roll_over(source: Path, target: Path, year: int | None, force: bool, overrides: Any) -> None:
    import datetime as dt

    from aidplan.commands.check import check_paths
    from aidplan.ingest.rollover import rollover, unfinished_tasks
    from aidplan.plan.findings import as_text, has_errors, summary
    from aidplan.track.statuses import STATUS_NAMES

    done = rollover(source, target, year, force, overrides)
    where, old = shown(done.target), shown(done.source)
    typer.echo(
        tr(
            "已写入 {path}：{source}（{old_year} 年）移到 {year} 年，改了 {count} 行",
            path=where,
            source=old,
            old_year=done.old_year,
            year=done.year,
            count=len(done.changed),
        )
    )
    for line in done.changed:
        typer.echo(
            f"{where}:{line.line}: {line.old} → {line.new}" if line.old else f"{where}:{line.line}: + {line.new}"
        )
    for note in done.notes:
        _secho(tr("注意：{note}", note=note), fg=typer.colors.YELLOW)
    typer.echo(tr("检查 {path}：", path=where))
    files, findings = check_paths([done.target], _config().calendar_places())
    for finding in findings:
        _secho(as_text(finding), fg=_COLOURS[finding.severity.value])
    typer.echo(summary(files, findings))
    progress, unfinished, reason = unfinished_tasks(done.source, dt.date.today())
    if unfinished is None:
        typer.echo(
            tr(
                "{old_year} 年未完成的任务：{reason} {progress}，不列出；进度记录没有复制到新计划",
                old_year=done.old_year,
                reason=reason,
                progress=shown(progress),
            )
        )
    elif not unfinished:
        typer.echo(
            tr(
                "{old_year} 年的任务都已完成或取消（{progress}）；进度记录没有复制到新计划",
                old_year=done.old_year,
                progress=shown(progress),
            )
        )
    else:
        typer.echo(
            tr(
                "{old_year} 年未完成的任务（{progress}，共 {count} 项；进度记录没有复制到新计划，"
                "需要接着做的请写进新计划）：",
                old_year=done.old_year,
                progress=shown(progress),
                count=len(unfinished),
            )
        )
        for task in unfinished:
            status = localized(STATUS_NAMES[task.status])
            typer.echo(
                tr("  {id}〔{period}，{status}〕{text}", id=task.id, period=task.period, status=status, text=task.text)
            )
    raise typer.Exit(1 if has_errors(findings) else 0)


@app.command(help=EXPLAIN_HELP)
def explain(code: Annotated[str | None, typer.Argument(help=EXPLAIN_CODE_HELP, show_default=False)] = None) -> None:
    from aidplan.rules import ordered, rule_for

    if code is None:
        for rule in ordered():
            typer.echo(f"{rule.code}  {rule.name:<24} {rule.severity.value:<8} {rule.summary(tr_text)}")
        return
    rule = rule_for(code)
    if rule is None:
        raise UsageError(tr("没有代码为“{code}”的检查；运行 aidplan explain 列出全部代码", code=code))
    typer.echo(rule.explanation(tr_text), nl=False)


@app.command(help=SCHEMA_HELP)
def schema() -> None:
    from aidplan.plan.schema import plan_schema_text

    typer.echo(plan_schema_text(), nl=False)


@app.command(help=COMPLETION_HELP)
def completion(
    shell: Annotated[Shell, typer.Argument(help=COMPLETION_SHELL_HELP, show_default=False)],
) -> None:
    from typer._completion_classes import completion_init
    from typer._completion_shared import get_completion_script

    completion_init()
    value = Shell(shell).value
    typer.echo(get_completion_script(prog_name="aidplan", complete_var="_AIDPLAN_COMPLETE", shell=value))


@app.command("calendar", help=CALENDAR_HELP)
def calendar_command(
    year: Annotated[int, typer.Argument(help=CALENDAR_YEAR_HELP, metavar="YEAR", show_default=False)],
    paths: Annotated[
        list[Path] | None, typer.Argument(help=CALENDAR_PATHS_HELP, metavar="PATH", show_default=False)
    ] = None,
    output_format: Annotated[CalendarFormat, typer.Option("--format", "-f", help=CALENDAR_FORMAT_HELP)] = "text",
    color: ColorOption = "auto",
) -> None:
    from aidplan.commands.calendar import calendar_year

    _use_colour(color)
    config = _config()
    report = calendar_year(year, paths or config.calendar_places() or config.plan_paths())
    _emit(CALENDAR_FORMATS.load(CalendarFormat(output_format).value)(report))


def entry() -> None:  # pragma: no cover - thin wrapper for python -m
    app(prog_name="aidplan")


if __name__ == "__main__":  # pragma: no cover
    entry()
