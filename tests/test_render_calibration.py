"""The page plan against LibreOffice. Tables of many row shapes go through LibreOffice in one call: short
and long tasks, digits and Latin mixed in, every cell size of the profile, by task and by period, with and
without the 附件 label and the 注 line, and with the character spacing that gives the standard's 28
characters a line. The row that starts each page of the PDF must be the row aidplan's own page plan
starts it with. Shapes that once disagreed are kept in tests/data/pages/ as regression inputs.

The two long plans of tests/data/long/ are read back from the same PDF call: every page of a long period
starts with its label, prints it once, shows the deadline, and is filled to within one row.
"""

from __future__ import annotations

import json
import random
from dataclasses import replace
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.docx import render_docx
from aidplan.render.layout import Cell, Column, Group, Row, TableLayout, merged_group
from aidplan.render.measure import layout_widths
from aidplan.render.pages import Filler, plan_pages, table_layout
from aidplan.render.style import FONT_SIZES, OFFICIAL, Profile, profile_for

from .conftest import DATA, SEED_PLANS
from .test_render_pdf import HAVE_TOOLS, _pages

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")]

SIZES = ("三号", "小三", "四号", "小四", "五号")
# pages of the two long plans: at their 小四, and at the default 四号 (20 pt exact spacing). At 四号, even were
# every task 3 lines (some take 4), a row is 3 × 20 + 4.5 = 64.5 pt: 7 rows fit under the title (505.9 pt) and
# 9 on a later page (612.8 pt), 7 + 4 × 9 = 43 < 45; by period a page holds 27 and then 30 lines, that is
# 9 + 10 + 10 = 29 < 30 three-line tasks in three pages
LONG = {"long-by-task": 5, "long-by-period": 3, "long-by-task-四号": 6, "long-by-period-四号": 4}
LATIN = ["2021年", "QQ群", "PPT", "Excel表格", "（1）", "12345678", "10月31日", "3.5万元", "APP", "95%", "1:1"]


def _task_pool() -> list[str]:
    from aidplan.plan.schedule import schedule

    pool = []
    for path in SEED_PLANS.values():
        for item in schedule(load_plan(path).plan):
            pool += [task.text for task in item.tasks]
    return pool


def _by_period_group(index: int, label: str, deadline: str, tasks: list[str]) -> Group:
    def rows(block) -> list[Row]:
        return [Row((Cell((label,)), Cell(tuple(block) or ("",)), Cell((deadline,))), index)]

    return Group(index, tuple(tasks), rows)


def _shapes() -> list[tuple[str, Profile, TableLayout, list[Group]]]:
    """Generated shapes (the same every run) and the saved regression shapes."""
    pool = _task_pool()
    rng = random.Random(14)

    def text() -> str:
        task = rng.choice(pool)
        if rng.random() < 0.5:
            task = task[: rng.randint(4, 20)]
        for _ in range(rng.randint(0, 2)):
            at = rng.randint(0, len(task))
            task = task[:at] + rng.choice(LATIN) + task[at:]
        while rng.random() < 0.3:
            task += rng.choice(pool)
        return task

    labels = ["元月至二月份", "三月份", "第1周", "四月", "秋季学期", "五月份", "六月份"]
    shapes = []
    for size in SIZES:
        for variant in ("label-title-note", "28-a-line", "by-period"):
            profile = replace(OFFICIAL, cell_size=float(FONT_SIZES[size]))
            if variant == "28-a-line":  # the character spacing that sets the standard's 28 characters a line
                profile = replace(profile, cell_char_spacing=-0.25)
            groups = []
            for g in range(rng.randint(3, 6)):
                n = rng.choice([1, 2, 4, 8, 15, 30])
                tasks = [f"{i + 1}.{text()}" for i in range(n)]
                if variant == "by-period":
                    groups.append(_by_period_group(g, labels[g], f"{g + 2}月{rng.randint(10, 28)}日", tasks))
                else:
                    groups.append(merged_group(g, labels[g], [(Cell((t,)),) for t in tasks]))
            columns = [Column("period", "时间"), Column("tasks", "工作内容")]
            if variant == "by-period":
                columns.append(Column("deadline", "完成时间"))
            attachment = "附件" if variant == "label-title-note" else None
            notes = ("注：一并做好其他工作。",) if variant != "28-a-line" else ()
            kind = "by-period" if variant == "by-period" else "by-task"
            shapes.append(
                (f"{size}-{variant}", profile, _plain(kind, attachment, tuple(columns), groups, notes), groups)
            )
    for saved in sorted((DATA / "pages").glob("*.json")):
        data = json.loads(saved.read_text(encoding="utf-8"))
        profile = replace(
            OFFICIAL, cell_size=float(FONT_SIZES[data["cell_size"]]), cell_char_spacing=data["char_spacing"]
        )
        groups = [
            merged_group(i, p["label"], [(Cell((t,)),) for t in p["tasks"]]) for i, p in enumerate(data["periods"])
        ]
        columns = (Column("period", "时间"), Column("tasks", "工作内容"))
        SAVED_WIDTHS[saved.stem] = data["widths"]  # the column widths the case was printed with
        shapes.append(
            (saved.stem, profile, _plain("by-task", data["attachment"], columns, groups, tuple(data["notes"])), groups)
        )
    return shapes


