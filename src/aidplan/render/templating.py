"""Find Jinja2 templates: the user's folder first, then the templates shipped with aidplan."""

from __future__ import annotations

import re
from pathlib import Path

from aidplan.errors import UsageError

_PACKAGED = Path(__file__).resolve().parents[1] / "templates"  # inside an installed wheel
_CHECKOUT = Path(__file__).resolve().parents[3] / "templates"  # an editable install of the repository


def packaged_templates() -> Path:
    return _PACKAGED if _PACKAGED.is_dir() else _CHECKOUT


_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def markdown_cell(text: str) -> str:
    """Text safe inside a Markdown table cell: | * _ ` [ ] # ~ \\ escaped, < > & as entities, line breaks as <br>."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return "<br>".join(part.strip() for part in text.splitlines()) if "\n" in text or "\r" in text else text


def css_string(text: str):
    """A quoted CSS string (for font names in a <style> sheet, where HTML escaping does not apply):
    quotes and backslashes escaped, < and > as CSS escapes so no text can close the style element."""
    from markupsafe import Markup

    escaped = "".join(f"\\{ord(ch):x} " if ch in '"\\<>&\n\r' else ch for ch in str(text))
    return Markup(f'"{escaped}"')


def environment(user_templates: Path | None = None, autoescape: bool = False):
    """A Jinja2 environment over the user's templates (if given) and the packaged ones; strict about undefined names."""
    import jinja2

    search = []
    if user_templates is not None:
        if not user_templates.is_dir():
            raise UsageError(f"模板目录 {user_templates} 不存在")
        search.append(str(user_templates))
    search.append(str(packaged_templates()))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(search),
        undefined=jinja2.StrictUndefined,
        autoescape=autoescape,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = markdown_cell
    env.filters["css_string"] = css_string
    return env


def render_template(name: str, context: dict, user_templates: Path | None = None, autoescape: bool = False) -> str:
    import jinja2

    env = environment(user_templates, autoescape)
    try:
        return env.get_template(name).render(**context)
    except jinja2.TemplateNotFound:
        raise UsageError(f"找不到模板 {name}（在 {user_templates or packaged_templates()} 中）") from None
    except jinja2.TemplateError as exc:
        raise UsageError(f"模板 {name} 有错：{_where(exc)}{exc.message or exc}") from None


def _where(exc) -> str:
    """file:line of a template error: syntax errors carry it; runtime errors have it in their traceback,
    where Jinja puts the template's own file and line."""
    if getattr(exc, "filename", None) and getattr(exc, "lineno", None):
        return f"{exc.filename}:{exc.lineno}: "
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith(".j2")]
    return f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""
