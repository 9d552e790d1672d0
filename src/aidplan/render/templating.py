"""Find Jinja2 templates: the user's folder first, then the templates shipped with aidplan."""

from __future__ import annotations

import re
from pathlib import Path

from aidplan.errors import UsageError
from aidplan.files import os_reason
from aidplan.messages import tr

_PACKAGED = Path(__file__).resolve().parents[1] / "templates"  # inside an installed wheel
_CHECKOUT = Path(__file__).resolve().parents[3] / "templates"  # an editable install of the repository


def packaged_templates() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")
_MD_RULE_OR_LIST = re.compile(r"(?m)^(\s*)([-+])(?=\s|$|[-\s]*$)")  # "---" (a rule), "- a", "+ a" (a list)
_MD_LIST_NUMBER = re.compile(r"(?m)^(\s*\d+)([.)])(?=\s|$)")  # "1. a" (a numbered list)


def markdown_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: | * _ ` [ ] # ~ \\ escaped, < > & as entities, line breaks as <br>."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # a line that would start a block as a paragraph of its own (a note of "---" is a rule, "- a" or "1. a" a
    # list) is kept as text by escaping the character that makes it one
    text = _MD_LIST_NUMBER.sub(r"\1\\\2", text)
    text = _MD_RULE_OR_LIST.sub(r"\1\\\2", text)
    return "<br>".join(part.strip() for part in text.splitlines()) if "\n" in text or "\r" in text else text


def css_string(text: str):
    """A quoted CSS string (for font names in a <style> sheet, where HTML escaping does not apply):
    quotes and backslashes escaped, < and > as CSS escapes so no text can close the style element."""
    from markupsafe import Markup

    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\<>&\n\r' else ch for ch in str(text))
    return Markup(f'"{escaped}"')


MAX_TEMPLATE_TEXT = 10_000_000  # characters a template may build by repeating text or lists ("x" * n)
MAX_POWER = 1_000  # largest exponent of ** (10 ** 11 is fine; 10 ** 10 ** 10 would run for hours)
MAX_LOOP_STEPS = 1_000_000  # steps of all {% for %} loops of one render together (two nested range(100000): 10**10)
LOOP_STEPS = "aidplan_loop_steps"  # the global every {% for %} iterates through


def _sandbox():
    """Jinja2's SandboxedEnvironment (no attributes starting with _, no unsafe callables, ranges of at most
    100,000 items), with `*` and `**` bounded so a template cannot ask for a 100 GB string, and all loops of
    one environment together bounded to MAX_LOOP_STEPS steps (nested loops multiply: each range alone is not
    enough). Every `{% for %}` is rewritten at parse time to iterate through the counting global."""
    import jinja2
    from jinja2 import nodes
    from jinja2.sandbox import SandboxedEnvironment

    class Sandbox(SandboxedEnvironment):
        intercepted_binops = frozenset(["*", "**"])

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.loop_steps = 0
            self.globals[LOOP_STEPS] = self._count_steps

        def concat(self, parts) -> str:
            """The rendered text, refused once it passes MAX_TEMPLATE_TEXT: a bounded loop can still repeat a
            bounded string into terabytes (100,000 × 10,000,000 characters)."""
            total, kept = 0, []
            for part in parts:
                total += len(part)
                if total > MAX_TEMPLATE_TEXT:
                    raise jinja2.sandbox.SecurityError(
                        tr("模板生成的内容超过 {MAX_TEMPLATE_TEXT:,} 个字符", MAX_TEMPLATE_TEXT=MAX_TEMPLATE_TEXT)
                    )
                kept.append(part)
            return "".join(kept)

        def _count_steps(self, iterable):
            for item in iterable:
                self.loop_steps += 1
                if self.loop_steps > MAX_LOOP_STEPS:
                    raise jinja2.sandbox.SecurityError(
                        tr("循环合计超过 {MAX_LOOP_STEPS:,} 次", MAX_LOOP_STEPS=MAX_LOOP_STEPS)
                    )
                yield item

        def _parse(self, source, name, filename):
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                counter = nodes.Name(LOOP_STEPS, "load", lineno=loop.lineno)
                loop.iter = nodes.Call(counter, [loop.iter], [], None, None, lineno=loop.lineno)
            tree.set_environment(self)
            return tree

        def call_binop(self, context, operator, left, right):
            if operator == "*":
                for seq, count in ((left, right), (right, left)):
                    repeats = isinstance(seq, (str, list, tuple)) and isinstance(count, int)
                    if repeats and len(seq) * count > MAX_TEMPLATE_TEXT:
                        raise jinja2.sandbox.SecurityError(
                            tr(
                                "重复得到的内容过长（{count} × {count2}）；模板最多生成 {MAX_TEMPLATE_TEXT:,} 个字符",
                                count=len(seq),
                                count2=count,
                                MAX_TEMPLATE_TEXT=MAX_TEMPLATE_TEXT,
                            )
                        )
            elif operator == "**" and isinstance(right, (int, float)) and abs(right) > MAX_POWER:
                raise jinja2.sandbox.SecurityError(
                    tr("乘方的指数 {right} 过大（最大 {MAX_POWER}）", right=right, MAX_POWER=MAX_POWER)
                )
            return super().call_binop(context, operator, left, right)

    return Sandbox


def environment(user_templates: Path | None = None, autoescape: bool = False):
    """A sandboxed Jinja2 environment over the user's templates (if given) and the packaged ones; strict about
    undefined names. Templates are data a user may have been sent: they can compute, not reach the system."""
    import jinja2

    search = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise UsageError(tr("模板目录 {user_templates} 不存在", user_templates=user_templates))
        search.append(str(user_templates))
    search.append(str(packaged_templates()))
    env = _sandbox()(
        loader=_bounded_loader(jinja2)(search),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_cell
    env.filters["css_string"] = css_string
    return env


MAX_TEMPLATE_BYTES = 1024 * 1024


def _bounded_loader(jinja2):
    """A FileSystemLoader that reads through aidplan.files: regular files only, at most MAX_TEMPLATE_BYTES, and
    remembered as inputs, so no output of the command may replace a template."""
    import os
    import posixpath

    from aidplan.files import InputTooLarge, NotARegularFile, read_input, shown

    class BoundedLoader(jinja2.FileSystemLoader):
        def get_source(self, environment, template):
            pieces = jinja2.loaders.split_template_path(template)
            for folder in self.searchpath:
                filename = posixpath.join(folder, *pieces)
                if not os.path.lexists(filename) or os.path.isdir(filename):
                    continue
                try:
                    raw = read_input(Path(filename), MAX_TEMPLATE_BYTES, tr("模板"))
                except NotARegularFile as exc:
                    raise UsageError(
                        tr("模板 {filename} 是{kind}，不是普通文件", filename=shown(filename), kind=exc.kind)
                    ) from None
                except InputTooLarge:
                    raise UsageError(
                        tr(
                            "模板 {filename} 过大（最大 {MAX_TEMPLATE_BYTES} KB）",
                            filename=shown(filename),
                            MAX_TEMPLATE_BYTES=MAX_TEMPLATE_BYTES // 1024,
                        )
                    ) from None
                except OSError as exc:
                    raise UsageError(
                        tr("无法读取模板 {filename}：{value}", filename=shown(filename), value=os_reason(exc))
                    ) from None
                try:
                    source = raw.decode("utf-8-sig")
                except UnicodeDecodeError:
                    raise UsageError(
                        tr("模板 {filename} 不是 UTF-8 文本；请另存为 UTF-8", filename=shown(filename))
                    ) from None
                return source, os.path.normpath(filename), lambda: True
            raise jinja2.TemplateNotFound(template)

    return BoundedLoader


def render_template(name: str, context: dict, user_templates: Path | None = None, autoescape: bool = False) -> str:
    """The template rendered; any error it raises (syntax, undefined names, 1/0, endless recursion, a sandbox
    refusal, memory) becomes a UsageError naming the template, its line and why."""
    import jinja2

    env = environment(user_templates, autoescape)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound as exc:
        missing = exc.name or name
        where = _where(exc)
        inside = f"{where}" if where else ""
        raise UsageError(
            tr(
                "{inside}找不到模板 {missing}（在 {value} 中）",
                inside=inside,
                missing=missing,
                value=user_templates or packaged_templates(),
            )
            + (
                tr("；模板名是模板目录里的相对路径")
                if str(missing).startswith(("/", "\\")) or ".." in str(missing)
                else ""
            )
        ) from None
    except UsageError:  # the loader's: a template that is not a regular file, too large or not UTF-8
        raise
    except Exception as exc:  # a template is a program: whatever it raises is the template's fault
        where = _where(exc)
        raise UsageError(
            tr("模板有错：{where}{cause}", where=where, cause=_cause(exc))
            if where
            else tr("模板 {name} 有错：{cause}", name=name, cause=_cause(exc))
        ) from None


def _cause(exc: BaseException) -> str:
    import jinja2

    if isinstance(exc, jinja2.sandbox.SecurityError):
        return tr("沙箱不允许：{exc}", exc=exc)
    if isinstance(exc, jinja2.UndefinedError):
        return tr("未定义：{value}", value=exc.message or exc)
    if isinstance(exc, jinja2.TemplateError):
        return str(exc.message or exc)
    if isinstance(exc, RecursionError):
        return tr("无限递归（宏调用了自己，或模板 include 了自己）")
    if isinstance(exc, ZeroDivisionError):
        return tr("除以零")
    if isinstance(exc, MemoryError):
        return tr("内存不够（模板要生成的内容过大）")
    if isinstance(exc, OverflowError):
        if "MAX_RANGE" in str(exc):
            return tr("range() 过大：沙箱里的 range 最多 {MAX_RANGE:,} 项", MAX_RANGE=jinja2.sandbox.MAX_RANGE)
        return tr("数值过大（{exc}）", exc=exc)
    if isinstance(exc, TypeError):
        return tr("类型不对（{exc}）", exc=exc)
    return tr("{name}：{exc}", name=type(exc).__name__, exc=exc)


def _where(exc) -> str:
    """file:line of a template error: syntax errors carry it; runtime errors have it in their traceback,
    where Jinja puts the template's own file and line."""
    if getattr(exc, "filename", None) and getattr(exc, "lineno", None):
        return f"{exc.filename}:{exc.lineno}: "
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""
