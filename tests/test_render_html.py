"""render -f html and status -f html: the page's markup, escaping, and what a reader sees in Chromium.

The browser tests need Debian's chromium (.ci/run installs it) and poppler for reading the printed PDF
back. Without them they are skipped on a developer's machine, and fail in CI (CI=true), where they must run.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest

from aidplan.plan.loading import load_plan
from aidplan.plan.model import normalise_text
from aidplan.render.html import column_percentages
from aidplan.render.layout import build_layout, reading_text
from aidplan.render.pages import table_layout
from aidplan.render.style import profile_for

from .browser import CHROMIUM, Browser
from .conftest import DATA, SEED_PLANS

HOSTILE = DATA / "html" / "hostile.yaml"
HAVE_BROWSER = CHROMIUM is not None and all(shutil.which(tool) for tool in ("pdftotext", "pdfinfo"))
if not HAVE_BROWSER and os.environ.get("CI"):
    raise RuntimeError("CI must run the browser tests: install chromium and poppler-utils")
needs_browser = pytest.mark.skipif(not HAVE_BROWSER, reason="chromium/poppler not installed")
MM = 72 / 25.4  # points per millimetre


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each tag name."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: dict[str, list[str]] = {}
        self._open: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in ("meta", "col", "br", "link", "img", "input"):
            self._open.append(tag)

    def handle_endtag(self, tag):
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data):
        if self._open:
            self.text.setdefault(self._open[-1], []).append(data)

    def all(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs in self.tags if tag == name]


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """Both seeds and the hostile plan rendered as HTML by the command line."""
    from typer.testing import CliRunner

    from aidplan.cli import app

    out = tmp_path_factory.mktemp("html")
    sources = [*map(str, SEED_PLANS.values()), str(HOSTILE)]
    result = CliRunner().invoke(app, ["render", *sources, "-f", "html", "-d", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(out / f"{name}.html") for name in [*SEED_PLANS, "hostile"]]
    return {name: out / f"{name}.html" for name in [*SEED_PLANS, "hostile"]}


@pytest.fixture(scope="module")
def dashboards(tmp_path_factory) -> dict[str, Path]:
    """Dashboards as of 10 May 2020: Huaibei alone with some progress, and Huaibei with the hostile plan."""
    from typer.testing import CliRunner

    from aidplan.cli import app

    work = tmp_path_factory.mktemp("status")
    huaibei = Path(shutil.copy(SEED_PLANS["2020-huaibei"], work / "2020-huaibei.yaml"))
    hostile = Path(shutil.copy(HOSTILE, work / "hostile.yaml"))
    runner = CliRunner()
    for args in (
        ["done", huaibei, "1.2", "1.3", "3.1@3-20", "3.1@3-28", "--on", "2020-03-20", "--by", "张三"],
        ["mark", huaibei, "4.3", "--status", "doing", "--on", "2020-04-20"],
        ["done", hostile, "3.2", "--on", "2020-03-25", "--note", "<b>已发放</b>"],
    ):
        result = runner.invoke(app, [str(a) for a in args])
        assert result.exit_code == 0, result.output
    made = {}
    for name, sources in (("huaibei", [huaibei]), ("both", [huaibei, hostile])):
        target = work / f"{name}.html"
        args = ["status", *map(str, sources), "--today", "2020-05-10", "-f", "html", "-o", str(target)]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        assert result.stdout == f"{target}\n"
        made[name] = target
    return made


# ---------------------------------------------------------------- markup (no browser needed)


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_page_is_a_semantic_table(pages, name: str) -> None:
    html = pages[name].read_text(encoding="utf-8")
    plan = load_plan(SEED_PLANS[name]).plan
    layout = build_layout(plan)
    tags = Tags(html)
    assert tags.all("html") == [{"lang": "zh-CN"}]
    assert "".join(tags.text["caption"]) == plan.title
    assert [a["scope"] for a in tags.all("th") if a.get("scope") == "col"] == ["col"] * len(layout.columns)
    # by-task: one <tbody> per period, its label a row-group header spanning its tasks
    if plan.layout == "by-task":
        expected = [len(p.tasks) + sum(1 for r in plan.recurring if r.placement != "listed") for p in plan.periods]
        headers = [a for a in tags.all("th") if a.get("class") == "period"]
        assert [int(a.get("rowspan") or 1) for a in headers] == expected
        assert {a["scope"] for a in headers} == {"rowgroup"}
    else:
        headers = [a for a in tags.all("th") if a.get("class") == "period"]
        assert len(headers) == len(plan.periods) and {a["scope"] for a in headers} == {"row"}
        assert all("rowspan" not in a for a in headers)
    assert len(tags.all("tbody")) == len(plan.periods)


def test_page_is_self_contained(pages) -> None:
    for page in pages.values():
        html = page.read_text(encoding="utf-8")
        tags = Tags(html)
        assert not tags.all("script") and not tags.all("link") and not tags.all("img")
        assert "url(" not in html and "@import" not in html and "http:" not in html and "https:" not in html
        assert [a["content"] for a in tags.all("meta") if a.get("http-equiv") == "Content-Security-Policy"] == [
            "default-src 'none'; style-src 'unsafe-inline'"
        ]


def test_official_fonts_come_first_then_free_stand_ins(pages) -> None:
    html = pages["2014-yueyang"].read_text(encoding="utf-8")
    fangsong = re.search(r"--fangsong: (.*);", html).group(1)
    assert fangsong.startswith('"仿宋_GB2312", "仿宋", "FangSong_GB2312", "FangSong"')
    assert fangsong.index('"Noto Serif CJK SC"') < fangsong.index('"Source Han Serif SC"') < fangsong.index(" serif")
    assert re.search(r"--heiti: (.*);", html).group(1).startswith('"黑体", "SimHei"')
    assert re.search(r"--xiaobiaosong: (.*);", html).group(1).startswith('"方正小标宋简体", "方正小标宋_GBK"')


def test_print_css_is_a4_with_the_official_margins(pages, tmp_path: Path, cli) -> None:
    html = pages["2020-huaibei"].read_text(encoding="utf-8")
    assert "size: 210.0mm 297.0mm;\n  margin: 37mm 26mm 35mm 28mm;" in html
    result = cli(
        "render", SEED_PLANS["2020-huaibei"], "-f", "html", "--orientation", "landscape", "-o", tmp_path / "l.html"
    )
    assert result.exit_code == 0, result.output
    # GB/T 9704 §8: a landscape table has the binding edge (28 mm) at the top
    assert "size: 297.0mm 210.0mm;\n  margin: 28mm 37mm 26mm 35mm;" in (tmp_path / "l.html").read_text(encoding="utf-8")


def test_task_text_cannot_inject_markup(pages) -> None:
    html = pages["hostile"].read_text(encoding="utf-8")
    tags = Tags(html)
    assert [tag for tag, _ in tags.tags if tag in ("script", "img", "iframe", "svg", "b", "i", "br")] == []
    assert len(tags.all("style")) == 1 and len(tags.all("tr")) == 5  # no row added by </td></tr><tr>
    assert (
        "<title>&lt;/title&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;2020年工作计划</title>" in html
    )
    assert (
        '<td class="owner">&#34;&gt;&lt;img src=x onerror=&#34;document.title=&#39;pwned&#39;&#34;&gt;资助科</td>'
        in html
    )


def test_user_templates_win_and_are_escaped_too(tmp_path: Path, cli) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "plan.html.j2").write_text("<h1>{{ layout.title }}</h1>\n", encoding="utf-8")
    result = cli("render", HOSTILE, "-f", "html", "--templates", tmp_path / "mine", "-o", tmp_path / "p.html")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "p.html").read_text(encoding="utf-8") == (
        "<h1>&lt;/title&gt;&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;2020年工作计划</h1>\n"
    )


def test_a_broken_user_template_is_a_located_error(tmp_path: Path, cli) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "status.html.j2").write_text("{{ plans[0].nope }}\n", encoding="utf-8")
    result = cli("status", SEED_PLANS["2020-huaibei"], "-f", "html", "--templates", tmp_path / "mine", "-d", tmp_path)
    assert result.exit_code == 2
    assert result.stderr == (
        f"aidplan: 模板有错：{tmp_path / 'mine' / 'status.html.j2'}:1: "
        "未定义：'aidplan.render.html.DashboardPlan object' has no attribute 'nope'\n"
    )
    assert not (tmp_path / "status.html").exists()


def test_dashboard_is_written_to_status_html_by_default(in_tmp: Path, cli) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "2020-huaibei.yaml")
    result = cli("status", "2020-huaibei.yaml", "--today", "2020-05-10", "-f", "html", "-d", "out")
    assert (result.exit_code, result.stdout) == (0, "out/status.html\n")
    html = (in_tmp / "out" / "status.html").read_text(encoding="utf-8")
    assert '统计截至 <time datetime="2020-05-10">2020年5月10日</time> · 生成于 <time datetime="' in html
    made = re.search(r'生成于 <time datetime="([^"]+)">', html).group(1)
    assert abs(dt.datetime.fromisoformat(made) - dt.datetime.now().astimezone()) < dt.timedelta(minutes=5)


def test_dashboard_refuses_a_negative_window(in_tmp: Path, cli) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "2020-huaibei.yaml")
    result = cli("status", "2020-huaibei.yaml", "-f", "html", "--within", "-1")
    assert (result.exit_code, result.stderr) == (2, "aidplan: --within 不能是负数\n")
    assert not (in_tmp / "build").exists()


def test_dashboard_escapes_plan_text_and_notes(dashboards) -> None:
    html = dashboards["both"].read_text(encoding="utf-8")
    tags = Tags(html)
    assert [tag for tag, _ in tags.tags if tag in ("script", "img", "iframe", "svg", "b", "i", "link")] == []
    assert "&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;核对受助学生名单" in html


# ---------------------------------------------------------------- in Chromium


@pytest.fixture(scope="module")
def browser():
    if not HAVE_BROWSER:
        pytest.skip("chromium/poppler not installed")
    chromium = Browser()
    yield chromium
    chromium.close()


READING_ORDER = """(() => {
  const cells = [...document.querySelectorAll('.attachment, caption, th, td, .note')];
  return cells.map(cell => cell.innerText).join('');
})()"""


@needs_browser
@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_reader_sees_the_published_text_in_reading_order(browser, pages, name: str) -> None:
    page = browser.page(pages[name])
    try:
        published = normalise_text((DATA / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
        assert normalise_text(page.evaluate("document.body.innerText")) == published
        assert normalise_text(page.evaluate(READING_ORDER)) == reading_text(
            build_layout(load_plan(SEED_PLANS[name]).plan)
        )
        assert page.evaluate("document.title") == load_plan(SEED_PLANS[name]).plan.title
    finally:
        page.close()


@needs_browser
@pytest.mark.parametrize("width", [1280, 390])
def test_no_horizontal_scrolling(browser, pages, dashboards, width: int) -> None:
    for path in [*pages.values(), *dashboards.values()]:
        page = browser.page(path, width=width)
        try:
            assert page.evaluate("document.scrollingElement.scrollWidth") <= width, path.name
        finally:
            page.close()


@needs_browser
def test_injected_markup_stays_text_in_the_browser(browser, pages, dashboards) -> None:
    for path in (pages["hostile"], dashboards["both"]):
        page = browser.page(path)
        try:
            assert page.evaluate("document.querySelectorAll('script, img, iframe, svg, b, i').length") == 0
            assert "pwned" not in page.evaluate("document.title") or path == pages["hostile"]
            text = page.evaluate("document.body.innerText")
            assert "<script>document.title='pwned'</script>核对受助学生名单" in text
            assert '"><img src=x onerror="document.title=\'pwned\'">资助科' in text
        finally:
            page.close()
    page = browser.page(pages["hostile"])
    try:  # the title is shown as text, not run
        assert page.evaluate("document.title") == "</title><script>document.title='pwned'</script>2020年工作计划"
        assert page.evaluate("document.querySelectorAll('tbody tr').length") == 4
    finally:
        page.close()


BARS = """[...document.querySelectorAll('.bar')].map(bar => ({
  label: bar.getAttribute('aria-label'),
  value: Number(bar.getAttribute('aria-valuenow')),
  track: bar.getBoundingClientRect().width,
  done: bar.querySelector('.done').getBoundingClientRect().width,
  late: bar.querySelector('.late') ? bar.querySelector('.late').getBoundingClientRect().width : 0,
}))"""


@needs_browser
def test_bars_are_as_long_as_their_percentages(browser, dashboards) -> None:
    page = browser.page(dashboards["huaibei"])
    try:
        bars = page.evaluate(BARS)
    finally:
        page.close()
    # the plan, then its 11 periods; no owners in the Huaibei plan
    assert [(b["label"], b["value"]) for b in bars[:4]] == [
        ("淮北市2020年度学生资助工作月计划：完成 7%", 7),
        ("元月至二月份：完成 33%", 33),
        ("三月份：完成 50%", 50),
        ("四月份：完成 0%", 0),
    ]
    assert len(bars) == 12
    for bar in bars:
        assert bar["track"] > 100
        assert abs(bar["done"] - bar["track"] * bar["value"] / 100) <= 1, bar
    # overdue share in red: 12 of 60 for the plan, 4 of 6 in 元月至二月份
    assert abs(bars[0]["late"] - bars[0]["track"] * 12 / 60) <= 1
    assert abs(bars[1]["late"] - bars[1]["track"] * 4 / 6) <= 1


@needs_browser
def test_dashboard_shows_progress_overdue_and_due_soon(browser, dashboards) -> None:
    page = browser.page(dashboards["both"])
    try:
        rows = page.evaluate(
            "[...document.querySelectorAll('table')].map(t => [t.caption ? t.caption.innerText : '',"
            " [...t.tBodies[0].rows].map(r => [...r.cells].map(c => c.innerText.trim()).join(' | '))])"
        )
        headings = page.evaluate("[...document.querySelectorAll('h2, h3')].map(h => h.innerText)")
    finally:
        page.close()
    overview, *rest = rows
    assert overview == [
        "全部计划：完成 5/64（8%），逾期 15",
        [
            "淮北市2020年度学生资助工作月计划 | 7% | 4/60 | 12 | 1",
            "</title><script>document.title='pwned'</script>2020年工作计划 | 25% | 1/4 | 3 | ",
        ],
    ]
    owners = [table for table in rest if table[0] == "按责任单位"]
    assert owners == [
        [
            "按责任单位",
            [
                '"><img src=x onerror="document.title=\'pwned\'">资助科 | 0% | 0/2 | 2',
                "财务科 | 100% | 1/1 | ",
                "资助科 | 0% | 0/1 | 1",
            ],
        ]
    ]
    assert headings == [
        "淮北市2020年度学生资助工作月计划",
        "已逾期（12）",
        "14 天内到期（1）",
        "</title><script>document.title='pwned'</script>2020年工作计划",
        "已逾期（3）",
        "14 天内到期（0）",
    ]
    soon = [table for table in rest if table[0] == ""][1]
    assert soon[1] == [
        "5.1@5-20 | 五月份 | 每月20日前更新维护学生资助管理及建档立卡信息系统数据，"
        "28日前上报当月月点评季通报表及相关报表； | 2020-05-20 | 还有10天"
    ]


def _pdf_pages(pdf: Path) -> list[list[tuple[float, float, float, float, str]]]:
    """Words of each page as (xMin, yMin, xMax, yMax, text)."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in re.findall(r"<page[^>]*>(.*?)</page>", html, re.S):
        words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page)
        pages.append([(float(a), float(b), float(c), float(d), unescape(t)) for a, b, c, d, t in words])
    return pages


