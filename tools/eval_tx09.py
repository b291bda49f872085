"""Measure TX09 (real-word slips) on real text that its compound list was not ranked on.

    python3 tools/eval_tx09.py [--samples N] [--seed S]

False alarms: every TX09 finding on the real plans of tests/fixtures/import/real and the clean
prose of tests/fixtures/text/clean, printed to be judged by hand. Recall: N lines of those texts, each
with one common compound given one slip (a tone, or an onset tr/ch s/x d/gi/r l/n, or a final n/ng
t/c) that makes no word of real syllables; the share TX09 finds at the slipped pair, by kind of slip and by whether
the word slipped is one of the list's common words (two documents of the corpus use it) or rarer. It reports; it
does not pass or fail.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thidua.check.engine import CheckOptions, check_file  # noqa: E402
from thidua.text.compounds import compounds  # noqa: E402
from thidua.text.lexicon import Lexicon  # noqa: E402
from thidua.text.syllables import analyse, spell  # noqa: E402

TEXTS = sorted([*(ROOT / "tests/fixtures/import/real").glob("*.txt"), *(ROOT / "tests/fixtures/text/clean").glob("*.txt")])
_WORD = re.compile(r"[^\W\d_]+")
_ONSETS = {"tr": "ch", "ch": "tr", "s": "x", "x": "s", "d": "gi", "gi": "d", "r": "d", "l": "n", "n": "l"}
_FINALS = {"ng": "n", "n": "ng", "c": "t", "t": "c"}
LEXICON = Lexicon()


def slips(word: str) -> list[tuple[str, str]]:
    """(kind, slipped word) for each one-slip variant of `word` that is a syllable in use."""
    syllable = analyse(word)
    base, tone = syllable.base, syllable.tone
    out = [("tone", spell(base, t)) for t in range(6) if t != tone]
    for written, other in _ONSETS.items():
        if base.startswith(written) and not base.startswith(("nh", "ng")) and len(base) > len(written):
            out.append(("onset", spell(other + base[len(written) :], tone)))
            break
    for written, other in _FINALS.items():
        if base.endswith(written) and not base.endswith(("nh", "ch")) and len(base) > len(written):
            out.append(("final", spell(base[: -len(written)] + other, tone)))
            break
    # A slip to a syllable not in use is TX01's or TX02's: only real words are TX09's to find.
    return [(kind, w) for kind, w in out if analyse(w).valid and LEXICON.knows(analyse(w)) and w != word]


def findings(text: str) -> list[tuple[int, int]]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return [(f.line, f.column) for f in check_file(path, CheckOptions()) if f.code == "TX09"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--misses", action="store_true", help="print each missed slip of a common word")
    args = parser.parse_args()
    words = 0
    print("False alarms to judge (TX09 on real text):")
    for path in TEXTS:
        words += len(_WORD.findall(path.read_text(encoding="utf-8")))
        for f in check_file(path, CheckOptions()):
            if f.code == "TX09":
                print(f"  {path.name}:{f.line}:{f.column} {f.message('vi')}")
    print(f"  in {len(TEXTS)} texts, {words:,} words")
    table = compounds()
    rng = random.Random(args.seed)
    lines = [line for path in TEXTS for line in path.read_text(encoding="utf-8").splitlines() if len(line) > 40]
    tried: Counter[str] = Counter()
    found: Counter[str] = Counter()
    attempts = 0
    while tried["common"] + tried["rarer"] < args.samples and attempts < args.samples * 50:
        attempts += 1
        line = rng.choice(lines)
        matches = list(_WORD.finditer(line))
        spots = [
            (a, b)
            for a, b in zip(matches, matches[1:], strict=False)
            if line[a.end() : b.start()] == " "
            and a[0].islower()
            and b[0].islower()
            and f"{analyse(a[0]).key} {analyse(b[0]).key}" in table.words
            and table.meant(analyse(a[0]).key, analyse(b[0]).key) == []
        ]
        if not spots:
            continue
        a, b = rng.choice(spots)
        target = rng.choice((a, b))
        options = slips(target[0])
        if not options:
            continue
        kind, slipped = rng.choice(options)
        pair = (slipped, b[0]) if target is a else (a[0], slipped)
        key = f"{analyse(pair[0]).key} {analyse(pair[1]).key}"
        if key in table.words:
            continue  # the slip made another word: no tool can tell
        text = line[: target.start()] + slipped + line[target.end() :]
        if findings(line):
            continue  # a line TX09 already reports: not a clean sample
        original = f"{analyse(a[0]).key} {analyse(b[0]).key}"
        group = "common" if original in table.common else "rarer"
        tried[kind] += 1
        tried[group] += 1
        if (1, a.start() + 1) not in findings(text) and group == "common" and "--misses" in sys.argv[1:]:
            print("  miss:", kind, pair, "|", text[max(0, a.start() - 20) : b.end() + 20])
        if (1, a.start() + 1) in findings(text):
            found[kind] += 1
            found[group] += 1
    print("Recall on one-slip copies of real lines:")
    for kind in ("tone", "onset", "final", "common", "rarer"):
        if tried[kind]:
            print(f"  {kind}: {found[kind]}/{tried[kind]} = {found[kind] / tried[kind]:.0%}")
    total = sum(tried[k] for k in ("tone", "onset", "final"))
    hits = sum(found[k] for k in ("tone", "onset", "final"))
    print(f"  all: {hits}/{total} = {hits / max(total, 1):.0%}")


if __name__ == "__main__":
    main()
