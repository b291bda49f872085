"""TX05–TX07: names of bodies, titles and places as Nghị định 30/2020 (Phụ lục II) writes them.

TX06 is a capital inside a word; TX07 an abbreviation written right before its own expansion.
TX05, capitals:

ND30 capitalises the first letter of each word that names the kind of body and its field
("Tổng Liên đoàn Lao động Việt Nam", "Ban Chấp hành Trung ương", "Ủy ban nhân dân tỉnh Nam
Định"), the first letter of a title ("Chiến sĩ thi đua toàn quốc", "Anh hùng Lao động") and
every syllable of a place name ("tỉnh Đồng Nai"). The names unions cite are listed here as ND30
writes them; a name written as a name (its first letter a capital) with other capitals is a
finding with the form to write. Not judged: a name in capitals (a header, a heading), and one
written all in small letters (generic use: "các ban chấp hành công đoàn cơ sở").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from itertools import pairwise
from typing import NamedTuple

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.compounds import split_glued
from thidua.text.segments import Segment, Word, match_case
from thidua.text.syllables import LETTERS, analyse, is_vietnamese, strip_tone
from thidua.text.vocab import MOTTO, UNION_ABBREVIATIONS

W = Severity.warning

BODIES = (
    "Đảng Cộng sản Việt Nam",
    "Ban Chấp hành Trung ương",
    "Bộ Chính trị",
    "Ban Bí thư",
    "Ban Chấp hành",
    "Ban Thường vụ",
    "Quốc hội",
    "Chính phủ",
    "Thủ tướng Chính phủ",
    "Chủ tịch nước",
    "Mặt trận Tổ quốc Việt Nam",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Tổng Liên đoàn",
    "Công đoàn Việt Nam",
    "Liên đoàn Lao động",
    "Hội đồng nhân dân",
    "Ủy ban nhân dân",
    "Uỷ ban nhân dân",
    "Ủy ban Kiểm tra",
    "Uỷ ban Kiểm tra",
    "Đoàn Thanh niên Cộng sản Hồ Chí Minh",
    "Hội Liên hiệp Phụ nữ Việt Nam",
    "Hội Cựu chiến binh Việt Nam",
    "Hội Nông dân Việt Nam",
    "Ban Thi đua - Khen thưởng",
    "Hội đồng Thi đua - Khen thưởng",
    "Bộ Lao động - Thương binh và Xã hội",
    "Bộ Nội vụ",
    "Bộ Tài chính",
    "Bộ Giáo dục và Đào tạo",
    "Bộ Y tế",
    "Bộ Công Thương",
    "Bộ Quốc phòng",
    "Bộ Công an",
    "Bộ Kế hoạch và Đầu tư",
    "Bộ Tư pháp",
    "Bộ Xây dựng",
    "Bộ Ngoại giao",
    "Bộ Khoa học và Công nghệ",
    "Bộ Thông tin và Truyền thông",
    "Bộ Tài nguyên và Môi trường",
    "Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Giao thông vận tải",
    "Bộ Văn hóa, Thể thao và Du lịch",
    "Sở Giáo dục và Đào tạo",
    "Phòng Giáo dục và Đào tạo",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Nội vụ",
    "Sở Y tế",
    "Sở Tài chính",
    "Nhà nước",
    "Việt Nam",
    "Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Mặt trận Dân tộc Thống nhất Việt Nam",
    "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
    "Ủy ban Mặt trận Tổ quốc Việt Nam",
    "Ban Giám đốc",
    "Ban Giám hiệu",
    "Ban Quản lý",
    "Ban Nữ công",
    "Ban Tuyên giáo",
    "Ban Tổ chức",
    "Ban Chính sách - Pháp luật",
    "Công đoàn Viên chức Việt Nam",
    "Công đoàn Viên chức",
    "Công đoàn Giáo dục Việt Nam",
    "Công đoàn Y tế Việt Nam",
    "Đoàn Thanh niên",
    "Hội Liên hiệp Phụ nữ",
    "Đại hội đại biểu",
)

# Holidays and events: ND30 capitalises the first syllable of the name ("ngày Quốc tế Lao động 1-5").
# Holidays and events of history: capitalised wherever they stand, even after a small word ("nhân dịp
# Tết Nguyên đán"); ND30 writes a time word in letters with its capital ("Cách mạng tháng Tám").
EVENTS = (
    "Quốc khánh",
    "Quốc tế Lao động",
    "Quốc tế Phụ nữ",
    "Quốc tế Thiếu nhi",
    "Cách mạng tháng Tám",
    "Tết Nguyên đán",
    "Tết Trung thu",
)

TITLES = (
    "Chiến sĩ thi đua toàn quốc",
    "Chiến sĩ thi đua cấp tỉnh",
    "Chiến sĩ thi đua cơ sở",
    "Anh hùng Lao động",
    "Anh hùng Lực lượng vũ trang nhân dân",
    "Huân chương Lao động",
    "Bằng Lao động sáng tạo",
    "Tập thể lao động xuất sắc",
    "Lao động tiên tiến",
    "Chiến sĩ thi đua",
    "Phó Chủ tịch",
    "Phó Bí thư",
    "Phó Giám đốc",
    "Phó Thủ tướng",
    "Nhà giáo Nhân dân",
    "Nhà giáo Ưu tú",
    "Thầy thuốc Nhân dân",
    "Thầy thuốc Ưu tú",
    "Nghệ sĩ Nhân dân",
    "Nghệ sĩ Ưu tú",
    "Nhà giáo Việt Nam",  # Ngày Nhà giáo Việt Nam (20/11)
    "Thầy thuốc Việt Nam",  # Ngày Thầy thuốc Việt Nam (27/2)
)

PROVINCES = (
    "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "An Giang", "Bà Rịa - Vũng Tàu",
    "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre", "Bình Định", "Bình Dương", "Bình Phước",
    "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp",
    "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh", "Hải Dương", "Hậu Giang", "Hòa Bình", "Hoà Bình",
    "Hưng Yên", "Khánh Hòa", "Khánh Hoà", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng", "Lạng Sơn",
    "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
    "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La",
    "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thanh Hoá", "Thừa Thiên Huế", "Tiền Giang",
    "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
)  # fmt: skip

# A place name is judged after the word that says it is one ("tỉnh Đồng nai"), never alone.
PLACE_WORDS = ("tỉnh", "thành phố", "TP.")


def _pattern(phrase: str) -> str:
    return r"\s+".join(re.escape(word) for word in phrase.split(" "))


def _words(phrase: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W\d_]+", phrase.lower()))


class _Name(NamedTuple):
    words: frozenset[str]  # its words in lower case: all must be in a segment for it to be there
    source: str  # its pattern, compiled when first looked for (most names are in no plan's text)
    canonical: str
    flat: str = ""  # its words in small letters, one space between: a cheap test before the pattern

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.source)


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


# The old tone style of the same names ("Cộng hoà", "Uỷ ban"): either is the name.
_OLD_STYLE = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ủy": "uỷ",
    "úy": "uý",
}


def _styles(name: str) -> set[str]:
    old = re.sub("|".join(_OLD_STYLE), lambda m: _OLD_STYLE[m[0]], name)
    return {name, old}


# Longest first: "Ban Chấp hành Trung ương" is judged before "Ban Chấp hành", which it contains.
# A name of two fields joined by "và" is also looked for with the "và" lost ("Sở Giáo dục Đào tạo").
_FORMS = {v: v for n in (*BODIES, *TITLES, *EVENTS) for v in _styles(n)} | {
    v.replace(" và ", " ", 1): v for n in BODIES if n.count(" ") > 2 and " và " in n for v in _styles(n)
}
_NAMES = tuple(
    _Name(_words(form), rf"(?<![\w])({_pattern(form)})(?![\w])", name, form.lower())
    for form, name in sorted(_FORMS.items(), key=lambda item: len(item[0]), reverse=True)
)
_TITLES = frozenset(v for n in TITLES for v in _styles(n))
# Names with no generic use: written with a small first letter they are still the name ("thủ tướng
# chính phủ" -> "Thủ tướng Chính phủ"), as the holidays and events are.
_UNIQUE = (
    "Thủ tướng Chính phủ",
    "Mặt trận Tổ quốc Việt Nam",
    "Tổng Liên đoàn Lao động Việt Nam",
    "Công đoàn Việt Nam",
    "Đảng Cộng sản Việt Nam",
    "Bộ Chính trị",
    "Ban Bí thư",
)
_STRICT_FORMS = frozenset(v for n in (*EVENTS, *_UNIQUE) for v in _styles(n))
# "của nhà nước", "Đảng và nhà nước": the State, capitalised ("cơ quan nhà nước" is generic)
_THE_STATE_BEFORE = re.compile(r"(?:(?<![\w])của|Đảng(?:\s+và|,))\s+$")
# Written both ways in official text (the press and many plans capitalise the month word too).
_ALSO_RIGHT = frozenset({"Cách mạng Tháng Tám"})


def _index(names: tuple[_Name, ...]) -> dict[str, list[int]]:
    """Each name (by its place in `names`) under the one of its words the fewest names share: a segment
    looks only at the names whose word it has."""
    shared = Counter(word for name in names for word in name.words)
    by_word: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        by_word.setdefault(min(sorted(name.words), key=shared.__getitem__), []).append(index)
    return by_word


_BY_WORD = _index(_NAMES)
_BEFORE_PLACE = "|".join(_pattern(word) for word in PLACE_WORDS)
_PLACES = tuple(
    _Name(_words(name), rf"(?<![\w])(?:{_BEFORE_PLACE})\s+({_pattern(name)})(?![\w])", name)
    for name in sorted(PROVINCES, key=len, reverse=True)
)
_PLACE_WORDS = frozenset({"tỉnh", "thành", "tp"})


def _toneless(text: str) -> str:
    """`text` in small letters without its tone marks (ă, â, ê, ô, ơ, ư, đ kept): "bình đinh" for "Bình Định"."""
    return strip_tone(unicodedata.normalize("NFC", text.lower()))[0]


# A province named after its place word with a tone slipped ("tỉnh Bình Đinh"): its toneless form.
_PROVINCE_TONELESS = {_toneless(name): name for name in PROVINCES}
_PROVINCE_NAMES = frozenset(PROVINCES)
_PLACE_NAME = re.compile(rf"(?<![\w])(?:{_BEFORE_PLACE})\s+((?:[^\W\d_]+)(?:\s+[^\W\d_]+){{1,2}})")
# ND30: a unit named by a number capitalises its common noun ("Quận 1", "Phường 15").
_NUMBERED_UNIT = re.compile(r"(?<![\w])(quận|phường)(\s+\d+)(?![\w/.,]\d)")
# A school named after its level ("trường THCS Lục Ba", "trường Đại học Vinh"): "Trường" is the kind of
# the organisation, capitalised (Phụ lục II: "Trường Đại học Bách khoa Hà Nội"); "các trường THCS" is generic.
_SCHOOL = re.compile(
    r"(?<![\w])(trường)(\s+(?:THCS&THPT|TH&THCS|THCS|THPT|PTDTBT|PTDTNT|PTCS|TH|MN|MG|ĐH|CĐ|TC|Tiểu học|"
    r"Trung học cơ sở|Trung học phổ thông|Trung học|Mầm non|Mẫu giáo|Đại học|Cao đẳng|Trung cấp))(?![\w&])\s+(\S)"
)
_GENERIC_BEFORE = re.compile(r"(?:các|những|mọi|nhiều|một số|giữa|hai|ba)\s+$")
# The Tiêu ngữ is written in small letters with capitals ("Độc lập - Tự do - Hạnh phúc"), not all capitals.
_MOTTO_CAPITALS = re.compile(r"ĐỘC LẬP(\s*[-–]\s*)TỰ DO(\s*[-–]\s*)HẠNH PHÚC")
# ND30 capitalises the kind of a document cited by its number ("Kế hoạch số 01/KH-CĐVC").
_CITED_KIND = re.compile(
    r"(?<![\w])(kế hoạch|nghị quyết|chỉ thị|quyết định|thông tư|nghị định|hướng dẫn|công văn|thông báo|"
    r"chương trình|kết luận|quy định)(\s+số\s+\d[\w./-]*)"
)
# "của Tỉnh Thanh Hóa", "Liên đoàn Lao động Huyện Cờ Đỏ": the level of a unit of government is a common
# noun before its name (Phụ lục II: "tỉnh Thanh Hóa", "Ủy ban nhân dân huyện …"), unless numbered ("Quận
# 11") or naming a body of its own ("Tỉnh ủy", "Huyện đoàn"); "Thành phố" is left alone (Thành phố Hồ Chí Minh).
_LEVEL_MID_SENTENCE = re.compile(r"(?<=[^\W\d_] )(Tỉnh|Huyện|Xã|Phường|Quận|Thị xã|Thị trấn)(?=[ \u00a0]+\S)")
_BODIES_OF_A_LEVEL = frozenset({"ủy", "uỷ", "đoàn", "đội"})  # Tỉnh ủy, Huyện đoàn, Huyện đội
_LEVELS = ("Tỉnh", "Huyện", "Xã", "Phường", "Quận", "Thị")


_SPACED_WORD = re.compile(r"[ \u00a0]+(\S+)")


def _next_word_at(text: str, at: int) -> str:
    """The word after the spaces from `at`."""
    match = _SPACED_WORD.match(text, at)
    return match[1].rstrip(",.;:)") if match else ""


# A resolution of a named congress or plenum ("nghị quyết Đại hội XIII của Đảng") is that document, named.
_NAMED_RESOLUTION = re.compile(r"(?<![\w])(nghị quyết)(\s+(?:Đại hội|Hội nghị|Trung ương)\b)")
# An award given by a named body ("bằng khen của Tổng Liên đoàn", "cờ thi đua của Chính phủ") is its name.
_NAMED_AWARD = re.compile(r"(?<![\w])(bằng khen|giấy khen|cờ thi đua)(\s+của\s+)(?=[A-ZĐÀ-Ỹ])")
# A title after the word that introduces it is a name even when written in small letters.
_TITLE_WORD = re.compile(r"danh\s+hiệu\s+$", re.IGNORECASE)


def suggestion(written: str, canonical: str) -> str | None:
    """The form to write, or None when `written` is right or not judged."""
    written = re.sub(r"\s+", " ", written)
    if written == canonical or written.isupper():
        return None
    if written[:1].islower():  # a generic use ("các ban chấp hành công đoàn"), unless the name has none
        return canonical if canonical in _STRICT_FORMS else None  # "cách mạng Tháng tám"
    if written[1:] == canonical[1:]:  # only the first letter differs: a sentence begins with it
        return None
    return written[:1] + canonical[1:]


def _tone_slipped_places(text: str) -> list[tuple[int, int, str, str]]:
    """Province names after their place word written with a tone mark wrong ("tỉnh Bình Đinh")."""
    found = []
    for match in _PLACE_NAME.finditer(text):
        words = match[1].split()
        if not words[0][:1].isupper():
            continue  # "tỉnh tổ chức": no name
        for size in (3, 2):
            written = " ".join(words[:size])
            if written in _PROVINCE_NAMES:
                break  # written right
            canonical = _PROVINCE_TONELESS.get(_toneless(written))
            if canonical is not None and written.lower() != canonical.lower():
                found.append((match.start(1), match.start(1) + len(written), written, canonical))
                break
    return found


def _first_difference(written: str, better: str) -> int:
    """The offset in `written` of its first word written otherwise in `better`: the finding's column."""
    for word, other in zip(re.finditer(r"\S+", written), better.split(" "), strict=False):
        if word[0] != other:
            return word.start()
    return 0


