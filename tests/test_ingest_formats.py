"""The other office formats plans arrive in: Excel 97-2003 (.xls), WPS 表格 (.et) and OpenDocument (.ods) sheets,
converted by LibreOffice as .doc files are; Word templates and macro documents (.dotx, .dotm, .docm), which are
.docx packages under another content type; and the lock files Word, WPS and LibreOffice leave beside an open
document, which `aidplan import *.docx` picks up with the documents."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.layout import build_layout, reading_text

from .office_docx import C, docx, paragraph, table

NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice (installed in CI)")

SHEET_TEXT = normalise_text(
    "2021年学生资助工作计划表 时间 工作内容 责任单位 3月份 1、审核春季学期国家助学金名单 资助股"
    " 2、开展资助政策宣传月活动 宣传股 4月份 1、发放春季学期国家助学金 资助股 2、组织资助工作人员业务培训 办公室"
)


def _printed(imported, tmp_path: Path) -> str:
    target = tmp_path / "plan.yaml"
    target.write_text(imported.text, encoding="utf-8")
    loaded = load_plan(target)
    assert loaded.plan is not None, loaded.findings
    return reading_text(build_layout(loaded.plan))


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["2021年学生资助工作计划表", None, None])
    sheet.merge_cells("A1:C1")
    sheet.append(["时间", "工作内容", "责任单位"])
    for row in (
        ("3月份", "1、审核春季学期国家助学金名单", "资助股"),
        (None, "2、开展资助政策宣传月活动", "宣传股"),
        ("4月份", "1、发放春季学期国家助学金", "资助股"),
        (None, "2、组织资助工作人员业务培训", "办公室"),
    ):
        sheet.append(list(row))
    sheet.merge_cells("A3:A4")
    sheet.merge_cells("A5:A6")
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def _saved_as(tmp_path: Path, source: Path, target_filter: str) -> Path:
    """`source` saved by LibreOffice in another format, as an office saves it (文件 → 另存为)."""
    out = tmp_path / "saved"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
         "--convert-to", target_filter, "--outdir", str(out), str(source)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / (source.stem + "." + target_filter.partition(":")[0])


# --- .xls, .et, .ods ---------------------------------------------------------------------------------------------


@NEEDS_SOFFICE
def test_excel_97_wps_and_opendocument_sheets_are_converted_by_libreoffice(tmp_path: Path) -> None:
    source = tmp_path / "计划.xlsx"
    source.write_bytes(_workbook())
    xls = _saved_as(tmp_path, source, "xls:MS Excel 97").read_bytes()
    ods = _saved_as(tmp_path, source, "ods").read_bytes()
    assert xls[:4] == b"\xd0\xcf\x11\xe0" and ods[:2] == b"PK"
    # WPS 表格 saves its .et in the same compound-file format as Excel 97 (LibreOffice tells them by content)
    for name, data, kind in (
        ("计划.xls", xls, "xls 表格（经 LibreOffice 转换）"),
        ("计划.et", xls, "et 表格（经 LibreOffice 转换）"),
        ("计划.ods", ods, "ods 表格（经 LibreOffice 转换）"),
    ):
        imported = import_file(tmp_path / name, data, tmp_path / "plan.yaml", None, None)
        assert imported.kind == kind
        assert _printed(imported, tmp_path) == SHEET_TEXT, name
        assert imported.guesses[0] == "标题“2021年学生资助工作计划表”取自表格第 1 行"
        assert (imported.periods, imported.tasks) == (2, 4)


def test_a_missing_libreoffice_for_a_sheet_is_named_with_the_package_and_the_way_round(
    cli, in_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    monkeypatch.setattr("aidplan.render.pdf.known_places", lambda: ())
    Path("计划.xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    result = cli("import", "计划.xls")
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 读取 .xls、.et 和 .ods 文件需要 LibreOffice，但没有找到 soffice；请安装，"
        "或在 Excel/WPS 里另存为 .xlsx 后再导入。Debian/Ubuntu：sudo apt-get install libreoffice-calc-nogui；"
        "Windows：winget install TheDocumentFoundation.LibreOffice（或从 libreoffice.org 下载）；"
        "macOS：brew install --cask libreoffice（计划.xls）\n"
    )
    assert not Path("计划.yaml").exists()


def test_a_word_or_excel_binary_file_on_standard_input_is_named(in_tmp: Path) -> None:
    from typer.testing import CliRunner

    from aidplan.cli import app

    result = CliRunner().invoke(app, ["import", "-"], input=b"\xd0\xcf\x11\xe0" + bytes(600))
    assert result.exit_code == 1, result.stderr
    assert result.stderr == (
        "aidplan: 标准输入是 Word、Excel 或 WPS 的二进制文件（.doc、.xls、.wps、.et）；"
        "请给出文件名导入：aidplan import 计划.doc\n"
    )


# --- Word templates and macro documents --------------------------------------------------------------------------

WORD_BODY = paragraph("2021年学生资助工作计划表", centred=True) + table(
    [
        [C([paragraph("时间")]), C([paragraph("工作内容")])],
        [C([paragraph("3月份")]), C([paragraph("审核春季学期国家助学金名单")])],
        [C([paragraph("4月份")]), C([paragraph("发放春季学期国家助学金")])],
    ],
    2,
)

CONTENT_TYPES = {
    "计划.dotx": "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "计划.dotm": "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
    "计划.docm": "application/vnd.ms-word.document.macroEnabled.main+xml",
}


def _retyped(data: bytes, content_type: str) -> bytes:
    """The package with its main part declared as `content_type`: how Word saves a template (.dotx, .dotm) or a
    document with macros (.docm) — the parts are a document's."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "[Content_Types].xml":
                plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
                assert plain in part
                part = part.replace(plain, content_type.encode())
            package.writestr(info, part)
    return out.getvalue()


