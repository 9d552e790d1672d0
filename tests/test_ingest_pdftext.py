"""Text copied out of a PDF of a plan imports as the plan, or is refused with its reason, never as a wrong plan.

Every plan of the round trip is rendered to PDF (LibreOffice), its text taken as a viewer's Select-All gives it
(`pdftotext`) and as laid out on the page (`pdftotext -layout`), and imported: the plans in EXACT come back with
the same tasks (ids, texts, dates) and print the same text; every other one is refused with an error, never
written wrong. The seeds' copies are kept under tests/data/pdftext/ so the reader is tested without LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from aidplan.commands.ingest import import_file
from aidplan.errors import AidplanError
from aidplan.plan.loading import load_plan
from aidplan.plan.schedule import schedule, work_calendar
from aidplan.render.layout import build_layout, reading_text
from aidplan.track.listing import task_rows

from .conftest import DATA, ROOT
from .test_ingest_roundtrip import DATED_OTHERWISE, ROUND_TRIP, _docx

HAVE_TOOLS = all(shutil.which(tool) for tool in ("soffice", "pdftotext"))
if not HAVE_TOOLS and os.environ.get("CI"):
    raise RuntimeError("CI must run the PDF tests: install libreoffice-writer-nogui, poppler-utils, fonts-noto-cjk")

# (plan, how the text was taken) that come back exactly; every other pair is refused.
EXACT = {
    ("tests/data/rollover/monthly-text.yaml", "text"),
    ("tests/data/rollover/monthly-text.yaml", "layout"),
    ("plans/2014-yueyang.yaml", "text"),
    ("plans/2020-huaibei.yaml", "text"),
    ("tests/data/calendar-2027/plan.yaml", "text"),
    ("tests/data/html/long-period.yaml", "text"),
    ("tests/data/long/long-by-period.yaml", "text"),
    ("tests/data/long/long-by-task.yaml", "text"),
    ("tests/data/new/bimonthly.yaml", "text"),
    ("tests/data/new/monthly.yaml", "text"),
    ("tests/data/new/quarterly.yaml", "text"),
    ("tests/data/new/weekly.yaml", "text"),
    ("tests/data/parts/preamble-signature.yaml", "text"),
    ("tests/data/widths/month-deadlines.yaml", "text"),
    ("plans/2014-yueyang.yaml", "layout"),
    ("plans/2020-huaibei.yaml", "layout"),
    ("tests/data/calendar-2027/plan.yaml", "layout"),
    ("tests/data/corpus/2026-03-bureau-monthly.yaml", "layout"),
    ("tests/data/corpus/2026-09-aid-categories.yaml", "layout"),
    ("tests/data/corpus/2026-autumn-safety.yaml", "layout"),
    ("tests/data/corpus/2026-preamble-signature.yaml", "layout"),
    ("tests/data/forms/autumn-term-forms.yaml", "layout"),
    ("tests/data/forms/spring-term-forms.yaml", "layout"),
    ("tests/data/forms/term-deadlines.yaml", "layout"),
    ("tests/data/html/long-period.yaml", "layout"),
    ("tests/data/long/long-by-period.yaml", "layout"),
    ("tests/data/long/long-by-task.yaml", "layout"),
    ("tests/data/new/bimonthly.yaml", "layout"),
    ("tests/data/new/monthly.yaml", "layout"),
    ("tests/data/new/quarterly.yaml", "layout"),
    ("tests/data/new/weekly.yaml", "layout"),
    ("tests/data/numbering/continuous.yaml", "layout"),
    ("tests/data/parts/preamble-signature.yaml", "layout"),
    ("tests/data/widths/month-deadlines.yaml", "layout"),
}
# What the PDF's text cannot give back: (plan, how) → the original's text, and what the copy reads instead.
PRINTED_OTHERWISE = {
    # pdftotext joins a line that ends in a hyphen to the next and drops the hyphen (1.5- / 1.9% → 1.51.9%); the
    # -layout copy keeps it. A space a plan puts between a digit and a Chinese character (6.1-6.5 开展) is one a
    # viewer puts everywhere: the import drops them all (below, for every plan).
    ("tests/data/rollover/monthly-text.yaml", "text"): ("比例为1.5-1.9%", "比例为1.51.9%"),
    # LibreOffice leaves out a full-width comma that ends a full line of the preamble (neither drawn nor in the text)
    ("tests/data/parts/preamble-signature.yaml", "layout"): ("到位，结合", "到位结合"),
    ("tests/data/parts/preamble-signature.yaml", "text"): ("到位，结合", "到位结合"),
    ("tests/data/corpus/2026-preamble-signature.yaml", "layout"): ("专款专用，严禁", "专款专用严禁"),
}
FIXTURES = DATA / "pdftext"
FIXTURE_PLANS = {
    "2014-yueyang": "plans/2014-yueyang.yaml",
    "2020-huaibei": "plans/2020-huaibei.yaml",
    "long-by-period": "tests/data/long/long-by-period.yaml",
    "latin-run": "tests/data/exact/latin-run.yaml",
    "by-period-owners": "tests/data/widths/by-period-owners.yaml",
    "2026-autumn-safety": "tests/data/corpus/2026-autumn-safety.yaml",
    "continuous": "tests/data/numbering/continuous.yaml",
    "2026-03-bureau-monthly": "tests/data/corpus/2026-03-bureau-monthly.yaml",
}


def _texts(plan) -> list[str]:
    return [task.text for item in schedule(plan) for task in item.tasks]


def _dated(plan) -> list[tuple]:
    return [(row.id, row.start, row.end, row.deadline, row.occurrences) for row in task_rows(plan, work_calendar(plan))]


def _imported(tmp_path: Path, name: str, source: Path):
    """The plan imported from the copied text (the office and term given, as for any text: the table prints
    neither), or the error that refused it."""
    original = load_plan(ROOT / name).plan
    assert original is not None
    term = (original.term.start, original.term.end) if original.term is not None else None
    target = tmp_path / "imported.yaml"
    try:
        imported = import_file(source, source.read_bytes(), target, ROUND_TRIP.get(name), original.organisation, term)
    except AidplanError as error:
        return original, None, str(error)
    target.write_text(imported.text, encoding="utf-8")
    plan = load_plan(target).plan
    assert plan is not None
    return original, plan, imported


def _assert_same(name: str, original, plan, how: str) -> None:
    expected = [_unspaced(text) for text in _texts(original)]
    printed, read = reading_text(build_layout(original)), reading_text(build_layout(plan))
    if (name, how) in PRINTED_OTHERWISE:
        before, after = PRINTED_OTHERWISE[(name, how)]
        assert printed.count(before) == 1
        printed = printed.replace(before, after)
        expected = [text.replace(before, after) for text in expected]
    assert _texts(plan) == expected
    assert read == printed
    for part in ("attachment", "preamble", "notes", "closing"):  # the same paragraphs, not only the same text
        shown, got = str(_dumped(getattr(original, part))), str(_dumped(getattr(plan, part)))
        if (name, how) in PRINTED_OTHERWISE:
            shown = shown.replace(*PRINTED_OTHERWISE[(name, how)])
        assert got == shown, part
    # a long title printed on two lines (render balances it) reads as a title of two lines: the same print
    assert plan.title.replace("\n", "") == original.title.replace("\n", "")
    if name not in DATED_OTHERWISE:
        assert _dated(plan) == _dated(original)


def _unspaced(text: str) -> str:
    """A task's text as a PDF's copy can give it: no space between a Chinese character and a digit or letter."""
    from aidplan.ingest.pdftext import joined

    return joined(text)


def _dumped(value):
    return (
        [item.model_dump() if hasattr(item, "model_dump") else item for item in value]
        if isinstance(value, list)
        else value
    )


@pytest.fixture(scope="module")
def copies(tmp_path_factory) -> dict[tuple[str, str], Path]:
    """Every round-trip plan's PDF (one LibreOffice run), its text in both ways pdftotext gives it."""
    from aidplan.render.pdf import convert_to_pdf

    out = tmp_path_factory.mktemp("pdftext")
    documents = []
    for name in ROUND_TRIP:
        document = out / (Path(name).stem + ".docx")
        document.write_bytes(_docx(ROOT / name))
        documents.append(document)
    convert_to_pdf(documents, out)
    found = {}
    for name in ROUND_TRIP:
        pdf = out / (Path(name).stem + ".pdf")
        for how, options in (("text", []), ("layout", ["-layout"])):
            text = out / f"{Path(name).stem}.{how}.txt"
            subprocess.run(["pdftotext", *options, str(pdf), str(text)], check=True)
            found[(name, how)] = text
    return found


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")
@pytest.mark.parametrize(("name", "how"), [(name, how) for name in sorted(ROUND_TRIP) for how in ("text", "layout")])
def test_text_copied_from_the_pdf_of_a_plan_imports_as_the_plan_or_is_refused(
    tmp_path: Path, copies, name: str, how: str
) -> None:
    original, plan, result = _imported(tmp_path, name, copies[(name, how)])
    if (name, how) in EXACT:
        assert plan is not None, result
        _assert_same(name, original, plan, how)
    else:
        assert plan is None, f"{name} ({how}) now imports: check it and add it to EXACT"
        assert result


