"""The office's own Word template (a 通知 with the plan as its 附件), filled by Jinja2 through docxtpl.

The template is a .docx typed in Word or WPS: Jinja2 tags in its text (`{{ plan.title }}`, `{% for … %}`)
and one paragraph `{{p plan_table }}` where aidplan's table goes. Before anything is rendered the template
is read paragraph by paragraph and every problem is reported like a plan finding, located by its
paragraph (`NOTICE.docx:¶12 “…”: error[E401]: …`): unknown variables, tags Word split so that docxtpl
cannot join them, blocks left open, a placeholder missing, misplaced or used twice.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import io
import re
import shlex
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from lxml import etree

from aidplan.errors import FindingsError, UsageError
from aidplan.files import os_reason
from aidplan.messages import later, localized, tr
from aidplan.plan.findings import Finding
from aidplan.plan.model import Plan, table_numbering
from aidplan.plan.numbering import format_number
from aidplan.plan.numerals import chinese_number
from aidplan.rules.base import Rule
from aidplan.rules.templates import (
    BrokenTag,
    NoPlaceholder,
    PlaceholderMisplaced,
    PlaceholderRepeated,
    TemplateSyntax,
    TemplateUnreadable,
    UnbalancedBlock,
    UnknownVariable,
)
from aidplan.values import frozen

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NS = {"w": W, "mc": MC}
PLACEHOLDER = "plan_table"
PLACEHOLDER_TAG = "{{p plan_table }}"


# -- what the template may use ----------------------------------------------------------------------------


class Obj(dict):
    """Schema of a context object: its attribute names, each with its own schema (None: plain text/number)."""


@dataclass(frozen=True)
class ListOf:
    item: object


TASK = Obj(number=None, text=None, numbered=None, headings=ListOf(None), id=None, owner=None, deadline=None)
GROUP = Obj(index=None, ordinal=None, label=None, deadline=None, tasks=ListOf(TASK))
PLAN = Obj(
    title=None,
    year=None,
    organisation=None,
    attachment=None,
    layout=None,
    notes=ListOf(None),
    groups=ListOf(GROUP),
    tasks=ListOf(TASK),
)
CONTEXT = Obj(
    plan=PLAN,
    title=None,
    year=None,
    org=None,
    date=None,
    attachment_label=None,
    groups=ListOf(GROUP),
    tasks=ListOf(TASK),
    plan_table=None,
)
JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "true", "false", "none", "True", "False"}


def chinese_date(day: dt.date) -> str:
    """成文日期 as GB/T 9704 7.3.5.4 writes it: Arabic numerals, full year, no zero padding."""
    return f"{day.year}年{day.month}月{day.day}日"


class _NoOrganisation(str):
    """The empty 发文机关 of a plan without `organisation:`. It notes the tag that prints it (autoescape asks
    every printed value for __html__), so the notice is refused instead of an empty 发文机关标志 or 署名;
    `{% if org %}` and `|default` still see an empty string."""

    def __new__(cls, tag: str, printed: list[str]):
        value = super().__new__(cls, "")
        value.tag, value.printed = tag, printed
        return value

    def __html__(self) -> str:
        self.printed.append(self.tag)
        return ""


def notice_context(
    plan: Plan, day: dt.date, values: dict[str, str] | None = None, printed: list[str] | None = None
) -> dict:
    """Every variable a notice template can use (README: "Your own notice template"). `--set org=…` also
    fills `plan.organisation` when the plan has none; without either, `org` and `plan.organisation` print
    nothing and name themselves in `printed`."""
    from aidplan.plan.schedule import schedule

    groups, tasks = [], []
    for item in schedule(plan):
        period_tasks = [
            {
                "number": task.number,
                "text": task.text,
                "numbered": format_number(task.number, table_numbering(plan, item.table)[0]) + task.text,
                "headings": list(task.headings),
                "id": task.id,
                "owner": task.owner or "",
                "deadline": task.deadline.text if task.deadline is not None else "",
            }
            for task in item.tasks
        ]
        groups.append(
            {
                "index": item.index + 1,
                "ordinal": chinese_number(item.index + 1),
                "label": item.period.label,
                "deadline": item.period.deadline.text if item.period.deadline is not None else "",
                "tasks": period_tasks,
            }
        )
        tasks.extend(period_tasks)
    values = dict(values or {})
    organisation = plan.organisation or values.get("org")
    if organisation is None and printed is not None:
        plan_org, org = _NoOrganisation("{{ plan.organisation }}", printed), _NoOrganisation("{{ org }}", printed)
    else:
        plan_org = org = organisation or ""
    plan_values = {
        "title": plan.title,
        "year": plan.year,
        "organisation": plan_org,
        "attachment": plan.attachment or "",
        "layout": plan.layout,
        "notes": list(plan.notes),
        "groups": groups,
        "tasks": tasks,
    }
    context = {
        "plan": plan_values,
        "title": plan.title,
        "year": plan.year,
        "org": org,
        "date": chinese_date(day),
        "attachment_label": (plan.attachment or "附件").rstrip("：: "),  # std 7.3.7: no colon after the label
        "groups": groups,
        "tasks": tasks,
    }
    context.update(values)
    return context


# -- findings ---------------------------------------------------------------------------------------------


@frozen
class TemplateFinding(Finding):
    """A problem in a template, located by its paragraph: `line` is the paragraph number (¶), `column` the
    character where the tag starts; `where` names the part (¶12, 页脚1¶1) and `excerpt` quotes the text."""

    where: str = ""
    excerpt: str = ""

    def __str__(self) -> str:
        located = f"{self.path}:{self.where} “{self.excerpt}”" if self.where else f"{self.path}"
        return f"{located}: {self.severity.value}[{self.code}]: {self.message}"


def template_errors(path: Path, findings: list[Finding]) -> FindingsError:
    """The notice template has errors, so nothing was rendered."""
    return FindingsError(
        findings, tr("模板 {path} 有 {count} 个错误，没有生成任何文件", path=path, count=len(findings))
    )


@dataclass
class _Paragraph:
    part: str  # 正文 | 页眉1 | 页脚2 …
    number: int  # 1-based within its part
    text: str
    element: etree._Element
    in_table: bool

    @property
    def where(self) -> str:
        return f"¶{self.number}" if self.part == "正文" else f"{self.part}¶{self.number}"


def _excerpt(text: str, limit: int = 32) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _own_text(paragraph: etree._Element) -> str:
    """The paragraph's own text (w:t of its runs, not of text boxes nested in it)."""
    pieces = []
    for t in paragraph.iter(f"{{{W}}}t"):
        owner = t.getparent()
        while owner is not None and owner.tag != f"{{{W}}}p":
            owner = owner.getparent()
        if owner is paragraph:
            pieces.append(t.text or "")
    return "".join(pieces)


