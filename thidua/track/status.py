"""`thidua track`: where each target stands on a date, from the results recorded against it.

Pure: a plan, its results and a date in; statuses out. How each status is computed is written
once, in i18n.STATUS_RULES, and shown by `thidua track --help` and the README.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from thidua.plan.model import Baseline, Plan, Target
from thidua.plan.results import Record, Results, percent_of, phrase
from thidua.text.figures import format_number, meets


class Status(StrEnum):
    met = "met"
    on_track = "on-track"
    behind = "behind"
    no_data = "no-data"
    overdue = "overdue"


# Furthest behind first: a per-unit target takes the status of its furthest-behind unit.
SEVERITY_ORDER = (Status.overdue, Status.behind, Status.no_data, Status.on_track, Status.met)


@dataclass(frozen=True)
class YearFigure:
    """A growth target's figure for one year and its growth over the year before."""

    year: int
    value: float
    growth: float | None  # percent; None for the first year or after a gap or a zero


@dataclass(frozen=True)
class Progress:
    """One series of figures (a target, or a per-unit target for one unit) on the as-of date."""

    status: Status
    value: bool | float | None = None  # the latest figure; growth: the average yearly growth (%)
    percent: float | None = None  # share of the goal achieved, in percent
    record: Record | None = None  # the latest record counted
    unit: str | None = None
    years: tuple[YearFigure, ...] = ()


@dataclass(frozen=True)
class UnitShare:
    """One unit's part of a plan-wide target made of its units' figures (`from_units`), or one
    child plan's part of a target its children contribute to (roll-up, `contributes`)."""

    unit: str
    record: Record | None = None  # its latest record on or before the as-of date; None: not reported yet
    counted: bool = False  # its figure is in the total (a percent's needs `of`, see KQ12)
    plan: str | None = None  # roll-up: the child plan the figure comes from (`unit` is then its key)


@dataclass(frozen=True)
class TargetStatus:
    target: Target
    number: int  # 1-based, in plan order
    start: date | None
    due: date | None
    elapsed: float | None  # share of the window gone by, 0–1
    overall: Progress
    units: tuple[Progress, ...] = ()  # per-unit targets: one per unit, in plan order
    sources: tuple[str, ...] = ()  # the sources of the records counted, in first-use order
    shares: tuple[UnitShare, ...] = ()  # a target made of its units' figures: one per unit, in plan order

    @property
    def units_met(self) -> int:
        return sum(1 for unit in self.units if unit.status is Status.met)

    @property
    def rolled_up(self) -> bool:
        """Whether the figure is made of child plans' figures (roll-up), not of the plan's units'."""
        return any(share.plan is not None for share in self.shares)

    @property
    def units_counted(self) -> int:
        """A target made of its units' figures: how many units' figures are in its total."""
        return sum(1 for share in self.shares if share.counted)

    @property
    def missing_units(self) -> tuple[str, ...]:
        """A target made of its units' figures: the units with no figure yet, in plan order."""
        return tuple(share.unit for share in self.shares if share.record is None)

    @property
    def phrase(self) -> str:
        """The figure in words: 'trên 90% CNVCLĐ'; a per-unit target: '3/5 đơn vị đạt'."""
        if self.target.per_unit:
            return f"{self.units_met}/{len(self.units)} đơn vị đạt" if self.units else ""
        record = self.overall.record
        if record is None:
            return ""
        years = self.overall.years
        if self.target.measure == "growth" and self.overall.value is not None and len(years) > 1:
            average = format_number(float(self.overall.value))
            return f"tăng bình quân {average}%/năm ({years[0].year}–{years[-1].year}); {phrase(record, self.target)}"
        return phrase(record, self.target)