@pytest.mark.parametrize("fixture", sorted(path.name for path in FIXTURES.glob("*.txt")))
def test_the_kept_pdf_copies_import_as_their_plans_or_are_refused(tmp_path: Path, fixture: str) -> None:
    stem, how = fixture.removesuffix(".txt").rsplit(".", 1)
    name = FIXTURE_PLANS[stem]
    original, plan, result = _imported(tmp_path, name, FIXTURES / fixture)
    if (name, how) in EXACT:
        assert plan is not None, result
        _assert_same(name, original, plan, how)
    else:
        assert plan is None
        assert result == f"这是从 PDF 复制的文本，但{REFUSED[fixture]}{REFUSED_END}"


# the kept copies that are refused, and the reason the refusal gives
REFUSED = {
    "2026-03-bureau-monthly.text.txt": "表头“日主题活动”在表格中间才出现（复制的文本按列排列）",
    "by-period-owners.layout.txt": "责任单位一列有 4 格，对不上 1 个时段或 3 项任务",
    "by-period-owners.text.txt": "表头“完成时间”在表格中间才出现（复制的文本按列排列）",
    "latin-run.layout.txt": "第 6 行“核”不在能认出的列里",
    "latin-run.text.txt": "任务“3.PPT”里的一行“3.PPT”比这一列的宽度短得多（复制时文字的次序乱了）",
}
REFUSED_END = (
    "，分不清哪些任务属于哪个时段；没有导入（以免写出错的计划）。请改用原来的 Word、Excel 文件导入，或从发布的网页复制"
)


