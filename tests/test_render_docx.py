"""The DOCX attachment: seed text back in reading order, and each GB/T 9704 property read from the XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from aidplan.plan.model import normalise_text

from .conftest import DATA, SEED_PLANS
from .docx_reading import NS, W, part, reading_order


def attr(element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> dict[str, bytes]:
    from typer.testing import CliRunner

    from aidplan.cli import app

    out = tmp_path_factory.mktemp("render")
    result = CliRunner().invoke(app, ["render", *map(str, SEED_PLANS.values()), "-f", "docx", "-d", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [str(out / "2014-yueyang.docx"), str(out / "2020-huaibei.docx")]
    return {name: (out / f"{name}.docx").read_bytes() for name in SEED_PLANS}


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_docx_reads_back_as_the_published_text(rendered, name: str) -> None:
    published = normalise_text((DATA / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
    assert normalise_text("".join(reading_order(rendered[name]))) == published


def test_yueyang_opens_with_label_blank_line_and_title(rendered) -> None:
    pieces = reading_order(rendered["2014-yueyang"])
    assert pieces[:3] == ["附件：", "", "2014年学生资助管理中心工作计划表"]
    assert pieces[4:7] == ["时间", "工  作  内  容", "元月至2月份"]
    assert pieces[7] == "1、印发2014年度资助管理中心工作要点"


def test_huaibei_has_title_first_and_the_note_under_the_table(rendered) -> None:
    pieces = reading_order(rendered["2020-huaibei"])
    assert pieces[0] == "淮北市2020年度学生资助工作月计划"
    assert pieces[2:5] == ["时 序", "主要工作项目内容", "完成工作时间"]
    assert pieces[5:8] == [
        "元月至二月份",
        "1.每月20日前更新维护学生资助管理及建档立卡信息系统数据，28日前上报当月月点评季通报表及相关报表；\n"
        "2.撰写上年度资助工作总结及本年度年工作计划；\n3.谋划本年度工作。",
        "2月29日",
    ]
    assert (
        pieces[-1]
        == "注：一并做好省教育厅、市民生办、市扶贫办及市教育局安排部署的其他工作（政策如有变动以最新变动为准）。"
    )


def test_a4_page_with_the_standard_margins(rendered) -> None:
    sect = part(rendered["2014-yueyang"], "word/document.xml").find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (attr(size, "w"), attr(size, "h"), attr(size, "orient")) == ("11906", "16838", None)
    # 37 / 35 / 28 / 26 mm in twips: 版心 156 × 225 mm
    assert [attr(margins, k) for k in ("top", "bottom", "left", "right")] == ["2098", "1984", "1587", "1474"]
    grid = sect.find("w:docGrid", NS)
    assert (attr(grid, "type"), attr(grid, "linePitch")) == ("lines", "579")


def _runs_of(data: bytes, text: str):
    doc = part(data, "word/document.xml")
    return [r for r in doc.iterfind(".//w:r", NS) if "".join(r.xpath("w:t/text()", namespaces=NS)) == text]


def _font_and_size(run) -> tuple[dict[str, str | None], str | None]:
    fonts = run.find("w:rPr/w:rFonts", NS)
    names = {k: attr(fonts, k) for k in ("ascii", "hAnsi", "eastAsia", "cs", "hint")}
    return names, attr(run.find("w:rPr/w:sz", NS), "val")


def test_label_is_sanhao_heiti_flush_left(rendered) -> None:
    (run,) = _runs_of(rendered["2014-yueyang"], "附件：")
    fonts, size = _font_and_size(run)
    assert fonts == {"ascii": "黑体", "hAnsi": "黑体", "eastAsia": "黑体", "cs": "黑体", "hint": "eastAsia"}
    assert size == "32"  # 三号 16 pt
    assert attr(run.getparent().find("w:pPr/w:jc", NS), "val") == "left"


def test_title_is_erhao_xiaobiaosong_centred(rendered) -> None:
    (run,) = _runs_of(rendered["2014-yueyang"], "2014年学生资助管理中心工作计划表")
    fonts, size = _font_and_size(run)
    assert fonts["eastAsia"] == fonts["ascii"] == "方正小标宋简体"
    assert size == "44"  # 二号 22 pt
    assert attr(run.getparent().find("w:pPr/w:jc", NS), "val") == "center"


def test_cells_are_sihao_fangsong_and_header_heiti(rendered) -> None:
    (task,) = _runs_of(rendered["2014-yueyang"], "1、印发2014年度资助管理中心工作要点")
    assert _font_and_size(task) == (
        {
            "ascii": "仿宋_GB2312",
            "hAnsi": "仿宋_GB2312",
            "eastAsia": "仿宋_GB2312",
            "cs": "仿宋_GB2312",
            "hint": "eastAsia",
        },
        "28",
    )
    (header,) = _runs_of(rendered["2014-yueyang"], "工  作  内  容")
    assert _font_and_size(header)[0]["eastAsia"] == "黑体"
    assert _font_and_size(header)[1] == "28"


def test_document_defaults_name_chinese_fonts_not_theme_fonts(rendered) -> None:
    styles = part(rendered["2014-yueyang"], "word/styles.xml")
    fonts = styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert attr(fonts, "eastAsia") == "仿宋_GB2312"
    assert not [k for k in fonts.attrib if k.endswith("Theme") or k.endswith("theme")]
    assert attr(styles.find("w:docDefaults/w:rPrDefault/w:rPr/w:lang", NS), "eastAsia") == "zh-CN"


def test_header_row_repeats_and_no_row_splits(rendered) -> None:
    rows = part(rendered["2014-yueyang"], "word/document.xml").findall(".//w:tbl/w:tr", NS)
    assert len(rows) == 1 + 59  # header + one row per task (5+7+6+6+6+8+5+5+4+7)
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True] + [False] * 59
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    # schema order inside trPr: cantSplit before tblHeader
    assert [c.tag.split("}")[1] for c in rows[0].find("w:trPr", NS)] == ["cantSplit", "tblHeader"]


def test_period_cell_is_merged_over_its_tasks(rendered) -> None:
    rows = part(rendered["2014-yueyang"], "word/document.xml").findall(".//w:tbl/w:tr", NS)
    merges = [attr(r.find("w:tc/w:tcPr/w:vMerge", NS), "val") or "continue" for r in rows[1:]]
    assert merges[:6] == ["restart", "continue", "continue", "continue", "continue", "restart"]
    assert merges.count("restart") == 10  # ten periods
    # a period is kept on one page: every row but its last keeps with the next
    keep = [r.find("w:tc/w:p/w:pPr/w:keepNext", NS) is not None for r in rows[1:7]]
    assert keep == [True, True, True, True, False, True]


def test_by_period_rows_hold_numbered_paragraphs_and_a_deadline(rendered) -> None:
    rows = part(rendered["2020-huaibei"], "word/document.xml").findall(".//w:tbl/w:tr", NS)
    assert len(rows) == 1 + 11
    cells = rows[3].findall("w:tc", NS)  # 四月份
    paragraphs = ["".join(p.xpath(".//w:t/text()", namespaces=NS)) for p in cells[1].findall("w:p", NS)]
    assert len(paragraphs) == 5 and paragraphs[4] == "5.制定学生资助实施办法。"
    assert "".join(cells[2].xpath(".//w:t/text()", namespaces=NS)) == "4月30日"
    assert rows[3].find(".//w:vMerge", NS) is None


def test_column_widths_agree_for_word_and_libreoffice(rendered) -> None:
    for data in rendered.values():
        table = part(data, "word/document.xml").find(".//w:tbl", NS)
        grid = [int(attr(c, "w")) for c in table.findall("w:tblGrid/w:gridCol", NS)]
        assert sum(grid) == int(attr(table.find("w:tblPr/w:tblW", NS), "w"))
        assert attr(table.find("w:tblPr/w:tblW", NS), "type") == "dxa"
        assert attr(table.find("w:tblPr/w:tblLayout", NS), "type") == "fixed"
        assert abs(sum(grid) - 8844) <= 2  # the 156 mm 版心
        for row in table.findall("w:tr", NS):
            assert [int(attr(tc.find("w:tcPr/w:tcW", NS), "w")) for tc in row.findall("w:tc", NS)] == grid


def test_borders_are_half_point_black_lines(rendered) -> None:
    borders = part(rendered["2020-huaibei"], "word/document.xml").find(".//w:tblPr/w:tblBorders", NS)
    assert [(c.tag.split("}")[1], attr(c, "val"), attr(c, "sz"), attr(c, "color")) for c in borders] == [
        (edge, "single", "4", "000000") for edge in ("top", "left", "bottom", "right", "insideH", "insideV")
    ]


def _footer(data: bytes, kind: str):
    doc = part(data, "word/document.xml")
    rels = part(data, "word/_rels/document.xml.rels")
    ref = doc.find(f".//w:sectPr/w:footerReference[@w:type='{kind}']", NS)
    rid = ref.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
    target = rels.find(
        f"{{http://schemas.openxmlformats.org/package/2006/relationships}}Relationship[@Id='{rid}']"
    ).get("Target")
    return part(data, f"word/{target}").find("w:p", NS)


def test_page_numbers_dash_one_dash_odd_right_even_left(rendered) -> None:
    data = rendered["2014-yueyang"]
    assert part(data, "word/settings.xml").find("w:evenAndOddHeaders", NS) is not None
    for kind, side, indent in (("default", "right", "right"), ("even", "left", "left")):
        paragraph = _footer(data, kind)
        assert attr(paragraph.find("w:pPr/w:jc", NS), "val") == side
        assert attr(paragraph.find("w:pPr/w:ind", NS), indent) == "280"  # one 四号 character
        pieces = []
        for run in paragraph.findall("w:r", NS):
            for child in run:
                tag = child.tag.split("}")[1]
                if tag == "t":
                    pieces.append(child.text)
                elif tag == "fldChar":
                    pieces.append(attr(child, "fldCharType"))
                elif tag == "instrText":
                    pieces.append(child.text.strip())
            fonts, size = _font_and_size(run)
            assert (fonts["eastAsia"], size) == ("宋体", "28")
        assert pieces == ["— ", "begin", "PAGE", "separate", "1", "end", " —"]


def test_same_plan_gives_byte_identical_docx(rendered, tmp_path: Path, cli) -> None:
    result = cli("render", SEED_PLANS["2014-yueyang"], "-f", "docx", "-o", tmp_path / "again.docx")
    assert result.exit_code == 0
    assert (tmp_path / "again.docx").read_bytes() == rendered["2014-yueyang"]


def test_document_properties_are_fixed(rendered) -> None:
    core = part(rendered["2014-yueyang"], "docProps/core.xml")
    values = {child.tag.split("}")[1]: child.text for child in core}
    assert values["title"] == "2014年学生资助管理中心工作计划表"
    assert values["created"] == values["modified"] == "2014-01-01T00:00:00Z"


def test_landscape_uses_the_margins_of_section_8(cli, tmp_path: Path) -> None:
    out = tmp_path / "wide.docx"
    assert (
        cli("render", SEED_PLANS["2020-huaibei"], "-f", "docx", "--orientation", "landscape", "-o", out).exit_code == 0
    )
    data = out.read_bytes()
    sect = part(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    size, margins = sect.find("w:pgSz", NS), sect.find("w:pgMar", NS)
    assert (attr(size, "w"), attr(size, "h"), attr(size, "orient")) == ("16838", "11906", "landscape")
    assert [attr(margins, k) for k in ("top", "bottom", "left", "right")] == ["1587", "1474", "1984", "2098"]
    table = part(data, "word/document.xml").find(".//w:tbl", NS)
    assert abs(int(attr(table.find("w:tblPr/w:tblW", NS), "w")) - 12756) <= 2  # 225 mm 版心


PLAN_WITH_STYLE = """title: 工作计划表
year: 2024
attachment: 附件1
style:
  cell_font_size: 小四
  line_spacing: 18
  page_number_start: 5
