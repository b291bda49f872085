"""TX2: dates and years written in the text — impossible, malformed, implausible, backwards, contradicting the plan."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from datetime import date

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.formatting import short_date
from thidua.text.segments import Segment, not_prose

E, W = Severity.error, Severity.warning

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
_DASHED = re.compile(r"\d\s*[-–—]\s*\d")
_YEAR_RANGE = re.compile(rf"(?<![\d/.,])((?:1[0-9]|20)\d{{2}}){_DASH}((?:1[0-9]|20)\d{{2}})(?![\d/])")
_DATE = r"\d{1,2}/\d{1,2}/\d{4}"
_DATE_RANGE = re.compile(rf"(?<![\d/])({_DATE}){_DASH}({_DATE})(?![\d/])")
_FROM_TO = re.compile(
    rf"(?:từ\s+(?:ngày\s+)?(?P<start>{_DATE})|(?P<now>từ\s+(?:nay|ngày\s+ban\s+hành|ngày\s+ký)))"
    rf"[^.;]*?đến\s+(?:hết\s+)?(?:ngày\s+)?(?P<end>{_DATE})",
    re.IGNORECASE,
)


# ngày 05 tháng 07 năm 2021, tháng 07 năm 2021: what ND30 says of zeros (day < 10 and months 1, 2 take one)
_ND30_DATE = re.compile(
    r"(?<![^\W\d_])(?:(?P<ngay>ngày)(?P<g1>[ \t\u00a0]+)(?P<day>\d{1,2})(?P<g2>[ \t\u00a0]+))?"
    r"(?P<thang>tháng)(?P<g3>[ \t\u00a0]+)(?P<month>\d{1,2})"
    r"(?:(?P<g4>[ \t\u00a0]+)(?P<nam>năm)(?P<g5>[ \t\u00a0]+)(?P<year>\d{4}))?(?![\d/])",
    re.IGNORECASE,
)
_GAP = r"[ \t\u00a0]*"
# 12/ 03/2021, 12 /03/2021: a numeric date with a space inside (only spaces: a line break is a wrap)
_SLASH_GAPS = ("/ ", " /", "/\t", "\t/", "/\u00a0", "\u00a0/")
_SPACED = re.compile(rf"(?<![\d/.,])(\d{{1,2}}){_GAP}/{_GAP}(\d{{1,2}}){_GAP}/{_GAP}((?:19|20)\d{{2}})(?![\d/])")


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
            if not_prose(segment.text, start):
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


def _zeroed(number: str, wanted: bool) -> str:
    return f"{int(number):02d}" if wanted else str(int(number))


def check_leading_zero(ctx: TextContext) -> Iterator[Problem]:
    for segment in _dated(ctx):
        if "tháng" not in segment.lowered:
            continue
        text = segment.text
        for match in _ND30_DATE.finditer(text):
            day, month, year = match["day"], match["month"], match["year"]
            if not match["ngay"] and not year:
                continue  # "tháng 07" alone is not a date
            if (day and not 1 <= int(day) <= 31) or not 1 <= int(month) <= 12:
                continue  # TX20 says the date does not exist
            full = bool(day and year)
            fixes = {}  # group -> the number as ND30 writes it
            if full and day != _zeroed(day, int(day) < 10):
                fixes["day"] = _zeroed(day, int(day) < 10)
            # a zero too many is always wrong; a zero missing only in a full date ("từ tháng 1")
            if month != _zeroed(month, int(month) < 3) and (month.startswith("0") or full):
                fixes["month"] = _zeroed(month, int(month) < 3)
            if not fixes or not_prose(text, match.start("month")):
                continue
            fixed = text[match.start() : match.end()]
            for group in ("month", "day"):  # the later span first: earlier offsets stay valid
                if group in fixes:
                    start, end = match.start(group) - match.start(), match.end(group) - match.start()
                    fixed = fixed[:start] + fixes[group] + fixed[end:]
            first = "day" if "day" in fixes else "month"
            yield text_problem(segment, match.start(first), written=match[0], suggestion=fixed)


def check_spaced_date(ctx: TextContext) -> Iterator[Problem]:
    for segment in _dated(ctx):
        text = segment.text
        if "/" not in text or not any(gap in text for gap in _SLASH_GAPS):
            continue
        for match in _SPACED.finditer(text):
            fixed = f"{match[1]}/{match[2]}/{match[3]}"
            if match[0] == fixed or not_prose(text, match.start()):
                continue
            yield text_problem(segment, match.start(), written=match[0], suggestion=fixed)


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


# "4 600 000 đồng", "1,000,000 đồng": groups of three digits set apart by a space or commas, where
# Vietnamese writes a dot (the comma is the decimal mark: "2,5%"). One comma group ("1,000") is left
# alone: it may be a decimal.
_SPACED_THOUSANDS = re.compile(
    r"(?<![\d.,/:\-])(?<!\d[ \u00a0])\d{1,3}(?:[ \u00a0]\d{3})+(?![\d]|[.,/:]\d|[ \u00a0]\d)"
)
_COMMA_THOUSANDS = re.compile(r"(?<![\d.,/:\-])\d{1,3}(?:,\d{3}){2,}(?![\d]|[.,/]\d)")


_GROUPED = re.compile(r"\d[ \u00a0,]\d\d\d")  # cheap: a digit, a separator, three digits


def check_thousands(ctx: TextContext) -> Iterator[Problem]:
    for segment in _dated(ctx):
        text = segment.text
        if _GROUPED.search(text) is None:
            continue
        for pattern in (_SPACED_THOUSANDS, _COMMA_THOUSANDS):
            for match in pattern.finditer(text):
                if not_prose(text, match.start()):
                    continue  # a telephone number, an address, an id
                fixed = re.sub(r"[ \u00a0,]", ".", match[0])
                yield text_problem(segment, match.start(), written=match[0], suggestion=fixed)


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
    Rule(
        "TX25",
        "text-date.leading-zero",
        W,
        text_check=check_leading_zero,
        summary={
            "vi": "Số 0 ở ngày, tháng không theo Nghị định 30",
            "en": "Leading zeros in a written date not as Nghị định 30 writes them",
        },
        message={
            "vi": "'{written}' viết số 0 không theo Nghị định 30: '{suggestion}'",
            "en": "'{written}' has its leading zeros not as Nghị định 30 writes them: '{suggestion}'",
        },
        why={
            "vi": "Nghị định 30/2020/NĐ-CP: ngày dưới 10 và tháng 1, 2 viết thêm số 0 ở trước, tháng 3 đến 12 "
            "thì không ('ngày 07 tháng 9 năm 2021', 'ngày 22 tháng 02 năm 2021'). Số 0 thừa ('tháng 07') bị báo "
            "ở mọi ngày viết bằng chữ; số 0 thiếu chỉ bị báo ở ngày đủ ngày, tháng, năm, vì 'từ ngày 1 tháng 9' "
            "trong câu văn là cách viết thường gặp. Ngày viết bằng số (01/7/2021) không bị xét. Dòng ngày ban "
            "hành của kế hoạch do mẫu in ra từ dữ liệu nên luôn đúng.",
            "en": "Nghị định 30/2020/NĐ-CP: a day below 10 and the months 1 and 2 take a leading zero, the months "
            "3 to 12 do not ('ngày 07 tháng 9 năm 2021', 'ngày 22 tháng 02 năm 2021'). A zero too many ('tháng "
            "07') is reported in every date written in words; a missing zero only in a full day-month-year date, "
            "as 'từ ngày 1 tháng 9' in a sentence is common. Numeric dates (01/7/2021) are not judged. A plan's "
            "own date line is printed by the template from its data, so it is always right.",
        },
        bad="opening:\n  - Sơ kết đợt 1 vào ngày 05 tháng 07 năm 2021.\n",
        good="opening:\n  - Sơ kết đợt 1 vào ngày 05 tháng 7 năm 2021.\n",
    ),
    Rule(
        "TX26",
        "text-date.spaced",
        W,
        text_check=check_spaced_date,
        summary={"vi": "Dấu cách trong ngày viết bằng số", "en": "A space inside a numeric date"},
        message={
            "vi": "'{written}' có dấu cách bên trong: '{suggestion}'",
            "en": "'{written}' has a space inside: '{suggestion}'",
        },
        why={
            "vi": "'12/ 03/2021' hay '12 /03/2021': dấu cách thừa làm Word ngắt dòng giữa ngày và tháng, và "
            "các công cụ tìm kiếm, đối chiếu không nhận ra đó là một ngày.",
            "en": "'12/ 03/2021' or '12 /03/2021': the stray space lets Word break the line between day and "
            "month, and search and comparison tools no longer see a date.",
        },
        bad="opening:\n  - Hội nghị sơ kết tổ chức ngày 12/ 7/2021.\n",
        good="opening:\n  - Hội nghị sơ kết tổ chức ngày 12/7/2021.\n",
    ),
    Rule(
        "TX27",
        "text-number.thousands",
        W,
        text_check=check_thousands,
        summary={
            "vi": "Số lớn phân cách hàng nghìn bằng dấu cách hay dấu phẩy",
            "en": "A large number with its thousands set apart by spaces or commas",
        },
        message={"vi": "'{written}' nên viết là '{suggestion}'", "en": "'{written}' should be written '{suggestion}'"},
        why={
            "vi": "Văn bản tiếng Việt phân cách hàng nghìn bằng dấu chấm ('4.600.000 đồng') và dùng dấu phẩy cho "
            "phần thập phân ('2,5%'). Số viết '4 600 000' hay '1,000,000' (kiểu tiếng Anh) dễ bị ngắt dòng giữa "
            "các nhóm chữ số hoặc đọc nhầm. Một nhóm sau dấu phẩy ('1,000') không bị xét: có thể là số thập phân.",
            "en": "Vietnamese text sets thousands apart with a dot ('4.600.000 đồng') and uses the comma for the "
            "decimals ('2,5%'). A number written '4 600 000' or '1,000,000' (English style) may break across lines "
            "between its groups or be misread. One group after a comma ('1,000') is left alone: it may be a decimal.",
        },
        bad="opening:\n  - Quyên góp được 4 600 000 đồng ủng hộ đoàn viên khó khăn.\n",
        good="opening:\n  - Quyên góp được 4.600.000 đồng ủng hộ đoàn viên khó khăn.\n",
    ),
)
