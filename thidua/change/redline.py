"""Two documents -> one: the newer, with every difference from the older marked as a tracked change.

`merge(old, new)` returns NEW's blocks with OLD's differences marked in the document model
(`Run.change`, `Paragraph.mark`, `Table.row_marks`); the .docx writer turns the marks into Word's
w:ins and w:del. Accepting every change gives NEW's text, rejecting every change OLD's.

- Blocks are aligned on (role, text) keys; where they differ, paragraphs of one role (and line)
  are paired by word similarity, in order, and compared word by word. A paragraph left unpaired
  is a whole paragraph removed (from OLD) or added (in NEW); removed ones stand where they stood
  among NEW's.
- Tables of one role are matched in order and compared cell by cell at the same row and column;
  a cell missing on one side is empty. Tables of different row counts are aligned by rows, and
  a row on one side only is a row removed or added.
- Pictures are NEW's: a picture is not text a leader accepts or rejects.

Both documents must be laid out as the writer prints them (`thidua.render.writers.docx.laid_out`, or
pass it as `layout=`): the writer lays out again, and a paragraph the writer would lay out
differently from NEW printed alone (a header name broken into two lines) would no longer accept
to NEW's lines. Pure: no python-docx here.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import replace
from pathlib import Path

from thidua.plan.model import Plan
from thidua.render.layout import Block, Cell, Document, Image, Paragraph, Run, Table
from thidua.text.words import SIMILAR, likely_pairs, similarity, stretches, tokens

Row = tuple[Cell, ...]

# Share of words two paragraphs of one role must have in common to be one paragraph reworded.
_EMPTY = Cell(())


def merge(old: Document, new: Document, *, layout: Callable[[Document], Document] | None = None) -> Document:
    """NEW, with what differs from OLD marked as inserted or deleted.

    `layout` (the writer's `laid_out`) is applied to both documents first; leave it out when
    they are laid out already.
    """
    if layout is not None:
        old, new = layout(old), layout(new)
    return replace(new, blocks=tuple(_merge_blocks(old.blocks, new.blocks)))


# ----------------------------------------------------------------------------- blocks


def _merge_blocks(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    """Align two runs of blocks: equal keys first, then similar paragraphs inside what differs."""
    matcher = difflib.SequenceMatcher(None, [_key(b) for b in old], [_key(b) for b in new], autojunk=False)
    merged: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            merged.extend(_merge_pair(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
        else:
            merged.extend(_merge_region(old[i1:i2], new[j1:j2]))
    return merged


def _key(block: Block) -> tuple[object, ...]:
    if isinstance(block, Paragraph):
        return ("p", block.role, block.line, block.text)
    if isinstance(block, Table):
        return ("table", block.role)  # tables of one role are matched in order, then compared
    return ("image", block.name, block.width)


def _merge_pair(old: Block, new: Block) -> Block:
    if isinstance(old, Paragraph) and isinstance(new, Paragraph):
        return _merge_paragraph(old, new)
    if isinstance(old, Table) and isinstance(new, Table):
        return _merge_table(old, new)
    return new


def _merge_region(old: Sequence[Block], new: Sequence[Block]) -> list[Block]:
    """Pair what can be paired, in order; the rest is removed (OLD) or added (NEW)."""
    merged: list[Block] = []
    i = j = 0
    for pi, pj in [*_pairs(old, new), (len(old), len(new))]:
        merged.extend(_removed(b) for b in old[i:pi] if not isinstance(b, Image))
        merged.extend(_added(b) for b in new[j:pj])
        if pi < len(old):
            merged.append(_merge_pair(old[pi], new[pj]))
        i, j = pi + 1, pj + 1
    return merged


_WHOLE_TABLE = 4096  # the regions (old × new blocks) aligned over every pair; larger ones over likely pairs


def _pairs(old: Sequence[Block], new: Sequence[Block]) -> list[tuple[int, int]]:
    """The pairs, in order, of greatest total similarity (each at least SIMILAR)."""
    m, n = len(old), len(new)
    if m * n > _WHOLE_TABLE:
        return _likely_chain(old, new)
    similarity = {(i, j): _similarity(old[i], new[j]) for i in range(m) for j in range(n)}
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            score = max(best[i + 1][j], best[i][j + 1])
            if similarity[i, j] >= SIMILAR:
                score = max(score, best[i + 1][j + 1] + similarity[i, j])
            best[i][j] = score
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < m and j < n:
        if similarity[i, j] >= SIMILAR and best[i][j] == best[i + 1][j + 1] + similarity[i, j]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


def _likely_chain(old: Sequence[Block], new: Sequence[Block]) -> list[tuple[int, int]]:
    """`_pairs` for a large region: the heaviest in-order chain of the likely pairs only.

    The likely pairs (shared rare words, `likely_pairs`) scoring at least SIMILAR are taken by
    OLD index, and within one by NEW index from the last; a Fenwick tree over NEW's indexes holds
    the heaviest chain ending before each, so the chain costs n log n instead of a full table.
    """
    groups = [_group(block) for block in old], [_group(block) for block in new]
    scored = [(i, j, score) for i, j in likely_pairs(*groups) if (score := _similarity(old[i], new[j])) >= SIMILAR]
    scored.sort(key=lambda p: (p[0], -p[1]))
    tree: list[tuple[float, int]] = [(0.0, -1)] * (len(new) + 1)  # (chain weight, its last pair)
    chain: list[tuple[float, int]] = []  # per scored pair: its chain's weight and the pair before
    for index, (_, j, score) in enumerate(scored):
        best, position = (0.0, -1), j  # the heaviest chain over NEW indexes < j
        while position > 0:
            best = max(best, tree[position])
            position -= position & -position
        chain.append((best[0] + score, best[1]))
        position = j + 1
        while position <= len(new):
            tree[position] = max(tree[position], (best[0] + score, index))
            position += position & -position
    if not chain:
        return []
    last = max(range(len(chain)), key=lambda k: chain[k][0])
    pairs: list[tuple[int, int]] = []
    while last >= 0:
        pairs.append(scored[last][:2])
        last = chain[last][1]
    return pairs[::-1]


def _group(block: Block) -> tuple[Hashable, str]:
    """What `likely_pairs` compares: paragraphs of one role and line by their text, tables by role."""
    if isinstance(block, Paragraph):
        return (block.role, block.line), block.text
    if isinstance(block, Table):
        return ("table", block.role), "table"
    return None, ""  # a picture: never paired


def _similarity(old: Block, new: Block) -> float:
    if isinstance(old, Table) and isinstance(new, Table):
        return 1.0 if old.role == new.role else 0.0
    if not (isinstance(old, Paragraph) and isinstance(new, Paragraph)):
        return 0.0  # pictures are never paired: NEW's stay, OLD's go
    if (old.role, old.line) != (new.role, new.line):
        return 0.0
    return similarity(old.text, new.text)


def _removed(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return _whole(block, "del")
    if isinstance(block, Table):
        return _merge_table(block, None)
    return block


def _added(block: Block) -> Block:
    if isinstance(block, Paragraph):
        return _whole(block, "ins")
    if isinstance(block, Table):
        return _merge_table(None, block)
    return block


def _whole(paragraph: Paragraph, change: str) -> Paragraph:
    """A paragraph added or removed as a whole: every run and the paragraph mark."""
    return replace(paragraph, runs=tuple(replace(r, change=change) for r in paragraph.runs), mark=change)


# ----------------------------------------------------------------------------- tables


def _merge_table(old: Table | None, new: Table | None) -> Table:
    """Cell by cell; rows on one side only are rows added or removed."""
    base = new if new is not None else old
    assert base is not None
    rows: list[Row] = []
    marks: list[str | None] = []
    for old_row, new_row in _row_pairs(old.rows if old else (), new.rows if new else ()):
        width = max(len(old_row or ()), len(new_row or ()))
        rows.append(tuple(_merge_cell(_cell(old_row, column), _cell(new_row, column)) for column in range(width)))
        marks.append("del" if new_row is None else "ins" if old_row is None else None)
    # The heading rows repeated on each page: as many merged rows as hold the base's heading rows.
    skip = "del" if new is not None else "ins"
    head_rows, seen = 0, 0
    for index, mark in enumerate(marks):
        if seen == base.head_rows:
            break
        if mark != skip:
            seen += 1
            head_rows = index + 1
    return replace(
        base,
        rows=tuple(rows),
        head_rows=head_rows,
        row_marks=tuple(marks) if any(marks) else (),
    )


def _row_pairs(old: Sequence[Row], new: Sequence[Row]) -> list[tuple[Row | None, Row | None]]:
    """Rows side by side: by position when both tables have as many rows, else aligned on text."""
    if len(old) == len(new):
        return list(zip(old, new, strict=True))
    matcher = difflib.SequenceMatcher(None, [_row_key(r) for r in old], [_row_key(r) for r in new], autojunk=False)
    pairs: list[tuple[Row | None, Row | None]] = []
    for _tag, i1, i2, j1, j2 in matcher.get_opcodes():
        common = min(i2 - i1, j2 - j1)
        pairs.extend(zip(old[i1 : i1 + common], new[j1 : j1 + common], strict=True))
        pairs.extend((row, None) for row in old[i1 + common : i2])
        pairs.extend((None, row) for row in new[j1 + common : j2])
    return pairs


def _row_key(row: Row) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.text for p in cell.paragraphs) for cell in row)


def _cell(row: Row | None, column: int) -> Cell:
    return row[column] if row is not None and column < len(row) else _EMPTY


def _merge_cell(old: Cell, new: Cell) -> Cell:
    merged = _merge_blocks(old.paragraphs, new.paragraphs)
    return Cell(tuple(p for p in merged if isinstance(p, Paragraph)))


# ----------------------------------------------------------------------------- words


def _merge_paragraph(old: Paragraph, new: Paragraph) -> Paragraph:
    """NEW's paragraph with its runs compared word by word with OLD's."""
    if old.runs == new.runs:
        return new
    return replace(new, runs=merge_runs(old.runs, new.runs), mark=None)


def merge_runs(old: Sequence[Run], new: Sequence[Run]) -> tuple[Run, ...]:
    """NEW's runs with OLD's differences: equal words plain, the rest deleted then inserted.

    Words are compared with their formatting, so a label turned bold is the plain label
    deleted and the bold one inserted. Dropping the deleted runs gives NEW's text and formatting,
    dropping the inserted ones OLD's.
    """
    pieces: list[Run] = []
    for stretch in stretches(_tokens(old), _tokens(new), _shown):
        if stretch.equal:
            pieces.extend(stretch.new)
        else:
            pieces.extend(replace(t, change="del") for t in stretch.old)
            pieces.extend(replace(t, change="ins") for t in stretch.new)
    return _joined(pieces)


def _tokens(runs: Sequence[Run]) -> list[Run]:
    """Runs cut into words, spaces and punctuation, each keeping its run's formatting."""
    out: list[Run] = []
    for run in runs:
        if not run.text and not run.line_break:
            continue
        pieces = tokens(run.text) or [""]  # a bare line break is one (empty) token
        for index, piece in enumerate(pieces):
            out.append(replace(run, text=piece, line_break=run.line_break and index == 0))
    return out


def _shown(token: Run) -> str:
    return token.text + ("\n" if token.line_break else "")


def _joined(pieces: list[Run]) -> tuple[Run, ...]:
    """Neighbouring tokens of one formatting and change back into one run; a break starts a run."""
    runs: list[Run] = []
    for piece in pieces:
        last = runs[-1] if runs else None
        if (
            last is not None
            and not piece.line_break
            and (last.bold, last.italic, last.underline, last.change)
            == (piece.bold, piece.italic, piece.underline, piece.change)
        ):
            runs[-1] = replace(last, text=last.text + piece.text)
        else:
            runs.append(piece)
    return tuple(runs)


def redline_docx(old: Plan, new: Plan, *, plan_file: Path | None = None, template: Path | None = None) -> bytes:
    """NEW as .docx with every difference from OLD as a Word tracked change (both laid out by NEW's template)."""
    from thidua.render.pipeline import render_document
    from thidua.render.writers.docx import Revision, laid_out, write_docx

    before = render_document(old, plan_file=plan_file, template=template)
    after = render_document(new, plan_file=plan_file, template=template)
    return write_docx(merge(before, after, layout=laid_out), revision=Revision())