def track(
    plan: Plan, results: Results, as_of: date, children: Mapping[str, Sequence[UnitShare]] | None = None
) -> list[TargetStatus]:
    """Every target of the plan, in plan order, as it stands on `as_of`.

    `children`: for a target that child plans contribute to (roll-up), each child's figure, by the
    target's id (rollup.py): the target's figure is then theirs added up, as a `from_units` one's.
    """
    period = plan.campaign.period
    start = (period.start if period else None) or plan.document.date
    # Records grouped once by target and by unit, in file order: each target reads its own.
    by_target: dict[str, list[Record]] = {}
    by_unit: dict[tuple[str, str | None], list[Record]] = {}
    for record in results.results:
        if record.date <= as_of:
            by_target.setdefault(record.target, []).append(record)
            by_unit.setdefault((record.target, record.unit), []).append(record)
    statuses = []
    for number, (_, target) in enumerate(plan.targets(), 1):
        due = target.due or (period.end if period else None)
        since = _baseline(target)
        window = since.date if since is not None and since.date is not None else start
        elapsed = _elapsed(window, due, as_of)
        mine = by_target.get(target.id, [])
        if target.per_unit:
            declared = target.units or [unit.id for unit in plan.units]
            units = tuple(
                _progress(target, by_unit.get((target.id, unit), []), as_of, due, elapsed, unit) for unit in declared
            )
            overall = _aggregate(units)
            shares: tuple[UnitShare, ...] = ()
        elif children and target.id in children:
            shares = tuple(children[target.id])
            total = _total(target, shares)
            units = ()
            overall = _progress(target, [total] if total else [], as_of, due, elapsed, None)
        elif sums_units(target):
            declared = list(dict.fromkeys(target.units or [unit.id for unit in plan.units]))  # a unit added once
            shares = tuple(_share(target, unit, by_unit.get((target.id, unit), [])) for unit in declared)
            total = _total(target, shares)
            units = ()
            overall = _progress(target, [total] if total else [], as_of, due, elapsed, None)
        else:
            units, shares = (), ()
            overall = _progress(target, mine, as_of, due, elapsed, None)
        counted = [p.record for p in (*units, overall) if p.record is not None]
        counted += [s.record for s in shares if s.record is not None and s.counted]  # a total's own: no source
        sources = tuple(dict.fromkeys(r.source for r in counted if r.source))
        statuses.append(TargetStatus(target, number, window, due, elapsed, overall, units, sources, shares))
    return statuses


def sums_units(target: Target) -> bool:
    """Whether the target's figure is made of its units' figures: `from_units` on a plan-wide count or
    percent target (on any other, TG08 reports it and the target is followed as it would be without)."""
    return target.from_units and not target.per_unit and target.measure in ("count", "percent")


def _share(target: Target, unit: str, records: Sequence[Record]) -> UnitShare:
    """A unit's latest figure, and whether it can be added: a number, and for a percent its `of`."""
    if not records:
        return UnitShare(unit)
    latest = max(records, key=lambda r: r.date)
    return UnitShare(unit, latest, addable(target, latest))


def addable(target: Target, record: Record) -> bool:
    """Whether a figure can be added into the target's total: a number, and for a percent its `of`."""
    return not isinstance(record.value, bool) and (target.measure != "percent" or record.of is not None)


def _total(target: Target, shares: Sequence[UnitShare]) -> Record | None:
    """The plan-wide figure as one record: Σ value (and for a percent Σ of), dated at the latest counted."""
    counted = [s.record for s in shares if s.record is not None and s.counted]
    if not counted:
        return None
    amounts = [r.amount for r in counted]
    fields: dict[str, Any] = {
        "target": target.id,
        "date": max(r.date for r in counted),
        "value": sum(r.value for r in counted),
        "qualifier": combined_qualifier([r.qualifier for r in counted]),
        "of": sum(r.of or 0 for r in counted) if target.measure == "percent" else None,
        "amount": None if None in amounts else sum(a or 0 for a in amounts),
        "amount_qualifier": combined_qualifier([r.amount_qualifier for r in counted]),
    }
    return Record.model_construct(**fields)


def combined_qualifier(qualifiers: Sequence[str | None]) -> str | None:
    """The qualifier of a sum: 'trên 100' + 200 is 'trên 300', 'gần 100' + 200 'gần 300';
    'trên' with 'gần' (or any 'khoảng') leaves only 'khoảng'."""
    given = {q for q in qualifiers if q is not None}
    if not given:
        return None
    if given <= {"trên", "hơn"}:
        return "trên"
    if given == {"gần"}:
        return "gần"
    return "khoảng"


def _baseline(target: Target) -> Baseline | None:
    """The figure a count or percent target starts from, when it has one that leaves progress to measure.

    Others (a baseline on another measure or below a per-unit target, or one not below the goal)
    are reported by check (TG05, TG06) and measured from zero here.
    """
    baseline, goal = target.baseline, target.goal
    if baseline is None or target.measure not in ("count", "percent") or target.per_unit:
        return None
    if isinstance(goal, bool) or baseline.value >= goal:
        return None
    return baseline


