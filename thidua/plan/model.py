"""The plan file: one typed model of a Kế hoạch, the source of the JSON Schema."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime
from functools import cached_property
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    PlainValidator,
    Tag,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from thidua.findings import Loc
from thidua.text.kyhieu import split_cited

# A path into the plan data, e.g. ("sections", 1, "items", 0, "target", "goal").


# The years a plan's dates may have: every campaign there is, with room for date arithmetic
# (a year before the period, a day after a phase) that years 1 and 9999 would overflow.
FIRST_YEAR, LAST_YEAR = 1900, 2999


def _iso_date(value: Any) -> date:
    """A calendar date: YYYY-MM-DD (the loader already made valid ones `date`s), in FIRST_YEAR–LAST_YEAR.

    Numbers (pydantic would read Unix timestamps) and times of day are refused.
    """
    if isinstance(value, str) and re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", value):
        try:
            value = date.fromisoformat(value)
        except ValueError:
            raise PydanticCustomError("date_invalid", "no such day", {"reason": "no-such-day"}) from None
    if isinstance(value, date) and not isinstance(value, datetime):
        if not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise PydanticCustomError(
                "date_invalid", "year out of range", {"reason": "date-range", "first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return value
    raise PydanticCustomError("date_invalid", "expected YYYY-MM-DD", {"reason": "form"})


IsoDate = Annotated[date, PlainValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"


class _Model(BaseModel):
    # defer_build: a model's validator is built when it first validates, not at import; `thidua --help`,
    # the rule list and a YAML error pay nothing, and a check builds Plan's once (with the models inside).
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


# --------------------------------------------------------------------------- identity


class Issuer(_Model):
    """The body that issues the plan, as printed in the left header column."""

    parent: str | None = Field(
        None,
        description="Cơ quan chủ quản, in hoa, e.g. TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM "
        "(left empty for a one-level header).",
    )
    name: str = Field(description="Cơ quan ban hành, in hoa, e.g. LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ.")
    abbreviation: str | None = Field(None, description="Chữ viết tắt of the issuer used in the ký hiệu, e.g. LĐLĐ.")


def _number(value: Any) -> str | None:
    """Accept a document number written as 58, "58" or "06"; keep it as text."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise PydanticCustomError("number_type", "expected a number")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return value
    raise PydanticCustomError("number_type", "expected a number")


DocNumber = Annotated[
    str | None,
    PlainValidator(_number),
    WithJsonSchema({"anyOf": [{"type": "integer"}, {"type": "string"}, {"type": "null"}]}),
]


class Identity(_Model):
    """The document's identity: số ký hiệu, place and date, title (trích yếu)."""

    type: str = Field("KH", description="Loại văn bản, by its ND30 abbreviation: KH = Kế hoạch.")
    number: DocNumber = Field(None, description="Số, e.g. 58. Empty until the văn thư assigns it.")
    ky_hieu: str | None = Field(
        None, description="Ký hiệu after the slash, e.g. KH-LĐLĐ (default: <type>-<issuer abbreviation>)."
    )
    place: str | None = Field(None, description="Địa danh, e.g. Quảng Trị.")
    date: IsoDate | None = Field(None, description="Ngày ban hành, YYYY-MM-DD. Empty until issued.")
    title: str = Field(description="Trích yếu: the plan's subject, in normal case.")


# regular: thi đua thường xuyên; thematic: thi đua theo chuyên đề (Luật Thi đua, khen thưởng 2022)
CampaignKind = Literal["regular", "thematic"]


class Period(_Model):
    start: IsoDate | None = None
    end: IsoDate | None = None


class Campaign(_Model):
    kind: CampaignKind = Field("regular", description="regular (thường xuyên) or thematic (theo chuyên đề).")
    period: Period | None = Field(None, description="The campaign's period, e.g. 2021-01-01 to 2021-12-31.")


class Reference(_Model):
    """A document the plan implements or is based on (Thực hiện / Căn cứ …)."""

    verb: str = Field("Thực hiện", description="How the plan relates to it: Thực hiện, Căn cứ, …")
    type: str = Field("KH", description="Its document type abbreviation (KH, NQ, CT, …).")
    number: DocNumber = Field(None, description="Số, e.g. 63; a Party document's may be written whole, e.g. 29-NQ/TW.")
    ky_hieu: str | None = Field(
        None,
        description="Ký hiệu, e.g. KH-LĐLĐ, 2017/NĐ-CP; a Party body's, e.g. NQ/TW or CT/TU, prints as 29-NQ/TW.",
    )
    date: IsoDate | None = None
    issuer: str | None = Field(None, description="Who issued it, as written after 'của'.")
    subject: str | None = Field(None, description="What it is about, as written after 'về'.")
    plan: str | None = Field(
        None, description="Path (relative to this file) of the referenced plan when it is in the repository."
    )
    text: str | None = Field(
        None, description="The sentence exactly as the plan writes it; composed from the fields when empty."
    )

    @property
    def number_and_ky_hieu(self) -> tuple[str | None, str | None]:
        """As cited: a Party document's `number: 29-NQ/TW` written whole is ("29", "NQ/TW")."""
        return split_cited(self.number, self.ky_hieu)


