"""A notice template is a file somebody sent: it may be no .docx at all, try to reach Python's internals,
loop for ever or expand to gigabytes. Each case gives a clear error and writes nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from .conftest import SEED_PLANS
from .docx_reading import reading_order
from .test_notice import NOTICE, office_body, para, run, word_template


def _render(cli, tmp_path: Path, template: Path, *extra: str):
    out = tmp_path / "out"
    result = cli("render", SEED_PLANS["2014-yueyang"], "-f", "docx", "-d", out, "--docx-template", template, *extra)
    return result, out


@pytest.mark.parametrize(
    ("tag", "cause"),
    [
        (
            "{{ lipsum.__globals__.os.popen('id').read() }}",
            "沙箱不允许：access to attribute '__globals__' of 'function' object is unsafe.",
        ),
        ("{{ ''.__class__.__mro__ }}", "沙箱不允许：access to attribute '__class__' of 'str' object is unsafe."),
        ("{% for x in range(10**9) %}x{% endfor %}", "range() 过大：沙箱里的 range 最多 100,000 项"),
        (
            "{{ 'x' * 10**9 }}",
            "沙箱不允许：重复得到的内容过长（1 × 1000000000）；模板最多生成 10,000,000 个字符",
        ),
        (
            "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
            "沙箱不允许：循环合计超过 1,000,000 次",
        ),
        (
            "{% for a in range(100000) %}{{ 'x' * 10000000 }}{% endfor %}",
            "沙箱不允许：模板生成的内容超过 10,000,000 个字符",
        ),
    ],
)
def test_a_template_cannot_reach_python_or_run_away(tmp_path: Path, cli, tag: str, cause: str) -> None:
    template = word_template(tmp_path, office_body(para(run(tag))))
    result, out = _render(cli, tmp_path, template)
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines()[-2:] == [
        f"{template}: error[E507]: 渲染模板时出错：{cause}",
        f"aidplan: 模板 {template} 有 1 个错误，没有生成任何文件",
    ]
    assert not out.exists()


def test_a_zip_bomb_is_refused_before_it_is_expanded(tmp_path: Path, cli) -> None:
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b" " * (1 << 24)
            for _ in range(17):  # 272 MB of blanks in a file of a few hundred KB
                member.write(chunk)
    assert bomb.stat().st_size < 1024 * 1024
    result, out = _render(cli, tmp_path, bomb)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        f"{bomb}: error[E500]: 不是正常的 Word 文档：解压后有 285,212,680 字节（最多 268,435,456）",
        f"aidplan: 模板 {bomb} 有 1 个错误，没有生成任何文件",
    ]
    assert not out.exists()


def test_a_password_protected_docx_is_named_as_such(tmp_path: Path) -> None:
    from aidplan.render.notice import check_template

    # Word saves an encrypted .docx inside an OLE container whose streams are EncryptionInfo and EncryptedPackage
    locked = tmp_path / "加密.docx"
    names = "".join(f"{n}\0" for n in ("EncryptionInfo", "EncryptedPackage")).encode("utf-16-le")
    locked.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 + names + b"\0" * 1024)
    assert [str(f) for f in check_template(locked)] == [
        f"{locked}: error[E500]: 不是 Word 文档（.docx）：文件加了密码；请在 Word 或 WPS 里取消密码后再用"
    ]


def test_an_empty_date_is_refused(tmp_path: Path, cli) -> None:
    result, out = _render(cli, tmp_path, NOTICE, "--date", "")
    assert (result.exit_code, result.stderr) == (
        2,
        "aidplan: --date 的日期“”看不懂；可以写 2020-05-20、2020/5/20、2020年5月20日、5月20日、今天或昨天\n",
    )
    assert not out.exists()


def test_a_plan_without_organisation_does_not_print_an_empty_issuer(tmp_path: Path, cli) -> None:
    out = tmp_path / "out"
    base = ["render", SEED_PLANS["2020-huaibei"], "-f", "docx", "-d", out, "--docx-template", NOTICE]
    result = cli(*base)
    assert (result.exit_code, result.stderr) == (
        2,
        f"aidplan: 模板 {NOTICE} 要印发文机关（{{{{ org }}}}），但计划没有写 organisation:；"
        "请在计划里写上 organisation:，或加 --set org=发文机关名称\n",
    )
    assert not out.exists()
    result = cli(*base, "--set", "org=淮北市学生资助管理中心")
    assert result.exit_code == 0, result.output
    assert reading_order((out / "2020-huaibei.docx").read_bytes())[0] == "淮北市学生资助管理中心文件"


def test_set_org_also_fills_plan_organisation(tmp_path: Path, cli) -> None:
    template = word_template(tmp_path, office_body(para(run("落款：{{ plan.organisation }}"))))
    out = tmp_path / "out"
    args = ["render", SEED_PLANS["2020-huaibei"], "-f", "docx", "-d", out, "--docx-template", template]
    result = cli(*args, "--set", "org=淮北市学生资助管理中心")
    assert result.exit_code == 0, result.output
    assert "落款：淮北市学生资助管理中心" in reading_order((out / "2020-huaibei.docx").read_bytes())


def test_an_issuer_only_printed_when_present_is_fine() -> None:
    import datetime as dt

    from aidplan.plan.loading import load_plan
    from aidplan.render.notice import notice_context
    from aidplan.render.templating import _sandbox

    printed: list[str] = []
    context = notice_context(load_plan(SEED_PLANS["2020-huaibei"]).plan, dt.date(2020, 2, 10), {}, printed)
    env = _sandbox()(autoescape=True)
    assert env.from_string("{% if org %}{{ org }}{% else %}（无）{% endif %}").render(context) == "（无）"
    assert env.from_string("{{ plan.organisation|default('x', true) }}").render(context) == "x"
    assert printed == []
    assert env.from_string("{{ plan.organisation }}文件").render(context) == "文件"
    assert printed == ["{{ plan.organisation }}"]


@pytest.mark.parametrize("value", ["<w:p>x</w:p>", "]]>&amp;<!--", "a\x7fb"])
def test_set_values_are_text_never_markup(tmp_path: Path, cli, value: str) -> None:
    import docx

    template = word_template(tmp_path, office_body(para(run("文号：{{ doc_number }}"))))
    result, out = _render(cli, tmp_path, template, "--set", f"doc_number={value}")
    assert result.exit_code == 0, result.output
    assert f"文号：{value}" in reading_order((out / "2014-yueyang.docx").read_bytes())
    assert f"文号：{value}" in [p.text for p in docx.Document(out / "2014-yueyang.docx").paragraphs]


@pytest.mark.parametrize(("value", "code"), [("a\x01b", "0001"), ("a\udcffb文件", "DCFF")])
def test_set_values_xml_cannot_hold_are_refused(tmp_path: Path, cli, value: str, code: str) -> None:
    # an undecodable byte on the command line arrives as a lone surrogate: docxtpl cut the paragraph at it
    result, out = _render(cli, tmp_path, NOTICE, "--set", f"org={value}")
    assert (result.exit_code, result.stderr) == (
        2,
        f"aidplan: --set org 的值里有 XML 文档不能容纳的字符（U+{code}）；请去掉它\n",
    )
    assert not out.exists()


def test_set_cannot_replace_the_placeholder(tmp_path: Path, cli) -> None:
    result, _ = _render(cli, tmp_path, NOTICE, "--set", "plan_table=x")
    assert (result.exit_code, result.stderr) == (2, "aidplan: --set 不能改 plan_table：它是放计划表格的占位符\n")