def _elapsed(start: date | None, due: date | None, as_of: date) -> float | None:
    if start is None or due is None or due <= start:
        return None
    return min(1.0, max(0.0, (as_of - start).days / (due - start).days))


def _progress(
    target: Target, records: Sequence[Record], as_of: date, due: date | None, elapsed: float | None, unit: str | None
) -> Progress:
    past_due = due is not None and as_of > due
    if target.measure == "growth":
        return _growth(target, records, as_of, due, unit)
    if not records:
        return Progress(Status.overdue if past_due else Status.no_data, unit=unit)
    latest = max(records, key=lambda r: r.date)
    goal = target.goal
    if target.measure == "yes_no":
        done = latest.value is True
        status = Status.met if done else Status.overdue if past_due else Status.on_track
        return Progress(status, done, 100.0 if done else 0.0, latest, unit)
    value = percent_of(latest) if target.measure == "percent" else float(latest.value)
    if value is None or isinstance(goal, bool):  # a wrong kind, reported by check (KQ06, TG03)
        return Progress(Status.no_data, unit=unit)
    since = _baseline(target)
    if since is not None:  # progress from the starting figure: (current − baseline)/(goal − baseline)
        achieved = (value - since.value) / (goal - since.value) * 100
    else:
        achieved = value / goal * 100 if goal else 100.0
    if meets(value, latest.qualifier, goal):
        status = Status.met
    elif past_due:
        status = Status.overdue
    elif achieved >= (elapsed or 0.0) * 100:
        status = Status.on_track
    else:
        status = Status.behind
    return Progress(status, value, achieved, latest, unit)


def growth_years(records: Sequence[Record]) -> tuple[YearFigure, ...]:
    """Each year's figure (its latest record) and its growth over the year before."""
    by_year: dict[int, Record] = {}
    for record in sorted(records, key=lambda r: r.date):
        if not isinstance(record.value, bool):
            by_year[record.date.year] = record
    figures: list[YearFigure] = []
    for year in sorted(by_year):
        value = float(by_year[year].value)
        before = figures[-1] if figures else None
        growth = None
        if before is not None and before.year == year - 1 and before.value > 0:
            growth = (value / before.value - 1) * 100
        figures.append(YearFigure(year, value, growth))
    return tuple(figures)


def average_growth(years: Sequence[YearFigure]) -> float | None:
    """The average yearly growth in percent from the first year's figure to the last's."""
    if len(years) < 2 or years[0].value <= 0:
        return None
    span = years[-1].year - years[0].year
    return ((years[-1].value / years[0].value) ** (1 / span) - 1) * 100


def _growth(target: Target, records: Sequence[Record], as_of: date, due: date | None, unit: str | None) -> Progress:
    years = growth_years(records)
    average = average_growth(years)
    latest = max(records, key=lambda r: r.date) if records else None
    past_due = due is not None and as_of > due
    goal = target.goal
    if average is None or isinstance(goal, bool):
        return Progress(Status.overdue if past_due else Status.no_data, record=latest, unit=unit, years=years)
    achieved = average / goal * 100 if goal else 100.0
    reached = average >= goal
    if reached:
        status = Status.met if due is None or as_of >= due else Status.on_track
    else:
        status = Status.overdue if past_due else Status.behind
    return Progress(status, average, achieved, latest, unit, years)


def _aggregate(units: Sequence[Progress]) -> Progress:
    """A per-unit target as a whole: units met, their share, the furthest-behind unit's status."""
    if not units:
        return Progress(Status.no_data)
    status = min((unit.status for unit in units), key=SEVERITY_ORDER.index)
    met = sum(1 for unit in units if unit.status is Status.met)
    return Progress(status, float(met), met / len(units) * 100)


def campaign_elapsed(statuses: Sequence[TargetStatus]) -> float | None:
    """The share of the campaign gone by, as its targets see it (the first that knows).

    A target whose window starts at its baseline's date sees its own window, not the campaign's;
    it is asked only when no other target knows.
    """
    known = [s for s in statuses if s.elapsed is not None]
    plain = [s for s in known if s.target.baseline is None or s.target.baseline.date is None]
    return next((s.elapsed for s in (*plain, *known)), None)


def summary(statuses: Sequence[TargetStatus]) -> dict[Status, int]:
    """How many targets stand at each status, in SEVERITY_ORDER (met first for reading)."""
    counts = {status: 0 for status in reversed(SEVERITY_ORDER)}
    for item in statuses:
        counts[item.overall.status] += 1
    return counts