def _paragraphs(root: etree._Element, part: str) -> list[_Paragraph]:
    found = []
    for element in root.iter(f"{{{W}}}p"):
        if element.xpath("ancestor::mc:Fallback", namespaces=NS):  # the VML copy of a text box
            continue
        in_table = bool(element.xpath("ancestor::w:tc", namespaces=NS))
        found.append(_Paragraph(part, len(found) + 1, _own_text(element), element, in_table))
    return found


MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # all parts of the .docx, uncompressed, as their headers declare them


class _Unpacked(ValueError):
    """A .docx that would expand beyond MAX_UNPACKED_BYTES."""


def _read_parts(data: bytes) -> list[tuple[str, etree._Element]]:
    """(part label, root) for the body, then the headers and footers, as docxtpl renders them."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    unpacked = sum(info.file_size for info in archive.infolist())
    if unpacked > MAX_UNPACKED_BYTES:  # a zip bomb: a few hundred KB that expand to gigabytes
        raise _Unpacked(
            tr(
                "不是正常的 Word 文档：解压后有 {unpacked:,} 字节（最多 {MAX_UNPACKED_BYTES:,}）",
                unpacked=unpacked,
                MAX_UNPACKED_BYTES=MAX_UNPACKED_BYTES,
            )
        )
    names = archive.namelist()
    parts = [("正文", etree.fromstring(archive.read("word/document.xml")))]
    for kind, label in (("header", "页眉"), ("footer", "页脚")):
        for name in sorted(n for n in names if re.fullmatch(rf"word/{kind}\d*\.xml", n)):
            number = re.search(r"(\d*)\.xml$", name).group(1)
            parts.append((f"{label}{number}", etree.fromstring(archive.read(name))))
    return parts


_DELIMITER = re.compile(r"\{\{|\{%|\{#|\}\}|%\}|#\}")
_CLOSER = {"{{": "}}", "{%": "%}", "{#": "#}"}
_PREFIX = re.compile(r"(\{%-?|\{\{-?)(p|tr|tc|r) ")
_QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"})
_OPENERS = {"for", "if", "macro", "call", "filter", "with", "block", "autoescape", "raw"}
_WORDS = {
    "for": later("循环"),
    "if": later("条件"),
    "macro": later("宏"),
    "call": later("调用"),
    "filter": later("过滤块"),
    "with": later("with 块"),
}


class _Checker:
    def __init__(self, path: Path, extra_names: set[str]) -> None:
        self.path = path
        self.extra = extra_names
        self.findings: list[Finding] = []

    def add(self, paragraph: _Paragraph | None, column: int, rule: type[Rule], message: str) -> None:
        if paragraph is None:
            self.findings.append(TemplateFinding(self.path, 0, 0, rule.severity, rule.code, message))
            return
        self.findings.append(
            TemplateFinding(
                self.path,
                paragraph.number,
                column + 1,
                rule.severity,
                rule.code,
                message,
                paragraph.where,
                _excerpt(paragraph.text),
            )
        )

    # tags split so that docxtpl cannot join them
    def joined_source(self, paragraphs: list[_Paragraph]) -> list[str]:
        """One line of Jinja source per paragraph (docxtpl's prefixes and Word's curly quotes undone);
        a tag that does not end in its own paragraph is reported and left out."""
        DocxTemplate = _docxtpl()
        lines = []
        previous_open = False
        for number, paragraph in enumerate(paragraphs):
            text = paragraph.text
            if any(mark in text for mark in ("｛｛", "｛%", "｛％", "％｝", "｝｝")):
                self.add(
                    paragraph,
                    min(i for i in (text.find(m) for m in ("｛", "％")) if i >= 0),
                    BrokenTag,
                    tr(
                        "标签用了全角的花括号或百分号（｛｛ ｝｝ ％），Jinja2 只认半角的 {{ }} 和 {% %}；"
                        "请关掉输入法的全角符号重新输入",
                    ),
                )
            keep, cut, opener, ends_next = [], 0, None, False
            for match in _DELIMITER.finditer(text):
                mark = match.group()
                if opener is None and mark in _CLOSER:
                    opener = match
                elif opener is not None and mark == _CLOSER[opener.group()]:
                    opener = None
                elif opener is None and previous_open:
                    previous_open = False  # the rest of the tag split off the paragraph before, reported there
                    keep.append(text[cut : match.start()])
                    cut = match.end()
                elif opener is None:
                    self.add(
                        paragraph,
                        match.start(),
                        BrokenTag,
                        tr("“{mark}”前面没有开头的标签；请删掉它，或补上开头", mark=mark),
                    )
                    keep.append(text[cut : match.start()])
                    cut = match.end()
            if opener is not None:
                closer = _CLOSER[opener.group()]
                following = paragraphs[number + 1].text if number + 1 < len(paragraphs) else ""
                ends_next = closer in following.split(opener.group())[0]
                why = (
                    tr(
                        "Word 把它拆到了下一段（“{closer}”在{where}），docxtpl 无法拼合；"
                        "请把整个标签在同一段里重新输入",
                        closer=closer,
                        where=paragraphs[number + 1].where,
                    )
                    if ends_next
                    else tr("请补上结尾的“{closer}”", closer=closer)
                )
                self.add(
                    paragraph,
                    opener.start(),
                    BrokenTag,
                    tr(
                        "标签“{excerpt}”在本段没有结束（缺少“{closer}”）：{why}",
                        excerpt=_excerpt(text[opener.start() :], 16),
                        closer=closer,
                        why=why,
                    ),
                )
                keep.append(text[cut : opener.start()])
            else:
                keep.append(text[cut:])
            previous_open = opener is not None and ends_next  # its closing half opens the next paragraph
            line = "".join(keep)
            # docxtpl's own XML clean-up, to find the splits it cannot join inside a paragraph
            patched = DocxTemplate.patch_xml(None, etree.tostring(paragraph.element, encoding="unicode"))
            for tag in re.finditer(r"\{\{.*?\}\}|\{%.*?%\}", patched, flags=re.DOTALL):
                if "<" in tag.group():
                    inner = re.sub(r"<[^>]*>", "", tag.group())
                    self.add(
                        paragraph,
                        max(text.find(inner[:2]), 0),
                        BrokenTag,
                        tr(
                            "标签“{excerpt}”被 Word 拆成了几段文字，docxtpl 无法拼合；请选中整个标签，删掉后一次输入",
                            excerpt=_excerpt(inner, 20),
                        ),
                    )
                    line = line.replace(inner, "")
            line = re.sub(r"\{%-?\s*(vm|hm)\s*-?%\}", "", line)
            line = re.sub(r"\{%-?\s*(colspan|cellbg)\s+(.*?)-?%\}", r"{{ \2 }}", line)
            line = re.sub(r"\{[{%#].*?[}%#]\}", lambda m: m.group().translate(_QUOTES), line)
            lines.append(line)
        return lines

    def blocks(self, paragraphs: list[_Paragraph], lines: list[str]) -> tuple[bool, list[str]]:
        """Every {% for %} / {% if %} closed in order. Returns whether the structure holds, and the lines
        repaired as docxtpl would most likely have meant them (a wrong end closes the open block, a stray
        end is dropped, open blocks close at the end), so the names are still checked."""
        stack: list[tuple[str, _Paragraph, int, str]] = []
        ok = True
        repaired = list(lines)
        for number, (paragraph, line) in enumerate(zip(paragraphs, lines)):
            for tag in re.finditer(r"\{%-?(?:(?:p|tr|tc|r)(?= ))?\s*(\w+)(.*?)-?%\}", line):
                word = tag.group(1)
                shown = " ".join(tag.group().split())
                if word in _OPENERS:
                    stack.append((word, paragraph, tag.start(), shown))
                elif word.startswith("end") and word[3:] in _OPENERS:
                    want = word[3:]
                    if stack and stack[-1][0] == want:
                        stack.pop()
                        continue
                    ok = False
                    if stack:
                        open_word, where, _, open_tag = stack[-1]
                        repaired[number] = repaired[number].replace(tag.group(), f"{{% end{open_word} %}}", 1)
                        self.add(
                            paragraph,
                            tag.start(),
                            UnbalancedBlock,
                            tr(
                                "“{shown}”不能结束{where}的“{open_tag}”：{get}要先用“{{% end{open_word} %}}”结束",
                                shown=shown,
                                where=where.where,
                                open_tag=open_tag,
                                get=localized(_WORDS.get(open_word, open_word)),
                                open_word=open_word,
                            ),
                        )
                        stack.pop()
                    else:
                        repaired[number] = repaired[number].replace(tag.group(), "", 1)
                        self.add(
                            paragraph,
                            tag.start(),
                            UnbalancedBlock,
                            tr("“{shown}”前面没有对应的“{{% {want} … %}}”", shown=shown, want=want),
                        )
                elif word in ("else", "elif") and not any(w in ("if", "for") for w, *_ in stack):
                    ok = False
                    repaired[number] = repaired[number].replace(tag.group(), "", 1)
                    self.add(
                        paragraph,
                        tag.start(),
                        UnbalancedBlock,
                        tr("“{shown}”不在任何 {{% if %}} 或 {{% for %}} 里", shown=shown),
                    )
        for word, paragraph, column, shown in stack:
            ok = False
            self.add(
                paragraph,
                column,
                UnbalancedBlock,
                tr(
                    "{get}“{shown}”没有结束：缺少“{{% end{word} %}}”",
                    get=localized(_WORDS.get(word, word)),
                    shown=shown,
                    word=word,
                ),
            )
            if repaired:
                repaired[-1] += f"{{% end{word} %}}"
        return ok, repaired

    def syntax_and_names(self, paragraphs: list[_Paragraph], lines: list[str], repaired: bool = False) -> None:
        """Jinja2 syntax errors (unless the lines were repaired: their errors are reported already) and
        unknown names."""
        import jinja2

        env = jinja2.Environment()
        lines = [_PREFIX.sub(lambda m: m.group(1) + " ", line) for line in lines]  # {%p for …%} is {% for …%}
        try:
            tree = env.parse("\n".join(lines))
        except jinja2.TemplateSyntaxError as exc:
            if repaired:
                return
            paragraph = paragraphs[min(max(exc.lineno, 1), len(paragraphs)) - 1] if paragraphs else None
            self.add(paragraph, 0, TemplateSyntax, tr("Jinja2 语法错误：{message}", message=exc.message))
            return
        _Names(self, paragraphs, lines).walk_all(tree)


class _Names:
    """Walk the Jinja2 syntax tree with the variables in scope; report every name or attribute the
    context does not have."""

    def __init__(self, checker: _Checker, paragraphs: list[_Paragraph], lines: list[str]) -> None:
        self.checker, self.paragraphs, self.lines = checker, paragraphs, lines
        self.seen: set[tuple[int, str]] = set()

    def report(self, node, shown: str, known) -> None:
        if (node.lineno, shown) in self.seen:
            return
        self.seen.add((node.lineno, shown))
        paragraph = self.paragraphs[node.lineno - 1]
        column = max(self.lines[node.lineno - 1].find(shown.split(".")[0]), 0)
        names = sorted(known) if known else []
        close = difflib.get_close_matches(shown.rsplit(".", 1)[-1], names, n=1)
        base = shown.rsplit(".", 1)[0] + "." if "." in shown else ""
        hint = tr("（是不是“{base}{close}”？）", base=base, close=close[0]) if close else ""
        where = tr("{rsplit} 的属性有", rsplit=shown.rsplit(".", 1)[0]) if "." in shown else tr("可用的变量有")
        self.checker.add(
            paragraph,
            column,
            UnknownVariable,
            tr(
                "未知的变量“{shown}”{hint}；{where}：{value}",
                shown=shown,
                hint=hint,
                where=where,
                value=tr("、").join(names) or "（无）",
            ),
        )

    def walk_all(self, tree) -> None:
        scope = dict(CONTEXT)
        for name in self.checker.extra:
            scope[name] = None
        for node in tree.body:
            self.walk(node, scope)

    def bind(self, target, schema, scope: dict) -> None:
        from jinja2 import nodes

        if isinstance(target, nodes.Name):
            scope[target.name] = schema
        elif isinstance(target, nodes.Tuple):
            for item in target.items:
                self.bind(item, None, scope)

    def walk(self, node, scope: dict) -> None:
        from jinja2 import nodes

        if isinstance(node, nodes.For):
            iterated = self.resolve(node.iter, scope)
            inner = dict(scope)
            self.bind(node.target, iterated.item if isinstance(iterated, ListOf) else None, inner)
            inner["loop"] = None
            if node.test is not None:
                self.walk(node.test, inner)
            for child in node.body:
                self.walk(child, inner)
            for child in node.else_:
                self.walk(child, scope)
        elif isinstance(node, nodes.Assign):
            schema = self.resolve(node.node, scope)
            self.bind(node.target, schema, scope)
        elif isinstance(node, nodes.AssignBlock):
            for child in node.body:
                self.walk(child, scope)
            self.bind(node.target, None, scope)
        elif isinstance(node, nodes.Macro):
            inner = dict(scope)
            for arg in node.args:
                inner[arg.name] = None
            inner.update(varargs=None, kwargs=None, caller=None)
            for child in node.body:
                self.walk(child, inner)
            scope[node.name] = None
        elif isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem, nodes.Filter, nodes.Call)):
            self.resolve(node, scope)
        else:
            for child in node.iter_child_nodes():
                self.walk(child, scope)

    def resolve(self, node, scope: dict, quiet: bool = False):
        """The schema of an expression (None: any value); unknown names are reported unless quiet."""
        from jinja2 import nodes

        if isinstance(node, nodes.Name):
            if node.name in scope:
                return scope[node.name]
            if node.name not in JINJA_GLOBALS and not quiet:
                self.report(node, node.name, scope.keys())
            return None
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            attr = node.attr if isinstance(node, nodes.Getattr) else None
            if isinstance(node, nodes.Getitem):
                if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                    attr = node.arg.value
                else:
                    self.walk(node.arg, scope)
            base = self.resolve(node.node, scope, quiet)
            if isinstance(base, ListOf) and isinstance(node, nodes.Getitem) and attr is None:
                return base.item
            if isinstance(base, Obj) and attr is not None:
                if attr in base:
                    return base[attr]
                if not quiet:
                    self.report(node, f"{_dotted(node.node)}.{attr}", base.keys())
            return None
        if isinstance(node, nodes.Filter):
            self.resolve(node.node, scope, quiet or node.name in ("default", "d"))
            for child in [*node.args, *(kw.value for kw in node.kwargs)]:
                self.walk(child, scope)
            return ListOf(None) if node.name in ("list", "sort", "reverse", "unique", "select", "reject") else None
        if isinstance(node, nodes.Test) and node.name == "defined":
            self.resolve(node.node, scope, quiet=True)
            return None
        if isinstance(node, nodes.Call):
            self.resolve(node.node, scope, quiet)
            for child in [*node.args, *(kw.value for kw in node.kwargs)]:
                self.walk(child, scope)
            return None
        for child in node.iter_child_nodes():
            if isinstance(child, nodes.Expr):
                self.resolve(child, scope, quiet)
            else:
                self.walk(child, scope)
        return None


def _dotted(node) -> str:
    from jinja2 import nodes

    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_dotted(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
        return f"{_dotted(node.node)}.{node.arg.value}"
    return "…"


def _placeholder(checker: _Checker, parts: list[tuple[str, list[_Paragraph], list[str]]], loops: bool) -> None:
    """Exactly one `{{p plan_table }}`, alone in a body paragraph outside tables and (when the blocks are
    well formed, `loops`) outside loops."""
    uses: list[_Paragraph] = []
    for label, paragraphs, lines in parts:
        depth = 0
        for paragraph, line in zip(paragraphs, lines):
            before_loop_depth = depth
            for tag in re.finditer(r"\{%-?(?:(?:p|tr|tc|r)(?= ))?\s*(for|endfor)\b", line):
                depth += 1 if tag.group(1) == "for" else -1
            if not re.search(rf"\{{[{{%][^}}%]*\b{PLACEHOLDER}\b", paragraph.text.translate(_QUOTES)):
                continue
            column = paragraph.text.find(PLACEHOLDER)
            text = paragraph.text.strip()
            if label != "正文":
                checker.add(
                    paragraph,
                    column,
                    PlaceholderMisplaced,
                    tr("表格占位符不能放在{label}里，请放在正文里附件标题的下一段", label=label[:2]),
                )
                continue
            uses.append(paragraph)
            if paragraph.in_table:
                checker.add(
                    paragraph, column, PlaceholderMisplaced, tr("表格占位符不能放在表格里，请让它在正文里单独占一段")
                )
            elif not re.fullmatch(rf"\{{\{{p\s+{PLACEHOLDER}\s*\}}\}}", text):
                if re.fullmatch(rf"\{{\{{-?\s*{PLACEHOLDER}\s*-?\}}\}}", text):
                    why = tr(
                        "要写成“{PLACEHOLDER_TAG}”：p 表示整段换成表格，少了它表格会被塞进一行文字里",
                        PLACEHOLDER_TAG=PLACEHOLDER_TAG,
                    )
                elif re.search(rf"\{{\{{p\s+{PLACEHOLDER}\s*\}}\}}", text):
                    why = tr(
                        "所在的段落还有别的文字，渲染时整段都会换成表格；请让“{PLACEHOLDER_TAG}”单独占一段",
                        PLACEHOLDER_TAG=PLACEHOLDER_TAG,
                    )
                else:
                    why = tr("要单独占一段，写成“{PLACEHOLDER_TAG}”", PLACEHOLDER_TAG=PLACEHOLDER_TAG)
                checker.add(paragraph, column, PlaceholderMisplaced, tr("表格占位符{why}", why=why))
            elif paragraph.element.find(f"{{{W}}}pPr/{{{W}}}sectPr") is not None:
                checker.add(
                    paragraph,
                    column,
                    PlaceholderMisplaced,
                    tr("表格占位符所在的段落带着分节符，换成表格时分节符会丢失；请在它后面加一个空段"),
                )
            elif loops and max(before_loop_depth, depth) > 0:
                checker.add(
                    paragraph, column, PlaceholderRepeated, tr("表格占位符在循环里，表格会插入多次；请把它移到循环外")
                )
    if not uses:
        tagged = any(re.search(r"\{[{%#]", line) for _, _, lines in parts for line in lines)
        if tagged:
            message = tr(
                "模板里没有放计划表格的占位符：在附件标题下面单独一段输入“{PLACEHOLDER_TAG}”",
                PLACEHOLDER_TAG=PLACEHOLDER_TAG,
            )
        else:  # no tag at all: most likely the office's plan itself, given where a plan file was meant
            message = tr(
                "这份 Word 文档里没有任何模板标签，像是一份计划而不是通知模板：要把它变成计划，请运行 aidplan import "
                "{quote} -o 计划.yaml；要用它作通知模板，在附件标题下面单独一段输入“{PLACEHOLDER_TAG}”",
                quote=shlex.quote(str(checker.path)),
                PLACEHOLDER_TAG=PLACEHOLDER_TAG,
            )
        checker.add(None, 0, NoPlaceholder, message)
    for paragraph in uses[1:]:
        checker.add(
            paragraph,
            paragraph.text.find(PLACEHOLDER),
            PlaceholderRepeated,
            tr("表格占位符用了不止一次（第一次在{where}）；计划表格只能放一处", where=uses[0].where),
        )


MAX_TEMPLATE_BYTES = 50 * 1024 * 1024


def _template_bytes(path: Path) -> bytes:
    """The template's bytes through aidplan.files (a regular file, bounded, protected from being an output)."""
    from aidplan.files import InputTooLarge, NotARegularFile, read_input

    try:
        return read_input(path, MAX_TEMPLATE_BYTES, tr("通知模板"))
    except NotARegularFile as exc:
        raise OSError(tr("这是{kind}，不是普通文件", kind=exc.kind)) from None
    except InputTooLarge:
        raise OSError(
            tr(
                "文件过大（通知模板最大 {MAX_TEMPLATE_BYTES} MB）",
                MAX_TEMPLATE_BYTES=MAX_TEMPLATE_BYTES // 1024 // 1024,
            )
        ) from None


