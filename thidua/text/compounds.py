"""Which two syllables make a word, and the common word a pair one slip away was meant to be.

Every syllable here is in the syllable list's key form (base + tone digit, `Syllable.key`). A slip
is the change of one thing a writer gets wrong without leaving the syllable list: the tone
(`khen thường` → `khen thưởng`), a vowel's mark (`năng cao` → `nâng cao`), an onset that sounds
alike (`tuyên chuyền` → `tuyên truyền`, `năng xuất` → `năng suất`: tr/ch, s/x, d/gi/r, l/n) or a
final that sounds alike (n/ng, t/c); apart
from these, `edited` reads one letter of a rhyme typed wrong, dropped or added (`yên nước`, `loan toả`)
and an onset lost (`ứng ụng` for `ứng dụng`).
The words and their ranks are generated (`tools/gen_compounds.py`, notices in
COMPOUNDS-NOTICE.md) and read once, the first time a text asks.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, cached_property, lru_cache
from itertools import combinations
from pathlib import Path

from thidua.text.syllables import analyse, spell

COMPOUNDS_FILE = Path(__file__).with_name("compounds.txt")

# Onsets that sound alike in some dialect, each with the one its class is written as in a key.
_ONSETS = (("gi", "d"), ("tr", "ch"), ("ch", "ch"), ("x", "s"), ("s", "s"), ("r", "d"), ("d", "d"), ("l", "l"))
_FINALS = (("ng", "n"), ("n", "n"), ("c", "t"), ("t", "t"))
# The vowels a keyboard's mark turns into another (Telex "aa", "aw", "ow", "uw"): one slip apart.
_VOWEL_MARKS = str.maketrans("ăâêôơư", "aaeoou")


@cache
def slip_keys(key: str) -> tuple[str, ...]:
    """The forms a slip of `key` shares with it: its letters with any tone, its onset's class and its
    final's class with its tone, its vowels without their marks with its tone ("truyên2" → "t:truyên",
    "v:truyen2", "o:chuyên2", "f:truyên2"; "chuyên2" has "o:chuyên2" too, "thưởng3" and "thường2" share
    "t:thương", "năng0" and "nâng0" share "v:nang0")."""
    base, tone = key[:-1], key[-1]
    keys = ["t:" + base]
    plain = base.translate(_VOWEL_MARKS)
    if plain != base:
        keys.append(f"v:{plain}{tone}")  # a vowel's mark typed wrong, same tone: "năng" for "nâng"
    onset = _onset(base)
    if onset is not None:
        keys.append(f"o:{onset}{tone}")
    for written, as_class in _FINALS:
        if base.endswith(written) and len(base) > len(written):
            keys.append(f"f:{base[: -len(written)]}{as_class}{tone}")
            break
    return tuple(keys)


@cache
def _no_mark_slips(key: str) -> tuple[str, ...]:
    """`slip_keys` without the vowel's mark ("tới" is no slip of "tối" beside a word it goes with)."""
    return tuple(form for form in slip_keys(key) if not form.startswith("v:"))


@cache
def edit_keys(key: str) -> tuple[str, ...]:
    """`key` and its forms with one letter after the first dropped, same tone: two syllables share
    one when a letter of the rhyme is typed wrong, dropped or added ("yên"/"yêu", "loan"/"lan")."""
    base, tone = key[:-1], key[-1]
    return tuple(dict.fromkeys([key, *(f"{base[:at]}{base[at + 1 :]}{tone}" for at in range(1, len(base)))]))


_VOWELS = frozenset("aăâeêioôơuưy")


def _onset_dropped(key: str) -> tuple[str, ...]:
    """A common syllable's form with its onset lost ("dung5" -> "z:ung5"): what a copy that drops the
    first letters leaves ("ứng ụng" for "ứng dụng")."""
    rest = key.lstrip("bcdđghklmnpqrstvx")
    return (f"z:{rest}",) if rest != key and rest[:1] in _VOWELS else ()


def _without_onset(key: str) -> tuple[str, ...]:
    """The lookup for a written syllable without an onset ("ung5" -> "z:ung5"); none for one with."""
    return (f"z:{key}",) if key[:1] in _VOWELS else ()


