"""Print the syllables that only begin a word in word-segmented Vietnamese text: TX13's candidates.

    python3 tools/bound_syllables.py TAGGED.txt [--min 20] [--alone 0.02]

TAGGED.txt: one word per line, its syllables separated by spaces, a tab before any tag, as in
underthesea's VLSP 2013 test output (`pip download --no-deps underthesea`, then
`underthesea/pipeline/pos_tag/models/pos_crf_vlsp2013_20230303/test_output.txt` in the wheel).
A syllable is printed when it begins a word at least --min times and stands alone or ends a word
in at most --alone of its uses. Run by hand: the list in thidua/text/vocab.py (BOUND_FIRST) is
this output less the syllables a reader knows are also used alone (its comment names them).
Only counts are read; no text is kept.
"""

from __future__ import annotations

import argparse
import unicodedata
from collections import Counter
from pathlib import Path


def counts(path: Path) -> tuple[Counter[str], Counter[str], Counter[str]]:
    alone: Counter[str] = Counter()
    first: Counter[str] = Counter()
    last: Counter[str] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("\t")[0].strip()
        parts = unicodedata.normalize("NFC", word).lower().split()
        if not parts or not parts[0].isalpha():
            continue
        if len(parts) == 1:
            alone[parts[0]] += 1
        else:
            first[parts[0]] += 1
            last[parts[-1]] += 1
    return alone, first, last


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("tagged", type=Path)
    parser.add_argument("--min", type=int, default=20)
    parser.add_argument("--alone", type=float, default=0.02)
    args = parser.parse_args()
    alone, first, last = counts(args.tagged)
    bound = [s for s in first if first[s] >= args.min and alone[s] + last[s] <= first[s] * args.alone]
    for syllable in sorted(bound, key=lambda s: (-first[s], s)):
        print(f"{syllable}\t{first[syllable]}\t{alone[syllable] + last[syllable]}")


if __name__ == "__main__":
    main()