periods:
  - label: 3月份
    tasks: [开展月巡视]
"""


def test_plan_style_overrides(cli, in_tmp: Path) -> None:
    (in_tmp / "plan.yaml").write_text(PLAN_WITH_STYLE, encoding="utf-8")
    assert cli("render", "plan.yaml", "-f", "docx", "-o", "plan.docx").exit_code == 0
    data = (in_tmp / "plan.docx").read_bytes()
    (run,) = _runs_of(data, "1、开展月巡视")
    assert _font_and_size(run)[1] == "24"  # 小四 12 pt
    spacing = run.getparent().find("w:pPr/w:spacing", NS)
    assert (attr(spacing, "line"), attr(spacing, "lineRule")) == ("360", "exact")
    sect = part(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    assert attr(sect.find("w:pgNumType", NS), "start") == "5"
    assert [c.tag.split("}")[1] for c in sect][-3:] == ["pgNumType", "cols", "docGrid"]
    assert reading_order(data)[0] == "附件1"


def test_a_period_longer_than_a_page_prints_its_label_again(cli, in_tmp: Path) -> None:
    tasks = "\n".join(
        f"      - 第{i}项工作：组织全市各级各类学校学生资助工作人员业务培训并做好记录" for i in range(1, 61)
    )
    (in_tmp / "long.yaml").write_text(
        f"title: 工作计划表\nyear: 2024\nperiods:\n  - label: 3月份\n    tasks:\n{tasks}\n", encoding="utf-8"
    )
    assert cli("render", "long.yaml", "-f", "docx", "-o", "long.docx").exit_code == 0
    rows = part((in_tmp / "long.docx").read_bytes(), "word/document.xml").findall(".//w:tbl/w:tr", NS)[1:]
    starts = [i for i, r in enumerate(rows) if attr(r.find("w:tc/w:tcPr/w:vMerge", NS), "val") == "restart"]
    assert len(starts) >= 3  # 60 two-line tasks take three or more pages
    for start in starts:
        assert "".join(rows[start].find("w:tc", NS).xpath(".//w:t/text()", namespaces=NS)) == "3月份"
    # each block is kept together; the last row of a block does not keep with the next
    for start, end in zip(starts, starts[1:] + [len(rows)]):
        keeps = [r.find("w:tc/w:p/w:pPr/w:keepNext", NS) is not None for r in rows[start:end]]
        assert keeps == [True] * (end - start - 1) + [False]


def test_cell_text_is_off_the_body_grid(rendered) -> None:
    """LibreOffice snaps lines to the 28.95 pt document grid unless told not to; cells use their own 20 pt."""
    doc = part(rendered["2014-yueyang"], "word/document.xml")
    cell_paragraphs = doc.findall(".//w:tbl//w:p", NS)
    assert cell_paragraphs
    for paragraph in cell_paragraphs:
        ppr = paragraph.find("w:pPr", NS)
        assert attr(ppr.find("w:snapToGrid", NS), "val") == "0"
        assert (attr(ppr.find("w:spacing", NS), "line"), attr(ppr.find("w:spacing", NS), "lineRule")) == (
            "400",
            "exact",
        )
        tags = [child.tag.split("}")[1] for child in ppr]
        assert tags.index("snapToGrid") == tags.index("spacing") - 1  # CT_PPr order
