"""Read a DOCX back the way a person reads it: body paragraphs and table cells in order, a merged cell once."""

from __future__ import annotations

import io
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}


def part(data: bytes, name: str) -> etree._Element:
    return etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(name))


def _text(element: etree._Element) -> str:
    return "".join(element.xpath(".//w:t/text()", namespaces=NS))


def reading_order(data: bytes) -> list[str]:
    """Paragraph texts of the body, and each table cell's text left to right, top to bottom; a cell that
    continues a vertical merge is skipped (its text is the merge's first cell)."""
    body = part(data, "word/document.xml").find("w:body", NS)
    pieces: list[str] = []
    for child in body:
        if child.tag == f"{{{W}}}p":
            pieces.append(_text(child))
        elif child.tag == f"{{{W}}}tbl":
            for row in child.findall("w:tr", NS):
                for cell in row.findall("w:tc", NS):
                    merge = cell.find("w:tcPr/w:vMerge", NS)
                    if merge is not None and merge.get(f"{{{W}}}val", "continue") == "continue":
                        continue
                    pieces.append("\n".join(_text(p) for p in cell.findall("w:p", NS)))
    return pieces
