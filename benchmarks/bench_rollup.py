"""Measure the roll-up of a federation's tree of plans (issue 17 item 7).

    python3 benchmarks/bench_rollup.py [--provinces 60] [--districts 700] [--grassroots 10000] [--runs 1] [--keep DIR]

Writes a tree — 1 national plan, its provinces, their districts, their grassroots unions — each
plan with three targets (two that add into the plan above, one of its own) and a year of results
for the grassroots (a figure per target per month), then runs, as whole processes:

- `thidua track campaigns/ -f json`: every plan in one table, rolled up;
- `thidua track <national plan> -f json`: the national targets from the whole tree.

For each: wall time, CPU time, and the peak memory of the process tree (its resident sizes summed,
sampled every 50 ms). It then checks the national figures against the sums it wrote. It reports;
it does not pass or fail.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
YEAR = 2026
AS_OF = f"{YEAR}-12-31"


def _plan(name: str, parent: str, link: str | None, targets: list[tuple[str, str, int, str | None]]) -> str:
    lines = [
        f"# yaml-language-server: $schema={ROOT / 'schema' / 'plan.schema.json'}",
        "issuer:",
        f"  parent: {parent}",
        f"  name: {name}",
        "  abbreviation: CĐ",
        "document:",
        "  number: 12",
        "  place: Hà Nội",
        f"  date: {YEAR}-01-05",
        f"  title: Tổ chức phong trào thi đua năm {YEAR}",
        "campaign:",
        f"  period: {{start: {YEAR}-01-01, end: {YEAR}-12-31}}",
    ]
    if link:
        lines += ["references:", "  - number: 12", "    ky_hieu: KH-CĐ", f"    date: {YEAR}-01-05", f"    plan: {link}"]
    lines += [
        "sections:",
        "  - kind: purpose",
        "    title: MỤC ĐÍCH, YÊU CẦU",
        "    items:",
        "      - >-",
        "        Đẩy mạnh phong trào thi đua yêu nước trong công nhân, viên chức, lao động, gắn với việc",
        "        thực hiện nhiệm vụ chính trị của cơ quan, đơn vị; phát hiện, bồi dưỡng, nhân rộng điển hình.",
        "  - kind: targets",
        "    title: CHỈ TIÊU",
        "    items:",
    ]
    for id_, measure, goal, contributes in targets:
        lines += [
            "      - target:",
            f"          id: {id_}",
            f"          text: Chỉ tiêu {id_} năm {YEAR}.",
            f"          measure: {measure}",
            f"          goal: {goal}",
        ]
        if contributes:
            lines.append(f"          contributes: {contributes}")
    lines += ["signature: {authority: TM. BAN THƯỜNG VỤ, title: CHỦ TỊCH}", 'recipients: ["Lưu: VT"]', ""]
    return "\n".join(lines)


def write_tree(
    root: Path, provinces: int, districts: int, grassroots: int, seed: int = 1
) -> tuple[Path, int, int, int]:
    """The tree under ROOT/campaigns; the national plan and the sums its targets should show."""
    rng = random.Random(seed)
    campaigns = root / "campaigns"
    (root / "pyproject.toml").write_text("[tool.thidua]\n", encoding="utf-8")

    def place(slug: str) -> Path:
        folder = campaigns / slug / str(YEAR)
        folder.mkdir(parents=True)
        return folder / f"thi-dua-{YEAR}.yaml"

    def up(slug: str) -> str:
        return f"../../{slug}/{YEAR}/thi-dua-{YEAR}.yaml"

    national = place("tld")
    national.write_text(
        _plan(
            "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
            "ĐOÀN CHỦ TỊCH",
            None,
            [("doan-vien-moi", "count", 1_000_000, None), ("cdcs-vung-manh", "percent", 80, None)],
        ),
        encoding="utf-8",
    )
    members = strong = population = 0
    for p in range(provinces):
        province = f"tinh-{p:02d}"
        place(province).write_text(
            _plan(
                f"LIÊN ĐOÀN LAO ĐỘNG TỈNH {p:02d}",
                "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM",
                up("tld"),
                [
                    ("doan-vien-moi-tinh", "count", 20_000, "doan-vien-moi"),
                    ("cdcs-vung-manh-tinh", "percent", 80, "cdcs-vung-manh"),
                    ("sang-kien", "count", 100, None),
                ],
            ),
            encoding="utf-8",
        )
    for d in range(districts):
        district, province = f"huyen-{d:03d}", f"tinh-{d % provinces:02d}"
        place(district).write_text(
            _plan(
                f"LIÊN ĐOÀN LAO ĐỘNG HUYỆN {d:03d}",
                f"LIÊN ĐOÀN LAO ĐỘNG TỈNH {d % provinces:02d}",
                up(province),
                [
                    ("doan-vien-moi-huyen", "count", 1500, "doan-vien-moi-tinh"),
                    ("cdcs-vung-manh-huyen", "percent", 80, "cdcs-vung-manh-tinh"),
                    ("mo-hinh", "count", 5, None),
                ],
            ),
            encoding="utf-8",
        )
    for g in range(grassroots):
        district = f"huyen-{g % districts:03d}"
        plan_file = place(f"cdcs-{g:05d}")
        plan_file.write_text(
            _plan(
                f"CÔNG ĐOÀN CƠ SỞ {g:05d}",
                f"LIÊN ĐOÀN LAO ĐỘNG HUYỆN {g % districts:03d}",
                up(district),
                [
                    ("kn-doan-vien", "count", 120, "doan-vien-moi-huyen"),
                    ("to-cong-doan-vung-manh", "percent", 80, "cdcs-vung-manh-huyen"),
                    ("hoi-thao", "yes_no", True, None),  # type: ignore[list-item]
                ],
            ).replace("goal: True", "goal: true"),
            encoding="utf-8",
        )
        groups = rng.randint(3, 12)
        lines, value, good = ["results:"], 0, 0
        for month in range(1, 13):
            value += rng.randint(0, 15)
            good = min(groups, good + rng.randint(0, 1))
            end = f"{YEAR}-{month:02d}-28"
            lines.append(f"  - {{target: kn-doan-vien, date: {end}, value: {value}}}")
            lines.append(f"  - {{target: to-cong-doan-vung-manh, date: {end}, value: {good}, of: {groups}}}")
        lines.append(f"  - {{target: hoi-thao, date: {YEAR}-06-30, value: true}}")
        plan_file.with_name(f"thi-dua-{YEAR}.results.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        members, strong, population = members + value, strong + good, population + groups
    return national, members, strong, population


def _tree_rss(pid: int) -> int:
    """The resident bytes of a process and its descendants."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm") as statm:
                total += int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    stack += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(args: list[str], folder: Path) -> tuple[float, float, int, bytes]:
    """Wall seconds, CPU seconds, peak resident bytes of the process tree, stdout."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "thidua", *args], cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    peak = [0]

    def sample() -> None:
        while process.poll() is None:
            peak[0] = max(peak[0], _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if process.returncode != 0:
        raise SystemExit(f"thidua {' '.join(args)}: exit {process.returncode}\n{err.decode()[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak[0], out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--provinces", type=int, default=60)
    parser.add_argument("--districts", type=int, default=700)
    parser.add_argument("--grassroots", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="write the tree here and keep it")
    options = parser.parse_args()
    folder = options.keep or Path(tempfile.mkdtemp(prefix="thidua-rollup-"))
    folder.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    national, members, strong, population = write_tree(folder, options.provinces, options.districts, options.grassroots)
    plans = 1 + options.provinces + options.districts + options.grassroots
    print(f"{plans} plans written in {time.perf_counter() - started:.1f} s under {folder}; {os.cpu_count()} cores")
    relative = national.relative_to(folder)
    for label, args in (
        ("track campaigns/ (the tree)", ["track", "campaigns", "--as-of", AS_OF, "-f", "json"]),
        ("track <national plan>", ["track", str(relative), "--as-of", AS_OF, "-f", "json"]),
    ):
        for run in range(options.runs):
            wall, cpu, peak, out = measure(args, folder)
            print(
                f"{label}: run {run + 1}: {wall:.1f} s wall, {cpu:.1f} s CPU, peak {peak / 2**20:.0f} MiB (process tree)"
            )
        data = json.loads(out)
        if label.startswith("track <"):
            by_id = {entry["id"]: entry for entry in data}
            got_members = by_id["doan-vien-moi"]["value"]
            got = (by_id["cdcs-vung-manh"]["of"], by_id["cdcs-vung-manh"]["children_counted"])
            print(
                f"  national members {got_members} (written: {members}), vững mạnh of {got[0]} (written: {population})"
            )
            print(
                f"  vững mạnh {by_id['cdcs-vung-manh']['result']} (written: {strong}/{population}); {got[1]} provinces counted"
            )
        else:
            print(f"  {len(data)} rows; {sum(1 for row in data if row['error'])} could not be read")


if __name__ == "__main__":
    main()
