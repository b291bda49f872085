"""`thidua diff`: what changed between two plans, by meaning rather than by line.

Identity fields are compared one by one; references, sections and items are matched first
(targets by id, everything by identical text, then by similar wording), so that an item moved
or reworded is reported as that, not as one removal and one addition. Texts are compared word
by word; a difference that is only the campaign's year moving on (thidua/change/years.py) counts as
unchanged and is reported as a `year-shift` only on request.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from thidua.change.years import Edit, YearShift, apply_edits
from thidua.findings import Loc, format_loc
from thidua.plan.model import (
    AwardItem,
    BlockItem,
    ParagraphItem,
    Phase,
    PhaseItem,
    Plan,
    Target,
    TargetItem,
    ThemeItem,
)
from thidua.plan.results import baseline_words, goal_phrase
from thidua.render.context import item_labels, reference_sentence
from thidua.text.words import SIMILAR, likely_pairs, similarity, stretches, tokens

ADDED, REMOVED, CHANGED, MOVED, SHIFTED = "added", "removed", "changed", "moved", "year-shift"
KINDS = (ADDED, REMOVED, CHANGED, MOVED, SHIFTED)


@dataclass(frozen=True)
class Words:
    """One piece of a word-level diff: `=` the same, `-` only in OLD, `+` only in NEW, `~` a year moved."""

    op: str
    old: str
    new: str


@dataclass(frozen=True)
class Change:
    kind: str  # added, removed, changed, moved, year-shift
    path: str  # in NEW (in OLD for a removal): sections[2].items[3].target.goal
    what: str  # number, date, title, reference, section, item, heading, target, phase, theme, …
    where: str  # the place as a reader finds it in the document: "II.2.3", "IV.1.(3)"; "" for a field
    old: Any = None
    new: Any = None
    old_path: str | None = None
    words: tuple[Words, ...] = ()  # for a changed text
    count: int = 0  # the sub-items that went with a section or heading added or removed

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "path": self.path,
            "what": self.what,
            "where": self.where,
            "old": _json(self.old),
            "new": _json(self.new),
        }
        if self.old_path is not None and self.old_path != self.path:
            out["old_path"] = self.old_path
        if self.count:
            out["items"] = self.count
        return out


@dataclass(frozen=True)
class PlanDiff:
    old_year: int | None
    new_year: int | None
    changes: tuple[Change, ...]
    shifts: tuple[Change, ...]  # differences that are only the year moving on

    @property
    def same(self) -> bool:
        return not self.changes


def _json(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    return value


# ----------------------------------------------------------------------------- words


def word_diff(old: str, new: str, shift: YearShift | None = None) -> tuple[Words, ...]:
    """OLD -> NEW word by word; a replacement that is exactly what the year `shift` makes is `~`."""
    edits = shift.edits(old) if shift else []
    out: list[Words] = []
    begin = 0  # where the stretch starts in OLD
    for stretch in stretches(tokens(old), tokens(new)):
        left, right = "".join(stretch.old), "".join(stretch.new)
        end = begin + len(left)
        inside = [e for e in edits if begin <= e.start and e.end <= end]
        if stretch.equal:
            out.append(Words("=", left, right))
        elif left and right and inside and apply_edits(old, inside)[begin : end + _growth(inside)] == right:
            out.append(Words("~", left, right))
        else:
            if left:
                out.append(Words("-", left, ""))
            if right:
                out.append(Words("+", "", right))
        begin = end
    return tuple(out)


def _growth(edits: list[Edit]) -> int:
    return sum(len(e.new) - len(e.old) for e in edits)


def same_words(words: tuple[Words, ...]) -> bool:
    return all(w.op in "=~" for w in words)


# ----------------------------------------------------------------------------- entries


@dataclass
class _Entry:
    """One item of a plan (or an opening paragraph) with what matching and reporting need."""

    path: Loc
    kind: str  # text, heading, paragraph, theme, target, phase, opening
    text: str
    node: Any
    where: str
    section: int | None  # index in plan.sections; None for the opening
    parent: int | None  # the index of the heading item it sits under
    order: int
    children: list[int] = field(default_factory=list)  # indexes of its sub-items (all depths)
    partner: int | None = None

    @property
    def group(self) -> str:
        """Kinds that may match each other: a sentence may become an unnumbered paragraph."""
        return "prose" if self.kind in ("text", "paragraph", "opening") else self.kind


def _entries(plan: Plan) -> list[_Entry]:
    labels = item_labels(plan)
    out: list[_Entry] = []
    for index, paragraph in enumerate(plan.opening):
        out.append(_Entry(("opening", index), "opening", paragraph, paragraph, f"¶{index + 1}", None, None, len(out)))
    stack: list[int] = []
    for path, item in plan.walk_items():
        section = int(path[1])
        depth = (len(path) - 3) // 2  # sections[s].items[i](.items[j])…
        del stack[depth:]
        kind, text = _item_text(item)
        where = _where(labels, path)
        entry = _Entry(path, kind, text, item, where, section, stack[-1] if stack else None, len(out))
        for ancestor in stack:
            out[ancestor].children.append(len(out))
        out.append(entry)
        stack.append(len(out) - 1)
    return out


def _item_text(item: Any) -> tuple[str, str]:
    if isinstance(item, str):
        return "text", item
    if isinstance(item, TargetItem):
        return "target", item.target.text
    if isinstance(item, PhaseItem):
        phase = item.phase
        return "phase", " ".join(x for x in (phase.name, phase.when, phase.theme, phase.text) if x)
    if isinstance(item, AwardItem):
        return "award", item.award.text
    if isinstance(item, ThemeItem):
        return "theme", item.theme
    if isinstance(item, ParagraphItem):
        return "paragraph", item.paragraph
    if isinstance(item, BlockItem):
        return ("heading", item.title or "") if item.title is not None else ("text", item.text or "")
    return "text", str(item)


def _where(labels: dict[Loc, str], path: Loc) -> str:
    """A place a reader can find: "II.2.3.", "IV.1.(3)" for the third bullet under IV.1."""
    parts = [labels.get(path[:2], "").rstrip(".")]
    for end in range(4, len(path) + 1, 2):
        label = labels.get(path[:end], "")
        if label and label[0].isdigit() and "." in label.rstrip("."):  # 2.1. already holds its parent
            parts = [*parts[:1], label.rstrip(".")]
        elif label and label not in ("-", "+"):
            parts.append(label.rstrip(".").rstrip(")") + (")" if label.endswith(")") else ""))
        else:
            parts.append(f"({int(path[end - 1]) + 1})")
    return ".".join(p for p in parts if p)


# ----------------------------------------------------------------------------- matching


def _pair(old: list[_Entry], new: list[_Entry], shift: YearShift) -> None:
    """Give each entry its partner: targets by id, then equal text, then the most similar wording.

    Similar wording is scored only for the likely pairs (`likely_pairs`: shared rare words), so
    pairing grows with the plans rather than with the product of their lengths.
    """
    targets = {e.node.target.id: i for i, e in enumerate(new) if e.kind == "target"}
    for i, entry in enumerate(old):
        if entry.kind == "target" and entry.node.target.id in targets:
            _link(old, new, i, targets[entry.node.target.id])
    by_text: dict[tuple[str, str], deque[int]] = {}
    for j, entry in enumerate(new):
        if entry.partner is None:
            by_text.setdefault((entry.group, entry.text), deque()).append(j)
    for i, entry in enumerate(old):
        if entry.partner is not None:
            continue
        for text in dict.fromkeys((entry.text, shift.apply(entry.text))):
            waiting = by_text.get((entry.group, text))
            while waiting and new[waiting[0]].partner is not None:
                waiting.popleft()
            if waiting:
                _link(old, new, i, waiting.popleft())
                break
    left = [i for i, e in enumerate(old) if e.partner is None]
    right = [j for j, e in enumerate(new) if e.partner is None]
    shifted = {i: shift.apply(old[i].text) for i in left}
    candidates: list[tuple[float, int, int, int]] = []
    likely = likely_pairs([(old[i].group, shifted[i]) for i in left], [(new[j].group, new[j].text) for j in right])
    for i, j in ((left[a], right[b]) for a, b in likely):
        score = similarity(shifted[i], new[j].text)
        if score >= SIMILAR:
            candidates.append((-score, abs(old[i].order - new[j].order), i, j))
    for _, _, i, j in sorted(candidates):
        if old[i].partner is None and new[j].partner is None:
            _link(old, new, i, j)


def _link(old: list[_Entry], new: list[_Entry], i: int, j: int) -> None:
    old[i].partner, new[j].partner = j, i


def _increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of pairs in the same order on both sides (patience LIS): the rest moved."""
    pairs = sorted(pairs, key=lambda p: p[1])
    tails: list[int] = []
    tail_at: list[int] = []
    back: list[int] = []
    for index, (i, _) in enumerate(pairs):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < i:
                lo = mid + 1
            else:
                hi = mid
        back.append(tail_at[lo - 1] if lo else -1)
        if lo == len(tails):
            tails.append(i)
            tail_at.append(index)
        else:
            tails[lo] = i
            tail_at[lo] = index
    keep: set[tuple[int, int]] = set()
    cursor = tail_at[-1] if tail_at else -1
    while cursor >= 0:
        keep.add(pairs[cursor])
        cursor = back[cursor]
    return keep


