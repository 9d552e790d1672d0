"""The office's own Word template: both seeds through the shipped notice, a template typed the way Word
saves it (tags split across runs), and every template error with its exact located message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from aidplan.plan.model import normalise_text

from .conftest import DATA, ROOT, SEED_PLANS
from .docx_reading import NS, W, part, reading_order

NOTICE = ROOT / "templates" / "notice.docx"
DATES = {"2014-yueyang": "2014-02-10", "2020-huaibei": "2020-02-10"}
ORGS = {"2014-yueyang": [], "2020-huaibei": ["--set", "org=淮北市学生资助管理中心"]}


def attr(element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}")


def last_footers(data: bytes) -> dict[str, list[str]]:
    """The paragraphs of the footers the last section names, by kind (default/even)."""
    doc = part(data, "word/document.xml")
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {rel.get("Id"): rel.get("Target") for rel in rels}
    r_id = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
    footers = {}
    for ref in doc.findall(".//w:body/w:sectPr/w:footerReference", NS):
        footer = part(data, "word/" + targets[ref.get(r_id)])
        footers[attr(ref, "type")] = [
            "".join(
                e.text or "" if e.tag == f"{{{W}}}t" else "\t"
                for e in p.xpath(".//w:r/w:t|.//w:r/w:tab", namespaces=NS)
            )
            for p in footer.iterfind(".//w:p", NS)
        ]
    return footers


@pytest.fixture(scope="module")
def notices(tmp_path_factory) -> dict[str, bytes]:
    from typer.testing import CliRunner

    from aidplan.cli import app

    out = tmp_path_factory.mktemp("notice")
    rendered = {}
    for name, plan in SEED_PLANS.items():
        args = ["render", str(plan), "-f", "docx", "-d", str(out), "--docx-template", str(NOTICE)]
        result = CliRunner().invoke(app, [*args, "--date", DATES[name], *ORGS[name]])
        assert result.exit_code == 0, result.output
        assert result.stdout.splitlines() == [str(out / f"{name}.docx")]
        rendered[name] = (out / f"{name}.docx").read_bytes()
    return rendered


@pytest.fixture(scope="module")
def defaults(tmp_path_factory) -> dict[str, bytes]:
    from aidplan.commands.render import render_plans

    out = tmp_path_factory.mktemp("default")
    render_plans(list(SEED_PLANS.values()), ["docx"], out_dir=out)
    return {name: (out / f"{name}.docx").read_bytes() for name in SEED_PLANS}


def test_yueyang_notice_text(notices) -> None:
    pieces = reading_order(notices["2014-yueyang"])
    assert pieces[:30] == [
        "岳阳市学生资助管理中心文件",
        "",
        "",
        "资助〔2014〕1号",
        "",
        "",
        "关于印发《2014年学生资助管理中心工作计划表》的通知",
        "",
        "各县（市、区）学生资助管理中心，各有关学校：",
        "现将《2014年学生资助管理中心工作计划表》印发给你们，请结合实际，认真抓好落实。"
        "全年工作分10个时段、共59项，各时段安排如下：",
        "（一）元月至2月份：5项工作。",
        "（二）3月份：7项工作。",
        "（三）4月份：6项工作。",
        "（四）5月份：6项工作。",
        "（五）6月份：6项工作。",
        "（六）7月份至8月份：8项工作。",
        "（七）9月份：5项工作。",
        "（八）10月份：5项工作。",
        "（九）11月份：4项工作。",
        "（十）12月份：7项工作。",
        "执行中遇到的问题，请及时与岳阳市学生资助管理中心联系。",
        "",
        "附件：2014年学生资助管理中心工作计划表",
        "",
        "",
        "",
        "岳阳市学生资助管理中心",
        "2014年2月10日",
        "附件",
        "",
    ]
    assert pieces[30] == "2014年学生资助管理中心工作计划表"
    assert pieces[-1] == ""  # the last section's one empty paragraph: the 版记 is in its footers
    assert last_footers(notices["2014-yueyang"]) == {
        kind: ["抄送：市教育局，市财政局。", "岳阳市学生资助管理中心\t2014年2月10日印发", "", "— 1 —"]
        for kind in ("default", "even")
    }


def test_huaibei_notice_text_with_set_values_and_eleven_groups(notices) -> None:
    pieces = reading_order(notices["2020-huaibei"])
    assert pieces[0] == "淮北市学生资助管理中心文件"
    assert pieces[3] == "资助〔2020〕1号"
    assert pieces[10] == "（一）元月至二月份：3项工作，2月29日前完成。"
    assert pieces[20] == "（十一）十二月：3项工作，12月31日前完成。"
    assert pieces[21] == "执行中遇到的问题，请及时与淮北市学生资助管理中心联系。"
    assert pieces[27:32] == ["淮北市学生资助管理中心", "2020年2月10日", "附件", "", "淮北市2020年度学生资助工作月计划"]
    assert last_footers(notices["2020-huaibei"])["even"][1] == "淮北市学生资助管理中心\t2020年2月10日印发"


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_the_attachment_is_the_published_table_text_exact(notices, defaults, name: str) -> None:
    """From the 附件 title on, the notice reads exactly as the default render (and so as the published plan)."""
    notice, default = reading_order(notices[name]), reading_order(defaults[name])
    title = notice.index(default[default.index(default[0] if name == "2020-huaibei" else default[2])])
    start = 0 if name == "2020-huaibei" else 2
    table = default[start:]
    assert notice[title : title + len(table)] == table
    assert notice[title - 2 : title] == ["附件", ""]  # label flush left on line 1, line 2 empty (std 7.3.7)
    published = normalise_text((DATA / "seeds" / f"{name}.txt").read_text(encoding="utf-8"))
    label = "附件：" if name == "2014-yueyang" else ""
    assert normalise_text(label + "".join(table)) == published


def _table(data: bytes):
    return part(data, "word/document.xml").find(".//w:body/w:tbl", NS)


@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_table_layout_properties_as_in_the_default_render(notices, defaults, name: str) -> None:
    ours, theirs = _table(notices[name]), _table(defaults[name])
    rows = ours.findall("w:tr", NS)
    # header repeat on the first row only, no row split anywhere
    assert [r.find("w:trPr/w:tblHeader", NS) is not None for r in rows] == [True] + [False] * (len(rows) - 1)
    assert all(r.find("w:trPr/w:cantSplit", NS) is not None for r in rows)
    # fixed widths in the grid (LibreOffice) and on every cell (Word), the same as the default render's
    grid = [attr(c, "w") for c in ours.findall("w:tblGrid/w:gridCol", NS)]
    assert grid == [attr(c, "w") for c in theirs.findall("w:tblGrid/w:gridCol", NS)]
    for row in rows:
        assert [attr(c.find("w:tcPr/w:tcW", NS), "w") for c in row.findall("w:tc", NS)] == grid
    assert attr(ours.find("w:tblPr/w:tblLayout", NS), "type") == "fixed"
    assert attr(ours.find("w:tblPr/w:tblW", NS), "w") == str(sum(int(w) for w in grid))
    borders = ours.find("w:tblPr/w:tblBorders", NS)
    assert {(attr(b, "val"), attr(b, "sz")) for b in borders} == {("single", "4")}
    # the same rows: merges and the page-filling splits (a period longer than a page starts again with its label)
    merges = [[attr(m, "val") for m in r.iterfind("w:tc/w:tcPr/w:vMerge", NS)] for r in rows]
    assert merges == [
        [attr(m, "val") for m in r.iterfind("w:tc/w:tcPr/w:vMerge", NS)] for r in theirs.iter(f"{{{W}}}tr")
    ]
    keeps = [bool(r.xpath(".//w:keepNext", namespaces=NS)) for r in rows]
    assert keeps == [bool(r.xpath(".//w:keepNext", namespaces=NS)) for r in theirs.iter(f"{{{W}}}tr")]
    assert len(rows) == len(theirs.findall("w:tr", NS))


def test_yueyang_period_cells_merge_down_their_tasks(notices) -> None:
    rows = _table(notices["2014-yueyang"]).findall("w:tr", NS)
    first_column = [r.find("w:tc/w:tcPr/w:vMerge", NS) for r in rows[1:7]]
    assert [attr(m, "val") for m in first_column[:5]] == ["restart", None, None, None, None]
    assert attr(first_column[5], "val") == "restart"  # 3月份 starts its own merge


def test_table_paragraphs_do_not_take_the_templates_first_line_indent(notices) -> None:
    table = _table(notices["2014-yueyang"])
    for paragraph in table.iter(f"{{{W}}}p"):
        ind = paragraph.find("w:pPr/w:ind", NS)
        assert (attr(ind, "firstLineChars"), attr(ind, "firstLine"), attr(ind, "leftChars")) == ("0", "0", "0")


def test_the_templates_page_setup_headers_and_footers_are_kept(notices) -> None:
    for data in notices.values():
        sect = part(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
        margins = sect.find("w:pgMar", NS)
        assert [attr(margins, k) for k in ("top", "bottom", "left", "right")] == ["2098", "1984", "1587", "1474"]
        kinds = sorted(attr(ref, "type") for ref in sect.findall("w:footerReference", NS))
        assert kinds == ["default", "even"]
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        footers = [part(data, n) for n in names if n.startswith("word/footer")]
        # the odd/even page numbers, and the same again under the 版记 in the last section's own footers
        assert sorted("".join(f.xpath(".//w:instrText/text()", namespaces=NS)) for f in footers) == [" PAGE "] * 4


def test_the_red_mark_and_the_red_rule(notices) -> None:
    doc = part(notices["2014-yueyang"], "word/document.xml")
    mark = next(r for r in doc.iterfind(".//w:r", NS) if "".join(r.xpath("w:t/text()", namespaces=NS)).endswith("文件"))
    assert attr(mark.find("w:rPr/w:color", NS), "val") == "FF0000"
    assert attr(mark.find("w:rPr/w:rFonts", NS), "eastAsia") == "方正小标宋简体"
    number = next(
        p for p in doc.iterfind(".//w:p", NS) if "".join(p.xpath(".//w:t/text()", namespaces=NS)) == "资助〔2014〕1号"
    )
    rule = number.find("w:pPr/w:pBdr/w:bottom", NS)
    assert (attr(rule, "color"), attr(rule, "sz")) == ("FF0000", "12")


def test_same_inputs_same_bytes(tmp_path: Path, notices) -> None:
    import datetime as dt

    from aidplan.plan.loading import load_plan
    from aidplan.render.notice import render_notice

    plan = load_plan(SEED_PLANS["2014-yueyang"]).plan
    once = render_notice(NOTICE, plan, day=dt.date(2014, 2, 10))
    assert once == render_notice(NOTICE, plan, day=dt.date(2014, 2, 10)) == notices["2014-yueyang"]


def _canonical(data: bytes) -> dict[str, bytes]:
    from lxml import etree

    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: etree.tostring(etree.fromstring(archive.read(name)), method="c14n")
        if name.endswith((".xml", ".rels"))
        else archive.read(name)
        for name in archive.namelist()
    }


def test_the_shipped_template_is_what_the_generator_makes() -> None:
    """The committed templates/notice.docx is the generator's output (XML compared canonically)."""
    import runpy

    build = runpy.run_path(str(ROOT / "scripts" / "make_notice_template.py"))["build"]
    assert _canonical(build()) == _canonical(NOTICE.read_bytes())


