"""Show `thidua awards`: for each commendation of a plan, who its criteria propose."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TextIO

from thidua.cli.show import Writer, visible
from thidua.i18n import tr
from thidua.plan.model import Plan
from thidua.render.context import plan_citation
from thidua.text.figures import format_number
from thidua.text.formatting import short_date
from thidua.track.awards import Judged, Proposal


@dataclass(frozen=True)
class AwardsView:
    plan: Plan
    as_of: date
    proposals: Sequence[Proposal]


def _criteria(proposal: Proposal, lang: str) -> str:
    targets = ", ".join(proposal.targets) or "—"
    text = tr("awards.criteria", lang, targets=targets, date=short_date(proposal.when))
    if proposal.award.limit is not None:
        text += " " + tr("awards.limit", lang, limit=format_number(proposal.award.limit))
    return text


def _miss(judged: Judged) -> str:
    return ", ".join(f"{m.target} ({m.result})" if m.result else m.target for m in judged.missed)


def lines(view: AwardsView, lang: str) -> list[str]:
    """The text: a heading, then per award its criteria, the proposed, those one target short, the rest."""
    out = [tr("awards.heading", lang, plan=plan_citation(view.plan), date=short_date(view.as_of))]
    if not view.proposals:
        return [*out, tr("awards.none", lang)]
    for proposal in view.proposals:
        out += ["", f"{proposal.number}. {proposal.award.title}: {_criteria(proposal, lang)}"]
        names = "; ".join(j.name for j in proposal.proposed) or "—"
        out.append("   " + tr("awards.proposed", lang, count=len(proposal.proposed), names=names))
        if proposal.near:
            near = "; ".join(f"{j.name}: {_miss(j)}" for j in proposal.near)
            out.append("   " + tr("awards.near", lang, count=len(proposal.near), names=near))
        if proposal.others:
            others = "; ".join(f"{j.name}: {_miss(j)}" for j in proposal.others)
            out.append("   " + tr("awards.others", lang, count=len(proposal.others), names=others))
        if proposal.over_limit:
            limit = format_number(proposal.award.limit or 0)
            out.append("   " + tr("awards.over-limit", lang, count=len(proposal.proposed), limit=limit))
        if not (proposal.proposed or proposal.near or proposal.others):
            out.append("   " + tr("awards.nobody", lang))
    return out


def write_text(view: AwardsView, lang: str, stream: TextIO) -> None:
    stream.write("\n".join(visible(line) for line in lines(view, lang)) + "\n")


def write_markdown(view: AwardsView, lang: str, stream: TextIO) -> None:
    """The same lines: the heading as a heading, each award in bold, what it proposes as a list."""
    out = []
    for index, line in enumerate(lines(view, lang)):
        shown = visible(line).replace("|", "\\|")
        if index == 0:
            out.append(f"### {shown}")
        elif line.startswith("   "):
            out.append(f"- {shown.strip()}")
        elif line:
            out.append(f"**{shown}**" if line[:1].isdigit() else shown)
        else:
            out.append("")
    stream.write("\n".join(out) + "\n")


def _judged(judged: Judged) -> dict[str, Any]:
    return {
        "key": judged.key,
        "name": judged.name,
        "child_plan": judged.child,
        "met": list(judged.met),
        "missed": [{"target": m.target, "result": m.result} for m in judged.missed],
    }


def to_json(view: AwardsView) -> list[dict[str, Any]]:
    return [
        {
            "number": p.number,
            "title": p.award.title,
            "text": p.award.text,
            "targets": list(p.targets),
            "date": p.when.isoformat(),
            "limit": p.award.limit,
            "over_limit": p.over_limit,
            "proposed": [_judged(j) for j in p.proposed],
            "near": [_judged(j) for j in p.near],
            "others": [_judged(j) for j in p.others],
        }
        for p in view.proposals
    ]


def write_json(view: AwardsView, lang: str, stream: TextIO) -> None:
    json.dump(to_json(view), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


FORMATS: dict[str, Writer] = {"text": write_text, "json": write_json, "md": write_markdown}
