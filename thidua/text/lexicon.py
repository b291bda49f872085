"""Which syllables Vietnamese uses, and the likely correction of one it does not."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from thidua.text.syllables import NANG, SAC, Syllable, analyse, spell

SYLLABLES_FILE = Path(__file__).with_name("syllables.txt")

# Written forms Quốc ngữ rules do not allow but official names use: Bắc Kạn, Đắk Lắk, Krông Búk.
IRREGULAR = frozenset({"kạn", "đắk", "đăk", "lắk", "krông", "búk", "pắc", "tuýp", "ôtô"})

# Letters a slip of the keyboard most often gives for one another (Telex/VNI typing, OCR).
_SWAPS = {
    "a": "ăâ",
    "ă": "aâ",
    "â": "aă",
    "e": "ê",
    "ê": "e",
    "o": "ôơ",
    "ô": "oơ",
    "ơ": "oô",
    "u": "ư",
    "ư": "u",
    "d": "đ",
    "đ": "d",
    "i": "y",
    "y": "i",
}
_ONSET_FIXES = (("ngi", "nghi"), ("nghe", "nghe"), ("ngh", "ng"), ("ng", "ngh"), ("gh", "g"), ("k", "c"), ("c", "k"))


@cache
def _shipped() -> dict[str, int]:
    counts: dict[str, int] = {}
    for line in SYLLABLES_FILE.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            key, _, count = line.partition(" ")
            counts[key] = int(count) if count else 0
    return counts


@dataclass(frozen=True)
class Lexicon:
    """The shipped syllable list plus a repository's accepted words (names, abbreviations)."""

    accepted: frozenset[str] = field(default_factory=frozenset)  # lower case, NFC

    def accepts_as_written(self, word: str) -> bool:
        """`word` (lower case, NFC) is taken as it is: the repository's words and official names."""
        return word in self.accepted or word in IRREGULAR

    def accepts(self, word: str) -> bool:
        """`word` (lower case, NFC) is a known syllable or accepted as written."""
        if self.accepts_as_written(word):
            return True
        syllable = analyse(word)
        return syllable.valid and syllable.key in _shipped()

    def knows(self, syllable: Syllable) -> bool:
        return syllable.key in _shipped() or syllable.text in self.accepted

    def suggest(self, syllable: Syllable, style: str = "old") -> str | None:
        """The most likely intended syllable, or None when nothing close is known."""
        counts = _shipped()
        best: dict[str, int] = {}
        for rank, key in _candidates(syllable):
            if key in counts and rank < best.get(key, rank + 1):
                best[key] = rank  # a candidate reached by several slips keeps its likeliest
        if not best:
            return None
        key = min(best, key=lambda k: (best[k], -counts[k]))
        return spell(key[:-1], int(key[-1]), style)


def _candidates(syllable: Syllable) -> Iterator[tuple[int, str]]:
    """(rank, key) of syllables one slip away; a lower rank is a likelier slip."""
    base, tone = syllable.base, syllable.tone
    if syllable.problem == "placement" or syllable.problem == "tones":
        yield 0, f"{base}{tone}"
    stop = syllable.problem == "stop-tone"
    for other in (NANG, SAC) if stop else range(6):
        if other != tone:
            yield (1 if stop else 2), f"{base}{other}"
    for wrong, right in _ONSET_FIXES:
        if base.startswith(wrong):
            yield 1, f"{right}{base[len(wrong) :]}{tone}"
    for index, letter in enumerate(base):
        for other_letter in _SWAPS.get(letter, ""):
            changed = base[:index] + other_letter + base[index + 1 :]
            yield 3, f"{changed}{tone}"
            if stop or analyse(changed).problem == "stop-tone":
                for other in (NANG, SAC):
                    yield 4, f"{changed}{other}"


def accepted_words(words: Iterable[str]) -> frozenset[str]:
    """Accepted words as the lexicon compares them: each syllable, lower case, NFC."""
    out = set()
    for word in words:
        for part in unicodedata.normalize("NFC", word).lower().replace("-", " ").split():
            out.add(part)
    return frozenset(out)