def check_template(path: Path, data: bytes | None = None, extra_names: set[str] | None = None) -> list[Finding]:
    """Every problem of a notice template, located by paragraph; an empty list when it can be rendered."""
    checker = _Checker(path, set(extra_names or ()))
    if data is None and not path.exists():  # a FIFO or a device is named as such by _template_bytes
        checker.add(None, 0, TemplateUnreadable, tr("找不到模板文件"))
        return checker.findings
    try:
        raw = _template_bytes(path) if data is None else data
    except OSError as exc:
        checker.add(None, 0, TemplateUnreadable, tr("无法读取模板：{value}", value=os_reason(exc)))
        return checker.findings
    try:
        parts = _read_parts(raw)
    except _Unpacked as exc:
        checker.add(None, 0, TemplateUnreadable, str(exc))
        return checker.findings
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError):
        old = raw[:4] == b"\xd0\xcf\x11\xe0"  # the OLE container: a binary .doc / .wps, or an encrypted .docx
        hint = tr("：这是旧的 .doc/.wps 格式，请在 Word 或 WPS 里另存为 .docx") if old else ""
        if old and "EncryptedPackage".encode("utf-16-le") in raw:
            hint = tr("：文件加了密码；请在 Word 或 WPS 里取消密码后再用")
        checker.add(None, 0, TemplateUnreadable, tr("不是 Word 文档（.docx）{hint}", hint=hint))
        return checker.findings
    read = []
    for label, root in parts:
        paragraphs = _paragraphs(root, label)
        lines = checker.joined_source(paragraphs)
        read.append((label, paragraphs, lines))
    structure_ok = True
    for _, paragraphs, lines in read:
        ok, repaired = checker.blocks(paragraphs, lines)
        structure_ok = structure_ok and ok
        checker.syntax_and_names(paragraphs, repaired, repaired=not ok)
    _placeholder(checker, read, structure_ok)
    order = {label: i for i, (label, _, _) in enumerate(read)}

    def position(finding: Finding):
        part = finding.where.split("¶")[0] if isinstance(finding, TemplateFinding) and finding.where else "正文"
        return (order.get(part or "正文", 0), finding.line, finding.column)

    return sorted(checker.findings, key=position)


