"""`thidua awards`: who a plan's commendation criteria propose (đề xuất khen thưởng), from the results.

A plan's awards section holds `award:` items: a form of commendation (Cờ thi đua, Bằng khen …) and
its criteria — which targets must be met, by which date. A unit of the plan is judged on the
per-unit targets named (its own figure against the goal); a child plan (roll-up) on its own
target that contributes to a target named (its figure against its own goal). One that meets
every target that applies to it is proposed; one that misses exactly one is listed apart, with
that target, for the council (Hội đồng thi đua - khen thưởng) to weigh. Nothing is ranked: when
more qualify than the plan awards (`limit`), the list says so.

Pure: a plan, its results, a date and the tree of its children in; proposals out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from thidua.plan.model import Award, Plan
from thidua.plan.results import Results, phrase
from thidua.track.rollup import Tree, key, names
from thidua.track.status import Status, TargetStatus, track


@dataclass(frozen=True)
class Miss:
    target: str  # the plan's target id
    result: str  # the figure in words ("" when none)


@dataclass(frozen=True)
class Judged:
    """A unit or a child plan, against the targets of an award that apply to it."""

    key: str  # the unit's id, or the child plan's path
    name: str
    child: bool  # a child plan (roll-up), not a unit of the plan
    met: tuple[str, ...]
    missed: tuple[Miss, ...]


@dataclass(frozen=True)
class Proposal:
    award: Award
    number: int  # 1-based, in plan order
    when: date  # the figures counted are those on or before it
    targets: tuple[str, ...]  # the criteria: the plan's target ids
    proposed: tuple[Judged, ...]
    near: tuple[Judged, ...]  # missed exactly one
    others: tuple[Judged, ...]  # missed more than one
    number_of: dict[str, int] = field(default_factory=dict)  # a target id -> its number in the plan

    @property
    def target_numbers(self) -> tuple[int, ...]:
        return tuple(self.number_of[t] for t in self.targets if t in self.number_of)

    @property
    def over_limit(self) -> bool:
        return self.award.limit is not None and len(self.proposed) > self.award.limit


def award_date(plan: Plan, award: Award, as_of: date) -> date:
    """The date an award's figures are taken at: its `by` (else the period's end), and never after `as_of`."""
    period = plan.campaign.period
    by = award.by or (period.end if period else None) or as_of
    return min(by, as_of)


def propose(
    plan: Plan,
    plan_file: Path,
    results: Results,
    as_of: date,
    children_at: Callable[[date], Tree | None] = lambda _: None,
) -> list[Proposal]:
    """Every award of the plan, then of its results file (`report.awards`), with who its criteria
    propose on `as_of` (or its own earlier date).

    `children_at(when)`: the plan's child plans rolled up on that date (rollup.child_tree), or None.
    """
    from thidua.track.rollup import child_shares

    proposals = []
    criteria = [award for _, award in plan.awards()] + list(results.report.awards)
    for number, award in enumerate(criteria, 1):
        when = award_date(plan, award, as_of)
        tree = children_at(when)
        me = key(plan_file)
        statuses = track(plan, results, when, child_shares(tree, me, plan) if tree else None)
        by_id = {item.target.id: item for item in statuses}
        wanted = tuple(award.targets) if award.targets else tuple(by_id)
        judged = _judge(plan, wanted, by_id, tree, me)
        proposed = tuple(j for j in judged if not j.missed)
        near = tuple(j for j in judged if len(j.missed) == 1)
        others = tuple(j for j in judged if len(j.missed) > 1)
        numbers = {item.target.id: item.number for item in statuses}
        proposals.append(Proposal(award, number, when, wanted, proposed, near, others, numbers))
    return proposals


def _judge(
    plan: Plan, wanted: tuple[str, ...], by_id: dict[str, TargetStatus], tree: Tree | None, me: Path
) -> list[Judged]:
    met: dict[str, list[str]] = {}
    missed: dict[str, list[Miss]] = {}
    unit_names = {unit.id: unit.name for unit in plan.units}
    order: dict[str, tuple[str, bool]] = {}  # key -> (name, child), in first-judged order
    for target_id in wanted:
        item = by_id.get(target_id)
        if item is None:  # an unknown id: TG09
            continue
        if item.target.per_unit:
            for progress in item.units:
                unit = progress.unit or ""
                order.setdefault(unit, (unit_names.get(unit, unit), False))
                if progress.status is Status.met:
                    met.setdefault(unit, []).append(target_id)
                else:
                    result = phrase(progress.record, item.target) if progress.record else ""
                    missed.setdefault(unit, []).append(Miss(target_id, result))
    if tree is not None:
        child_names = names(tree)
        for child, contribution in tree.edges.get(me, []):
            if contribution.parent_target not in wanted or contribution.parent_target not in by_id:
                continue
            node = tree.nodes[child]
            line = next((t for t in node.targets if t.id == contribution.target), None)
            order.setdefault(node.name, (child_names.get(node.name, node.name), True))
            if line is not None and line.status is Status.met:
                met.setdefault(node.name, []).append(contribution.parent_target)
            else:
                missed.setdefault(node.name, []).append(Miss(contribution.parent_target, line.result if line else ""))
    return [
        Judged(k, name, child, tuple(met.get(k, [])), tuple(missed.get(k, []))) for k, (name, child) in order.items()
    ]
