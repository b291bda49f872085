"""TX2: dates and years written in the text — impossible, malformed, implausible, backwards, contradicting the plan."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.formatting import short_date
from thidua.text.segments import Segment

E = Severity.error

_DASH = r"\s*[-–—]\s*"
# 22/02/2021; the year may be mistyped (3, 5 or 6 digits): other rules say so.
_SLASHED = re.compile(r"(?<![\d/.,])(\d{1,2})/(\d{1,2})/(\d{1,6})(?![\d/])")
# ngày 22 tháng 02 năm 2021, ngày 22 tháng 02
_WORDED = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{1,6}))?", re.IGNORECASE)
# ngày 30/6 (a short date is only read after "ngày": 15/20 is a fraction)
_SHORT = re.compile(r"ngày\s+(\d{1,2})/(\d{1,2})(?![\d/])", re.IGNORECASE)
# 27-28/72020: month and year run together
_GLUED = re.compile(r"(?<![\d/])(\d{1,2}(?:\s*[-–]\s*\d{1,2})?)/(1[0-2]|0?[1-9])((?:19|20)\d{2})(?![\d/])")
_YEAR_WORDS = r"(?:năm|giai đoạn|nhiệm kỳ|thời kỳ)"
_LONG_YEAR = re.compile(
    rf"(?:{_YEAR_WORDS}\s+(?P<alone>\d{{5,6}})(?!\d))"
    rf"|(?:(?<![\d/])(?P<first>\d{{4}}){_DASH}(?P<after>\d{{5,6}})(?![\d/]))"
    rf"|(?:(?<![\d/])(?P<before>\d{{5,6}}){_DASH}(?P<second>\d{{4}})(?![\d/]))",
    re.IGNORECASE,
)
_FIVE_DIGITS = re.compile(r"\d{5}")
# A token of web-copied text, not prose: an address, a domain, a page name, a slug (bai-viet-2019-12345).
_WEB_TOKEN = re.compile(
    r"://|^www\.|\.(?:vn|com|net|org|gov|edu|info|html?|php|aspx?|ldo|pdf|docx?)\b|[^\W\d_]-\d|\d-[^\W\d_]",
    re.IGNORECASE,
)
# Words that introduce an id (ID: 2021-20210, mã tin 12345-2021), right before the number.
_ID_BEFORE = re.compile(r"(?:\bid|\bmã(?:\s+(?:số|tin|bài|hồ\s+sơ))?|\bsố\s+hiệu)\s*[:#.]?\s*$", re.IGNORECASE)


def _not_prose(text: str, at: int) -> bool:
    """Whether the number at `at` sits in a URL, a page name or an id rather than in a sentence."""
    start = max(text.rfind(" ", 0, at), text.rfind("\t", 0, at), text.rfind("\n", 0, at)) + 1
    end = len(text)
    for space in (" ", "\t", "\n"):
        found = text.find(space, at)
        if found != -1:
            end = min(end, found)
    token = text[start:end].strip("()[]<>\"'“”,;")
    return _WEB_TOKEN.search(token) is not None or _ID_BEFORE.search(text, max(0, start - 24), start) is not None
_DASHED = re.compile(r"\d\s*[-–—]\s*\d")
_YEAR_RANGE = re.compile(rf"(?<![\d/.,])((?:1[0-9]|20)\d{{2}}){_DASH}((?:1[0-9]|20)\d{{2}})(?![\d/])")
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_DATE_RANGE = re.compile(rf"(?<![\d/])({_DATE}){_DASH}({_DATE})(?![\d/])")
_FROM_TO = re.compile(
    rf"(?:từ\s+(?:ngày\s+)?(?P<start>{_DATE})|(?P<now>từ\s+(?:nay|ngày\s+ban\s+hành|ngày\s+ký)))"
    rf"[^.;]*?đến\s+(?:hết\s+)?(?:ngày\s+)?(?P<end>{_DATE})",
    re.IGNORECASE,
)


def _dated(ctx: TextContext) -> Iterator[Segment]:
    return (segment for segment in ctx.segments if segment.has_digit)


def _parse(text: str) -> date | None:
    day, month, year = (int(part) for part in text.split("/"))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _impossible(day: int, month: int, year: int | None) -> bool:
    if not 1 <= month <= 12:
        return True
    # Without a year, 29 February may exist; 2000 is a leap year.
    last = calendar.monthrange(year if year and 1 <= year <= 9999 else 2000, month)[1]
    return not 1 <= day <= last


def check_impossible_date(ctx: TextContext) -> Iterator[Problem]:
    for segment in _dated(ctx):
        text = segment.text
        seen: set[int] = set()
        patterns = (_WORDED, _SLASHED, _SHORT) if "ngày" in segment.lowered else (_SLASHED,)
        for pattern in patterns if "/" in text or "tháng" in segment.lowered else ():
            for match in pattern.finditer(text):
                year_text = match.group(3) if pattern.groups >= 3 else None
                year = int(year_text) if year_text and len(year_text) == 4 else None
                if match.start() in seen or not _impossible(int(match[1]), int(match[2]), year):
                    continue
                seen.add(match.start())
                yield text_problem(segment, match.start(), date=match[0])


def check_glued(ctx: TextContext) -> Iterator[Problem]:
    for segment in _dated(ctx):
        if "/" not in segment.text:
            continue
        for match in _GLUED.finditer(segment.text):
            fixed = f"{match[1]}/{match[2]}/{match[3]}"
            yield text_problem(segment, match.start(), written=match[0], suggestion=fixed)


def _shorter_years(digits: str, near: int | None) -> list[int]:
    """The 4-digit years one deleted digit away from `digits`, the closest to `near` first."""
    years = {int(digits[:i] + digits[i + 1 :]) for i in range(len(digits))} if len(digits) == 5 else set()
    years = {y for y in years if 1000 <= y <= 2999}
    return sorted(years, key=lambda y: (abs(y - near) if near else 0, y))


def check_implausible_year(ctx: TextContext) -> Iterator[Problem]:
    plan_year = ctx.plan.year if ctx.plan is not None else None
    for segment in _dated(ctx):
        if not _FIVE_DIGITS.search(segment.text):
            continue
        for match in _LONG_YEAR.finditer(segment.text):
            if match["after"]:
                digits, start = match["after"], match.start("after")
                first = int(match["first"])
                candidates = [y for y in _shorter_years(digits, first) if y >= first]
            elif match["before"]:
                digits, start = match["before"], match.start("before")
                second = int(match["second"])
                candidates = [y for y in _shorter_years(digits, second) if y <= second]
            else:
                digits, start = match["alone"], match.start("alone")
                candidates = _shorter_years(digits, plan_year)
            if _not_prose(segment.text, start):
                continue
            yield text_problem(segment, start, year=digits, suggestion=str(candidates[0]) if candidates else "")


def check_backwards(ctx: TextContext) -> Iterator[Problem]:
    for segment in _dated(ctx):
        text = segment.text
        if not _DASHED.search(text):
            continue
        for match in _YEAR_RANGE.finditer(text):
            if int(match[2]) < int(match[1]):
                yield text_problem(segment, match.start(), written=match[0])
        for match in _DATE_RANGE.finditer(text):
            first, second = _parse(match[1]), _parse(match[2])
            if first and second and second < first:
                yield text_problem(segment, match.start(), written=match[0])


def check_contradiction(ctx: TextContext) -> Iterator[Problem]:
    plan = ctx.plan
    if plan is None:
        return
    phases = dict(plan.phases())  # by where each stands: a segment looks up its own prefixes
    lengths = sorted({len(loc) for loc in phases})
    for segment in ctx.segments:
        for length in lengths:
            phase = phases.get(segment.loc[:length])
            if phase is not None:
                yield from _phase_dates(segment, phase.start, phase.end, plan.document.date)
    period = plan.campaign.period
    if period and period.start and period.end:
        for segment in ctx.segments:
            if segment.loc in (("document", "title"), ("campaign", "name")):
                yield from _title_years(segment, period.start.year, period.end.year)


def _phase_dates(segment: Segment, start: date | None, end: date | None, issued: date | None) -> Iterator[Problem]:
    for match in _FROM_TO.finditer(segment.text):
        written_start = _parse(match["start"]) if match["start"] else (issued if match["now"] else None)
        checks = (
            ("start", match.start(), written_start, start, match["start"] or match["now"]),
            ("end", match.start("end"), _parse(match["end"]), end, match["end"]),
        )
        for which, offset, written, field_value, shown in checks:
            if written and field_value and written != field_value:
                yield text_problem(
                    segment,
                    offset,
                    written=shown,
                    field={"vi": "ngày bắt đầu" if which == "start" else "ngày kết thúc", "en": f"its {which}"},
                    value=short_date(field_value),
                )


def _title_years(segment: Segment, first: int, last: int) -> Iterator[Problem]:
    for match in _YEAR_RANGE.finditer(segment.text):
        if (int(match[1]), int(match[2])) != (first, last):
            yield text_problem(
                segment,
                match.start(),
                written=match[0],
                field={"vi": "thời gian thi đua", "en": "the campaign period"},
                value=f"{first} - {last}",
            )
    for match in re.finditer(r"năm\s+((?:19|20)\d{2})(?!\d)", segment.text, re.IGNORECASE):
        if not first <= int(match[1]) <= last:
            yield text_problem(
                segment,
                match.start(1),
                written=match[1],
                field={"vi": "thời gian thi đua", "en": "the campaign period"},
                value=f"{first} - {last}" if first != last else str(first),
            )


RULES = (
    Rule(
        "TX20",
        "text-date.impossible",
        E,
        text_check=check_impossible_date,
        summary={"vi": "Ngày viết trong văn bản không tồn tại", "en": "A date in the text that does not exist"},
        message={"vi": "ngày '{date}' không tồn tại", "en": "the date '{date}' does not exist"},
        why={
            "vi": "'30/02/2021', 'ngày 31 tháng 6': thường do sửa ngày của năm trước mà quên đổi tháng.",
            "en": "'30/02/2021', 'ngày 31 tháng 6': usually last year's date edited without changing the month.",
        },
        bad="closing: Báo cáo sơ kết gửi về trước ngày 30/02/2021.\n",
        good="closing: Báo cáo sơ kết gửi về trước ngày 28/02/2021.\n",
    ),
    Rule(
        "TX21",
        "text-date.malformed",
        E,
        text_check=check_glued,
        summary={"vi": "Ngày viết dính tháng với năm", "en": "A date with its month and year run together"},
        message={
            "vi": "'{written}' thiếu dấu '/' giữa tháng và năm: '{suggestion}'",
            "en": "'{written}' lacks the '/' between month and year: '{suggestion}'",
        },
        why={
            "vi": "'(27-28/72020)' là 27-28/7/2020 thiếu một dấu gạch chéo; người đọc phải đoán.",
            "en": "'(27-28/72020)' is 27-28/7/2020 missing a slash; the reader has to guess.",
        },
        bad="opening:\n  - Trong 2 ngày (27-28/72020) Đại hội thi đua yêu nước tỉnh lần thứ V.\n",
        good="opening:\n  - Trong 2 ngày (27-28/7/2020) Đại hội thi đua yêu nước tỉnh lần thứ V.\n",
    ),
    Rule(
        "TX22",
        "text-date.implausible-year",
        E,
        text_check=check_implausible_year,
        summary={"vi": "Năm có quá nhiều chữ số", "en": "A year with too many digits"},
        message={"vi": "năm '{year}' không hợp lý", "en": "the year '{year}' is implausible"},
        hint={"vi": " — có phải {suggestion}?", "en": " — did you mean {suggestion}?"},
        why={
            "vi": "'giai đoạn 2016 - 20120' đã được ký và ban hành: một chữ số thừa mà không ai đọc lại. Số trong "
            "địa chỉ web, tên trang (bai-viet-2019-12345.html) và mã số (ID: 2021-20210) không phải là năm.",
            "en": "'giai đoạn 2016 - 20120' was signed and issued: one extra digit nobody reread. Numbers in web "
            "addresses, page names (bai-viet-2019-12345.html) and ids (ID: 2021-20210) are not years.",
        },
        bad="opening:\n  - Phong trào thi đua giai đoạn 2016 - 20120.\n",
        good="opening:\n  - Phong trào thi đua giai đoạn 2016 - 2020.\n",
    ),
    Rule(
        "TX23",
        "text-date.backwards",
        E,
        text_check=check_backwards,
        summary={"vi": "Khoảng thời gian viết ngược", "en": "A period written backwards"},
        message={"vi": "'{written}' kết thúc trước khi bắt đầu", "en": "'{written}' ends before it starts"},
        why={
            "vi": "'giai đoạn 2020 - 2016', '(01/7/2021 - 30/6/2021)': thường do sửa một đầu mà quên đầu kia.",
            "en": "'giai đoạn 2020 - 2016', '(01/7/2021 - 30/6/2021)': usually one end edited and not the other.",
        },
        bad="opening:\n  - Kế hoạch phát triển kinh tế - xã hội 5 năm 2020 - 2016.\n",
        good="opening:\n  - Kế hoạch phát triển kinh tế - xã hội 5 năm 2016 - 2020.\n",
    ),
    Rule(
        "TX24",
        "text-date.contradicts-plan",
        E,
        text_check=check_contradiction,
        summary={
            "vi": "Ngày viết trong văn bản khác với ngày khai báo của kế hoạch",
            "en": "A written date that contradicts the plan's own dates",
        },
        message={
            "vi": "'{written}' khác với {field} đã khai báo ({value})",
            "en": "'{written}' contradicts {field} ({value})",
        },
        why={
            "vi": "Một đợt có 'start'/'end' nhưng câu chữ viết 'Từ ngày 01/7/2021 đến 31/12/2021'; trích yếu "
            "ghi 'giai đoạn 2016 - 2020' nhưng thời gian thi đua khai báo khác; đợt 'từ ngày ban hành' "
            "phải bắt đầu đúng ngày ban hành. Sửa một nơi mà quên nơi kia là lỗi hay gặp.",
            "en": "A phase has start/end but its text says 'Từ ngày 01/7/2021 đến 31/12/2021'; the title says "
            "'giai đoạn 2016 - 2020' but the declared period differs; a phase 'from the issue date' must start "
            "on it. Editing one place and not the other is common.",
        },
        bad="# …\n      - phase:\n          name: Đợt 2\n          start: 2021-07-01\n          end: 2021-12-31\n"
        "          when: Từ ngày 01/7/2021 đến 30/11/2021\n",
        good="# …\n      - phase:\n          name: Đợt 2\n          start: 2021-07-01\n          end: 2021-12-31\n"
        "          when: Từ ngày 01/7/2021 đến 31/12/2021\n",
    ),
)
