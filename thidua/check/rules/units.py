"""UN: units named by items and targets are declared once in `units`."""

from __future__ import annotations

from collections.abc import Iterator

from thidua.check.rule import PlanContext, Rule, closest
from thidua.findings import Loc, Problem, Severity
from thidua.plan.model import BlockItem

E = Severity.error


def check_unknown_unit(ctx: PlanContext) -> Iterator[Problem]:
    known = [unit.id for unit in ctx.plan.units]

    def problem(unit_id: str, loc: Loc) -> Problem:
        return Problem({"id": unit_id, "suggestion": closest(unit_id, known)}, loc=loc)

    for loc, item in ctx.plan.walk_items():
        if isinstance(item, BlockItem) and item.unit is not None and item.unit not in known:
            yield problem(item.unit, (*loc, "unit"))
    for loc, target in ctx.plan.targets():
        for index, unit_id in enumerate(target.units or []):
            if unit_id not in known:
                yield problem(unit_id, (*loc, "units", index))


def check_duplicate_unit(ctx: PlanContext) -> Iterator[Problem]:
    seen: set[str] = set()
    for index, unit in enumerate(ctx.plan.units):
        if unit.id in seen:
            yield Problem({"id": unit.id}, loc=("units", index, "id"))
        seen.add(unit.id)


RULES = (
    Rule(
        "UN01",
        "unit.unknown",
        E,
        check=check_unknown_unit,
        summary={"vi": "Đơn vị chưa được khai báo", "en": "A unit that is not declared"},
        message={"vi": "đơn vị '{id}' chưa được khai báo trong units", "en": "unit '{id}' is not declared in units"},
        hint={"vi": " — có phải ý bạn là '{suggestion}'?", "en": " — did you mean '{suggestion}'?"},
        why={
            "vi": "Nhiệm vụ và chỉ tiêu giao cho đơn vị được theo dõi theo mã đơn vị; mã gõ sai sẽ "
            "làm mất kết quả của đơn vị đó.",
            "en": "Work and targets assigned to units are tracked by unit id; a misspelt id loses that unit's results.",
        },
        bad="units:\n  - {id: ldld-tinh, name: Liên đoàn Lao động tỉnh}\n# …\n  - title: Liên đoàn Lao động tỉnh.\n    unit: ldld-tinhh\n",
        good="units:\n  - {id: ldld-tinh, name: Liên đoàn Lao động tỉnh}\n# …\n  - title: Liên đoàn Lao động tỉnh.\n    unit: ldld-tinh\n",
    ),
    Rule(
        "UN02",
        "unit.duplicate",
        E,
        check=check_duplicate_unit,
        summary={"vi": "Hai đơn vị trùng mã", "en": "Two units share an id"},
        message={"vi": "mã đơn vị '{id}' bị khai báo hai lần", "en": "unit id '{id}' is declared twice"},
        why={
            "vi": "Mỗi đơn vị có một mã riêng để kết quả không bị gán nhầm.",
            "en": "Each unit has its own id so that results are not attributed to the wrong one.",
        },
        bad="units:\n  - {id: cdcs, name: Công đoàn cơ sở}\n  - {id: cdcs, name: Công đoàn cơ sở trường học}\n",
        good="units:\n  - {id: cdcs, name: Công đoàn cơ sở}\n  - {id: cdcs-truong-hoc, name: Công đoàn cơ sở trường học}\n",
    ),
)
