"""TX5: heading numbers written in the text — markers not as ND30 numbers them, numbers glued to their word."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Loc, Problem, Severity
from thidua.plan.model import Plan
from thidua.text.formatting import roman, roman_value
from thidua.text.segments import not_prose

W, N = Severity.warning, Severity.info

_ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"  # I to XXXIX: a plan has a dozen sections at most
_ARABIC = r"\d{1,2}(?:\.\d{1,2})*"
_SPACE = r"[ \t\u00a0]"
# A heading number at the start of a paragraph, then what follows it (judged in code).
# "I./CÔNG", "1./Tổng": a dot and a slash both; "I MỤC ĐÍCH": a roman numeral, a space, a heading in capitals
_ROMAN_MARKER = re.compile(
    rf"{_SPACE}*(?P<number>{_ROMAN})(?P<sep>\./{_SPACE}*|{_SPACE}*[/:\-–)]{_SPACE}*|\.(?=[^\W\d_])|{_SPACE}+(?=[^\W\d_]))"
)
_ARABIC_MARKER = re.compile(
    rf"{_SPACE}*(?P<number>{_ARABIC})(?P<sep>\./{_SPACE}*|{_SPACE}*[/\-–]{_SPACE}*|\.|{_SPACE}+)(?=[^\W\d_])"
)
_LETTER_MARKER = re.compile(rf"{_SPACE}*(?P<number>[a-zđ])(?P<sep>{_SPACE}*[/\-–]{_SPACE}*)(?=[^\W\d_])")
# I. MỤC ĐÍCH, 1. Mục đích, 2.1. Nội dung: numbers as ND30 writes them. A typed "a)" is left alone:
# items that open with their own letter are common in plans (see the TX30 cases), a choice not a slip.
_WELL_FORMED = re.compile(rf"{_SPACE}*(?P<number>(?:{_ROMAN}|{_ARABIC})\.){_SPACE}+(?=[^\W\d_])")
# I.1, II.2.: a roman section number run into an arabic item number
_MIXED = re.compile(
    rf"{_SPACE}*(?P<number>(?P<roman>{_ROMAN})\.(?P<arabic>\d{{1,2}}(?:\.\d{{1,2}})*)\.?)(?={_SPACE}|[^\W\d_])"
)
# đợt2, năm2021: a number glued to the word that counts it
_COUNTERS = r"đợt|phần|mục|chương|điều|khoản|khóa|khoá|lần|quý|giai đoạn|nhiệm kỳ|ngày|tháng"
_GLUED = re.compile(
    rf"(?<![^\W\d_])(?P<word>{_COUNTERS})(?P<number>\d{{1,2}}(?:\.\d{{1,2}})*)(?!\d|[/.,]\d)"
    rf"|(?<![^\W\d_])(?P<year_word>năm)(?P<year>(?:19|20)\d{{2}})(?!\d)",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")


def _next_word(text: str, at: int) -> str:
    match = re.match(r"[^\W\d_]+", text[at:])
    return match[0] if match else ""


def _marker(text: str) -> tuple[int, str, str] | None:
    """(offset, as written, as ND30 writes it) of a heading number written wrongly at the start of `text`."""
    if _MIXED.match(text):
        return None  # TX51's
    match = _ROMAN_MARKER.match(text)
    if match:
        mark = match["sep"].strip(" \t\u00a0")
        word = _next_word(text, match.end())
        # "II/ NỘI DUNG", "II/Nội dung"; "III- THỜI GIAN", "I) MỤC ĐÍCH", "II.NỘI DUNG" (not "X-quang", "V.I.Lênin", "V/v")
        spaced = match["sep"] != mark  # "III- THỜI"; unspaced ("III-THỜI", "II.NỘI") needs a word in capitals,
        # or a numeral no initial of a name is ("I.Tình hình", "II.Kết quả"; not "C.Mác", "V.Lênin")
        numeral = match["number"] not in ("V", "X", "L", "C", "D", "M")
        if not mark and not word.isupper():
            return None  # "I Mục", "V Lê": only a heading in capitals reads as "I. MỤC ĐÍCH" without its dot
        if len(word) > 1 and (
            mark in "/:" or "/" in mark or (word[0].isupper() and (spaced or word.isupper() or numeral))
        ):
            return match.start("number"), text[match.start("number") : match.end()], f"{match['number']}. "
        return None
    match = _LETTER_MARKER.match(text)
    if match:  # "a/ Nội dung", "b- Hình thức": ND30's letters take ")"
        if _next_word(text, match.end())[:1].isupper():
            return match.start("number"), text[match.start("number") : match.end()], f"{match['number']}) "
        return None
    match = _ARABIC_MARKER.match(text)
    if match is None:
        return None
    number, sep = match["number"], match["sep"]
    mark = sep.strip(" \t\u00a0")
    word = _next_word(text, match.end())
    if not word[:1].isupper():
        return None  # a wrapped line ("2 lần/tháng", "4.0 và …") starts in lower case
    if sep == "/" and word.isupper() and len(word) > 1:
        return None  # "84/BCĐTLQG": a document's số and ký hiệu, not a heading
    if not mark and ("." not in number or int(number.rsplit(".", 1)[1]) >= 30):
        return None  # "5 Đoàn viên": a count; "7.30 Khai mạc": a time, not a heading
    # "1/ Mục đích", "1- Mục đích", "1.Mục đích" (no space), "3.2 Phong trào" (no final dot)
    return match.start("number"), text[match.start("number") : match.end()], f"{number}. "


# Where the template prints the numbers (a section title, an item of a numbered list), a number typed
# in the text is printed twice; in an opening, a closing or a list with `numbering: none` it is the number.
_TYPED = {
    "vi": "mẫu in tự đánh số mục (khóa numbering), bỏ số đã gõ khỏi câu chữ",
    "en": "the template prints the heading numbers (the numbering key): drop the typed number from the text",
}


def _printed_number(plan: Plan, loc: Loc) -> bool:
    """Whether the template prints a number before the text at `loc`: a section title, a numbered item."""
    if loc[:1] != ("sections",) or len(loc) < 3:
        return False
    if len(loc) == 3:
        return loc[2] == "title"  # sections are always numbered I., II.
    node: Any = plan
    numbering = None
    index = 0
    while index < len(loc):
        key = loc[index]
        try:
            if key == "items" and index + 1 < len(loc):
                numbering = node.numbering  # the list's own numbering: its items print it
                node = node.items[loc[index + 1]]
                index += 2
                continue
            if key == "paragraph":
                return False  # an unnumbered paragraph inside a list
            node = node[key] if isinstance(key, int) else getattr(node, key)
        except (AttributeError, IndexError, KeyError, TypeError):
            return False
        index += 1
    return numbering not in (None, "none")


def _advice(fixed: str) -> dict[str, str]:
    return {"vi": f"số mục nên viết là '{fixed}'", "en": f"write the heading number as '{fixed}'"}


def check_heading_marker(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if not text[:8].strip(" \t\u00a0")[:1].isalnum():
            continue
        printed = ctx.plan is not None and _printed_number(ctx.plan, segment.loc)
        found = _marker(text)
        if found is None and printed:
            found = _well_formed(text)  # "II. NỘI DUNG" in a section title prints as "II. II. NỘI DUNG"
        if found is not None:
            offset, written, fixed = found
            word = _next_word(text, offset + len(written))
            yield text_problem(
                segment,
                offset,
                written=written + word,
                suggestion=word if printed else fixed + word,
                advice=_TYPED if printed else _advice(fixed + word),
            )


def _well_formed(text: str) -> tuple[int, str, str] | None:
    match = _WELL_FORMED.match(text)
    if match is None or not _next_word(text, match.end())[:1].isupper():
        return None
    return match.start("number"), text[match.start("number") : match.end()], f"{match['number'].strip()} "


def check_mixed_numeral(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        match = _MIXED.match(segment.text)
        if match is not None:
            item = match["arabic"].rstrip(".")
            yield text_problem(segment, match.start("number"), written=match["number"], suggestion=f"{item}.")


def check_glued_number(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if not segment.has_digit or not any(
            m.start() and text[m.start() - 1].isalpha() for m in _DIGITS.finditer(text)
        ):
            continue  # cheap: most paragraphs have no letter right before a number
        for match in _GLUED.finditer(text):
            word = match["word"] or match["year_word"]
            number = match["number"] or match["year"]
            if not_prose(text, match.start()):
                continue
            yield text_problem(segment, match.start(), written=match[0], suggestion=f"{word} {number}")


# A part's heading as typed at the start of a paragraph: a roman or a one-level arabic number, its mark,
# then a word in capitals ("II. NỘI DUNG", "1. MỤC ĐÍCH").
_HEADING = re.compile(
    rf"{_SPACE}*(?P<number>{_ROMAN}|\d{{1,2}})(?:{_SPACE}*[./:\-–)]{_SPACE}*|{_SPACE}+)(?=[^\W\d_]{{2}})"
)


def check_heading_sequence(ctx: TextContext) -> Iterator[Problem]:
    """Part headings typed in the text numbered out of turn: a roman number repeated or skipped
    ("I. MỤC ĐÍCH" then "I. NỘI DUNG"), or an arabic one under the same part. The first heading of
    each kind is not judged (an excerpt may start in the middle)."""
    last: dict[str, int] = {}
    for segment in ctx.segments:
        text = segment.text
        match = _HEADING.match(text)
        if match is None:
            continue
        word = _next_word(text, match.end())
        if len(word) < 2 or not word.isupper():
            continue  # a heading is in capitals; "1. Mục đích" is an item, "2 người" a count
        number = match["number"]
        kind = "arabic" if number.isdigit() else "roman"
        value = int(number) if kind == "arabic" else roman_value(number)
        previous = last.get(kind)
        last[kind] = value
        if kind == "roman":
            last.pop("arabic", None)  # a new part numbers its own headings from 1
        if previous is None or value == previous + 1:
            continue
        spell = str if kind == "arabic" else roman
        yield text_problem(
            segment,
            match.start("number"),
            written=f"{number}. {word}",
            previous=spell(previous),
            expected=spell(previous + 1),
        )


RULES = (
    Rule(
        "TX50",
        "numbering.heading-marker",
        W,
        text_check=check_heading_marker,
        summary={
            "vi": "Số mục đầu đoạn không viết theo kiểu 'II.', '1.', '1.1.'",
            "en": "A heading number not written as 'II.', '1.', '1.1.'",
        },
        message={
            "vi": "'{written}': {advice}",
            "en": "'{written}': {advice}",
        },
        why={
            "vi": "Văn bản theo Nghị định 30 đánh số mục bằng chữ số La Mã có dấu chấm ('I.', 'II.'), mục nhỏ bằng "
            "chữ số Ả Rập có dấu chấm ('1.', '2.'), mục nhỏ hơn nữa '1.1.', '2.3.' (có dấu chấm cuối), rồi "
            "'a)', 'b)'. 'II/ NỘI DUNG', 'III- THỜI GIAN', '1/ Mục đích', '3.2 Phong trào', '1.Mục đích', 'a/ Nội dung' là "
            "cách đánh số tùy tiện, trộn nhiều kiểu trong một văn bản. Chỉ xét đầu đoạn, và chỉ khi chữ sau "
            "số viết hoa (đầu một dòng bị ngắt giữa câu thì viết thường). Trong kế hoạch YAML, mẫu in tự đánh "
            "số (khóa numbering), nên số gõ tay trong tiêu đề phần hay mục có đánh số sẽ bị in hai lần: bỏ nó "
            "đi; ở phần mở đầu, kết thúc hay danh sách 'numbering: none', số gõ tay là số được in, nên được "
            "viết lại theo Nghị định 30.",
            "en": "Documents under Nghị định 30 number sections with roman numerals and a full stop ('I.', 'II.'), "
            "items with arabic numerals and a full stop ('1.', '2.'), sub-items '1.1.', '2.3.' (with the final "
            "full stop), then 'a)', 'b)'. 'II/ NỘI DUNG', 'III- THỜI GIAN', '1/ Mục đích', '3.2 Phong trào', "
            "'1.Mục đích', 'a/ Nội dung' are ad-hoc numbering, several kinds mixed in one document. Only the start of a "
            "paragraph is judged, and only when the word after the number is capitalised (a line wrapped "
            "mid-sentence starts in lower case). In a YAML plan the template prints the numbers (the numbering "
            "key), so a number typed in a section title or a numbered item is printed twice: drop it; in the opening, the "
            "closing or a list with 'numbering: none' the typed number is the one printed, so it is given its ND30 form.",
        },
        bad="sections:\n  - kind: content\n    title: II/ NỘI DUNG THI ĐUA\n    items:\n"
        "      - Thi đua lao động giỏi, lao động sáng tạo.\n",
        good="sections:\n  - kind: content\n    title: NỘI DUNG THI ĐUA\n    items:\n"
        "      - Thi đua lao động giỏi, lao động sáng tạo.\n",
    ),
    Rule(
        "TX51",
        "numbering.mixed-numerals",
        N,
        text_check=check_mixed_numeral,
        summary={
            "vi": "Số mục trộn chữ số La Mã với chữ số Ả Rập",
            "en": "A heading number mixing roman and arabic numerals",
        },
        message={
            "vi": "số mục '{written}' trộn chữ số La Mã với chữ số Ả Rập: dưới mục La Mã, viết '{suggestion}'",
            "en": "the heading number '{written}' mixes roman and arabic numerals: under the roman section, "
            "write '{suggestion}'",
        },
        why={
            "vi": "Một số kế hoạch đánh số 'I.1', 'II.2.'; thể thức theo Nghị định 30 (và mọi văn bản mẫu trong "
            "kho này) đánh số mục lớn 'I.', 'II.', mục nhỏ bên dưới lại từ '1.', mục nhỏ hơn '1.1.' — không "
            "trộn hai loại chữ số. Vì cách viết này có gặp trong văn bản thật và không sai nghĩa, đây chỉ là "
            "ghi chú, không phải cảnh báo.",
            "en": "Some plans number 'I.1', 'II.2.'; the layout of Nghị định 30 (and every seed document in this "
            "repository) numbers sections 'I.', 'II.', the items under each from '1.' again, sub-items '1.1.' — "
            "never the two kinds of numerals together. Since real plans do write it and it is not ambiguous, "
            "this is a note, not a warning.",
        },
        bad="sections:\n  - kind: purpose\n    title: MỤC ĐÍCH, YÊU CẦU\n    numbering: none\n    items:\n"
        "      - I.1. Mục đích\n",
        good="sections:\n  - kind: purpose\n    title: MỤC ĐÍCH, YÊU CẦU\n    numbering: none\n    items:\n"
        "      - 1. Mục đích\n",
    ),
    Rule(
        "TX52",
        "numbering.glued-number",
        W,
        text_check=check_glued_number,
        summary={"vi": "Số viết dính vào chữ trước nó", "en": "A number run into the word before it"},
        message={"vi": "'{written}' thiếu dấu cách: '{suggestion}'", "en": "'{written}' lacks a space: '{suggestion}'"},
        why={
            "vi": "'đợt2', 'năm2021' gõ thiếu dấu cách: Word coi là một từ, không ngắt dòng và "
            "không tìm thấy khi tìm 'đợt 2'. Địa chỉ web và mã số không bị xét.",
            "en": "'đợt2', 'năm2021': a missing space makes one word of two for Word, which then neither breaks "
            "the line there nor finds it when searching for 'đợt 2'. Web addresses and ids are not judged.",
        },
        bad="opening:\n  - Sơ kết phong trào thi đua đợt2 vào tháng 7.\n",
        good="opening:\n  - Sơ kết phong trào thi đua đợt 2 vào tháng 7.\n",
    ),
    Rule(
        "TX53",
        "numbering.sequence",
        W,
        text_check=check_heading_sequence,
        summary={"vi": "Số mục không nối tiếp mục trước", "en": "A heading number out of turn"},
        message={
            "vi": "'{written}' sau mục '{previous}': số tiếp theo là '{expected}'",
            "en": "'{written}' after part '{previous}': the next number is '{expected}'",
        },
        why={
            "vi": "Các mục lớn đánh số La Mã nối tiếp nhau (I, II, III), các mục trong một phần đánh số Ả Rập "
            "từ 1. Một số bị lặp hay bị bỏ ('I. MỤC ĐÍCH' rồi 'I. NỘI DUNG') thường do chép mục từ văn bản "
            "khác hay xóa một mục mà không đánh lại số. Chỉ xét đề mục viết hoa gõ ở đầu đoạn; đề mục đầu "
            "tiên không bị xét (đoạn trích có thể bắt đầu giữa chừng).",
            "en": "Parts are numbered in roman numerals in turn (I, II, III), the headings inside a part in "
            "arabic ones from 1. A number repeated or skipped ('I. MỤC ĐÍCH' then 'I. NỘI DUNG') usually comes "
            "from copying a part from another document or deleting one without renumbering. Only headings in "
            "capitals typed at the start of a paragraph are judged; the first is not (an excerpt may start "
            "in the middle).",
        },
        bad="opening:\n  - I. MỤC ĐÍCH, YÊU CẦU\n  - Động viên đoàn viên thi đua.\n  - I. NỘI DUNG THI ĐUA\n",
        good="opening:\n  - I. MỤC ĐÍCH, YÊU CẦU\n  - Động viên đoàn viên thi đua.\n  - II. NỘI DUNG THI ĐUA\n",
    ),
)
