"""TX3: typography — quotes and brackets, spaces around punctuation and dashes."""

from __future__ import annotations

import re
from collections.abc import Iterator

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.lexicon import Lexicon
from thidua.text.segments import Segment, not_prose
from thidua.text.vocab import MOTTO, NATIONAL_TITLE

E, W = Severity.error, Severity.warning

_PAIRS = {"(": ")", "[": "]", "“": "”"}
_CLOSERS = {close: open_ for open_, close in _PAIRS.items()}
# "a) Nội dung", "2.1) …", "b/ …": a list marker, not a bracket left open
_MARKER = re.compile(r"\s*(?:[^\W\d_]|\d+(?:\.\d+)*|[ivxlcdm]+)\)")
_BRACKET = re.compile(r'[()\[\]“”"]')
_STRAIGHT, _CURLY = re.compile('"'), re.compile("“")
# Two or three spaces inside a line; runs of no-break spaces are fill-in blanks, runs of four spaces or
# more the alignment of a table or a two-column heading flattened into text (layout, not a slip).
_DOUBLE_SPACE = re.compile(r"(?<=\S) {2,3}(?=\S)")
_SPACE_BEFORE = re.compile(r"(?<=\S)[ \u00a0]+(?=[,;:!?]|\.(?!\.))")
_GLUED = re.compile(r"[,;:.…][^\W_]")  # a mark with a letter or digit right after it; judged in code
_GLUED_BULLET = re.compile(r"[ \t\u00a0]*([+•])(?=[^\W\d_])")  # "+Tổng số": a bullet with its word
# "“ Tất cả”, "( số liệu )": a space inside; "Minh(26/3/1931": none before the bracket
_INSIDE = re.compile(r"(?P<open>[“(\[])[ \u00a0]+(?=\S)|(?<=\S)[ \u00a0]+(?P<close>[”)\]])")
_BEFORE_BRACKET = re.compile(r"(?<=[^\W\d_]{2})\((?=[^\W_])")


_DASH = re.compile("[-–]")
_SPACES = " \u00a0"
# Độc lập - Tự do - Hạnh phúc: the Tiêu ngữ, a fixed text (hyphens with a space on each side)
_MOTTO = re.compile(
    r"Độc[ \u00a0]+lập(?P<first>[ \u00a0]*[-–—][ \u00a0]*)Tự[ \u00a0]+do(?P<second>[ \u00a0]*[-–—][ \u00a0]*)"
    r"Hạnh[ \u00a0]+phúc",
    re.IGNORECASE,
)
_WORD_IN = re.compile(r"[^\W\d_]+")
_TOKEN_END = re.compile(r"[\w/.,]*$")  # the word or number on each side: 1929, 28/7/2021, Covid
_TOKEN_START = re.compile(r"[\w/.,]*")
# a heading marker at the start of a paragraph ("III- THỜI GIAN", "1- Mục đích", "a- Nội dung"): TX50's
_MARKER_DASH = re.compile(r"[ \t\u00a0]*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*|[a-zđ])[ \u00a0]*[-–]")


# A line of a document that starts a paragraph of its own: a bullet or a heading number.
_NEW_PARAGRAPH = re.compile(r"\s*(?:[-+•*]|\d+(?:\.\d+)*[.)/]|[IVXLC]+[.)/\-–]|[a-zđ][)/])(?:\s|$)")
# A line that ends its paragraph: a full stop, semicolon, ! ? or …, then only closing marks.
_PARAGRAPH_END = re.compile(r"[.;!?…][\s”\")\]]*$")
_WRAP_LINES = 4  # a quotation wrapped over more lines than this is taken as left open

Open = tuple[Segment, str, int]  # an opening mark: its segment, the mark, its offset


def _line(segment: Segment) -> int:
    return segment.locate(0)[0]


def _continues(previous: Segment | None, segment: Segment) -> bool:
    """Whether `segment` is the next line of the same paragraph as `previous` (a .txt wrapped by hand)."""
    return (
        previous is not None
        and not previous.loc
        and not segment.loc
        and _line(segment) == _line(previous) + 1
        and _PARAGRAPH_END.search(previous.text) is None
        and _NEW_PARAGRAPH.match(segment.text) is None
    )