# -- rendering --------------------------------------------------------------------------------------------


def _section_profile(document, profile):
    """The profile of the section the placeholder is in: the template's own paper and margins."""
    from aidplan.render.style import Margins

    body = document.element.body
    placeholder = next(p for p in body.iter(f"{{{W}}}p") if PLACEHOLDER in _own_text(p))
    following = etree.XPath("following::w:sectPr[1]", namespaces=NS)(placeholder)
    sect = following[0] if following else body.find(f"{{{W}}}sectPr")
    if sect is None:
        return profile
    size, margins = sect.find(f"{{{W}}}pgSz"), sect.find(f"{{{W}}}pgMar")

    def mm(element, name: str, default: float) -> float:
        """The length in mm; the profile's own number where it is the same length in twips (28 mm = 1587 tw),
        so a template with the GB/T 9704 page gives the default render's column widths to the twip."""
        value = element.get(f"{{{W}}}{name}") if element is not None else None
        if value is None:
            return default
        twips = abs(int(value))
        return default if round(default * 1440 / 25.4) == twips else twips * 25.4 / 1440

    width, height = mm(size, "w", profile.paper[0]), mm(size, "h", profile.paper[1])
    page = profile.margins
    margins_mm = Margins(
        top=mm(margins, "top", page.top),
        bottom=mm(margins, "bottom", page.bottom),
        left=mm(margins, "left", page.left),
        right=mm(margins, "right", page.right),
    )
    return replace(profile, orientation="portrait", page_width=width, page_height=height, portrait_margins=margins_mm)


