"""Show `thidua diff`: words highlighted in a terminal (Rich), Markdown for a pull request, JSON for programs."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from thidua.change.diff import ADDED, CHANGED, KINDS, MOVED, REMOVED, SHIFTED, Change, PlanDiff, Words
from thidua.cli.show import Writer, pipe_console, visible
from thidua.i18n import tr
from thidua.text.formatting import short_date

_SIGN = {ADDED: "+", REMOVED: "-", CHANGED: "~", MOVED: "↕", SHIFTED: "≈"}
_STYLE = {ADDED: "green", REMOVED: "red", CHANGED: "yellow", MOVED: "cyan", SHIFTED: "dim"}
CONTEXT = 30  # characters of unchanged text kept on each side of a change
LONGEST = 240  # an added or removed text longer than this shows its beginning (JSON has it all)


@dataclass(frozen=True)
class DiffView:
    old_name: str
    new_name: str
    result: PlanDiff
    show_shifts: bool = False

    @property
    def shown(self) -> tuple[Change, ...]:
        return self.result.changes + (self.result.shifts if self.show_shifts else ())


def value_text(value: Any, lang: str) -> str:
    if value is None or value == "":
        return tr("diff.empty", lang)
    if isinstance(value, bool):
        return tr("diff.yes" if value else "diff.no", lang)
    if isinstance(value, date):
        return short_date(value)
    if isinstance(value, dict):  # a target
        return f"{value['text']} [{value['id']}: {value['goal']}]"
    if isinstance(value, list):
        return ", ".join(value_text(v, lang) for v in value)
    return str(value)


def goal_texts(change: Change, lang: str) -> tuple[str, str]:
    """Two goals without the words they share at the end: "1 → 2 mô hình điểm" rather than twice."""
    old, new = value_text(change.old, lang).split(" "), value_text(change.new, lang).split(" ")
    shared = 0
    while shared < min(len(old), len(new)) - 1 and old[-1 - shared] == new[-1 - shared]:
        shared += 1
    return " ".join(old[: len(old) - shared]), " ".join(new)


def place(change: Change, lang: str) -> str:
    """ "II.2.3. (mục)" for an item; "Số" for a field."""
    what = tr(f"diff.what.{change.what}", lang)
    return f"{change.where} {what}" if change.where else what


def trimmed(words: tuple[Words, ...]) -> list[Words]:
    """Long unchanged stretches cut to their ends, so that a changed word shows in its sentence."""
    out: list[Words] = []
    last = len(words) - 1
    for index, piece in enumerate(words):
        text = piece.old
        if piece.op != "=" or len(text) <= 2 * CONTEXT + 5:
            out.append(piece)
            continue
        head = tail = ""
        if index > 0:  # the words just after the change before it
            head = text[:CONTEXT]
            head = head[: head.rfind(" ") + 1] if " " in head else head
        if index < last:  # the words just before the next change
            tail = text[-CONTEXT:]
            tail = tail[tail.find(" ") + 1 :] if " " in tail else tail
        joined = (head.rstrip() + " … " if head else "… " if index == 0 else "") + tail
        out.append(Words("=", joined if index < last else head.rstrip() + " …", ""))
    return out


def summary(view: DiffView, lang: str) -> str:
    result = view.result
    counts = [tr(f"diff.count.{kind}", lang, count=n) for kind, n in _counts(result.changes)]
    line = (
        tr("diff.summary", lang, count=len(result.changes), parts=", ".join(counts))
        if counts
        else tr("diff.same", lang)
    )
    if result.shifts:
        line += " " + tr("diff.shifts", lang, count=len(result.shifts))
    return line


def _counts(changes: Iterable[Change]) -> list[tuple[str, int]]:
    listed = list(changes)
    return [(kind, n) for kind in KINDS if (n := sum(1 for c in listed if c.kind == kind))]


def heading(view: DiffView, lang: str) -> str:
    result = view.result
    years = ""
    if result.old_year and result.new_year and result.old_year != result.new_year:
        years = " " + tr("diff.years", lang, old=result.old_year, new=result.new_year)
    return f"{view.old_name} → {view.new_name}{years}"


# ----------------------------------------------------------------------------- terminal


def write_text(view: DiffView, lang: str, stream: TextIO) -> None:
    from rich.text import Text

    console = pipe_console(file=stream, highlight=False, soft_wrap=True)
    # Without colour (a pipe, a CI log), changed words keep git's word-diff marks: [-old-]{+new+}.
    marks = console.color_system is None
    console.print(Text(visible(heading(view, lang)), style="bold"))
    for change in view.shown:
        line = _line()
        line.append(f"{_SIGN[change.kind]} ", style=_STYLE[change.kind])
        line.append(place(change, lang), style="bold")
        line.append("  ")
        _describe(change, line, lang, marks)
        console.print(line)
    console.print(Text(summary(view, lang), style="bold"))


def _line() -> Any:
    """A Rich Text whose every piece of plan text shows its control characters as escapes."""
    from rich.text import Text

    class Line(Text):
        def append(self, text: Any, style: Any = None) -> Text:
            return super().append(visible(text) if isinstance(text, str) else text, style)

    return Line()


def _describe(change: Change, line: Any, lang: str, marks: bool) -> None:
    if change.kind == MOVED:
        line.append(tr("diff.moved-from", lang, old=change.old, new=change.new), style="cyan")
        return
    if change.kind == ADDED:
        line.append(_with_count(value_text(change.new, lang), change, lang), style="green")
        return
    if change.kind == REMOVED:
        line.append(_with_count(value_text(change.old, lang), change, lang), style="red")
        return
    if change.what == "goal":
        before, after = goal_texts(change, lang)
        line.append(before, style="red")
        line.append(" → ")
        line.append(after, style="green")
        if not change.words:
            return
        line.append(" · ")
    if change.words:
        for piece in trimmed(change.words):
            if piece.op == "=":
                line.append(piece.old)
            elif piece.op == "-":
                line.append(f"[-{piece.old}-]" if marks else piece.old, style="red strike")
            elif piece.op == "+":
                line.append(f"{{+{piece.new}+}}" if marks else piece.new, style="bold green")
            else:  # a year moved with the campaign (shown with --show-year-shifts)
                line.append(f"{piece.old}→{piece.new}", style="cyan")
        return
    line.append(value_text(change.old, lang), style="red")
    line.append(" → ")
    line.append(value_text(change.new, lang), style="green")


def _with_count(text: str, change: Change, lang: str) -> str:
    if len(text) > LONGEST:
        text = text[: text.rfind(" ", 0, LONGEST - 20)] + " …"
    return text + (" " + tr("diff.with-items", lang, count=change.count) if change.count else "")


# ----------------------------------------------------------------------------- Markdown


def write_markdown(view: DiffView, lang: str, stream: TextIO) -> None:
    stream.write(f"### {_md(heading(view, lang))}\n\n")
    for change in view.shown:
        stream.write(f"- **{_md(tr(f'diff.kind.{change.kind}', lang))}** {_md(place(change, lang))}: ")
        stream.write(_md_change(change, lang) + "\n")
    stream.write(f"\n{_md(summary(view, lang))}\n")


def _md_change(change: Change, lang: str) -> str:
    if change.kind == MOVED:
        return _md(tr("diff.moved-from", lang, old=change.old, new=change.new))
    if change.kind == ADDED:
        return _md(_with_count(value_text(change.new, lang), change, lang))
    if change.kind == REMOVED:
        return "~~" + _md(_with_count(value_text(change.old, lang), change, lang)) + "~~"
    goal = ""
    if change.what == "goal":
        before, after = goal_texts(change, lang)
        goal = f"~~{_md(before)}~~ → **{_md(after)}**"
        if not change.words:
            return goal
        goal += " · "
    if change.words:
        out = [goal]
        for piece in trimmed(change.words):
            if piece.op == "=":
                out.append(_md(piece.old))
            elif piece.op == "-" and piece.old.strip():
                out.append(f"~~{_md(piece.old.strip())}~~" + (" " if piece.old.endswith(" ") else ""))
            elif piece.op == "+" and piece.new.strip():
                out.append(f"**{_md(piece.new.strip())}**" + (" " if piece.new.endswith(" ") else ""))
            elif piece.op == "~":
                out.append(_md(piece.new))
        return "".join(out)
    return f"~~{_md(value_text(change.old, lang))}~~ → **{_md(value_text(change.new, lang))}**"


def _md(text: str) -> str:
    """Plan text inside Markdown: its own * _ ~ ` | [ ] < > are characters, not formatting."""
    out = []
    for char in visible(text.replace("\n", " ")):
        out.append("\\" + char if char in "\\*_~`|[]<>#" else char)
    return "".join(out)


# ----------------------------------------------------------------------------- JSON


def write_json(view: DiffView, lang: str, stream: TextIO) -> None:
    items = []
    for change in view.shown:
        item = change.as_json()
        if change.words:
            item["words"] = [{"op": w.op, "old": w.old, "new": w.new} for w in change.words if w.op != "="]
        items.append(item)
    json.dump(items, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


FORMATS: dict[str, Writer] = {"text": write_text, "json": write_json, "md": write_markdown}