def check_capitals(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        vocabulary = segment.vocabulary  # shared with the other rules: a name is looked for only when all
        text = segment.text
        found: list[tuple[int, int, str, str]] = []  # its words are in the segment
        flat = ""
        for index in sorted({i for word in vocabulary & _BY_WORD.keys() for i in _BY_WORD[word]}):
            name = _NAMES[index]
            if name.words <= vocabulary:
                flat = flat or " ".join(text.lower().split())
                if name.flat in flat:  # cheap: the name's words in a row, before its pattern places it
                    found += [(m.start(1), m.end(1), m[1], name.canonical) for m in name.pattern.finditer(text)]
        if not _PLACE_WORDS.isdisjoint(vocabulary):
            for name in _PLACES:
                if name.words <= vocabulary:
                    found += [(m.start(1), m.end(1), m[1], name.canonical) for m in name.pattern.finditer(text)]
        if not _PLACE_WORDS.isdisjoint(vocabulary):
            found += _tone_slipped_places(text)
        taken: list[tuple[int, int]] = []
        for start, end, written, canonical in found:  # longest names first: a shorter one inside is not judged
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            better = None if written in _ALSO_RIGHT else suggestion(written, canonical)
            state = canonical == "Nhà nước" and written == "nhà nước"
            if better is None and state and _THE_STATE_BEFORE.search(text, max(0, start - 12), start):
                better = canonical
            if better is None and canonical in _TITLES and written[:1].islower() and _TITLE_WORD.search(text, 0, start):
                better = canonical  # "danh hiệu chiến sĩ thi đua cơ sở"
            if better is not None:
                yield text_problem(
                    segment, start + _first_difference(written, better), written=written, suggestion=better
                )
        if "trường" in vocabulary:
            for match in _SCHOOL.finditer(text):
                if (match[3].isupper() or match[3].isdigit()) and not _GENERIC_BEFORE.search(
                    text, max(0, match.start() - 12), match.start()
                ):
                    written = match[1] + match[2]
                    yield text_problem(segment, match.start(), written=written, suggestion="T" + written[1:])
        if "quận" in vocabulary or "phường" in vocabulary:
            for match in _NUMBERED_UNIT.finditer(text):
                yield text_problem(
                    segment, match.start(), written=match[0], suggestion=match[1].capitalize() + match[2]
                )
        if any(level in text for level in _LEVELS):  # cheap: the level with its capital
            for match in _LEVEL_MID_SENTENCE.finditer(text):
                after = _next_word_at(text, match.end())
                mid_sentence = text[match.start() - 2].islower()  # the word before in small letters
                named = after[:1].isupper() and not after.isupper() and after.lower() not in _BODIES_OF_A_LEVEL
                if mid_sentence and named and not _quoted(text, match.start()):
                    yield text_problem(
                        segment, match.start(), written=f"{match[1]} {after}", suggestion=f"{match[1].lower()} {after}"
                    )
        if "nghị" in vocabulary:
            for match in _NAMED_RESOLUTION.finditer(text):
                if not _quoted(text, match.start()):  # a programme's name in quotes is written as it is
                    yield text_problem(segment, match.start(), written=match[0], suggestion="N" + match[0][1:])
        if "của" in vocabulary and ("khen" in vocabulary or "cờ" in vocabulary):
            for match in _NAMED_AWARD.finditer(text):
                if _quoted(text, match.start()):
                    continue
                written = match[1] + match[2].rstrip()
                yield text_problem(
                    segment, match.start(), written=written, suggestion=written[:1].upper() + written[1:]
                )
        if "số" in vocabulary:
            for match in _CITED_KIND.finditer(text):
                yield text_problem(
                    segment, match.start(), written=match[0], suggestion=match[1].capitalize() + match[2]
                )
        if "ĐỘC LẬP" in text:
            for match in _MOTTO_CAPITALS.finditer(text):
                yield text_problem(segment, match.start(), written=match[0], suggestion=MOTTO)


_LOWER = "".join(sorted(LETTERS))
_UPPER = _LOWER.upper()
_MIXED = re.compile(f"[{_LOWER}][{_UPPER}]|[{_UPPER}]{{2}}[{_LOWER}]")


def mixed_case(word: str) -> str | None:
    """The word as it should be written when its capitals are mixed inside it ('cônG' -> 'công',
    'ĐOàn' -> 'Đoàn'); None for a word written right, or not a Vietnamese syllable ('TTg', 'iPhone')."""
    if word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower()):
        return None
    lower = unicodedata.normalize("NFC", word).lower()
    if word.upper() in UNION_ABBREVIATIONS and sum(c.islower() for c in word) == 1:
        return word.upper()  # "LĐlĐ": an abbreviation with one letter in small type
    if not is_vietnamese(lower) or not analyse(lower).valid:
        return _glued(unicodedata.normalize("NFC", word))
    return lower[:1].upper() + lower[1:] if word[:1].isupper() else lower


