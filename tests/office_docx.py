"""Build .docx files the way Word and WPS write them, as raw WordprocessingML: automatic numbering through
numbering.xml (the number is not in the text), vertical merges (w:vMerge) and spans across columns
(w:gridSpan), soft line breaks (w:br), text split into several runs, text boxes (DrawingML with a VML
fallback holding the same text) and tables nested in a frame table. For tests only."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.sax.saxutils import escape

W_NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'mc:Ignorable="wps"'
)


def run(text: str, size: int | None = None) -> str:
    """A run; "\\n" in the text becomes a soft line break (Shift+Enter), as Word writes it."""
    props = f'<w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="{size}"/></w:rPr>' if size else ""
    parts = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append(f"<w:r>{props}<w:br/></w:r>")
        if line:
            parts.append(f'<w:r>{props}<w:t xml:space="preserve">{escape(line)}</w:t></w:r>')
    return "".join(parts)


def paragraph(text: str = "", num: int | None = None, level: int = 0, centred: bool = False, size=None) -> str:
    """A paragraph; `num` makes it an item of list w:num `num` (the number printed, not typed). Word splits
    text into runs at every edit: two runs here, so the reader must join them."""
    ppr = ""
    if num is not None or centred:
        numbering = f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>' if num is not None else ""
        jc = '<w:jc w:val="center"/>' if centred else ""
        ppr = f"<w:pPr>{numbering}{jc}</w:pPr>"
    middle = len(text) // 2
    return f"<w:p>{ppr}{run(text[:middle], size)}{run(text[middle:], size)}</w:p>"


@dataclass
class C:
    """A table cell: paragraphs (XML), how many grid columns it spans, and its part in a vertical merge."""

    paragraphs: list[str] = field(default_factory=lambda: [paragraph()])
    span: int = 1
    merge: str | None = None  # "restart" | "continue"

    def xml(self) -> str:
        props = f'<w:tcW w:w="{2000 * self.span}" w:type="dxa"/>'
        if self.span > 1:
            props += f'<w:gridSpan w:val="{self.span}"/>'
        if self.merge == "restart":
            props += '<w:vMerge w:val="restart"/>'
        elif self.merge == "continue":
            props += "<w:vMerge/>"  # Word writes a continuing merge without a value
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{''.join(self.paragraphs) or paragraph()}</w:tc>"


def table(rows: list[list[C]], columns: int) -> str:
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(columns))
    body = "".join(f"<w:tr>{''.join(cell.xml() for cell in row)}</w:tr>" for row in rows)
    return f'<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def text_box(content: str) -> str:
    """A paragraph anchoring a text box that holds `content` (paragraphs and tables), as Word 2010+ writes it:
    the DrawingML shape, and a VML fallback with the same content for older readers."""
    return (
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx><w:txbxContent>{content}</w:txbxContent></wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{content}</w:txbxContent></v:textbox>"
        "</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )


def level(ilvl: int, fmt: str, text: str, start: int = 1) -> str:
    return (
        f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{escape(text)}"/><w:lvlJc w:val="left"/></w:lvl>'
    )


def numbering(abstracts: dict[int, list[str]], nums: dict[int, tuple[int, int | None]]) -> str:
    """numbering.xml: abstract lists (their levels) and the w:num instances paragraphs name, each pointing at an
    abstract list and, optionally, restarting level 0 at a value (w:startOverride, as Word writes for "restart
    numbering")."""
    body = "".join(
        f'<w:abstractNum w:abstractNumId="{a}"><w:multiLevelType w:val="hybridMultilevel"/>{"".join(levels)}'
        "</w:abstractNum>"
        for a, levels in abstracts.items()
    )
    for num, (abstract, restart) in nums.items():
        override = (
            f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{restart}"/></w:lvlOverride>'
            if restart is not None
            else ""
        )
        body += f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>'
    return f"<w:numbering {W_NS}>{body}</w:numbering>"


def docx(
    body: str,
    numbering_xml: str | None = None,
    author: str = "Administrator",
    landscape: bool = False,
    styles_xml: str | None = None,
) -> bytes:
    """A complete .docx package around the body XML (with styles.xml when `styles_xml` is given)."""
    size = (
        '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>' if landscape else '<w:pgSz w:w="11906" w:h="16838"/>'
    )
    document = f"<w:document {W_NS}><w:body>{body}<w:sectPr>{size}</w:sectPr></w:body></w:document>"
    types = (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        '<Override PartName="/word/numbering.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>'
        '<Override PartName="/docProps/core.xml" '
        'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/word/styles.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>'
    )
    rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/'
        'core-properties" Target="docProps/core.xml"/></Relationships>'
    )
    document_rels = (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        + (
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'numbering" Target="numbering.xml"/>'
            if numbering_xml
            else ""
        )
        + (
            '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/>'
            if styles_xml
            else ""
        )
        + "</Relationships>"
    )
    core = (
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:creator>{escape(author)}</dc:creator></cp:coreProperties>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", document)
        package.writestr("word/_rels/document.xml.rels", document_rels)
        package.writestr("docProps/core.xml", core)
        if numbering_xml:
            package.writestr("word/numbering.xml", numbering_xml)
        if styles_xml:
            package.writestr("word/styles.xml", styles_xml)
    return out.getvalue()