def test_default_render_is_untouched_by_the_template_machinery(tmp_path: Path, notices) -> None:
    """docxcompose rebinds python-docx's "cp" prefix when imported; after a notice render (the fixture) the
    default render still writes the same bytes as in a fresh process (checked against a subprocess)."""
    import subprocess
    import sys

    from docx.oxml.ns import nsmap

    from aidplan.commands.render import render_plans

    assert nsmap["cp"] == "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    render_plans([SEED_PLANS["2014-yueyang"]], ["docx"], out_dir=tmp_path / "here")
    fresh = tmp_path / "fresh"
    command = [
        sys.executable,
        "-m",
        "aidplan",
        "render",
        str(SEED_PLANS["2014-yueyang"]),
        "-f",
        "docx",
        "-d",
        str(fresh),
    ]
    subprocess.run(command, check=True, capture_output=True)
    assert (tmp_path / "here" / "2014-yueyang.docx").read_bytes() == (fresh / "2014-yueyang.docx").read_bytes()
    for data in notices.values():
        core = part(data, "docProps/core.xml")
        assert {element.tag.split("}")[0] for element in core if "keywords" in element.tag} <= {
            "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
        }


# -- a template typed in Word ----------------------------------------------------------------------------

RSID = 'w:rsidR="00B7E3A1" w:rsidRDefault="00C41F2D" w:rsidP="00C41F2D"'