def _own_indents(subdoc) -> None:
    """Explicit indents on every paragraph of the table block, so the template's Normal style cannot add its
    own: such a style often indents the first line by two characters (w:firstLineChars, which outranks
    w:firstLine). A paragraph's own indent (the preamble's two characters, the 落款's right indent) is kept
    and also written in characters of its font size, the unit that outranks; every other indent is zero."""
    from docx.oxml.ns import qn

    for paragraph in subdoc.element.body.iter(qn("w:p")):
        ind = paragraph.get_or_add_pPr().get_or_add_ind()
        size = next((int(sz.get(qn("w:val"))) / 2 for sz in paragraph.iter(qn("w:sz"))), None)
        for name in ("left", "right", "firstLine"):
            twips = int(ind.get(qn(f"w:{name}")) or 0)
            ind.set(qn(f"w:{name}"), str(twips))
            chars = round(twips * 100 / (size * 20)) if twips and size else 0
            ind.set(qn(f"w:{name}Chars"), str(chars))
        ind.attrib.pop(qn("w:hanging"), None)
        ind.attrib.pop(qn("w:hangingChars"), None)


CORE_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"


def _docxtpl():
    """docxtpl's DocxTemplate. Its sub-documents import docxcompose, which rebinds python-docx's global
    prefix "cp" from the core properties to the custom properties namespace. Left so, every core.xml
    python-docx writes later in this process would put cp:keywords and the like in the wrong namespace
    (invalid for Word, and the default render no longer byte-identical); so the prefix is put back."""
    from docx.oxml.ns import nsmap
    from docxtpl import DocxTemplate

    nsmap["cp"] = CORE_PROPERTIES
    return DocxTemplate


