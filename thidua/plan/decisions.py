"""What a written plan still needs a human for: `thidua new` and `thidua import` mark each with a
`# thidua <command>: …` comment above its line and list them on the terminal in one form."""

from __future__ import annotations

from dataclasses import dataclass

from thidua.findings import Loc


@dataclass(frozen=True)
class Decision:
    """Something the written plan still needs a human for, at `line` of the written file."""

    kind: str  # new: number, date, theme, reference, …; import: the note's message key
    path: Loc
    line: int
    message: str