def run(text: str, east_asia: str | None = None, rsid: str = "00C41F2D") -> str:
    fonts = f'<w:rPr><w:rFonts w:hint="eastAsia" w:eastAsia="{east_asia}"/></w:rPr>' if east_asia else ""
    return f'<w:r w:rsidR="{rsid}">{fonts}<w:t xml:space="preserve">{text}</w:t></w:r>'


def para(*pieces: str, style: str = "") -> str:
    """A paragraph the way Word saves one: runs cut where the typing paused, proofErr marks, rsids."""
    ppr = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    return f"<w:p {RSID}>{ppr}{''.join(pieces)}</w:p>"


SPELL = '<w:proofErr w:type="spellStart"/>'
SPELL_END = '<w:proofErr w:type="spellEnd"/>'


def word_template(tmp_path: Path, body: list[str], name: str = "office.docx") -> Path:
    """A .docx with this body, a header and a footer of its own, Normal indented two characters."""
    from docx import Document
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = ""
    header = section.header.paragraphs[0]._p
    header.addnext(parse_xml(f"<w:p {nsdecls('w')}>{run('{{ o', rsid='00D1')}{run('rg }}内部文件')}</w:p>"))
    header.getparent().remove(header)
    section.footer.paragraphs[0].text = "第 页"
    normal = document.styles["Normal"].element.get_or_add_pPr()
    ind = normal.get_or_add_ind()
    ind.set(qn("w:firstLineChars"), "200")
    ind.set(qn("w:firstLine"), "640")
    xml = "".join(body)
    body_element = document.element.body
    for child in list(body_element):
        if child.tag != qn("w:sectPr"):
            body_element.remove(child)
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{xml}</w:body>")
    for child in list(fragment):
        body_element.find(qn("w:sectPr")).addprevious(child)
    path = tmp_path / name
    document.save(path)
    return path


