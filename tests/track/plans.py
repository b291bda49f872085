"""The head of the plans the track tests write: one union, one numbered and dated plan, a period."""

from __future__ import annotations


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
