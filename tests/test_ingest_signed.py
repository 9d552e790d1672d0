"""The issuing office of an imported plan read from its 落款: a plan signed 青溪县学生资助管理中心 above its date is
issued by that office, so import writes `organisation:` (said in the guesses), and the notice template renders it
without `--set org=`. Word, Markdown and text alike; `--org` still wins; of several offices signing together
(联合行文) the first, the lead office. Every file is built as an office builds it (python-docx, Word's right
alignment, a document author that names a person, not an office)."""

from __future__ import annotations

import zipfile
from pathlib import Path

from .conftest import DATA, ROOT

NOTICE = ROOT / "templates" / "notice.docx"


def _word_plan(path: Path, signature: tuple[str, ...] = ("青溪县学生资助管理中心",)) -> None:
    """A plan typed in Word: the title centred, a table whose 3月 is merged over two rows, the 落款 right-aligned
    (office, then date), saved by a user whose name Word keeps as the author."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = Document()
    document.add_paragraph("青溪县2027年学生资助工作计划").alignment = WD_ALIGN_PARAGRAPH.CENTER
    rows = [
        ("时间", "工作内容", "责任单位"),
        ("3月", "1.完成春季学期资助对象认定", "资助中心"),
        ("3月", "2.发放春季学期国家助学金", "计财股"),
        ("9月", "3.开展资助政策宣传月活动", "各学校"),
    ]
    table = document.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    table.cell(1, 0).merge(table.cell(2, 0)).text = "3月"
    for line in (*signature, "2026年12月20日"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    document.core_properties.author = "张老师"
    document.save(str(path))


def _guesses(output: str) -> list[str]:
    return [line.removeprefix("  推测：") for line in output.splitlines() if line.startswith("  推测：")]


def test_a_word_plan_signed_by_the_office_renders_with_the_notice_template_without_set_org(cli, in_tmp) -> None:
    _word_plan(in_tmp / "计划.docx")
    imported = cli("import", "计划.docx", "-o", "qx.yaml")
    assert imported.exit_code == 0, imported.output
    assert _guesses(imported.output)[-2:] == [
        "落款（signature:）：青溪县学生资助管理中心，2026年12月20日",
        "发文机关（organisation）“青溪县学生资助管理中心”取自落款",
    ]
    text = (in_tmp / "qx.yaml").read_text(encoding="utf-8")
    assert "#   - 发文机关（organisation）“青溪县学生资助管理中心”取自落款\n" in text
    assert "title: 青溪县2027年学生资助工作计划\nyear: 2027\norganisation: 青溪县学生资助管理中心\n" in text
    assert text.endswith("signature:\n  organisation: 青溪县学生资助管理中心\n  date: 2026年12月20日\n")

    rendered = cli("render", "qx.yaml", "--docx-template", NOTICE, "-o", "通知.docx", "--date", "2026-12-21")
    assert rendered.exit_code == 0, rendered.output
    from docx import Document

    paragraphs = [p.text for p in Document(str(in_tmp / "通知.docx")).paragraphs]
    assert paragraphs[0] == "青溪县学生资助管理中心文件"  # the 发文机关标志
    assert "关于印发《青溪县2027年学生资助工作计划》的通知" in paragraphs


def test_the_same_plan_as_markdown_and_as_text_gives_the_same_organisation(cli, in_tmp) -> None:
    _word_plan(in_tmp / "计划.docx")
    assert cli("import", "计划.docx", "-o", "qx.yaml").exit_code == 0
    assert cli("render", "qx.yaml", "-f", "md", "-d", "out").exit_code == 0
    (in_tmp / "计划.txt").write_text(
        "青溪县2027年学生资助工作计划\n"
        "时间\t工作内容\t责任单位\n"
        "3月\t1.完成春季学期资助对象认定\t资助中心\n"
        "\t2.发放春季学期国家助学金\t计财股\n"
        "9月\t3.开展资助政策宣传月活动\t各学校\n"
        "\n"
        "                                        青溪县学生资助管理中心\n"
        "                                            2026年12月20日\n",
        encoding="utf-8",
    )
    for source, target in (("out/qx.md", "md.yaml"), ("计划.txt", "txt.yaml")):
        result = cli("import", source, "-o", target)
        assert result.exit_code == 0, result.output
        assert "发文机关（organisation）“青溪县学生资助管理中心”取自落款" in _guesses(result.output), source
        written = (in_tmp / target).read_text(encoding="utf-8")
        assert "\norganisation: 青溪县学生资助管理中心\n" in written, source
    # the three imports are one plan: the same printed text, the same office
    word = (in_tmp / "qx.yaml").read_text(encoding="utf-8")
    for target in ("md.yaml", "txt.yaml"):
        other = (in_tmp / target).read_text(encoding="utf-8")
        assert other.split("title:", 1)[1].split("columns:")[0] == word.split("title:", 1)[1].split("columns:")[0]


def test_org_given_on_the_command_line_wins_over_the_signature(cli, in_tmp) -> None:
    _word_plan(in_tmp / "计划.docx")
    result = cli("import", "计划.docx", "-o", "qx.yaml", "--org", "青溪县教育局")
    assert result.exit_code == 0, result.output
    assert not [guess for guess in _guesses(result.output) if guess.startswith("发文机关")]
    text = (in_tmp / "qx.yaml").read_text(encoding="utf-8")
    assert "\norganisation: 青溪县教育局\n" in text
    assert "signature:\n  organisation: 青溪县学生资助管理中心\n" in text  # the 落款 stays as printed


def test_offices_signing_together_give_the_first_as_the_issuing_office(cli, in_tmp) -> None:
    _word_plan(in_tmp / "联合.docx", signature=("青溪县教育局", "青溪县财政局"))
    result = cli("import", "联合.docx", "-o", "lh.yaml")
    assert result.exit_code == 0, result.output
    assert _guesses(result.output)[-2:] == [
        "落款（signature:）：青溪县教育局、青溪县财政局，2026年12月20日",
        "发文机关（organisation）“青溪县教育局”取自落款里的第一个单位（联合行文的主办机关）",
    ]
    text = (in_tmp / "lh.yaml").read_text(encoding="utf-8")
    assert "\norganisation: 青溪县教育局\n" in text
    english = cli("--lang", "en", "import", "联合.docx", "-o", "lh.yaml", "--force")
    assert (
        "  guessed: issuing office (organisation) “青溪县教育局” taken from the signature's first office (the lead "
        "office of a joint issue)"
    ) in english.output.splitlines()


def test_a_leading_group_signing_pasted_text_is_the_issuing_office(cli, in_tmp) -> None:
    (in_tmp / "lz.txt").write_text(
        "城关中学2027年春季学期学生资助工作计划\n"
        "时间\t工作内容\n"
        "3月\t1.完成家庭经济困难学生认定\n"
        "4月\t2.发放国家助学金\n"
        "\n"
        "城关中学学生资助工作领导小组\n"
        "2027年2月20日\n",
        encoding="utf-8",
    )
    result = cli("import", "lz.txt", "-o", "lz.yaml")
    assert result.exit_code == 0, result.output
    assert _guesses(result.output)[-2:] == [
        "落款（signature:）：城关中学学生资助工作领导小组，2027年2月20日",
        "发文机关（organisation）“城关中学学生资助工作领导小组”取自落款",
    ]
    english = cli("--lang", "en", "import", "lz.txt", "-o", "lz.yaml", "--force")
    assert (
        "  guessed: issuing office (organisation) “城关中学学生资助工作领导小组” taken from the signature"
    ) in english.output.splitlines()


def test_without_a_signature_no_organisation_is_guessed_and_the_notice_still_asks_for_one(cli, in_tmp) -> None:
    (in_tmp / "bare.txt").write_text(
        "某县2027年学生资助工作计划\n时间\t工作内容\n3月\t1.完成认定\n4月\t2.发放助学金\n", encoding="utf-8"
    )
    assert cli("import", "bare.txt", "-o", "bare.yaml").exit_code == 0
    assert "organisation:" not in (in_tmp / "bare.yaml").read_text(encoding="utf-8")
    refused = cli("render", "bare.yaml", "--docx-template", NOTICE, "-o", "n.docx")
    assert refused.exit_code != 0
    assert "但计划没有写 organisation:；请在计划里写上 organisation:，或加 --set org=发文机关名称" in refused.output


def test_a_plan_signed_but_without_organisation_renders_the_signing_office_as_the_documents_author(cli, in_tmp):
    """The DOCX's author is the issuing office: `organisation:`, else the 落款's (so import reads back the
    office either way, and the round trip stays byte-identical)."""
    plan = DATA / "parts" / "preamble-signature.yaml"
    assert "\norganisation:" not in plan.read_text(encoding="utf-8")
    assert cli("render", plan, "-f", "docx", "-d", "out").exit_code == 0
    core = zipfile.ZipFile(in_tmp / "out" / "preamble-signature.docx").read("docProps/core.xml").decode("utf-8")
    assert "<dc:creator>城关镇中心学校</dc:creator>" in core
    assert "<cp:lastModifiedBy>城关镇中心学校</cp:lastModifiedBy>" in core