def office_body(*extra: str, table: bool = True) -> list[str]:
    return [
        para(run("{{", rsid="00A1"), run(" org }}"), run("关于印发《", "仿宋_GB2312")),
        para(run("{{ plan.", rsid="00A2"), SPELL, run("title", rsid="00A3"), SPELL_END, run(" }}》的"), run("通知")),
        para(run("{%p for g in ", rsid="00A4"), SPELL, run("plan.groups"), SPELL_END, run(" %}")),
        para(run("{{ g.", rsid="00A5"), run("label }}："), run("{{ g.tasks|", rsid="00A6"), run("length }}项")),
        para(run("{%p end"), run("for %}", rsid="00A7")),
        para(run("附件"), run("：{{ plan.title }}", rsid="00A8")),
        *extra,
        *(
            [para(run("{{p ", rsid="00A9"), SPELL, run("plan_table"), SPELL_END, run(" }}", rsid="00AA"))]
            if table
            else []
        ),
    ]


@pytest.fixture
def yueyang():
    from aidplan.plan.loading import load_plan

    return load_plan(SEED_PLANS["2014-yueyang"]).plan


def test_a_template_typed_in_word_renders(tmp_path: Path, yueyang) -> None:
    import datetime as dt

    from aidplan.render.notice import check_template, render_notice

    template = word_template(tmp_path, office_body())
    assert check_template(template) == []
    data = render_notice(template, yueyang, day=dt.date(2014, 2, 10))
    pieces = reading_order(data)
    assert pieces[:4] == [
        "岳阳市学生资助管理中心关于印发《",
        "2014年学生资助管理中心工作计划表》的通知",
        "元月至2月份：5项",
        "3月份：7项",
    ]
    assert pieces[12] == "附件：2014年学生资助管理中心工作计划表"
    assert pieces[14:17] == ["时间", "工  作  内  容", "元月至2月份"]  # the spacer line, then the table
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    headers = ["".join(part(data, n).xpath(".//w:t/text()", namespaces=NS)) for n in names if "header" in n]
    footers = ["".join(part(data, n).xpath(".//w:t/text()", namespaces=NS)) for n in names if "footer" in n]
    assert headers == ["岳阳市学生资助管理中心内部文件"]
    assert footers == ["第 页"]
    # the template's own page (python-docx's Letter page) is what the table was fitted to
    sect = part(data, "word/document.xml").find(".//w:body/w:sectPr", NS)
    assert attr(sect.find("w:pgSz", NS), "w") == "12240"
    grid = [int(attr(c, "w")) for c in _table(data).findall("w:tblGrid/w:gridCol", NS)]
    margins = sect.find("w:pgMar", NS)
    assert sum(grid) == 12240 - int(attr(margins, "left")) - int(attr(margins, "right")) == 8640  # not 8844


def _messages(tmp_path: Path, body: list[str], name: str = "office.docx") -> list[str]:
    from aidplan.render.notice import check_template

    return [str(f) for f in check_template(word_template(tmp_path, body, name))]


