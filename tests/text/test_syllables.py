"""The orthography model and the syllable list: what can exist, where the tone mark goes, what is in use."""

from __future__ import annotations

import pytest

from thidua.text.lexicon import SYLLABLES_FILE, Lexicon, _shipped
from thidua.text.syllables import SAC, analyse, spell, strip_tone

VALID = (
    "a ba cà kế ghế nghề nghiệp gì gìn già giữa giếng quốc quý quả quyết quỳnh khuỷu ngoài hoàng "
    "thuở ý yên yêu uyên nguyễn trường được việc những chiến khoảng oanh xoáy loắt"
).split()


@pytest.mark.parametrize("word", VALID)
def test_real_syllables_are_well_formed(word: str) -> None:
    assert analyse(word).valid, analyse(word)


@pytest.mark.parametrize(
    ("word", "problem"),
    [
        ("nghiêp", "stop-tone"),  # a final -p takes sắc or nặng
        ("viêt", "stop-tone"),
        ("lạch", None),
        ("chiềc", "stop-tone"),
        ("nghành", "spelling"),  # ngh only before i, e, ê
        ("ngiên", "spelling"),
        ("ce", "spelling"),  # written ke
        ("ka", "spelling"),  # written ca
        ("coa", "spelling"),  # written qua
        ("tyên", "spelling"),  # written tiên
        ("iên", "spelling"),  # written yên
        ("hòan", "placement"),  # hoàn
        ("qủa", "placement"),  # quả
        ("gìa", "placement"),  # già
        ("mưá", "placement"),  # mứa
        ("chiễn", None),  # well-formed; the list says it is not used
    ],
)
def test_impossible_syllables_and_why(word: str, problem: str | None) -> None:
    assert analyse(word).problem == problem


@pytest.mark.parametrize(
    ("old", "new"),
    [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("tỏa", "toả"), ("ủy", "uỷ"), ("lũy", "luỹ")],
)
def test_two_placements_for_oa_oe_uy(old: str, new: str) -> None:
    a, b = analyse(old), analyse(new)
    assert (a.valid, a.style, b.valid, b.style) == (True, "old", True, "new")
    assert a.key == b.key
    assert spell(a.base, a.tone, "new") == new and spell(b.base, b.tone, "old") == old


@pytest.mark.parametrize("word", ["hoàn", "quý", "quả", "thuyền", "khuya", "hoài", "toán"])
def test_one_placement_elsewhere(word: str) -> None:
    assert analyse(word).style is None


def test_every_listed_syllable_is_well_formed_and_spells_back() -> None:
    keys = _shipped()
    assert len(keys) > 5000
    for key in keys:
        base, tone = key[:-1], int(key[-1])
        for style in ("old", "new"):
            written = spell(base, tone, style)
            syllable = analyse(written)
            assert syllable.valid and syllable.key == key, (key, written, syllable)


def test_list_file_states_its_sources() -> None:
    head = SYLLABLES_FILE.read_text(encoding="utf-8").split("\n", 4)[:4]
    assert any("Apache-2.0" in line for line in head) and any("Unicode License" in line for line in head)
    notice = SYLLABLES_FILE.with_name("SYLLABLES-NOTICE.md").read_text(encoding="utf-8")
    assert "Apache License, Version 2.0" in notice and "hunspell" in notice


@pytest.mark.parametrize(
    ("word", "suggestion"),
    [("nghiêp", "nghiệp"), ("chiễn", "chiến"), ("hòan", "hoàn"), ("qủa", "quả"), ("thưỡng", "thưởng")],
)
def test_suggestions(word: str, suggestion: str) -> None:
    assert Lexicon().suggest(analyse(word)) == suggestion


def test_accepted_words_and_known_syllables() -> None:
    lexicon = Lexicon(frozenset({"nhuỗm"}))
    assert lexicon.accepts("nhuỗm") and not Lexicon().accepts("nhuỗm")
    assert lexicon.accepts("đắk") and lexicon.accepts("hoà") and lexicon.accepts("hòa")
    assert not lexicon.accepts("chiễn")


def test_strip_tone_counts_marks() -> None:
    assert strip_tone("nghiệp") == ("nghiêp", 5, 4, 1)
    assert strip_tone("quá")[1] == SAC