# ----------------------------------------------------------------------------- the diff


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Every difference between OLD and NEW, in NEW's document order."""
    old_year, new_year = old.year, new.year
    delta = new_year - old_year if old_year is not None and new_year is not None else 0
    period = old.campaign.period
    shift = YearShift.of(period.start if period else None, period.end if period else None, old_year or 0, delta)
    out = _Collector(shift)
    _identity(old, new, out)
    _references(old, new, out)
    sections = _sections(old, new, out)
    _items(old, new, sections, out)
    _closing(old, new, out)
    changes = tuple(c for c in out.changes if c.kind != SHIFTED)
    shifts = tuple(c for c in out.changes if c.kind == SHIFTED)
    return PlanDiff(old_year, new_year, changes, shifts)


class _Collector:
    def __init__(self, shift: YearShift) -> None:
        self.shift = shift
        self.changes: list[Change] = []

    def add(self, change: Change) -> None:
        self.changes.append(change)

    def value(self, path: Loc, what: str, where: str, old: Any, new: Any, old_path: Loc | None = None) -> None:
        """Compare one field: dates and texts know the year shift; other values are equal or not."""
        if old == new:
            return
        new_path, previous = format_loc(path), format_loc(old_path or path)
        if isinstance(old, str) and isinstance(new, str):
            words = word_diff(old, new, self.shift)
            kind = SHIFTED if same_words(words) else CHANGED
            self.add(Change(kind, new_path, what, where, old, new, previous, words))
        elif isinstance(old, date) and isinstance(new, date) and self.shift.moves(old) and self.shift.moved(old) == new:
            self.add(Change(SHIFTED, new_path, what, where, old, new, previous))
        else:
            self.add(Change(CHANGED, new_path, what, where, old, new, previous))


