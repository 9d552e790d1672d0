"""import(render(plan)) gives the plan back: for every plan in the repository that renders, importing its rendered
DOCX, its Markdown and a plain-text transcription gives a plan whose rendered DOCX is byte-identical to the
original's.

What the printed table cannot carry is given to the import as a user would give it: the issuing office
(`--org`, not printed in the table) for Markdown and text, the year (`--year`) where the title has none, and for
Markdown and text the page style (`style:`, which only the DOCX records)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from aidplan.commands.ingest import import_file
from aidplan.plan.loading import load_plan
from aidplan.render.docx import render_docx
from aidplan.render.layout import TableLayout, build_layout
from aidplan.render.markdown import render_markdown
from aidplan.render.pages import table_layout
from aidplan.render.style import profile_for

from .conftest import DATA, ROOT

# Every plan under plans/ and tests/data/ that renders, each with the year to give when its title has none.
ROUND_TRIP: dict[str, int | None] = {
    "plans/2014-yueyang.yaml": None,
    "plans/2020-huaibei.yaml": None,
    "tests/data/long/long-by-period.yaml": None,
    "tests/data/long/long-by-task.yaml": None,
    "tests/data/html/long-period.yaml": 2020,
    "tests/data/exact/latin-run.yaml": None,
    "tests/data/calendar-2027/plan.yaml": None,
    "tests/data/new/monthly.yaml": None,
    "tests/data/new/bimonthly.yaml": None,
    "tests/data/new/quarterly.yaml": None,
    "tests/data/numbering/continuous.yaml": None,
    "tests/data/numbering/subheadings.yaml": None,
    "tests/data/tables/month-week.yaml": None,
    "tests/data/tables/responsibility.yaml": None,
    "tests/data/tables/two-header-rows.yaml": None,
    "tests/data/tables/category-rows.yaml": None,
    "tests/data/tables/flat-key-points.yaml": None,
    "tests/data/widths/month-deadlines.yaml": None,
    "tests/data/widths/by-period-owners.yaml": None,
}
# Formats a listed plan does not round-trip through, and why.
NOT_THROUGH = {
    ("tests/data/tables/month-week.yaml", "md"): "Markdown has no merged cells: 月主题, printed once for a month, "
    "reads as the first week's own cell",
    ("tests/data/tables/month-week.yaml", "text"): "text has no merged cells either",
}
# Plans that render but are not round-tripped, and why.
NOT_ROUND_TRIPPED = {
    "tests/data/widths/listed-dates.yaml": "import reads 配合单位 (a free column) as a second owner column: E111",
    "tests/data/parts/preamble-signature.yaml": "import lists the paragraphs around the table (preamble, closing, "
    "落款, a second title line) as not placed, instead of writing preamble:/closing:/signature:",
    "tests/data/tables/no-header.yaml": "a table printed without a header row (headers: false) is not read yet",
    "tests/data/tables/two-tables.yaml": "several tables (tables:) are not read yet: the second is reported",
    **{
        str(p.relative_to(ROOT)): "a corpus plan landed after import last changed: not tried yet"
        for p in sorted((DATA / "corpus").glob("*.yaml"))
    },
    "tests/data/corpus/2025-autumn-deyu.yaml": "its weeks need the first day of the term (term:), not printed",
    "tests/data/html/hostile.yaml": "its first label “三月份<script>” needs span:, which the table does not print",
    "tests/data/new/weekly.yaml": "its weeks (第一周 …) need the first day of the term (term:), not printed",
    "tests/data/rollover/2020-school.yaml": "its 第一周 needs the term (term:) and its 迎检周 a span:, neither printed",
    "tests/data/time/nested.yaml": "not tried yet: landed after import last changed",
    "tests/data/time/week-out-of-order.yaml": "a plan with an error (a week out of order, E202) for check's tests",
}
SEED_TRANSCRIPTIONS = {
    "plans/2014-yueyang.yaml": DATA / "seeds" / "2014-yueyang.txt",
    "plans/2020-huaibei.yaml": DATA / "seeds" / "2020-huaibei.txt",
}


def _docx(path: Path) -> bytes:
    plan = load_plan(path).plan
    assert plan is not None
    profile = profile_for(plan)
    table, widths = table_layout(plan, profile)
    return render_docx(table, profile, widths, plan.organisation, plan.year)


def word_copy(layout: TableLayout) -> str:
    """The document as Word copies it as text: the label and title lines, then per table its heading, and each
    cell starting a line with a tab, its paragraphs on the lines after; a merged cell's lower part is an empty
    cell, a header merged across repeats its text in each column it covers; the notes under a table after two
    empty lines."""
    lines = [text for text in (layout.attachment, *layout.title_lines) if text]
    for number, table in enumerate(layout.parts):
        if number:
            lines += ["", ""]
        if table.heading:
            lines.append(table.heading)
        for header in table.header_grid():
            shown = ""
            for cell in header:
                if cell is not None:
                    shown = "" if cell.continues else cell.text
                lines.append("\t" + shown)
            lines.append("")
        for row in table.rows:
            for cell in row.cells:
                lines.append("\t" + ("" if cell.continues else "\n".join(cell.paragraphs)))
            lines.append("")
        if table.notes:
            lines += ["", "", *table.notes]
    return "\n".join(lines) + "\n"


def _readable(docx: bytes) -> list[str]:
    """A rendered DOCX's document.xml, one element a line, to diff."""
    import zipfile
    from io import BytesIO

    xml = zipfile.ZipFile(BytesIO(docx)).read("word/document.xml").decode("utf-8")
    return xml.replace("><", ">\n<").splitlines()


