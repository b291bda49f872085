"""Roll-up: a tree of plans, each child plan's figures adding into its parent's targets.

A child plan names its parent in `references[].plan`; a target of it says which of the parent's
targets its figure adds into (`contributes: <id>`). A tree is read in two passes:

1. every plan and its results (in worker processes when there are many), validated but not
   checked: each plan's own statuses and the figure of each target it contributes with;
2. the plans that children contribute to, children before parents (a district's figure is made of
   its grassroots unions' before it goes to the province): each is read again and tracked with its
   children's figures (`track(..., children=)`), and what it contributes is passed up.

Only small summaries (`Node`) are kept for the whole tree; a plan itself is held one at a time.
Pure apart from reading the files; what is shown is in cli/show/track.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from thidua.findings import Finding
from thidua.plan.model import Plan, Target
from thidua.plan.results import Record, Results, results_path
from thidua.track.status import Status, TargetStatus, UnitShare, addable, track

PARALLEL_THRESHOLD = 64  # plans; below this, starting worker processes costs more than it saves
CONTRIBUTES = b"contributes:"  # a plan without these bytes contributes to no parent (a cheap first look)


@dataclass(frozen=True)
class Contribution:
    """One target of a child plan adding into a target of its parent."""

    target: str  # the child's target id
    parent_target: str  # the parent's target id it adds into
    measure: str  # the child target's measure


@dataclass(frozen=True)
class TargetLine:
    """What the tree shows of one target: its status and share achieved."""

    id: str
    status: Status
    percent: float | None
    result: str
    rolled_up: bool = False  # its figure is made of child plans' figures


@dataclass(frozen=True)
class Node:
    """One plan of the tree, as much as the tree needs of it."""

    path: Path  # absolute and normalised: the key links resolve to
    name: str  # as shown (display_path)
    issuer: str = ""
    year: int | None = None
    parents: tuple[Path, ...] = ()  # the plans it links to (references[].plan), absolute and normalised
    measures: dict[str, str] = field(default_factory=dict)  # its targets' ids -> measures
    contributions: tuple[Contribution, ...] = ()
    targets: tuple[TargetLine, ...] = ()
    figures: dict[str, Record | None] = field(default_factory=dict)  # a contributing target's figure
    problem: dict[str, str] | None = None  # the plan or its results do not read: the first finding, by language

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for line in self.targets:
            counts[line.status] += 1
        return counts


@dataclass(frozen=True)
class Tree:
    """The plans read, how they link, and which child figure adds into which parent target."""

    nodes: dict[Path, Node]
    parent: dict[Path, Path]  # a plan -> the plan above it in the tree (its first linked plan read)
    edges: dict[Path, list[tuple[Path, Contribution]]]  # a parent -> (child, contribution), in found order
    as_of: date
    within: dict[Path, Path] = field(default_factory=dict)  # a plan found in a folder -> its repository
    shown: frozenset[Path] | None = None  # the plans asked for (others were read for their figures)

    def order(self) -> list[tuple[Path, int]]:
        """Every plan shown with its depth, parents before children, in found order (a cycle is cut)."""
        shown = self.shown if self.shown is not None else frozenset(self.nodes)
        below: dict[Path, list[Path]] = {}
        for child, above in self.parent.items():
            if child in shown and above in shown:
                below.setdefault(above, []).append(child)
        roots = [path for path in self.nodes if path in shown and self.parent.get(path) not in shown]
        out: list[tuple[Path, int]] = []
        seen: set[Path] = set()
        for root in [*roots, *(path for path in self.nodes if path in shown)]:  # then what a cycle left out
            stack = [(root, 0)]
            while stack:
                path, depth = stack.pop()
                if path in seen:
                    continue
                seen.add(path)
                out.append((path, depth))
                stack.extend((child, depth + 1) for child in reversed(below.get(path, [])))
        return out


def key(path: Path) -> Path:
    """The key of a plan: links resolve to it whatever the working folder."""
    return Path(os.path.normpath(os.path.abspath(path)))


def contributions(plan: Plan) -> tuple[Contribution, ...]:
    return tuple(Contribution(t.id, t.contributes, t.measure) for _, t in plan.targets() if t.contributes)


def linked_plans(plan: Plan, plan_file: Path) -> tuple[Path, ...]:
    """The plans it links to, in reference order (as RF01 resolves them)."""
    return tuple(key(plan_file.parent / r.plan) for r in plan.references if r.plan)


def summarise(path: Path, plan: Plan, statuses: Sequence[TargetStatus]) -> Node:
    from thidua.files import display_path

    by_id = {item.target.id: item for item in statuses}
    mine = contributions(plan)
    return Node(
        path=key(path),
        name=display_path(path),
        issuer=plan.issuer.name,
        year=plan.year,
        parents=linked_plans(plan, path),
        measures={target.id: target.measure for _, target in plan.targets()},
        contributions=mine,
        targets=tuple(
            TargetLine(i.target.id, i.overall.status, i.overall.percent, i.phrase, i.rolled_up) for i in statuses
        ),
        figures={c.target: by_id[c.target].overall.record for c in mine if c.target in by_id},
    )


def read_tracked(path: Path, within: Path | None) -> tuple[Plan, Results] | dict[str, str]:
    """A plan and its results, validated (no rules); the first finding as a line when either does not read."""
    from thidua.check.engine import CheckOptions, place, read_plan, read_results

    loaded, plan, problems = read_plan(path, within=within)
    if plan is None:
        return _first(place(problems, loaded, CheckOptions()))
    results_file = results_path(path)
    if not results_file.exists():
        return plan, Results()
    loaded, results, problems = read_results(results_file, within=within or path.parent)
    if results is None:
        return _first(place(problems, loaded, CheckOptions()))
    return plan, results


def _first(findings: Sequence[Finding]) -> dict[str, str]:
    """The first finding as a line in each language (a worker's Finding loses its formatter)."""
    from thidua.check.rule import LANGS

    if not findings:
        return dict.fromkeys(LANGS, "?")
    first = findings[0]
    where = f"{first.file}:{first.line}:{first.column}: {first.code}"
    return {lang: f"{where} {first.message(lang)}" for lang in LANGS}


def scan(path: Path, as_of: date, within: Path | None) -> Node:
    """Pass 1 for one plan: its own statuses (no children yet) and what it contributes."""
    read = read_tracked(path, within)
    if isinstance(read, dict):
        from thidua.files import display_path

        return Node(path=key(path), name=display_path(path), problem=read)
    plan, results = read
    return summarise(path, plan, track(plan, results, as_of))


def _scan_for_pool(path: Path, as_of: date, within: Path | None) -> Node:
    return scan(path, as_of, within)


def scan_all(paths: Sequence[Path], as_of: date, within: dict[Path, Path], *, jobs: int | None = None) -> list[Node]:
    from thidua.check.engine import workers_for

    workers = workers_for(jobs)
    roots = [within.get(path) for path in paths]
    if workers > 1 and len(paths) >= PARALLEL_THRESHOLD:
        from concurrent.futures import ProcessPoolExecutor

        chunk = max(1, len(paths) // (workers * 8))
        with ProcessPoolExecutor(max_workers=workers) as pool:
            return list(pool.map(_scan_for_pool, paths, [as_of] * len(paths), roots, chunksize=chunk))
    return [scan(path, as_of, root) for path, root in zip(paths, roots, strict=True)]


def link(nodes: Iterable[Node], as_of: date, within: dict[Path, Path] | None = None) -> Tree:
    """The tree of the plans read: each plan under the first plan it links to that was read, and each
    contribution to the first linked plan that has the target it names."""
    by_path = {node.path: node for node in nodes}
    parent: dict[Path, Path] = {}
    edges: dict[Path, list[tuple[Path, Contribution]]] = {}
    for node in by_path.values():
        read = [p for p in node.parents if p in by_path and p != node.path]
        if read:
            parent[node.path] = read[0]
        for contribution in node.contributions:
            above = next((p for p in read if contribution.parent_target in by_path[p].measures), None)
            if above is not None:
                edges.setdefault(above, []).append((node.path, contribution))
    return Tree(by_path, parent, edges, as_of, {key(p): r for p, r in (within or {}).items()})


def post_order(tree: Tree, start: Path | None = None) -> list[Path]:
    """The plans children contribute to, each after every plan that contributes to it (a cycle is cut)."""
    out: list[Path] = []
    done: set[Path] = set()
    for root in [start] if start is not None else list(tree.edges):
        if root in done:
            continue
        stack: list[tuple[Path, bool]] = [(root, False)]
        active: set[Path] = set()
        while stack:
            path, expanded = stack.pop()
            if expanded:
                active.discard(path)
                if path not in done:
                    done.add(path)
                    out.append(path)
                continue
            if path in done or path in active:
                continue
            active.add(path)
            stack.append((path, True))
            for child, _ in reversed(tree.edges.get(path, [])):
                if child in tree.edges and child not in done and child not in active:
                    stack.append((child, False))
    return [path for path in out if path in tree.edges]


def child_shares(tree: Tree, path: Path, plan: Plan) -> dict[str, list[UnitShare]]:
    """For each target of `path` that children contribute to: each child's figure, in found order."""
    targets: dict[str, Target] = {t.id: t for _, t in plan.targets()}
    shares: dict[str, list[UnitShare]] = {}
    for child, contribution in tree.edges.get(path, []):
        target = targets.get(contribution.parent_target)
        if target is None:
            continue
        node = tree.nodes[child]
        record = node.figures.get(contribution.target)
        counted = record is not None and contribution.measure == target.measure and addable(target, record)
        shares.setdefault(target.id, []).append(UnitShare(node.name, record, counted, plan=node.name))
    return shares


def roll_up(tree: Tree, start: Path | None = None, *, plan_of: dict[Path, tuple[Plan, Results]] | None = None) -> Tree:
    """Pass 2: every plan children contribute to (under `start`, or all) tracked with their figures.

    `plan_of`: plans already read (the one named on the command line), not read again.
    """
    nodes = dict(tree.nodes)
    current = replace(tree, nodes=nodes)
    for path in post_order(tree, start):
        read = (plan_of or {}).get(path) or read_tracked(path, current.within.get(path))
        if isinstance(read, dict):
            continue  # it read in pass 1: changed since; its row keeps what pass 1 saw
        plan, results = read
        statuses = track(plan, results, tree.as_of, child_shares(current, path, plan))
        nodes[path] = replace(summarise(path, plan, statuses), name=nodes[path].name)
    return current


def names(tree: Tree) -> dict[str, str]:
    """Each plan's name as a child in a parent's matrix: its issuer, and its path when two share one."""
    by_issuer: dict[str, int] = {}
    for node in tree.nodes.values():
        by_issuer[node.issuer] = by_issuer.get(node.issuer, 0) + 1
    return {
        node.name: node.issuer if node.issuer and by_issuer[node.issuer] == 1 else f"{node.issuer} ({node.name})"
        for node in tree.nodes.values()
    }


def read_tree(paths: Sequence[Path], as_of: date, *, jobs: int | None = None) -> Tree:
    """`thidua track DIR`: every plan under the folders (or files) named, linked and rolled up, with
    the figures of child plans elsewhere in the repository (as `track PLAN` adds them)."""
    from thidua.workspace import find

    found = find(paths)
    asked = {key(path) for path in found.files}
    within = dict(found.within)
    extra: list[Path] = []
    for root in dict.fromkeys(search_root(path) for path in paths):
        elsewhere = find([root])
        for path in elsewhere.files:
            if key(path) not in asked and _may_contribute(path, elsewhere.within.get(path)):
                extra.append(path)
                asked.add(key(path))
                within[path] = elsewhere.within[path]
    nodes = scan_all([*found.files, *extra], as_of, within, jobs=jobs)
    tree = roll_up(link(nodes, as_of, within))
    return replace(tree, shown=frozenset(key(path) for path in found.files))


def children_of(
    plan_file: Path, plan: Plan, results: Results, as_of: date, *, jobs: int | None = None
) -> tuple[dict[str, list[UnitShare]], dict[str, str]]:
    """`thidua track PLAN`: the figures its child plans in the repository contribute to its targets,
    by target id, and the children's names. Only plans that say `contributes:` are read."""
    tree = child_tree(plan_file, plan, results, as_of, jobs=jobs)
    if tree is None:
        return {}, {}
    return child_shares(tree, key(plan_file), plan), names(tree)


def child_tree(plan_file: Path, plan: Plan, results: Results, as_of: date, *, jobs: int | None = None) -> Tree | None:
    """The plans of the repository that contribute to PLAN (at any depth), rolled up on `as_of`;
    None when none does."""
    from thidua.workspace import find

    me = key(plan_file)
    found = find([search_root(plan_file)])
    candidates = [p for p in found.files if key(p) != me and _may_contribute(p, found.within.get(p))]
    if not candidates:
        return None
    nodes = scan_all(candidates, as_of, found.within, jobs=jobs)
    tree = link([*nodes, summarise(plan_file, plan, track(plan, results, as_of))], as_of, found.within)
    if me not in tree.edges:
        return None
    return roll_up(tree, me, plan_of={me: (plan, results)})


def child_trees(plan_file: Path, plan: Plan, results: Results) -> Callable[[date], Tree | None]:
    """`child_tree` on any date, each date's tree read once."""
    trees: dict[date, Tree | None] = {}

    def at(day: date) -> Tree | None:
        if day not in trees:
            trees[day] = child_tree(plan_file, plan, results, day)
        return trees[day]

    return at


def search_root(plan_file: Path) -> Path:
    """Where a plan's children are looked for: its repository (the git root or the folder of the
    nearest pyproject.toml); outside one, the working folder when the plan is in it, else its folder."""
    from thidua.files import repository_of

    found = repository_of(plan_file)
    if found is not None:
        return found
    here, me = key(Path.cwd()), key(plan_file)
    return here if here in me.parents else me.parent


def _may_contribute(path: Path, within: Path | None) -> bool:
    """Whether a plan found in the repository may contribute to another: read as check reads a plan
    found in a folder (a regular file inside the repository, bounded), else it is not a child."""
    from thidua.files import InputRefused, InputTooLarge, read_input
    from thidua.plan.loader import MAX_BYTES

    try:
        return CONTRIBUTES in read_input(path, MAX_BYTES, named=False, within=within)
    except (InputRefused, InputTooLarge, OSError):
        return False
