"""TX0: Vietnamese words — syllables that cannot exist or are not used, repeated words, confusions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

from thidua.check.rule import Rule, TextContext, text_problem
from thidua.findings import Problem, Severity
from thidua.text.compounds import Compounds, compounds, split_glued, stripped_forms
from thidua.text.lexicon import Lexicon
from thidua.text.segments import Segment, Word, match_case
from thidua.text.syllables import Syllable, analyse, is_vietnamese, spell
from thidua.text.vocab import (
    BOUND_FIRST,
    CONFUSIONS,
    DOC_TYPES,
    LEGAL_TYPES,
    LOANWORD_NAMES,
    LOANWORDS,
    REDUPLICATIONS,
    UNION_ABBREVIATIONS,
)

E, W = Severity.error, Severity.warning
LEXICON = Lexicon()  # the shipped syllables, without a repository's words (TX09's list holds none of those)

_REASONS = {
    "spelling": {"vi": "phụ âm đầu và vần không ghép được như vậy", "en": "its onset and rhyme cannot combine"},
    "stop-tone": {
        "vi": "vần kết thúc bằng p, t, c, ch chỉ mang dấu sắc hoặc nặng",
        "en": "a syllable ending in p, t, c or ch takes only the sắc or nặng tone",
    },
    "tones": {"vi": "có hai dấu thanh", "en": "it has two tone marks"},
    "placement": {"vi": "dấu thanh đặt sai nguyên âm", "en": "its tone mark is on the wrong vowel"},
    "typo": {"vi": "hai chữ cái đổi chỗ hoặc thừa một chữ", "en": "two letters swapped or one too many"},
}


def _style(ctx: TextContext) -> str:
    return "new" if ctx.settings.tone_marks == "new" else "old"


def _sentence_start(segment: Segment, word: Word) -> bool:
    before = _last_mark(segment.text, word.start, " \t\"“‘'(")
    return not before or before in ".:!?;\n-–•+*"


def _last_mark(text: str, end: int, skipped: str) -> str:
    """The last character before `end` that is not in `skipped`, "" at the start (read backwards, not
    by copying the text before: a line of a thousand words is read in linear time)."""
    at = end
    while at > 0 and text[at - 1] in skipped:
        at -= 1
    return text[at - 1] if at else ""


@lru_cache(maxsize=16384)
def _reading(lower: str) -> Syllable | None:
    """How the spelling rules read a word, or None for one they leave alone.

    Words with no diacritics (foreign words, codes, unaccented names) and words with letters
    outside the Vietnamese alphabet (café, Müller, a look-alike that TX12 reports) are skipped.
    """
    if lower.isascii() or not is_vietnamese(lower):
        return None
    return analyse(lower)


def _suspects(ctx: TextContext, wrong: Callable[[Syllable], bool]) -> Iterator[tuple[Segment, Word, Syllable]]:
    """Words the spelling rules read whose syllable is `wrong`, each distinct word judged once."""
    lexicon = ctx.settings.lexicon
    flagged = set()
    for lower in ctx.vocabulary:
        syllable = _reading(lower)
        if syllable is not None and wrong(syllable) and not lexicon.accepts_as_written(lower):
            flagged.add(lower)
    if not flagged:
        return
    for segment in ctx.segments:
        here: set[str] | frozenset[str] = segment.vocabulary & flagged
        if wrong is _impossible:  # LĐLĐ, CNVCLĐ: abbreviations in capitals are not words
            here = {w for w in here if w in segment.text or w.capitalize() in segment.text}
        if here:
            for word in segment.occurrences(here):
                yield segment, word, analyse(word.lower)


def _foreign(segment: Segment, word: Word) -> bool:
    """A word that is not meant as a Vietnamese syllable: an abbreviation in capitals (LĐLĐ), a
    letter (đ for đồng), a foreign name mid-sentence (León, Genève) or part of a transliteration
    joined by hyphens (Xlô-va-ki-a, nanô-giây)."""
    text = segment.text
    if word.text.isupper() or len(word.lower) == 1:
        return True
    if word.text[:1].isupper() and not _sentence_start(segment, word):
        return True
    return text[word.end : word.end + 1] == "-" or text[word.start - 1 : word.start] == "-"


def _impossible(syllable: Syllable) -> bool:
    return not syllable.valid


def check_impossible(ctx: TextContext) -> Iterator[Problem]:
    lexicon = ctx.settings.lexicon
    for segment, word, syllable in _suspects(ctx, _impossible):
        if syllable.problem == "spelling" and _foreign(segment, word):
            continue
        if syllable.problem == "spelling" and len(word.lower) >= 5 and split_glued(word.lower):
            continue  # "phongtrào": two syllables run together, TX06 says where to split
        suggestion = lexicon.suggest(syllable, _style(ctx))
        yield text_problem(
            segment,
            word.start,
            word=word.text,
            reason=_REASONS[syllable.problem or "spelling"],
            suggestion=match_case(word.text, suggestion) if suggestion else "",
        )
    yield from _plain_typos(ctx)


def _plain_typos(ctx: TextContext) -> Iterator[Problem]:
    """A word of plain letters that is no syllable, two of its letters swapped or one typed twice, from a
    syllable that makes a common word with its neighbour ("dnah hiệu" -> "danh hiệu"). Plain words are
    otherwise left alone (foreign words, codes); this one sits among words with marks."""
    candidates = {
        lower
        for lower in ctx.vocabulary
        if lower.isascii() and 2 < len(lower) <= 8 and lower not in _NOT_FRAGMENTS and not _syllable(lower)
    }
    if not candidates:
        return
    table = compounds()
    for segment in ctx.segments:
        here = segment.vocabulary & candidates
        if not here or segment.text.isascii():
            continue
        lowers = segment.lowers
        words: list[Word] = []
        for i, lower in enumerate(lowers):
            if lower not in here:
                continue
            before = _slip_key(lowers[i - 1]) if i else None
            after = _slip_key(lowers[i + 1]) if i + 1 < len(lowers) else None
            keys = {variant: _slip_key(variant) for variant in _keystrokes(lower)}
            with_before = {v for v, key in keys.items() if key and before and f"{before} {key}" in table.common}
            with_after = {v for v, key in keys.items() if key and after and f"{key} {after}" in table.common}
            if not with_before and not with_after:
                continue  # (the words are built only past here: most plain words are codes or foreign)
            words = words or segment.words
            word = words[i]
            if word.text != lower and not (word.text == lower.capitalize() and _sentence_start(segment, word)):
                continue  # a name, an abbreviation
            if segment.text[word.start - 1 : word.start] in "/-@." or segment.text[word.end : word.end + 1] in "/-@":
                continue  # a code, an address
            meant = (with_before if i and segment.gap(words[i - 1], word) == " " else set()) | (
                with_after if i + 1 < len(words) and segment.gap(word, words[i + 1]) == " " else set()
            )
            if len(meant) == 1:
                yield text_problem(
                    segment,
                    word.start,
                    word=word.text,
                    reason=_REASONS["typo"],
                    suggestion=match_case(word.text, meant.pop()),
                )


def _keystrokes(word: str) -> set[str]:
    """`word` with two letters next to each other swapped, or one letter taken out."""
    swapped = {word[:at] + word[at + 1] + word[at] + word[at + 2 :] for at in range(len(word) - 1)}
    return (swapped | {word[:at] + word[at + 1 :] for at in range(len(word))}) - {word}


def check_unknown(ctx: TextContext) -> Iterator[Problem]:
    lexicon = ctx.settings.lexicon
    for segment, word, syllable in _suspects(ctx, lambda syllable: syllable.valid and not lexicon.knows(syllable)):
        if word.text[:1].isupper() and not word.text.isupper() and not _sentence_start(segment, word):
            continue  # a proper name: Mường Tè, Nậm Nhùn
        suggestion = lexicon.suggest(syllable, _style(ctx))
        yield text_problem(
            segment,
            word.start,
            word=word.text,
            suggestion=match_case(word.text, suggestion) if suggestion else "",
        )


def check_repeated(ctx: TextContext) -> Iterator[Problem]:
    for segment in ctx.segments:
        lows = segment.lowers
        last: dict[str, int] = {}
        found: list[tuple[int, int]] = []
        done = -1
        for index, lower in enumerate(lows):  # a word seen again within 4 words may start a repeat
            before = last.get(lower)
            last[lower] = index
            if before is None or index - before > 4 or before < done:
                continue
            size = index - before
            if lows[before:index] == lows[index : index + size] and not (size == 1 and lower in REDUPLICATIONS):
                found.append((before, size))
                done = index + size
        for start, size in found:
            words = segment.words
            run = words[start : start + 2 * size]
            if any(segment.gap(a, b).strip() for a, b in pairwise(run)):
                continue  # "lao động giỏi, lao động sáng tạo" is not a repeat: a comma between
            if not _same_case(run[0].text, run[size].text):
                continue  # "Nhân dân Dân chủ", "KIỂU kiểu": a name or a placeholder, not a slip
            if size == 1 and _ends_and_starts_words(lows, start):
                continue  # "nữ công công đoàn": one word ends with the syllable the next one starts with
            phrase = segment.text[run[0].start : run[size - 1].end]
            yield text_problem(segment, run[size].start, phrase=phrase)


def _ends_and_starts_words(lows: list[str], index: int) -> bool:
    """Whether the syllable at `index`, written twice, ends a two-syllable word and starts another."""
    if index == 0 or index + 2 >= len(lows):
        return False
    keys = [_slip_key(lows[i]) for i in (index - 1, index, index + 2)]
    if None in keys:
        return False
    words = compounds().words
    return f"{keys[0]} {keys[1]}" in words and f"{keys[1]} {keys[2]}" in words


def _same_case(first: str, second: str) -> bool:
    """Written alike, or only the first capitalised (a repeat at the start of a sentence)."""
    return first == second or (first[:1].isupper() and not first.isupper() and first.lower() == second)


def _confusions(ctx: TextContext) -> dict[str, list[tuple[list[str], str]]]:
    table: dict[str, list[tuple[list[str], str]]] = {}
    for wrong, right in (*CONFUSIONS.items(), *ctx.settings.confusions):
        parts = wrong.lower().split()
        if parts and wrong.lower() != right.lower():
            table.setdefault(parts[0], []).append((parts, right))
    return table


def check_confusion(ctx: TextContext) -> Iterator[Problem]:
    table = _confusions(ctx)
    if table.keys().isdisjoint(ctx.vocabulary):
        return
    for segment in ctx.segments:
        if table.keys().isdisjoint(segment.vocabulary):
            continue
        lows = segment.lowers
        for index, lower in enumerate(lows):
            for parts, right in table.get(lower, ()):
                if lows[index : index + len(parts)] != parts:
                    continue
                run = segment.words[index : index + len(parts)]
                if any(segment.gap(a, b) not in (" ", "\u00a0") for a, b in pairwise(run)):
                    continue
                written = segment.text[run[0].start : run[-1].end]
                yield text_problem(segment, run[0].start, written=written, suggestion=match_case(written, right))


# Lower-case codes and units that are not syllables and may sit between words ("5 km đường" has a
# number before it; these may not): left alone.
# What a Vietnamese syllable can leave when its letters with marks are lost: an onset, the plain vowels, a
# final ("nhn" of nhân, "trin" of triển, "quc" of quốc). English words ("video", "test", "online", "email")
# have letters or clusters no syllable has, and are not taken for fragments.
_FRAGMENT = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{0,3}(?:ch|ng|nh|[cmnpt])?")
_NOT_FRAGMENTS = frozenset(
    {
        "km",
        "kg",
        "cm",
        "mm",
        "ml",
        "kw",
        "kwh",
        "tp",
        "vd",
        "vv",
        "pc",
        "gb",
        "mb",
        "chat",
        "chip",
        "hot",
        "mic",
        "tip",
        "top",
    }
)


@lru_cache(maxsize=65536)
def _syllable(lower: str) -> bool:
    return is_vietnamese(lower) and analyse(lower).valid


def check_lost_diacritics(ctx: TextContext) -> Iterator[Problem]:
    """A word of plain letters where a Vietnamese one lost its letters with marks in a font conversion
    or a PDF copy: what is left of a common word's syllable next to its partner ("phong tro", "kinh t
    xã hội", "cn bộ"), or a lower-case word that is no syllable between two Vietnamese syllables of
    which one at least has its marks ("nhn viên"). A line without any mark is not judged."""
    table = compounds()
    style = _style(ctx)
    for segment in ctx.segments:
        lowers = segment.lowers
        plain = [i for i, lower in enumerate(lowers) if lower.isascii() and lower not in _NOT_FRAGMENTS]
        if not plain or segment.text.isascii():
            continue
        keys = [_slip_key(lower) for lower in lowers]
        found = {}
        text = segment.text
        for i in plain:
            # Cheap, before the words: a word never written in small letters is a name or an abbreviation
            # (XIII, BCH), judged only in capitals beside a partner in capitals ("CHỦ TICH").
            small = not segment.simple or lowers[i] in text
            if not small and lowers[i].upper() not in text:
                continue
            restored = _restored(table, keys, lowers, i)
            fragment = small and len(lowers[i]) > 1 and not _syllable(lowers[i]) and _FRAGMENT.fullmatch(lowers[i])
            if restored or fragment:
                found[i] = restored
        if not found:
            continue
        words = segment.words
        problems = {
            i: problem for i, restored in found.items() if (problem := _lost(segment, words, i, restored, style))
        }
        yield from problems.values()
        if not problems:
            continue
        # This line lost letters with marks: a syllable in use that kept some of its marks may be what is
        # left of another ("Đi mới" for "Đổi mới", "Hưng ứng" for "Hưởng ứng"; plain ones are TX09's), and
        # a leftover may open a sentence with its capital ("C nước" for "Cả nước").
        for i, lower in enumerate(lowers):
            if i in problems:
                continue
            restored = found.get(i) if lower.isascii() else _restored(table, keys, lowers, i, in_use=True)
            if restored and (problem := _lost(segment, words, i, restored, style, kept=True)):
                yield problem


def _lost(
    segment: Segment, words: list[Word], i: int, restored: tuple[int, str] | None, style: str, *, kept: bool = False
) -> Problem | None:
    """TX08's problem at word `i`: restored to a common word with a neighbour, or a fragment between two
    syllables; None for a name, an abbreviation, a code (`kept`: a word that kept some marks may open a
    sentence or a quotation with its capital)."""
    word = words[i]
    before = words[i - 1] if i else None
    after = words[i + 1] if i + 1 < len(words) else None
    if "/" in segment.text[max(0, word.start - 1) : word.end + 1]:
        return None  # "đ/c" (đồng chí), "v/v": an abbreviation
    if word.text != word.lower and not (kept and word.text == word.lower.capitalize() and _opens(segment, word)):
        partner = None if restored is None else (before if restored[0] < 0 else after)
        if not (word.text.isupper() and partner is not None and partner.text.isupper()):
            return None  # "CHỦ TICH" in a heading is judged
    if restored is not None:
        side, meant = restored
        partner = before if side < 0 else after
        if partner is not None and segment.gap(*((partner, word) if side < 0 else (word, partner))) == " ":
            written = match_case(word.text, spell(meant[:-1], int(meant[-1]), style))
            suggestion = f"{partner.text} {written}" if side < 0 else f"{written} {partner.text}"
            return text_problem(segment, word.start, word=word.text, suggestion=suggestion)
    elif (
        before is not None
        and after is not None
        and segment.gap(before, word) == " "
        and segment.gap(word, after) == " "
        and _syllable(before.lower)
        and _syllable(after.lower)
        and not (before.lower + after.lower).isascii()
    ):
        return text_problem(segment, word.start, word=word.text)
    return None


def _opens(segment: Segment, word: Word) -> bool:
    """Whether `word` opens a sentence or a quotation."""
    return _sentence_start(segment, word) or _last_mark(segment.text, word.start, " ") in ("“", '"')


def _restored(
    table: Compounds, keys: list[str | None], lowers: list[str], i: int, *, in_use: bool = False
) -> tuple[int, str] | None:
    """(-1 or 1, the key meant) when word `i` is what is left of a syllable that makes a common word
    with the syllable before it (-1) or after it (1), while it is no syllable of a common word itself
    (`in_use`: even when it is) and makes no word with either neighbour as written."""
    key = keys[i]
    if key in table.common_syllables and not in_use:
        return None  # "chuyển sang ngày", "giờ con lại": a syllable in common use, read as written
    first = keys[i - 1] if i else None
    second = keys[i + 1] if i + 1 < len(keys) else None
    if key is not None and (
        (first is not None and f"{first} {key}" in table.words)
        or (second is not None and f"{key} {second}" in table.words)
    ):
        return None  # a word with its neighbour, as written
    left = lowers[i]
    # A syllable's partner must be free: "cơ quan trong" is not "quan trọng", "trong tâm hồn" not "trọng
    # tâm"; what is no syllable ("vào cuộc sng") is read with either neighbour.
    bound = key is not None
    if first is not None and not (bound and i > 1 and f"{keys[i - 2]} {first}" in table.words):
        meant = table.lost_second(first, left)
        if meant:
            return -1, meant[0]
    if second is not None and not (bound and i + 2 < len(keys) and f"{second} {keys[i + 2]}" in table.words):
        meant = table.lost_first(left, second)
        if meant:
            return 1, meant[0]
    return None


@lru_cache(maxsize=65536)
def _slip_key(lower: str) -> str | None:
    """A word's key in the compound list, or None for one that is no syllable in use (TX01, TX02 say so)."""
    if not is_vietnamese(lower):
        return None
    syllable = analyse(lower)
    return syllable.key if syllable.valid and LEXICON.knows(syllable) else None


