"""Measure `thidua import` against issue 15's acceptance items 1-3 (prints tables; no pass/fail).

    python3 tools/import_eval.py [SEEDS_DIR]

1. the seeds 000, 001, 003, 004 (.txt): import, check (YA/SC findings), render, the share of the
   seed's word 3-grams in the render, and a table against the hand-made example in campaigns/;
2. every example: render, import the .docx, render again (3-grams both ways, same facts); also a
   LibreOffice re-saved .docx when soffice is installed and Word's automatic numbering;
3. the real plans in tests/fixtures/import/real/: valid plan, 3-grams both ways, số found.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.importer.docx_builder import auto_numbered_plan  # noqa: E402
from tests.importer.measure import document_text, own, share  # noqa: E402
from thidua.check.engine import CheckOptions, check_file  # noqa: E402
from thidua.errors import ThiduaError  # noqa: E402
from thidua.importer import import_text  # noqa: E402
from thidua.plan.model import Plan  # noqa: E402
from thidua.render.pipeline import render_docx  # noqa: E402
from thidua.render.textconv import readable_text  # noqa: E402
from thidua.workspace import load_plan  # noqa: E402

CHROME = ("Thứ ba - 23/02", "Tác giả", "Tổng số điểm", "Xếp hạng", "Click để", "Ý kiến bạn đọc", "Bạn đã không")
SEED_EXAMPLES = {
    "000": "ldld-quang-tri/2021/thi-dua-2021.yaml",
    "001": "ldld-cao-bang/2016/thi-dua-2016-2020.yaml",
    "003": "ldld-long-bien/2021/thi-dua-2021.yaml",
    "004": "cdvc-binh-dinh/2021/thi-dua-covid-19.yaml",
}


def imported(source: Path, folder: Path) -> tuple[Path, Plan | None, list[Any]]:
    out = folder / (source.stem + ".yaml")
    out.write_text(import_text(source, out=out).text, encoding="utf-8")
    plan, findings = load_plan(out)
    return out, plan, findings


def ya_sc(path: Path) -> list[str]:
    return sorted(f.code for f in check_file(path, CheckOptions()) if f.code[:2] in ("YA", "SC"))


def summary(plan: Plan) -> dict[str, str]:
    sig = plan.signature
    return {
        "số/ký hiệu": f"{plan.document.number}/{plan.ky_hieu}",
        "date": str(plan.document.date),
        "sections": str(len(plan.sections)),
        "items/section": ",".join(str(len(s.items)) for s in plan.sections),
        "kinds": ",".join(s.kind[:4] for s in plan.sections),
        "targets": " ".join(f"{t.measure[:3]}:{t.goal}" for _, t in plan.targets()) or "-",
        "phases": " ".join(f"{p.start or '?'}..{p.end or '?'}" for _, p in plan.phases()) or "-",
        "references": " ".join(f"{r.number or '-'}/{r.ky_hieu or '-'}" for r in plan.references) or "-",
        "signature": f"{sig.authority} | {sig.title} | {sig.name}",
    }


def facts(plan: Plan) -> dict[str, object]:
    return {
        "number": plan.document.number,
        "date": plan.document.date,
        "issuer": (plan.issuer.parent, plan.issuer.name),
        "title": plan.document.title,
        "targets": [(t.measure, t.goal, t.text) for _, t in plan.targets() if t.measure != "yes_no"],
        "phases": [(p.name, p.start, p.end, p.when) for _, p in plan.phases()],
    }


def seeds(folder: Path, seeds_dir: Path) -> None:
    print("## 1. Seeds (.txt)\n")
    print("| seed | YA/SC | seed 3-grams in render | render 3-grams in seed |")
    print("|---|---|---|---|")
    tables = []
    for number, example in SEED_EXAMPLES.items():
        source = next(seeds_dir.glob(f"{number}_*.txt"))
        out, plan, findings = imported(source, folder)
        text = "\n".join(
            line for line in source.read_text(encoding="utf-8").splitlines() if not line.startswith(CHROME)
        )
        rendered = readable_text(out)
        print(f"| {number} | {ya_sc(out) or 'none'} | {share(text, rendered):.3f} | {share(rendered, text):.3f} |")
        hand, _ = load_plan(ROOT / "campaigns" / example)
        assert plan is not None and hand is not None, findings
        tables.append((number, example, summary(plan), summary(hand)))
    for number, example, mine, hand in tables:
        print(f"\n### seed {number} vs campaigns/{example}\n")
        print("| field | imported | hand-made | same |")
        print("|---|---|---|---|")
        for key in mine:
            print(f"| {key} | {mine[key]} | {hand[key]} | {'yes' if mine[key] == hand[key] else 'NO'} |")


def round_trip(folder: Path) -> None:
    print("\n## 2. Round trip through Word\n")
    print("| example | YA/SC | before in after | after in before | facts equal |")
    print("|---|---|---|---|---|")
    examples = sorted(p for p in (ROOT / "campaigns").glob("*/*/*.yaml") if not p.name.endswith(".results.yaml"))
    for example in examples:
        original, _ = load_plan(example)
        assert original is not None
        sub = folder / example.parent.parent.name / example.stem
        sub.mkdir(parents=True)
        docx = sub / "ke-hoach.docx"
        docx.write_bytes(render_docx(original, plan_file=example))
        variants = [("word", docx)]
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice:
            subprocess.run(
                [soffice, "--headless", "--convert-to", "docx", "--outdir", str(sub / "lo"), str(docx)],
                check=True, capture_output=True, timeout=300,
            )  # fmt: skip
            variants.append(("libreoffice", sub / "lo" / "ke-hoach.docx"))
        for label, path in variants:
            out, plan, findings = imported(path, path.parent)
            assert plan is not None, findings
            before, after = readable_text(example), readable_text(out)
            same = facts(plan) == facts(original)
            diff = (
                ""
                if same
                else " "
                + ",".join(
                    f"{k}: {facts(plan)[k]} != {facts(original)[k]}"
                    for k in facts(plan)
                    if facts(plan)[k] != facts(original)[k]
                )
            )
            print(
                f"| {example.relative_to(ROOT / 'campaigns')} ({label}) | {ya_sc(out) or 'none'} | "
                f"{share(before, after):.3f} | {share(after, before):.3f} | {'yes' if same else 'NO' + diff} |"
            )
    auto = auto_numbered_plan(folder / "auto.docx")
    out, plan, findings = imported(auto, folder)
    labels = [
        line.strip()
        for line in readable_text(out).splitlines()
        if re.match(r"\s*([IVX]+\.|\d+(\.\d+)*\.|[a-z]\)|[-+] )", line)
    ]
    print(
        f"\nautomatic numbering fixture: valid plan {plan is not None}, YA/SC {ya_sc(out) or 'none'}; labels read: "
        + "; ".join(label[:12] for label in labels[:12])
    )


def real(folder: Path) -> None:
    print("\n## 3. Real plans (tests/fixtures/import/real)\n")
    print(
        "| plan | level | source | valid | YA/SC | text in render (≥0.85) | render in text (≥0.90)"
        " | số expected | số found |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    corpus = ROOT / "tests" / "fixtures" / "import" / "real"
    rows = 0
    for source in sorted(corpus.glob("*.txt")):
        expect = yaml.safe_load(source.with_suffix(".expect.yaml").read_text(encoding="utf-8"))
        try:
            out, plan, _ = imported(source, folder)
        except ThiduaError as exc:
            print(f"| {source.stem} | {expect['level']} | - | NO ({exc}) | | | | | |")
            continue
        text = document_text(source.read_text(encoding="utf-8"), expect.get("chrome"))
        rendered = readable_text(out) if plan is not None else ""
        host = re.sub(r"^https?://([^/]+).*", r"\1", str(expect["source"]))
        number = plan.document.number if plan is not None else None
        print(
            f"| {source.stem} | {expect['level']} | {host} | {'yes' if plan else 'NO'} | {ya_sc(out) or 'none'} | "
            f"{share(text, rendered):.3f} | {own(rendered, text):.3f} ({share(rendered, text):.3f}) | "
            f"{expect['number'] or '-'} | {number or '-'} |"
        )
        rows += 1
    print(f"\n{rows} real plans measured")


def main() -> None:
    seeds_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests" / "fixtures" / "seeds"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for step in (seeds, round_trip, real):
            sub = folder / step.__name__
            sub.mkdir()
            step(sub, seeds_dir) if step is seeds else step(sub)  # type: ignore[call-arg]


if __name__ == "__main__":
    main()
