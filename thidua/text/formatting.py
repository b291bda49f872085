"""Vietnamese administrative formatting: dates, document numbers, literal numbering labels."""

from __future__ import annotations

import re
from datetime import date

from thidua.text.kyhieu import join

# Nghị định 30/2020, Phụ lục I: "ngày 07 tháng 9 năm 2021" — days below 10 and the
# months 1 and 2 take a leading zero, months 3–12 do not.
_ROMAN = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))  # fmt: skip

# The Vietnamese alphabet without the letters that carry only diacritics (ă, â, ê, ô, ơ, ư)
# and without f, j, w, z: the order of a) b) c) … in administrative documents.
VIETNAMESE_ALPHA = ("a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m",
                    "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y")  # fmt: skip


# Room left for the văn thư to write by hand; no-break spaces, so layout keeps them.
BLANK = "\u00a0"


def _day(value: date) -> str:
    return f"{value.day:02d}"


def _month(value: date) -> str:
    return f"{value.month:02d}" if value.month <= 2 else str(value.month)


def long_date(value: date) -> str:
    """`ngày 22 tháng 02 năm 2021`, as on the place-and-date line."""
    return f"ngày {_day(value)} tháng {_month(value)} năm {value.year}"


def short_date(value: date) -> str:
    """`22/02/2021`, `01/7/2021`: the same leading-zero rule, as dates are written in the text."""
    return f"{_day(value)}/{_month(value)}/{value.year}"


def doc_number(number: str | None) -> str:
    """The số: a number below 10 gets a leading zero (`06`); text is kept as written."""
    if number is None:
        return ""
    text = number.strip()
    return f"{int(text):02d}" if text.isdigit() and int(text) < 10 else text


def so_ky_hieu(number: str | None, ky_hieu: str) -> str:
    """`58/KH-LĐLĐ`, a Party document's `29-NQ/TW`; an unassigned number leaves room for the văn thư."""
    return join(doc_number(number) or BLANK * 6, ky_hieu)


def roman(n: int) -> str:
    """1 -> I, 4 -> IV, 14 -> XIV."""
    if n < 1:
        raise ValueError(f"no Roman numeral for {n}")
    out = []
    for value, letters in _ROMAN:
        count, n = divmod(n, value)
        out.append(letters * count)
    return "".join(out)


def roman_value(numeral: str) -> int:
    """I -> 1, IV -> 4, XIV -> 14: `roman` read back."""
    values = {letters: value for value, letters in _ROMAN if len(letters) == 1}
    total = 0
    for letter, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = values[letter]
        total += -value if following and values[following] > value else value
    return total


def alpha(n: int) -> str:
    """1 -> a, 5 -> đ, 23 -> y, 24 -> aa: letters in Vietnamese alphabet order."""
    if n < 1:
        raise ValueError(f"no letter for {n}")
    size = len(VIETNAMESE_ALPHA)
    letters = ""
    while n:
        n, rest = divmod(n - 1, size)
        letters = VIETNAMESE_ALPHA[rest] + letters
    return letters


def parse_date(text: str) -> date | None:
    """'2021-06-30', '30/6/2021' or '30/06/2021' as a date; None when it is not a real day."""
    text = text.strip()
    match = re.fullmatch(r"([0-9]{4})-([0-9]{2})-([0-9]{2})|([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})", text)
    if match is None:
        return None
    year, month, day = (match[1], match[2], match[3]) if match[1] else (match[6], match[5], match[4])
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
