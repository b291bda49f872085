"""The campaign year moving on: which dates and year mentions move with it, and which stay.

A plan's text mixes years that belong to the campaign ("năm 2021", "30/6/2021", "giai đoạn
2016 - 2020" in a 2016–2020 plan) with years that do not: terms and stages that run past it
("nhiệm kỳ 2021-2026"), documents it cites ("Nghị định 145/2020/NĐ-CP", "Kế hoạch số 63/KH-LĐLĐ
ngày 31/12/2020"), history ("28/7/1929"). `new` moves the first kind, `diff` treats a text that
differs only by that move as unchanged; both read the text with the same rules, here.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

# A date as plans write it: 30/6/2021, 01/7/2021, 22-02-2021, 30.4.2021.
_DATE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d/])")
# A cited document: "số 63/KH-LĐLĐ ngày 31/12/2020", "số 132/KH-LĐLĐ ngày 07 tháng 9 năm 2021".
CITATION = re.compile(
    r"\b[Ss]ố:?\s*(\d+[\w./-]*)\s*,?\s*ngày\s+"
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
# A range of years: 2016 - 2020, 2021-2026, (2020-2021).
_YEAR_RANGE = re.compile(r"(?<![\d/.])(\d{4})(\s*[-–]\s*)(\d{4})(?![\d/])")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
# An event with its ordinal stays in its year: "Đại hội … lần thứ X - năm 2020", "lần thứ XII (năm 2018)".
_EVENT = re.compile(r"lần thứ\s+\w+\W{0,4}(?:năm\s+)?$")
# "kỷ niệm 91 năm", "131 năm Ngày sinh …": an anniversary's ordinal.
_ORDINAL = re.compile(r"(?:\b[Kk]ỷ niệm\s+)?\b(\d{1,3})\s+năm\b")
_ANNIVERSARY_RANGE = re.compile(
    r"\((?:\d{1,2}[/.-]\d{1,2}[/.-])?(\d{4})\s*[-–]\s*(?:\d{1,2}[/.-]\d{1,2}[/.-])?(\d{4})\)"
)
# An anniversary's range is at least this long; a shorter past range is a stage ("2016-2020").
_HISTORY = 10


@dataclass(frozen=True)
class Edit:
    """Replace text[start:end] (which reads `old`) with `new`."""

    start: int
    end: int
    old: str
    new: str


@dataclass(frozen=True)
class Mention:
    """A place in a text that a human must look at when the year moves on."""

    kind: str  # anniversary, citation
    start: int
    end: int
    text: str  # as written
    ordinal: int | None = None  # an anniversary's "N năm"
    years: tuple[int, int] | None = None  # an anniversary's (founding year, year celebrated)


@dataclass(frozen=True)
class YearShift:
    """Move a campaign by `delta` years.

    Tied to the campaign: the years of its period and the year before it (last year's results,
    "tổng kết năm 2020"). A range of years moves only when it is the period itself; an
    anniversary's range ("1929 - 2021") moves its end.
    """

    delta: int
    first: int  # the first year tied to the campaign
    last: int
    period: tuple[int, int] | None = None  # the period's first and last year

    @classmethod
    def of(cls, start: date | None, end: date | None, year: int, delta: int) -> YearShift:
        first = start.year if start else year
        last = end.year if end else first
        return cls(delta=delta, first=first - 1, last=last, period=(first, last) if start and end else None)

    def tied(self, year: int) -> bool:
        return self.first <= year <= self.last

    def moved(self, value: date) -> date:
        """The same day and month `delta` years on; 29/02 becomes 28/02 outside leap years."""
        year = value.year + self.delta
        day = min(value.day, calendar.monthrange(year, value.month)[1])
        return value.replace(year=year, day=day)

    def moves(self, value: date) -> bool:
        return self.delta != 0 and self.tied(value.year)

    # ------------------------------------------------------------------ text

    def edits(self, text: str) -> list[Edit]:
        """The year mentions of `text` that move, in order; citations never move."""
        if self.delta == 0 or not _has_year(text):
            return []
        protected = [m.span() for m in CITATION.finditer(text)]
        edits: dict[int, Edit] = {}
        taken: list[tuple[int, int]] = []

        def free(start: int, end: int) -> bool:
            return not any(a < end and start < b for a, b in protected + taken)

        for match in _DATE.finditer(text):
            if not free(*match.span()):
                continue
            day, month, year = int(match[1]), int(match[3]), int(match[4])
            taken.append(match.span())
            if not self.tied(year) or not 1 <= month <= 12:
                continue
            new_year = year + self.delta
            if month == 2 and day == 29 and not calendar.isleap(new_year):  # 29/02/2024 -> 28/02/2025
                edits[match.start(1)] = Edit(match.start(1), match.end(1), match[1], "28")
            edits[match.start(4)] = Edit(match.start(4), match.end(4), match[4], str(new_year))
        for match in _YEAR_RANGE.finditer(text):
            if not free(*match.span()):
                continue
            a, b = int(match[1]), int(match[3])
            taken.append(match.span())
            if self.period is not None and (a, b) == self.period:
                for group in (1, 3):
                    edits[match.start(group)] = self._year_edit(match, group)
            elif not self.tied(a) and self.tied(b) and b - a >= _HISTORY:
                edits[match.start(3)] = self._year_edit(match, 3)
        for match in _YEAR.finditer(text):
            start, end = match.span()
            if not free(start, end) or _in_symbol(text, start, end) or _EVENT.search(text[max(0, start - 40) : start]):
                continue
            year = int(match[0])
            if self.tied(year):
                edits[start] = Edit(start, end, match[0], str(year + self.delta))
        return [edits[k] for k in sorted(edits)]

    def _year_edit(self, match: re.Match[str], group: int) -> Edit:
        return Edit(match.start(group), match.end(group), match[group], str(int(match[group]) + self.delta))

    def apply(self, text: str) -> str:
        return apply_edits(text, self.edits(text))

    def mentions(self, text: str) -> list[Mention]:
        """Anniversaries whose ordinal changes with the year, and documents cited with their date."""
        found: list[Mention] = []
        for match in CITATION.finditer(text):
            found.append(Mention("citation", match.start(), match.end(), match[0]))
        for match in _ORDINAL.finditer(text):
            ordinal = int(match[1])
            celebrated = match[0][:1] in "Kk"
            years = None
            # The range that dates it, in the same clause: "91 năm Ngày … (03/02/1930 - 03/02/2021)".
            clause = re.split(r"[;:]", text[match.end() : match.end() + 160], maxsplit=1)[0]
            dated = _ANNIVERSARY_RANGE.search(clause)
            if dated:
                a, b = int(dated[1]), int(dated[2])
                if b - a == ordinal:
                    years = (a, b)
            if celebrated or years:
                found.append(Mention("anniversary", match.start(), match.end(), match[0], ordinal, years))
        return sorted(found, key=lambda m: m.start)


def _has_year(text: str) -> bool:
    return _YEAR.search(text) is not None


def _in_symbol(text: str, start: int, end: int) -> bool:
    """A year inside a document symbol: 145/2020/NĐ-CP, 22/2021/TT-BLĐTBXH."""
    return start > 0 and text[start - 1] == "/" and end < len(text) and text[end] == "/"


def apply_edits(text: str, edits: list[Edit]) -> str:
    out: list[str] = []
    cursor = 0
    for edit in edits:
        out.append(text[cursor : edit.start])
        out.append(edit.new)
        cursor = edit.end
    out.append(text[cursor:])
    return "".join(out)
