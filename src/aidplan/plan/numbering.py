"""Task numbers as plans print them: 1、 1. 1． (1) （1） 01. 一、 ① …, or none. One function formats a number in
a form, for the task text, a 序号 column and every renderer alike."""

from __future__ import annotations

from aidplan.plan.numerals import chinese_number

# Every form a plan may name, as printed for the number 1; `none` prints no number.
NUMBERING_FORMS = ("1、", "1.", "1．", "(1)", "（1）", "1)", "1）", "01.", "01、", "一、", "（一）", "①", "1", "none")
NUMBERING_HELP = (
    "How task numbers are printed, written as the number 1 would be: 1、 1. 1． (1) （1） 1) 1） 01. 01、 一、 "
    "（一） ① (①…⑳, then ㉑…㊿, then (51) …), 1 (the bare number, as in a 序号 column), or none."
)
NUMBERING_SCOPES = ("group", "plan")
NUMBERING_SCOPE_HELP = (
    "group: numbers start again at 1 in every group (and after every sub-heading); plan: they run on from one "
    "group to the next (and from one table to the next), as some plans print 01. … 23. through the whole table."
)

# ①…⑳ U+2460–2473, ㉑…㉟ U+3251–325F, ㊱…㊿ U+32B1–32BF: Unicode has circled numbers up to 50
_CIRCLED = (
    [chr(0x2460 + n) for n in range(20)] + [chr(0x3251 + n) for n in range(15)] + [chr(0x32B1 + n) for n in range(15)]
)


def chinese_count(number: int) -> str:
    """A counting number in Chinese words, as headings print it: 1 → 一, 12 → 十二, 105 → 一百零五."""
    if number < 100:
        return chinese_number(number)
    if number >= 10000:
        return str(number)
    hundreds, rest = divmod(number, 100)
    if hundreds >= 10:
        thousands, hundreds = divmod(hundreds, 10)
        head = chinese_number(thousands) + "千" + (chinese_number(hundreds) + "百" if hundreds else "")
        if not hundreds and rest:
            head += "零"
    else:
        head = chinese_number(hundreds) + "百"
    if not rest:
        return head
    tail = chinese_number(rest)
    if rest < 10:
        return head + ("" if head.endswith("零") else "零") + tail
    return head + ("一" + tail if rest < 20 else tail)  # 一百一十二, not 一百十二


def circled(number: int) -> str:
    """① … ⑳ … ㊿ (Unicode has no circled number above 50: then (51), as offices continue by hand)."""
    return _CIRCLED[number - 1] if 1 <= number <= len(_CIRCLED) else f"({number})"


def format_number(number: int, form: str) -> str:
    """The printed prefix of a task number in a numbering form: 3 in 1、 → 3、, in 01. → 03., in 一、 → 三、,
    in ① → ③, in 1 → 3; nothing for none."""
    if form == "none":
        return ""
    if form == "①":
        return circled(number)
    if "01" in form:
        return form.replace("01", f"{number:02d}")
    if "一" in form:
        return form.replace("一", chinese_count(number))
    return form.replace("1", str(number))
