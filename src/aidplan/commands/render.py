"""aidplan render: plans in, official documents out (DOCX, Markdown, HTML, PDF), every file written atomically."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from aidplan.commands.check import find_plan_files, load_valid_plans
from aidplan.commands.formats import DEFAULT_RENDER_FORMATS, RENDER_FORMATS
from aidplan.commands.meter import SILENT, Meter
from aidplan.errors import UsageError
from aidplan.files import refuse_inputs_as_outputs, refuse_shared_outputs, write_atomic
from aidplan.messages import tr
from aidplan.plan.findings import Finding, Severity
from aidplan.plan.kinds import KINDS
from aidplan.plan.model import Plan, StyleOverrides
from aidplan.registry import Registry
from aidplan.render.layout import TableLayout, build_layout
from aidplan.render.pages import table_layout
from aidplan.render.style import Profile, profile_for

PAGINATE = ("estimate", "exact")


@dataclass(frozen=True)
class NoticeOptions:
    """Render into an office's own Word template (a 通知 with the plan as its 附件) instead of the bare table."""

    template: Path
    date: dt.date | None = None  # {{ date }}, the 成文日期; default: today
    values: dict[str, str] = field(default_factory=dict)  # --set NAME=VALUE: more variables, or overrides


def parse_values(items: list[str]) -> dict[str, str]:
    """NAME=VALUE pairs of --set; NAME must be a plain identifier, the variable's name in the template."""
    values: dict[str, str] = {}
    for item in items:
        name, equals, value = item.partition("=")
        name = name.strip()
        if not equals or not name.isidentifier() or not name.isascii():
            raise UsageError(
                tr(
                    "--set 的“{item}”看不懂；请写成 名字=值，名字用英文字母、数字和下划线，如 "
                    "doc_number=资助〔2020〕3号",
                    item=item,
                )
            )
        if name == "plan_table":
            raise UsageError(tr("--set 不能改 plan_table：它是放计划表格的占位符"))
        bad = next((c for c in value if _NOT_IN_XML.match(c)), None)
        if bad is not None:  # docxtpl would drop it silently, or cut the paragraph short at it
            raise UsageError(
                tr("--set {name} 的值里有 XML 文档不能容纳的字符（U+{ord:04X}）；请去掉它", name=name, ord=ord(bad))
            )
        values[name] = value
    return values


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # outside XML 1.0's Char


@dataclass(frozen=True)
class Rendered:
    written: list[Path]
    warnings: list[Finding]
    stdout: bytes | None = None  # with -o -: the document, to be printed instead of written
    notes: list[str] = field(default_factory=list)  # what the page could not hold as it should (see _cramped)


def _parse_formats(formats: list[str]) -> list[str]:
    chosen: list[str] = []
    for item in formats:
        for name in item.split(","):
            name = name.strip().lower()
            if not name:
                continue
            if name not in RENDER_FORMATS:
                raise UsageError(
                    tr("不支持的格式“{name}”；可选：{listing}", name=name, listing=RENDER_FORMATS.listing())
                )
            if name not in chosen:
                chosen.append(name)
    if not chosen:
        raise UsageError(tr("没有指定输出格式"))
    return chosen


STDOUT = Path("-")


def format_of(output: Path, registry: Registry, option: str = "-o/--output") -> str:
    """The format a file name asks for by its extension (附件.pdf → pdf), as pandoc infers it; a format whose
    files are named with a double extension (PLAN.status.docx) is asked for by the last one too (台账.docx)."""
    name_lower = output.name.lower()
    for name, entry in registry.items():
        if entry.extension and name_lower.endswith(entry.extension):
            return name
    for name, entry in registry.items():
        if entry.extension and output.suffix.lower() == _last_suffix(entry.extension):
            return name
    known = tr("、").join(dict.fromkeys(_last_suffix(e.extension) for e in registry.values() if e.extension))
    raise UsageError(
        tr(
            "{option} 的文件名“{name}”看不出格式（可用扩展名：{known}）；请用 -f 指定格式",
            option=option,
            name=output.name,
            known=known,
        )
    )


def _last_suffix(extension: str) -> str:
    """.status.docx → .docx; .md → .md."""
    return extension[extension.rfind(".") :]


def _formats_for(output: Path | None) -> list[str]:
    """Without -f: the format of -o's extension; Markdown for standard output; else the defaults."""
    if output is None:
        return list(DEFAULT_RENDER_FORMATS)
    if output == STDOUT:
        return ["md"]
    return [format_of(output, RENDER_FORMATS)]


def plan_stem(path: Path) -> str:
    """The name outputs take after a plan file; a plan read from standard input (-) is "stdin"."""
    return "stdin" if path == STDOUT else path.stem