def check_unbalanced(ctx: TextContext) -> Iterator[Problem]:
    """Brackets and quotes balance per paragraph: in a document a line wrapped by hand continues it."""
    carried: list[Open] = []  # marks left open by the previous lines of this paragraph
    carried_straight: Open | None = None
    wrapped = 0  # how many lines the carried marks have been open
    previous: Segment | None = None
    for segment in ctx.segments:
        if (carried or carried_straight) and not (_continues(previous, segment) and wrapped < _WRAP_LINES):
            for opener, char, offset in carried[:1]:
                yield text_problem(opener, offset, char=char)
            if carried_straight:
                yield text_problem(carried_straight[0], carried_straight[2], char='"')
            carried, carried_straight, wrapped = [], None, 0
        previous = segment
        text = segment.text
        marks = [(m.start(), m[0]) for m in _BRACKET.finditer(text)]
        if not marks:
            wrapped += 1 if carried or carried_straight else 0
            continue
        skip = _MARKER.match(text)
        stack: list[Open] = list(carried)
        straight = []
        broken = False
        for offset, char in marks:
            if char == '"':
                straight.append(offset)
            elif char in _PAIRS:
                stack.append((segment, char, offset))
            elif skip and offset == skip.end() - 1:
                continue
            elif stack and stack[-1][1] == _CLOSERS[char]:
                stack.pop()
            else:
                yield text_problem(segment, offset, char=char)
                for opener, open_char, open_offset in [entry for entry in stack if entry[0] is not segment][:1]:
                    yield text_problem(opener, open_offset, char=open_char)  # left open on an earlier line
                stack.clear()
                broken = True
                break
        if carried_straight and straight and straight[0] > 0 and not text[straight[0] - 1].isspace():
            straight.pop(0)  # closes the quotation the previous line left open
            carried_straight = None
        elif carried_straight:
            yield text_problem(carried_straight[0], carried_straight[2], char='"')
            carried_straight = None
        open_straight = straight[-1] if len(straight) % 2 else None
        if _PARAGRAPH_END.search(text) is not None or segment.loc or broken:
            for opener, char, offset in stack[:1]:
                yield text_problem(opener, offset, char=char)
            if open_straight is not None:
                yield text_problem(segment, open_straight, char='"')
            carried, wrapped = [], 0
            continue
        carried = stack  # the paragraph may go on on the next line
        if open_straight is not None:
            carried_straight = (segment, '"', open_straight)
        wrapped = wrapped + 1 if carried or carried_straight else 0
    for opener, char, offset in carried[:1]:
        yield text_problem(opener, offset, char=char)
    if carried_straight:
        yield text_problem(carried_straight[0], carried_straight[2], char='"')


def check_mixed_quotes(ctx: TextContext) -> Iterator[Problem]:
    straight: list[tuple[Segment, int]] = []
    curly: list[tuple[Segment, int]] = []
    for segment in ctx.segments:
        text = segment.text
        if '"' in text:
            positions = [m.start() for m in _STRAIGHT.finditer(text)]
            straight.extend((segment, i) for i in positions[::2])  # each opening quote
        if "“" in text:
            curly.extend((segment, m.start()) for m in _CURLY.finditer(text))
    if not straight or not curly:
        return
    minority, kind = (curly, "curly") if len(curly) < len(straight) else (straight, "straight")
    majority = {"straight": "“…”", "curly": '"…"'}[kind]
    for segment, offset in minority:
        yield text_problem(
            segment,
            offset,
            used='"…"' if kind == "straight" else "“…”",
            other=majority,
            counts=f"{len(straight)}/{len(curly)}",
        )