def _glued(word: str) -> str | None:
    """Two syllables run together, the second's capital inside the word ("CônVà" -> "Côn và")."""
    for at in range(2, len(word) - 1):
        first, second = word[:at], word[at:]
        if (
            second[:1].isupper()
            and second[1:].islower()
            and first[1:].islower()
            and analyse(first.lower()).valid
            and analyse(second.lower()).valid
        ):
            return f"{first} {second.lower()}"
    return None


def check_mixed_case(ctx: TextContext) -> Iterator[Problem]:
    glued = {lower: parts for lower in ctx.vocabulary if (parts := _glued_syllables(lower))}
    for segment in ctx.segments:
        here = segment.vocabulary.intersection(glued) if glued else ()
        if not here and _MIXED.search(segment.text) is None:  # cheap: almost no text has a capital inside a word
            continue
        for word in segment.words:
            better = mixed_case(word.text)
            if (
                better is None
                and word.lower in here
                and (word.text.islower() or word.text.isupper() or word.text.istitle())
            ):
                parts = glued[word.lower]
                better = match_case(word.text, " ".join(parts)) if not word.text.isupper() else " ".join(parts).upper()
            if better is not None:
                yield text_problem(segment, word.start, written=word.text, suggestion=better)


@functools.lru_cache(maxsize=16384)  # every word of every file asks: each distinct word is read once
def _glued_syllables(lower: str) -> tuple[str, ...] | None:
    """A word with marks that is no syllable but two or more run together ("côngđoàn", "báocáo")."""
    if len(lower) < 5 or lower.isascii() or (is_vietnamese(lower) and analyse(lower).valid):
        return None
    return split_glued(lower)