def render_plans(
    paths: list[Path],
    formats: list[str] | None = None,
    kind: str | None = None,
    out_dir: Path = Path("build"),
    output: Path | None = None,
    templates: Path | None = None,
    orientation: str | None = None,
    style: StyleOverrides | None = None,
    calendar_places: Sequence[Path] | None = None,
    notice: NoticeOptions | None = None,
    meter: Meter = SILENT,
    paginate: str = "estimate",
) -> Rendered:
    """Render every plan under `paths` in each format; nothing is written if any plan has an error.

    `style` is the project's shared style (a plan's own style wins); `calendar_places` where calendar files are.
    With `notice`, the DOCX (and the PDF made from it) is the office's template filled for the plan.
    `paginate` "exact": periods are split where LibreOffice's own PDF ends the pages (see _exact)."""
    chosen = _parse_formats(formats or _formats_for(output))
    if paginate not in PAGINATE:
        raise UsageError(
            tr("不支持的分页方式“{paginate}”；可选：{PAGINATE}", paginate=paginate, PAGINATE=", ".join(PAGINATE))
        )
    exact = paginate == "exact"
    if exact and notice is not None:
        raise UsageError(tr("--paginate exact 不能与 --docx-template 同用"))
    if exact and "docx" not in chosen and "pdf" not in chosen:
        raise UsageError(tr("--paginate exact 只用于 docx 和 pdf 格式"))
    if kind is not None and kind not in KINDS:
        raise UsageError(tr("不支持的版式“{kind}”；可选：{listing}", kind=kind, listing=KINDS.listing()))
    files = find_plan_files(paths)
    if output is not None and (len(files) != 1 or len(chosen) != 1):
        raise UsageError(tr("-o/--output 只能用于一个计划、一种格式；多个文件请用 --out-dir"))

    def target(path: Path, fmt: str) -> Path:
        return output if output is not None else out_dir / f"{plan_stem(path)}{RENDER_FORMATS[fmt].extension}"

    refuse_shared_outputs([(path, target(path, chosen[0])) for path in files], tr("渲染"))
    plans, findings = load_valid_plans(files, calendar_places=calendar_places)
    listed = [path for path, plan in plans if plan.tables is not None or isinstance(plan.columns, list)]
    if kind is not None and listed:  # their columns say the layout: --layout would be ignored
        raise UsageError(
            tr(
                "--layout 不适用于 {names}：它的表格按 columns 逐列写出，版式由这些列决定；请去掉 --layout",
                names="、".join(path.name for path in listed),
            )
        )
    if notice is not None and ("docx" in chosen or "pdf" in chosen):
        from aidplan.render.notice import check_template, template_errors

        problems = check_template(notice.template, extra_names=set(notice.values))
        if problems:
            raise template_errors(notice.template, problems)
    refuse_inputs_as_outputs([target(path, fmt) for path, _ in plans for fmt in chosen])

    outputs: dict[Path, bytes] = {}
    docx_for_pdf: list[tuple[Path, bytes]] = []
    fitted: list[tuple[Path, Plan, Profile, TableLayout, list[float]]] = []
    meter.start(tr("生成文档"), len(plans))
    notes: list[str] = []
    for path, plan in plans:
        if {"docx", "pdf", "html"} & set(chosen):
            notes += _cramped(path, plan, kind, orientation, style)
        if "docx" in chosen or "pdf" in chosen:
            if notice is not None:
                from aidplan.render.notice import render_notice

                document = render_notice(
                    notice.template, plan, kind, notice.date, notice.values, orientation, style, checked=True
                )
            else:
                render_docx = RENDER_FORMATS.load("docx")
                profile = profile_for(plan, orientation, style)
                table, widths = table_layout(plan, profile, kind)
                document = render_docx(table, profile, widths, plan.organisation, plan.year)
                fitted.append((path, plan, profile, table, widths))
            if "docx" in chosen:
                outputs[target(path, "docx")] = document
            if "pdf" in chosen:
                docx_for_pdf.append((path, document))
        if "md" in chosen:
            render_markdown = RENDER_FORMATS.load("md")
            # on screen a period is never split at page size
            outputs[target(path, "md")] = render_markdown(build_layout(plan, kind), plan, templates).encode("utf-8")
        if "html" in chosen:
            render_plan_html = RENDER_FORMATS.load("html")
            # the page-fitted table, as in the DOCX: a period longer than a page is split into blocks that each
            # start with its label, so the print CSS can keep every block whole on a page
            profile = profile_for(plan, orientation, style)
            page = render_plan_html(table_layout(plan, profile, kind)[0], plan, profile, templates)
            outputs[target(path, "html")] = page.encode("utf-8")
        meter.advance()
    if exact:
        meter.start(tr("按 LibreOffice 的分页调整（两次转换）"))
        refined = _exact(docx_for_pdf or [(f[0], outputs[target(f[0], "docx")]) for f in fitted], fitted, kind)
        for (fmt, path), data in refined.items():
            if fmt in chosen:
                outputs[target(path, fmt)] = data
    elif docx_for_pdf:
        meter.start(tr("转换 PDF（LibreOffice）"))
        outputs.update(_pdfs(docx_for_pdf, target))
    meter.stop()
    warnings = [f for f in findings if f.severity is Severity.warning]
    if output == STDOUT:  # -o -: the one document to standard output, for the command line to print
        return Rendered([], warnings, stdout=outputs[STDOUT], notes=notes)
    refuse_inputs_as_outputs(list(outputs))  # the templates were read while rendering
    for destination, data in outputs.items():
        write_atomic(destination, data)
    return Rendered(list(outputs), warnings, notes=notes)