def check_double_space(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        for match in _DOUBLE_SPACE.finditer(text):
            if _beside_uneven_dash(text, match.start(), match.end()):
                continue  # "2020-  2021", "I -  NHIỆM VỤ": TX35's or TX50's fix removes it too
            yield text_problem(segment, match.start(), count=len(match[0]))


def _beside_uneven_dash(text: str, start: int, end: int) -> bool:
    """A run of spaces on one side of a dash with no space on its other side, or after a heading marker."""
    marker = _MARKER_DASH.match(text)
    if marker and marker.end() == start and text[end : end + 1].isupper():
        return True
    if start >= 2 and text[start - 1] in "-–" and text[start - 2] not in _SPACES:
        return True
    return end + 1 < len(text) and text[end] in "-–" and text[end + 1] not in _SPACES


def check_space_before(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        for match in _SPACE_BEFORE.finditer(text):
            mark = text[match.end()]
            yield text_problem(segment, match.start(), mark=mark)


def check_space_after(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        for match in _GLUED.finditer(text):
            at = match.start()
            mark, after = text[at], text[at + 1]
            before = text[at - 1] if at else ""
            if mark == "…":
                glued = after.isupper()  # "…Các đơn vị"; "…v.v" and "2…5" are not a new sentence
            elif mark in ",;":
                glued = not after.isdigit()  # 1,5 triệu
            elif mark == ":":
                glued = before.isalpha() and "//" not in text[at : at + 3]  # 8:30, https://
            else:
                glued = _run_on_sentence(text, at)  # TP.HCM, Ph.Ăng-ghen, congdoan.vn
            if glued:
                yield text_problem(segment, at + 1, mark=mark)
        bullet = _GLUED_BULLET.match(text)
        if bullet:
            yield text_problem(segment, bullet.start(1), mark=bullet[1])


_SIDES = {
    "after": {"vi": "dấu cách thừa sau nó", "en": "a space after it"},
    "before": {"vi": "dấu cách thừa trước nó", "en": "a space before it"},
    "glued": {"vi": "thiếu dấu cách trước nó", "en": "no space before it"},
}


def check_space_inside(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if not any(mark in text for mark in "“”()[]"):
            continue
        for match in _INSIDE.finditer(text):
            if match["open"]:
                if (
                    _MARKER.match(text, match.start() + 1)
                    or text[match.end() : match.end() + 3] == "..."
                    or text[match.end() : match.end() + 1] in (")", "]", "”")
                ):
                    continue  # "( a) …" is a list marker; "( ... )", "(   )" a blank to fill in
                yield text_problem(segment, match.start(), mark=match["open"], side=_SIDES["after"])
            else:
                if match.start() > 0 and text[match.start() - 1] in ".…([“":
                    continue  # "(… )", "(   )": a blank to fill in
                yield text_problem(segment, match.end() - 1, mark=match["close"], side=_SIDES["before"])
        for match in _BEFORE_BRACKET.finditer(text):
            yield text_problem(segment, match.start(), mark="(", side=_SIDES["glued"])


def _abbreviation(token: str) -> bool:
    """KT, XH, CĐGD: upper-case letters that are not a Vietnamese syllable (ĐUA, KHEN are)."""
    letters = "".join(char for char in token if char.isalpha())
    return len(letters) >= 2 and letters.isupper() and not Lexicon().accepts(letters.lower())


def _ky_hieu(token: str) -> bool:
    return "/" in token and any(char.isalpha() for char in token)


def _uneven_dashes(text: str) -> Iterator[tuple[int, int, int]]:
    """(dash, start, end) of each dash between two words or numbers with spaces on one side only.

    2016 -2020, 2016- 2020, Covid -19; start and end take in the spaces. Scanning for the dash and
    looking around it is several times faster than a regex with look-arounds at every character.
    """
    for match in _DASH.finditer(text):
        dash = match.start()
        start, end = dash, dash + 1
        while start and text[start - 1] in _SPACES:
            start -= 1
        while end < len(text) and text[end] in _SPACES:
            end += 1
        one_side = (start == dash) != (end == dash + 1)
        if one_side and start and end < len(text) and text[start - 1].isalnum() and text[end].isalnum():
            yield dash, start, end


def check_uneven_dash(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if "-" not in text and "–" not in text:
            continue
        marker = _MARKER_DASH.match(text)
        motto = _MOTTO.search(text)
        for dash, start, end in _uneven_dashes(text):
            if marker and start < marker.end():
                continue
            if motto and motto.start() <= start < motto.end():
                continue  # TX36's
            left = _TOKEN_END.search(text, max(0, start - 64), start)
            right = _TOKEN_START.match(text, end)
            before = left[0].lstrip(".,/") if left else ""
            after = right[0].rstrip(".,/") if right else ""
            web = not_prose(text, start - 1) or not_prose(text, end)
            escaped = text[max(0, start - len(before) - 1) : start - len(before)] == "\\"
            if web or escaped or _ky_hieu(before) or _ky_hieu(after):
                continue  # a web address, a "\r\n- " left by a scraper; a số ký hiệu (58/KH- LĐLĐ) is TX40's
            number = before if before[-1:].isdigit() else after if after[:1].isdigit() else ""
            glued = (
                (before[-1:].isdigit() != after[:1].isdigit() and len(number) <= 3)  # Covid-19, not "2021 - Tổ"
                or (_abbreviation(before) and _abbreviation(after))  # KT-XH, CB-ĐVCĐ (but "tích cực - CĐCS")
            )
            mark = text[dash]
            fixed = f"{before}{mark}{after}" if glued else f"{before} {mark} {after}"
            written = text[start - len(before) : end + len(after)]
            yield text_problem(segment, dash, written=written, suggestion=fixed)


def check_motto_dash(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        if "phúc" not in segment.lowered:
            continue
        for match in _MOTTO.finditer(segment.text):
            if match["first"] == match["second"] == " - ":
                continue
            written = match[0]
            start, end = match.start(), match.end()
            fixed = (
                segment.text[start : match.start("first")]
                + " - "
                + segment.text[match.end("first") : match.start("second")]
                + " - "
                + segment.text[match.end("second") : end]
            )
            wrong = "first" if match["first"] != " - " else "second"
            at = match.start(wrong) + len(match[wrong]) - len(match[wrong].lstrip(" \u00a0"))  # at the dash
            yield text_problem(segment, at, written=written, suggestion=fixed)


# The Tiêu ngữ and the Quốc hiệu: from the first words to the last, what stands between ("Độc lập - Tự -
# Hạnh phúc", "CỘNG HÒA XÃ HỘI CHỦ VIỆT NAM": a word lost in a copy).
_MOTTO_SPAN = re.compile(
    r"(?:Độc|ĐỘC)[ \u00a0]+(?:lập|LẬP)(?P<between>[^\n.,;]{0,24}?)(?:Hạnh|HẠNH)[ \u00a0]+(?:phúc|PHÚC)"
)
_TITLE_SPAN = re.compile(r"CỘNG[ \u00a0]+H(?:ÒA|OÀ)(?P<between>[^\n]{0,32}?)VIỆT[ \u00a0]+NAM")
_FIXED = (
    (_MOTTO_SPAN, ("tự", "do"), MOTTO, True),
    (_TITLE_SPAN, ("xã", "hội", "chủ", "nghĩa"), NATIONAL_TITLE, False),
)


def check_fixed_text(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        lowered = segment.lowered
        for span, words, fixed, dashed in _FIXED:
            if fixed.split()[0].lower() not in lowered:
                continue  # cheap: "độc", "cộng" are in few lines
            for match in span.finditer(segment.text):
                found = list(_WORD_IN.finditer(segment.text, match.start("between"), match.end("between")))
                written = [word[0].lower() for word in found]
                if written == list(words) and (not dashed or _DASH.search(match["between"])):
                    continue  # the words as fixed; the dashes are TX36's
                if len(written) > len(words) + 1:
                    continue  # a sentence that names the words, not the fixed text
                # at the first word written otherwise, else at the word after which one was lost
                differs = next(
                    (k for k, word in enumerate(written) if k >= len(words) or word != words[k]), len(written)
                )
                if written == list(words):
                    at = match.start("between")  # the hyphens lost
                elif differs < len(found):
                    at = found[differs].start()
                else:
                    at = found[-1].start() if found else match.start()
                yield text_problem(segment, at, written=match[0], suggestion=fixed)


def _run_on_sentence(text: str, at: int) -> bool:
    """'tiến.Trong': a lower-case word, a full stop, then a capitalised word."""
    before, after = text[max(0, at - 2) : at], text[at + 1 : at + 3]
    return (
        len(before) == 2
        and before.isalpha()
        and before.islower()
        and len(after) == 2
        and after[0].isupper()
        and after[1].islower()
    )


RULES = (
    Rule(
        "TX30",
        "typography.unbalanced",
        E,
        text_check=check_unbalanced,
        summary={"vi": "Ngoặc hoặc ngoặc kép không cân", "en": "An unbalanced bracket or quote"},
        message={"vi": "'{char}' không có dấu đóng/mở tương ứng", "en": "'{char}' has no matching partner"},
        why={
            "vi": "Ngoặc kép mở mà không đóng làm người đọc không biết tên phong trào kết thúc ở đâu.",
            "en": "A quote opened and never closed leaves the reader guessing where a movement's name ends.",
        },
        bad="opening:\n  - Phong trào “Lao động giỏi, Lao động sáng tạo.\n",
        good="opening:\n  - Phong trào “Lao động giỏi, Lao động sáng tạo”.\n",
    ),
    Rule(
        "TX31",
        "typography.mixed-quotes",
        W,
        text_check=check_mixed_quotes,
        summary={"vi": "Trộn ngoặc kép thẳng và cong", "en": "Straight and curly quotes mixed"},
        message={
            "vi": "ngoặc kép {used} khác phần còn lại của văn bản, vốn dùng {other} (thẳng/cong: {counts})",
            "en": "the quotes {used} differ from the rest of the document, which uses {other} (straight/curly: {counts})",
        },
        why={
            "vi": 'Văn bản chép từ nhiều nguồn trộn "…" với “…”. Văn bản hành chính in ra nên dùng một kiểu, '
            "thường là ngoặc kép cong.",
            "en": 'Text gathered from several sources mixes "…" with “…”. A printed official document should use '
            "one kind, usually curly quotes.",
        },
        bad='opening:\n  - Các phong trào “Người tốt, việc tốt”, "Công nhân giỏi", “Sáng kiến, sáng tạo”.\n',
        good="opening:\n  - Các phong trào “Người tốt, việc tốt”, “Công nhân giỏi”, “Sáng kiến, sáng tạo”.\n",
    ),
    Rule(
        "TX32",
        "typography.double-space",
        W,
        text_check=check_double_space,
        summary={"vi": "Hai dấu cách liền nhau", "en": "Two spaces in a row"},
        message={"vi": "{count} dấu cách liền nhau", "en": "{count} spaces in a row"},
        why={
            "vi": "Dấu cách thừa là dấu vết của việc xóa chữ khi sửa; trong văn bản căn đều hai bên nó tạo khoảng "
            "trắng lạ. Bốn dấu cách trở lên (căn cột của bảng, đề mục hai cột bị chép thành chữ) không bị xét.",
            "en": "A doubled space is what deleting a word leaves behind; in justified text it shows as an odd gap. "
            "Four spaces or more (a table's columns, a two-column heading copied as text) are not judged.",
        },
        bad="opening:\n  - Phát động phong trào thi đua trong CNVCLĐ  quận Long Biên.\n",
        good="opening:\n  - Phát động phong trào thi đua trong CNVCLĐ quận Long Biên.\n",
    ),
    Rule(
        "TX33",
        "typography.space-before",
        W,
        text_check=check_space_before,
        summary={"vi": "Dấu cách trước dấu câu", "en": "A space before punctuation"},
        message={"vi": "dấu cách trước '{mark}'", "en": "a space before '{mark}'"},
        why={
            "vi": "Trong tiếng Việt, dấu phẩy, chấm, chấm phẩy, hai chấm đứng liền chữ trước nó; dấu cách "
            "đứng trước có thể làm dấu câu rơi xuống đầu dòng sau.",
            "en": "In Vietnamese, commas, full stops, semicolons and colons follow the word directly; a space "
            "before one lets it fall to the start of the next line.",
        },
        bad="opening:\n  - Tổ chức hội nghị sơ kết , tổng kết phong trào.\n",
        good="opening:\n  - Tổ chức hội nghị sơ kết, tổng kết phong trào.\n",
    ),
    Rule(
        "TX34",
        "typography.space-after",
        W,
        text_check=check_space_after,
        summary={"vi": "Thiếu dấu cách sau dấu câu", "en": "No space after punctuation"},
        message={"vi": "thiếu dấu cách sau '{mark}'", "en": "no space after '{mark}'"},
        why={
            "vi": "'sơ kết,tổng kết' hay 'điển hình tiên tiến.Trong năm': chữ dính liền khiến Word không ngắt "
            "dòng đúng chỗ; cũng vậy với dấu đầu dòng dính chữ ('+Tổng số') và dấu ba chấm dính câu sau "
            "('…Các đơn vị'). Số như 1,5 hay 8:30, từ viết tắt như TP.HCM không bị báo.",
            "en": "'sơ kết,tổng kết' or 'tiên tiến.Trong năm': glued words stop Word breaking lines properly. "
            "So do a bullet glued to its word ('+Tổng số') and an ellipsis glued to the next sentence ('…Các đơn "
            "vị'). Numbers such as 1,5 or 8:30 and abbreviations such as TP.HCM are not reported.",
        },
        bad="opening:\n  - Tổ chức hội nghị sơ kết,tổng kết phong trào.\n",
        good="opening:\n  - Tổ chức hội nghị sơ kết, tổng kết phong trào.\n",
    ),
    Rule(
        "TX35",
        "typography.uneven-dash",
        W,
        text_check=check_uneven_dash,
        summary={"vi": "Dấu gạch ngang có dấu cách một bên", "en": "A dash with a space on one side only"},
        message={
            "vi": "'{written}' có dấu cách không đều hai bên dấu gạch: '{suggestion}'",
            "en": "'{written}' has uneven spaces around its dash: '{suggestion}'",
        },
        why={
            "vi": "'2016 -2020', '2021- 2025', 'Covid -19': dấu cách chỉ ở một bên là dấu vết gõ vội; Word có thể "
            "ngắt dòng ngay sau dấu gạch. Khoảng năm, khoảng ngày và hai cụm từ nối bằng gạch viết cách đều hai "
            "bên ('2016 - 2020', 'kinh tế - xã hội', như 'Độc lập - Tự do - Hạnh phúc' của Nghị định 30); tên "
            "kèm số và từ viết tắt viết liền ('Covid-19', 'KT-XH'). Gạch đầu dòng, số mục ('III- ', xem "
            "TX50) và địa chỉ web không bị xét.",
            "en": "'2016 -2020', '2021- 2025', 'Covid -19': a space on one side only is hasty typing; Word may "
            "break the line right after the dash. Ranges of years or dates and two phrases joined by a dash take "
            "a space on each side ('2016 - 2020', 'kinh tế - xã hội', as Nghị định 30's 'Độc lập - Tự do - "
            "Hạnh phúc'); a name with its number and abbreviations are written solid ('Covid-19', 'KT-XH'). "
            "Bullets, heading numbers ('III- ', see TX50) and web addresses are not judged.",
        },
        bad="opening:\n  - Thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2021- 2025.\n",
        good="opening:\n  - Thực hiện Kế hoạch phát triển kinh tế - xã hội 5 năm 2021 - 2025.\n",
    ),
    Rule(
        "TX36",
        "typography.motto-dash",
        W,
        text_check=check_motto_dash,
        summary={
            "vi": "Tiêu ngữ không dùng gạch nối cách đều như Nghị định 30",
            "en": "The Tiêu ngữ without Nghị định 30's spaced hyphens",
        },
        message={
            "vi": "Tiêu ngữ '{written}' nên viết là '{suggestion}'",
            "en": "the Tiêu ngữ '{written}' should be written '{suggestion}'",
        },
        why={
            "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I: giữa các cụm từ của Tiêu ngữ có gạch nối (-), có cách "
            "chữ: 'Độc lập - Tự do - Hạnh phúc'. Gạch ngang dài (–, —) hay gạch dính chữ là sai thể thức. Kế "
            "hoạch YAML không có dòng này: mẫu in ra đúng.",
            "en": "Nghị định 30/2020/NĐ-CP, Phụ lục I: the phrases of the Tiêu ngữ are joined by hyphens (-) with "
            "a space on each side: 'Độc lập - Tự do - Hạnh phúc'. An en or em dash (–, —) or a hyphen without "
            "spaces is against the format. A YAML plan does not have this line: the template prints it right.",
        },
        bad="opening:\n  - Độc lập – Tự do – Hạnh phúc\n",
        good="opening:\n  - Độc lập - Tự do - Hạnh phúc\n",
    ),
    Rule(
        "TX38",
        "typography.fixed-text",
        E,
        text_check=check_fixed_text,
        summary={
            "vi": "Quốc hiệu hoặc Tiêu ngữ sai chữ, thiếu chữ",
            "en": "The Quốc hiệu or the Tiêu ngữ with a word lost or changed",
        },
        message={
            "vi": "'{written}' nên viết là '{suggestion}'",
            "en": "'{written}' should be written '{suggestion}'",
        },
        why={
            "vi": "Nghị định 30/2020/NĐ-CP, Phụ lục I: Quốc hiệu và Tiêu ngữ là chữ cố định: 'CỘNG HÒA XÃ HỘI CHỦ "
            "NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'. Bản chép từ PDF hay trang web hay rơi mất chữ "
            "('Độc lập - Tự - Hạnh phúc') hoặc mất gạch nối ('Độc lập Tự do Hạnh phúc'). Kế hoạch YAML không có "
            "hai dòng này: mẫu in ra đúng.",
            "en": "Nghị định 30/2020/NĐ-CP, Phụ lục I: the Quốc hiệu and the Tiêu ngữ are fixed texts: 'CỘNG HÒA "
            "XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'. A copy from a PDF or a web page often "
            "loses a word ('Độc lập - Tự - Hạnh phúc') or the hyphens ('Độc lập Tự do Hạnh phúc'). A YAML plan "
            "does not have these lines: the template prints them right.",
        },
        bad="opening:\n  - Độc lập - Tự - Hạnh phúc\n",
        good="opening:\n  - Độc lập - Tự do - Hạnh phúc\n",
    ),
    Rule(
        "TX37",
        "typography.bracket-space",
        W,
        text_check=check_space_inside,
        summary={
            "vi": "Dấu cách trong ngoặc hoặc thiếu trước ngoặc",
            "en": "A space inside brackets or quotes, or none before a bracket",
        },
        message={
            "vi": "'{mark}': {side}",
            "en": "'{mark}': {side}",
        },
        why={
            "vi": "Ngoặc đơn và ngoặc kép đứng liền chữ bên trong: '(số liệu)', '“Tất cả vì học sinh”', không "
            "'( số liệu )', '“ Tất cả”'; trước ngoặc mở là một dấu cách: 'Hồ Chí Minh (1890 - 1969)', không "
            "'Hồ Chí Minh(1890'. Chỗ để trống cần điền '(...)' không bị xét.",
            "en": "Brackets and quotes hug the words inside them: '(số liệu)', '“Tất cả vì học sinh”', not '( số "
            "liệu )', '“ Tất cả”'; an opening bracket follows a space: 'Hồ Chí Minh (1890 - 1969)', not 'Hồ Chí "
            "Minh(1890'. A blank to fill in, '(...)', is not judged.",
        },
        bad="opening:\n  - Tuyên truyền phong trào “ Giỏi việc nước, đảm việc nhà” tới đoàn viên nữ( cán bộ, công chức).\n",
        good="opening:\n  - Tuyên truyền phong trào “Giỏi việc nước, đảm việc nhà” tới đoàn viên nữ (cán bộ, công chức).\n",
    ),
)
