"""aidplan import: plans that offices already have (Word, Excel, CSV, pasted text) in, plan files out; nothing is
written over without --force, and every file is written atomically."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from aidplan.commands.meter import SILENT, Meter
from aidplan.errors import AidplanError, OutputError, RenderError, UsageError
from aidplan.files import (
    InputTooLarge,
    NotARegularFile,
    os_reason,
    read_input,
    refuse_inputs_as_outputs,
    shown,
    write_atomic,
)
from aidplan.messages import later, localized, tr
from aidplan.plan.findings import Finding

MAX_INPUT = 20 * 1024 * 1024  # bytes: no plan document is larger
STDIN = Path("-")


@dataclass
class Imported:
    source: Path
    target: Path  # STDIN: the plan goes to standard output
    text: str
    kind: str
    guesses: list[str] = field(default_factory=list)
    unplaced: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    periods: int = 0  # the groups that hold tasks (none for a table of no grouping)
    tasks: int = 0
    shape: str = "periods"  # periods (time periods), groups (categories or other groups) or tasks (no grouping)


def _target(source: Path, output: Path | None) -> Path:
    if output is not None:
        return output
    if source == STDIN:
        return STDIN
    return source.with_name(source.stem + ".yaml") if source.suffix else source.with_name(source.name + ".yaml")


def _read(source: Path) -> bytes:
    if source == STDIN:
        data = sys.stdin.buffer.read(MAX_INPUT + 1)
        if len(data) > MAX_INPUT:
            raise UsageError(tr("标准输入超过 {MAX_INPUT} MB，不像是一份计划", MAX_INPUT=MAX_INPUT // 1024 // 1024))
        return data
    try:
        return read_input(source, MAX_INPUT, tr("导入的文件"))
    except FileNotFoundError:
        raise UsageError(tr("找不到文件 {source}", source=shown(source))) from None
    except IsADirectoryError:
        raise UsageError(tr("{source} 是目录；请给出要导入的文件", source=shown(source))) from None
    except NotARegularFile as exc:
        raise UsageError(tr("{source} 是{kind}，不是普通文件", source=shown(source), kind=exc.kind)) from None
    except InputTooLarge:
        raise UsageError(
            tr(
                "{source} 超过 {MAX_INPUT} MB，不像是一份计划",
                source=shown(source),
                MAX_INPUT=MAX_INPUT // 1024 // 1024,
            )
        ) from None
    except OSError as exc:
        raise UsageError(tr("无法读取 {source}：{value}", source=shown(source), value=os_reason(exc))) from None


def convert_with_libreoffice(
    source: Path,
    data: bytes,
    soffice: str,
    timeout: float = 300,
    to: str = "docx:MS Word 2007 XML",
    really: str | None = None,
) -> bytes:
    """A .doc/.wps/.rtf/.odt file's bytes as .docx (or, with `to` an .xlsx filter, an .xls/.et/.ods file's as
    .xlsx), converted by LibreOffice in a folder of its own."""
    extension = to.partition(":")[0]
    with tempfile.TemporaryDirectory(prefix="aidplan-import-") as work:
        folder = Path(work)
        copy = folder / ("input" + (really or source.suffix.lower()))  # the extension LibreOffice reads it by
        copy.write_bytes(data)
        profile = (folder / "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", to]
        try:
            subprocess.run(
                [*command, "--outdir", str(folder / "out"), str(copy)],
                capture_output=True,
                timeout=timeout,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired:
            raise RenderError(
                tr("LibreOffice 转换 {source} 超过 {timeout:g} 秒，已停止", source=shown(source), timeout=timeout)
            ) from None
        except OSError as exc:
            raise RenderError(
                tr("无法启动 LibreOffice（{soffice}）：{value}", soffice=soffice, value=os_reason(exc))
            ) from None
        converted = folder / "out" / ("input." + extension)
        if not converted.exists():
            raise RenderError(
                tr(
                    "LibreOffice 没能把 {source} 转换成 .{extension}；文件可能已损坏或有密码",
                    source=shown(source),
                    extension=extension,
                )
            )
        return converted.read_bytes()


SHEETS_INSTALL_HINT = later(
    "Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui；"
    "Windows：winget install TheDocumentFoundation.LibreOffice（或从 libreoffice.org "
    "下载）；macOS：brew install --cask libreoffice",
)


def _soffice(sheets: bool = False) -> str:
    from aidplan.render.pdf import INSTALL_HINT, find_soffice

    try:
        return find_soffice()
    except RenderError:
        if sheets:
            raise RenderError(
                tr(
                    "读取 .xls、.et 和 .ods 文件需要 LibreOffice，但没有找到 soffice；请安装，"
                    "或在 Excel/WPS 里另存为 .xlsx 后再导入。{SHEETS_INSTALL_HINT}",
                    SHEETS_INSTALL_HINT=localized(SHEETS_INSTALL_HINT),
                )
            ) from None
        raise RenderError(
            tr(
                "读取 .doc、.wps、.rtf 和 .odt 文件需要 LibreOffice，但没有找到 soffice；请安装。{INSTALL_HINT}",
                INSTALL_HINT=localized(INSTALL_HINT),
            )
        ) from None


def validate(target: Path, text: str) -> list[Finding]:
    """The findings `check` would report for the plan text, located in the file it will be written to."""
    from pydantic import ValidationError

    from aidplan.plan.checks import check_plan
    from aidplan.plan.loading import LoadedPlan, LoadFailure, parse_document, validation_findings
    from aidplan.plan.model import Plan

    shown_path = Path("-") if target == STDIN else target
    try:
        document = parse_document(shown_path, text)
    except LoadFailure as exc:  # the plan text does not load at all: its one finding says why
        return [exc.finding]
    try:
        plan = Plan.model_validate(document.data)
    except ValidationError as exc:
        return validation_findings(document, exc)
    return check_plan(LoadedPlan(shown_path, plan, document, []))


def import_file(
    source: Path,
    data: bytes,
    target: Path,
    year: int | None,
    organisation: str | None,
    term: tuple[dt.date, dt.date | None] | None = None,
) -> Imported:
    from aidplan.ingest.readers import CONVERTED, CONVERTED_SHEETS, IMPORTERS, disguised, importer_for
    from aidplan.ingest.recognise import Recogniser
    from aidplan.ingest.writing import plan_yaml

    name = tr("标准输入") if source == STDIN else shown(source)
    suffix = source.suffix.lower()
    really = disguised(suffix, data)
    if really is not None:  # RTF or HTML named .docx, as OA systems hand them out: Word opens them, so does this
        document = IMPORTERS["docx"].read(convert_with_libreoffice(source, data, _soffice(), really=really), name)
        document.kind = tr("{lower} 文档（经 LibreOffice 转换）", lower=really[1:])
        document.notes.append(
            later(
                "{v0} 其实是 {v1} 文件，只是扩展名写成了 {v2}：经 LibreOffice 转换后读入",
                v0=name,
                v1=really[1:].upper(),
                v2=suffix,
            )
        )
    elif suffix in CONVERTED:
        document = IMPORTERS["docx"].read(convert_with_libreoffice(source, data, _soffice()), name)
        document.kind = tr("{lower} 文档（经 LibreOffice 转换）", lower=suffix[1:])
    elif suffix in CONVERTED_SHEETS:
        converted = convert_with_libreoffice(source, data, _soffice(sheets=True), to="xlsx:Calc MS Excel 2007 XML")
        document = IMPORTERS["xlsx"].read(converted, name)
        document.kind = tr("{lower} 表格（经 LibreOffice 转换）", lower=suffix[1:])
    else:
        importer = importer_for(source, data)
        document = importer.read(data, name)
    removed, invisible = document.without_controls()
    if removed:
        document.notes.append(later("删除了 {v0} 个看不见的控制字符（如 U+0000）：计划里不能有它们", v0=removed))
    if invisible:
        from aidplan.ingest.document import invisible_removed

        document.notes.append(invisible_removed(invisible))
    # as for `new`, a plan of a given term is of the year the term starts in
    recognised = Recogniser(document, name, year or (term[0].year if term else None), organisation).recognise()
    if term is not None:
        _given_term(recognised, *term)
    text = plan_yaml(recognised, name, document.kind)
    data = recognised.data
    tables = data.get("tables") or [{"groups": data.get("periods") or data.get("groups") or []}]
    leaves = [leaf for table in tables for leaf in _leaf_groups(table.get("groups") or [])]
    leaves += [{"tasks": table["tasks"]} for table in [data, *tables] if table.get("tasks")]
    tasks = sum(
        1 for group in leaves for task in group.get("tasks", []) if not (isinstance(task, dict) and "heading" in task)
    )
    return Imported(
        source,
        target,
        text,
        document.kind,
        recognised.guesses,
        recognised.unplaced,
        validate(target, text),
        len(leaves) if not data.get("tasks") else 0,
        tasks,
        _shape(data, leaves),
    )


def _given_term(recognised, start: dt.date, end: dt.date | None) -> None:
    """The term given on the command line (its first and last day are printed nowhere in a plan): into the plan,
    keeping a term name read from the title."""
    from aidplan.ingest.recognise import assumed_end_guess

    term = dict(recognised.data.get("term") or {})
    term["start"] = start
    if end is not None:
        term["end"] = end
    recognised.data["term"] = term
    # the given days replace a first day guessed from the title or the weeks, and a last day assumed (or, with
    # --term-end, also one read from the text)
    printed_end = "end" in term and end is None
    recognised.guesses[:] = [
        g
        for g in recognised.guesses
        if not str(g).startswith("学期（term:）：")
        and not (str(g).startswith("学期结束日（term.end）") and not (printed_end and "取自" in str(g)))
    ]
    recognised.guesses.append(
        later("学期 {v0} 起取自 --term-start", v0=start.isoformat())
        if end is None
        else later("学期 {v0} 至 {v1} 取自 --term-start 和 --term-end", v0=start.isoformat(), v1=end.isoformat())
    )
    if "end" not in term:
        recognised.guesses.append(assumed_end_guess(start))


def _shape(data: dict, leaves: list[dict]) -> str:
    """What the summary counts: time periods (every group a month, a week …), other groups, or flat tasks."""
    from aidplan.ingest.recognise import _reads_as_time

    if data.get("tasks"):
        return "tasks"
    if data.get("periods") or all(_reads_as_time(leaf.get("label", ""), data["year"]) for leaf in leaves):
        return "periods"
    return "groups"


def _leaf_groups(groups: list[dict]) -> list[dict]:
    """The groups that hold tasks, at any depth."""
    found: list[dict] = []
    for group in groups:
        found.extend(_leaf_groups(group["groups"]) if group.get("groups") else [group])
    return found


def lock_file_note(source: Path) -> str | None:
    """Why `source` is skipped when it is the lock file an office program leaves beside a document it has open
    (Word's and WPS's owner file ~$计划.docx, LibreOffice's .~lock.计划.docx#), which `aidplan import *.docx`
    picks up with the documents; None for any other file (a real document named so is a zip package: read)."""
    name = source.name
    libreoffice = name.startswith(".~lock.") and name.endswith("#")
    if source == STDIN or not (libreoffice or name.startswith(("~$", ".~"))):
        return None
    try:
        with source.open("rb") as handle:
            if handle.read(2) == b"PK":
                return None
    except OSError:
        return None  # reading it names the problem
    if libreoffice:
        return tr("跳过 {source}：LibreOffice 打开 {document} 时留下的锁定文件，不是计划", source=shown(source),
                  document=name[len(".~lock."):-1])  # fmt: skip
    return tr("跳过 {source}：Word 或 WPS 打开文档时留下的锁定文件，不是计划", source=shown(source))


def import_plans(
    sources: list[Path],
    output: Path | None = None,
    year: int | None = None,
    organisation: str | None = None,
    force: bool = False,
    meter: Meter = SILENT,
    term: tuple[dt.date, dt.date | None] | None = None,
) -> list[Imported]:
    """Import every file; nothing is written unless every file could be read and no target exists (or --force).
    With `output` STDIN the one plan is returned for the command line to print."""
    if not sources:
        raise UsageError(tr("请给出要导入的文件"))
    documents = [source for source in sources if lock_file_note(source) is None]
    if not documents:
        raise UsageError(
            tr("没有要导入的文件：{files} 是 Office 打开文档时留下的锁定文件", files=tr("、").join(map(shown, sources)))
        )
    sources = documents
    if output is not None and len(sources) > 1:
        raise UsageError(tr("-o/--output 只能用于一个输入文件；多个文件各自写在旁边（NAME.yaml）"))
    if sources.count(STDIN) > 1:
        raise UsageError(tr("标准输入（-）只能读一次"))
    if year is not None and not 1990 <= year <= 2100:
        raise UsageError(tr("--year {year} 不在 1990 至 2100 之间", year=year))
    from aidplan.ingest.new import check_option_text

    check_option_text(None, organisation)  # one printed line, as for `new`
    if term is not None and term[1] is not None and term[1] < term[0]:
        raise UsageError(tr("--term-end {end} 早于 --term-start {start}", end=term[1], start=term[0]))
    for source in sources:  # `import .`, `import /`: a folder has no name to write a plan beside
        if source != STDIN and source.is_dir():
            raise UsageError(
                tr(
                    "{source} 是目录；请给出要导入的文件，如 {example}",
                    source=shown(source),
                    example=shown(source / "*.docx"),
                )
            )
    targets = [_target(source, output) for source in sources]
    seen: dict[str, Path] = {}
    for source, target in zip(sources, targets):
        if target == STDIN:
            continue
        key = str(target.resolve())
        if key in seen:
            raise UsageError(
                tr(
                    "{seen} 和 {source} 都会写成 {target}；请分开导入，或用 -o 指定文件名",
                    seen=shown(seen[key]),
                    source=shown(source),
                    target=shown(target),
                )
            )
        seen[key] = source
        if target.suffix.lower() not in (".yaml", ".yml"):
            raise UsageError(tr("计划文件要以 .yaml 结尾：{target}", target=shown(target)))
        if target.exists() and not force:
            raise OutputError(tr("不会覆盖 {target}：文件已经存在；确实要替换它，请加 --force", target=shown(target)))
    results: list[Imported] = []
    meter.start(tr("导入"), len(sources))
    for source, target in zip(sources, targets):
        data = _read(source)
        try:
            results.append(import_file(source, data, target, year, organisation, term))
        except AidplanError as exc:
            label = tr("标准输入") if source == STDIN else shown(source)
            named = tr("{exc}（{source}）", exc=exc, source=label)
            raise type(exc)(named if label not in str(exc) else str(exc)) from None
        meter.advance()
    meter.stop()
    refuse_inputs_as_outputs([r.target for r in results if r.target != STDIN])
    for result in results:
        if result.target != STDIN:
            write_atomic(result.target, result.text.encode("utf-8"))
    return results