SAVED_WIDTHS: dict[str, list[float]] = {}


def _plain(kind, attachment, columns, groups, notes) -> TableLayout:
    rows = tuple(row for group in groups for row in group.rows(group.units))
    return TableLayout(kind, attachment, "2021年学生资助工作计划表", columns, rows, notes)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """Every shape and the two long plans, split by the page plan, as PDF from one LibreOffice call."""
    from aidplan.render.pdf import convert_to_pdf

    folder = tmp_path_factory.mktemp("calibration")
    cases = {}
    for name, profile, plain, groups in _shapes():
        widths = SAVED_WIDTHS.get(name) or layout_widths(plain, profile)
        layout = replace(plain, rows=tuple(Filler(plain, profile, widths)(groups)))
        cases[name] = (profile, layout, widths)
    for name in LONG:
        plan = load_plan(DATA / "long" / f"{name.removesuffix('-四号')}.yaml").plan
        profile = profile_for(plan)
        if name.endswith("-四号"):
            profile = replace(profile, cell_size=float(FONT_SIZES["四号"]))
        layout, widths = table_layout(plan, profile)
        cases[name] = (profile, layout, widths)
    sources = []
    for name, (profile, layout, widths) in cases.items():
        source = folder / f"{name}.docx"
        source.write_bytes(render_docx(layout, profile, widths, None, 2021))
        sources.append(source)
    pdfs = convert_to_pdf(sources, folder / "pdf")
    return {name: (*case, pdf) for (name, case), pdf in zip(cases.items(), pdfs)}


def _page_columns(profile: Profile, layout: TableLayout, widths: list[float], pdf: Path) -> list[list[str]]:
    """Per page, the text of each column below the repeated header row and above the 版心's bottom edge."""
    left = profile.margins.left * 72 / 25.4
    bottom = (profile.paper[1] - profile.margins.bottom) * 72 / 25.4
    edges = [left]
    for width in widths:
        edges.append(edges[-1] + width)
    pages = []
    for words in _pages(pdf):
        header = normalise_text(layout.columns[1].header)
        header_y = next(w[1] for w in words if w[0] > edges[1] and w[3].startswith(header[0]))
        body = sorted((w for w in words if header_y + 4 < w[1] < bottom), key=lambda w: (round(w[1]), w[0]))
        pages.append(
            [
                normalise_text("".join(w[3] for w in body if edges[i] - 2 <= w[0] and w[2] <= edges[i + 1] + 2))
                for i in range(len(widths))
            ]
        )
    return pages


def _pdf_starts(layout: TableLayout, pages: list[list[str]]) -> list[int]:
    """The row that starts each page of the PDF, found from the task column's text."""
    texts = [normalise_text("".join(row.cells[1].paragraphs)) for row in layout.rows]
    starts, row = [], 0
    for columns in pages:
        starts.append(row)
        printed = columns[1]
        consumed = ""
        while row < len(texts) and printed.startswith(consumed + texts[row]):
            consumed += texts[row]
            row += 1
        assert consumed == printed, f"page {len(starts)} prints rows out of order: {printed[len(consumed) :][:40]}"
    assert row == len(texts), "the PDF lacks rows"
    return starts


def test_every_shape_and_cell_size_pages_like_libreoffice(rendered) -> None:
    disagree = {}
    for name, (profile, layout, widths, pdf) in rendered.items():
        expected = plan_pages(layout, profile, widths).starts()
        found = _pdf_starts(layout, _page_columns(profile, layout, widths, pdf))
        if found != expected:
            disagree[name] = (expected, found)
    assert len(rendered) >= 3 * len(SIZES) + 2
    assert disagree == {}