@lru_cache(maxsize=65536)
def _meant(table: Compounds, first: str, second: str) -> tuple[str, ...]:
    free = first[:-1] in _FREE or second[:-1] in _FREE
    linking = first[:-1] in _LINKING or second[:-1] in _LINKING  # "tới ngày" is no slip of "tối ngày"
    meant = table.meant(first, second, marks=not linking)  # a document repeats its pairs: each looked up once
    if not meant and not free:
        meant = table.edited(first, second)
    return tuple(meant)


# Words that go with almost any other ("các cấp", "cho người", "trong khu"): a pair with one of them is
# never read as a letter typed wrong, only as a slip of tone, onset or final.
_FREE_WORDS = """
cac cho trong va cua vơi nhưng la co đươc đê khi thi ma tư tai theo vê ra vao lên se đa đang không nay đo cung
như nhât rât đêu hơn môi môt hai ba năm hăng hang trên dươi sau trươc nên bi do vi nêu tơi đên qua băng nhiêu
it lai con nưa cao
"""
_FREE = frozenset(_FREE_WORDS.split())  # syllables without their tone, as in a key
# Of those, the words that only link others (prepositions, conjunctions, particles): never read as a
# vowel's mark typed wrong either ("cao", "năm", "hai" are words of their own: "năng cao" is "nâng cao").
_LINKING = _FREE - {"cao", "năm", "hai", "ba", "hăng", "hang"}


