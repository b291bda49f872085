"""What a repository tells the text rules: tone-mark style, accepted words, its own confusions."""

from __future__ import annotations

from dataclasses import dataclass, field

from thidua.text.lexicon import Lexicon

TONE_STYLES = ("any", "old", "new")


@dataclass(frozen=True)
class TextSettings:
    tone_marks: str = "any"  # "old" (hòa, as the Quốc hiệu in Nghị định 30), "new" (hoà) or "any" (consistent)
    lexicon: Lexicon = field(default_factory=Lexicon)
    confusions: tuple[tuple[str, str], ...] = ()  # (wrong, right), added to the shipped list