def _cramped(
    path: Path, plan: Plan, kind: str | None, orientation: str | None, style: StyleOverrides | None
) -> list[str]:
    """A note where the page is too narrow for a table's columns (they print narrower than their words, see
    `measure.cramped_columns`): landscape suggested where it holds them, else a smaller cell font."""
    from aidplan.render.measure import cramped_columns

    layout = build_layout(plan, kind)
    profile = profile_for(plan, orientation, style)
    cramped = cramped_columns(layout, profile)
    if not cramped:
        return []
    columns = "、".join(f"“{header}”" for header in cramped)
    wide = (
        cramped_columns(layout, replace(profile, orientation="landscape")) if profile.orientation == "portrait" else []
    )
    if profile.orientation == "portrait" and not wide:
        return [
            tr(
                "{name}：表格的列太多，竖排的页面放不下，{columns}列比其中的词还窄，词会被拆开；"
                "横排放得下：加 --orientation landscape，或在计划的 style: 里写 orientation: landscape",
                name=path.name,
                columns=columns,
            )
        ]
    if profile.orientation == "portrait" and len(wide) < len(cramped):
        return [
            tr(
                "{name}：表格的列太多，竖排的页面放不下，{columns}列比其中的词还窄，词会被拆开；"
                "横排好些（加 --orientation landscape），但{wide}列仍然太窄：请再减少列或缩短这些列里的字",
                name=path.name,
                columns=columns,
                wide="、".join(f"“{header}”" for header in wide),
            )
        ]
    return [
        tr(
            "{name}：表格的列太多，页面放不下，{columns}列比其中的词还窄，词会被拆开；"
            "请减少列、缩短这些列里的字，或在计划的 style: 里改小表格字号（cell_font_size: 五号）",
            name=path.name,
            columns=columns,
        )
    ]


def _exact(documents: list[tuple[Path, bytes]], fitted, kind: str | None) -> dict[tuple[str, Path], bytes]:
    """--paginate exact: convert the DOCX once, read how many lines each task took in LibreOffice's PDF, and
    where that differs from the width rules, split the periods again with those lines and convert again.
    Returns {("docx", path): bytes, ("pdf", path): bytes}."""
    from aidplan.render.pages import printed_lines
    from aidplan.render.pdf import page_words

    render_docx = RENDER_FORMATS.load("docx")
    docs = dict(documents)
    result: dict[tuple[str, Path], bytes] = {}
    with tempfile.TemporaryDirectory(prefix="aidplan-exact-") as work:
        first = _convert(list(docs.items()), Path(work) / "1")
        again = []
        for path, plan, profile, table, widths in fitted:
            measured = printed_lines(table, profile, widths, page_words(first[path]))
            result[("docx", path)], result[("pdf", path)] = docs[path], first[path].read_bytes()
            if measured is None or not _differs(table, profile, widths, measured):
                continue
            refined, widths = table_layout(plan, profile, kind, measured)
            docs[path] = render_docx(refined, profile, widths, plan.organisation, plan.year)
            again.append(path)
        if again:
            second = _convert([(path, docs[path]) for path in again], Path(work) / "2")
            for path in again:
                result[("docx", path)], result[("pdf", path)] = docs[path], second[path].read_bytes()
    return result


def _differs(table: TableLayout, profile: Profile, widths: list[float], measured: dict[str, int]) -> bool:
    from aidplan.render.measure import RowHeights

    for part in table.parts:  # every table, with its own columns
        at = widths if part is table or part.widths is None else list(part.widths)
        column = next(i for i, c in enumerate(part.columns) if c.role in ("task", "tasks"))
        heights = RowHeights(at, profile)
        texts = {p for row in part.rows for p in row.cells[column].paragraphs if p in measured}
        if any(heights.lines(text, at[column]) != measured[text] for text in texts):
            return True
    return False


def _convert(documents: list[tuple[Path, bytes]], folder: Path) -> dict[Path, Path]:
    convert_to_pdf = RENDER_FORMATS.load("pdf")
    folder.mkdir(parents=True)
    sources = []
    for path, data in documents:
        source = folder / f"{path.stem}.docx"
        source.write_bytes(data)
        sources.append(source)
    return dict(zip([path for path, _ in documents], convert_to_pdf(sources, folder / "out")))


def _pdfs(documents: list[tuple[Path, bytes]], target) -> dict[Path, bytes]:
    convert_to_pdf = RENDER_FORMATS.load("pdf")
    with tempfile.TemporaryDirectory(prefix="aidplan-pdf-") as work:
        folder = Path(work)
        sources = []
        for path, data in documents:
            source = folder / f"{path.stem}.docx"
            source.write_bytes(data)
            sources.append(source)
        pdfs = convert_to_pdf(sources, folder / "out")
        return {target(path, "pdf"): pdf.read_bytes() for (path, _), pdf in zip(documents, pdfs)}