def assert_same_docx(original: bytes, again: bytes, imported: str) -> None:
    """Byte-identical, or a failure showing where the documents differ and the plan the import wrote."""
    if again == original:
        return
    import difflib

    diff = list(difflib.unified_diff(_readable(original), _readable(again), "original", "imported", n=2, lineterm=""))
    shown = "\n".join(diff[:80]) or "(document.xml is the same; another part of the package differs)"
    raise AssertionError(f"the imported plan renders a different DOCX:\n{shown}\n--- the imported plan:\n{imported}")


def _round_trip(tmp_path: Path, name: str, how: str) -> tuple[bytes, bytes, str]:
    path = ROOT / name
    plan = load_plan(path).plan
    assert plan is not None
    original = _docx(path)
    if how == "docx":
        source, data = tmp_path / "plan.docx", original
    elif how == "md":
        source, data = tmp_path / "plan.md", render_markdown(build_layout(plan), plan).encode("utf-8")
    elif how == "seed-text":
        source, data = tmp_path / "plan.txt", SEED_TRANSCRIPTIONS[name].read_bytes()
    else:
        source, data = tmp_path / "plan.txt", word_copy(build_layout(plan)).encode("utf-8")
    target = tmp_path / "imported.yaml"
    organisation = None if how == "docx" else plan.organisation
    imported = import_file(source, data, target, ROUND_TRIP.get(name), organisation)
    text = imported.text
    style = plan.style.model_dump(exclude_none=True)
    if how != "docx" and style:
        text += yaml.safe_dump({"style": style}, allow_unicode=True)
    target.write_text(text, encoding="utf-8")
    errors = [f for f in imported.findings if f.severity.value == "error"]
    assert errors == [], text
    return original, _docx(target), text


@pytest.mark.parametrize(
    ("name", "how"),
    [(name, how) for name in sorted(ROUND_TRIP) for how in ("docx", "md", "text") if (name, how) not in NOT_THROUGH],
)
def test_import_of_a_rendered_plan_renders_the_same_docx(tmp_path: Path, name: str, how: str) -> None:
    assert_same_docx(*_round_trip(tmp_path, name, how))


@pytest.mark.parametrize("name", sorted(SEED_TRANSCRIPTIONS))
def test_import_of_the_published_seed_text_renders_the_same_docx(tmp_path: Path, name: str) -> None:
    """The seeds' plain-text extracts of the published Word tables, with their stray spaces and line breaks."""
    assert_same_docx(*_round_trip(tmp_path, name, "seed-text"))


def test_every_plan_in_the_repository_is_listed() -> None:
    """A plan added under plans/ or tests/data/ must join the round trip, or say why it cannot."""
    found = {
        str(path.relative_to(ROOT))
        for folder in (ROOT / "plans", DATA)
        for path in folder.rglob("*.yaml")
        if not path.name.endswith((".progress.yaml", ".calendar.yaml"))
        and not any(part.startswith("invalid") for part in path.relative_to(ROOT).parts)
    }
    assert sorted(found - ROUND_TRIP.keys() - NOT_ROUND_TRIPPED.keys()) == []