def test_unknown_variable_names_its_paragraph(tmp_path: Path) -> None:
    body = office_body(para(run("{{ plan.titel }}"), run("和{{ "), run("orgname }}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{{{ plan.titel }}}}和{{{{ orgname }}}}”: error[E501]: "
        "未知的变量“plan.titel”（是不是“plan.title”？）；"
        "plan 的属性有：attachment、groups、layout、notes、organisation、tasks、title、year",
        f"{path}:¶7 “{{{{ plan.titel }}}}和{{{{ orgname }}}}”: error[E501]: "
        "未知的变量“orgname”（是不是“org”？）；可用的变量有：attachment_label、date、groups、org、plan、plan_table、tasks、title、year",
    ]


def test_unknown_attribute_of_a_loop_variable(tmp_path: Path) -> None:
    body = office_body(para(run("{%p for t in tasks %}")), para(run("{{ t.txt }}")), para(run("{%p endfor %}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶8 “{{{{ t.txt }}}}”: error[E501]: 未知的变量“t.txt”（是不是“t.text”？）；"
        "t 的属性有：deadline、headings、id、number、numbered、owner、text",
    ]


def test_a_tag_split_across_paragraphs(tmp_path: Path) -> None:
    body = office_body(para(run("{{ plan."), run("year")), para(run(" }}年")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{{{ plan.year”: error[E502]: 标签“{{{{ plan.year”在本段没有结束（缺少“}}}}”）："
        "Word 把它拆到了下一段（“}}”在¶8），docxtpl 无法拼合；请把整个标签在同一段里重新输入",
    ]


def test_a_tag_left_without_its_end_and_an_end_without_its_tag(tmp_path: Path) -> None:
    body = office_body(para(run("{{ plan.year 年")), para(run("共{{ tasks|length }}项 }}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{{{ plan.year 年”: error[E502]: "
        "标签“{{ plan.year 年”在本段没有结束（缺少“}}”）：请补上结尾的“}}”",
        f"{path}:¶8 “共{{{{ tasks|length }}}}项 }}}}”: error[E502]: “}}}}”前面没有开头的标签；请删掉它，或补上开头",
    ]


def test_full_width_braces(tmp_path: Path) -> None:
    body = office_body(para(run("｛｛ year ｝｝年")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “｛｛ year ｝｝年”: error[E502]: 标签用了全角的花括号或百分号（｛｛ ｝｝ ％），"
        "Jinja2 只认半角的 {{ }} 和 {% %}；请关掉输入法的全角符号重新输入",
    ]


def test_a_loop_left_open(tmp_path: Path) -> None:
    body = office_body(para(run("{%p for t in "), run("tasks %}")), para(run("{{ t.text }}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{%p for t in tasks %}}”: error[E503]: "
        "循环“{%p for t in tasks %}”没有结束：缺少“{% endfor %}”",
    ]


def test_names_are_still_checked_in_a_template_with_a_loop_left_open(tmp_path: Path) -> None:
    body = office_body(para(run("{%p for t in tasks %}")), para(run("{{ t.text }}{{ plan.titel }}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{%p for t in tasks %}}”: error[E503]: "
        "循环“{%p for t in tasks %}”没有结束：缺少“{% endfor %}”",
        f"{path}:¶8 “{{{{ t.text }}}}{{{{ plan.titel }}}}”: error[E501]: "
        "未知的变量“plan.titel”（是不是“plan.title”？）；"
        "plan 的属性有：attachment、groups、layout、notes、organisation、tasks、title、year",
    ]


def test_a_wrong_end(tmp_path: Path) -> None:
    body = office_body(para(run("{%p for t in tasks %}")), para(run("{{ t.text }}")), para(run("{%p endif %}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶9 “{{%p endif %}}”: error[E503]: "
        "“{%p endif %}”不能结束¶7的“{%p for t in tasks %}”：循环要先用“{% endfor %}”结束",
    ]


def test_placeholder_in_a_header(tmp_path: Path) -> None:
    from docx import Document

    from aidplan.render.notice import check_template

    template = word_template(tmp_path, office_body())
    document = Document(template)
    document.sections[0].header.paragraphs[0].add_run("{{p plan_table }}")
    document.save(template)
    assert [str(f) for f in check_template(template)] == [
        f"{template}:页眉1¶1 “{{{{ org }}}}内部文件{{{{p plan_table }}}}”: error[E506]: "
        "表格占位符不能放在页眉里，请放在正文里附件标题的下一段",
    ]


def test_an_end_without_its_start(tmp_path: Path) -> None:
    body = office_body(para(run("{%p endif %}")))
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{%p endif %}}”: error[E503]: “{{%p endif %}}”前面没有对应的“{{% if … %}}”"
    ]


def test_placeholder_missing(tmp_path: Path) -> None:
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, office_body(table=False)) == [
        f"{path}: error[E504]: 模板里没有放计划表格的占位符：在附件标题下面单独一段输入“{{{{p plan_table }}}}”",
    ]


def test_placeholder_used_twice(tmp_path: Path) -> None:
    body = office_body() + [para(run("{{p plan_table }}"))]
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶8 “{{{{p plan_table }}}}”: error[E505]: 表格占位符用了不止一次（第一次在¶7）；计划表格只能放一处",
    ]


def test_placeholder_inside_a_loop(tmp_path: Path) -> None:
    body = office_body(table=False) + [
        para(run("{%p for g in groups %}")),
        para(run("{{p plan_table }}")),
        para(run("{%p endfor %}")),
    ]
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶8 “{{{{p plan_table }}}}”: error[E505]: 表格占位符在循环里，表格会插入多次；请把它移到循环外",
    ]


def test_placeholder_without_p_or_with_other_text(tmp_path: Path) -> None:
    body = office_body(table=False) + [para(run("{{ plan_table }}")), para(run("见下表：{{p plan_table }}"))]
    path = tmp_path / "office.docx"
    assert _messages(tmp_path, body) == [
        f"{path}:¶7 “{{{{ plan_table }}}}”: error[E506]: 表格占位符要写成“{{{{p plan_table }}}}”：p 表示整段换成表格，"
        "少了它表格会被塞进一行文字里",
        f"{path}:¶8 “见下表：{{{{p plan_table }}}}”: error[E506]: "
        "表格占位符所在的段落还有别的文字，渲染时整段都会换成表格；请让“{{p plan_table }}”单独占一段",
        f"{path}:¶8 “见下表：{{{{p plan_table }}}}”: error[E505]: "
        "表格占位符用了不止一次（第一次在¶7）；计划表格只能放一处",
    ]


def test_not_a_docx(tmp_path: Path) -> None:
    from aidplan.render.notice import check_template

    old = tmp_path / "notice.doc.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    assert [str(f) for f in check_template(old)] == [
        f"{old}: error[E500]: 不是 Word 文档（.docx）：这是旧的 .doc/.wps 格式，请在 Word 或 WPS 里另存为 .docx"
    ]


def test_render_with_a_broken_template_writes_nothing(tmp_path: Path, cli) -> None:
    template = word_template(tmp_path, office_body(table=False))
    out = tmp_path / "out"
    result = cli("render", SEED_PLANS["2014-yueyang"], "--docx-template", template, "-d", out)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        f"{template}: error[E504]: 模板里没有放计划表格的占位符：在附件标题下面单独一段输入“{{{{p plan_table }}}}”",
        f"aidplan: 模板 {template} 有 1 个错误，没有生成任何文件",
    ]
    assert not out.exists()


def test_check_validates_a_template_named_on_the_command_line(tmp_path: Path, cli) -> None:
    template = word_template(tmp_path, office_body(para(run("{{ plan.titel }}"))))
    result = cli("check", NOTICE, template)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{template}:¶7 “{{{{ plan.titel }}}}”: error[E501]: 未知的变量“plan.titel”（是不是“plan.title”？）；"
        "plan 的属性有：attachment、groups、layout、notes、organisation、tasks、title、year"
    ]
    assert result.stderr.splitlines()[-1] == "检查了 2 个文件：1 个错误，0 个警告"


def test_set_values_are_known_variables_and_bad_ones_are_refused(tmp_path: Path, cli) -> None:
    template = word_template(tmp_path, office_body(para(run("{{ doc_number }}"))))
    out = tmp_path / "out"
    base = ["render", SEED_PLANS["2014-yueyang"], "-f", "docx", "-d", out, "--docx-template", template]
    result = cli(*base, "--set", "doc_number=岳资助〔2014〕3号")
    assert result.exit_code == 0, result.output
    assert "岳资助〔2014〕3号" in reading_order((out / "2014-yueyang.docx").read_bytes())
    result = cli(*base, "--set", "文号=3")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "aidplan: --set 的“文号=3”看不懂；请写成 名字=值，名字用英文字母、数字和下划线，如 doc_number=资助〔2020〕3号"
    )


# -- the project config names the template ---------------------------------------------------------------


@pytest.fixture
def project(in_tmp: Path) -> Path:
    """A repository with its plans, an office template in office/ and a config naming it (relative to it)."""
    import shutil

    (in_tmp / "plans").mkdir()
    shutil.copy(SEED_PLANS["2014-yueyang"], in_tmp / "plans" / "2014-yueyang.yaml")
    (in_tmp / "office").mkdir()
    shutil.copy(NOTICE, in_tmp / "office" / "通知.docx")
    (in_tmp / "aidplan.toml").write_text('docx_template = "office/通知.docx"\n', encoding="utf-8")
    (in_tmp / "docs").mkdir()
    return in_tmp


def test_render_fills_the_template_the_config_names(cli, project: Path, notices, defaults, monkeypatch) -> None:
    monkeypatch.chdir(project / "docs")
    result = cli("render", "../plans/2014-yueyang.yaml", "-f", "docx", "-d", "out", "--date", "2014-02-10")
    assert result.exit_code == 0, result.output
    assert (project / "docs" / "out" / "2014-yueyang.docx").read_bytes() == notices["2014-yueyang"]
    result = cli("render", "../plans/2014-yueyang.yaml", "-f", "docx", "-d", "bare", "--no-docx-template")
    assert result.exit_code == 0, result.output
    assert (project / "docs" / "bare" / "2014-yueyang.docx").read_bytes() == defaults["2014-yueyang"]


def test_check_validates_the_template_the_config_names(cli, project: Path) -> None:
    result = cli("check", "-q")
    assert (result.exit_code, result.stdout) == (0, "")
    broken = word_template(project, office_body(para(run("{{ plan.titel }}"))), "broken.docx")
    (project / "aidplan.toml").write_text(f'docx_template = "{broken.name}"\n', encoding="utf-8")
    result = cli("check")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "broken.docx:¶7 “{{ plan.titel }}”: error[E501]: 未知的变量“plan.titel”（是不是“plan.title”？）；"
        "plan 的属性有：attachment、groups、layout、notes、organisation、tasks、title、year"
    ]
    assert result.stderr == "检查了 2 个文件：1 个错误，0 个警告\n"


def test_a_missing_template(cli, project: Path) -> None:
    (project / "aidplan.toml").write_text('docx_template = "office/没有.docx"\n', encoding="utf-8")
    result = cli("check", "-q")
    assert (result.exit_code, result.stdout) == (1, "office/没有.docx: error[E500]: 找不到模板文件\n")
    result = cli("render", "plans/2014-yueyang.yaml", "-f", "docx")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "office/没有.docx: error[E500]: 找不到模板文件",
        "aidplan: 模板 office/没有.docx 有 1 个错误，没有生成任何文件",
    ]
    assert not (project / "build").exists()


# -- printed through LibreOffice --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def notice_pdfs(tmp_path_factory) -> dict[str, Path]:
    from typer.testing import CliRunner

    from aidplan.cli import app

    from .test_render_pdf import HAVE_TOOLS

    if not HAVE_TOOLS:
        pytest.skip("LibreOffice/poppler not installed")
    out = tmp_path_factory.mktemp("notice-pdf")
    for name, plan in SEED_PLANS.items():
        args = ["render", str(plan), "-f", "pdf", "-d", str(out), "--docx-template", str(NOTICE), "--date", DATES[name]]
        result = CliRunner().invoke(app, [*args, *ORGS[name]])
        assert result.exit_code == 0, result.output
    return {name: out / f"{name}.pdf" for name in SEED_PLANS}


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_the_printed_notice(notice_pdfs, name: str) -> None:
    """Two pages of notice, the 附件 from page 3 with its label on top, every table page starting with a
    period label in the first column (no blank merged cell), the 版记 on the last page."""
    from aidplan.plan.loading import load_plan
    from aidplan.render.pages import table_layout
    from aidplan.render.style import profile_for

    from .test_render_pdf import _pages

    pages = _pages(notice_pdfs[name])
    texts = ["".join(w[3] for w in sorted(page, key=lambda w: (round(w[1]), w[0]))) for page in pages]
    org = "岳阳市学生资助管理中心" if name == "2014-yueyang" else "淮北市学生资助管理中心"
    assert texts[0].startswith(f"{org}文件")
    plan = load_plan(SEED_PLANS[name]).plan
    day = DATES[name].split("-")
    signed = f"附件：{normalise_text(plan.title)}{org}{day[0]}年{int(day[1])}月{int(day[2])}日—2—"
    assert texts[1].endswith(signed)  # 附件说明, 署名 and 成文日期 end page 2
    assert texts[2].startswith("附件")
    assert texts[-1].split("—")[0].endswith("印发")  # the 版记 closes the last page, above its number
    labels = [normalise_text(period.label) for period in plan.periods]
    header = normalise_text(plan.columns.period)
    profile = profile_for(plan)
    _, widths = table_layout(plan, profile)
    left = profile.margins.left * 72 / 25.4 + widths[0]  # words starting in the first column
    for number, page in enumerate(pages[2:], start=3):
        first_column = sorted((w for w in page if w[0] < left), key=lambda w: (round(w[1]), w[0]))
        column_text = normalise_text("".join(w[3] for w in first_column))
        if header not in column_text:  # the 版记 page, or the blank page put before it to make it even
            assert number >= len(pages) - 1 and (column_text == "" or column_text.startswith("抄送"))
            continue
        after_header = column_text.split(header, 1)[1]
        assert any(after_header.startswith(label) for label in labels), f"page {number}: {column_text!r}"


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(SEED_PLANS))
def test_the_imprint_sits_at_the_foot_of_an_even_last_page(notice_pdfs, name: str) -> None:
    """GB/T 9704 7.4: the 版记 is the last thing at the foot of the last page, which is an even page (封四);
    when the 附件 ends on an even page, a blank page comes between (kept in the PDF for duplex printing)."""
    from .test_render_pdf import _pages

    pages = _pages(notice_pdfs[name])
    org = "岳阳市学生资助管理中心" if name == "2014-yueyang" else "淮北市学生资助管理中心"
    year, month, day = (int(n) for n in DATES[name].split("-"))
    lines: dict[int, str] = {}
    for _x0, y0, _x1, text in sorted(pages[-1], key=lambda w: (round(w[1]), w[0])):
        lines[round(y0)] = lines.get(round(y0), "") + text
    assert list(lines.values()) == [
        "抄送：市教育局，市财政局。",
        f"{org}{year}年{month}月{day}日印发",
        f"—{len(pages)}—",
    ]
    assert len(pages) % 2 == 0  # the last page is even, and its number says so
    page_height = 297 * 72 / 25.4
    text_bottom = (297 - 35) * 72 / 25.4  # the 版心's bottom edge (bottom margin 35 mm)
    tops = list(lines)
    # the 版记 in the last fifth of the page, ending near the 版心's bottom edge; the page number under it
    assert page_height * 0.8 < tops[0] < tops[1] < text_bottom < tops[2], tops
    if name == "2020-huaibei":  # its 附件 ends on page 6: page 7 is left blank
        assert len(pages) == 8 and pages[-2] == []
    else:
        assert len(pages) == 8 and "抄送" not in "".join(w[3] for w in pages[-2])


def test_curly_quotes_word_typed_in_a_tag_and_markup_characters_in_the_plan(tmp_path: Path) -> None:
    """Word's AutoFormat turns "…" into “…” inside tags; plan text with & < > stays text (the XML stays valid)."""
    import datetime as dt

    from aidplan.plan.loading import load_plan
    from aidplan.render.notice import check_template, render_notice

    source = SEED_PLANS["2014-yueyang"].read_text(encoding="utf-8")
    plan_path = tmp_path / "plan.yaml"
    plan_path.write_text(source.replace("title: 2014年", "title: A&B<C>2014年", 1), encoding="utf-8")
    plan = load_plan(plan_path).plan
    template = word_template(tmp_path, office_body(para(run("{{ doc_number|default(“岳资助〔2014〕1号”) }}"))))
    assert check_template(template) == []
    pieces = reading_order(render_notice(template, plan, day=dt.date(2014, 2, 10)))
    assert pieces[1] == "A&B<C>2014年学生资助管理中心工作计划表》的通知"
    assert "岳资助〔2014〕1号" in pieces


def test_date_and_set_without_a_template_are_usage_errors(cli, in_tmp: Path) -> None:
    result = cli("render", SEED_PLANS["2014-yueyang"], "--date", "2014-02-10")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: --date 和 --set 只用于通知模板（--docx-template，或项目配置里的 docx_template）\n",
    )
    assert not (in_tmp / "build").exists()


def test_the_preamble_and_the_signature_keep_their_own_indents_and_the_blank_line_under_the_title(tmp_path) -> None:
    """The template's Normal style indents first lines by 2 characters in w:firstLineChars, which outranks
    w:firstLine: the 附件's preamble keeps its own 2 字 in both units, the 落款 its right indents, and one
    blank line stands between the template's title and the preamble, as in the default render."""
    from typer.testing import CliRunner

    from aidplan.cli import app

    plan = DATA / "corpus" / "2026-preamble-signature.yaml"
    out = tmp_path / "notice.docx"
    args = ["render", str(plan), "-o", str(out), "--docx-template", str(NOTICE), "--date", "2026-12-20"]
    result = CliRunner().invoke(app, [*args, "--set", "org=云溪县教育局"])
    assert result.exit_code == 0, result.output
    body = part(out.read_bytes(), "word/document.xml").find("w:body", NS)
    paragraphs = body.findall("w:p", NS)
    texts = ["".join(t.text or "" for t in p.iter(f"{{{W}}}t")) for p in paragraphs]
    first = next(i for i, text in enumerate(texts) if text.startswith("为深入贯彻党的教育方针"))
    assert texts[first - 2 : first] == ["云溪县学生资助管理中心2026年工作计划", ""]

    def indents(index: int) -> tuple:
        ind = paragraphs[index].find("w:pPr/w:ind", NS)
        return tuple(attr(ind, name) for name in ("firstLine", "firstLineChars", "left", "leftChars"))

    assert indents(first) == ("640", "200", "0", "0")  # 2 字 of 3号 (16 pt = 320 twips a character)
    assert indents(texts.index("一、指导思想")) == ("640", "200", "0", "0")
    name, date = texts.index("云溪县学生资助管理中心"), texts.index("2026年2月27日")
    rights = [
        (attr(ind, "right"), attr(ind, "rightChars"))
        for ind in (paragraphs[i].find("w:pPr/w:ind", NS) for i in (name, date))
    ]
    assert all(int(twips) > 0 and int(chars) == round(int(twips) * 100 / 320) for twips, chars in rights), rights
    assert rights[0] != rights[1]  # the date is centred under the name (std 7.3.5.2), not aligned with it
