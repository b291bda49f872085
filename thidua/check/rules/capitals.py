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
from collections.abc import Iterator
from typing import NamedTuple

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.syllables import LETTERS, analyse, is_vietnamese

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

    @property
    def pattern(self) -> re.Pattern[str]:
        return _compiled(self.source)


@functools.cache
def _compiled(source: str) -> re.Pattern[str]:
    return re.compile(source, re.IGNORECASE)


# Longest first: "Ban Chấp hành Trung ương" is judged before "Ban Chấp hành", which it contains.
_NAMES = tuple(
    _Name(_words(name), rf"(?<![\w])({_pattern(name)})(?![\w])", name)
    for name in sorted((*BODIES, *TITLES), key=len, reverse=True)
)
_BEFORE_PLACE = "|".join(_pattern(word) for word in PLACE_WORDS)
_PLACES = tuple(
    _Name(_words(name), rf"(?<![\w])(?:{_BEFORE_PLACE})\s+({_pattern(name)})(?![\w])", name)
    for name in sorted(PROVINCES, key=len, reverse=True)
)
_PLACE_WORDS = frozenset({"tỉnh", "thành", "tp"})


def suggestion(written: str, canonical: str) -> str | None:
    """The form to write, or None when `written` is right or not judged."""
    written = re.sub(r"\s+", " ", written)
    if written == canonical or written.isupper():
        return None
    if written[:1].islower():  # generic use ("các ban chấp hành công đoàn cơ sở")
        return None
    if written[1:] == canonical[1:]:  # only the first letter differs: a sentence begins with it
        return None
    return written[:1] + canonical[1:]


def check_capitals(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        vocabulary = segment.vocabulary  # shared with the other rules: a name is looked for only when all
        found: list[tuple[int, int, str, str]] = []  # its words are in the segment
        for name in _NAMES:
            if name.words <= vocabulary:
                found += [(m.start(1), m.end(1), m[1], name.canonical) for m in name.pattern.finditer(segment.text)]
        if not _PLACE_WORDS.isdisjoint(vocabulary):
            for name in _PLACES:
                if name.words <= vocabulary:
                    found += [(m.start(1), m.end(1), m[1], name.canonical) for m in name.pattern.finditer(segment.text)]
        taken: list[tuple[int, int]] = []
        for start, end, written, canonical in found:  # longest names first: a shorter one inside is not judged
            if any(start < other_end and other_start < end for other_start, other_end in taken):
                continue
            taken.append((start, end))
            better = suggestion(written, canonical)
            if better is not None:
                yield text_problem(segment, start, written=written, suggestion=better)


_LOWER = "".join(sorted(LETTERS))
_UPPER = _LOWER.upper()
_MIXED = re.compile(f"[{_LOWER}][{_UPPER}]|[{_UPPER}]{{2}}[{_LOWER}]")


def mixed_case(word: str) -> str | None:
    """The word as it should be written when its capitals are mixed inside it ('cônG' -> 'công',
    'ĐOàn' -> 'Đoàn'); None for a word written right, or not a Vietnamese syllable ('TTg', 'iPhone')."""
    if word.islower() or word.isupper() or (word[:1].isupper() and word[1:].islower()):
        return None
    lower = unicodedata.normalize("NFC", word).lower()
    if not is_vietnamese(lower) or not analyse(lower).valid:
        return None
    return lower[:1].upper() + lower[1:] if word[:1].isupper() else lower


def check_mixed_case(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        if _MIXED.search(segment.text) is None:  # cheap: almost no text has a capital inside a word
            continue
        for word in segment.words:
            better = mixed_case(word.text)
            if better is not None:
                yield text_problem(segment, word.start, written=word.text, suggestion=better)


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
            "tiết của địa danh ('tỉnh Đồng Nai'). Tên viết toàn chữ hoa (tiêu đề) và cách dùng chung viết "
            "thường ('các ban chấp hành công đoàn cơ sở') không bị xét.",
            "en": "Nghị định 30/2020/NĐ-CP (Phụ lục II) capitalises the first letter of each word naming the "
            "kind and field of a body ('Tổng Liên đoàn Lao động Việt Nam', 'Ban Chấp hành Trung ương', "
            "'Ủy ban nhân dân tỉnh'), the first letter of a title ('Chiến sĩ thi đua toàn quốc') and every "
            "syllable of a place name ('tỉnh Đồng Nai'). Names in capitals (headings) and generic uses in "
            "small letters ('các ban chấp hành công đoàn cơ sở') are not judged.",
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
            "tiếng Việt chỉ viết hoa chữ cái đầu hoặc cả tiếng. Chữ viết tắt và ký hiệu ('TTg' trong "
            "'QĐ-TTg') không phải là tiếng nên không bị xét.",
            "en": "A word with a capital inside it ('cônG', 'ĐOàn') is usually a slip of Shift or Caps Lock; "
            "Vietnamese capitalises the first letter or the whole word. Abbreviations and ký hiệu ('TTg' in "
            "'QĐ-TTg') are not syllables and are not judged.",
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
)