# --------------------------------------------------------------------------- targets, phases


# percent: a share of a population (0–100); count: a number of things;
# growth: a growth rate in percent per year; yes_no: done or not.
Measure = Literal["percent", "count", "growth", "yes_no"]


def _goal(value: Any) -> bool | int | float:
    if isinstance(value, bool | int | float):
        return value
    raise PydanticCustomError("goal_type", "expected a number or true/false")


Goal = Annotated[
    bool | int | float,
    PlainValidator(_goal),
    WithJsonSchema({"anyOf": [{"type": "number"}, {"type": "boolean"}]}),
]


def _baseline_value(value: Any) -> int | float:
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    raise PydanticCustomError("number_type", "expected a number")


BaselineValue = Annotated[int | float, PlainValidator(_baseline_value), WithJsonSchema({"type": "number"})]


class Baseline(_Model):
    """Where a count or percent target starts: the figure the union already has (mốc xuất phát)."""

    value: BaselineValue = Field(
        description="The figure at the start, in the target's measure: a count, or a percent (0–100)."
    )
    date: IsoDate | None = Field(
        None, description="The date the figure stands at, YYYY-MM-DD; the start of the period when empty."
    )


CONTRIBUTES = (
    "Roll-up: the id of the target of the parent plan (the plan this one links to in references[].plan) "
    "that this target's figure adds into: `thidua track PARENT` sums its children's figures (count: the "
    "sum; percent: Σ value / Σ of) into that target. Same measure as the parent's; count or percent."
)

FROM_UNITS = (
    "A plan-wide target reached by its units' figures ('toàn tỉnh kết nạp 5.000 đoàn viên'): results name "
    "their unit, and the plan-wide figure is made of each counted unit's latest figure on or before the "
    "date: a count is their sum; a percent is Σ value / Σ of (each unit records how many of how many, "
    "value and of). The units counted are the target's units, else the plan's; a unit with no figure yet "
    "is shown as missing. Not with per_unit (each unit's own goal), growth or yes_no."
)


class AlsoTarget(_Model):
    """A further chỉ tiêu written in the same sentence as its target: the text is printed once."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, lowercase with hyphens.")
    text: str | None = Field(
        None, description="The part of the sentence it is (for track and reports); the whole sentence when empty."
    )
    measure: Measure
    goal: Goal = Field(description="The goal: a percent (0–100), a count, %/year, or true.")
    population: str | None = Field(
        None, description="Who or what is measured: the population of a percent, the thing counted."
    )
    due: IsoDate | None = Field(None, description="Due date; the end of the period when empty.")
    per_unit: bool = Field(False, description="The goal applies to each unit separately.")
    units: list[str] | None = Field(None, description="Ids of the units it applies to (default: all).")
    from_units: bool = Field(False, description=FROM_UNITS)
    baseline: Baseline | None = Field(None, description="Count and percent targets: the figure it starts from.")
    contributes: str | None = Field(None, pattern=ID_PATTERN, description=CONTRIBUTES)


class Target(_Model):
    """A chỉ tiêu: a promise that `track` can later hold against results."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, lowercase with hyphens.")
    text: str = Field(description="The sentence as the plan writes it.")
    measure: Measure
    goal: Goal = Field(description="The goal: a percent (0–100), a count, %/year, or true.")
    population: str | None = Field(
        None, description="Who or what is measured: the population of a percent, the thing counted."
    )
    due: IsoDate | None = Field(None, description="Due date; the end of the period when empty.")
    per_unit: bool = Field(False, description="The goal applies to each unit separately.")
    units: list[str] | None = Field(None, description="Ids of the units it applies to (default: all).")
    from_units: bool = Field(False, description=FROM_UNITS)
    baseline: Baseline | None = Field(
        None,
        description="Count and percent targets: the figure it starts from; progress is measured from it "
        "(a growth target's baseline is the results' figure for the year before).",
    )
    contributes: str | None = Field(None, pattern=ID_PATTERN, description=CONTRIBUTES)
    also: list[AlsoTarget] = Field(
        default_factory=list,
        description="Further targets written in the same sentence ('… đạt X đoàn viên; 100% doanh nghiệp "
        "…'): the sentence is printed once, each target is tracked under its own id.",
    )

    def also_targets(self) -> list[Target]:
        """The further targets of the sentence, each a whole Target (its text: its part, or the sentence)."""
        out = []
        for also in self.also:
            fields = {name: getattr(also, name) for name in AlsoTarget.model_fields}
            fields["text"] = also.text or self.text
            out.append(Target.model_construct(**fields, also=[]))
        return out