_IDENTITY: tuple[tuple[Loc, str], ...] = (
    (("issuer", "parent"), "parent"),
    (("issuer", "name"), "issuer"),
    (("issuer", "abbreviation"), "abbreviation"),
    (("document", "type"), "type"),
    (("document", "number"), "number"),
    (("document", "ky_hieu"), "ky_hieu"),
    (("document", "place"), "place"),
    (("document", "date"), "date"),
    (("document", "title"), "title"),
    (("campaign", "kind"), "campaign"),
    (("campaign", "period", "start"), "start"),
    (("campaign", "period", "end"), "end"),
)


def _get(plan: Any, path: Loc) -> Any:
    value = plan
    for part in path:
        value = getattr(value, str(part), None) if value is not None else None
    return value


def _identity(old: Plan, new: Plan, out: _Collector) -> None:
    for path, what in _IDENTITY:
        out.value(path, what, "", _get(old, path), _get(new, path))


def _references(old: Plan, new: Plan, out: _Collector) -> None:
    before = [reference_sentence(r) for r in old.references]
    after = [reference_sentence(r) for r in new.references]
    # A numbered document is the same document however the sentence citing it is worded.
    # `number: 29-NQ/TW` and `number: 29, ky_hieu: NQ/TW` are the same document.
    keys_before = [(r.type, *r.number_and_ky_hieu, r.date) if r.number else i for i, r in enumerate(old.references)]
    keys_after = [(r.type, *r.number_and_ky_hieu, r.date) if r.number else -1 - i for i, r in enumerate(new.references)]
    pairs = _match_lists(before, after, out.shift, keys_before, keys_after)
    _report_list(pairs, before, after, out, ("references",), "reference")


