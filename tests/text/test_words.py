"""One word diff (thidua.text.words): `thidua diff` and the redline of `diff --docx` agree on changed words."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import CAMPAIGNS, QUANG_TRI, QUANG_TRI_2022
from thidua.change.diff import Words, diff_plans
from thidua.change.redline import merge
from thidua.plan.model import Plan
from thidua.render.layout import Paragraph, Table
from thidua.render.pipeline import render_document
from thidua.render.writers.docx import laid_out
from thidua.text.words import SIMILAR, similarity, stretches, tokens
from thidua.workspace import load_plan

LONG_BIEN = CAMPAIGNS / "ldld-long-bien/2021/thi-dua-2021.yaml"
BINH_DINH = CAMPAIGNS / "cdvc-binh-dinh/2021/thi-dua-covid-19.yaml"
CAO_BANG = CAMPAIGNS / "ldld-cao-bang/2016/thi-dua-2016-2020.yaml"

Piece = tuple[str, str]  # (OLD's words, NEW's words) of one change inside a text


def _plan(path: Path) -> Plan:
    plan, findings = load_plan(path)
    assert plan is not None, findings
    return plan


def _edited(tmp_path: Path, source: Path, old: str, new: str) -> Path:
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    edited = tmp_path / source.name
    edited.write_text(text.replace(old, new), encoding="utf-8")
    return edited


def _diff_pieces(words: tuple[Words, ...]) -> list[Piece]:
    """A changed text's pieces as `thidua diff` shows them: `[-old-]{+new+}`, year shifts included."""
    pieces: list[Piece] = []
    joined = False
    for word in words:
        if word.op == "=":
            joined = False
            continue
        if word.op == "~" or not joined:
            pieces.append((word.old, word.new))
        else:  # a deletion followed by its insertion: one piece
            pieces[-1] = (pieces[-1][0] + word.old, pieces[-1][1] + word.new)
        joined = word.op != "~"
    return pieces


def _redline_paragraphs(old: Plan, new: Plan) -> list[tuple[str, list[Piece]]]:
    """Each paragraph of the redline with tracked changes: its accepted text and its changed pieces."""
    merged = merge(render_document(old), render_document(new), layout=laid_out)
    paragraphs: list[Paragraph] = []
    for block in merged.blocks:
        if isinstance(block, Paragraph):
            paragraphs.append(block)
        elif isinstance(block, Table):
            paragraphs.extend(p for row in block.rows for cell in row for p in cell.paragraphs)
    found = []
    for paragraph in paragraphs:
        pieces: list[Piece] = []
        accepted, previous = "", None
        for run in paragraph.runs:
            text = run.text + ("\n" if run.line_break else "")
            if run.change is None:
                previous = None
                accepted += text
                continue
            if previous is None:
                pieces.append(("", ""))
            removed, added = pieces[-1]
            pieces[-1] = (removed + text, added) if run.change == "del" else (removed, added + text)
            if run.change == "ins":
                accepted += text
            previous = run.change
        if pieces:
            found.append((accepted, pieces))
    return found


def _contains(pieces: list[Piece], expected: list[Piece]) -> bool:
    return any(pieces[i : i + len(expected)] == expected for i in range(len(pieces) - len(expected) + 1))


def _agree(old_path: Path, new_path: Path) -> int:
    """Every text `thidua diff` shows as changed has, in the redline, a paragraph with the same pieces."""
    old, new = _plan(old_path), _plan(new_path)
    result = diff_plans(old, new)
    redline = _redline_paragraphs(old, new)
    compared = 0
    for change in (*result.changes, *result.shifts):
        if not change.words:
            continue
        expected = _diff_pieces(change.words)
        reads = "".join(w.old if w.op == "=" else w.new for w in change.words)
        matches = [pieces for accepted, pieces in redline if reads in accepted.replace("\n", " ")]
        assert matches, f"no redline paragraph reads {reads!r}"
        # The paragraph may say more than the text (its label, a phase's name): the text's pieces
        # are a run of the paragraph's, in order.
        assert any(_contains(pieces, expected) for pieces in matches), (change.where, expected, matches)
        compared += 1
    return compared


def test_the_example_second_year_shows_the_same_words_in_diff_and_redline() -> None:
    assert _agree(QUANG_TRI, QUANG_TRI_2022) >= 2  # the reworded item and the raised goal at least


@pytest.mark.parametrize(
    ("source", "old", "new"),
    [
        # a reworded phrase in a sentence
        (LONG_BIEN, "Đăng ký, phấn đấu hoàn thành các công", "Đăng ký, thiết thực lập thành tích các công"),
        # a target's figure and a word added
        (BINH_DINH, "100% công đoàn các cấp xây dựng kế hoạch", "95% công đoàn các cấp sớm xây dựng kế hoạch"),
        # a year range in the text
        (CAO_BANG, "tỉnh giai đoạn 2016 - 2020 với", "tỉnh giai đoạn 2016 - 2021 với"),
    ],
    ids=["reworded", "figure-and-word", "year-range"],
)
def test_three_more_edits_show_the_same_words(tmp_path: Path, source: Path, old: str, new: str) -> None:
    assert _agree(source, _edited(tmp_path, source, old, new)) == 1


def test_stretches_fold_a_short_word_between_two_changes() -> None:
    a, b = tokens("phấn đấu hoàn thành"), tokens("thiết thực lập thành")
    got = [("".join(s.old), "".join(s.new)) for s in stretches(a, b) if not s.equal]
    assert got == [("phấn đấu hoàn", "thiết thực lập")]


def test_one_tokeniser_keeps_hyphenated_words_and_year_ranges_whole() -> None:
    assert tokens("Số: 58/KH-LĐLĐ, giai đoạn 2016 - 2020") == [
        "Số",
        ":",
        " ",
        "58",
        "/",
        "KH-LĐLĐ",
        ",",
        " ",
        "giai",
        " ",
        "đoạn",
        " ",
        "2016 - 2020",
    ]


def test_similarity_is_shared_by_matching_and_pairing() -> None:
    assert similarity("Tổ chức hội nghị", "Tổ chức hội nghị") == 1.0
    assert 0.5 <= similarity("Tổ chức hội nghị biểu dương", "Tổ chức hội nghị tuyên dương") < 1.0
    assert similarity("Động viên cán bộ", "Tổ chức hội nghị") < 0.5


def test_one_shared_word_is_not_a_reworded_sentence() -> None:
    # Only "thi đua" in common: spaces matching spaces once made this 0.5, a "reworded" pair.
    old = "Tổ chức hội nghị biểu dương điển hình tiên tiến trong phong trào thi đua"
    new = "Động viên cán bộ đoàn viên người lao động hăng hái sản xuất kinh doanh giỏi thi đua"
    assert similarity(old, new) < SIMILAR / 2
    reworded = "Tổ chức hội nghị biểu dương điển hình tiêu biểu trong phong trào thi đua"  # 13 of 15 words kept
    assert similarity(old, reworded) == pytest.approx(13 / 15)
