"""Column widths: dates, week ranges and short words never break (on every machine, in the widest face that may
print them), the task column takes the rest, and a crowded table gives way in order."""

from __future__ import annotations

import io
import os
import re
import subprocess
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.render.docx import render_docx
from aidplan.render.layout import Cell, build_layout
from aidplan.render.measure import RowHeights, cell_text, cramped_columns, header_text, solve_widths
from aidplan.render.pages import table_layout
from aidplan.render.style import OFFICIAL, profile_for
from aidplan.render.widths import (
    NO_LINE_END,
    NO_LINE_START,
    balanced_lines,
    break_lines,
    face,
    widest_face,
    widest_text_width,
)

from .test_render_pdf import HAVE_TOOLS

DATA = Path(__file__).parent / "data" / "widths"
DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d+\.\d+-\d+\.\d+")


def _layout(name: str, orientation: str):
    plan = load_plan(DATA / name).plan
    profile = profile_for(plan, orientation)
    layout, widths = table_layout(plan, profile)
    return profile, layout, widths


def _cells(layout, column: int) -> list[str]:
    return [p for row in layout.rows for p in row.cells[column].paragraphs if not row.cells[column].continues]


def _lines(profile, text: str, width: float, font: str) -> list[str]:
    return break_lines(text, width - 2 * profile.cell_padding, profile.cell_size, font, widest=True)


def test_digits_are_sized_at_the_wider_of_the_stand_in_and_dejavu_sans() -> None:
    """仿宋_GB2312 missing and no fonts.conf: LibreOffice prints digits in DejaVu Sans, 0.636 em."""
    assert widest_face("仿宋_GB2312").advance("0") == 0.636
    assert face("仿宋_GB2312").advance("0") < 0.6
    assert widest_face("仿宋_GB2312").advance("资") == 1.0


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("name", ["listed-dates.yaml", "month-deadlines.yaml"])
def test_no_date_breaks_and_the_task_column_takes_the_rest(name: str, orientation: str) -> None:
    """Six columns with full dates do not fit a portrait 版心 whole: there (only) a date breaks after its year."""
    profile, layout, widths = _layout(name, orientation)
    crowded = (name, orientation) == ("listed-dates.yaml", "portrait")
    assert sum(widths) == pytest.approx(profile.text_width, abs=0.05)
    roles = [column.role for column in layout.columns]
    dates = 0
    for i, role in enumerate(roles):
        if role in ("task", "tasks"):
            continue
        for text in _cells(layout, i):
            printed = cell_text(text, widths[i], profile)  # with the break after the year the DOCX prints
            lines = [
                line for part in printed.split("\n") for line in _lines(profile, part, widths[i], profile.body_font)
            ]
            for date in DATE.findall(text):
                dates += 1
                year, _, rest = date.partition("年")
                assert any(date in line for line in lines) or (crowded and lines == [year + "年", rest]), (text, lines)
    assert dates >= 5


def test_landscape_keeps_every_header_word_and_group_label_on_one_line() -> None:
    profile, layout, widths = _layout("listed-dates.yaml", "landscape")
    assert [round(w / profile.cell_size, 1) for w in widths] == [3.1, 5.1, 17.0, 5.1, 5.1, 10.2]
    for i, column in enumerate(layout.columns):
        if column.role != "task":
            assert len(_lines(profile, column.header, widths[i], profile.header_font)) == 1, column.header
    assert all(len(_lines(profile, text, widths[1], profile.body_font)) == 1 for text in ("资金发放", "绩效评价"))


