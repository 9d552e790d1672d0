"""The command-line framework's own words (typer and the click it bundles) in Chinese when messages are Chinese.

typer 0.29 bundles click with its words written into the code ("Usage: ", "Show this message and exit.",
f"Error: {message}", f"No such option: {name}"…) and looks up only a few through `gettext.gettext`
("Options", "Arguments", "Commands", "default: {default}", "required"), so no catalog reaches them all. `install()`
wraps the few places that show them: the usage prefix, the help option's text, the words typer looks up, and how a
usage error is shown (its message is recognised by its shape and rebuilt in Chinese). Each wrapper asks the
language when it runs: in English it hands over to the original, so English output is exactly click's own.
Installing only replaces a few attributes (nothing is imported that typer has not imported already).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from aidplan.messages import language, tr

__all__ = ["install"]

_INSTALLED: dict[str, bool] = {}


def install() -> None:
    """Make typer's and click's words follow the language in force (idempotent)."""
    if _INSTALLED:
        return
    _INSTALLED["done"] = True
    import typer.core
    from typer._click import core, exceptions, formatting

    looked_up = typer.core._
    typer.core._ = lambda text: _word(text) if language() == "zh" else looked_up(text)  # type: ignore[attr-defined]

    write_usage = formatting.HelpFormatter.write_usage

    def usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and language() == "zh":
            prefix = tr("用法：")
        write_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = usage  # type: ignore[method-assign]

    get_help_option = core.Command.get_help_option

    def help_option(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None and language() == "zh":
            option.help = tr("显示本帮助后退出。")
        return option

    core.Command.get_help_option = help_option  # type: ignore[method-assign]

    write_heading = formatting.HelpFormatter.write_heading

    def heading(self: Any, heading: str) -> None:
        if language() != "zh":
            return write_heading(self, heading)
        self.write(f"{'':>{self.current_indent}}{heading}：\n")

    formatting.HelpFormatter.write_heading = heading  # type: ignore[method-assign]

    show_error = exceptions.ClickException.show
    show_usage_error = exceptions.UsageError.show

    def show(self: Any, file: Any = None) -> None:
        if language() != "zh":
            return show_error(self, file)
        exceptions.echo(tr("错误：{message}", message=_message(self)), file=_stderr(file), color=self.show_color)

    def show_usage(self: Any, file: Any = None) -> None:
        if language() != "zh":
            return show_usage_error(self, file)
        file = _stderr(file)
        color = None
        if self.ctx is not None:
            color = self.ctx.color
            hint = ""
            if self.ctx.command.get_help_option(self.ctx) is not None:
                hint = tr(
                    "运行“{command} {option}”查看帮助。",
                    command=self.ctx.command_path,
                    option=self.ctx.help_option_names[0],
                )
                hint += "\n"
            exceptions.echo(f"{self.ctx.get_usage()}\n{hint}", file=file, color=color)
        exceptions.echo(tr("错误：{message}", message=_message(self)), file=file, color=color)

    exceptions.ClickException.show = show  # type: ignore[method-assign]
    exceptions.UsageError.show = show_usage  # type: ignore[method-assign]


def _stderr(file: Any) -> Any:
    from typer._click._compat import get_text_stderr

    return get_text_stderr() if file is None else file


def _word(text: str) -> str:
    """One of the words typer looks up through gettext, in Chinese (templates keep their {placeholders})."""
    words = {
        "Options": tr("选项"),
        "Arguments": tr("参数"),
        "Commands": tr("命令"),
        "default: {default}": tr("默认：{default}"),
        "required": tr("必填"),
        "env var: {var}": tr("环境变量：{var}"),
        "(dynamic)": tr("（动态）"),
        "Aborted!": tr("已中止。"),
        "Missing command.": tr("缺少命令。"),
        "No such command {name!r}.": tr("没有命令 {name!r}。"),
    }
    return words.get(text, text)


def _message(error: Any) -> str:
    """A usage error's message in Chinese: the parameter it names and the reason, each recognised by its shape;
    a message of another shape (one aidplan wrote itself is Chinese already) is kept as it is."""
    from typer._click import exceptions

    if isinstance(error, exceptions.MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param is not None else "parameter")
        hint = error.param_hint if error.param_hint is not None else error.param and error.param.get_error_hint()
        hint = exceptions._join_param_hints(hint) or ""
        if kind == "option":
            return tr("缺少选项 {option}。", option=hint)
        return tr("缺少参数 {argument}。", argument=hint)
    if isinstance(error, exceptions.NoSuchOption):
        text = _reason(error.message)
        if error.possibilities:
            text += tr("（可用的选项：{options}）", options=", ".join(sorted(error.possibilities)))
        return text
    if isinstance(error, exceptions.BadParameter):
        hint = error.param_hint if error.param_hint is not None else error.param and error.param.get_error_hint()
        if hint is None:
            return tr("无效的值：{reason}", reason=_reason(error.message))
        hint = exceptions._join_param_hints(hint)
        return tr("{option} 的值无效：{reason}", option=hint, reason=_reason(error.message))
    return _reason(error.format_message())


def _sentence(text: str) -> str:
    return text if text.endswith("。") else text + "."


def _reason(text: str) -> str:
    for pattern, chinese in _REASONS:
        found = pattern.fullmatch(text)
        if found:
            return chinese(found)
    return text


def _reasons() -> list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]]:
    def shape(pattern: str) -> re.Pattern[str]:
        return re.compile(pattern, re.DOTALL)

    return [
        (shape(r"No such option: (?P<name>.+)"), lambda m: tr("没有这个选项：{name}", name=m["name"])),
        (
            shape(r"(?P<message>.+?)\. Did you mean (?P<names>.+)\?"),
            lambda m: tr("{message}是不是要用 {names}？", message=_reason(_sentence(m["message"])), names=m["names"]),
        ),
        (
            shape(r"Got unexpected extra argument\(s\) \((?P<arguments>.*)\)"),
            lambda m: tr("多余的参数：{arguments}", arguments=m["arguments"]),
        ),
        (
            shape(r"Option (?P<name>.+) requires an argument\."),
            lambda m: tr("选项 {name} 需要一个值。", name=m["name"]),
        ),
        (
            shape(r"Option (?P<name>.+) requires (?P<count>\d+) arguments\."),
            lambda m: tr("选项 {name} 需要 {count} 个值。", name=m["name"], count=m["count"]),
        ),
        (shape(r"Option (?P<name>.+) does not take a value\."), lambda m: tr("选项 {name} 不带值。", name=m["name"])),
        (
            shape(r"Argument (?P<name>.+) takes (?P<count>\d+) values\."),
            lambda m: tr("参数 {name} 需要 {count} 个值。", name=m["name"], count=m["count"]),
        ),
        (
            shape(r"(?:Value error, )?(?P<value>.+) is not one of (?P<choices>.+)\."),
            lambda m: tr("{value} 不是可选的值之一：{choices}。", value=m["value"], choices=m["choices"]),
        ),
        (
            shape(r"Input should be a valid integer.*"),
            lambda m: tr("应为整数。"),
        ),
        (
            shape(r"Input should be a valid number.*"),
            lambda m: tr("应为数字。"),
        ),
        (
            shape(r"Value (?P<value>.+) is not a valid (?P<kind>.+)\."),
            lambda m: tr("{value} 不是有效的 {kind}。", value=m["value"], kind=m["kind"]),
        ),
        (
            shape(r"(?P<kind>File|Directory|Path) (?P<path>.+) does not exist\."),
            lambda m: tr("{path} 不存在。", path=m["path"]),
        ),
    ]


class _Reasons:
    """The shapes, compiled the first time a usage error is shown in Chinese (never at start-up)."""

    def __iter__(self) -> Any:
        if "reasons" not in _COMPILED:
            _COMPILED["reasons"] = _reasons()
        return iter(_COMPILED["reasons"])


_COMPILED: dict[str, Any] = {}
_REASONS = _Reasons()