def _onset(base: str) -> str | None:
    if base.startswith("n") and not base.startswith(("nh", "ng")):
        return "l" + base[1:]
    for written, as_class in _ONSETS:
        if base.startswith(written) and len(base) > len(written) and not (written == "gi" and len(base) == 2):
            return as_class + base[len(written) :]
    return None


# The common words by the syllable that stays, then by a form of the other: (under the first syllable,
# the second's forms; under the second, the first's).
_Index = tuple[dict[str, dict[str, list[str]]], dict[str, dict[str, list[str]]]]


def _index(common: Iterable[str], forms: Callable[[str], Iterable[str]]) -> _Index:
    by_first: dict[str, dict[str, list[str]]] = {}
    by_second: dict[str, dict[str, list[str]]] = {}
    for pair in common:
        first, second = pair.split(" ")
        for key in forms(first):
            by_second.setdefault(second, {}).setdefault(key, []).append(pair)
        for key in forms(second):
            by_first.setdefault(first, {}).setdefault(key, []).append(pair)
    return by_first, by_second


def _found(index: _Index, first: str, second: str, forms: Callable[[str], Iterable[str]]) -> list[str]:
    """The common words under `index` that the pair reaches by a form of either syllable."""
    by_first, by_second = index
    found: list[str] = []
    for key in forms(first):
        found += by_second.get(second, {}).get(key, ())
    for key in forms(second):
        found += by_first.get(first, {}).get(key, ())
    return found


class Compounds:
    """The shipped words: `words` every two-syllable word ("khen0 thương3"), `by_first`/`by_second` the
    common ones by the syllable that stays and the other's slip form, `free` the phrases one slip from a
    common word that are not slips."""

    def __init__(self, text: str) -> None:
        self._parts = dict(_sections(text))
        common = self._parts.get("C", [])
        self.common = frozenset(common)
        self.free = frozenset(self._parts.get("A", ()))
        self.by_first, self.by_second = _index(common, slip_keys)

    @cached_property
    def _by_edit(self) -> _Index:
        """The common words by the syllable that stays and the other's one-letter edits ("lan" for "loan")
        or its form without its onset ("ung5" for "dung5")."""
        return _index(self.common, lambda key: (*edit_keys(key), *_onset_dropped(key)))

    def edited(self, first: str, second: str) -> list[str]:
        """The common words one letter of a rhyme from the pair ("loan toả" -> "lan toả"), which is no
        word; [] as for `meant`."""
        pair = f"{first} {second}"
        if pair in self.free or pair in self.words:
            return []
        found = _found(self._by_edit, first, second, lambda key: (*edit_keys(key), *_without_onset(key)))
        return sorted({candidate for candidate in found if candidate != pair})

    @cached_property
    def words(self) -> frozenset[str]:
        """Every two-syllable word; built the first time a pair is one slip from a common word."""
        return frozenset(self._parts.get("C", ())) | frozenset(self._parts.get("W", ()))

    def meant(self, first: str, second: str, *, marks: bool = True) -> list[str]:
        """The common words one slip from the pair `first second`, which is no word itself; [] when
        none is, or when the pair is a word or a free phrase (`marks`: a vowel's mark is a slip too)."""
        found = _found((self.by_first, self.by_second), first, second, slip_keys if marks else _no_mark_slips)
        if not found:
            return []
        pair = f"{first} {second}"
        if pair in self.free or pair in self.words:
            return []
        return sorted({candidate for candidate in found if candidate != pair})

    @cached_property
    def _partners(self) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
        """Each syllable's partners in the common words: those after it, and those before it."""
        after: dict[str, list[str]] = {}
        before: dict[str, list[str]] = {}
        for pair in sorted(self.common):
            first, second = pair.split(" ")
            after.setdefault(first, []).append(second)
            before.setdefault(second, []).append(first)
        return after, before

    @cached_property
    def all_syllables(self) -> frozenset[str]:
        """The syllables of every two-syllable word."""
        return frozenset(key for pair in self.words for key in pair.split(" "))

    @cached_property
    def common_syllables(self) -> frozenset[str]:
        """The syllables of the common words ("khen0", "thương3", ...)."""
        return frozenset(key for pair in self.common for key in pair.split(" "))

    def partners_after(self, first: str) -> list[str]:
        """The keys that follow `first` in a common word, in order ("căn0" -> ["cư1", "hô5", "nha2"])."""
        return self._partners[0].get(first, [])

    def lost_second(self, first: str, left: str) -> list[str]:
        """The keys of the syllables that, written after `first` with their marked letters dropped,
        leave `left` and make a common word ("phong0" "tro" -> ["trao2"])."""
        return [key for key in self._partners[0].get(first, ()) if left in stripped_forms(key)]

    def lost_first(self, left: str, second: str) -> list[str]:
        """Likewise before `second` ("cn" "bô5" -> ["can1"])."""
        return [key for key in self._partners[1].get(second, ()) if left in stripped_forms(key)]