@pytest.mark.parametrize("name", sorted(CONTENT_TYPES))
def test_word_templates_and_macro_documents_are_read_as_word(tmp_path: Path, name: str) -> None:
    data = _retyped(docx(WORD_BODY), CONTENT_TYPES[name])
    imported = import_file(tmp_path / name, data, tmp_path / "plan.yaml", None, None)
    assert imported.kind == "Word 文档"
    assert _printed(imported, tmp_path) == normalise_text(
        "2021年学生资助工作计划表 时间 工作内容 3月份 审核春季学期国家助学金名单 4月份 发放春季学期国家助学金"
    )


@NEEDS_SOFFICE
def test_an_excel_template_saved_by_libreoffice_is_read_as_excel(tmp_path: Path) -> None:
    source = tmp_path / "计划.xlsx"
    source.write_bytes(_workbook())
    xltx = _saved_as(tmp_path, source, "xltx:Calc MS Excel 2007 XML Template")
    imported = import_file(xltx, xltx.read_bytes(), tmp_path / "plan.yaml", None, None)
    assert imported.kind == "Excel 工作表"
    assert _printed(imported, tmp_path) == SHEET_TEXT


# --- lock files --------------------------------------------------------------------------------------------------


def _owner_file(user: str = "Administrator") -> bytes:
    """Word's owner file ~$NAME.docx (162 bytes while the document is open): the user's name, its length first."""
    name = user.encode("latin-1")
    return (bytes([len(name)]) + name).ljust(54, b"\x00") + user.encode("utf-16-le").ljust(108, b"\x00")


def test_lock_files_beside_open_documents_are_skipped_and_the_documents_imported(cli, in_tmp: Path) -> None:
    Path("计划.docx").write_bytes(docx(WORD_BODY))
    Path("~$计划.docx").write_bytes(_owner_file())
    Path("要点.docx").write_bytes(docx(WORD_BODY))
    Path(".~lock.要点.docx#").write_text("Administrator,PC-01,PC-01,26.11.2026 09:57,file:///C:/Users/a;\n")
    result = cli("import", "~$计划.docx", "计划.docx", ".~lock.要点.docx#", "要点.docx")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "跳过 ~$计划.docx：Word 或 WPS 打开文档时留下的锁定文件，不是计划\n"
        "跳过 .~lock.要点.docx#：LibreOffice 打开 要点.docx 时留下的锁定文件，不是计划\n"
    )
    assert result.stdout.splitlines()[0] == "计划.docx → 计划.yaml：2 个时段，2 项任务"
    assert "要点.docx → 要点.yaml：2 个时段，2 项任务" in result.stdout.splitlines()
    assert sorted(p.name for p in in_tmp.glob("*.yaml")) == ["要点.yaml", "计划.yaml"]


