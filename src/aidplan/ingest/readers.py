"""The importers, one per kind of file, in one registry whose keys are the file extensions they read; and the
checks every file passes before a reader opens it (a zip bomb, an old binary format under a new name)."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aidplan.errors import AidplanError
from aidplan.ingest.document import SourceDocument
from aidplan.messages import tr

MAX_UNPACKED = 64 * 1024 * 1024  # a .docx or .xlsx larger than this once unpacked is refused (a zip bomb)
# read through LibreOffice, as a .docx (a web page saved as .html too: its table as Word would open it)
CONVERTED = (".doc", ".wps", ".rtf", ".odt", ".wpt", ".dot", ".ott", ".html", ".htm")
CONVERTED_SHEETS = (".xls", ".et", ".ods", ".xlt", ".ett", ".ots")  # read through LibreOffice, as an .xlsx
# the main part of a Word template or macro document: python-docx opens only a plain document's, although the
# parts are the same (Word itself saves a template as a document by changing this one content type)
_WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_WORD_MAIN_OTHERS = (
    b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    b"application/vnd.ms-word.document.macroEnabled.main+xml",
    b"application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)


class UnreadableFile(AidplanError):
    """The file is not what its name says, or cannot be read."""


@dataclass(frozen=True)
class Importer:
    name: str  # what the comments and messages call the kind of file
    extensions: tuple[str, ...]
    read: Callable[[bytes, str], SourceDocument]  # (bytes, name for messages) → document


def disguised(suffix: str, data: bytes) -> str | None:
    """The extension of what a file named .docx really is when OA systems hand out RTF or HTML (Word HTML) under
    that name, which Word opens all the same: ".rtf" or ".html"; None for anything else."""
    if suffix not in (".docx", ".docm", ".dotx", ".dotm"):
        return None
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{\\rtf"):
        return ".rtf"
    if head.startswith((b"<html", b"<!doctype html", b"<?xml")) and b"<html" in head:
        return ".html"
    return None


def _zip_checked(data: bytes, name: str, what: str) -> None:
    if data[:4] == b"\xd0\xcf\x11\xe0" and "EncryptedPackage".encode("utf-16-le") in data:
        raise UnreadableFile(  # Office and WPS keep a file with an opening password in an OLE container
            tr(
                "{name} 设了打开密码，读不出内容；请在 Word、WPS 或 Excel 里打开它，取消密码后另存，再导入",
                name=name,
            )
        )
    if data[:4] == b"\xd0\xcf\x11\xe0":
        raise UnreadableFile(
            tr(
                "{name} 是旧的二进制格式（.doc/.xls/.wps），只是扩展名写成了新格式；"
                "请用原来的扩展名，或在 Word/WPS/Excel 里另存为 {what}",
                name=name,
                what=what,
            )
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        unpacked = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile:
        raise UnreadableFile(tr("{name} 不是 {what} 文件（读不出它的内容）", name=name, what=what)) from None
    if unpacked > MAX_UNPACKED:
        raise UnreadableFile(
            tr(
                "{name} 解压后超过 {MAX_UNPACKED} MB，不像是一份计划；没有读入",
                name=name,
                MAX_UNPACKED=MAX_UNPACKED // 1024 // 1024,
            )
        )


def _docx(data: bytes, name: str) -> SourceDocument:
    from aidplan.ingest.docx import read_docx

    _zip_checked(data, name, "Word .docx")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if "word/document.xml" not in names:  # python-docx would name its own buffer, not the file
        if "xl/workbook.xml" in names:
            raise UnreadableFile(tr("{name} 是 Excel 工作簿，只是扩展名写成了 .docx；请改回 .xlsx 再导入", name=name))
        raise UnreadableFile(tr("{name} 不是 {what} 文件（读不出它的内容）", name=name, what="Word .docx"))
    body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    if b"altChunk" in body and b"<w:tbl" not in body:  # the content is a web page Word lays out when it opens it
        raise UnreadableFile(
            tr(
                "{name} 的内容是嵌在文档里的网页（altChunk，一些 OA 系统这样导出），Word 打开时才排成表格；"
                "请在 Word 或 WPS 里打开它，另存为 .docx 后再导入",
                name=name,
            )
        )
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    from aidplan.ingest.docx import MAX_COLUMNS, TableTooWide

    try:
        return read_docx(_as_document(data))
    except TableTooWide as wide:
        raise UnreadableFile(
            tr(
                "{name} 里有一张表格宽 {columns} 列（Word 的表格最多 {most} 列）：不像是一份计划；"
                "请在 Word 或 WPS 里打开它检查表格，另存为 .docx 后再导入",
                name=name,
                columns=wide.columns,
                most=MAX_COLUMNS,
            )
        ) from None
    except (KeyError, ValueError, zipfile.BadZipFile, OpcError, LxmlError, SyntaxError, EOFError):
        # a part missing or cut short (a download broken off, a file saved by a tool that wrote it wrongly):
        # python-docx and lxml name their own buffers and XML positions, nothing the user can act on
        raise UnreadableFile(
            tr(
                "{name} 读不出来：Word .docx 文件的内容不完整或已损坏；"
                "请在 Word 或 WPS 里打开它，另存为 .docx 后再导入",
                name=name,
            )
        ) from None


def _as_document(data: bytes) -> bytes:
    """A Word template (.dotx/.dotm) or macro document (.docm) repacked with a plain document's content type, so
    that python-docx reads it; any other package unchanged."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    try:
        types = archive.read("[Content_Types].xml")
    except KeyError:
        return data
    if not any(other in types for other in _WORD_MAIN_OTHERS):
        return data
    for other in _WORD_MAIN_OTHERS:
        types = types.replace(other, _WORD_MAIN.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as repacked:
        for info in archive.infolist():
            repacked.writestr(info, types if info.filename == "[Content_Types].xml" else archive.read(info))
    return out.getvalue()


def _xlsx(data: bytes, name: str) -> SourceDocument:
    from aidplan.ingest.sheets import read_xlsx

    _zip_checked(data, name, "Excel .xlsx")
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if "xl/workbook.xml" not in names and "word/document.xml" in names:
        raise UnreadableFile(tr("{name} 是 Word 文档，只是扩展名写成了 .xlsx；请改回 .docx 再导入", name=name))
    return read_xlsx(data, name)


def _csv(data: bytes, name: str) -> SourceDocument:
    from aidplan.ingest.sheets import read_csv

    return read_csv(data, name)


def _markdown(data: bytes, name: str) -> SourceDocument:
    from aidplan.ingest.document import invisible_removed
    from aidplan.ingest.text import decode, read_markdown
    from aidplan.plan.invisible import without_invisible

    text, invisible = without_invisible(decode(data, name))  # before the table's shape is read: a cell of U+200B
    document = read_markdown(text)
    if invisible:
        document.notes.append(invisible_removed(invisible))
    return document


def _text(data: bytes, name: str) -> SourceDocument:
    from aidplan.ingest.document import invisible_removed
    from aidplan.ingest.text import decode, read_text, without_entities
    from aidplan.plan.invisible import without_invisible

    text, invisible = without_invisible(decode(data, name))  # before the table's shape is read: a cell of U+200B
    text, entities = without_entities(text)
    document = read_text(text)
    if invisible:
        document.notes.append(invisible_removed(invisible))
    if entities:
        document.notes.append(entities)
    return document


IMPORTERS = {
    "docx": Importer("Word 文档", (".docx", ".docm", ".dotx", ".dotm"), _docx),
    "xlsx": Importer("Excel 工作表", (".xlsx", ".xlsm", ".xltx", ".xltm"), _xlsx),
    "csv": Importer("CSV 表格", (".csv",), _csv),
    "md": Importer("Markdown 文本", (".md", ".markdown"), _markdown),
    "text": Importer("文本", (".txt", ".text"), _text),
}
KNOWN = [ext for importer in IMPORTERS.values() for ext in importer.extensions] + list(CONVERTED + CONVERTED_SHEETS)


def importer_for(path: Path, data: bytes) -> Importer:
    """The importer a file's extension names; standard input and unknown names are read as text unless their
    bytes are a zip package (then Word or Excel, by what the package holds)."""
    suffix = path.suffix.lower()
    for importer in IMPORTERS.values():
        if suffix in importer.extensions:
            return importer
    if data[:2] == b"PK":
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except zipfile.BadZipFile:
            names = []
        if "word/document.xml" in names:
            return IMPORTERS["docx"]
        if "xl/workbook.xml" in names:
            return IMPORTERS["xlsx"]
    if data[:4] == b"\xd0\xcf\x11\xe0" and str(path) == "-":  # an OLE compound file: .doc, .xls, .wps, .et
        raise UnreadableFile(
            tr(
                "标准输入是 Word、Excel 或 WPS 的二进制文件（.doc、.xls、.wps、.et）；"
                "请给出文件名导入：aidplan import 计划.doc"
            )
        )
    if suffix and suffix not in ("", ".-") and str(path) != "-":
        looks_text = b"\x00" not in data[:4096]
        if not looks_text:
            raise UnreadableFile(
                tr("不认识 {name} 的格式；能导入的有：{KNOWN}", name=path.name, KNOWN=tr("、").join(KNOWN))
            )
    if data.lstrip()[:1] in (b"|", b"#", b"*") or b"\n|" in data[:20000]:
        return IMPORTERS["md"]
    return IMPORTERS["text"]