# Abbreviations unions use, and what they stand for (as ND30 writes the name).
ABBREVIATIONS = {
    "UBND": ("Ủy ban nhân dân", "Uỷ ban nhân dân"),
    "HĐND": ("Hội đồng nhân dân",),
    "LĐLĐ": ("Liên đoàn Lao động",),
    "TLĐ": ("Tổng Liên đoàn",),
    "CNVCLĐ": ("công nhân, viên chức, lao động", "công nhân viên chức lao động"),
    "CĐCS": ("công đoàn cơ sở",),
    "BCH": ("Ban Chấp hành",),
    "BTV": ("Ban Thường vụ",),
    "MTTQ": ("Mặt trận Tổ quốc",),
    "NLĐ": ("người lao động",),
}
_DOUBLED = re.compile(
    r"(?<![\w-])("
    + "|".join(ABBREVIATIONS)
    + r")\s+("
    + "|".join(_pattern(e) for e in sorted({e for es in ABBREVIATIONS.values() for e in es}, key=len, reverse=True))
    + r")(?![\w])",
    re.IGNORECASE,
)


def check_doubled_abbreviation(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if not any(abbreviation in text for abbreviation in ABBREVIATIONS):  # cheap: exact capitals
            continue
        for match in _DOUBLED.finditer(text):
            abbreviation, expansion = match[1], re.sub(r"\s+", " ", match[2])
            meanings = ABBREVIATIONS.get(abbreviation)  # the abbreviation in its own capitals only
            if meanings and expansion.casefold() in {m.casefold() for m in meanings}:
                yield text_problem(
                    segment, match.start(), written=match[0], abbreviation=abbreviation, expansion=expansion
                )


# Common words (verbs that open a task, generic nouns) that never begin a name on their own: one
# written with a capital in the middle of a sentence ("tổ chức Phát động phong trào", "; Triển khai")
# is a capital ND30 does not ask for. A capital after a capital ("Ban Tổ chức", "Tháng Công nhân"),
# one followed by a capital ("Tổ chức Lao động Quốc tế"), one inside quotes, and the kind of a named
# thing ("Hội thi “Bàn tay vàng”", "Phong trào thi đua “…”", "Hướng dẫn số 75/HD-TLĐ") are not judged.
COMMON_WORDS = frozenset(
    """phát động|triển khai|tổ chức|thực hiện|tuyên truyền|vận động|đẩy mạnh|nâng cao|tăng cường|phấn đấu|
    tiếp tục|xây dựng|chăm lo|bảo vệ|kỷ niệm|kỉ niệm|chào mừng|tổng kết|sơ kết|đánh giá|biểu dương|
    đăng ký|hưởng ứng|tham gia|phối hợp|hướng dẫn|kiểm tra|giám sát|học tập|làm theo|đề xuất|gia tăng|tích cực|
    động viên|khuyến khích|lựa chọn|bình xét|đề nghị|bầu cử|góp phần|duy trì|phát huy|quán triệt|chủ đề|
    cuộc vận động|đoàn viên|cán bộ|an toàn|
    chỉ đạo|quan tâm|phát triển|hoàn thành|bảo đảm|đảm bảo|tập trung|hoạt động|nhiệm vụ|
    lãnh đạo|chuyên môn|ngoại ngữ|tin học|chủ nghĩa|thanh niên|đại học|
    công đoàn""".replace("\n", "")
    .replace("    ", "")
    .split("|")
)
_LONGEST_COMMON = max(word.count(" ") for word in COMMON_WORDS) + 1
_FIRSTS = frozenset(word.split(" ")[0] for word in COMMON_WORDS)
# What follows the kind of a named thing: its number ("số 75", "75/HD-TLĐ"), or its name in quotes soon after.
_NAMED = re.compile(r"\s+(?:số\b|\d+/)|(?:\s+[^\W\d_]+){0,3}\s*[“\"«]")
# Between the items of a list run into one sentence: a semicolon or a comma (after a closing mark).
_LIST_GAP = re.compile(r"[ \u00a0]*[)\]”\"'’]*[ \u00a0]*[;,][ \u00a0]+")
# An item's end inside a sentence: a semicolon, whatever came before it ("(2/9/2020); Phấn đấu").
_AFTER_ITEM = re.compile(r";[ \u00a0]+$")
# Words that start an item after a semicolon, never a name: "; Mỗi người", "; Qua phong trào".
_AFTER_SEMICOLON = frozenset({"mỗi", "qua", "trong", "với", "các", "những", "tại", "từ", "đồng", "góp", "tiếp"})
# The common words as TX60 judges them, capitalised (the rest of the phrase in small letters, one space
# between): a segment without any is skipped before its words are built.
_CAPITALISED = re.compile(
    r"(?<![\w])(?:"
    + "|".join(
        sorted(
            {re.escape(word.capitalize()) for word in (*COMMON_WORDS, *_AFTER_SEMICOLON) if word != "công đoàn"},
            key=len,
            reverse=True,
        )
    )
    + r"|(?<=các |ững )Công đoàn)(?![\w])"  # "Công đoàn" only in the plural: the Tổng Liên đoàn capitalises it
)
_OPEN_QUOTES = {"“": 1, "”": -1, "«": 1, "»": -1}


def _quoted(text: str, offset: int) -> bool:
    """Whether `offset` lies inside quotation marks opened before it in `text`."""
    before = text[:offset]
    return sum(_OPEN_QUOTES.get(c, 0) for c in before) > 0 or before.count('"') % 2 == 1


def check_needless_capital(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        founded = "Thành lập" in text
        if not founded and not any(_mid_sentence(text, m.start()) for m in _CAPITALISED.finditer(text)):
            continue  # cheap: most text has none of these words with a capital inside a sentence
        words = segment.words
        for i in range(1, len(words)):
            word = words[i]
            if not word.text[:1].isupper() or not word.text[1:].islower():
                continue
            before = words[i - 1]
            gap = segment.gap(before, word)
            if founded and _founding_day(segment, words, i):
                written = segment.text[word.start : words[i + 1].end]
                yield text_problem(segment, word.start, written=written, suggestion=written[:1].lower() + written[1:])
                continue
            listed = _LIST_GAP.fullmatch(gap) is not None or _AFTER_ITEM.search(gap) is not None  # "…; Triển khai"
            if not listed and not (gap == " " and before.text[:1].islower()):
                continue  # a sentence's first word, a name's next word, a heading
            if before.lower == "và" and _after_a_name(segment, words, i - 1):
                continue  # "Bộ Nông nghiệp và Phát triển nông thôn": the next kind in a name
            phrase = _common_phrase(segment, words, i)
            if phrase is None and listed and gap.rstrip().endswith(";") and word.lower in _AFTER_SEMICOLON:
                phrase = [word]  # "; Mỗi người lao động", "; Qua phong trào"
            if phrase is None:
                continue
            if [w.lower for w in phrase] == ["công", "đoàn"] and before.lower not in ("các", "những"):
                continue  # "tổ chức Công đoàn", "cấp Công đoàn": the Tổng Liên đoàn's own usage; "các Công đoàn" is plural
            written = segment.text[word.start : phrase[-1].end]
            yield text_problem(segment, word.start, written=written, suggestion=written[:1].lower() + written[1:])


def _founding_day(segment: Segment, words: list[Word], i: int) -> bool:
    """ "ngày Thành lập", "Ngày Thành lập Công đoàn Việt Nam": the day's name goes on in small letters
    ("Ngày thành lập Đảng Cộng sản Việt Nam"), whatever follows."""
    return (
        words[i].text == "Thành"
        and i + 1 < len(words)
        and words[i + 1].text == "lập"
        and words[i - 1].lower == "ngày"
        and segment.gap(words[i - 1], words[i]) == " "
        and segment.gap(words[i], words[i + 1]) == " "
    )


def _mid_sentence(text: str, at: int) -> bool:
    """Whether what comes right before `at` may leave a capital there needless: a small letter and a
    space, or a comma or a semicolon (the words' own gaps decide)."""
    before = text[max(0, at - 12) : at].rstrip(" \u00a0")
    return (
        at >= 2 and text[at - 1] in " \u00a0" and (before[-1:].islower() or before[-1:] in (",", ";") or ";" in before)
    )


def _after_a_name(segment: Segment, words: list[Word], conjunction: int) -> bool:
    """Whether one of the two words right before `conjunction` ("và"), spaces only between, has a capital."""
    for j in range(conjunction - 1, max(-1, conjunction - 3), -1):
        if segment.gap(words[j], words[j + 1]) != " ":
            return False
        if words[j].text[:1].isupper():
            return True
    return False


def _common_phrase(segment: Segment, words: list[Word], i: int) -> list[Word] | None:
    """The common word starting at word `i` as written with a capital ("Phát động"), when it is not the
    start of a name; None otherwise."""
    if words[i].lower not in _FIRSTS:
        return None
    for size in range(_LONGEST_COMMON, 0, -1):
        phrase = words[i : i + size]
        if len(phrase) < size or " ".join(w.lower for w in phrase) not in COMMON_WORDS:
            continue
        if any(not w.text.islower() for w in phrase[1:]) or any(segment.gap(a, b) != " " for a, b in pairwise(phrase)):
            return None
        after = words[i + size] if i + size < len(words) else None
        if (
            after is not None
            and segment.gap(phrase[-1], after) == " "
            and after.text[:1].isupper()
            and after.lower not in _FIRSTS
        ):
            return None  # "Tổ chức Lao động Quốc tế": a name ("Chào mừng Kỷ niệm": two needless capitals)
        rest = segment.text[phrase[-1].end : phrase[-1].end + 40]
        if _quoted(segment.text, words[i].start) or _NAMED.match(rest):
            return None
        return phrase
    return None


RULES = (
    Rule(
        "TX05",
        "wording.capitals",
        W,
        text_check=check_capitals,
        summary={
            "vi": "Viết hoa tên cơ quan, tổ chức, danh hiệu, địa danh không đúng Nghị định 30",
            "en": "Capitals in the name of a body, a title or a place against Nghị định 30",
        },
        message={"vi": "'{written}': viết là '{suggestion}'", "en": "'{written}': write '{suggestion}'"},
        why={
            "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục II) viết hoa chữ cái đầu của các từ chỉ loại hình và "
            "lĩnh vực của cơ quan, tổ chức ('Tổng Liên đoàn Lao động Việt Nam', 'Ban Chấp hành Trung ương', "
            "'Ủy ban nhân dân tỉnh'), chữ cái đầu của danh hiệu ('Chiến sĩ thi đua toàn quốc') và mọi âm "
            "tiết của địa danh ('tỉnh Đồng Nai'); đơn vị hành chính đặt tên bằng số viết hoa cả danh từ chung "
            "('Quận 11', 'Phường 3'); tên loại văn bản dẫn kèm số viết hoa ('Kế hoạch số 05/KH-LĐLĐ'); Tiêu "
            "ngữ viết chữ thường ('Độc lập - Tự do - Hạnh phúc'); ngày lễ và sự kiện lịch sử viết hoa ở mọi "
            "chỗ ('Tết Nguyên đán', 'Cách mạng tháng Tám'); trường học mang tên viết hoa 'Trường' ('Trường THCS Lục "
            "Ba'); nghị quyết của một đại hội, khen thưởng của một cơ quan là tên riêng ('Nghị quyết Đại hội XIII', "
            "'Bằng khen của Tổng Liên đoàn'); cấp hành chính giữa câu viết thường trước tên ('của tỉnh Thanh Hóa', "
            "không phải 'Tỉnh Thanh Hóa'; 'Tỉnh ủy', 'Quận 11' vẫn viết hoa). Tên viết toàn chữ hoa (tiêu đề) và cách "
            "dùng chung viết thường ('các ban chấp hành công đoàn cơ sở') không bị xét.",
            "en": "Nghị định 30/2020/NĐ-CP (Phụ lục II) capitalises the first letter of each word naming the "
            "kind and field of a body ('Tổng Liên đoàn Lao động Việt Nam', 'Ban Chấp hành Trung ương', "
            "'Ủy ban nhân dân tỉnh'), the first letter of a title ('Chiến sĩ thi đua toàn quốc') and every "
            "syllable of a place name ('tỉnh Đồng Nai'); a unit named by a number capitalises its common noun "
            "('Quận 11', 'Phường 3'); the kind of a document cited by its number is capitalised ('Kế hoạch số "
            "05/KH-LĐLĐ'); the Tiêu ngữ is in small letters ('Độc lập - Tự do - Hạnh phúc'); holidays and events "
            "of history are capitalised wherever they stand ('Tết Nguyên đán', 'Cách mạng tháng Tám'); a named school "
            "capitalises 'Trường' ('Trường THCS Lục Ba'); a congress's resolution and a body's award are names ('Nghị "
            "quyết Đại hội XIII', 'Bằng khen của Tổng Liên đoàn'); the level of a unit of government mid-sentence is "
            "written small before its name ('của tỉnh Thanh Hóa'; 'Tỉnh ủy', 'Quận 11' keep their capital). Names in "
            "capitals (headings) and generic uses in small letters ('các ban chấp hành công đoàn cơ sở') are not "
            "judged.",
        },
        bad="opening:\n  - Thực hiện Kế hoạch của Tổng liên đoàn Lao động Việt Nam và Ban chấp hành LĐLĐ tỉnh Đồng nai.\n",
        good="opening:\n  - Thực hiện Kế hoạch của Tổng Liên đoàn Lao động Việt Nam và Ban Chấp hành LĐLĐ tỉnh Đồng Nai.\n",
    ),
    Rule(
        "TX06",
        "wording.mixed-case",
        W,
        text_check=check_mixed_case,
        summary={"vi": "Chữ hoa lẫn giữa một tiếng", "en": "A capital inside a word"},
        message={"vi": "'{written}': viết là '{suggestion}'", "en": "'{written}': write '{suggestion}'"},
        why={
            "vi": "Một tiếng có chữ hoa ở giữa ('cônG', 'ĐOàn') thường do gõ nhầm phím Shift hay Caps Lock; "
            "tiếng Việt chỉ viết hoa chữ cái đầu hoặc cả tiếng. Hai tiếng viết dính nhau, tiếng sau viết hoa "
            "('CônVà', 'CôngĐoàn') hay cùng kiểu chữ ('phongtrào', 'BÁOCÁO') là thiếu dấu cách; chữ viết tắt có "
            "một chữ thường lẫn vào ('LĐlĐ') là gõ nhầm. Chữ viết tắt và ký hiệu ('TTg' trong 'QĐ-TTg'), tên "
            "sản phẩm ('PowerPoint') không phải là tiếng nên không bị xét.",
            "en": "A word with a capital inside it ('cônG', 'ĐOàn') is usually a slip of Shift or Caps Lock; "
            "Vietnamese capitalises the first letter or the whole word. Two syllables run together, the second "
            "capitalised ('CônVà', 'CôngĐoàn') or in one case ('phongtrào', 'BÁOCÁO'), lack a space; an abbreviation "
            "with one letter in small type ('LĐlĐ') is a slip. Abbreviations and ký hiệu ('TTg' in 'QĐ-TTg') "
            "and product names ('PowerPoint') are not syllables and are not judged.",
        },
        bad="opening:\n  - Phát động phong trào thi đua trong cônG nhân, viên chức, lao động.\n",
        good="opening:\n  - Phát động phong trào thi đua trong công nhân, viên chức, lao động.\n",
    ),
    Rule(
        "TX07",
        "wording.abbreviation-doubled",
        W,
        text_check=check_doubled_abbreviation,
        summary={
            "vi": "Chữ viết tắt đứng liền trước chính tên đầy đủ của nó",
            "en": "An abbreviation right before its own expansion",
        },
        message={
            "vi": "'{written}': giữ '{abbreviation}' hoặc '{expansion}', không viết cả hai",
            "en": "'{written}': keep '{abbreviation}' or '{expansion}', not both",
        },
        why={
            "vi": "'UBND Ủy ban nhân dân tỉnh' nói một tên hai lần, thường do sửa câu mà quên xóa chữ cũ. "
            "Muốn giới thiệu chữ viết tắt thì viết tên đầy đủ trước, chữ viết tắt trong ngoặc đơn: "
            "'Ủy ban nhân dân (UBND) tỉnh'.",
            "en": "'UBND Ủy ban nhân dân tỉnh' says one name twice, usually an edit that forgot the old words. "
            "To introduce an abbreviation, write the name first and the abbreviation in brackets: "
            "'Ủy ban nhân dân (UBND) tỉnh'.",
        },
        bad="opening:\n  - Phối hợp với UBND Ủy ban nhân dân tỉnh tổ chức tuyên truyền.\n",
        good="opening:\n  - Phối hợp với Ủy ban nhân dân (UBND) tỉnh tổ chức tuyên truyền.\n",
    ),
    Rule(
        "TX60",
        "wording.needless-capital",
        W,
        text_check=check_needless_capital,
        summary={
            "vi": "Viết hoa một từ thường giữa câu",
            "en": "A common word capitalised in the middle of a sentence",
        },
        message={
            "vi": "'{written}' giữa câu: viết thường '{suggestion}'",
            "en": "'{written}' mid-sentence: write '{suggestion}'",
        },
        why={
            "vi": "Nghị định 30/2020/NĐ-CP (Phụ lục II) chỉ viết hoa chữ đầu câu, tên riêng, tên cơ quan, tổ "
            "chức, danh hiệu. Một từ thường (động từ mở đầu một việc như 'phát động', 'triển khai', 'tổ chức', "
            "'kỷ niệm'; danh từ chung như 'đoàn viên', 'cán bộ', 'lãnh đạo', 'chuyên môn', 'cuộc vận động', số "
            "nhiều 'các công đoàn') viết hoa giữa câu hay sau "
            "dấu chấm phẩy là viết hoa thừa; tên ngày viết tiếp chữ thường ('Ngày thành lập Công đoàn Việt "
            "Nam'). Không bị xét: từ đứng sau một chữ hoa ('Ban Tổ chức'), từ có chữ "
            "hoa theo sau ('Tổ chức Lao động Quốc tế'), từ trong ngoặc kép (tên phong trào).",
            "en": "Nghị định 30/2020/NĐ-CP (Phụ lục II) capitalises only a sentence's first letter, names, the "
            "names of bodies and titles. A common word (a verb that opens a task, such as 'phát động', 'triển "
            "khai', 'tổ chức', 'kỷ niệm'; a generic noun such as 'đoàn viên', 'cán bộ', 'lãnh đạo', 'chuyên môn', "
            "'cuộc vận động', the plural 'các công đoàn') "
            "capitalised in the middle of a sentence or after a semicolon is a capital too many; a day's name "
            "goes on in small letters ('Ngày thành lập Công đoàn Việt Nam'). Not judged: "
            "a word after a capital ('Ban Tổ chức'), one followed by a capital ('Tổ chức Lao động Quốc tế'), "
            "one inside quotes (a movement's name).",
        },
        bad="opening:\n  - Công đoàn cơ sở Phát động phong trào thi đua; Triển khai tới đoàn viên.\n",
        good="opening:\n  - Công đoàn cơ sở phát động phong trào thi đua; triển khai tới đoàn viên.\n",
    ),
)