def _column_text(words, left: float, right: float) -> str:
    """The table text between two x positions, top to bottom: inside the 版心, below the 附件 label, above a note."""
    top = max((w[3] for w in words if w[4].startswith("附件")), default=0)
    bottom = min([w[1] for w in words if w[4].startswith("注：")] + [(297 - 35) * MM])
    inside = [w for w in words if left - 1 <= w[0] and w[2] <= right + 1 and top <= w[1] < bottom]
    return normalise_text("".join(w[4] for w in sorted(inside, key=lambda w: (round(w[1]), w[0]))))


@needs_browser
@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_printed_page_keeps_rows_whole_and_repeats_the_header(browser, pages, tmp_path: Path, name: str) -> None:
    page = browser.page(pages[name])
    try:
        pdf = tmp_path / f"{name}.pdf"
        pdf.write_bytes(page.pdf())
    finally:
        page.close()
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    plan = load_plan(SEED_PLANS[name]).plan
    layout = build_layout(plan)
    printed = _pdf_pages(pdf)
    # each column's words on each page, top to bottom, by the column's printed x range
    edges = [28 * MM]
    for percent in column_percentages(layout, profile_for(plan)):
        edges.append(edges[-1] + percent / 100 * 156 * MM)
    columns = [[_column_text(words, left, right) for left, right in zip(edges, edges[1:])] for words in printed]
    for number, page_columns in enumerate(columns, start=1):
        for column, text in zip(layout.columns, page_columns):
            assert text.startswith(normalise_text(column.header)), f"page {number}: no header row over {column.header}"
    # every row's task cell (and every period's group of rows) lies whole on one page
    task_column = [page_columns[1] for page_columns in columns]
    row_pages = []
    for row in layout.rows:
        row_text = normalise_text("".join(row.cells[1].paragraphs))
        # the first page from the previous row's on that holds the whole row (some tasks recur word for word)
        start = row_pages[-1] if row_pages else 0
        found = [number for number, text in enumerate(task_column) if number >= start and row_text in text]
        assert found, f"row {row_text[:20]}… is not whole on any page"
        row_pages.append(found[0])
    for index in {row.period_index for row in layout.rows}:
        assert len({p for row, p in zip(layout.rows, row_pages) if row.period_index == index}) == 1
    assert len(printed) == row_pages[-1] + 1
    assert "".join(text[len(normalise_text(layout.columns[1].header)) :] for text in task_column) == "".join(
        normalise_text("".join(row.cells[1].paragraphs)) for row in layout.rows
    )
    # page numbers — 1 — : odd pages right, even pages left, one character (14 pt) in from the 版心's edge
    for number, words in enumerate(printed, start=1):
        dashes = sorted(w for w in words if w[4] == "—" and w[1] > (297 - 35) * MM)
        assert len(dashes) == 2, f"page {number}"
        if number % 2:
            assert abs((210 - 26) * MM - dashes[1][2] - 14) < 2
        else:
            assert abs(dashes[0][0] - 28 * MM - 14) < 2
    # the type area: the 附件 label flush left at the 28 mm binding edge, on the first line under the 37 mm top
    label = [w for w in printed[0] if w[4].startswith(plan.attachment or "\0")]
    if plan.attachment:
        assert abs(label[0][0] - 28 * MM) < 1
        assert 32 * MM < label[0][1] < 37 * MM  # the word box includes the glyphs' ascent above the line
    else:
        assert label == []


