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


def _starts(row: etree._Element) -> list[tuple[int, str | None]]:
    """Each cell of a table row: its first grid column and its vMerge value (None: not merged)."""
    found, column = [], 0
    for cell in row.findall("w:tc", NS):
        span = cell.find("w:tcPr/w:gridSpan", NS)
        merge = cell.find("w:tcPr/w:vMerge", NS)
        found.append((column, None if merge is None else merge.get(f"{{{W}}}val", "continue")))
        column += int(span.get(f"{{{W}}}val")) if span is not None else 1
    return found


def reading_order_once(data: bytes) -> list[str]:
    """The reading order of a document as its author wrote it: like `reading_order`, but a merged cell that
    aidplan prints again at the top of a page (a group longer than the page goes on under its label, repeated)
    is read once. Such a cell starts a merge with the same text as the merge above it in its column, while
    no column to its left started a new one (or, where the part of a group on either page is one row, is a cell of
    a column of merges with the same text as the cell above it)."""
    body = part(data, "word/document.xml").find("w:body", NS)
    pieces: list[str] = []
    for child in body:
        if child.tag == f"{{{W}}}p":
            pieces.append(_text(child))
        elif child.tag == f"{{{W}}}tbl":
            above: dict[int, str] = {}  # column → text of the last merge started there
            merging = {  # columns where some cell starts a merge
                column for row in child.findall("w:tr", NS) for column, value in _starts(row) if value == "restart"
            }
            for row in child.findall("w:tr", NS):
                column, new_on_the_left = 0, False
                for cell in row.findall("w:tc", NS):
                    span = cell.find("w:tcPr/w:gridSpan", NS)
                    width = int(span.get(f"{{{W}}}val")) if span is not None else 1
                    merge = cell.find("w:tcPr/w:vMerge", NS)
                    value = None if merge is None else merge.get(f"{{{W}}}val", "continue")
                    text = "\n".join(_text(p) for p in cell.findall("w:p", NS))
                    if value == "restart":
                        if new_on_the_left or above.get(column) != text:
                            new_on_the_left = True
                            pieces.append(text)
                        above[column] = text
                    elif value is None:
                        if new_on_the_left or column not in merging or above.get(column) != text:
                            new_on_the_left = new_on_the_left or column in merging
                            pieces.append(text)
                        above[column] = text
                    column += width
    return pieces
