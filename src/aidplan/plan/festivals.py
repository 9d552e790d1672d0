"""The days of the festivals offices date work by (春节前, 国庆节前, 清明节前, 五一前, 端午节前, 中秋节前).

Fixed days (元旦, 五一, 国庆) are dates; 清明 is the solar term (chinesecalendar computes it); 春节, 端午 and 中秋
follow the lunar calendar: their Gregorian days are listed below for 2000–2060 (正月初一, 五月初五, 八月十五, from
the Chinese lunar calendar; tests/test_festivals.py checks them against the State Council holiday data).
"""

from __future__ import annotations

import datetime as dt

# the festival as printed (with or without 节) → its key
NAMES = {
    "元旦": "元旦",
    "春节": "春节",
    "清明": "清明",
    "清明节": "清明",
    "五一": "五一",
    "劳动节": "五一",
    "五一劳动节": "五一",
    "端午": "端午",
    "端午节": "端午",
    "中秋": "中秋",
    "中秋节": "中秋",
    "国庆": "国庆",
    "国庆节": "国庆",
}
_FIXED = {"元旦": (1, 1), "五一": (5, 1), "国庆": (10, 1)}
_LUNAR_INDEX = {"春节": 0, "端午": 1, "中秋": 2}
# year → (春节, 端午, 中秋) as month * 100 + day
LUNAR = {
    2000: (205, 606, 912),
    2001: (124, 625, 1001),
    2002: (212, 615, 921),
    2003: (201, 604, 911),
    2004: (122, 622, 928),
    2005: (209, 611, 918),
    2006: (129, 531, 1006),
    2007: (218, 619, 925),
    2008: (207, 608, 914),
    2009: (126, 528, 1003),
    2010: (214, 616, 922),
    2011: (203, 606, 912),
    2012: (123, 623, 930),
    2013: (210, 612, 919),
    2014: (131, 602, 908),
    2015: (219, 620, 927),
    2016: (208, 609, 915),
    2017: (128, 530, 1004),
    2018: (216, 618, 924),
    2019: (205, 607, 913),
    2020: (125, 625, 1001),
    2021: (212, 614, 921),
    2022: (201, 603, 910),
    2023: (122, 622, 929),
    2024: (210, 610, 917),
    2025: (129, 531, 1006),
    2026: (217, 619, 925),
    2027: (206, 609, 915),
    2028: (126, 528, 1003),
    2029: (213, 616, 922),
    2030: (203, 605, 912),
    2031: (123, 624, 1001),
    2032: (211, 612, 919),
    2033: (131, 601, 908),
    2034: (219, 620, 927),
    2035: (208, 610, 916),
    2036: (128, 530, 1004),
    2037: (215, 618, 924),
    2038: (204, 607, 913),
    2039: (124, 527, 1002),
    2040: (212, 614, 920),
    2041: (201, 603, 910),
    2042: (122, 622, 928),
    2043: (210, 611, 917),
    2044: (130, 531, 1005),
    2045: (217, 619, 925),
    2046: (206, 608, 915),
    2047: (126, 529, 1004),
    2048: (214, 615, 922),
    2049: (202, 604, 911),
    2050: (123, 623, 930),
    2051: (211, 613, 919),
    2052: (201, 601, 907),
    2053: (219, 620, 926),
    2054: (208, 610, 916),
    2055: (128, 530, 1005),
    2056: (215, 617, 924),
    2057: (204, 606, 913),
    2058: (124, 625, 1002),
    2059: (212, 614, 921),
    2060: (202, 603, 909),
}
FIRST_YEAR, LAST_YEAR = min(LUNAR), max(LUNAR)


def festival_day(key: str, year: int) -> dt.date | None:
    """The day of festival `key` (a value of NAMES) in `year`; None outside the years listed for a lunar one."""
    if key in _FIXED:
        return dt.date(year, *_FIXED[key])
    if key == "清明":
        import chinese_calendar

        found = chinese_calendar.get_solar_terms(dt.date(year, 4, 1), dt.date(year, 4, 10))
        return next((day for day, name in found if name == "清明"), dt.date(year, 4, 5))
    if year not in LUNAR:
        return None
    value = LUNAR[year][_LUNAR_INDEX[key]]
    return dt.date(year, value // 100, value % 100)
