"""Figures as Vietnamese reports write them: "trên 90%", "gần 6 tỷ đồng", "34.000", "1,5".

Reading: a qualifier word, a number with "." for thousands and "," for decimals, an optional
scale word (nghìn, triệu, tỷ), "%" and "đồng". Writing: the same conventions, so that a figure
read from a report is printed back in the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

# trên, hơn: more than · gần: a little less than · khoảng: about
Qualifier = Literal["trên", "hơn", "gần", "khoảng"]
QUALIFIERS: tuple[str, ...] = get_args(Qualifier)

SCALES = {"nghìn": 1_000, "ngàn": 1_000, "triệu": 1_000_000, "tỷ": 1_000_000_000, "tỉ": 1_000_000_000}
_SCALE_NAMES = (("tỷ", 1_000_000_000), ("triệu", 1_000_000), ("nghìn", 1_000))
YES = frozenset({"có", "đã", "đạt", "rồi", "x", "true", "yes"})
NO = frozenset({"không", "chưa", "false", "no"})

_FIGURE = re.compile(
    r"^(?:(?P<qualifier>" + "|".join(QUALIFIERS) + r")\s+)?"
    r"(?P<number>[0-9][0-9.,]*)\s*"
    r"(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)?\s*"
    r"(?P<percent>%)?\s*(?:đồng|đ)?$",
    re.IGNORECASE,
)


class FigureError(ValueError):
    """Text that is not a figure; the message says what was expected."""


@dataclass(frozen=True)
class Figure:
    value: bool | int | float
    qualifier: str | None = None
    percent: bool = False


# The largest figure thidua reads: 15 digits (a million billion đồng), exact as a float. Beyond,
# int() of thousands of digits is refused by Python (4,300) and float() overflows.
MAX_FIGURE = 10**15


def parse_number(text: str) -> int | float:
    """'34.000' -> 34000, '1,5' -> 1.5, '87.5' -> 87.5, '1.234,5' -> 1234.5."""
    text = text.strip()
    if not re.fullmatch(r"[0-9][0-9.,]*", text) or text.endswith((".", ",")):
        raise FigureError(text)
    if len(text) > 40:  # never int() or float() of thousands of digits
        raise FigureError(text)
    if "," in text:  # the decimal comma; dots before it group thousands
        whole, _, decimals = text.rpartition(",")
        if "," in whole or (("." in whole) and not re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", whole)):
            raise FigureError(text)
        number: int | float = float(whole.replace(".", "") + "." + decimals)
    elif re.fullmatch(r"[0-9]{1,3}(\.[0-9]{3})+", text):  # 34.000, 1.500.000
        number = int(text.replace(".", ""))
    elif text.count(".") == 1:  # 87.5, as a spreadsheet exports it
        number = float(text)
    elif "." in text:
        raise FigureError(text)
    else:
        number = int(text)
    if abs(number) >= MAX_FIGURE:
        raise FigureError(text)
    if isinstance(number, float) and number.is_integer():
        return int(number)
    return number


def parse_figure(text: str) -> Figure:
    """'trên 90%', 'gần 6 tỷ đồng', '27', 'có' -> a Figure; FigureError when it is none of these."""
    cleaned = " ".join(text.replace("\u00a0", " ").split())
    lowered = cleaned.lower()
    if lowered in YES:
        return Figure(True)
    if lowered in NO:
        return Figure(False)
    match = _FIGURE.match(cleaned)
    if match is None:
        raise FigureError(text)
    value = parse_number(match["number"])
    if match["scale"]:
        value = _exact(value * SCALES[match["scale"].lower()])
    if value >= MAX_FIGURE:
        raise FigureError(text)
    qualifier = match["qualifier"].lower() if match["qualifier"] else None
    return Figure(value, qualifier, percent=bool(match["percent"]))


def _exact(value: float) -> int | float:
    rounded = round(value, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


def format_number(value: float) -> str:
    """34000 -> '34.000', 1.5 -> '1,5', 87.25 -> '87,25' (at most two decimals)."""
    rounded = round(float(value), 2)
    whole = int(abs(rounded))
    fraction = f"{abs(rounded):.2f}".split(".")[1].rstrip("0")
    text = f"{whole:,}".replace(",", ".")
    if fraction:
        text += "," + fraction
    return ("-" if rounded < 0 else "") + text


def format_money(value: float) -> str:
    """6_000_000_000 -> '6 tỷ đồng', 800_000_000 -> '800 triệu đồng', 1_500_000_000 -> '1,5 tỷ đồng'."""
    for name, size in _SCALE_NAMES:
        if abs(value) >= size:
            return f"{format_number(value / size)} {name} đồng"
    return f"{format_number(value)} đồng"


def with_qualifier(qualifier: str | None, text: str) -> str:
    return f"{qualifier} {text}" if qualifier else text


def meets(value: float, qualifier: str | None, goal: float) -> bool:
    """Whether a reported figure reaches a goal: "gần 90%" does not reach 90%, "trên 90%" does."""
    if value > goal:
        return True
    return value == goal and qualifier != "gần"