def split_glued(lower: str) -> tuple[str, ...] | None:
    """The syllables of a word that is two or more run together ("côngđoàn", "hoạtđộngcôngđoàn"), each
    a syllable of a two-syllable word, the split that makes the most words of neighbours; None when no
    split makes one ("online", "cnvclđ")."""
    if len(lower) > 48:
        return None  # no run of words in a real text is longer
    found = _splits(lower)
    return found[1] if found is not None and found[0] > 0 and len(found[1]) > 1 else None


@lru_cache(maxsize=8192)
def _splits(rest: str) -> tuple[int, tuple[str, ...]] | None:
    """(words made by neighbours, parts) for the best split of `rest` into syllables in use."""
    table = compounds()
    best: tuple[int, tuple[str, ...]] | None = None
    for size in range(min(len(rest), 7), 0, -1):
        head = rest[:size]
        key = _syllable_key(head)
        if key is None:
            continue
        if size == len(rest):
            found: tuple[int, tuple[str, ...]] | None = (0, (head,))
        else:
            tail = _splits(rest[size:])
            found = None
            if tail is not None:
                joined = f"{key} {_syllable_key(tail[1][0])}" in table.words
                found = (tail[0] + joined, (head, *tail[1]))
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return best


@lru_cache(maxsize=8192)
def _syllable_key(text: str) -> str | None:
    """`text`'s key when it is a syllable one of the two-syllable words uses, else None."""
    syllable = analyse(text)
    return syllable.key if syllable.valid and syllable.key in compounds().all_syllables else None


@cache
def stripped_forms(key: str) -> frozenset[str]:
    """What is left of a syllable written in either tone style when a font conversion or a PDF copy
    loses its letters with a mark (đ, ă, â, ê, ô, ơ, ư and the toned vowels): one or more of them
    dropped ("tê1", tế -> "t"; "trao2" -> "tro"; "đoan2" -> "oàn", "đon", "on") or every mark taken
    off ("trao2" -> "trao"). Nothing for a syllable of plain letters."""
    out: set[str] = set()
    for style in ("old", "new"):
        written = spell(key[:-1], int(key[-1]), style)
        marked = [i for i, letter in enumerate(written) if not letter.isascii()]
        for size in range(1, len(marked) + 1):
            for dropped in combinations(marked, size):
                left = "".join(letter for i, letter in enumerate(written) if i not in dropped)
                if left:
                    out.add(left)
        if marked:
            out.add(_plain(written))
    return frozenset(out)


def _plain(written: str) -> str:
    """`written` without its marks: "trào" -> "trao", "đường" -> "duong"."""
    return unicodedata.normalize("NFD", written.replace("đ", "d")).encode("ascii", "ignore").decode()


def _sections(text: str) -> list[tuple[str, list[str]]]:
    """The file's parts: a line "[C]" opens the common words, "[W]" the others, "[A]" free phrases."""
    out = []
    for block in text.split("\n[")[1:]:
        tag, _, body = block.partition("]\n")
        out.append((tag, body.rstrip("\n").split("\n") if body.strip() else []))
    return out


@cache
def compounds() -> Compounds:
    return Compounds(COMPOUNDS_FILE.read_text(encoding="utf-8"))