# The units of government a plan names after "toàn", "các", "cấp" ("toàn quận" is not "toàn quân").
_UNITS = frozenset({"tỉnh", "huyện", "quận", "xã", "phường", "thị", "thôn", "ấp", "bản", "tổ"})


def check_real_word_slip(ctx: TextContext) -> Iterator[Problem]:
    """Two syllables that make no word, one slip (tone, onset, final) from a common word, and each
    free: the syllable before does not make a word with the first, nor the second with the one after."""
    table = compounds()
    confused = {" ".join(wrong.lower().split()[:2]) for wrong, _ in (*CONFUSIONS.items(), *ctx.settings.confusions)}
    style = _style(ctx)
    for segment in ctx.segments:
        lowers = segment.lowers
        keys = [_slip_key(lower) for lower in lowers]
        hits = [
            i
            for i, (a, b) in enumerate(pairwise(keys))
            if a
            and b
            and _meant(table, a, b)
            and (not segment.simple or _written_plainly(segment.text, *lowers[i : i + 2]))
        ]
        if not hits:
            continue
        words = segment.words
        for i in hits:
            first, second = words[i], words[i + 1]
            opening = first.text == first.lower.capitalize() and _opens_sentence(segment, words, i)
            if (first.text != first.lower and not opening) or second.text != second.lower:
                continue  # a name, an abbreviation ("Khơi dây" opening a sentence is judged)
            if segment.gap(first, second) != " ":
                continue  # a pair across a comma
            if f"{first.lower} {second.lower}" in confused:
                continue  # TX04 names it
            if second.lower in _UNITS:
                continue  # "toàn quận", "cấp huyện": a unit of government, read as written
            if i > 0 and segment.gap(words[i - 1], first) == " " and f"{keys[i - 1]} {keys[i]}" in table.words:
                continue  # "đồng hành cùng": the first syllable already makes a word with the one before
            if (
                i + 2 < len(words)
                and segment.gap(second, words[i + 2]) == " "
                and f"{keys[i + 1]} {keys[i + 2]}" in table.words
            ):
                continue  # "ưu đãi từ", likewise after
            meant = _meant(table, keys[i] or "", keys[i + 1] or "")
            if all(_marks_lost(candidate, (first.lower, second.lower)) for candidate in meant) and any(
                segment.lowers[j].isascii() and _restored(table, keys, segment.lowers, j) for j in (i, i + 1)
            ):
                continue  # "đoàn vin": letters with marks lost, which TX08 reports ("phong trao" it does not)
            spelled = [_spelled(candidate, (first.lower, second.lower), style) for candidate in meant]
            suggestion = " / ".join(word.capitalize() if opening else word for word in spelled)
            yield text_problem(segment, first.start, word=f"{first.text} {second.text}", suggestion=suggestion)


