"""How wide text prints and where its lines break: one module for every writer that measures text.

Widths come from the font that will print the text. Chinese characters and full-width punctuation are one
em (字) wide in every face aidplan names; Latin letters, digits and half-width punctuation take the advance
width the font gives them. LibreOffice prints the official face names with the stand-ins of `fonts.conf`
(Noto Serif / Sans CJK SC); when that font file is on the machine its metrics are read with fontTools,
otherwise the table below (the same fonts' advances, shipped with aidplan) is used.

Lines break like Word and LibreOffice break Chinese text: between any two Chinese characters, at spaces,
never inside a run of Latin letters and digits, never before closing punctuation (`，。；：、）》”` …) and
never after opening punctuation (`（《“` …).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from functools import cache
from pathlib import Path

from aidplan.values import frozen

FONTS_CONF = Path(__file__).resolve().parent / "fonts.conf"

# Which stand-in prints each official face (the same mapping as fonts.conf): serif, sans or the bold serif.
_STAND_IN = {
    "仿宋_GB2312": "serif",
    "FangSong_GB2312": "serif",
    "仿宋": "serif",
    "FangSong": "serif",
    "宋体": "serif",
    "SimSun": "serif",
    "楷体_GB2312": "serif",
    "楷体": "serif",
    "KaiTi": "serif",
    "方正小标宋简体": "serif-bold",
    "方正小标宋_GBK": "serif-bold",
    "FZXiaoBiaoSong-B05S": "serif-bold",
    "黑体": "sans",
    "SimHei": "sans",
    "微软雅黑": "sans",
    "Microsoft YaHei": "sans",
}
_FAMILY = {"serif": "Noto Serif CJK SC", "sans": "Noto Sans CJK SC", "serif-bold": "Noto Serif CJK SC:bold"}

# Advance widths in 1/1000 em of U+0020…U+007E (space to ~), then of a few other narrow characters,
# from Noto Serif CJK SC Regular / Noto Sans CJK SC Regular / Noto Serif CJK SC Bold (fonts-noto-cjk 2.001).
_ASCII = {
    "serif": (
        "256 308 376 574 550 923 779 196 364 364 478 580 327 346 327 352 557 471 558 557 555 558 558 549 558 562 "
        "327 327 580 580 580 432 912 718 670 691 770 652 629 741 853 405 402 731 625 975 796 767 641 767 715 567 "
        "659 797 714 1053 700 687 605 344 352 344 580 563 435 557 638 538 629 546 388 566 663 332 311 607 334 974 "
        "661 596 638 607 462 473 367 653 548 838 564 552 498 374 316 374 580"
    ),
    "sans": (
        "224 323 474 555 555 921 680 278 338 338 467 555 278 347 278 392 555 555 555 555 555 555 555 555 555 555 "
        "278 278 555 555 555 474 946 608 657 638 688 589 552 689 728 293 535 646 543 812 723 742 633 742 635 596 "
        "599 721 575 878 573 531 603 338 392 338 555 559 606 563 618 510 620 554 325 564 607 275 275 552 284 926 "
        "610 606 620 620 388 468 377 607 521 802 498 521 475 338 270 338 555"
    ),
    "serif-bold": (
        "250 355 447 615 589 966 803 235 400 400 485 603 335 370 335 400 593 466 594 593 593 594 594 588 594 596 "
        "335 335 603 603 603 473 970 746 708 702 789 666 648 757 864 426 428 767 642 1001 815 785 673 785 751 597 "
        "695 818 734 1091 726 701 627 372 400 372 603 593 447 585 672 565 658 572 402 596 687 349 335 651 355 1008 "
        "685 623 671 640 500 499 393 678 578 874 599 582 517 380 338 380 603"
    ),
}
_OTHER = {"serif": {"—": 890, "·": 327}, "sans": {"—": 894, "·": 1000}, "serif-bold": {"—": 928, "·": 335}}

# The same for DejaVu Sans (Book / Bold, fonts-dejavu 2.37): what LibreOffice prints Latin letters and digits in
# when a DOCX names 仿宋_GB2312 and the machine has neither it nor aidplan's fonts.conf (a plain `soffice`, or
# Word's document opened where the face is missing). Its digits are 0.64 em against Noto's 0.56.
_FALLBACK = {
    "regular": (
        "318 401 460 838 636 950 780 275 390 390 500 838 318 361 318 337 636 636 636 636 636 636 636 636 636 636 "
        "337 337 838 838 838 531 1000 684 686 698 770 632 575 775 752 295 295 656 557 863 748 787 603 787 695 635 "
        "611 732 684 989 685 611 685 390 337 390 838 500 500 613 635 550 635 615 352 635 634 278 278 579 278 974 "
        "634 612 635 635 411 521 392 634 592 818 592 592 525 636 337 636 838"
    ),
    "bold": (
        "348 456 521 838 696 1002 872 306 457 457 523 838 380 415 380 365 696 696 696 696 696 696 696 696 696 696 "
        "400 400 838 838 838 580 1000 774 762 734 830 683 683 821 837 372 372 775 637 995 837 850 733 850 770 720 "
        "682 812 774 1103 771 724 725 457 365 457 838 500 500 675 716 593 716 678 435 716 712 343 343 665 343 1042 "
        "712 687 716 716 493 595 478 712 652 924 645 652 582 712 365 712 838"
    ),
}

# Chinese line-breaking rules (GB/T 15834 practice, Word's and LibreOffice's default 禁则 for zh-CN)
NO_LINE_START = set("，。；：、？！）》」』】〕〗〉”’…—～·%‰℃,.;:?!)]}'\"")
NO_LINE_END = set("（《「『【〔〖〈“‘([{")


def is_wide(ch: str) -> bool:
    """One em wide in a Chinese face: Chinese characters, full-width forms, and CJK punctuation."""
    return unicodedata.east_asian_width(ch) in "WFA" and ord(ch) >= 0x2000


def display_width(text: str, ambiguous: int = 1) -> int:
    """Columns a terminal gives the text: two for Chinese characters and full-width forms, one for the rest.
    Characters of ambiguous width (“”…—) take `ambiguous` columns: 1 in a terminal, 2 in Excel's CJK fonts."""
    wide = "WFA" if ambiguous == 2 else "WF"
    return sum(2 if unicodedata.east_asian_width(ch) in wide else 1 for ch in text)


