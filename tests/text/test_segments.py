from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from thidua.text.segments import _WORD, Segment, Word

# Letters, marks, digits and the punctuation of real text, decomposed marks and capitals included.
_ALPHABET = st.sampled_from(
    [*"aăâbcdđeêghiklmnoôơpqrstuưvxyAĐÔ ,.;:-_/()“”0123456789\t", "\u0301", "\u0300", "\u0323", "ß", "İ"]
)


def _reference(text: str) -> list[Word]:
    """The words as a match object per word gives them (what `Segment.words` must equal)."""
    lowered = text.lower()
    if len(lowered) == len(text) and (text.isascii() or unicodedata.is_normalized("NFC", text)):
        return [Word(m[0], m.start(), m.end(), lowered[m.start() : m.end()]) for m in _WORD.finditer(text)]
    return [Word(m[0], m.start(), m.end(), unicodedata.normalize("NFC", m[0]).lower()) for m in _WORD.finditer(text)]


@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_words_are_placed_where_the_pattern_finds_them(text: str) -> None:
    segment = Segment(text, lambda offset: (1, offset + 1))
    assert segment.words == _reference(text)
    assert [word.lower for word in segment.words] == segment.lowers


def test_a_word_repeated_after_a_digit_or_a_mark_keeps_its_own_place() -> None:
    text = "đoàn 2đoàn _đoàn a\u0301đoàn đoàn"
    assert [(w.start, w.end) for w in Segment(text, lambda o: (1, o)).words] == [
        (m.start(), m.end()) for m in _WORD.finditer(text)
    ]