def check_lost_syllable(ctx: TextContext) -> Iterator[Problem]:
    """A syllable that only begins a word (BOUND_FIRST: căn, hoàn, nghiên) before one it makes no word
    with: the word's second syllable was lost ("Căn Quyết định" for "Căn cứ Quyết định")."""
    if not ctx.vocabulary & BOUND_FIRST:
        return
    table = compounds()
    style = _style(ctx)
    for segment in ctx.segments:
        if not segment.vocabulary & BOUND_FIRST:
            continue
        lowers = segment.lowers
        words: list[Word] = []
        for i in range(len(lowers) - 1):
            if lowers[i] not in BOUND_FIRST:
                continue
            key, after = _slip_key(lowers[i]), _slip_key(lowers[i + 1])
            if key is None or after is None or f"{key} {after}" in table.words:
                continue  # "cán bộ", "kiểm tra": most pairs are words (words are built only past here)
            words = words or segment.words
            first, second = words[i], words[i + 1]
            if segment.gap(first, second) != " ":
                continue  # "căn, hộ": a pair across a comma or a line
            if first.text != first.lower and not (
                first.text == first.lower.capitalize()
                and (_sentence_start(segment, first) or _cites(segment, words, i + 1))
            ):
                continue  # a name ("Kinh Môn") or an abbreviation; "… năm 2021 Căn Kế hoạch số" is judged
            before = _slip_key(lowers[i - 1]) if i and segment.gap(words[i - 1], first) == " " else None
            if before is not None and f"{before} {key}" in table.words:
                continue  # the syllable ends a word with the one before
            if second.text == second.lower and _meant(table, key, after):
                continue  # one slip from a common word: TX09's
            partners = table.partners_after(key)
            if partners:
                spelled = [f"{first.text} {spell(p[:-1], int(p[-1]), style)}" for p in partners[:4]]
                yield text_problem(
                    segment, first.start, word=first.text, next=second.text, suggestion=" / ".join(spelled)
                )


