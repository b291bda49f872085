"""TX1: characters — Unicode normalisation, one tone-mark style, look-alike letters."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.segments import match_case
from thidua.text.syllables import analyse, spell

E, W = Severity.error, Severity.warning

# Letters that look like Vietnamese ones but are not: what they are and what was meant.
LOOKALIKES = {
    "\u00d0": ("U+00D0 Ð (eth)", "Đ"),
    "\u00f0": ("U+00F0 ð (eth)", "đ"),
    "\u0189": ("U+0189 Ɖ (African D)", "Đ"),
    "\u0256": ("U+0256 ɖ (African d)", "đ"),
}
_SUSPECT = re.compile("[\u00d0\u00f0\u0189\u0256\u0370-\u03ff\u0400-\u04ff]")
_CONFUSABLE_SCRIPTS = {"CYRILLIC": "Cyrillic", "GREEK": "Greek"}
_LATIN_FOR = {  # the Latin letter a Cyrillic or Greek look-alike stands for
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "у": "y",
    "х": "x",
    "і": "i",
    "ј": "j",
    "ѕ": "s",
    "А": "A",
    "В": "B",
    "Е": "E",
    "К": "K",
    "М": "M",
    "Н": "H",
    "О": "O",
    "Р": "P",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "І": "I",
    "Ј": "J",
    "Ѕ": "S",
    "ο": "o",
    "α": "a",
    "ν": "v",
    "ι": "i",
    "Ο": "O",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Η": "H",
    "Ι": "I",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ρ": "P",
    "Τ": "T",
    "Χ": "X",
}


def check_nfc(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        text = segment.text
        if text.isascii() or unicodedata.is_normalized("NFC", text):
            continue
        for word in segment.words:
            if not unicodedata.is_normalized("NFC", word.text):
                fixed = unicodedata.normalize("NFC", word.text)
                yield text_problem(segment, word.start, word=fixed)
                break  # one finding a field: the fix (save as NFC) mends them all


# The Quốc hiệu is a fixed text (Nghị định 30, Phụ lục I): its 'HÒA' is in the old style whatever the
# document's majority or `tone-marks` setting; it neither counts towards the majority nor follows it.
# (The Tiêu ngữ "Độc lập - Tự do - Hạnh phúc" has no syllable with two placements.)
_QUOC_HIEU = ("cộng", None, "xã", "hội", "chủ", "nghĩa", "việt", "nam")
_QUOC_HIEU_HOA = "hòa"


def _quoc_hieu_hoa(lowers: list[str]) -> list[int]:
    """The indexes (in the segment's words) of the 'hòa'/'hoà' of each Quốc hiệu written in it."""
    found = []
    size = len(_QUOC_HIEU)
    for i in range(len(lowers) - size + 1):
        if lowers[i] == "cộng" and all(want is None or lowers[i + k] == want for k, want in enumerate(_QUOC_HIEU)):
            found.append(i + 1)
    return found


def check_tone_style(ctx: TextContext) -> Iterator[Problem]:
    styles = {lower: analyse(lower).style for lower in ctx.vocabulary if not lower.isascii()}
    styled = {lower: style for lower, style in styles.items() if style}
    preferred = ctx.settings.tone_marks
    if not styled:
        return
    fixed = {
        id(segment): _quoc_hieu_hoa(segment.lowers)
        for segment in ctx.segments
        if "cộng" in segment.vocabulary and "nam" in segment.vocabulary
    }
    fixed = {key: found for key, found in fixed.items() if found}
    if not fixed and preferred == "any" and len(set(styled.values())) < 2:
        return
    counts = Counter(styled[lower] for segment in ctx.segments for lower in segment.lowers if lower in styled)
    for segment in ctx.segments:
        for index in fixed.get(id(segment), ()):
            if segment.lowers[index] in styled:
                counts[styled[segment.lowers[index]]] -= 1
    old, new = counts["old"], counts["new"]
    if preferred == "any" and (old == 0 or new == 0):
        preferred = "new" if new else "old"
    elif preferred == "any":
        # The majority wins; a tie goes to the old style, the one Nghị định 30 writes (CỘNG HÒA).
        preferred = "new" if new > old else "old"
    flagged = {lower for lower, style in styled.items() if style != preferred}
    for segment in ctx.segments:
        in_quoc_hieu = fixed.get(id(segment), ())
        here = segment.vocabulary & flagged
        if not here and not in_quoc_hieu:
            continue
        for index, word in enumerate(segment.words):
            if index in in_quoc_hieu:
                if word.lower == _QUOC_HIEU_HOA or word.lower not in styled:
                    continue
                style = {"vi": "Quốc hiệu (Nghị định 30)", "en": "the Quốc hiệu (Nghị định 30)"}
                suggestion = match_case(word.text, _QUOC_HIEU_HOA)
            elif word.lower in here:
                syllable = analyse(word.lower)
                style = {"vi": "kiểu cũ" if preferred == "old" else "kiểu mới", "en": f"the {preferred} style"}
                suggestion = match_case(word.text, spell(syllable.base, syllable.tone, preferred))
            else:
                continue
            yield text_problem(
                segment, word.start, word=word.text, suggestion=suggestion, style=style, counts=f"{old}/{new}"
            )


def check_lookalikes(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        if not _SUSPECT.search(segment.text):
            continue
        for word in segment.words:
            for offset, char in enumerate(word.text):
                if char in LOOKALIKES:
                    name, right = LOOKALIKES[char]
                elif not char.isascii() and char in _LATIN_FOR and _has_latin(word.text):
                    script = _CONFUSABLE_SCRIPTS[unicodedata.name(char).split()[0]]
                    name, right = f"U+{ord(char):04X} {char} ({script})", _LATIN_FOR[char]
                else:
                    continue
                fixed = word.text.replace(char, right)
                yield text_problem(segment, word.start + offset, word=word.text, char=name, suggestion=fixed)
                break


def _has_latin(word: str) -> bool:
    return any((c.isascii() and c.isalpha()) or "LATIN" in unicodedata.name(c, "") for c in word)


RULES = (
    Rule(
        "TX10",
        "unicode.not-nfc",
        E,
        text_check=check_nfc,
        summary={"vi": "Văn bản không ở dạng Unicode dựng sẵn (NFC)", "en": "Text not in composed Unicode (NFC)"},
        message={
            "vi": "'{word}' viết bằng dấu tổ hợp (Unicode tổ hợp); hãy lưu ở dạng dựng sẵn (NFC)",
            "en": "'{word}' is written with combining marks; save the text in composed form (NFC)",
        },
        why={
            "vi": "Văn bản dán từ PDF hay máy Mac thường tách dấu khỏi chữ (e + dấu mũ + dấu sắc). Trông "
            "giống nhau nhưng tìm kiếm, sắp xếp và so sánh sẽ sai, và một số phông hiển thị lệch dấu.",
            "en": "Text pasted from a PDF or a Mac often has marks apart from their letters (e + circumflex + "
            "acute). It looks the same, but search, sorting and comparison go wrong, and some fonts misplace the marks.",
        },
        bad="opening:\n  - Thi đua lao động gio\u0309i.\n",  # o + a combining hook above
        good="opening:\n  - Thi đua lao động giỏi.\n",
    ),
    Rule(
        "TX11",
        "unicode.tone-style",
        W,
        text_check=check_tone_style,
        summary={"vi": "Trộn hai kiểu đặt dấu (hòa/hoà)", "en": "Both tone-mark placements mixed (hòa/hoà)"},
        message={
            "vi": "'{word}' đặt dấu khác phần còn lại (cũ/mới: {counts}); theo {style} là '{suggestion}'",
            "en": "'{word}' places its tone mark unlike the rest (old/new: {counts}); {style} writes '{suggestion}'",
        },
        why={
            "vi": "Với oa, oe, uy không có phụ âm cuối, có hai kiểu đặt dấu: kiểu cũ 'hòa', 'thủy' (Quốc hiệu "
            "trong Nghị định 30 viết CỘNG HÒA) và kiểu mới 'hoà', 'thuỷ'. Cả hai đều đúng, nhưng một văn "
            'bản chỉ nên dùng một kiểu. Chọn kiểu bằng `tone-marks = "old"` hoặc `"new"` trong '
            "[tool.thidua]; mặc định theo kiểu chiếm đa số. Riêng Quốc hiệu là văn bản cố định, luôn viết "
            "CỘNG HÒA, không theo đa số.",
            "en": "For oa, oe and uy with no final consonant two placements are in use: the old 'hòa', 'thủy' "
            "(the Quốc hiệu in Nghị định 30 writes CỘNG HÒA) and the new 'hoà', 'thuỷ'. Both are right, but a "
            'document should use one. Choose with `tone-marks = "old"` or `"new"` in [tool.thidua]; by '
            "default the majority wins. The Quốc hiệu is a fixed text, always CỘNG HÒA, whatever the majority.",
        },
        bad="opening:\n  - Xây dựng văn hóa công sở, lan toả phong trào.\n",
        good="opening:\n  - Xây dựng văn hóa công sở, lan tỏa phong trào.\n",
    ),
    Rule(
        "TX12",
        "unicode.lookalike",
        E,
        text_check=check_lookalikes,
        summary={"vi": "Ký tự giống chữ Việt nhưng là chữ khác", "en": "A look-alike of a Vietnamese letter"},
        message={
            "vi": "'{word}' chứa ký tự {char}, không phải chữ tiếng Việt; viết là '{suggestion}'",
            "en": "'{word}' contains {char}, which is not a Vietnamese letter; write '{suggestion}'",
        },
        why={
            "vi": "Ð (U+00D0, chữ eth của tiếng Iceland) trông như Đ (U+0110), và chữ Kirin 'о', 'а' trông như "
            "chữ Latinh. Bộ gõ cũ và văn bản chuyển mã sinh ra chúng; tìm kiếm và sắp xếp sẽ bỏ sót từ.",
            "en": "Ð (U+00D0, the Icelandic eth) looks like Đ (U+0110), and Cyrillic 'о', 'а' look like Latin "
            "letters. Old input methods and converted text produce them; search and sorting then miss the word.",
        },
        bad="opening:\n  - ÐOÀN KẾT, sáng tạo.\n",
        good="opening:\n  - ĐOÀN KẾT, sáng tạo.\n",
    ),
)