def test_a_word_copy_with_a_page_number_and_the_header_again_is_not_taken_for_a_pdf(tmp_path: Path) -> None:
    """Cells set apart by tabs are a copy from Word (or a sheet, or a web page), whatever page furniture it
    carries: the page number — 2 — and the header row printed again are dropped as before (was: refused as a
    PDF's text with no header)."""
    seed = (DATA / "seeds" / "2020-huaibei.txt").read_text(encoding="utf-8").splitlines()
    at = seed.index("\t五月份")
    text = "\n".join([*seed[:at], "— 2 —", "", "\t时 序", "\t主要工作项目内容", "\t完成工作时间", "", *seed[at:]])
    source = tmp_path / "copy.txt"
    source.write_text(text + "\n", encoding="utf-8")
    original, plan, result = _imported(tmp_path, "plans/2020-huaibei.yaml", source)
    assert plan is not None, result
    assert result.kind == "从 Word 表格复制的文本"
    assert _texts(plan) == _texts(original)
    assert [period.label for period in plan.periods] == [period.label for period in original.periods]


def test_a_web_page_with_spaces_around_its_digits_is_read_as_before_when_it_is_no_pdf_table(tmp_path: Path) -> None:
    """Spaces around digits (2026 年) are all that looks like a PDF: a web page prints them too. Where the PDF
    reader cannot place the cells (no numbered tasks), the text is read as other pasted text, as before (was: refused
    as a PDF's text)."""
    from aidplan.commands.ingest import import_file

    text = (
        "某县 2026 年学生资助工作计划\n时间\n工作内容\n完成时间\n一月\n完成上年度资助工作总结\n1 月 25 日\n"
        "二月\n开展春季资助宣传\n2 月 28 日\n三月\n审核春季学期 2026 年名单\n3 月 31 日\n"
    )
    source = tmp_path / "web.txt"
    source.write_text(text, encoding="utf-8")
    imported = import_file(source, source.read_bytes(), tmp_path / "web.yaml", None, None)
    assert imported.kind == "每格一行的文本"
    assert "一月" in imported.text and "完成上年度资助工作总结" in imported.text