def test_a_crowded_portrait_table_breaks_header_words_evenly() -> None:
    """Six columns with full dates in a portrait 版心: 4-character header words break 2 + 2, and no line holds a
    single character under a longer one."""
    profile, layout, widths = _layout("listed-dates.yaml", "portrait")
    header = {}
    for i, column in enumerate(layout.columns):
        printed = header_text(column.header, widths[i], profile)  # with the even break the DOCX prints
        lines = _lines(profile, printed, widths[i], profile.header_font) if "\n" not in printed else printed.split()
        header[column.header] = lines
    for word, lines in header.items():  # whole, or in even halves (never 牵头科 / 室)
        assert lines in ([word], [word[: (len(word) + 1) // 2], word[(len(word) + 1) // 2 :]]), (word, lines)
    assert header["序号"] == ["序", "号"]  # over single-figure numbers the header stands in halves
    assert header["工作任务"] == ["工作任务"]  # its column holds its 4-character cells whole (资金发放, 绩效评价)
    for i, column in enumerate(layout.columns):
        if column.role == "task":
            continue
        for text in _cells(layout, i):
            printed = cell_text(text, widths[i], profile)
            lines = [
                line for part in printed.split("\n") for line in _lines(profile, part, widths[i], profile.body_font)
            ]
            assert not (len(lines) > 1 and len(lines[-1]) == 1 and len(text) >= 4), (text, lines)


def test_a_long_owner_breaks_into_even_lines_within_its_cap() -> None:
    roles = ["period", "tasks", "owner"]
    texts = [["3月"], ["开展工作"], ["市教育局计划财务科", "各学校"]]
    widths = solve_widths(roles, [["时间"], ["工作内容"], ["责任单位"]], texts, OFFICIAL)
    lines = _lines(OFFICIAL, "市教育局计划财务科", widths[2], OFFICIAL.body_font)
    assert lines == ["市教育局计划财务科"] or [len(line) for line in lines] in ([5, 4], [4, 5])
    assert widths[2] <= 7.0 * OFFICIAL.cell_size + 2 * OFFICIAL.cell_padding + 0.3 * OFFICIAL.cell_size + 0.01


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_dates_print_whole_where_libreoffice_falls_back_to_dejavu_sans(tmp_path: Path, orientation: str) -> None:
    """A plain `soffice` (no fonts.conf, no 仿宋_GB2312): Latin text and digits print in DejaVu Sans, and every
    date of the time column is still on one line of the PDF."""
    names = ["listed-dates", "month-deadlines"]
    sources = []
    for name in names:
        profile, layout, widths = _layout(f"{name}.yaml", orientation)
        source = tmp_path / f"{name}.docx"
        source.write_bytes(render_docx(layout, profile, widths, None, 2026))
        sources.append(source)
    env = {k: v for k, v in os.environ.items() if k != "FONTCONFIG_FILE"}
    env["HOME"] = str(tmp_path)
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(tmp_path), *map(str, sources)],
        env=env,
        capture_output=True,
        check=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    fonts = subprocess.run(["pdffonts", str(tmp_path / "listed-dates.pdf")], capture_output=True, text=True).stdout
    for name in names:
        text = subprocess.run(["pdftotext", str(tmp_path / f"{name}.pdf"), "-"], capture_output=True, text=True)
        lines = ["".join(line.split()) for line in text.stdout.splitlines()]
        plan = load_plan(DATA / f"{name}.yaml").plan
        dates = [t.deadline.text for g in plan.groups or [] for t in g.tasks if t.deadline] + [
            p.deadline.text for p in plan.periods or [] if p.deadline
        ]
        assert dates
        for date in dates:
            rest = date.partition("年")[2]
            crowded = (name, orientation) == ("listed-dates", "portrait")  # a date may break after its year
            assert any(date in line for line in lines) or (crowded and rest in lines), (name, date, lines, fonts)


def test_by_period_owners_stand_one_per_task_in_the_columns_order_the_plan_writes(tmp_path: Path) -> None:
    plan = load_plan(DATA / "by-period-owners.yaml").plan
    layout = build_layout(plan)
    assert [c.header for c in layout.columns] == ["时间", "工作内容", "完成时间", "责任单位"]  # as the plan writes
    owners = layout.rows[0].cells[3]
    assert owners.paragraphs == ("资助中心", "各学校", "市教育局计划财务科")
    assert owners.pairs == (1, 1, 1)
    source = (DATA / "by-period-owners.yaml").read_text(encoding="utf-8")
    swapped = tmp_path / "swapped.yaml"
    swapped.write_text(
        source.replace("deadline: 完成时间, owner: 责任单位", "owner: 责任单位, deadline: 完成时间"), "utf-8"
    )
    assert [c.header for c in build_layout(load_plan(swapped).plan).columns] == [
        "时间",
        "工作内容",
        "责任单位",
        "完成时间",
    ]


def test_each_owner_gets_the_space_its_task_takes_more_in_the_docx() -> None:
    from docx import Document

    plan = load_plan(DATA / "by-period-owners.yaml").plan
    profile = profile_for(plan)
    layout, widths = table_layout(plan, profile)
    document = Document(io.BytesIO(render_docx(layout, profile, widths, None, 2026)))
    row = document.tables[0].rows[1]
    tasks, owners = row.cells[1].paragraphs, row.cells[3].paragraphs
    lines = RowHeights(widths, profile)
    task_lines = [lines.lines(p.text, widths[1]) for p in tasks]
    owner_lines = [lines.lines(p.text, widths[3]) for p in owners]
    assert task_lines == [3, 1, 2] and owner_lines == [1, 1, 2]
    assert [p.paragraph_format.space_after.pt for p in owners] == [2 * profile.cell_leading, 0, 0]


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")
def test_each_owner_prints_level_with_its_task(tmp_path: Path, cli) -> None:
    from .test_render_pdf import _pages

    result = cli("render", DATA / "by-period-owners.yaml", "-f", "pdf", "-d", tmp_path)
    assert result.exit_code == 0, result.output
    words = _pages(tmp_path / "by-period-owners.pdf")[0]

    def top(text: str) -> float:
        return next(w[1] for w in words if w[3].startswith(text))

    for task, owner in (("1.审核", "资助中心"), ("2.开展", "各学校"), ("3.组织", "市教育局")):
        assert abs(top(task) - top(owner)) < 1, (task, owner)


def test_layout_is_refused_for_a_plan_whose_columns_are_listed(cli, tmp_path: Path) -> None:
    result = cli("render", DATA / "listed-dates.yaml", "--layout", "by-period", "-d", tmp_path)
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "aidplan: --layout 不适用于 listed-dates.yaml：它的表格按 columns 逐列写出，版式由这些列决定；请去掉 --layout"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_title_that_wraps_breaks_evenly_at_a_natural_point() -> None:
    size, font, width = OFFICIAL.title_size, OFFICIAL.title_font, OFFICIAL.text_width
    title = "XX市教育局2026年学生资助重点工作任务分解表"
    assert break_lines(title, width, size, font)[-1] == "分解表"  # what LibreOffice alone would leave
    # at a word: not XX市教育局2026年学生 / 资助重点工作任务分解表 (学生资助 is one name)
    assert balanced_lines(title, width, size, font) == ["XX市教育局2026年", "学生资助重点工作任务分解表"]
    assert balanced_lines("某某县第一中学2026-2027学年第一学期学生资助工作行事历", width, size, font) == [
        "某某县第一中学2026-2027学年",  # LibreOffice alone: …第一学期学 / 生资助工作行事历
        "第一学期学生资助工作行事历",
    ]
    for long in (
        "某某县学生资助管理中心2026年第一学期学生资助工作行事历",
        "某某市教育局关于2026年度全市学生资助工作的实施计划安排",
        "江城市学生资助管理中心2027年度学生资助工作计划表",
    ):
        lines = balanced_lines(long, width, size, font)
        assert len(lines) == 2 and "".join(lines) == long, lines
        assert not lines[0].endswith(("学", "学生", "资")) and not lines[1].startswith(("生", "资助", "助")), lines
    assert balanced_lines("明德路小学2025—2026学年第一学期德育工作安排", width, size, font) == [
        "明德路小学2025—2026学年",
        "第一学期德育工作安排",
    ]
    assert balanced_lines("2026年学生资助工作月计划", width, size, font) == ["2026年学生资助工作月计划"]


CRAMPED = ("crowd.yaml", "eight-columns.yaml")  # eight columns: an upright page cannot hold their words whole
CORPORA = sorted(
    [*(DATA.parent / "corpus").glob("*.yaml"), *DATA.glob("*.yaml"), *(DATA.parent / "tables").glob("*.yaml")],
    key=lambda p: (p.parent.name, p.name),
)
CORPORA = [path for path in CORPORA if path.name not in CRAMPED]


@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
@pytest.mark.parametrize("path", CORPORA, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_no_word_of_four_characters_and_no_date_breaks(path: Path, orientation: str) -> None:
    """Every plan of the corpus in both orientations, crowded portrait tables of six columns included: outside the
    task column, a cell of 4 characters or fewer (免学杂费, 市财政局, 各学校) prints on one line, and a date or week
    prints whole, or (a table too crowded for that) broken only after its year, as the DOCX writes it."""
    plan = load_plan(path).plan
    profile = profile_for(plan, orientation)
    layout, widths = table_layout(plan, profile)
    for part in layout.parts:
        at = widths if part is layout or part.widths is None else list(part.widths)
        task = next(i for i, c in enumerate(part.columns) if c.role in ("task", "tasks"))
        # a task column of 10 characters a line has no room to give (a 4-character word then breaks in halves)
        pad = 2 * profile.cell_padding
        at_its_least = 10 * profile.cell_size + pad <= at[task] < 11 * profile.cell_size + pad
        for i, column in enumerate(part.columns):
            if column.role in ("task", "tasks"):
                continue
            for text in {p for row in part.rows if row.cells[i].span == 1 for p in row.cells[i].paragraphs}:
                printed = cell_text(text, at[i], profile).split("\n")
                lines = [line for piece in printed for line in _lines(profile, piece, at[i], profile.body_font)]
                if len(text) <= 4 and not at_its_least:  # see the test after this one
                    assert lines == [text], (column.header, text, lines)
                for date in re.findall(
                    r"\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|第[一二三四五六七八九十]+周", text
                ):
                    whole = any(date in line for line in lines)
                    after_year = len(printed) == 2 and printed[0] == date[:5] and date[5:] in printed[1]
                    assert whole or after_year, (column.header, text, lines)


def test_a_crowded_portrait_table_gives_its_narrow_columns_room_from_its_task_column() -> None:
    """2027-aid-center in portrait (时间|序号|工作任务|牵头单位|配合单位|完成时限): 序号 stands in halves over its
    1–15 (2.4 em, was 3.1), so the owners get the room; the table needs 3 pages (was 4 for its 15 tasks)."""
    plan = load_plan(DATA.parent / "corpus" / "2027-aid-center.yaml").plan
    profile = profile_for(plan, "portrait")
    layout, widths = table_layout(plan, profile)
    ems = [round(w / profile.cell_size, 1) for w in widths]
    assert ems[1] <= 2.4 and ems[0] == 4.8 and ems[5] == 6.2  # 序号; 2027年 / 01月 and 2027年 / 11月30日 no wider
    assert ems[2] >= 7.0 + 2 * profile.cell_padding / profile.cell_size  # the task column keeps 7 characters
    assert plan_pages_count(layout, profile, widths) == 3


def test_the_task_column_keeps_ten_characters_where_that_saves_more_than_whole_four_character_words() -> None:
    """An Excel 分解表 of six columns with 4-character owners (各幼儿园, 资助中心): whole owners would leave the
    task column 7 characters a line and the table 2 pages (34 lines); with the owners in halves (各幼 / 儿园) it
    keeps 10 and fits 1 page (23 lines). 2027-aid-center, whose owners are long names, keeps its 4-character
    words whole (the test above) and takes 3 pages, not 4."""
    plan = load_plan(DATA / "two-header-owners.yaml").plan
    profile = profile_for(plan, "portrait")
    layout, widths = table_layout(plan, profile)
    assert widths[2] >= 10 * profile.cell_size + 2 * profile.cell_padding  # 具体措施, the task column
    assert plan_pages_count(layout, profile, widths) == 1
    assert cell_text("各幼儿园", widths[4], profile) == "各幼\n儿园"  # in halves, not 各幼儿 / 园


def plan_pages_count(layout, profile, widths) -> int:
    from aidplan.render.pages import plan_pages

    return plan_pages(layout, profile, widths).page_count


@pytest.mark.parametrize(
    ("text", "ems", "printed"),
    [
        ("市教育局计划财务科", 7.1, "市教育局\n计划财务科"),  # after the office, not 市教育局计划 / 财务科
        ("学生处、高一年级组", 6.1, "学生处、\n高一年级组"),
        ("各县（市、区）学生资助管理中心", 9.1, "各县（市、区）\n学生资助管理中心"),  # never inside the brackets
        ("市学生资助管理中心", 5.1, "市学生\n资助管\n理中心"),  # even, not 市学生资 / 助管理中 / 心
        ("校园防欺凌", 5.1, "校园防\n欺凌"),  # 校 of 校园 is no office's end
        ("2027年1月29日", 6.2, "2027年\n1月29日"),
        ("次年1月15日前", 6.5, "次年\n1月15日前"),
        ("2026年10月31日前", 5.9, "2026年10月31日前"),  # the rest would not fit a line either: no break helps
        ("9月20日-10月8日", 6.2, "9月20日-\n10月8日"),  # a range of dates after its dash
        ("8月20日—9月30日", 6.2, "8月20日—\n9月30日"),
        ("市学生资助管理中心", 10.1, "市学生资助管理中心"),
    ],
)
def test_a_name_breaks_after_one_of_its_parts_or_evenly(text: str, ems: float, printed: str) -> None:
    assert cell_text(text, ems * OFFICIAL.cell_size, OFFICIAL) == printed


def test_the_row_height_model_counts_the_lines_the_docx_prints() -> None:
    """A date broken after its year: the model counts the lines of the text as the DOCX writes it (2027年 / 1月29日
    in a column where greedy lines in the printing face hold it on one line, but the widest face that may print it
    does not); the task column is counted as LibreOffice breaks it, without written breaks."""
    width = 8.8 * OFFICIAL.cell_size
    heights = RowHeights([width, width], OFFICIAL, task=1)
    assert cell_text("2027年1月29日", width, OFFICIAL) == "2027年\n1月29日"
    assert heights.lines("2027年1月29日", width) == 1
    assert heights.printed("2027年1月29日", width) == 2
    assert heights.cell_lines([Cell(("2027年1月29日",)), Cell(("撰写工作总结",))]) == 2
    assert heights.cell_lines([Cell(("撰写工作总结",)), Cell(("2027年1月29日",))]) == 1  # the task column: greedy
    # after a break the rest counts as its own lines: 2026年 / 10月31日前, not 2026年10月 / 31日前 + 1
    assert heights.printed("2026年10月31日前", 7.5 * OFFICIAL.cell_size) == 2


@pytest.mark.slow
def test_the_crowded_portrait_table_prints_on_three_pages_and_names_break_after_their_office(tmp_path, cli) -> None:
    """In the PDF: 2027-aid-center (15 tasks, 6 columns, portrait) on 3 pages (4 before), and 市教育局计划财务科 of
    by-period-owners on two lines 市教育局 / 计划财务科 (was 市教育局计 / 划财务科)."""
    from .test_render_pdf import _pages

    if not HAVE_TOOLS:
        pytest.skip("LibreOffice/poppler not installed")
    result = cli(
        "render", DATA.parent / "corpus" / "2027-aid-center.yaml", DATA / "by-period-owners.yaml", "-f", "pdf",
        "-d", tmp_path,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(_pages(tmp_path / "2027-aid-center.pdf")) == 3
    words = _pages(tmp_path / "by-period-owners.pdf")[0]
    lines: dict[int, str] = {}
    for x0, y0, _, text in sorted(words, key=lambda w: (w[1], w[0])):
        if x0 > 300:  # the 责任单位 column, at the right
            lines[round(y0)] = lines.get(round(y0), "") + text
    assert "市教育局" in lines.values() and "计划财务科" in lines.values(), lines


def test_a_table_spelt_with_mapping_columns_gets_the_widths_of_its_listed_columns(monkeypatch, tmp_path: Path) -> None:
    """The same table written with `columns: [{header, role}]` (as printed) and with `columns: {period, tasks,
    owner}` (as import writes it) gives the width solver the same input, so the DOCX is the same."""
    import yaml

    from aidplan.render import measure

    listed = DATA.parent / "corpus" / "2026-autumn-safety.yaml"
    data = yaml.safe_load(listed.read_text(encoding="utf-8"))
    data["columns"] = {"period": "时间", "tasks": "工作内容", "owner": "责任部门"}
    data["periods"], data["layout"], data["owners"] = data.pop("groups"), "by-task", True
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    seen: list[tuple] = []
    solve = measure.solve_widths

    def spy(roles, headers, texts, profile, height=None, cramped=None):
        seen.append((list(roles), [list(h) for h in headers], [list(t) for t in texts]))
        return solve(roles, headers, texts, profile, height, cramped)

    monkeypatch.setattr(measure, "solve_widths", spy)
    widths = []
    for path in (listed, mapping):
        plan = load_plan(path).plan
        assert plan is not None
        widths.append(table_layout(plan, profile_for(plan))[1])
    assert seen[0] == seen[-1]
    assert seen[0][0] == ["group", "task", "owner"]
    assert widths[0] == widths[1]


def _printed_lines(profile, text: str, width: float) -> list[str]:
    """A cell of a column other than the task column, line by line as the DOCX prints it."""
    return [
        line
        for part in cell_text(text, width, profile).split("\n")
        for line in _lines(profile, part, width, profile.body_font)
    ]


@pytest.mark.parametrize("name", ["crowd.yaml", "eight-columns.yaml"])
@pytest.mark.parametrize("orientation", ["portrait", "landscape"])
def test_a_table_too_wide_for_the_page_keeps_marks_with_their_words(name: str, orientation: str) -> None:
    """Eight columns on an upright page (review4 #10): 序号 printed 1 / 、 and a one-character 配合单位 column let
    （、） start lines. Now no number is parted from its mark, no line starts with 、，。）or ends with （, and no
    column holding words of two characters or more is one character wide."""
    profile, layout, widths = _layout(name, orientation)
    task = next(i for i, column in enumerate(layout.columns) if column.role == "task")
    for i, column in enumerate(layout.columns):
        texts = [text for text in _cells(layout, i) if text]
        if i == task or not texts:
            continue
        widest = max(widest_text_width(text, profile.cell_size, profile.body_font) for text in texts)
        assert widths[i] >= min(2 * profile.cell_size, widest) + 2 * profile.cell_padding, column.header
        for text in texts:
            lines = _printed_lines(profile, text, widths[i])
            assert not any(line[:1] in NO_LINE_START for line in lines[1:]), lines
            assert not any(line[-1:] in NO_LINE_END for line in lines[:-1]), lines
    marks = _cells(layout, 0)
    assert set(marks) == {"1、", "2、"} and all(len(_printed_lines(profile, mark, widths[0])) == 1 for mark in marks)


def test_render_says_when_the_page_cannot_hold_the_columns(tmp_path, cli) -> None:
    """Where the columns give way (narrower than their words), render says which, and that a landscape page holds
    them when it does; a plan whose table fits says nothing."""
    result = cli("render", DATA / "eight-columns.yaml", "-f", "docx", "-d", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        "注意：eight-columns.yaml：表格的列太多，竖排的页面放不下，“牵头单位”、“配合单位”、“完成时限”列比其中的词还窄，词会被拆开；"
        "横排放得下：加 --orientation landscape，或在计划的 style: 里写 orientation: landscape"
    )
    result = cli("render", DATA / "eight-columns.yaml", "-f", "docx", "-d", tmp_path, "--orientation", "landscape")
    assert "表格的列太多" not in result.stderr
    result = cli("render", DATA / "crowd.yaml", "-f", "html", "-d", tmp_path)
    assert result.stderr.splitlines()[0] == (
        "注意：crowd.yaml：表格的列太多，竖排的页面放不下，“牵头单位”、“完成时限”、“备注”、“完成情况”列比其中的词还窄，"
        "词会被拆开；横排好些（加 --orientation landscape），但“完成时限”列仍然太窄：请再减少列或缩短这些列里的字"
    )
    result = cli("render", DATA / "crowd.yaml", "-f", "pdf", "-d", tmp_path, "--orientation", "landscape")
    assert result.stderr.splitlines()[0] == (
        "注意：crowd.yaml：表格的列太多，页面放不下，“完成时限”列比其中的词还窄，词会被拆开；"
        "请减少列、缩短这些列里的字，或在计划的 style: 里改小表格字号（cell_font_size: 五号）"
    )
    for path in CORPORA:
        result = cli("render", path, "-f", "docx", "-d", tmp_path)
        assert "表格的列太多" not in result.stderr, path.name


def test_cramped_columns_names_none_for_a_table_that_fits() -> None:
    plan = load_plan(DATA.parent / "corpus" / "2027-aid-center.yaml").plan
    assert cramped_columns(build_layout(plan), profile_for(plan)) == []
    plan = load_plan(DATA / "eight-columns.yaml").plan
    assert cramped_columns(build_layout(plan), profile_for(plan, "landscape")) == []
    assert cramped_columns(build_layout(plan), profile_for(plan)) == ["牵头单位", "配合单位", "完成时限"]


def test_an_owner_column_is_wanted_as_wide_as_its_names_parts() -> None:
    """Two terms of one school: 团委、高三年级组 printed 团委、高 / 三年级组 (inside 高三) in a column of four
    characters; the column is one character wider, for 团委、/ 高三年级组."""
    profile, layout, widths = _layout("../corpus/2026-2027-two-terms.yaml", "portrait")
    assert cell_text("团委、高三年级组", widths[2], profile) == "团委、\n高三年级组"
    assert [list(part.widths) for part in layout.parts] == [widths, widths]


@pytest.mark.parametrize(
    ("text", "ems", "printed"),
    [
        ("2026年9月30日前", 4.6, "2026年\n9月\n30日前"),  # after its year and month, not 2026 / 年9 / 月 / 30 / 日前
        ("2026年10月31日前", 5.9, "2026年10月31日前"),  # three lines where the printing face takes two: no breaks
        ("行为习惯养成月", 4.1, "行为习\n惯养\n成月"),  # even: 3 + 2 + 2, not 3 + 3 + 1
    ],
)
def test_a_date_too_long_for_two_lines_breaks_after_its_units(text: str, ems: float, printed: str) -> None:
    assert cell_text(text, ems * OFFICIAL.cell_size, OFFICIAL) == printed


OWN = Path(__file__).parent / "data" / "tables" / "by-period-own-deadlines.yaml"


def test_each_tasks_own_deadline_and_owner_get_the_space_its_task_takes_more_in_the_docx() -> None:
    """A row per quarter whose tasks have their own deadlines (and owners): the deadline cell prints one a task,
    and each deadline and owner gets the space its task takes more, so all three start on one line."""
    from docx import Document

    plan = load_plan(OWN).plan
    profile = profile_for(plan)
    layout, widths = table_layout(plan, profile)
    assert layout.rows[0].cells[2] == Cell(("1月30日前", "3月20日前", "3月31日前"), pairs=(1, 1, 1))
    assert layout.rows[1].cells[2] == Cell(("6月30日前",))  # the quarter's own deadline: one cell as before
    document = Document(io.BytesIO(render_docx(layout, profile, widths, None, 2026)))
    row = document.tables[0].rows[1]
    tasks, deadlines, owners = (row.cells[i].paragraphs for i in (1, 2, 3))
    lines = RowHeights(widths, profile)
    assert [lines.lines(p.text, widths[1]) for p in tasks] == [3, 1, 2]
    leading = profile.cell_leading
    assert [p.paragraph_format.space_after.pt for p in deadlines] == [2 * leading, 0, leading]
    assert [p.paragraph_format.space_after.pt for p in owners] == [2 * leading, 0, leading]


@pytest.mark.slow
@pytest.mark.skipif(not HAVE_TOOLS, reason="LibreOffice/poppler not installed")
def test_each_tasks_own_deadline_and_owner_print_level_with_it(tmp_path: Path, cli) -> None:
    from .test_render_pdf import _pages

    result = cli("render", OWN, "-f", "pdf", "-d", tmp_path)
    assert result.exit_code == 0, result.output
    words = _pages(tmp_path / "by-period-own-deadlines.pdf")[0]

    tasks_end = max(w[2] for w in words if w[3].startswith("1、制定"))

    def top(text: str, beside: bool = False) -> list[float]:
        return [w[1] for w in words if w[3] == text and (not beside or w[0] > tasks_end)]

    for task, day, owner in (
        ("2、发放春季学期资助资金；", "20", "计财股"),
        ("3、开展春季学期家庭经济困难", "31", "资助股"),
    ):
        (line,) = top(task)
        assert top(day, beside=True) == [line], (task, day)
        assert line in top(owner, beside=True), (task, owner)
