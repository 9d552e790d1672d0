"""Convert DOCX files to PDF with LibreOffice, all in one soffice call, with the shipped font stand-ins."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from aidplan.errors import RenderError
from aidplan.messages import later, localized, tr

FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"
INSTALL_HINT = later(
    "Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk；"
    "Windows：winget install TheDocumentFoundation.LibreOffice（或从 libreoffice.org "
    "下载）；macOS：brew install --cask libreoffice",
)
# where the installers put it when it is not on PATH (Windows never adds it; macOS keeps it in the app bundle)
KNOWN_PLACES = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
)


def find_soffice(places: tuple[str, ...] = KNOWN_PLACES) -> str:
    """soffice on PATH, else where the Windows and macOS installers put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in places:
        if os.path.isfile(place):
            return place
    raise RenderError(
        tr(
            "生成 PDF 需要 LibreOffice，但没有找到 soffice；请安装。{INSTALL_HINT}",
            INSTALL_HINT=localized(INSTALL_HINT),
        )
    )


def convert_to_pdf(docx_files: list[Path], out_dir: Path, timeout: float = 600) -> list[Path]:
    """PDFs of the DOCX files in out_dir (same stem); one LibreOffice start for all of them."""
    soffice = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aidplan-lo-") as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=profile)
        command = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            # keep the blank pages Writer inserts before a section that must start on an even/odd page, so that
            # a duplex print of the PDF puts every page on the side the document meant (notice templates)
            'pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}',
            "--outdir",
            str(out_dir),
            *map(str, docx_files),
        ]
        try:
            result = subprocess.run(
                command, capture_output=True, text=True, env=env, timeout=timeout, stdin=subprocess.DEVNULL
            )
        except subprocess.TimeoutExpired:
            raise RenderError(tr("LibreOffice 转换 PDF 超时（{timeout:.0f} 秒）", timeout=timeout)) from None
        except OSError as exc:
            raise RenderError(
                tr("无法启动 LibreOffice（{soffice}）：{value}", soffice=soffice, value=exc.strerror or exc)
            ) from None
    pdfs = [out_dir / f"{path.stem}.pdf" for path in docx_files]
    missing = [p for p in pdfs if not p.is_file()]
    if result.returncode != 0 or missing:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise RenderError(
            tr("LibreOffice 没有生成 {value}", value=", ".join(p.name for p in missing) or "PDF")
            + (tr("：{detail}", detail=detail[-1]) if detail else "")
        )
    return pdfs


Word = tuple[float, float, float, str]  # xMin, yMin, xMax, text (points from the page's top left)


def page_words(pdf: Path) -> list[list[Word]]:
    """The words of every page of a PDF with their boxes, read with poppler's pdftotext."""
    import re
    from html import unescape

    tool = shutil.which("pdftotext")
    if tool is None:
        raise RenderError(tr("--paginate exact 需要 poppler 的 pdftotext；请安装：apt-get install poppler-utils"))
    result = subprocess.run([tool, "-bbox", str(pdf), "-"], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RenderError(tr("无法读取 PDF {name}：{strip}", name=pdf.name, strip=result.stderr.strip()))
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", result.stdout, re.S):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', page)
        pages.append([(float(x0), float(y0), float(x1), unescape(text)) for x0, y0, x1, text in words])
    return pages
