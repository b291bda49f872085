"""The results file: what units reported against a plan's targets, one record per report.

A plan `x.yaml` keeps its results beside it in `x.results.yaml` (an issued plan does not change;
its results do). This module holds the typed model of that file (the source of its JSON Schema),
where it lives, and how a record reads back in words ("trên 90% CNVCLĐ").
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Any

from pydantic import ConfigDict, Field, PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from thidua.plan.model import ID_PATTERN, Award, IsoDate, Signature, Target, _Model, default_signature
from thidua.text.figures import Qualifier, format_money, format_number, with_qualifier
from thidua.text.formatting import short_date

RESULTS_SUFFIX = ".results"  # x.yaml -> x.results.yaml


def _value(value: Any) -> bool | int | float:
    if isinstance(value, bool | int | float):
        return value
    raise PydanticCustomError("value_type", "expected a number or true/false")


Value = Annotated[
    bool | int | float,
    PlainValidator(_value),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "boolean"}]}),
]


class Record(_Model):
    """One figure a unit or the union reported for one target on one date."""

    target: str = Field(pattern=ID_PATTERN, description="The id of a target (chỉ tiêu) of the plan.")
    date: IsoDate = Field(description="The date the figure stands at, YYYY-MM-DD (a year's figure: 31/12).")
    value: Value = Field(
        description="The figure: a percent (0–100) or, with `of`, how many of them; a count; true/false."
    )
    qualifier: Qualifier | None = Field(
        None, description="For approximate figures: trên, hơn (more than), gần (a little less), khoảng (about)."
    )
    of: int | None = Field(
        None,
        ge=1,
        description="For a percent target: the population size (e.g. 120 công đoàn cơ sở); a unit's record "
        "on a percent target with from_units needs it (the units' shares combine as Σ value / Σ of).",
    )
    unit: str | None = Field(
        None,
        pattern=ID_PATTERN,
        description="The unit's id, for a per-unit target or a plan-wide one reached by its units' figures "
        "(from_units).",
    )
    amount: int | float | None = Field(None, ge=0, description="A money value that goes with it, in đồng.")
    amount_qualifier: Qualifier | None = Field(None, description="The qualifier of the amount ('gần 6 tỷ đồng').")
    source: str | None = Field(None, description="The report it comes from: Báo cáo số 12/BC-LĐLĐ ngày 05/7/2021.")
    note: str | None = Field(
        None, description="A remark on the figure; the results report prints it in italics under the figure."
    )


class ReportSettings(_Model):
    """What the results report (thidua report) says beyond the figures: who it is sent to and who signs
    it (`report`'s options override them), and its narrative parts, each kept as written."""

    recipients: list[str] = Field(
        default_factory=list,
        description="Nơi nhận of the report, as a plan's: without the leading '- ' and the final ';'. "
        "A 'Lưu: …' line goes last; without one the report adds 'Lưu: VT'.",
    )
    signature: Signature = Field(
        default_factory=default_signature,
        description="Who signs the report; each part given replaces the plan's (a deputy's KT. CHỦ TỊCH).",
    )
    highlights: list[str] = Field(
        default_factory=list, description="Kết quả nổi bật: paragraphs printed under ĐÁNH GIÁ CHUNG, as written."
    )
    shortcomings: list[str] = Field(
        default_factory=list, description="Tồn tại, hạn chế: paragraphs printed under ĐÁNH GIÁ CHUNG, as written."
    )
    causes: list[str] = Field(
        default_factory=list, description="Nguyên nhân: paragraphs printed under ĐÁNH GIÁ CHUNG, as written."
    )
    directions: list[str] = Field(
        default_factory=list, description="Phương hướng, nhiệm vụ: paragraphs of their own part, as written."
    )
    requests: list[str] = Field(
        default_factory=list, description="Kiến nghị, đề xuất: paragraphs of their own part, as written."
    )
    awards: list[Award] = Field(
        default_factory=list,
        description="Commendation criteria decided after the plan (a hướng dẫn xét khen thưởng), as a plan's "
        "award items: `thidua awards` and `thidua report` apply them after the plan's own.",
    )


def default_report() -> ReportSettings:
    """ReportSettings() without building its validator (as model.default_signature)."""
    return ReportSettings.model_construct()


class Results(_Model):
    """The results recorded against one plan."""

    model_config = ConfigDict(title="thidua results", extra="forbid", strict=True, frozen=True, defer_build=True)

    results: list[Record] = Field(default_factory=list)
    report: ReportSettings = Field(default_factory=default_report)


def results_path(plan_file: Path) -> Path:
    """`campaigns/x/2021/plan.yaml` -> `campaigns/x/2021/plan.results.yaml`."""
    return plan_file.with_name(plan_file.stem + RESULTS_SUFFIX + plan_file.suffix)


def plan_path(results_file: Path) -> Path:
    """The plan a results file belongs to (the inverse of `results_path`)."""
    stem = results_file.stem
    if stem.endswith(RESULTS_SUFFIX):
        stem = stem[: -len(RESULTS_SUFFIX)]
    return results_file.with_name(stem + results_file.suffix)


def is_results_file(path: Path) -> bool:
    return path.stem.endswith(RESULTS_SUFFIX) and path.suffix.lower() in (".yaml", ".yml")


def percent_of(record: Record) -> float | None:
    """The record's figure as a percent: the value itself, or value/of."""
    if isinstance(record.value, bool):
        return None
    if record.of:
        return record.value / record.of * 100
    return float(record.value)


def phrase(record: Record, target: Target) -> str:
    """The figure in the words of a report: 'trên 90% CNVCLĐ', '77 công trình … trị giá gần 6 tỷ đồng'."""
    noun = f" {target.population}" if target.population else ""
    value = record.value
    if isinstance(value, bool):
        text = "đã thực hiện" if value else "chưa thực hiện"
    elif target.measure == "percent" and record.of:
        share = format_number(value / record.of * 100)
        text = f"{with_qualifier(record.qualifier, format_number(value))}/{format_number(record.of)}{noun} ({share}%)"
    elif target.measure == "percent":
        text = with_qualifier(record.qualifier, f"{format_number(value)}%") + noun
    else:
        text = with_qualifier(record.qualifier, format_number(value)) + noun
    if record.amount is not None:
        text += " trị giá " + with_qualifier(record.amount_qualifier, format_money(record.amount))
    return text


def goal_phrase(target: Target) -> str:
    """The goal in words: '100% công đoàn cơ sở', '1 mô hình điểm', 'tăng 10%/năm', 'thực hiện'."""
    goal = target.goal
    noun = f" {target.population}" if target.population else ""
    if isinstance(goal, bool) or target.measure == "yes_no":
        return "thực hiện" if goal else "không thực hiện"
    if target.measure == "percent":
        return f"{format_number(goal)}%{noun}"
    if target.measure == "growth":
        return f"tăng {format_number(goal)}%/năm"
    return f"{format_number(goal)}{noun}"


def baseline_phrase(target: Target) -> str:
    """The starting figure in words, as `goal_phrase` writes the goal: '1.070.000 đoàn viên', '60%'."""
    if target.baseline is None:
        return ""
    value = format_number(target.baseline.value)
    noun = f" {target.population}" if target.population else ""
    return f"{value}%{noun}" if target.measure == "percent" else f"{value}{noun}"


def baseline_words(target: Target) -> str:
    """The starting figure as a report writes it after the goal: 'từ 1.070.000 đoàn viên ngày 31/12/2020'."""
    if target.baseline is None:
        return ""
    when = f" ngày {short_date(target.baseline.date)}" if target.baseline.date else ""
    return f"từ {baseline_phrase(target)}{when}"


def record_key(record: Record) -> tuple[str, str | None, date]:
    """Two records with the same key say two different things about the same figure."""
    return (record.target, record.unit, record.date)
