"""The compound list TX09 reads slips against: slip forms, the lookup, the shipped file's sources."""

from __future__ import annotations

from thidua.text.compounds import COMPOUNDS_FILE, Compounds, compounds, edit_keys, slip_keys, stripped_forms
from thidua.text.syllables import analyse


def _key(word: str) -> str:
    return analyse(word).key


def _shares(a: str, b: str) -> bool:
    return bool(set(slip_keys(_key(a))) & set(slip_keys(_key(b))))


def test_a_slip_is_one_change_a_writer_makes() -> None:
    assert _shares("thường", "thưởng") and _shares("tầm", "tâm")  # the tone
    assert _shares("chuyền", "truyền") and _shares("xuất", "suất") and _shares("giám", "dám")  # the onset
    assert _shares("tràn", "tràng") and _shares("các", "cát")  # the final
    assert not _shares("rộng", "giống")  # an onset and a tone: two slips
    assert not _shares("nhân", "lân")  # nh is not n
    assert not _shares("cách", "cát")  # ch is its own final


SMALL = "# test\n[C]\nkhen0 thương3\ntuyên0 truyên2\n[W]\nkhen0 chê0\n[A]\nkhen0 thương2\n"


def test_the_common_word_a_pair_was_meant_to_be() -> None:
    table = Compounds(SMALL)
    assert table.meant("tuyên0", "chuyên2") == ["tuyên0 truyên2"]
    assert table.meant("khen0", "thương5") == ["khen0 thương3"]
    assert table.meant("khen0", "thương3") == []  # the word itself
    assert table.meant("khen0", "thương2") == []  # a free phrase the corpus uses
    assert table.meant("khen0", "chê0") == []  # another word
    assert "khen0 chê0" in table.words and "khen0 thương3" in table.words


def test_what_a_lost_mark_leaves_of_a_syllable() -> None:
    assert stripped_forms(_key("trào")) == {"tro", "trao"}  # à dropped, or its mark taken off
    assert {"t", "te"} <= stripped_forms(_key("tế")) and {"vin", "vien"} <= stripped_forms(_key("viên"))
    assert "on" in stripped_forms(_key("đoàn")) and "oàn" in stripped_forms(_key("đoàn"))
    assert "hoa" in stripped_forms(_key("hoà")) and "hoa" in stripped_forms(_key("hòa"))  # both tone styles
    assert stripped_forms(_key("ban")) == frozenset()  # nothing to lose
    assert "tr" not in stripped_forms(_key("trào"))  # plain letters stay


def test_the_common_word_a_leftover_belongs_to() -> None:
    table = Compounds(SMALL)
    assert table.lost_second("khen0", "thng") == ["thương3"] and table.lost_first("tuyn", "truyên2") == ["tuyên0"]
    assert table.lost_second("khen0", "chê") == []  # "khen chê" is no common word
    assert "khen0" in table.common_syllables and "chê0" not in table.common_syllables


def test_a_letter_of_the_rhyme_typed_wrong_dropped_or_added() -> None:
    def near(a: str, b: str) -> bool:
        return bool(set(edit_keys(_key(a))) & set(edit_keys(_key(b))))

    assert near("yên", "yêu") and near("loan", "lan") and near("tràn", "trào")
    assert not near("yên", "yến")  # another tone: a tone slip, not this
    assert not near("bàn", "tàn")  # the onset is not the rhyme
    table = Compounds(SMALL)
    assert table.edited("khen0", "thương3") == []  # the word itself
    assert table.edited("khen0", "thưng3") == ["khen0 thương3"]
    assert table.edited("khen0", "ương3") == ["khen0 thương3"]  # its onset lost
    assert table.edited("khen0", "lương3") == []  # another onset is no letter lost


def test_the_shipped_list_holds_the_words_unions_write() -> None:
    table = compounds()
    for word in ("khen thưởng", "tuyên truyền", "quyết tâm", "bảo vệ", "năng suất", "phong trào", "công đoàn"):
        first, second = word.split()
        assert f"{_key(first)} {_key(second)}" in table.words, word
        assert table.meant(_key(first), _key(second)) == [], word


def test_list_file_states_its_sources() -> None:
    head = COMPOUNDS_FILE.read_text(encoding="utf-8").split("\n", 4)[:4]
    assert any("Apache-2.0" in line for line in head) and any("MIT" in line for line in head)
    notice = COMPOUNDS_FILE.with_name("COMPOUNDS-NOTICE.md").read_text(encoding="utf-8")
    assert "Apache License, Version 2.0" in notice and "Permission is hereby granted" in notice


def test_syllables_run_together_are_split_where_they_make_words() -> None:
    from thidua.text.compounds import split_glued

    assert split_glued("phongtrào") == ("phong", "trào")
    assert split_glued("hoạtđộngcôngđoàn") == ("hoạt", "động", "công", "đoàn")
    assert split_glued("online") is None  # syllables, maybe, but no word of them
    assert split_glued("cnvclđ") is None  # an abbreviation: no syllable in it
    assert split_glued("đoàn") is None  # one syllable is not run together
