"""Measure the text rules (TX) on a 20-page plan.

    python3 benchmarks/bench_text.py [PAGES]

Builds one plan of PAGES pages (default 20, at 500 words a page, the density of the seed plans
printed in 14 pt Times New Roman) from the example campaigns' own sentences, then times, in
process: the text rules alone over the plan's segments, cold (the first run in this process,
caches empty) and warm (median of 20), and the whole `check_file` for comparison. It reports;
it does not pass or fail.
"""

from __future__ import annotations

import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

from thidua.check.engine import CheckOptions, check_file, run_text_rules
from thidua.plan.loader import load_yaml_file
from thidua.text.segments import plan_segments

ROOT = Path(__file__).resolve().parent.parent
WORDS_PER_PAGE = 500


def _sentences() -> list[str]:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str) and len(value.split()) > 6:
            found.append(" ".join(value.split()))
        elif isinstance(value, dict):
            for child in value.values():
                walk(child)
        elif isinstance(value, list):
            for child in value:
                walk(child)

    for path in sorted((ROOT / "campaigns").glob("*/*/*.yaml")):
        walk(load_yaml_file(path).data)
    return found


def build_plan(pages: int) -> str:
    sentences = _sentences()
    items: list[str] = []
    words = 0
    while words < pages * WORDS_PER_PAGE:
        sentence = sentences[len(items) % len(sentences)]
        items.append(sentence)
        words += len(re.findall(r"\S+", sentence))
    plan = {
        "issuer": {"name": "LIÊN ĐOÀN LAO ĐỘNG TỈNH QUẢNG TRỊ", "abbreviation": "LĐLĐ"},
        "document": {"title": "Tổ chức phong trào thi đua năm 2021"},
        "sections": [{"kind": "content", "title": "NỘI DUNG THI ĐUA", "items": items}],
    }
    return yaml.dump(plan, allow_unicode=True, sort_keys=False, width=100)


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "plan.yaml"
        path.write_text(build_plan(pages), encoding="utf-8")
        loaded = load_yaml_file(path)
        segments = plan_segments(loaded.data, loaded.source.values, loaded.source.lines)
        words = sum(len(s.words) for s in segments)
        options = CheckOptions()

        def text_rules() -> float:
            fresh = plan_segments(loaded.data, loaded.source.values, loaded.source.lines)  # no cached words
            started = time.perf_counter()
            problems = list(run_text_rules(fresh, options, None))
            elapsed = time.perf_counter() - started
            assert not problems, problems[:3]
            return elapsed

        cold = text_rules()
        warm = statistics.median(text_rules() for _ in range(20))
        whole = statistics.median(_timed(lambda: check_file(path, options)) for _ in range(10))
        print(f"{pages} pages: {len(segments)} text fields, {words} words, {path.stat().st_size / 1e3:.0f} kB")
        print(f"text rules, cold (first run, empty caches): {cold * 1e3:.1f} ms")
        print(f"text rules, warm (median of 20):            {warm * 1e3:.1f} ms")
        print(f"whole check_file (median of 10):            {whole * 1e3:.1f} ms")


def _timed(action: object) -> float:
    started = time.perf_counter()
    action()  # type: ignore[operator]
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