@frozen
class Face:
    """Advance widths (in em) of the characters that are not one em wide, for one printing font."""

    name: str
    source: str  # the font file read, or "table" for the shipped table
    narrow: dict[str, float]

    def advance(self, ch: str) -> float:
        found = self.narrow.get(ch)
        if found is not None:
            return found
        return 1.0 if is_wide(ch) or ord(ch) >= 0x2E80 else 0.5


def _shipped(kind: str) -> Face:
    values = [int(v) / 1000 for v in _ASCII[kind].split()]
    narrow = {chr(0x20 + i): value for i, value in enumerate(values)}
    narrow.update({ch: value / 1000 for ch, value in _OTHER[kind].items()})
    return Face(_FAMILY[kind], "table", narrow)


def _font_file(kind: str) -> tuple[str, int] | None:
    """The file and face index fontconfig gives LibreOffice for this stand-in, if it is a Noto CJK font."""
    if os.environ.get("AIDPLAN_FONT_METRICS") == "table" or shutil.which("fc-match") is None:
        return None
    env = dict(os.environ, FONTCONFIG_FILE=str(FONTS_CONF))
    try:
        found = subprocess.run(
            ["fc-match", "-f", "%{file}\t%{index}\t%{family}", _FAMILY[kind]],
            capture_output=True,
            text=True,
            env=env,
            timeout=10,
            stdin=subprocess.DEVNULL,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    parts = found.split("\t")
    if len(parts) < 3 or "CJK" not in parts[2] or not Path(parts[0]).is_file():
        return None
    return parts[0], int(parts[1] or 0)


@cache
def face_for(kind: str) -> Face:
    """The metrics of a stand-in (serif, sans, serif-bold): from its font file when present, else shipped."""
    located = _font_file(kind)
    if located is None:
        return _shipped(kind)
    path, index = located
    try:
        narrow = _read_advances(path, index, [chr(c) for c in range(0x20, 0x7F)] + ["—", "·"])
    except Exception:  # a damaged or unexpected font file: fall back to the shipped table
        return _shipped(kind)
    return Face(_FAMILY[kind], path, narrow)


def _read_advances(path: str, index: int, chars: list[str]) -> dict[str, float]:
    """Advance widths (em) of a few characters, read with fontTools' font-file reader from the raw cmap
    (format 4) and hmtx tables: decoding the whole tables of a CJK font would take a second per face."""
    import struct

    from fontTools.ttLib import TTFont  # lazy: only measuring needs it, and only when the font is present

    font = TTFont(path, fontNumber=index, lazy=True)
    try:
        raw = font.reader
        em = struct.unpack_from(">H", raw["head"], 18)[0]
        metrics_count = struct.unpack_from(">H", raw["hhea"], 34)[0]
        hmtx, cmap = raw["hmtx"], raw["cmap"]
    finally:
        font.close()
    tables = struct.unpack_from(">H", cmap, 2)[0]
    offset = None
    for n in range(tables):
        platform, encoding, at = struct.unpack_from(">HHI", cmap, 4 + 8 * n)
        if (platform, encoding) == (3, 1) and struct.unpack_from(">H", cmap, at)[0] == 4:
            offset = at
    if offset is None:
        raise ValueError("no Unicode BMP cmap")
    segments = struct.unpack_from(">H", cmap, offset + 6)[0] // 2
    ends_at = offset + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    ranges_at = deltas_at + 2 * segments

    def glyph(code: int) -> int:
        for i in range(segments):
            if struct.unpack_from(">H", cmap, ends_at + 2 * i)[0] >= code:
                first = struct.unpack_from(">H", cmap, starts_at + 2 * i)[0]
                if first > code:
                    return 0
                delta = struct.unpack_from(">h", cmap, deltas_at + 2 * i)[0]
                range_offset = struct.unpack_from(">H", cmap, ranges_at + 2 * i)[0]
                if range_offset == 0:
                    return (code + delta) & 0xFFFF
                found = struct.unpack_from(">H", cmap, ranges_at + 2 * i + range_offset + 2 * (code - first))[0]
                return (found + delta) & 0xFFFF if found else 0
        return 0

    advances = {}
    for ch in chars:
        gid = glyph(ord(ch))
        if gid:
            at = 4 * min(gid, metrics_count - 1)
            advances[ch] = struct.unpack_from(">H", hmtx, at)[0] / em
    return advances


def face(name: str) -> Face:
    """The metrics of the font that prints the official face `name` (unknown names print in the serif)."""
    return face_for(_STAND_IN.get(name, "serif"))


@cache
def widest_face(name: str) -> Face:
    """For sizing what must never break (a date, a short owner): each character at the wider of the stand-in's
    advance and DejaVu Sans's, the Latin face LibreOffice falls back to where the official face is missing and
    aidplan's fonts.conf is not used. A column sized with it holds its dates on every machine."""
    kind = _STAND_IN.get(name, "serif")
    printing = face_for(kind)
    fallback = [int(v) / 1000 for v in _FALLBACK["bold" if kind == "serif-bold" else "regular"].split()]
    narrow = dict(printing.narrow)
    for i, value in enumerate(fallback):
        ch = chr(0x20 + i)
        narrow[ch] = max(narrow.get(ch, 0.5), value)
    narrow["—"] = max(narrow.get("—", 1.0), 1.0)
    return Face(printing.name + " | DejaVu Sans", printing.source, narrow)


def widest_text_width(text: str, size: float, font: str, spacing: float = 0.0) -> float:
    """Width in points of `text` as the widest of the faces that may print it (see `widest_face`)."""
    return _measure(text, size, widest_face(font), spacing)


def _pieces(text: str) -> list[str]:
    """Unbreakable pieces: one Chinese character, a run of Latin letters/digits/half-width signs, or a space;
    closing punctuation sticks to the piece before it and opening punctuation to the piece after it."""
    runs: list[list[str]] = []  # characters of each piece, joined once at the end (linear in the text)
    for ch in text:
        latin = ord(ch) < 0x2000 and not ch.isspace() and ch not in "([{"
        if runs and latin and _is_latin_run(runs[-1][-1]) and not _breaks_after(runs[-1][-1], ch):
            runs[-1].append(ch)
        else:
            runs.append([ch])
    pieces = ["".join(run) for run in runs]
    glued: list[str] = []
    carry = ""
    for piece in pieces:
        if piece in NO_LINE_END or (len(piece) == 1 and piece in NO_LINE_END):
            carry += piece
            continue
        piece = carry + piece
        carry = ""
        if (
            glued
            and not glued[-1].isspace()
            and (piece[0] in NO_LINE_START or (glued[-1][-1] in NO_LINE_START and piece[0].isdigit()))
        ):  # LibreOffice does not break between closing punctuation and a number either (，28日)
            glued[-1] += piece
        else:
            glued.append(piece)
    if carry:
        glued.append(carry)
    return glued


def unbreakable_pieces(text: str) -> list[str]:
    """The pieces a line never breaks inside (see `_pieces`): the terminal's tables wrap between them too."""
    return _pieces(text)


def _breaks_after(last: str, ch: str) -> bool:
    """Inside Latin text a line may break after a slash or hyphen that a letter or digit follows (URLs,
    2014-2015): LibreOffice does."""
    return last in "/-" and ch.isascii() and ch.isalnum()


def _is_latin_run(piece: str) -> bool:
    last = piece[-1]
    return ord(last) < 0x2000 and not last.isspace() and last not in "([{"


# Word (autoSpaceDE/autoSpaceDN, on by default) and LibreOffice (measured: 0.2 em in LibreOffice 7.4) put a
# small gap between a Chinese character and an adjacent Latin letter or digit; not next to punctuation.
AUTOSPACE = 0.2


def is_ideograph(ch: str) -> bool:
    code = ord(ch)
    return 0x3400 <= code <= 0x9FFF or 0xF900 <= code <= 0xFAFF or 0x20000 <= code <= 0x3FFFF


def _is_alnum(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def gaps(text: str) -> int:
    """How many Chinese/Latin boundaries (each taking an autospace gap) the text has."""
    return sum(1 for a, b in zip(text, text[1:]) if _joins(a, b))


def _joins(a: str, b: str) -> bool:
    return (is_ideograph(a) and _is_alnum(b)) or (_is_alnum(a) and is_ideograph(b))


def _between(a: str, b: str, size: float, spacing: float) -> float:
    """What sits between two adjacent characters: the character spacing, which LibreOffice (measured,
    7.4) applies only between characters of the same script, and the Chinese/Latin gap."""
    same = (ord(a) >= 0x2000) == (ord(b) >= 0x2000)
    return (spacing if same else 0.0) + (AUTOSPACE * size if _joins(a, b) else 0.0)


def _measure(text: str, size: float, metrics: Face, spacing: float) -> float:
    width = sum(metrics.advance(ch) for ch in text) * size
    return width + sum(_between(a, b, size, spacing) for a, b in zip(text, text[1:]))


def text_width(text: str, size: float, font: str, spacing: float = 0.0) -> float:
    """Width in points of `text` in the official face `font` at `size` pt, with `spacing` pt of character
    spacing (w:spacing) and the gaps between Chinese and Latin text."""
    return _measure(text, size, face(font), spacing)


# A line is filled only while it leaves this much of the width unused. LibreOffice wraps lines that the
# font's advances say still fit by up to about a third of a point (measured on 7.4): taking the near tie as
# full puts aidplan on the safer side, a line more rather than a line less.
FIT_MARGIN = 0.4


def break_lines(
    text: str, width: float, size: float, font: str, spacing: float = 0.0, widest: bool = False
) -> list[str]:
    """The lines `text` takes in a line `width` pt wide (an empty text still takes one line); `widest`: measured
    with `widest_face`, as the narrowest machine prints it."""
    metrics = widest_face(font) if widest else face(font)
    limit = width - FIT_MARGIN

    def measure(piece: str) -> float:
        return _measure(piece, size, metrics, spacing)

    lines: list[str] = []
    line, used = "", 0.0
    for piece in _pieces(text):
        piece_width = measure(piece)
        if piece.isspace():
            if line:
                line, used = line + piece, used + _between(line[-1], piece[0], size, spacing) + piece_width
            continue
        joint = _between(line[-1], piece[0], size, spacing) if line else 0.0
        if line and used + joint + piece_width > limit:
            lines.append(line.rstrip())
            line, used, joint = "", 0.0, 0.0
        if piece_width > limit and len(piece) > 1:  # a piece longer than the line breaks anywhere
            *full, piece = _chunks(piece, limit, size, metrics, spacing)
            lines += full
            piece_width = measure(piece)
        line, used = line + piece, used + joint + piece_width
    lines.append(line.rstrip())
    return lines


def _chunks(piece: str, limit: float, size: float, metrics: Face, spacing: float) -> list[str]:
    """A piece wider than the line cut into lines that each fit (at least one character each), in one
    pass: a 20,000-character URL takes linear time, not a measurement per candidate cut."""
    chunks: list[str] = []
    start, used = 0, 0.0
    for i, ch in enumerate(piece):
        advance = metrics.advance(ch) * size
        joint = _between(piece[i - 1], ch, size, spacing) if i > start else 0.0
        if i > start and used + joint + advance > limit:
            chunks.append(piece[start:i])
            start, used = i, advance
        else:
            used += joint + advance
    chunks.append(piece[start:])
    return chunks


def line_count(text: str, width: float, size: float, font: str, spacing: float = 0.0) -> int:
    return len(break_lines(text, width, size, font, spacing))


# where a title line breaks best: after these words (年度, 学期, the organisation's name …) or before these
_AFTER = ("年度", "学年", "学期", "年", "局", "中心", "学校", "学院", "大学", "委员会", "的", "）", ")", "、")
_BEFORE = ("学生资助", "资助", "工作", "关于")
# words a title never breaks inside (学生 / 资助 is a word boundary, but 学生资助 is one name: 学生 / 资助工作 reads
# badly; 第一学 / 期, 学 / 生 worse)
_UNSPLIT = (
    "学生资助",
    "学生",
    "资助",
    "工作",
    "学期",
    "学年",
    "年度",
    "计划",
    "行事历",
    "分解表",
    "要点",
    "安排",
    "教育",
)


def balanced_lines(text: str, width: float, size: float, font: str) -> list[str]:
    """A title line as printed: on one line when it fits; in two, broken evenly (GB/T 9704 7.3.1: 回行时…排列对称，
    长短适宜，梯形或菱形) at a natural point where one is near (after 年度 or the organisation's name, before
    工作), never leaving a few characters alone on the second line. A longer title is returned whole."""
    greedy = break_lines(text, width, size, font)
    if len(greedy) == 1:
        return greedy
    if len(greedy) > 2:  # a title of three lines or more is left to the word processor's own breaking
        return [text]
    pieces = _pieces(text)
    best: tuple[float, int] | None = None
    for cut in range(1, len(pieces)):
        first, second = "".join(pieces[:cut]).rstrip(), "".join(pieces[cut:]).lstrip()
        one, two = text_width(first, size, font), text_width(second, size, font)
        if one > width - FIT_MARGIN or two > width - FIT_MARGIN:
            continue
        at = len("".join(pieces[:cut]))
        if any(text.find(word, max(0, at - len(word) + 1), at + len(word) - 1) >= 0 for word in _UNSPLIT):
            continue
        natural = first.endswith(_AFTER) or second.startswith(_BEFORE)
        score = abs(one - two) - (3 * size if natural else 0.0)
        if best is None or score < best[0]:
            best = (score, cut)
    if best is None:
        return greedy
    cut = best[1]
    return ["".join(pieces[:cut]).rstrip(), "".join(pieces[cut:]).lstrip()]
