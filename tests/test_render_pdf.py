"""PDF through LibreOffice: page count, every task's text, and no page that starts with a blank period cell.

These need LibreOffice, poppler and fonts-noto-cjk (.ci/run installs them). Without them the tests are
skipped on a developer's machine, and fail in CI (CI=true), where they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.pages import table_layout
from aidplan.render.style import profile_for

from .conftest import SEED_PLANS

HAVE_TOOLS = all(shutil.which(tool) for tool in ("soffice", "pdftotext", "pdfinfo"))
if not HAVE_TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI must run the PDF tests: install libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")]

EXPECTED_PAGES = {"2014-yueyang": 5, "2020-huaibei": 4}


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from aidplan.cli import app

    out = tmp_path_factory.mktemp("pdf")
    result = CliRunner().invoke(app, ["render", *map(str, SEED_PLANS.values()), "-f", "pdf", "-d", str(out)])
    assert result.exit_code == 0, result.output
    return {name: out / f"{name}.pdf" for name in SEED_PLANS}


def _pages(pdf: Path) -> list[list[tuple[float, float, float, str]]]:
    """Words of each page as (xMin, yMin, xMax, text)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", html, re.S):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">(.*?)</word>', page)
        pages.append([(float(x0), float(y0), float(x1), unescape(text)) for x0, y0, x1, text in words])
    return pages


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_page_count(pdfs, name: str) -> None:
    info = subprocess.run(["pdfinfo", str(pdfs[name])], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Pages:\s+(\d+)", info).group(1) == str(EXPECTED_PAGES[name])


def _columns_by_page(name: str, pdf: Path):
    """Per page, the text of the period column and of the task column inside the table (below the repeated
    header row, above the 版心's bottom edge where the page number sits), read top to bottom."""
    plan = load_plan(SEED_PLANS[name]).plan
    profile = profile_for(plan)
    layout, widths = table_layout(plan, profile)
    left = profile.margins.left * 72 / 25.4
    bottom = (profile.paper[1] - profile.margins.bottom) * 72 / 25.4
    columns = []
    for words in _pages(pdf):
        words.sort(key=lambda w: (round(w[1]), w[0]))
        in_period = [w for w in words if left - 2 <= w[0] and w[2] <= left + widths[0] and w[1] < bottom]
        header = normalise_text(layout.columns[0].header)
        # the repeated header row is the table's top on every page (the 附件 label above it is not)
        header_y = next(w[1] for w in in_period if w[3].startswith(header[0]))
        body = [w for w in words if header_y + 4 < w[1] < bottom]
        period = normalise_text("".join(w[3] for w in body if w[2] <= left + widths[0]))
        tasks = normalise_text(
            "".join(w[3] for w in body if left + widths[0] < w[0] and w[2] <= left + widths[0] + widths[1])
        )
        columns.append((period, tasks))
    return layout, columns


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_every_task_is_printed(pdfs, name: str) -> None:
    layout, columns = _columns_by_page(name, pdfs[name])
    printed = "".join(tasks for _, tasks in columns)
    expected = "".join(normalise_text("".join(row.cells[1].paragraphs)) for row in layout.rows)
    assert printed == expected


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_no_page_starts_with_a_blank_period_cell(pdfs, name: str) -> None:
    layout, columns = _columns_by_page(name, pdfs[name])
    rows = [(row, normalise_text("".join(row.cells[1].paragraphs))) for row in layout.rows]
    for number, (period_text, task_text) in enumerate(columns, start=1):
        starts = [i for i in range(len(rows)) if "".join(t for _, t in rows[i:]).startswith(task_text)]
        assert len(starts) == 1, f"page {number}: cannot tell which row starts it"
        first_row = rows[starts[0]][0]
        assert not first_row.cells[0].continues, f"page {number} starts inside a period"
        label = normalise_text(first_row.cells[0].paragraphs[0])
        assert period_text.startswith(label), f"page {number}: period column reads {period_text!r}, not {label!r}"


def test_official_font_names_are_substituted_not_dropped(pdfs) -> None:
    fonts = subprocess.run(["pdffonts", str(pdfs["2014-yueyang"])], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts  # 仿宋_GB2312 and 方正小标宋简体 stand-ins
    assert "NotoSansCJK" in fonts  # 黑体 stand-in
    assert "DejaVu" not in fonts