@pytest.mark.parametrize("name", sorted(LONG))
def test_long_period_prints_its_label_once_on_every_page_filled(rendered, name: str) -> None:
    profile, layout, widths, pdf = rendered[name]
    pages = _page_columns(profile, layout, widths, pdf)
    assert len(pages) == LONG[name]
    plan = plan_pages(layout, profile, widths)
    label = "3月份" if name.startswith("long-by-task") else "三月份"
    for number, columns in enumerate(pages, start=1):
        period = columns[0]
        assert period.count(label) == 1, f"page {number}: period column reads {period!r}"
        if name.startswith("long-by-period"):
            assert "3月31日" in columns[-1], f"page {number}: no deadline in {columns[-1]!r}"
    starts = _pdf_starts(layout, pages)
    for number, start in enumerate(starts[1:], start=1):  # pages that a long period continues from
        if layout.rows[start].period_index == layout.rows[start - 1].period_index:
            room = (plan.geometry.first if number == 1 else plan.geometry.other) - plan.used[number - 1]
            assert room < plan.heights[start], f"page {number} left room for the row that starts page {number + 1}"


def test_with_the_pdfs_own_lines_the_page_plan_agrees_for_every_shape(rendered) -> None:
    """Rows and pages are modelled exactly: given the lines LibreOffice printed, the plan has every page
    start where the PDF has it, the known disagreement included (--paginate exact builds on this)."""
    from aidplan.render.pages import printed_lines
    from aidplan.render.pdf import page_words

    for name, (profile, layout, widths, pdf) in rendered.items():
        measured = printed_lines(layout, profile, widths, page_words(pdf))
        assert measured is not None, name
        expected = plan_pages(layout, profile, widths, measured).starts()
        assert expected == _pdf_starts(layout, _page_columns(profile, layout, widths, pdf)), name


def test_no_task_takes_fewer_lines_than_libreoffice_printed(rendered) -> None:
    """Line by line, not only page by page: no task paragraph of any shape wraps into fewer lines than
    LibreOffice printed (a row that prints taller than planned is what pushes rows off a page). Near ties
    wrap: the saved ties (0.32 pt and 0.03 pt to spare) take exactly LibreOffice's lines."""
    from aidplan.render.measure import RowHeights
    from aidplan.render.pages import printed_lines
    from aidplan.render.pdf import page_words

    for name, (profile, layout, widths, pdf) in rendered.items():
        measured = printed_lines(layout, profile, widths, page_words(pdf))
        lines = RowHeights(widths, profile)
        column = [column.role for column in layout.columns].index("tasks")
        ours = {text: lines.lines(text, widths[column]) for text in measured}
        assert {text: (ours[text], n) for text, n in measured.items() if ours[text] < n} == {}, name
        if name.startswith("tie-at-"):
            assert ours == measured, name


def test_paginate_exact_renders_through_libreoffice(tmp_path: Path, cli) -> None:
    result = cli("render", DATA / "long" / "long-by-task.yaml", "-f", "pdf", "--paginate", "exact", "-d", tmp_path)
    assert result.exit_code == 0, result.output
    pages = _pages(tmp_path / "long-by-task.pdf")
    assert len(pages) == LONG["long-by-task"]
    assert ["3月份" in "".join(w[3] for w in words) for words in pages] == [True] * 5


def test_paginate_exact_converts_again_where_libreoffice_wrapped_otherwise(tmp_path: Path, cli, monkeypatch) -> None:
    """tests/data/exact/latin-run.yaml: LibreOffice keeps `www.xszz.cee.edu.cnf/l，` whole and prints task 3
    in three lines where the width rules give two. The second conversion happens, and its PDF pages exactly
    as the plan made with the lines of that PDF: the label once on every page."""
    import aidplan.commands.render as command
    from aidplan.render.measure import RowHeights
    from aidplan.render.pages import printed_lines
    from aidplan.render.pdf import page_words

    converted = []
    convert = command._convert

    def counting(documents, folder):
        converted.append(len(documents))
        return convert(documents, folder)

    monkeypatch.setattr(command, "_convert", counting)
    source = DATA / "exact" / "latin-run.yaml"
    result = cli("render", source, "-f", "pdf", "-f", "docx", "--paginate", "exact", "-d", tmp_path)
    assert result.exit_code == 0, result.output
    assert converted == [1, 1]
    plan = load_plan(source).plan
    profile = profile_for(plan)
    plain, widths = table_layout(plan, profile)
    pdf = tmp_path / "latin-run.pdf"
    measured = printed_lines(plain, profile, widths, page_words(pdf))
    rules = RowHeights(widths, profile)
    assert {t[:8]: (rules.lines(t, widths[1]), n) for t, n in measured.items() if rules.lines(t, widths[1]) != n} == {
        "3.PPT核全1": (2, 3)
    }
    layout, _ = table_layout(plan, profile, None, measured)
    pages = _page_columns(profile, layout, widths, pdf)
    assert _pdf_starts(layout, pages) == plan_pages(layout, profile, widths, measured).starts()
    assert [columns[0].count("3月份") for columns in pages] == [1] * len(pages)
