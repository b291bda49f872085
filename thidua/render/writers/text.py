"""Document -> plain text: one line per paragraph, table cells in reading order, no lines drawn."""

from __future__ import annotations

from thidua.render.layout import Document, Image, Paragraph, Table


def paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph in reading order: a table row by row, each cell top to bottom."""
    out: list[Paragraph] = []
    for block in document.blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    out.extend(cell.paragraphs)
        elif not isinstance(block, Image):
            out.append(block)
    return out


def write_text(document: Document) -> str:
    lines = [p.text for p in paragraphs(document) if p.role != "signature-space"]
    return "\n".join(lines) + "\n"