def test_only_lock_files_is_an_error_that_says_so(cli, in_tmp: Path) -> None:
    Path("~$计划.docx").write_bytes(_owner_file())
    result = cli("import", "~$计划.docx")
    assert result.exit_code == 2
    assert result.stderr == (
        "跳过 ~$计划.docx：Word 或 WPS 打开文档时留下的锁定文件，不是计划\n"
        "aidplan: 没有要导入的文件：~$计划.docx 是 Office 打开文档时留下的锁定文件\n"
    )
    assert list(in_tmp.glob("*.yaml")) == []


def test_a_real_document_whose_name_starts_like_a_lock_file_is_imported(cli, in_tmp: Path) -> None:
    Path("~$计划.docx").write_bytes(docx(WORD_BODY))
    result = cli("import", "~$计划.docx", "-o", "计划.yaml")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "~$计划.docx → 计划.yaml：2 个时段，2 项任务"


# --- what OA systems hand out under a Word name ------------------------------------------------------------------


def test_a_password_protected_docx_or_xlsx_is_named_as_such(cli, in_tmp: Path) -> None:
    # Word, Excel and WPS keep a file with an opening password in an OLE container (EncryptionInfo, EncryptedPackage)
    names = "".join(f"{n}\0" for n in ("EncryptionInfo", "EncryptedPackage")).encode("utf-16-le")
    for name in ("加密.docx", "加密.xlsx"):
        Path(name).write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names + b"\0" * 1024)
        result = cli("import", name)
        assert result.exit_code == 1
        assert result.stderr == (
            f"aidplan: {name} 设了打开密码，读不出内容；请在 Word、WPS 或 Excel 里打开它，取消密码后另存，再导入\n"
        )


def test_a_docx_holding_only_an_embedded_web_page_says_how_to_save_it(cli, in_tmp: Path) -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx(WORD_BODY))) as source, zipfile.ZipFile(data, "w") as package:
        for info in source.infolist():
            part = source.read(info)
            if info.filename == "word/document.xml":  # the body: one w:altChunk naming an HTML part
                start, end = part.index(b"<w:body>") + len(b"<w:body>"), part.index(b"<w:sectPr>")
                part = part[:start] + b'<w:altChunk r:id="rIdHtml"/>' + part[end:]
            package.writestr(info, part)
        package.writestr("word/afchunk.html", "<html><body><table><tr><td>时间</td></tr></table></body></html>")
    Path("导出.docx").write_bytes(data.getvalue())
    result = cli("import", "导出.docx")
    assert result.exit_code == 1
    assert result.stderr == (
        "aidplan: 导出.docx 的内容是嵌在文档里的网页（altChunk，一些 OA 系统这样导出），Word 打开时才排成表格；"
        "请在 Word 或 WPS 里打开它，另存为 .docx 后再导入\n"
    )


@NEEDS_SOFFICE
def test_rtf_named_docx_and_a_saved_web_page_are_converted_by_libreoffice(cli, tmp_path: Path) -> None:
    from .conftest import SEED_PLANS

    source = tmp_path / "计划.docx"
    source.write_bytes(docx(WORD_BODY))
    rtf = _saved_as(tmp_path, source, "rtf").read_bytes()
    assert rtf.startswith(b"{\\rtf")
    imported = import_file(tmp_path / "通知附件.docx", rtf, tmp_path / "plan.yaml", None, None)
    assert imported.kind == "rtf 文档（经 LibreOffice 转换）"
    assert (
        imported.guesses[0]
        == f"{tmp_path / '通知附件.docx'} 其实是 RTF 文件，只是扩展名写成了 .docx：经 LibreOffice 转换后读入"
    )
    assert _printed(imported, tmp_path) == normalise_text(
        "2021年学生资助工作计划表 时间 工作内容 3月份 审核春季学期国家助学金名单 4月份 发放春季学期国家助学金"
    )
    # a web page saved from the browser (here aidplan's own HTML of a seed plan) reads as the plan it shows
    plan = load_plan(SEED_PLANS["2020-huaibei"]).plan
    assert cli("render", SEED_PLANS["2020-huaibei"], "-f", "html", "-o", tmp_path / "计划.html").exit_code == 0
    page = (tmp_path / "计划.html").read_bytes()
    imported = import_file(tmp_path / "计划.html", page, tmp_path / "plan.yaml", None, None)
    assert imported.kind == "html 文档（经 LibreOffice 转换）"
    assert _printed(imported, tmp_path) == reading_text(build_layout(plan))
