"""RF: references to other documents are consistent with them and with the plan."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from thidua.check.rule import PlanContext, Rule
from thidua.findings import Problem, Severity
from thidua.plan.model import Plan, Reference

E = Severity.error


def _linked(ctx: PlanContext) -> Iterator[tuple[int, Reference, Plan | None]]:
    for index, reference in enumerate(ctx.plan.references):
        if reference.plan:
            yield index, reference, ctx.open_plan(Path(os.path.normpath(ctx.file.parent / reference.plan)))


def _same_number(a: str | None, b: str | None) -> bool:
    if a and b and a.isdigit() and b.isdigit():
        return int(a) == int(b)
    return a == b


def check_linked_exists(ctx: PlanContext) -> Iterator[Problem]:
    for index, reference, linked in _linked(ctx):
        if linked is None:
            yield Problem({"path": reference.plan}, loc=("references", index, "plan"))


def check_linked_number(ctx: PlanContext) -> Iterator[Problem]:
    for index, reference, linked in _linked(ctx):
        if linked is None:
            continue
        written = f"{reference.number or ''}/{reference.ky_hieu or ''}"
        actual = f"{linked.document.number or ''}/{linked.ky_hieu}"
        if not (
            _same_number(reference.number, linked.document.number)
            and (reference.ky_hieu or linked.ky_hieu) == linked.ky_hieu
        ):
            yield Problem(
                {"written": written, "actual": actual, "path": reference.plan},
                loc=("references", index, "number"),
            )


def check_linked_date(ctx: PlanContext) -> Iterator[Problem]:
    for index, reference, linked in _linked(ctx):
        if linked is not None and reference.date != linked.document.date:
            yield Problem(
                {
                    "written": reference.date.isoformat() if reference.date else "—",
                    "actual": linked.document.date.isoformat() if linked.document.date else "—",
                    "path": reference.plan,
                },
                loc=("references", index, "date"),
            )


def check_reference_before_plan(ctx: PlanContext) -> Iterator[Problem]:
    issued = ctx.plan.document.date
    for index, reference in enumerate(ctx.plan.references):
        if issued and reference.date and reference.date > issued:
            yield Problem(
                {"date": reference.date.isoformat(), "issued": issued.isoformat()},
                loc=("references", index, "date"),
            )


def check_contributes_exists(ctx: PlanContext) -> Iterator[Problem]:
    """A target contributing to a parent target that no linked plan has."""
    contributing = [(loc, t) for loc, t in ctx.plan.targets() if t.contributes]
    if not contributing:
        return
    parents = [linked for _, _, linked in _linked(ctx) if linked is not None]
    known = {t.id for parent in parents for _, t in parent.targets()}
    named = ", ".join(r.plan for r in ctx.plan.references if r.plan)
    linked = named or {
        "vi": "chưa dẫn chiếu tệp kế hoạch cấp trên nào trong references[].plan",
        "en": "none is linked in references[].plan",
    }
    for loc, target in contributing:
        if target.contributes not in known:
            yield Problem({"id": target.id, "parent": target.contributes, "plans": linked}, loc=(*loc, "contributes"))


def check_contributes_measure(ctx: PlanContext) -> Iterator[Problem]:
    """A target contributing with another measure than its parent target's, or one that cannot add up."""
    contributing = [(loc, t) for loc, t in ctx.plan.targets() if t.contributes]
    if not contributing:
        return
    parents: dict[str, str] = {}
    for _, _, linked in _linked(ctx):
        for _, t in linked.targets() if linked is not None else ():
            parents.setdefault(t.id, t.measure)
    for loc, target in contributing:
        theirs = parents.get(target.contributes or "")
        addable = target.measure in ("count", "percent") and not target.per_unit
        if theirs is not None and (theirs != target.measure or not addable):
            yield Problem(
                {
                    "id": target.id,
                    "measure": target.measure + (", per_unit" if target.per_unit else ""),
                    "parent": target.contributes,
                    "theirs": theirs,
                },
                loc=(*loc, "measure"),
            )


_REF = "references:\n  - number: 63\n    ky_hieu: KH-LĐLĐ\n    date: {date}\n    plan: ../../ldld-ha-noi/2021/thi-dua-2021.yaml\n"

_CONTRIBUTING = (
    "sections:\n  - kind: targets\n    title: CHỈ TIÊU\n    items:\n      - target:\n          id: doan-vien-quan\n"
    "          text: Kết nạp 500 đoàn viên mới.\n          measure: {measure}\n          goal: {goal}\n"
    "          contributes: {parent}\n"
)

