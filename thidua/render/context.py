"""Plan -> template context: plain data, with every date, number and label already formatted."""

from __future__ import annotations

from typing import Any

from thidua.findings import Loc
from thidua.plan.model import (
    AwardItem,
    BlockItem,
    Numbering,
    ParagraphItem,
    Phase,
    PhaseItem,
    Plan,
    Reference,
    TargetItem,
    ThemeItem,
)
from thidua.text.formatting import BLANK, alpha, doc_number, long_date, roman, short_date, so_ky_hieu
from thidua.text.kyhieu import join
from thidua.text.vocab import DOC_TYPES, LEGAL_TYPES

# What an unissued document prints where the văn thư will write the day and month.
_BLANK_DAY = BLANK * 6


def plan_context(plan: Plan) -> dict[str, Any]:
    """Everything a template needs, as dicts, lists and strings (no model objects)."""
    doc = plan.document
    type_name = DOC_TYPES.get(doc.type, doc.type)
    return {
        "issuer": {
            "parent": plan.issuer.parent,
            "name": plan.issuer.name,
            "abbreviation": plan.issuer.abbreviation,
        },
        "document": {
            "type": doc.type,
            "type_name": type_name,
            "type_title": type_name.upper(),
            "number": doc_number(doc.number),
            "ky_hieu": plan.ky_hieu,
            "so_ky_hieu": so_ky_hieu(doc.number, plan.ky_hieu),
            "place": doc.place,
            "date": long_date(doc.date) if doc.date else None,
            "iso_date": doc.date.isoformat() if doc.date else "",
            "place_date": _place_date(plan),
            "title": doc.title,
        },
        "campaign": {
            "kind": plan.campaign.kind,
            "start": _short(plan.campaign.period.start if plan.campaign.period else None),
            "end": _short(plan.campaign.period.end if plan.campaign.period else None),
            "year": plan.year,
        },
        "theme": plan.theme,
        "references": [{"text": reference_sentence(r)} for r in plan.references],
        "opening": list(plan.opening),
        "sections": [
            {
                "kind": section.kind,
                "label": f"{roman(index)}.",
                "title": section.title,
                # "children", not "items": in Jinja `x.items` would find the dict method.
                "children": _items(section.items, section.numbering, parent=""),
            }
            for index, section in enumerate(plan.sections, start=1)
        ],
        "closing": plan.closing,
        "signature": {
            "authority": plan.signature.authority,
            "title": plan.signature.title,
            "name": plan.signature.name,
        },
        "recipients": recipient_lines(plan.recipients),
        "units": [{"id": u.id, "name": u.name} for u in plan.units],
    }


def _short(value: Any) -> str | None:
    return short_date(value) if value else None


def _place_date(plan: Plan) -> str:
    """`Quảng Trị, ngày 22 tháng 02 năm 2021`; blanks for the day and month until it is issued."""
    doc = plan.document
    written = long_date(doc.date) if doc.date else f"ngày{_BLANK_DAY}tháng{_BLANK_DAY}năm {plan.year or ''}".rstrip()
    return f"{doc.place}, {written}" if doc.place else written[0].upper() + written[1:]


def reference_sentence(ref: Reference) -> str:
    """The plan's own sentence, or `Thực hiện Kế hoạch số 63/KH-LĐLĐ ngày 31/12/2020 của … về ….`"""
    if ref.text:
        return ref.text
    name = LEGAL_TYPES.get(ref.type) or DOC_TYPES.get(ref.type, ref.type)
    parts = [ref.verb, name]
    number, ky_hieu = ref.number_and_ky_hieu
    if number or ky_hieu:
        parts.append(f"số {join(doc_number(number), ky_hieu)}" if ky_hieu else f"số {doc_number(number)}")
    if ref.date:
        parts.append(f"ngày {short_date(ref.date)}")
    if ref.issuer:
        parts.append(f"của {ref.issuer}")
    if ref.subject:
        parts.append(f"về {ref.subject}")
    return " ".join(parts) + ";"


def recipient_lines(recipients: list[str]) -> list[str]:
    """`- LĐLĐ tỉnh;` … and the last (the Lưu line) ends with a full stop."""
    last = len(recipients) - 1
    return [f"- {r}{'.' if i == last else ';'}" for i, r in enumerate(recipients)]


