"""How much text an import keeps and adds, in word 3-grams: one definition for the tests and tools/import_eval.py.

`share(part, whole)`: the share of PART's word 3-grams found in WHOLE. The text is read as a
reader sees it: NFC, lower case, and the literal `\\r\\n` of text copied out of a page's HTML
source is a line break (the importer reads it so; as letters it glued "n" to the next word).
`own(rendered, text)`: the share of the render's 3-grams in the text, paragraph by paragraph and
without the lines the template prints for every plan whatever it holds (Quốc hiệu, Tiêu ngữ, the
blank date, "Nơi nhận:"): ND30 puts them in every document, so they are not text the import
invented when an excerpt was cut before them.
"""

from __future__ import annotations

import re
import unicodedata

_ESCAPED = re.compile(r"\\[rnt]")
TEMPLATE_LINES = re.compile(
    r"CỘNG H[OÒ]À XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập - Tự do - Hạnh phúc|Ngày\s+tháng\s+năm|Nơi nhận:"
)


def grams(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", unicodedata.normalize("NFC", _ESCAPED.sub(" ", text)).lower())
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def share(part: str, whole: str) -> float:
    """The share of `part`'s word 3-grams found in `whole`."""
    mine = grams(part)
    return len(mine & grams(whole)) / max(len(mine), 1)


def own(rendered: str, text: str) -> float:
    """The share of the render's word 3-grams found in TEXT: nothing invented.

    Counted paragraph by paragraph (the 3-grams joining one paragraph's last words to the next
    one's first are the layout's: the template orders the header, prints KẾ HOẠCH and the labels),
    without the template's fixed lines (see the module's text).
    """
    mine: set[tuple[str, ...]] = set()
    for line in rendered.splitlines():
        if not TEMPLATE_LINES.fullmatch(line.strip()):
            mine |= grams(line)
    return len(mine & grams(text)) / max(len(mine), 1)


def document_text(text: str, chrome: list[str] | None) -> str:
    """TEXT without the lines its annotation lists as the page's (menus, notices): not the document's."""
    dropped = set(chrome or [])
    return "\n".join(line for line in text.splitlines() if line not in dropped)
