"""Comparing two texts word by word: one tokeniser, one similarity, one rule for folding small changes.

`thidua diff` (plain text, year-aware) and the Word redline of `diff --docx` (runs with their
formatting) both compare through `stretches`, so the two show the same changed words for one edit.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Generic, TypeVar

SIMILAR = 0.5  # word-level similarity from which two texts are the same text reworded
CANDIDATES = 16  # the texts scored against one text: those sharing its rarest words
WINDOW = 32  # from a word that many texts share, only the nearest in order

# Words (with their inner hyphens: "58/KH-LĐLĐ" keeps "KH-LĐLĐ", and year ranges "2016 - 2020"),
# whitespace, and single punctuation marks. The .docx writer keeps hyphenated words and year
# ranges unbroken within a run (writers/docx.py, _add_text): as single tokens they never straddle runs.
_TOKEN = re.compile(r"\w+(?:-\w+)*(?:(?<=\d) [-–] (?=\d)\w+(?:-\w+)*)*|\s+|[^\w\s]")

T = TypeVar("T")


def tokens(text: str) -> list[str]:
    """Words, runs of space and single punctuation marks: the units a word diff compares."""
    return _TOKEN.findall(text)


@dataclass
class Stretch(Generic[T]):
    """A stretch of a word diff: the same tokens on both sides (`equal`), or OLD's replaced by NEW's."""

    equal: bool
    old: list[T]
    new: list[T]


def stretches(old: Sequence[T], new: Sequence[T], text: Callable[[T], str] = str) -> list[Stretch[T]]:
    """OLD -> NEW token by token, as alternating equal and changed stretches.

    Changes next to each other are one change; an equal stretch between two changes is folded into
    them when it is a space, a mark or one short word, or no longer than either change: a reworded
    sentence reads as one deletion and one insertion ("[-phấn đấu hoàn-]{+thiết thực lập+}"), not
    as words picked out of two sentences. `text` gives a token's text (tokens may be formatted runs).
    """
    out: list[Stretch[T]] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        equal = tag == "equal"
        if out and not equal and not out[-1].equal:
            out[-1].old.extend(old[i1:i2])
            out[-1].new.extend(new[j1:j2])
        else:
            out.append(Stretch(equal, list(old[i1:i2]), list(new[j1:j2])))
    index = 1
    while index < len(out) - 1:
        middle, before, after = out[index], out[index - 1], out[index + 1]
        if middle.equal and not before.equal and not after.equal and _small(middle.new, before, after, text):
            out[index - 1 : index + 2] = [
                Stretch(False, before.old + middle.old + after.old, before.new + middle.new + after.new)
            ]
            index = max(1, index - 1)
        else:
            index += 1
    return out


def _small(equal: list[T], before: Stretch[T], after: Stretch[T], text: Callable[[T], str]) -> bool:
    shown = [text(token) for token in equal]
    size = sum(len(piece) for piece in shown)
    if sum(1 for piece in shown if piece[:1].isalnum()) <= 1 and size <= 4:
        return True

    def length(side: list[T]) -> int:
        return sum(len(text(token)) for token in side)

    return size <= max(length(before.old), length(before.new)) and size <= max(length(after.old), length(after.new))


def similarity(old: str, new: str) -> float:
    """How much of the wording two texts share, 0–1, word by word (SIMILAR and up: the same text reworded).

    Words and marks count, the spaces between them do not: with them two sentences of one length
    that share a single word scored above SIMILAR (their spaces matched each other), and each
    comparison did twice the work.
    """
    a, b = [t for t in tokens(old) if not t.isspace()], [t for t in tokens(new) if not t.isspace()]
    if not a and not b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return matcher.quick_ratio()
    return matcher.ratio()


def words(text: str) -> set[str]:
    """The words of TEXT, in lower case (no spaces or marks)."""
    return {token.lower() for token in tokens(text) if token[:1].isalnum()}


def likely_pairs(old: Sequence[tuple[Hashable, str]], new: Sequence[tuple[Hashable, str]]) -> list[tuple[int, int]]:
    """For each (group, text) of OLD, the indexes in NEW of the same group worth a `similarity`.

    An index of NEW's words gives the texts that share a word with an old one; each shared word
    weighs by its rarity (1 / the texts that have it) and the CANDIDATES heaviest are kept. A word
    in more than WINDOW texts gives only the WINDOW nearest to where the old text stands (its
    place scaled to NEW's length). So each old text is scored at most CANDIDATES times however
    long the lists: comparing two lists grows with them, not with their product. Two texts that
    share no word are never a reworded pair.
    """
    index: dict[tuple[Hashable, str], list[int]] = {}
    for j, (group, text) in enumerate(new):
        for word in words(text):
            index.setdefault((group, word), []).append(j)
    scale = len(new) / max(1, len(old))
    pairs: list[tuple[int, int]] = []
    for i, (group, text) in enumerate(old):
        near = round(i * scale)
        weight: dict[int, float] = {}
        for word in words(text):
            posting = index.get((group, word))
            if not posting:
                continue
            share = 1 / len(posting)
            if len(posting) > WINDOW:
                at = bisect_left(posting, near)
                start = min(max(0, at - WINDOW // 2), len(posting) - WINDOW)
                posting = posting[start : start + WINDOW]
            for j in posting:
                weight[j] = weight.get(j, 0.0) + share
        best = sorted(weight, key=lambda j: (-weight[j], abs(j - near), j))[:CANDIDATES]
        pairs.extend((i, j) for j in best)
    return pairs
