"""Read the numbers Chinese plans write: 3, 十一, 二十八, 元 (January)."""

from __future__ import annotations

from aidplan.patterns import any_of

_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CHINESE_NUMERAL_CHARS = "〇零一二两三四五六七八九十"
CHINESE_DIGITS = "零一二三四五六七八九"


def parse_number(text: str) -> int | None:
    """Return the value of an Arabic (full- or half-width) or Chinese numeral below 100, or None."""
    text = text.strip()
    if not text:
        return None
    ascii_text = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if ascii_text.isascii() and ascii_text.isdigit():
        return int(ascii_text) if len(ascii_text) <= 4 else None
    if text == "元" or text == "正":
        return 1
    if any(ch not in _CHINESE_NUMERAL_CHARS for ch in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens_text, _, units_text = text.partition("十")
    if "十" in units_text or len(tens_text) > 1 or len(units_text) > 1:
        return None
    tens = 1 if tens_text == "" else _DIGITS[tens_text]
    units = 0 if units_text == "" else _DIGITS[units_text]
    if tens == 0:
        return None
    return tens * 10 + units


def chinese_number(number: int) -> str:
    """Write a number below 100 in Chinese words, as plans and notices do: 1 → 一, 10 → 十, 23 → 二十三."""
    if number < 10:
        return CHINESE_DIGITS[number]
    tens, units = divmod(number, 10)
    return ("" if tens == 1 else CHINESE_DIGITS[tens]) + "十" + (CHINESE_DIGITS[units] if units else "")


def chinese_month(month: int) -> str:
    """Write a month number the way plans label periods in words: 1 → 一, 11 → 十一."""
    return chinese_number(month)


# the numerals plans write (parse_number reads them); the Chinese ones as an alternation: the same as the class
# [〇零一二两三四五六七八九十], cheaper to compile (see aidplan.patterns.any_of)
NUMBER_PATTERN = rf"(?:[0-9０-９]{{1,2}}|{any_of(_CHINESE_NUMERAL_CHARS)}{{1,3}}|元|正)"