class Phase(_Model):
    """An đợt thi đua."""

    name: str = Field(description="e.g. Đợt 1")
    start: IsoDate | None = None
    end: IsoDate | None = None
    when: str | None = Field(
        None, description="The time as written ('Từ nay đến 30/6/2021'); composed from the dates when empty."
    )
    theme: str | None = Field(None, description="The phase's theme, without quotes.")
    text: str | None = None


# --------------------------------------------------------------------------- items


# roman: I. II. · arabic: 1. 2. · decimal: 2.1. 2.2. under the parent's number ·
# alpha: a) b) … in Vietnamese alphabet order · dash: - · plus: + · none: plain paragraphs
Numbering = Literal["roman", "arabic", "decimal", "alpha", "dash", "plus", "none"]


class BlockItem(_Model):
    """A numbered item: a heading (`title`) or a sentence (`text`), with sub-items."""

    title: str | None = Field(None, description="A heading item, printed bold.")
    text: str | None = Field(None, description="A sentence item.")
    unit: str | None = Field(None, description="Id of the unit this item is about (responsibilities).")
    numbering: Numbering = Field("dash", description="How the sub-items are numbered.")
    items: list[Item] = Field(default_factory=list)

    @model_validator(mode="after")
    def _title_or_text(self) -> BlockItem:
        if (self.title is None) == (self.text is None):
            raise PydanticCustomError("title_or_text", "an item needs exactly one of title or text")
        return self


class ParagraphItem(_Model):
    """An unnumbered paragraph inside a list (it does not advance the numbering)."""

    paragraph: str


class ThemeItem(_Model):
    """The campaign's theme (chủ đề thi đua), written without quotes."""

    theme: str


class TargetItem(_Model):
    target: Target


class PhaseItem(_Model):
    phase: Phase


class Award(_Model):
    """A form of commendation (khen thưởng) and its criteria: `thidua awards` proposes the units and
    child plans that meet them from the results."""

    text: str = Field(description="The sentence as the plan writes it (printed as an item).")
    title: str = Field(description="The form of commendation: Cờ thi đua, Bằng khen của …, Giấy khen …")
    targets: list[str] | None = Field(
        None,
        description="Ids of the plan's targets to be met: a per-unit target by the unit itself, a target child "
        "plans contribute to by the child's own target (default: every target).",
    )
    by: IsoDate | None = Field(None, description="Met on or before this date (default: the end of the period).")
    limit: int | None = Field(None, ge=1, description="How many the plan awards at most (01 Cờ thi đua).")


class AwardItem(_Model):
    award: Award


ITEM_KEYS = ("target", "phase", "theme", "paragraph", "award")


def _item_kind(value: Any) -> str | None:
    if isinstance(value, str):
        return "~text"
    if isinstance(value, dict):
        for key in ITEM_KEYS:
            if key in value:
                return "~" + key
        return "~block"
    if isinstance(value, BaseModel):  # already validated (model_copy, tests)
        return {
            TargetItem: "~target",
            PhaseItem: "~phase",
            AwardItem: "~award",
            ThemeItem: "~theme",
            ParagraphItem: "~paragraph",
            BlockItem: "~block",
        }.get(type(value))
    return None


# Tags start with "~" so that error locations can drop them (see validate.py).
Item = Annotated[
    Annotated[str, Tag("~text")]
    | Annotated[TargetItem, Tag("~target")]
    | Annotated[PhaseItem, Tag("~phase")]
    | Annotated[AwardItem, Tag("~award")]
    | Annotated[ThemeItem, Tag("~theme")]
    | Annotated[ParagraphItem, Tag("~paragraph")]
    | Annotated[BlockItem, Tag("~block")],
    Discriminator(_item_kind, custom_error_type="item_kind", custom_error_message="invalid item"),
]


# purpose: mục đích, yêu cầu · targets: mục tiêu, chỉ tiêu · content: nội dung thi đua ·
# phases: thời gian, các đợt · measures: giải pháp · awards: khen thưởng ·
# organisation: tổ chức thực hiện · other
SectionKind = Literal["purpose", "targets", "content", "phases", "measures", "awards", "organisation", "other"]