def _match_lists(
    before: list[str],
    after: list[str],
    shift: YearShift,
    keys_before: list[Any] | None = None,
    keys_after: list[Any] | None = None,
) -> dict[int, int]:
    """OLD index -> NEW index for two short lists of texts: same key or text, then most similar."""
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for i, text in enumerate(before):
        for j, other in enumerate(after):
            same_key = keys_before is not None and keys_after is not None and keys_before[i] == keys_after[j]
            if j not in taken and (same_key or other in (text, shift.apply(text))):
                pairs[i] = j
                taken.add(j)
                break
    scored = sorted(
        (-similarity(shift.apply(text), other), i, j)
        for i, text in enumerate(before)
        if i not in pairs
        for j, other in enumerate(after)
        if j not in taken
    )
    for score, i, j in scored:
        if -score >= SIMILAR and i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _report_list(
    pairs: dict[int, int],
    before: list[str],
    after: list[str],
    out: _Collector,
    base: Loc,
    what: str,
) -> None:
    for i, text in enumerate(before):
        if i not in pairs:
            out.add(Change(REMOVED, format_loc((*base, i)), what, f"{i + 1}", text, None))
    back = {j: i for i, j in pairs.items()}
    moved = _moved_pairs(list(pairs.items()))
    for j, text in enumerate(after):
        if j not in back:
            out.add(Change(ADDED, format_loc((*base, j)), what, f"{j + 1}", None, text))
            continue
        i = back[j]
        out.value((*base, j), what, f"{j + 1}", before[i], text, (*base, i))
        if (i, j) in moved:
            out.add(Change(MOVED, format_loc((*base, j)), what, f"{j + 1}", i + 1, j + 1, format_loc((*base, i))))


