"""The document around the table: title lines, paragraphs and section headings before and after it, and the
落款 (pure data, no docx), as every renderer prints them."""

from __future__ import annotations

from dataclasses import dataclass

from aidplan.plan.model import Plan, TextBlock


@dataclass(frozen=True)
class Block:
    """A paragraph outside the table: a body paragraph (level None) or a section heading of level 1–4."""

    text: str
    level: int | None = None


@dataclass(frozen=True)
class DocumentParts:
    print_title: bool = True
    before: tuple[Block, ...] = ()  # between the title and the table
    after: tuple[Block, ...] = ()  # after the table and its notes
    signature: tuple[str, ...] = ()  # the 落款's organisation lines
    date: str | None = None  # the 落款's 成文日期

    @property
    def signed(self) -> bool:
        return bool(self.signature)

    def texts_before(self) -> list[str]:
        return [block.text for block in self.before]

    def texts_after(self) -> list[str]:
        """Everything printed after the table's notes, in reading order."""
        return [block.text for block in self.after] + list(self.signature) + ([self.date] if self.date else [])


def _blocks(blocks: list[TextBlock]) -> tuple[Block, ...]:
    return tuple(
        Block(block.heading, block.heading_level) if block.heading is not None else Block(block.text or "")
        for block in blocks
    )


def document_parts(plan: Plan) -> DocumentParts:
    signature = plan.signature
    return DocumentParts(
        print_title=plan.print_title,
        before=_blocks(plan.preamble),
        after=_blocks(plan.closing),
        signature=tuple(signature.organisation) if signature is not None else (),
        date=signature.date if signature is not None else None,
    )


def signature_indents(parts: DocumentParts, size: float, font: str) -> tuple[float, float]:
    """Right indents in points of the 落款's name lines and of its date, unsealed (GB/T 9704 7.3.5.2): the
    name 2 字 in from the right, the date on the next line with its first character 2 字 right of the
    name's; a date longer than that would allow stays 2 字 in, and the name moves left to keep the 2 字."""
    from aidplan.render.widths import text_width

    two = 2 * size
    name = max((text_width(line, size, font) for line in parts.signature), default=0.0)
    date = text_width(parts.date, size, font) if parts.date else 0.0
    if not parts.date:
        return two, two
    if name - two - date >= 0:
        return two, name - date
    return date + 2 * two - name, two