@needs_browser
def test_a_period_longer_than_a_page_starts_each_page_with_its_label(browser, tmp_path: Path, cli) -> None:
    source = DATA / "html" / "long-period.yaml"
    result = cli("render", source, "-f", "html", "-o", tmp_path / "long.html")
    assert result.exit_code == 0, result.output
    page = browser.page(tmp_path / "long.html")
    try:
        pdf = tmp_path / "long.pdf"
        pdf.write_bytes(page.pdf())
    finally:
        page.close()
    plan = load_plan(source).plan
    edges = [28 * MM]
    for percent in column_percentages(build_layout(plan), profile_for(plan)):
        edges.append(edges[-1] + percent / 100 * 156 * MM)
    printed = _pdf_pages(pdf)
    assert len(printed) >= 3
    for number, words in enumerate(printed, start=4):  # style: page_number_start: 4
        period = _column_text(words, edges[0], edges[1])
        assert period.startswith("时间三月份") or period.startswith("时间四月份"), f"page {number}: {period!r}"
        # even numbers on the left, odd on the right, whichever side of the sheet the page is
        dashes = sorted(w for w in words if w[4] == "—" and w[1] > (297 - 35) * MM)
        digits = [w[4] for w in words if w[4].isdigit() and w[1] > (297 - 35) * MM]
        assert digits == [str(number)], f"page {number}"
        if number % 2:
            assert abs((210 - 26) * MM - dashes[1][2] - 14) < 2
        else:
            assert abs(dashes[0][0] - 28 * MM - 14) < 2
    tasks = "".join(_column_text(words, edges[1], edges[2]) for words in printed)
    assert tasks.count("工作内容") == len(printed)
    assert [f"第{n}项工作" in tasks for n in range(1, 41)] == [True] * 40


