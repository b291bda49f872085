"""What the track tests share: the head of the plans they write, writing a plan with its results, a target's status."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from thidua.track.status import TargetStatus, track
from thidua.workspace import open_tracked


def plan_head(title: str, start: str, end: str) -> str:
    """Issuer, document and campaign of a Quảng Trị plan with TITLE over START–END; sections follow."""
    return f"""\
issuer:
  parent: TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM
  name: LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ
  abbreviation: LĐLĐ
document:
  number: 12
  place: Quảng Trị
  date: 2021-01-05
  title: {title}
campaign:
  period: {{start: {start}, end: {end}}}
"""


def write_plan(folder: Path, plan: str, results: str) -> Path:
    """ke-hoach.yaml and its ke-hoach.results.yaml in FOLDER; the plan's path."""
    plan_file = folder / "ke-hoach.yaml"
    plan_file.write_text(plan, encoding="utf-8")
    (folder / "ke-hoach.results.yaml").write_text(results, encoding="utf-8")
    return plan_file


def status_of(plan_file: Path, target_id: str, as_of: date) -> TargetStatus:
    """How one target of the plan (and its results file) stands on AS_OF."""
    tracked = open_tracked(plan_file)
    return next(s for s in track(tracked.plan, tracked.results, as_of) if s.target.id == target_id)