def _label(numbering: Numbering, index: int, parent: str) -> str:
    if numbering == "roman":
        return f"{roman(index)}."
    if numbering == "arabic":
        return f"{index}."
    if numbering == "decimal":
        return f"{parent}.{index}." if parent else f"{index}."
    if numbering == "alpha":
        return f"{alpha(index)})"
    if numbering == "dash":
        return "-"
    if numbering == "plus":
        return "+"
    return ""


def _number_of(label: str) -> str:
    """The part of a label that a decimal child builds on: `2.` -> `2`, `2.1.` -> `2.1`."""
    return label[:-1] if label.endswith(".") and label[:-1].replace(".", "").isdigit() else ""


def _numbered(item: Any) -> bool:
    """Unnumbered paragraphs and the quoted theme do not advance the numbering."""
    return not isinstance(item, ParagraphItem | ThemeItem)


def item_labels(plan: Plan) -> dict[Loc, str]:
    """Each item's printed label ("2.1.", "a)", "-", "" for a paragraph) by its path in the plan."""
    labels: dict[Loc, str] = {}

    def walk(items: list[Any], numbering: Numbering, parent: str, base: Loc) -> None:
        index = 0
        for position, item in enumerate(items):
            path = (*base, position)
            if not _numbered(item):
                labels[path] = ""
                continue
            index += 1
            labels[path] = label = _label(numbering, index, parent)
            if isinstance(item, BlockItem):
                walk(item.items, item.numbering, _number_of(label), (*path, "items"))

    for s_index, section in enumerate(plan.sections):
        labels[("sections", s_index)] = f"{roman(s_index + 1)}."
        walk(section.items, section.numbering, "", ("sections", s_index, "items"))
    return labels


def _items(items: list[Any], numbering: Numbering, parent: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    index = 0
    for item in items:
        if isinstance(item, ParagraphItem):
            out.append({"kind": "paragraph", "label": "", "text": item.paragraph, "children": []})
            continue
        if isinstance(item, ThemeItem):
            out.append({"kind": "theme", "label": "", "text": item.theme, "children": []})
            continue
        index += 1  # every other item is numbered (see _numbered)
        label = _label(numbering, index, parent)
        if isinstance(item, str):
            out.append({"kind": "text", "label": label, "text": item, "children": []})
        elif isinstance(item, TargetItem):
            target = item.target
            out.append({"kind": "target", "label": label, "text": target.text, "id": target.id, "children": []})
        elif isinstance(item, PhaseItem):
            out.append({"kind": "phase", "label": label, "phase": _phase(item.phase), "children": []})
        elif isinstance(item, AwardItem):
            out.append({"kind": "award", "label": label, "text": item.award.text, "children": []})
        elif isinstance(item, BlockItem):
            out.append(
                {
                    "kind": "heading" if item.title is not None else "text",
                    "label": label,
                    "text": item.title if item.title is not None else item.text,
                    "children": _items(item.items, item.numbering, _number_of(label)),
                }
            )
    return out


def _phase(phase: Phase) -> dict[str, Any]:
    return {
        "name": phase.name,
        "when": phase.when or _when(phase),
        "theme": phase.theme,
        "text": phase.text,
        "start": _short(phase.start),
        "end": _short(phase.end),
    }


def _when(phase: Phase) -> str:
    if phase.start and phase.end:
        return f"Từ ngày {short_date(phase.start)} đến ngày {short_date(phase.end)}"
    if phase.start:
        return f"Từ ngày {short_date(phase.start)}"
    if phase.end:
        return f"Đến ngày {short_date(phase.end)}"
    return ""


def lowercase_first(text: str) -> str:
    """A title inside a sentence: 'Tổ chức …' -> 'tổ chức …'; 'LĐLĐ …' stays."""
    return text[0].lower() + text[1:] if len(text) > 1 and text[1].islower() else text


def plan_citation(plan: Plan, *, with_title: bool = True) -> str:
    """`Kế hoạch số 58/KH-LĐLĐ ngày 22/02/2021`; an unnumbered plan by its title (`with_title`)."""
    text = "Kế hoạch"
    if plan.document.number:
        text += f" số {so_ky_hieu(plan.document.number, plan.ky_hieu)}"
    if plan.document.date:
        text += f" ngày {short_date(plan.document.date)}"
    if text == "Kế hoạch" and with_title:
        text += " " + lowercase_first(plan.document.title)
    return text