@contextlib.contextmanager
def _custom_properties_prefix():
    """docxcompose's own prefix, only while it attaches a sub-document (it looks custom properties up by it)."""
    from docx.oxml.ns import nsmap

    try:
        import docxcompose.utils

        nsmap["cp"] = docxcompose.utils.NS["cp"]
        yield
    finally:
        nsmap["cp"] = CORE_PROPERTIES


def render_notice(
    template: Path,
    plan: Plan,
    kind: str | None = None,
    day: dt.date | None = None,
    values: dict[str, str] | None = None,
    orientation: str | None = None,
    style=None,
    checked: bool = False,
) -> bytes:
    """The template filled for the plan, its table inserted at `{{p plan_table }}` with every layout rule
    of the default render, fitted to the template's own page. Raises FindingsError when the template has
    errors (`checked`: check_template already found none). The same inputs always give the same bytes."""
    import jinja2

    from aidplan.render.docx import _fix_zip_times, table_document
    from aidplan.render.pages import table_layout
    from aidplan.render.style import profile_for
    from aidplan.render.templating import _cause, _sandbox

    try:
        data = _template_bytes(template)
    except OSError as exc:
        unreadable = TemplateFinding(
            template,
            0,
            0,
            TemplateUnreadable.severity,
            TemplateUnreadable.code,
            tr("无法读取模板：{value}", value=os_reason(exc)),
        )
        raise template_errors(template, [unreadable]) from None
    if not checked:
        findings = check_template(template, data, set(values or ()))
        if findings:
            raise template_errors(template, findings)
    document = _docxtpl()(io.BytesIO(data))
    profile = _section_profile(document.get_docx(), profile_for(plan, orientation, style))
    table, widths = table_layout(plan, profile, kind)
    block = table_document(table, profile, widths, plan.organisation, plan.year)
    with _custom_properties_prefix():
        subdoc = document.new_subdoc(io.BytesIO(block))
    _own_indents(subdoc)
    printed: list[str] = []
    context = notice_context(plan, day or dt.date.today(), values, printed)
    context[PLACEHOLDER] = subdoc
    env = _sandbox()(undefined=jinja2.StrictUndefined, autoescape=True)  # a template is data someone sent
    try:
        document.render(context, jinja_env=env)
    except Exception as exc:  # a template is a program: whatever it raises is the template's fault
        message = tr("渲染模板时出错：{cause}", cause=_cause(exc))
        raise template_errors(
            template, [TemplateFinding(template, 0, 0, TemplateSyntax.severity, TemplateSyntax.code, message)]
        ) from None
    if printed:
        raise UsageError(
            tr(
                "模板 {template} 要印发文机关（{printed}），但计划没有写 organisation:；"
                "请在计划里写上 organisation:，或加 --set org=发文机关名称",
                template=template,
                printed=printed[0],
            )
        )
    buffer = io.BytesIO()
    document.save(buffer)
    return _fix_zip_times(buffer.getvalue())