def _moved_pairs(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    keep = _increasing(pairs)
    return {p for p in pairs if p not in keep}


def _sections(old: Plan, new: Plan, out: _Collector) -> dict[int, int]:
    """Match sections by kind and title; report renamed, added, removed and moved ones."""
    before = [s.title for s in old.sections]
    after = [s.title for s in new.sections]
    kinds_before = [s.kind for s in old.sections]
    kinds_after = [s.kind for s in new.sections]
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    # Same kind and title, then same kind and a similar title, then a similar title alone.
    for accept in (
        lambda i, j: kinds_before[i] == kinds_after[j] and after[j] in (before[i], out.shift.apply(before[i])),
        lambda i, j: kinds_before[i] == kinds_after[j] and similarity(before[i], after[j]) >= SIMILAR,
        lambda i, j: similarity(before[i], after[j]) >= SIMILAR,
    ):
        for i in range(len(before)):
            if i in pairs:
                continue
            for j in range(len(after)):
                if j not in taken and accept(i, j):
                    pairs[i] = j
                    taken.add(j)
                    break
    labels_new = item_labels(new)
    labels_old = item_labels(old)
    moved = _moved_pairs(list(pairs.items()))
    for i, j in sorted(pairs.items(), key=lambda p: p[1]):
        where = labels_new[("sections", j)]
        out.value(("sections", j, "title"), "section", where, before[i], after[j], ("sections", i, "title"))
        out.value(("sections", j, "kind"), "section", where, kinds_before[i], kinds_after[j], ("sections", i, "kind"))
        if (i, j) in moved:
            out.add(
                Change(
                    MOVED,
                    format_loc(("sections", j)),
                    "section",
                    where,
                    labels_old[("sections", i)],
                    where,
                    format_loc(("sections", i)),
                )
            )
    return pairs


def _items(old: Plan, new: Plan, sections: dict[int, int], out: _Collector) -> None:
    a, b = _entries(old), _entries(new)
    _pair(a, b, out.shift)
    back_sections = {j: i for i, j in sections.items()}
    # Sections or headings that went (or came) with everything under them: one change each.
    covered_old = _covered(a, old, sections, out, REMOVED)
    covered_new = _covered(b, new, back_sections, out, ADDED)
    # A removed item is told where it stood: before the next old item that is still there.
    removed: dict[int, list[_Entry]] = {}
    later = len(b)  # the partner of the next old item still there (walking backwards)
    for gone in reversed(a):
        if gone.partner is not None:
            later = gone.partner
        elif gone.order not in covered_old:
            removed.setdefault(later, []).append(gone)
    for gones in removed.values():
        gones.reverse()
    pairs = [(e.order, e.partner) for e in a if e.partner is not None]
    in_order = _increasing(pairs)
    ahead: list[_Entry | None] = [*b, None]  # None: after the last item
    for entry in ahead:
        for gone in removed.get(len(b) if entry is None else entry.order, []):
            out.add(Change(REMOVED, format_loc(gone.path), _what(gone), gone.where, _shown(gone), None,
                           count=len(gone.children)))  # fmt: skip
        if entry is None:
            break
        if entry.partner is None:
            if entry.order not in covered_new:
                out.add(Change(ADDED, format_loc(entry.path), _what(entry), entry.where, None, _shown(entry),
                               count=len(entry.children)))  # fmt: skip
            continue
        before = a[entry.partner]
        _compare(before, entry, out)
        same_parent = _parent_partner(a, before) == entry.parent
        same_section = (
            before.section == back_sections.get(entry.section, -1)
            if entry.section is not None
            else before.section is None
        )
        if (before.order, entry.order) not in in_order or not same_parent or not same_section:
            out.add(Change(MOVED, format_loc(entry.path), _what(entry), entry.where, before.where, entry.where,
                           format_loc(before.path)))  # fmt: skip


def _covered(
    entries: list[_Entry], plan: Plan, matched_sections: dict[int, int], out: _Collector, kind: str
) -> set[int]:
    """Report whole sections (and headings) with none of their items matched; return those items."""
    covered: set[int] = set()
    labels = item_labels(plan)
    for index, section in enumerate(plan.sections):
        if index in matched_sections:
            continue
        inside = [e for e in entries if e.section == index]
        path = ("sections", index)
        old, new = (section.title, None) if kind == REMOVED else (None, section.title)
        whole = all(e.partner is None for e in inside)  # nothing of it is elsewhere: one line says it all
        if whole:
            covered.update(e.order for e in inside)
        out.add(Change(kind, format_loc(path), "section", labels[path], old, new, count=len(inside) if whole else 0))
    for entry in entries:
        if entry.order in covered or entry.partner is not None or not entry.children:
            continue
        if all(entries[c].partner is None for c in entry.children):
            covered.update(entries[c].order for c in entry.children)
    return covered


def _parent_partner(entries: list[_Entry], entry: _Entry) -> int | None:
    """Where the heading above `entry` went on the other side (-1: it went nowhere)."""
    if entry.parent is None:
        return None
    partner = entries[entry.parent].partner
    return -1 if partner is None else partner


def _what(entry: _Entry) -> str:
    return {"text": "item", "opening": "opening"}.get(entry.kind, entry.kind)


def _shown(entry: _Entry) -> Any:
    if entry.kind == "target":
        target: Target = entry.node.target
        return {"id": target.id, "text": target.text, "goal": goal_phrase(target)}
    if entry.kind == "phase":
        return _phase_summary(entry.node.phase)
    return entry.text


def _phase_summary(phase: Phase) -> str:
    return " ".join(x for x in (phase.name, f"({phase.when})" if phase.when else "", phase.theme or "") if x)


def _baseline(target: Target) -> str:
    return baseline_words(target)


def _also(target: Target) -> str:
    """A sentence's further targets as words: 'cd-doanh-nghiep: 100% doanh nghiệp'."""
    return "; ".join(f"{t.id}: {goal_phrase(t)}" for t in target.also_targets())


def _compare(before: _Entry, after: _Entry, out: _Collector) -> None:
    """The differences inside two matched items."""
    where = after.where
    if before.kind == "target" and after.kind == "target":
        old, new = before.node.target, after.node.target
        base, old_base = (*after.path, "target"), (*before.path, "target")
        out.value((*base, "id"), "id", where, old.id, new.id, (*old_base, "id"))
        if (old.goal, old.measure, old.population) != (new.goal, new.measure, new.population):
            # A raised goal is one change, with the sentence that says it: "01 mô hình" -> "02 mô hình".
            words = word_diff(old.text, new.text, out.shift) if old.text != new.text else ()
            out.add(Change(CHANGED, format_loc((*base, "goal")), "goal", where, goal_phrase(old), goal_phrase(new),
                           format_loc((*old_base, "goal")), words))  # fmt: skip
        else:
            out.value((*base, "text"), "target", where, old.text, new.text, (*old_base, "text"))
        for name in ("due", "per_unit", "from_units", "units", "contributes"):
            out.value((*base, name), name, where, getattr(old, name), getattr(new, name), (*old_base, name))
        out.value((*base, "baseline"), "baseline", where, _baseline(old), _baseline(new), (*old_base, "baseline"))
        out.value((*base, "also"), "also", where, _also(old), _also(new), (*old_base, "also"))
        return
    if before.kind == "phase" and after.kind == "phase":
        old_phase, new_phase = before.node.phase, after.node.phase
        base, old_base = (*after.path, "phase"), (*before.path, "phase")
        for name in ("name", "start", "end", "when", "theme", "text"):
            out.value((*base, name), f"phase-{name}", where, getattr(old_phase, name), getattr(new_phase, name),
                      (*old_base, name))  # fmt: skip
        return
    what = _what(after)
    field_name = {"heading": "title", "paragraph": "paragraph", "theme": "theme"}.get(after.kind, "text")
    path = (*after.path, field_name) if isinstance(after.node, BlockItem | ParagraphItem | ThemeItem) else after.path
    old_path = before.path
    out.value(path, what, where, before.text, after.text, old_path)
    if before.kind != after.kind:
        kind = Change(CHANGED, format_loc(after.path), "kind", where, before.kind, after.kind, format_loc(before.path))
        out.add(kind)


def _closing(old: Plan, new: Plan, out: _Collector) -> None:
    out.value(("closing",), "closing", "", old.closing, new.closing)
    for name in ("authority", "title", "name"):
        out.value(("signature", name), f"signer-{name}", "", getattr(old.signature, name), getattr(new.signature, name))
    pairs = _match_lists(old.recipients, new.recipients, out.shift)
    _report_list(pairs, old.recipients, new.recipients, out, ("recipients",), "recipient")
    before = {u.id: u.name for u in old.units}
    after = {u.id: u.name for u in new.units}
    for index, unit in enumerate(old.units):
        if unit.id not in after:
            out.add(Change(REMOVED, format_loc(("units", index)), "unit", unit.id, unit.name, None))
    for index, unit in enumerate(new.units):
        if unit.id not in before:
            out.add(Change(ADDED, format_loc(("units", index)), "unit", unit.id, None, unit.name))
        else:
            out.value(("units", index, "name"), "unit", unit.id, before[unit.id], unit.name)