# The kinds of document a clause cites ("Căn cứ Kế hoạch số …"), by their first two words.
_CITED_KINDS = frozenset(
    " ".join(kind.lower().split()[:2]) for kind in (*DOC_TYPES.values(), *LEGAL_TYPES.values(), "Công văn")
)


def _cites(segment: Segment, words: list[Word], i: int) -> bool:
    """Whether the words from `i` name a kind of document, capitalised ("Kế hoạch", "Công văn", "Luật")."""
    if not words[i].text[:1].isupper():
        return False
    kind = " ".join(word.lower for word in words[i : i + 2])
    return kind in _CITED_KINDS or words[i].lower in _CITED_KINDS


_ROMAN = re.compile(r"[IVXLC]+")
# A word of five capitals or more, of the letters abbreviations are made of (LĐLĐ, CNVCLĐ)
_CAPITALS = re.compile(r"[A-ZĐ]{5,}")


def _one_letter_from(written: str) -> list[str]:
    """The union abbreviations with one letter of `written` changed."""
    return sorted(
        known
        for known in UNION_ABBREVIATIONS
        if len(known) == len(written) and sum(a != b for a, b in zip(known, written, strict=True)) == 1
    )


def check_abbreviation_slip(ctx: TextContext) -> Iterator[Problem]:
    """An abbreviation in capitals that no union document uses, one letter from one they all do."""
    for segment in ctx.segments:
        text = segment.text
        for match in _CAPITALS.finditer(text):
            written, start, end = match[0], match.start(), match.end()
            if (start and text[start - 1].isalpha()) or text[end : end + 1].isalpha():
                continue  # part of a longer word ("THÀNHPHỐ")
            if written in UNION_ABBREVIATIONS or _ROMAN.fullmatch(written) or _syllable(written.lower()):
                continue  # a known one, a number, a syllable of a heading in capitals
            meant = _one_letter_from(written)
            if meant:
                yield text_problem(segment, start, word=written, suggestion=" / ".join(meant))


def _alternatives(forms: Iterable[str]) -> str:
    return "|".join(re.escape(form).replace(r"\ ", r"[ \u00a0]+") for form in sorted(forms, key=len, reverse=True))


_LOANWORD = re.compile(rf"(?<![\w-])(?:{_alternatives(LOANWORDS)})(?![\w-])", re.IGNORECASE)
_LOANWORD_ENDS = frozenset(re.findall(r"[^\W\d_]+", form)[-1] for form in LOANWORDS)  # "nô", "covid": cheap
_LOANWORD_NAME = re.compile(rf"(?<![\w./@-])(?:{_alternatives(LOANWORD_NAMES)})(?![\w./@-])")


def check_loanword(ctx: TextContext) -> Iterator[Problem]:
    """A loanword in a form official text does not use ("pa nô", "in tơ nét", "mạng internet")."""
    ends = ctx.vocabulary & _LOANWORD_ENDS
    names = ctx.vocabulary & LOANWORD_NAMES.keys()
    if not ends and not names:
        return
    for segment in ctx.segments:
        text = segment.text
        for match in _LOANWORD.finditer(text) if segment.vocabulary & ends else ():
            right = LOANWORDS[" ".join(match[0].lower().split())]
            suggestion = right if right[:1].isupper() or not match[0][:1].isupper() else right.capitalize()
            yield text_problem(segment, match.start(), word=match[0], suggestion=suggestion)
        if not segment.vocabulary & names:
            continue
        for match in _LOANWORD_NAME.finditer(text):
            yield text_problem(segment, match.start(), word=match[0], suggestion=LOANWORD_NAMES[match[0]])


def _written_plainly(text: str, first: str, second: str) -> bool:
    """Whether `text` may hold the pair as TX09 judges it: in small letters, or opening with a capital,
    one space between (a cheap test before the segment's words are built)."""
    pair = f"{first} {second}"
    return pair in text or pair.capitalize() in text


def _opens_sentence(segment: Segment, words: list[Word], i: int) -> bool:
    """Whether word `i` starts its segment or a sentence in it (after a full stop, a bullet or a heading number)."""
    before = segment.text[words[i - 1].end if i else 0 : words[i].start]
    return (not i and not before.strip(" \t\u00a0-–+•*.0123456789)")) or bool(i and re.search(r"[.!?]\s+$", before))


def _marks_lost(candidate: str, written: tuple[str, str]) -> bool:
    """Whether the pair as written is what the compound leaves when letters with marks are dropped."""
    return all(
        as_written == spell(key[:-1], int(key[-1]), "old") or as_written in stripped_forms(key)
        for key, as_written in zip(candidate.split(" "), written, strict=True)
    ) and any(as_written.isascii() for as_written in written)


def _spelled(candidate: str, written: tuple[str, str], style: str) -> str:
    """A compound's key form written out, keeping the syllable that did not change as it was written."""
    out = []
    for key, as_written in zip(candidate.split(" "), written, strict=True):
        out.append(as_written if _slip_key(as_written) == key else spell(key[:-1], int(key[-1]), style))
    return " ".join(out)