def test_dashboard_fails_on_overdue_when_asked_and_still_writes_the_page(in_tmp: Path, cli) -> None:
    shutil.copy(SEED_PLANS["2020-huaibei"], in_tmp / "2020-huaibei.yaml")
    args = ("status", "2020-huaibei.yaml", "-f", "html", "-o", "s.html", "--fail-on-overdue")
    result = cli(*args, "--today", "2020-01-25")
    assert (result.exit_code, result.stdout) == (1, "s.html\n")
    assert "已逾期（1）" in (in_tmp / "s.html").read_text(encoding="utf-8")
    assert cli(*args, "--today", "2020-01-10").exit_code == 0


OWNER_LINES = """(() => {
  const top = cell => { const range = document.createRange(); const text = cell.firstChild;
    range.setStart(text, 0); range.setEnd(text, 1); return range.getBoundingClientRect().top; };
  return [...document.querySelectorAll('td.owner')].map(owner => {
    const task = owner.parentElement.querySelector('td.tasks');
    return [owner.innerText, task.innerText.slice(0, 2), Math.round(top(owner) - top(task))];
  });
})()"""


@needs_browser
def test_by_period_owners_stand_level_with_their_tasks(browser, tmp_path: Path, cli) -> None:
    """One owner per task in a by-period row (市教育局计划财务科 beside task 3, after a three-line task 1): each
    owner's first line at its task's first line, as in the DOCX; the rows between them without a border."""
    result = cli("render", DATA / "widths" / "by-period-owners.yaml", "-f", "html", "-d", tmp_path)
    assert result.exit_code == 0, result.output
    html = (tmp_path / "by-period-owners.html").read_text(encoding="utf-8")
    assert '<th class="period" scope="rowgroup" rowspan="3">3月份</th>' in html
    assert '<td class="owner pair-middle">各学校</td>' in html
    # the name kept in its two parts, as the DOCX breaks it (not 市教育局计 / 划财务科)
    assert (
        '<td class="owner pair-last"><span class="part">市教育局</span><span class="part">计划财务科</span></td>'
        in html
    )
    page = browser.page(tmp_path / "by-period-owners.html", width=900)
    try:
        assert page.evaluate(OWNER_LINES) == [
            ["资助中心", "1.", 0],
            ["各学校", "2.", 0],
            ["市教育局计划财务科", "3.", 0],
        ]
    finally:
        page.close()