RULES = (
    Rule(
        "RF01",
        "reference.missing-plan",
        E,
        check=check_linked_exists,
        summary={"vi": "Không tìm thấy tệp kế hoạch được dẫn chiếu", "en": "The referenced plan file is missing"},
        message={
            "vi": "không tìm thấy hoặc không đọc được kế hoạch được dẫn chiếu '{path}'",
            "en": "the referenced plan '{path}' is missing or cannot be read",
        },
        why={
            "vi": "Khi kế hoạch cấp trên nằm trong cùng kho, đường dẫn giúp kiểm tra số và ngày dẫn "
            "chiếu; đường dẫn hỏng thường do đổi tên hay chuyển thư mục.",
            "en": "When the parent plan is in the same repository, the link lets thidua check the "
            "cited number and date; a broken link usually follows a rename or move.",
        },
        bad=_REF.format(date="2020-12-31").replace("2021/thi", "2020/thi"),
        good=_REF.format(date="2020-12-31"),
    ),
    Rule(
        "RF02",
        "reference.number-mismatch",
        E,
        check=check_linked_number,
        summary={
            "vi": "Số ký hiệu dẫn chiếu khác với kế hoạch được dẫn",
            "en": "The cited number differs from the plan's",
        },
        message={
            "vi": "dẫn chiếu số {written} nhưng kế hoạch '{path}' có số {actual}",
            "en": "cites number {written} but the plan '{path}' is number {actual}",
        },
        why={
            "vi": "Dẫn sai số văn bản cấp trên là lỗi hay gặp khi sao chép kế hoạch năm trước.",
            "en": "Citing the parent plan with a wrong number is a common leftover of copying last year's plan.",
        },
        bad=_REF.format(date="2020-12-31").replace("number: 63", "number: 36"),
        good=_REF.format(date="2020-12-31"),
    ),
    Rule(
        "RF03",
        "reference.date-mismatch",
        E,
        check=check_linked_date,
        summary={
            "vi": "Ngày dẫn chiếu khác với ngày của kế hoạch được dẫn",
            "en": "The cited date differs from the plan's",
        },
        message={
            "vi": "dẫn chiếu ngày {written} nhưng kế hoạch '{path}' ban hành ngày {actual}",
            "en": "cites the date {written} but the plan '{path}' was issued on {actual}",
        },
        why={
            "vi": "Ngày dẫn chiếu phải đúng ngày ban hành của văn bản được dẫn.",
            "en": "A cited date must be the issue date of the document cited.",
        },
        bad=_REF.format(date="2020-12-30"),
        good=_REF.format(date="2020-12-31"),
    ),
    Rule(
        "RF04",
        "reference.after-plan",
        E,
        check=check_reference_before_plan,
        summary={
            "vi": "Văn bản được dẫn chiếu ban hành sau kế hoạch",
            "en": "A cited document is dated after the plan",
        },
        message={
            "vi": "văn bản được dẫn chiếu ban hành ngày {date}, sau ngày ban hành kế hoạch {issued}",
            "en": "the cited document is dated {date}, after this plan's issue date {issued}",
        },
        why={
            "vi": "Kế hoạch chỉ có thể thực hiện những văn bản đã ban hành trước nó; ngày sau là nhầm "
            "năm ở một trong hai nơi.",
            "en": "A plan can only implement documents issued before it; a later date means a wrong "
            "year in one of the two places.",
        },
        bad="document:\n  date: 2021-01-15\n" + _REF.format(date="2021-12-31"),
        good="document:\n  date: 2021-01-15\n" + _REF.format(date="2020-12-31"),
    ),
    Rule(
        "RF05",
        "reference.contributes-missing",
        E,
        check=check_contributes_exists,
        summary={
            "vi": "Chỉ tiêu đóng góp vào một chỉ tiêu không có trong kế hoạch cấp trên",
            "en": "A target contributes to a target the parent plan does not have",
        },
        message={
            "vi": "chỉ tiêu '{id}' đóng góp vào '{parent}', nhưng kế hoạch cấp trên ({plans}) không có chỉ tiêu này",
            "en": "the target '{id}' contributes to '{parent}', but the parent plan ({plans}) has no such target",
        },
        why={
            "vi": "`contributes` cộng số liệu của chỉ tiêu này vào chỉ tiêu cùng tên của kế hoạch cấp trên "
            "(references[].plan); tên sai hoặc không dẫn chiếu kế hoạch cấp trên thì số liệu không được "
            "cộng và cấp trên thiếu phần của đơn vị.",
            "en": "`contributes` adds this target's figure into the parent plan's target of that id "
            "(references[].plan); a wrong id, or no linked parent plan, leaves the figure out and the "
            "parent's total short.",
        },
        bad=_REF.format(date="2020-12-31") + _CONTRIBUTING.format(parent="doan-vien", measure="count", goal=500),
        good=_REF.format(date="2020-12-31") + _CONTRIBUTING.format(parent="doan-vien-moi", measure="count", goal=500),
    ),
    Rule(
        "RF06",
        "reference.contributes-measure",
        E,
        check=check_contributes_measure,
        summary={
            "vi": "Chỉ tiêu đóng góp khác loại với chỉ tiêu của kế hoạch cấp trên",
            "en": "A contributing target's measure differs from the parent target's",
        },
        message={
            "vi": "chỉ tiêu '{id}' ({measure}) không cộng được vào '{parent}' ({theirs}) của kế hoạch cấp trên",
            "en": "the target '{id}' ({measure}) cannot add into the parent plan's '{parent}' ({theirs})",
        },
        why={
            "vi": "Chỉ cộng được số lượng vào số lượng, tỷ lệ (có of) vào tỷ lệ; tỷ lệ tăng trưởng, "
            "có/không và chỉ tiêu giao từng đơn vị không cộng lên cấp trên được.",
            "en": "Only a count adds into a count and a percent (with of) into a percent; growth, yes/no "
            "and per-unit targets do not add up into a parent's.",
        },
        bad=_REF.format(date="2020-12-31") + _CONTRIBUTING.format(parent="doan-vien-moi", measure="percent", goal=90),
        good=_REF.format(date="2020-12-31") + _CONTRIBUTING.format(parent="doan-vien-moi", measure="count", goal=500),
    ),
)
