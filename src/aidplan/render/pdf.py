"""Convert DOCX files to PDF with LibreOffice, all in one soffice call, with the shipped font stand-ins."""

from __future__ import annotations

import ntpath
import os
import posixpath
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path, PurePosixPath, PureWindowsPath

from aidplan.errors import RenderError
from aidplan.files import os_reason
from aidplan.messages import later, localized, tr

FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"
INSTALL_HINT = later(
    "Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui fonts-noto-cjk；"
    "Windows：winget install TheDocumentFoundation.LibreOffice（或从 libreoffice.org "
    "下载）；macOS：brew install --cask libreoffice",
)


def known_places(platform: str | None = None, environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Where LibreOffice's installers put soffice, for when it is not on PATH: Windows never adds it (the
    installer uses the Program Files folder, wherever %ProgramFiles% is), macOS keeps it inside the app
    bundle (in /Applications, or ~/Applications for one account), and the packages from libreoffice.org install
    under /opt on Linux (newest version first)."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform == "win32":
        upper = {key.upper(): value for key, value in environ.items()}  # Windows variables ignore case
        roots = [upper.get(name) for name in ("PROGRAMFILES", "PROGRAMW6432", "PROGRAMFILES(X86)")]
        roots += [r"C:\Program Files", r"C:\Program Files (x86)"]
        places = (ntpath.join(root, "LibreOffice", "program", "soffice.exe") for root in roots if root)
        return tuple(dict.fromkeys(places))
    if platform == "darwin":
        bundle = "LibreOffice.app/Contents/MacOS/soffice"
        home = environ.get("HOME")
        return (f"/Applications/{bundle}", *([posixpath.join(home, "Applications", bundle)] if home else []))
    import glob
    import re

    found = glob.glob("/opt/libreoffice*/program/soffice")
    return tuple(sorted(found, key=lambda path: [int(part) for part in re.findall(r"\d+", path)], reverse=True))


def find_soffice(places: tuple[str, ...] | None = None) -> str:
    """soffice on PATH, else where the installers of this platform put it."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for place in known_places() if places is None else places:
        if os.path.isfile(place):
            return place
    raise RenderError(
        tr(
            "生成 PDF 需要 LibreOffice，但没有找到 soffice；请安装。{INSTALL_HINT}",
            INSTALL_HINT=localized(INSTALL_HINT),
        )
    )


def profile_url(folder: str, platform: str | None = None) -> str:
    """The file: URL LibreOffice takes for its profile folder: file:///tmp/x, or file:///C:/Users/x on Windows
    (file://C:\\Users\\x, a drive letter after two slashes, is no URL LibreOffice can open)."""
    windows = (sys.platform if platform is None else platform) == "win32"
    return (PureWindowsPath(folder) if windows else PurePosixPath(folder)).as_uri()


def convert_to_pdf(docx_files: list[Path], out_dir: Path, timeout: float = 600) -> list[Path]:
    """PDFs of the DOCX files in out_dir (same stem); one LibreOffice start for all of them."""
    soffice = find_soffice()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aidplan-lo-") as profile:
        env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF), HOME=profile)
        command = [
            soffice,
            f"-env:UserInstallation={profile_url(profile)}",
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
                tr("无法启动 LibreOffice（{soffice}）：{value}", soffice=soffice, value=os_reason(exc))
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
