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
from aidplan.plan.schedule import work_calendar
from aidplan.render.docx import render_docx
from aidplan.render.layout import TableLayout, build_layout
from aidplan.render.markdown import render_markdown
from aidplan.render.pages import table_layout
from aidplan.render.style import profile_for
from aidplan.track.listing import task_rows

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
    "tests/data/terminal/2027-county.yaml": None,
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
    "tests/data/tables/key-points-breakdown.yaml": None,
    "tests/data/tables/two-tables-numbered.yaml": None,
    "tests/data/widths/month-deadlines.yaml": None,
    "tests/data/widths/by-period-owners.yaml": None,
    "tests/data/widths/listed-dates.yaml": None,
    "tests/data/widths/two-header-owners.yaml": None,
    "tests/data/widths/eight-columns.yaml": None,
    "tests/data/widths/crowd.yaml": None,
    "tests/data/tables/no-header.yaml": None,
    "tests/data/tables/two-tables.yaml": None,
    "tests/data/new/weekly.yaml": None,
    "tests/data/corpus/2025-autumn-deyu.yaml": None,
    "tests/data/corpus/2026-2027-two-terms.yaml": None,
    "tests/data/corpus/2026-school-aid.yaml": None,
    "tests/data/corpus/2026-vocational-aid.yaml": None,
    "tests/data/corpus/2026-yi-categories.yaml": None,
    "tests/data/corpus/2026-09-aid-categories.yaml": None,
    "tests/data/corpus/2026-kindergarten.yaml": None,
    "tests/data/corpus/2026-preamble-signature.yaml": None,
    "tests/data/corpus/2026-spring-weekly.yaml": None,
    "tests/data/corpus/2027-aid-center.yaml": None,
    "tests/data/parts/preamble-signature.yaml": None,
    "tests/data/time/nested.yaml": None,
    "tests/data/corpus/2026-xun-weekly.yaml": None,
    "tests/data/corpus/2026-03-bureau-monthly.yaml": None,
    "tests/data/forms/office-deadlines.yaml": None,
    "tests/data/forms/term-deadlines.yaml": None,
    "tests/data/forms/spring-term-forms.yaml": None,
    "tests/data/forms/autumn-term-forms.yaml": None,
    "tests/data/corpus/2026-autumn-safety.yaml": None,
    "tests/data/html/hostile.yaml": None,
    "tests/data/rollover/2020-school.yaml": None,
    "tests/data/forms/forms.yaml": 2026,
    "tests/data/rollover/week-text.yaml": None,
    "tests/data/rollover/monthly-text.yaml": None,
    "tests/data/tables/by-period-own-deadlines.yaml": None,
}
# Formats a listed plan does not round-trip through, and why.
NOT_THROUGH: dict[tuple[str, str], str] = {}
# Plans that render but are not round-tripped, and why.
NOT_ROUND_TRIPPED = {
    "tests/data/time/week-out-of-order.yaml": "a plan with an error (a week out of order, E202) for check's tests",
    "tests/data/forms/need-term.yaml": "school words (暑假前, 开学后 …) in a plan with no term: E205 on purpose, for "
    "check's tests",
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
    """The document as Word copies it as text: the label, the title lines and the paragraphs before the table,
    then per table its heading, and each cell starting a line with a tab, its paragraphs on the lines after; a
    merged cell's lower part is an empty cell, a header merged across repeats its text in each column it covers;
    the notes under a table after two empty lines, and after the last the closing paragraphs and the 落款."""
    lines = [text for text in (layout.attachment, *layout.title_lines, *layout.document.texts_before()) if text]
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
    after = layout.document.texts_after()
    if after:
        lines += [*([] if layout.parts[-1].notes else ["", ""]), *after]
    return "\n".join(lines) + "\n"


def _parts(docx: bytes) -> dict[str, list[str]]:
    """A rendered DOCX's parts, XML one element a line, to diff."""
    import zipfile
    from io import BytesIO

    package = zipfile.ZipFile(BytesIO(docx))
    return {name: package.read(name).decode("utf-8", "replace").replace("><", ">\n<").splitlines() for name in
            package.namelist()}  # fmt: skip


def assert_same_docx(original: bytes, again: bytes, imported: str) -> None:
    """Byte-identical, or a failure showing where the documents differ and the plan the import wrote."""
    if again == original:
        return
    import difflib

    before, after = _parts(original), _parts(again)
    diff: list[str] = []
    for name in sorted(before.keys() | after.keys()):
        if before.get(name) != after.get(name):
            diff += difflib.unified_diff(before.get(name, []), after.get(name, []), name, name, n=2, lineterm="")
    shown = "\n".join(diff[:80])
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
    term = (plan.term.start, plan.term.end) if plan.term is not None else None  # printed nowhere: given
    imported = import_file(source, data, target, ROUND_TRIP.get(name), organisation, term)
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


# Plans whose imported tasks are dated otherwise than the original's, though the DOCX is the same: a value the
# table does not print cannot come back.
DATED_OTHERWISE = {
    "tests/data/calendar-2027/plan.yaml": "its tasks' own deadlines (2月22日, 6月9日) are in no printed column",
    "tests/data/tables/no-header.yaml": "its tasks' deadlines (1月22日, 3月12日) are in no printed column",
    "tests/data/time/nested.yaml": "import takes a term from the title 2026年秋季学期, and in a term plan "
    "10月 > 第二周 is the term's second week, not October's (check warns W223 on the imported plan)",
    "tests/data/html/hostile.yaml": "its label “三月份<script>” reads as no time and its span: is printed nowhere: "
    "imported as a category (kind: category), its tasks dated only by their own deadlines",
    "tests/data/rollover/2020-school.yaml": "its 迎检周 names no date and its span: (2020-10-12 to 10-16) is printed "
    "nowhere: imported as a category (kind: category), its two tasks without dates (check warns W222)",
}


def _dated(path: Path) -> list[tuple]:
    """Each task's id and dates, as `aidplan tasks` lists them."""
    plan = load_plan(path).plan
    assert plan is not None
    return [(row.id, row.start, row.end, row.deadline, row.occurrences) for row in task_rows(plan, work_calendar(plan))]


@pytest.mark.parametrize(
    ("name", "how"),
    [(name, how) for name in sorted(ROUND_TRIP) for how in ("docx", "md", "text") if (name, how) not in NOT_THROUGH],
)
def test_import_of_a_rendered_plan_gives_the_same_ids_and_dates(tmp_path: Path, name: str, how: str) -> None:
    """The same print can hide other dates (a 旬 column read as a printed column dates every task at its month's
    end): the imported plan's tasks must have the original's ids and dates."""
    _round_trip(tmp_path, name, how)
    original, imported = _dated(ROOT / name), _dated(tmp_path / "imported.yaml")
    if name in DATED_OTHERWISE:
        assert original != imported, f"{name} now comes back with its dates: remove it from DATED_OTHERWISE"
    else:
        assert [row[0] for row in imported] == [row[0] for row in original]
        assert imported == original


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