class Section(_Model):
    """A Roman-numbered part of the plan (I. MỤC ĐÍCH, YÊU CẦU …)."""

    kind: SectionKind
    title: str = Field(description="The title as printed, in capitals, without its number.")
    numbering: Numbering = Field("arabic", description="How the items are numbered.")
    items: list[Item] = Field(default_factory=list)


# --------------------------------------------------------------------------- closing


class Signature(_Model):
    authority: str | None = Field(None, description="Thẩm quyền ký: TM. BAN THƯỜNG VỤ, KT. CHỦ TỊCH, Q., TL., TUQ. …")
    title: str | None = Field(None, description="The signer's position, e.g. CHỦ TỊCH.")
    name: str | None = Field(None, description="The signer's name; empty until known.")


class Unit(_Model):
    id: str = Field(pattern=ID_PATTERN)
    name: str


# The defaults that are models are made as model_construct() makes them: the same value as Campaign()
# or Signature(), without building their validators when a file leaves them out (see compiled.py).
def default_campaign() -> Campaign:
    return Campaign.model_construct()


def default_signature() -> Signature:
    return Signature.model_construct()


class Plan(_Model):
    """A Kế hoạch phát động / tổ chức phong trào thi đua."""

    model_config = ConfigDict(title="thidua plan", extra="forbid", strict=True, frozen=True, defer_build=True)

    issuer: Issuer
    document: Identity
    campaign: Campaign = Field(default_factory=default_campaign)
    references: list[Reference] = Field(default_factory=list)
    opening: list[str] = Field(default_factory=list, description="Paragraphs after the references.")
    sections: list[Section] = Field(min_length=1)
    closing: str | None = Field(None, description="The closing sentence, usually ending with ./.")
    signature: Signature = Field(default_factory=default_signature)
    recipients: list[str] = Field(
        default_factory=list,
        description="Nơi nhận, without the leading '- ' and the final ';' (the last is 'Lưu: …').",
    )
    units: list[Unit] = Field(default_factory=list, description="Units the plan assigns work or targets to.")

    # ------------------------------------------------------------------ walking

    @cached_property
    def _items(self) -> tuple[tuple[Loc, Any], ...]:
        # The plan is frozen, so one walk serves every rule that asks.
        def walk(items: list[Any], base: Loc) -> Iterator[tuple[Loc, Any]]:
            for index, item in enumerate(items):
                path = (*base, index)
                yield path, item
                if isinstance(item, BlockItem):
                    yield from walk(item.items, (*path, "items"))

        return tuple(
            entry
            for s_index, section in enumerate(self.sections)
            for entry in walk(section.items, ("sections", s_index, "items"))
        )

    def walk_items(self) -> Iterator[tuple[Loc, Any]]:
        """Every item in document order with its path."""
        return iter(self._items)

    def targets(self) -> list[tuple[Loc, Target]]:
        """Every target in document order, a sentence's further targets (`also`) after its first."""
        out: list[tuple[Loc, Target]] = []
        for p, i in self._items:
            if isinstance(i, TargetItem):
                loc = (*p, "target")
                out.append((loc, i.target))
                if i.target.also:
                    out += [((*loc, "also", n), t) for n, t in enumerate(i.target.also_targets())]
        return out

    def awards(self) -> list[tuple[Loc, Award]]:
        return [((*p, "award"), i.award) for p, i in self._items if isinstance(i, AwardItem)]

    def phases(self) -> list[tuple[Loc, Phase]]:
        return [((*p, "phase"), i.phase) for p, i in self._items if isinstance(i, PhaseItem)]

    @property
    def theme(self) -> str | None:
        for _, item in self.walk_items():
            if isinstance(item, ThemeItem):
                return item.theme
        return None

    @property
    def ky_hieu(self) -> str:
        """The ký hiệu as printed: explicit, or <type>-<issuer abbreviation>."""
        if self.document.ky_hieu:
            return self.document.ky_hieu
        abbreviation = self.issuer.abbreviation or ""
        return f"{self.document.type}-{abbreviation}" if abbreviation else self.document.type

    @property
    def year(self) -> int | None:
        period = self.campaign.period
        if period and period.start:
            return period.start.year
        if self.document.date:
            return self.document.date.year
        # Not yet dated: it cannot be earlier than the documents it implements.
        dated = [r.date for r in self.references if r.date]
        return max(dated).year if dated else None


# The forward references (BlockItem, Section) are resolved when a model is first built (defer_build).
