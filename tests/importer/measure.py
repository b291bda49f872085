"""How much text an import keeps and adds, in word 3-grams: one definition for the tests and tools/import_eval.py.

`share(part, whole)`: the share of PART's word 3-grams found in WHOLE. The text is read as a
reader sees it: NFC, lower case, and the literal `\\r\\n` of text copied out of a page's HTML
source is a line break (the importer reads it so; as letters it glued "n" to the next word).
`own(rendered)`: the render without the lines the template prints for every plan whatever it
holds (Quốc hiệu, Tiêu ngữ, the blank date, "Nơi nhận:"): ND30 puts them in every document,
so they are not text the import invented when an excerpt was cut before them.
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


def own(rendered: str) -> str:
    """RENDERED without the template's fixed lines (see the module's text)."""
    return "\n".join(line for line in rendered.splitlines() if not TEMPLATE_LINES.fullmatch(line.strip()))
