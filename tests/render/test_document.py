"""The markup templates produce, parsed into the document model; the plain-text writer."""

from __future__ import annotations

import pytest

from thidua.render.layout import MarkupError, Paragraph, Run, Table, parse_markup
from thidua.render.writers.text import write_text


def test_whitespace_of_the_template_collapses_and_no_break_spaces_stay() -> None:
    document = parse_markup(
        '<document>\n  <p role="body">\n    one\n    two  </p><p role="number">Số: \u00a0\u00a0/KH</p></document>'
    )
    assert [p.text for p in document.blocks if isinstance(p, Paragraph)] == ["one two", "Số: \u00a0\u00a0/KH"]


def test_inline_emphasis_and_line_breaks() -> None:
    document = parse_markup('<document><p role="item"><b>Đợt 1:</b> từ <i>nay</i><br/>  dòng hai </p></document>')
    (paragraph,) = document.blocks
    assert isinstance(paragraph, Paragraph)
    assert paragraph.runs == (
        Run("Đợt 1:", bold=True),
        Run(" từ "),
        Run("nay", italic=True),
        Run("dòng hai", line_break=True),
    )
    assert paragraph.text == "Đợt 1: từ nay\ndòng hai"


def test_escaped_text_stays_text() -> None:
    document = parse_markup('<document><p role="body">&lt;b&gt;x&lt;/b&gt; &amp; {{ 7*7 }}</p></document>')
    assert write_text(document) == "<b>x</b> & {{ 7*7 }}\n"


def test_empty_optional_paragraphs_disappear_but_signature_space_stays() -> None:
    document = parse_markup(
        '<document><table role="signature"><row><cell/><cell>'
        '<p role="authority">TM. BCH</p><p role="signer-title"></p><p role="signature-space"/>'
        "</cell></row></table></document>"
    )
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [p.role for p in table.rows[0][1].paragraphs] == ["authority", "signature-space"]
    assert table.rows[0][0].paragraphs == ()
    assert write_text(document) == "TM. BCH\n"


@pytest.mark.parametrize(
    ("markup", "message"),
    [
        ('<document><p role="shout">x</p></document>', "unknown paragraph role 'shout'"),
        ('<document><p role="body" line="dotted">x</p></document>', "line must be one of"),
        ("<document><div/></document>", "unknown element <div>"),
        ('<document><p role="body"><span>x</span></p></document>', "not <span>"),
        ('<document><table role="nav"/></document>', "unknown table role"),
        ("<doc/>", "root element must be <document>"),
    ],
)
def test_bad_markup_is_refused(markup: str, message: str) -> None:
    with pytest.raises(MarkupError) as caught:
        parse_markup(markup)
    assert message in caught.value.message


def test_broken_markup_names_the_output_line() -> None:
    with pytest.raises(MarkupError) as caught:
        parse_markup('<document>\n<p role="body">x</p>\n<p role="body">y\n</document>')
    assert caught.value.line == 4