RULES = (
    Rule(
        "TX01",
        "spelling.impossible",
        E,
        text_check=check_impossible,
        summary={"vi": "Âm tiết không thể có trong tiếng Việt", "en": "A syllable that cannot exist in Vietnamese"},
        message={
            "vi": "'{word}' không phải âm tiết tiếng Việt: {reason}",
            "en": "'{word}' is not a Vietnamese syllable: {reason}",
        },
        hint={"vi": " — có phải '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Quy tắc chính tả quốc ngữ loại trừ những âm tiết như 'nghiêp' (vần -p phải mang dấu sắc "
            "hoặc nặng), 'nghành' (ngh- chỉ đứng trước i, e, ê) hay 'hòan' (dấu đặt trên nguyên âm chính: "
            "'hoàn'). Lỗi này thường do gõ vội hoặc bộ gõ hỏng, và không một từ điển nào chấp nhận nó. Một từ "
            "không dấu đứng giữa các tiếng có dấu cũng bị báo khi đổi chỗ hai chữ cái hay bỏ một chữ thừa thì "
            "thành từ thông dụng với tiếng bên cạnh ('dnah hiệu' là 'danh hiệu').",
            "en": "Quốc ngữ spelling rules exclude syllables such as 'nghiêp' (a final -p takes sắc or nặng), "
            "'nghành' (ngh- only comes before i, e, ê) or 'hòan' (the mark sits on the main vowel: 'hoàn'). "
            "They come from hurried typing or a broken input method. A plain word among words with marks is "
            "reported too when swapping two of its letters or dropping one makes a common word with its "
            "neighbour ('dnah hiệu' for 'danh hiệu').",
        },
        bad="sections:\n  - kind: content\n    title: NỘI DUNG\n    items:\n      - Đối với khối doanh nghiêp.\n",
        good="sections:\n  - kind: content\n    title: NỘI DUNG\n    items:\n      - Đối với khối doanh nghiệp.\n",
    ),
    Rule(
        "TX02",
        "spelling.unknown",
        W,
        text_check=check_unknown,
        summary={
            "vi": "Âm tiết đúng luật nhưng tiếng Việt không dùng",
            "en": "A well-formed syllable Vietnamese does not use",
        },
        message={
            "vi": "'{word}' không có trong danh sách âm tiết tiếng Việt",
            "en": "'{word}' is not in the list of Vietnamese syllables",
        },
        hint={"vi": " — có phải '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "'chiễn' đúng luật ghép vần nhưng không có trong tiếng Việt: thường là gõ nhầm dấu ('chiến'). "
            "Danh sách âm tiết lấy từ bộ từ vựng tiếng Việt của Tesseract (Apache-2.0) và cách đọc "
            "kVietnamese của Unihan (giấy phép Unicode). Tên riêng viết hoa giữa câu không bị kiểm tra; "
            "tên, từ viết tắt khác thì khai báo trong tệp từ của kho (`words` trong [tool.thidua]).",
            "en": "'chiễn' is well-formed but not Vietnamese: usually a slipped tone mark ('chiến'). The list "
            "comes from Tesseract's Vietnamese word list (Apache-2.0) and Unihan's kVietnamese readings "
            "(Unicode License). Capitalised names mid-sentence are not checked; declare other names and "
            "abbreviations in the repository's word file (`words` in [tool.thidua]).",
        },
        bad="opening:\n  - 780 cá nhân đạt danh hiệu chiễn sỹ thi đua cấp tỉnh.\n",
        good="opening:\n  - 780 cá nhân đạt danh hiệu chiến sỹ thi đua cấp tỉnh.\n",
    ),
    Rule(
        "TX03",
        "wording.repeated",
        E,
        text_check=check_repeated,
        summary={"vi": "Từ hoặc cụm từ bị lặp liền nhau", "en": "A word or phrase written twice in a row"},
        message={"vi": "'{phrase}' bị lặp hai lần liền nhau", "en": "'{phrase}' is written twice in a row"},
        why={
            "vi": "'của của', 'lao động lao động giỏi': lỗi khi sửa văn bản cũ mà không đọc lại. Các từ láy "
            "có chủ ý như 'người người', 'nhà nhà' không bị báo.",
            "en": "'của của', 'lao động lao động giỏi': left behind when last year's text is edited without "
            "rereading. Deliberate doublings such as 'người người', 'nhà nhà' are not reported.",
        },
        bad="opening:\n  - Thi đua lao động lao động giỏi, lao động sáng tạo.\n",
        good="opening:\n  - Thi đua lao động giỏi, lao động sáng tạo.\n",
    ),
    Rule(
        "TX04",
        "wording.confusion",
        E,
        text_check=check_confusion,
        summary={"vi": "Từ viết đúng chính tả nhưng sai nghĩa", "en": "A real word used for another"},
        message={"vi": "'{written}' nên viết là '{suggestion}'", "en": "'{written}' should be '{suggestion}'"},
        why={
            "vi": "'hăng năm', 'Mục địch', 'tăng thưởng' gồm những âm tiết có thật nên bộ kiểm tra chính tả "
            "không bắt được. Danh sách nằm trong thidua/text/vocab.py (CONFUSIONS); kho có thể thêm cặp của "
            "mình trong tệp từ (`confusions`).",
            "en": "'hăng năm', 'Mục địch', 'tăng thưởng' are made of real syllables, so a spell-checker passes "
            "them. The list is in thidua/text/vocab.py (CONFUSIONS); a repository adds its own in its word file "
            "(`confusions`).",
        },
        bad="opening:\n  - Chủ động xây dựng kế hoạch thi đua hăng năm.\n",
        good="opening:\n  - Chủ động xây dựng kế hoạch thi đua hằng năm.\n",
    ),
    Rule(
        "TX08",
        "spelling.lost-diacritics",
        Severity.warning,
        text_check=check_lost_diacritics,
        summary={
            "vi": "Chữ mất dấu hoặc mất chữ giữa câu tiếng Việt",
            "en": "Letters lost inside a Vietnamese sentence",
        },
        message={
            "vi": "'{word}': có lẽ chữ có dấu đã rơi mất khi chuyển phông hay chép từ PDF",
            "en": "'{word}': letters with marks probably lost in a font conversion or a PDF copy",
        },
        hint={"vi": " — có phải '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Chuyển phông (TCVN3, VNI sang Unicode) hay chép chữ từ PDF hay làm rơi các chữ có dấu: 'cán "
            "bộ' thành 'cn bộ', 'kinh tế' thành 'kinh t', 'phong trào' thành 'phong tro' hay 'phong trao'. "
            "Một chữ không dấu bị xét khi nó là phần còn lại của một tiếng trong từ thông dụng đứng cạnh tiếng "
            "kia của từ ấy (mà không thành từ với tiếng nào bên cạnh như đang viết), hoặc khi nó không phải là "
            "tiếng nào mà nằm giữa hai tiếng Việt, có tiếng có dấu. Tên, chữ viết tắt, mã số và dòng hoàn toàn "
            "không dấu không bị xét; trong đề mục viết hoa, cặp tiếng viết hoa ('CHỦ TICH') vẫn được xét. Trên dòng đã "
            "mất chữ như vậy, tiếng còn giữ một phần dấu cũng được xét ('Hưng ứng' là 'Hưởng ứng', 'Đi mới' là 'Đổi "
            "mới').",
            "en": "Converting a font (TCVN3, VNI to Unicode) or copying from a PDF often drops the letters with "
            "marks: 'cán bộ' becomes 'cn bộ', 'kinh tế' 'kinh t', 'phong trào' 'phong tro' or 'phong trao'. A "
            "plain word is judged when it is what is left of a syllable of a common word, next to that word's "
            "other syllable (and makes no word with its neighbours as written), or when it is no syllable and "
            "stands between two Vietnamese syllables, one of them with marks. Names, abbreviations, codes and "
            "lines without any mark are not judged; in a heading in capitals a pair in capitals ('CHỦ TICH') is. On "
            "a line that lost such letters, a syllable that kept some of its marks is read too ('Hưng ứng' for "
            "'Hưởng ứng', 'Đi mới' for 'Đổi mới').",
        },
        bad="opening:\n  - Bồi dưỡng đội ngũ cn bộ công đoàn cơ sở, đẩy mạnh phong tro thi đua.\n",
        good="opening:\n  - Bồi dưỡng đội ngũ cán bộ công đoàn cơ sở, đẩy mạnh phong trào thi đua.\n",
    ),
    Rule(
        "TX13",
        "spelling.lost-syllable",
        Severity.warning,
        text_check=check_lost_syllable,
        summary={
            "vi": "Tiếng chỉ đứng đầu một từ mà thiếu tiếng sau ('Căn Quyết định')",
            "en": "A syllable that only begins a word, its second syllable lost ('Căn Quyết định')",
        },
        message={
            "vi": "'{word}' không đứng một mình trước '{next}': thiếu một tiếng? ('{suggestion}')",
            "en": "'{word}' does not stand alone before '{next}': a syllable lost? ('{suggestion}')",
        },
        why={
            "vi": "Có những tiếng chỉ dùng làm tiếng đầu của từ: 'căn' (căn cứ), 'hoàn' (hoàn thành), 'nghiên' "
            "(nghiên cứu), 'khẳng' (khẳng định). Khi chép hay sửa câu, tiếng thứ hai hay bị rơi: 'Căn Quyết định "
            "số …', 'hoàn vượt mức kế hoạch'. thidua báo một tiếng như vậy đứng trước tiếng không ghép được với "
            "nó thành từ, và gợi ý những từ thông dụng bắt đầu bằng nó. Danh sách lấy từ số lần dùng trong văn "
            "bản tiếng Việt đã tách từ (VLSP 2013, trong gói underthesea), bỏ các tiếng cũng dùng một mình.",
            "en": "Some syllables are only ever the first of a word: 'căn' (căn cứ), 'hoàn' (hoàn thành), "
            "'nghiên' (nghiên cứu), 'khẳng' (khẳng định). Copying or editing a sentence often drops the second: "
            "'Căn Quyết định số …', 'hoàn vượt mức kế hoạch'. thidua reports such a syllable before one it makes "
            "no word with, and suggests the common words it begins. The list comes from counts in word-segmented "
            "Vietnamese text (VLSP 2013, in the underthesea wheel), less the syllables also used alone.",
        },
        bad="opening:\n  - Căn Quyết định số 36/2017/QĐ-UBND của Ủy ban nhân dân tỉnh, phấn đấu hoàn vượt mức kế hoạch.\n",
        good="opening:\n  - Căn cứ Quyết định số 36/2017/QĐ-UBND của Ủy ban nhân dân tỉnh, phấn đấu hoàn thành vượt mức kế hoạch.\n",
    ),
    Rule(
        "TX14",
        "spelling.abbreviation",
        Severity.warning,
        text_check=check_abbreviation_slip,
        summary={
            "vi": "Chữ viết tắt sai một chữ so với chữ viết tắt quen dùng ('CNVNLĐ')",
            "en": "An abbreviation one letter from a common one ('CNVNLĐ')",
        },
        message={
            "vi": "'{word}' không phải chữ viết tắt quen dùng; có phải '{suggestion}'?",
            "en": "'{word}' is no common abbreviation; did you mean '{suggestion}'?",
        },
        why={
            "vi": "Văn bản công đoàn dùng nhiều chữ viết tắt dài (CNVCLĐ, CBCCVC, ATVSLĐ, HĐTĐKT); gõ sai một chữ "
            "('CNVNLĐ') thì bộ kiểm tra chính tả bỏ qua vì đó không phải một tiếng. thidua so mỗi chữ viết hoa "
            "từ năm chữ cái trở lên với danh sách chữ viết tắt của văn bản công đoàn và nhà nước: khác đúng một "
            "chữ cái thì báo. Chữ viết tắt riêng của đơn vị, khác từ hai chữ trở lên, không bị báo.",
            "en": "Union documents use many long abbreviations (CNVCLĐ, CBCCVC, ATVSLĐ, HĐTĐKT); one typed with a "
            "letter wrong ('CNVNLĐ') passes a spell checker, being no syllable. thidua compares every word in "
            "capitals of five letters or more with the abbreviations of union and state documents: one letter "
            "apart is reported. A unit's own abbreviation, two letters or more from any, is not.",
        },
        bad="opening:\n  - Chăm lo đời sống cho đoàn viên, CNVNLĐ trong tỉnh.\n",
        good="opening:\n  - Chăm lo đời sống cho đoàn viên, CNVCLĐ trong tỉnh.\n",
    ),
    Rule(
        "TX15",
        "spelling.loanword",
        Severity.warning,
        text_check=check_loanword,
        summary={
            "vi": "Từ mượn viết không đúng dạng văn bản hành chính dùng ('pa nô', 'in tơ nét')",
            "en": "A loanword in a form official text does not use ('pa nô', 'in tơ nét')",
        },
        message={
            "vi": "'{word}' nên viết là '{suggestion}'",
            "en": "'{word}' should be written '{suggestion}'",
        },
        why={
            "vi": "Từ mượn theo âm viết có gạch nối giữa các âm tiết (Quy định về chính tả tiếng Việt, Quyết "
            "định 240/QĐ năm 1984): 'pa-nô', 'ki-lô-mét', 'xê-mi-na'; từ mới của Internet viết như nguyên gốc: "
            "'Internet', 'email', 'Facebook', 'website'; tên riêng viết hoa ('mạng Internet', 'nhóm Zalo'). Từ "
            "đã quen viết rời ('mít tinh', 'áp phích', 'ô tô', 'vắc xin') không bị báo.",
            "en": "A word borrowed by its sound is written with hyphens between its syllables (Quy định về chính "
            "tả tiếng Việt, Quyết định 240/QĐ, 1984): 'pa-nô', 'ki-lô-mét', 'xê-mi-na'; a word of the Internet "
            "age as its source writes it: 'Internet', 'email', 'Facebook', 'website'; a name with its capital "
            "('mạng Internet', 'nhóm Zalo'). Words long written with spaces ('mít tinh', 'áp phích', 'ô tô', "
            "'vắc xin') are not reported.",
        },
        bad="opening:\n  - Tuyên truyền bằng băng rôn, pa nô và trên mạng in tơ nét, nhóm zalo của công đoàn.\n",
        good="opening:\n  - Tuyên truyền bằng băng rôn, pa-nô và trên mạng Internet, nhóm Zalo của công đoàn.\n",
    ),
    Rule(
        "TX09",
        "spelling.real-word",
        Severity.warning,
        text_check=check_real_word_slip,
        summary={
            "vi": "Hai tiếng không thành từ, gần một từ thông dụng (gõ sai dấu, phụ âm)",
            "en": "Two syllables that make no word, one slip from a common one",
        },
        message={
            "vi": "'{word}' không thành từ; có phải '{suggestion}'?",
            "en": "'{word}' is no word; did you mean '{suggestion}'?",
        },
        why={
            "vi": "Bộ kiểm tra chính tả chỉ xét từng tiếng, nên bỏ qua lỗi thường gặp nhất còn lại: tiếng có "
            "thật nhưng sai trong từ ('khen thường', 'tuyên chuyền', 'quyết tầm', 'bảo về quyền lợi'). thidua "
            "so từng cặp tiếng với danh sách từ hai tiếng (Viet74K của underthesea, từ điển của pyvi) xếp hạng "
            "theo văn bản hành chính thật: một cặp không thành từ, cách một từ thông dụng đúng một chỗ sai (dấu "
            "thanh, dấu của nguyên âm ă/â/a, ô/ơ/o, ư/u: 'năng cao', phụ âm đầu tr/ch, s/x, d/gi/r, l/n, phụ âm cuối n/ng, t/c; hoặc một chữ của vần gõ sai, "
            "thiếu hay thừa: 'yên nước', 'loan toả'; hoặc mất phụ âm đầu khi chép: 'ứng ụng'), và không ghép được với tiếng đứng trước hay sau, thì "
            "được báo. Tên riêng (viết hoa giữa câu) không bị xét; cặp có hư từ đi với mọi từ ('các', 'cho', "
            "'trong', 'và') chỉ bị xét theo dấu thanh và phụ âm.",
            "en": "A spell checker judges syllables one by one, so it misses the commonest mistake left: a real "
            "syllable in the wrong word ('khen thường', 'tuyên chuyền', 'quyết tầm', 'bảo về quyền lợi'). "
            "thidua reads each pair of syllables against two-syllable words (underthesea's Viet74K, pyvi's "
            "dictionary) ranked by real administrative text: a pair that is no word, one slip (tone, a vowel's "
            "mark ă/â/a, ô/ơ/o, ư/u: 'năng cao', onset "
            "tr/ch, s/x, d/gi/r, l/n, final n/ng, t/c; or one letter of the rhyme typed wrong, dropped or added: "
            "'yên nước', 'loan toả'; or an onset lost in a copy: 'ứng ụng') from a common word, and that makes no word with the syllable before or "
            "after, is reported. Names (capitalised mid-sentence) are not judged; a pair with a function word "
            "that goes with any other ('các', 'cho', 'trong', 'và') is judged by tone and consonants only.",
        },
        bad="opening:\n  - Kịp thời khen thường các tập thể có thành tích xuất sắc.\n",
        good="opening:\n  - Kịp thời khen thưởng các tập thể có thành tích xuất sắc.\n",
    ),
)
