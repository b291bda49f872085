"""Measure the text rules on real published plans and reports annotated by hand.

    python3 tools/eval_text.py [--corpus DIR] [--show-misses] [--show-alarms]

The corpus (tests/fixtures/text/corpus/ by default) holds each document's text as published
(`NN-slug.txt`), where it came from (`SOURCES.md`) and its defects (`defects.tsv`: file, line,
quote, fix, family, severity, pass, note), written by hand before the rules were run on it
(pass 1) or judged from a finding the annotators had missed (pass 2).

Recall is at the word: a defect counts as found when a TX finding's column lies inside its
quote on its line, not merely on the line. It is given by family and severity over the pass-1
defects the annotators were sure of (a note starting with `?` marks one they were not: a finding
inside it is no false alarm, but it is left out of the recall). A false alarm is a finding inside
no defect of either pass; they are counted per 1,000 words on the corpus as published, on the
corpus with every fix applied, and on tests/fixtures/text/clean/. It reports; it does not pass
or fail.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from thidua.check.engine import CheckOptions, check_document  # noqa: E402
from thidua.findings import Finding  # noqa: E402

CORPUS = ROOT / "tests/fixtures/text/corpus"
CLEAN = ROOT / "tests/fixtures/text/clean"
FAMILIES = (
    "real-word",
    "misspelling",
    "lost-diacritics",
    "mixed-case",
    "loanword",
    "capitals",
    "date-number",
    "heading-number",
    "citation",
    "typography",
    "repeated",
    "unicode",
    "other",
)
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Defect:
    file: str
    line: int
    start: int  # 1-based column of the quote's first character
    end: int  # 1-based column of its last character
    quote: str
    fix: str
    family: str
    severity: str
    blind: bool
    note: str

    def holds(self, finding: Finding) -> bool:
        return finding.line == self.line and self.start <= finding.column <= self.end


def read_defects(corpus: Path) -> tuple[list[Defect], list[str]]:
    """The annotated defects, placed on their lines, and what could not be placed."""
    defects: list[Defect] = []
    errors: list[str] = []
    texts: dict[str, list[str]] = {}
    with (corpus / "defects.tsv").open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE), 2):
            name = row["file"]
            if name not in texts:
                path = corpus / name
                texts[name] = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
            lines = texts[name]
            line = int(row["line"])
            quote = row["quote"]
            where = lines[line - 1].find(quote) if 0 < line <= len(lines) and quote else -1
            if where < 0:
                errors.append(f"defects.tsv:{number}: {quote!r} is not on {name}:{line}")
                continue
            if row["family"] not in FAMILIES or row["severity"] not in ("error", "minor"):
                errors.append(f"defects.tsv:{number}: family {row['family']!r} / severity {row['severity']!r}")
                continue
            defects.append(
                Defect(
                    name,
                    line,
                    where + 1,
                    where + len(quote),
                    quote,
                    row["fix"],
                    row["family"],
                    row["severity"],
                    row.get("pass", "1").strip() != "2",
                    row.get("note", ""),
                )
            )
    return defects, errors


def text_findings(path: Path) -> list[Finding]:
    return [f for f in check_document(path, CheckOptions()) if f.code.startswith("TX")]


def words(text: str) -> int:
    return len(_WORD.findall(text))


def corrected(lines: list[str], defects: list[Defect]) -> list[str]:
    """The lines with every defect's fix put in, in the table's order, each in place of the first
    occurrence of its quote in the line as fixed so far: a fix that overlaps an earlier one applies to
    its result ("quản   lý trị" -> "quản lý trị" -> "quản trị"), and one whose quote is gone is left out."""
    out = list(lines)
    for defect in defects:
        out[defect.line - 1] = out[defect.line - 1].replace(defect.quote, defect.fix, 1)
    return out


def findings_of_text(text: str) -> list[Finding]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.txt"
        path.write_text(text, encoding="utf-8")
        return text_findings(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--show-misses", action="store_true", help="list the pass-1 defects no finding holds")
    parser.add_argument("--show-alarms", action="store_true", help="list the findings inside no defect")
    args = parser.parse_args()
    corpus: Path = args.corpus
    defects, errors = read_defects(corpus)
    for error in errors:
        print("annotation:", error, file=sys.stderr)
    documents = sorted(corpus.glob("*.txt"))
    by_file: dict[str, list[Defect]] = defaultdict(list)
    for defect in defects:
        by_file[defect.file].append(defect)

    found: set[Defect] = set()
    alarms: list[Finding] = []
    fixed_alarms: list[Finding] = []
    total_words = 0
    for path in documents:
        text = path.read_text(encoding="utf-8")
        total_words += words(text)
        mine = by_file.get(path.name, [])
        for finding in text_findings(path):
            holders = [d for d in mine if d.holds(finding)]
            found.update(holders)
            if not holders:
                alarms.append(finding)
        fixed_text = "\n".join(corrected(text.splitlines(), mine)) + "\n"
        fixed_alarms.extend(replace(f, file=f"{path.name} (fixed)") for f in findings_of_text(fixed_text))

    clean_words = 0
    clean_alarms: list[Finding] = []
    for path in sorted(CLEAN.glob("*.txt")):
        clean_words += words(path.read_text(encoding="utf-8"))
        clean_alarms.extend(text_findings(path))

    blind = [d for d in defects if d.blind and not d.note.startswith("?")]
    unsure = sum(d.blind and d.note.startswith("?") for d in defects)
    print(f"corpus: {len(documents)} documents, {total_words:,} words, {len(blind)} defects annotated blind")
    print(f"        ({unsure} more the annotators were unsure of, {sum(not d.blind for d in defects)} judged")
    print("        from findings after the first run: neither counted in the recall)\n")
    print("| family | errors found / annotated | recall | minor found / annotated | recall |")
    print("|---|---:|---:|---:|---:|")
    totals: dict[str, Counter[str]] = {"error": Counter(), "minor": Counter()}
    for family in FAMILIES:
        cells = []
        for severity in ("error", "minor"):
            mine = [d for d in blind if d.family == family and d.severity == severity]
            hit = sum(d in found for d in mine)
            totals[severity]["all"] += len(mine)
            totals[severity]["hit"] += hit
            cells += [f"{hit} / {len(mine)}", f"{hit / len(mine):.0%}" if mine else "–"]
        if any(c not in ("0 / 0", "–") for c in cells):
            print(f"| {family} | " + " | ".join(cells) + " |")
    row = []
    for severity in ("error", "minor"):
        hit, all_ = totals[severity]["hit"], totals[severity]["all"]
        row += [f"**{hit} / {all_}**", f"**{hit / all_:.0%}**" if all_ else "–"]
    print("| **all** | " + " | ".join(row) + " |\n")

    def rate(n: int, w: int) -> str:
        return f"{n} in {w:,} words = {1000 * n / w:.2f} per 1,000" if w else f"{n}"

    print("false alarms (findings inside no annotated defect):")
    print(f"  corpus as published:   {rate(len(alarms), total_words)}")
    print(f"  corpus with its fixes: {rate(len(fixed_alarms), total_words)}")
    print(f"  tests/fixtures/text/clean: {rate(len(clean_alarms), clean_words)}")
    codes = Counter(f.code for f in alarms)
    if codes:
        print("  by rule (as published): " + ", ".join(f"{c} {n}" for c, n in sorted(codes.items())))
    if args.show_misses:
        print("\nmissed (pass 1):")
        for d in sorted(set(blind) - found, key=lambda d: (d.family, d.file, d.line)):
            print(f"  {d.family:15} {d.severity:5} {d.file}:{d.line}:{d.start} {d.quote!r} -> {d.fix!r}  {d.note}")
    if args.show_alarms:
        print("\nfindings inside no defect:")
        for f in [*alarms, *fixed_alarms, *clean_alarms]:
            print(f"  {f.file}:{f.line}:{f.column} {f.code} {f.message('en')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