def test_markdown_prints_each_owner_on_its_tasks_line(tmp_path: Path, cli) -> None:
    """A by-period row's owners, one a line beside the task lines: a task without owner keeps an empty line, a
    task of two paragraphs (a sub-heading and its text) an empty line beside the second."""
    from aidplan.render.layout import Cell

    source = tmp_path / "bp.yaml"
    text = (DATA / "widths" / "by-period-owners.yaml").read_text(encoding="utf-8")
    source.write_text(text.replace("{text: 开展宣传, owner: 各学校}", "{text: 开展宣传}"), encoding="utf-8")
    result = cli("render", source, "-f", "md", "-o", "-")
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith("| 3月31日 | 资助中心<br><br>市教育局计划财务科 |")
    assert Cell(("资助中心", "各学校"), pairs=(2, 1)).lines == ("资助中心", "", "各学校")


def test_tables_of_the_same_columns_have_the_widths_of_the_docx(tmp_path: Path, cli) -> None:
    """The two terms of one plan print 时间 | 工作内容 | 负责部门 one above the other: both tables get the DOCX's
    widths, so the columns line up on the page (table 2's 时间 was a third as wide as table 1's)."""
    path = DATA / "corpus" / "2026-2027-two-terms.yaml"
    result = cli("render", path, "-f", "html", "-d", tmp_path)
    assert result.exit_code == 0, result.stderr
    cols = [tag["style"] for tag in Tags((tmp_path / f"{path.stem}.html").read_text(encoding="utf-8")).all("col")]
    plan = load_plan(path).plan
    _, widths = table_layout(plan, profile_for(plan))
    assert cols == [f"width: {round(100 * w / sum(widths), 2)}%" for w in widths] * 2
